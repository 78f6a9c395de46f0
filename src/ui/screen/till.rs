//! The till itself: open it with the float counted note by note, put money in or take it out
//! with a reason (taking out needs a manager), print the X report any time, and close it with
//! the drawer counted. A blind count shows the expected cash only once the count is in. The Z
//! report is printed and kept with the session; what stays in the drawer is the next float. A
//! closed count found wrong later is put right with a correction of its own (`correct.rs`).

mod correct;

use chrono::{DateTime, FixedOffset};
use iced::widget::{button, column, container, operation, row, scrollable, text, text_input};
use iced::{Center, Element, Fill, FillPortion, Task};

use crate::domain::money::signed;
use crate::domain::till::{Count, DENOMINATIONS, MoveKind};
use crate::domain::{StaffMember, Won, register};
use crate::hardware::Document;
use crate::hardware::till_report::{cash_move_slip, till_report};
use crate::store::{Approval, SessionReport, Store, StoreError, TillError, TillId, TillSession, Worker};
use crate::ui::approval::{self, ApprovalPanel, Outcome};
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};
use crate::{explain, t};

const AMOUNT_INPUT: &str = "till-amount";
const REASON_INPUT: &str = "till-reason";

fn count_input(i: usize) -> iced::widget::Id {
    iced::widget::Id::from(format!("till-count-{i}"))
}

#[derive(Debug, Clone)]
pub enum Message {
    CountChanged(usize, String),
    CountSubmitted(usize),
    OpenTill,
    Opened(Result<TillSession, TillError>),
    CashIn,
    CashOut,
    AmountChanged(String),
    ReasonChanged(String),
    ConfirmMove,
    IssueCredit,
    CreditIssued(Result<crate::store::Credit, StoreError>),
    Moved(Result<(), StoreError>),
    Approval(approval::Message),
    PrintX,
    StartClose,
    Blind(bool),
    Counted,
    KeptChanged(String),
    ConfirmClose,
    Closed(Result<SessionReport, TillError>),
    /// Correct the last closed count: start, more (or less) was there, confirm, written.
    Correct,
    CorrectMore(bool),
    ConfirmCorrect,
    Corrected(Result<SessionReport, TillError>),
    /// The audit log (managers).
    Audit,
    Back,
}

pub enum Action {
    None,
    Run(Task<Message>),
    Print {
        title: String,
        paper: Document,
        then: Task<Message>,
    },
    /// Back to the checkout.
    Leave,
    Audit,
}

#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub store: &'a Store,
    pub worker: &'a Worker,
    pub staff: &'a StaffMember,
    pub till: &'a TillId,
    pub now: DateTime<FixedOffset>,
}

enum Mode {
    /// Counting the opening float; `from_last` when it starts from what the last close kept.
    Opening {
        counts: [String; 8],
        from_last: bool,
    },
    /// The session's figures, with what can be done.
    Open,
    Move {
        what: Entry,
        digits: String,
        reason: String,
    },
    Approving {
        panel: ApprovalPanel,
        then: After,
    },
    Correct(correct::Correction),
    /// Counting the drawer to close. `counted` once the count is in (a blind count shows the
    /// expected cash only then).
    Closing {
        counts: [String; 8],
        blind: bool,
        counted: bool,
        kept: String,
    },
    /// Closed: the Z report's figures.
    Done(Box<SessionReport>),
    Busy,
}

#[derive(Debug, Clone)]
struct Move {
    amount: Won,
    reason: String,
}

/// What the amount-and-reason panel is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    CashIn,
    CashOut,
    /// Store credit a manager gives outside a refund (a voucher prints).
    Credit,
}

/// What a manager's approval on this screen is for.
enum After {
    CashOut(Move),
    Credit(Move),
    Correct(correct::Plan),
}

pub struct TillScreen {
    session: Option<TillSession>,
    report: Option<SessionReport>,
    mode: Mode,
    notice: Option<(String, bool)>,
    /// The slip of a cash move being written.
    slip: Option<(String, Document)>,
    /// A manager is signed in (who may read the audit log).
    manager: bool,
    /// This till's last closed session, which a correction would be for.
    last_closed: Option<TillSession>,
}

/// The opening count, starting from what stayed in the drawer at the last close.
fn opening(store: &Store, till: &TillId) -> Mode {
    match store.last_kept(till) {
        Ok(Some(kept)) => Mode::Opening { counts: count_strings(Count::of(kept)), from_last: true },
        Ok(None) | Err(_) => Mode::Opening { counts: Default::default(), from_last: false },
    }
}

fn parse_counts(counts: &[String; 8]) -> Count {
    Count(counts.each_ref().map(|c| c.trim().parse::<u32>().unwrap_or(0)))
}

fn count_strings(count: Count) -> [String; 8] {
    count.0.map(|n| if n == 0 { String::new() } else { n.to_string() })
}

impl TillScreen {
    pub fn new(store: &Store, till: &TillId, manager: bool) -> (TillScreen, Task<Message>) {
        let mut notice = None;
        let session = store.current_session(till).unwrap_or_else(|e| {
            notice = Some((explain::store_error(&e), true));
            None
        });
        let (mode, report) = match &session {
            Some(s) => match store.session_report(s.id) {
                Ok(report) => (Mode::Open, Some(report)),
                Err(e) => {
                    notice = Some((explain::store_error(&e), true));
                    (Mode::Open, None)
                }
            },
            None => (opening(store, till), None),
        };
        let focus = if session.is_none() { operation::focus(count_input(0)) } else { Task::none() };
        let last_closed = store.last_closed(till).unwrap_or_else(|e| {
            notice = Some((explain::store_error(&e), true));
            None
        });
        (TillScreen { session, report, mode, notice, slip: None, manager, last_closed }, focus)
    }

    /// A scan here sells nothing: say so, rather than lose it quietly.
    pub fn scanned(&mut self) {
        self.notice = Some((t!("till-scan-elsewhere"), true));
    }

    pub fn update(&mut self, message: Message, ctx: Context<'_>) -> Action {
        match message {
            Message::CountChanged(i, typed) => {
                let digits: String = typed.chars().filter(char::is_ascii_digit).take(5).collect();
                if let Mode::Opening { counts, .. } | Mode::Closing { counts, counted: false, .. } = &mut self.mode
                    && let Some(slot) = counts.get_mut(i)
                {
                    *slot = digits;
                }
                Action::None
            }
            Message::CountSubmitted(i) => {
                if i + 1 < DENOMINATIONS.len() {
                    return Action::Run(operation::focus(count_input(i + 1)));
                }
                match self.mode {
                    Mode::Opening { .. } => self.update(Message::OpenTill, ctx),
                    Mode::Closing { counted: false, .. } => self.update(Message::Counted, ctx),
                    _ => Action::None,
                }
            }
            Message::OpenTill => {
                let Mode::Opening { counts, .. } = &self.mode else { return Action::None };
                let float = parse_counts(counts);
                self.mode = Mode::Busy;
                let (till, staff, now) = (ctx.till.clone(), ctx.staff.clone(), ctx.now);
                let open = ctx.worker.call(move |store| store.open_session(&till, &staff, float, now));
                Action::Run(Task::perform(open, Message::Opened))
            }
            Message::Opened(result) => match result {
                Ok(session) => {
                    self.notice = Some((t!("till-opened", amount = session.float.to_string()), false));
                    self.session = Some(session);
                    self.refresh(ctx);
                    // The float goes into the drawer.
                    let mut kick = Document::new();
                    kick.drawer_kick();
                    Action::Print { title: t!("job-drawer"), paper: kick, then: Task::none() }
                }
                Err(e) => {
                    self.notice = Some((explain::till_error(&e), true));
                    self.mode = opening(ctx.store, ctx.till);
                    self.refresh_if_open(ctx);
                    Action::None
                }
            },
            Message::CashIn | Message::CashOut | Message::IssueCredit => {
                if !matches!(self.mode, Mode::Open) || self.session.is_none() {
                    return Action::None;
                }
                let what = match message {
                    Message::CashIn => Entry::CashIn,
                    Message::CashOut => Entry::CashOut,
                    _ if self.manager => Entry::Credit,
                    _ => return Action::None,
                };
                self.mode = Mode::Move { what, digits: String::new(), reason: String::new() };
                self.notice = None;
                Action::Run(operation::focus(AMOUNT_INPUT))
            }
            Message::AmountChanged(typed) => {
                if let Mode::Move { digits, .. } | Mode::Correct(correct::Correction { digits, .. }) = &mut self.mode {
                    *digits = register::edit_amount(digits, &typed);
                }
                Action::Run(operation::move_cursor_to_end(AMOUNT_INPUT))
            }
            Message::ReasonChanged(typed) => {
                if let Mode::Move { reason, .. } | Mode::Correct(correct::Correction { reason, .. }) = &mut self.mode {
                    *reason = typed;
                }
                Action::None
            }
            Message::Correct | Message::CorrectMore(_) | Message::ConfirmCorrect | Message::Corrected(_) => {
                self.update_correct(message, ctx)
            }
            Message::ConfirmMove => {
                let Mode::Move { what, digits, reason } = &self.mode else { return Action::None };
                let amount = match register::price(digits) {
                    Ok(amount) => amount,
                    Err(_) => {
                        self.notice = Some((t!("error-till-amount"), true));
                        return Action::Run(operation::focus(AMOUNT_INPUT));
                    }
                };
                let reason = reason.trim().to_string();
                if reason.is_empty() {
                    self.notice = Some((t!("error-till-reason"), true));
                    return Action::Run(operation::focus(REASON_INPUT));
                }
                let (what, m) = (*what, Move { amount, reason: reason.clone() });
                let (action, title, then) = match what {
                    Entry::CashIn => return self.cash_move(MoveKind::In, m, None, ctx),
                    Entry::CashOut => (
                        Approval::CashOut { amount, reason },
                        t!("till-out-approval", amount = amount.to_string()),
                        After::CashOut(m),
                    ),
                    Entry::Credit => (
                        Approval::IssueCredit { amount },
                        t!("till-credit-approval", amount = amount.to_string()),
                        After::Credit(m),
                    ),
                };
                let panel = ApprovalPanel::new(ctx.store, action, title);
                let focus = panel.focus().map(Message::Approval);
                self.mode = Mode::Approving { panel, then };
                Action::Run(focus)
            }
            Message::Approval(message) => {
                let Mode::Approving { panel, .. } = &mut self.mode else { return Action::None };
                match panel.update(message, ctx.worker, ctx.staff, ctx.now) {
                    Outcome::None => Action::None,
                    Outcome::Run(task) => Action::Run(task.map(Message::Approval)),
                    Outcome::Cancelled => {
                        self.mode = if self.session.is_some() { Mode::Open } else { opening(ctx.store, ctx.till) };
                        Action::None
                    }
                    Outcome::Approved(manager) => {
                        let Mode::Approving { then, .. } = std::mem::replace(&mut self.mode, Mode::Busy) else {
                            return Action::None;
                        };
                        match then {
                            After::CashOut(out) => self.cash_move(MoveKind::Out, out, Some(manager), ctx),
                            After::Credit(credit) => {
                                let (staff, now) = (ctx.staff.clone(), ctx.now);
                                let write = ctx.worker.call(move |store| {
                                    store.issue_credit(credit.amount, &credit.reason, &staff, &manager, now)
                                });
                                Action::Run(Task::perform(write, Message::CreditIssued))
                            }
                            After::Correct(plan) => self.correct(plan, manager, ctx),
                        }
                    }
                }
            }
            Message::Moved(result) => {
                self.mode = Mode::Open;
                self.refresh(ctx);
                let slip = self.slip.take();
                match (result, slip) {
                    (Ok(()), Some((title, paper))) => {
                        self.notice = Some((t!("till-moved"), false));
                        Action::Print { title, paper, then: Task::none() }
                    }
                    (Ok(()), None) => Action::None,
                    (Err(e), _) => {
                        self.notice = Some((t!("error-till-move", reason = explain::store_error(&e)), true));
                        Action::None
                    }
                }
            }
            Message::CreditIssued(result) => {
                self.mode = Mode::Open;
                match result {
                    Ok(credit) => {
                        self.notice = Some((
                            t!("till-credit-issued", code = credit.code.clone(), amount = credit.amount.to_string()),
                            false,
                        ));
                        let paper = crate::hardware::receipt::credit_voucher(
                            ctx.store.info(),
                            &credit.code,
                            credit.amount,
                            ctx.now,
                        );
                        Action::Print { title: t!("job-voucher", code = credit.code), paper, then: Task::none() }
                    }
                    Err(e) => {
                        self.notice = Some((explain::store_error(&e), true));
                        Action::None
                    }
                }
            }
            Message::PrintX => {
                self.refresh(ctx);
                match &self.report {
                    Some(report) => Action::Print {
                        title: t!("job-x-report"),
                        paper: till_report(ctx.store.info(), report, ctx.now),
                        then: Task::none(),
                    },
                    None => Action::None,
                }
            }
            Message::StartClose => {
                if !matches!(self.mode, Mode::Open) || self.session.is_none() {
                    return Action::None;
                }
                self.refresh(ctx);
                self.mode =
                    Mode::Closing { counts: Default::default(), blind: true, counted: false, kept: String::new() };
                self.notice = None;
                Action::Run(operation::focus(count_input(0)))
            }
            Message::Blind(blind) => {
                // Only a manager may count seeing the expected cash.
                if let Mode::Closing { blind: b, counted: false, .. } = &mut self.mode
                    && self.manager
                {
                    *b = blind;
                }
                Action::None
            }
            Message::Counted => {
                if let Mode::Closing { counts, counted, kept, .. } = &mut self.mode {
                    *counted = true;
                    // What stays in the drawer defaults to the float it opened with.
                    let float = self.session.as_ref().map_or(Won::ZERO, |s| s.float);
                    *kept = float.min(parse_counts(counts).total()).get().to_string();
                }
                Action::Run(operation::focus(AMOUNT_INPUT))
            }
            Message::KeptChanged(typed) => {
                if let Mode::Closing { kept, .. } = &mut self.mode {
                    *kept = register::edit_amount(kept, &typed);
                }
                Action::Run(operation::move_cursor_to_end(AMOUNT_INPUT))
            }
            Message::ConfirmClose => {
                let (Mode::Closing { counts, blind, counted: true, kept }, Some(session)) = (&self.mode, &self.session)
                else {
                    return Action::None;
                };
                let count = parse_counts(counts);
                let kept = kept.parse::<i64>().map(Won::new).unwrap_or(Won::ZERO);
                let (session, staff, blind, now) = (session.clone(), ctx.staff.clone(), *blind, ctx.now);
                self.mode = Mode::Busy;
                let close =
                    ctx.worker.call(move |store| store.close_session(&session, &staff, count, kept, blind, now));
                Action::Run(Task::perform(close, Message::Closed))
            }
            Message::Closed(result) => match result {
                Ok(report) => {
                    let paper = till_report(ctx.store.info(), &report, ctx.now);
                    let z = report.session.closed.as_ref().map_or(0, |c| c.z_no);
                    self.last_closed = Some(report.session.clone());
                    self.session = None;
                    self.report = None;
                    self.notice = None;
                    self.mode = Mode::Done(Box::new(report));
                    Action::Print { title: t!("job-z-report", number = z), paper, then: Task::none() }
                }
                Err(e) => {
                    self.notice = Some((explain::till_error(&e), true));
                    self.mode = Mode::Open;
                    self.refresh(ctx);
                    Action::None
                }
            },
            Message::Audit => Action::Audit,
            Message::Back => match self.mode {
                Mode::Move { .. } | Mode::Closing { .. } => {
                    self.mode = Mode::Open;
                    self.notice = None;
                    Action::None
                }
                Mode::Correct(_) => {
                    self.mode = opening(ctx.store, ctx.till);
                    self.notice = None;
                    Action::None
                }
                Mode::Approving { .. } | Mode::Busy => Action::None,
                Mode::Opening { .. } | Mode::Open | Mode::Done(_) => Action::Leave,
            },
        }
    }

    fn cash_move(&mut self, kind: MoveKind, m: Move, manager: Option<StaffMember>, ctx: Context<'_>) -> Action {
        let Some(session) = self.session.clone() else { return Action::None };
        self.mode = Mode::Busy;
        let slip = cash_move_slip(
            ctx.store.info(),
            kind == MoveKind::Out,
            m.amount,
            &m.reason,
            &ctx.staff.name,
            manager.as_ref().map(|s| s.name.as_str()),
            ctx.now,
        );
        let (staff, now) = (ctx.staff.clone(), ctx.now);
        let write = ctx
            .worker
            .call(move |store| store.cash_move(&session, kind, m.amount, &m.reason, &staff, manager.as_ref(), now));
        let title = if kind == MoveKind::Out { t!("job-cash-out") } else { t!("job-cash-in") };
        // The slip (which opens the drawer) prints once the move is written.
        self.slip = Some((title, slip));
        Action::Run(Task::perform(write, Message::Moved))
    }

    /// Reads the session's figures again (after a sale elsewhere, a cash move).
    fn refresh(&mut self, ctx: Context<'_>) {
        if let Some(session) = &self.session {
            match ctx.store.session_report(session.id) {
                Ok(report) => self.report = Some(report),
                Err(e) => self.notice = Some((explain::store_error(&e), true)),
            }
        }
        if self.session.is_some() && matches!(self.mode, Mode::Busy | Mode::Opening { .. }) {
            self.mode = Mode::Open;
        }
    }

    fn refresh_if_open(&mut self, ctx: Context<'_>) {
        if let Ok(Some(session)) = ctx.store.current_session(ctx.till) {
            self.session = Some(session);
            self.mode = Mode::Open;
            self.refresh(ctx);
        }
    }

    pub fn view(&self, layout: Layout) -> Element<'_, Message> {
        let gap = if layout.short() { 8 } else { 12 };
        let mut left = column![].spacing(gap);
        if let Some((notice, is_error)) = &self.notice {
            left = left.push(widgets::banner(notice.as_str(), *is_error));
        }
        let (main, side): (Element<'_, Message>, Element<'_, Message>) = match &self.mode {
            Mode::Opening { counts, from_last } => (
                self.view_counts(t!("till-open-title"), counts, true, layout),
                self.view_open_side(counts, *from_last, layout),
            ),
            Mode::Open | Mode::Busy => (self.view_figures(), self.view_actions(layout)),
            Mode::Move { what, digits, reason } => (self.view_figures(), self.view_move(*what, digits, reason, layout)),
            Mode::Approving { panel, then: After::CashOut(_) | After::Credit(_) } => {
                (self.view_figures(), panel.view(layout).map(Message::Approval))
            }
            Mode::Approving { panel, then: After::Correct(plan) } => {
                (figures(&plan.report, true), panel.view(layout).map(Message::Approval))
            }
            Mode::Correct(c) => (figures(&c.report, true), self.view_correct(c, layout)),
            Mode::Closing { counts, blind, counted, kept } => (
                self.view_counts(t!("till-close-title"), counts, !counted, layout),
                self.view_close_side(counts, *blind, *counted, kept, layout),
            ),
            Mode::Done(report) => (figures(report, true), self.view_done(report, layout)),
        };
        left = left.push(container(main).style(theme::card).padding(16).height(Fill).width(Fill));
        let right = container(side)
            .padding(if layout.short() { 12 } else { 18 })
            .height(Fill)
            .width(FillPortion(2))
            .style(theme::panel);
        row![left.width(FillPortion(3)), right].spacing(gap).padding(layout.padding()).into()
    }

    fn view_counts<'a>(
        &'a self,
        title: String,
        counts: &'a [String; 8],
        editable: bool,
        layout: Layout,
    ) -> Element<'a, Message> {
        let rows = DENOMINATIONS.iter().zip(counts.iter()).enumerate().map(|(i, (d, c))| {
            let n: i64 = c.parse().unwrap_or(0);
            let mut input = text_input("0", c)
                .id(count_input(i))
                .size(theme::BODY)
                .padding(6)
                .width(90)
                .align_x(iced::alignment::Horizontal::Right);
            if editable {
                input = input.on_input(move |t| Message::CountChanged(i, t)).on_submit(Message::CountSubmitted(i));
            }
            row![
                text(t!("won", amount = Won::new(*d).to_string())).size(theme::BODY).width(120),
                text("×").size(theme::BODY),
                input,
                widgets::spacer(),
                text(t!("won", amount = Won::new(d * n).to_string())).size(theme::BODY),
            ]
            .spacing(10)
            .align_y(Center)
            .into()
        });
        let total = parse_counts(counts).total();
        column![
            text(title).size(theme::LARGE).font(theme::BOLD),
            widgets::muted(t!("till-count-hint")),
            scrollable(column(rows).spacing(if layout.short() { 2 } else { 6 })).height(Fill),
            row![
                text(t!("till-counted")).size(theme::LARGE).font(theme::BOLD),
                widgets::spacer(),
                text(t!("won", amount = total.to_string())).size(theme::LARGE).font(theme::BOLD)
            ],
        ]
        .spacing(8)
        .into()
    }

    fn view_open_side<'a>(&'a self, counts: &'a [String; 8], from_last: bool, layout: Layout) -> Element<'a, Message> {
        let float = parse_counts(counts).total();
        let hint = if from_last { t!("till-open-hint") } else { t!("till-open-hint-first") };
        column![
            text(t!("till-closed-title")).size(theme::LARGE).font(theme::BOLD),
            widgets::label(hint),
            self.correct_key(layout),
            iced::widget::space().height(Fill),
            row![
                widgets::label(t!("till-float")),
                widgets::spacer(),
                text(t!("won", amount = float.to_string())).size(theme::LARGE).font(theme::BOLD)
            ],
            big_button(t!("till-open-confirm"), theme::success, Some(Message::OpenTill)),
            widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(layout.key_height()),
        ]
        .spacing(12)
        .into()
    }

    fn view_figures(&self) -> Element<'_, Message> {
        match &self.report {
            Some(report) => figures(report, false),
            None => widgets::muted(t!("till-no-figures")).into(),
        }
    }

    fn view_actions(&self, layout: Layout) -> Element<'_, Message> {
        let busy = matches!(self.mode, Mode::Busy);
        let key = |label: String, message: Message| {
            widgets::key(label, theme::BODY, (!busy).then_some(message)).height(layout.key_height() + 8.0)
        };
        let mut actions = column![
            text(t!("till-open-now")).size(theme::LARGE).font(theme::BOLD),
            row![key(t!("till-cash-in"), Message::CashIn), key(t!("till-cash-out"), Message::CashOut)].spacing(8),
            key(t!("till-print-x"), Message::PrintX),
        ]
        .spacing(12);
        if self.manager {
            actions =
                actions.push(key(t!("till-credit"), Message::IssueCredit)).push(key(t!("till-audit"), Message::Audit));
        }
        column![
            actions,
            iced::widget::space().height(Fill),
            big_button(t!("till-close"), theme::danger, (!busy).then_some(Message::StartClose)),
            widgets::key(t!("till-back"), theme::BODY, Some(Message::Back)).height(layout.key_height()),
        ]
        .spacing(12)
        .into()
    }

    fn view_move<'a>(&'a self, what: Entry, digits: &'a str, reason: &'a str, layout: Layout) -> Element<'a, Message> {
        let (title, hint, confirm) = match what {
            Entry::CashIn => (t!("till-cash-in"), t!("till-in-hint"), t!("till-in-confirm")),
            Entry::CashOut => (t!("till-cash-out"), t!("till-out-hint"), t!("till-out-confirm")),
            Entry::Credit => (t!("till-credit"), t!("till-credit-hint"), t!("till-credit-confirm")),
        };
        column![
            text(title).size(theme::LARGE).font(theme::BOLD),
            widgets::label(hint),
            text_input(&t!("till-amount-placeholder"), &register::grouped(digits))
                .id(AMOUNT_INPUT)
                .size(theme::LARGE)
                .padding(10)
                .align_x(iced::alignment::Horizontal::Right)
                .on_input(Message::AmountChanged)
                .on_submit(Message::ConfirmMove),
            text_input(&t!("till-reason-placeholder"), reason)
                .id(REASON_INPUT)
                .size(theme::BODY)
                .padding(10)
                .on_input(Message::ReasonChanged)
                .on_submit(Message::ConfirmMove),
            iced::widget::space().height(Fill),
            big_button(confirm, theme::primary, Some(Message::ConfirmMove)),
            widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(layout.key_height()),
        ]
        .spacing(12)
        .into()
    }

    fn view_close_side<'a>(
        &'a self,
        counts: &'a [String; 8],
        blind: bool,
        counted: bool,
        kept: &'a str,
        layout: Layout,
    ) -> Element<'a, Message> {
        let total = parse_counts(counts).total();
        let expected = self.report.as_ref().map_or(Won::ZERO, |r| r.cash.expected());
        let mut side = column![text(t!("till-close-title")).size(theme::LARGE).font(theme::BOLD)].spacing(10);
        if !counted {
            let blind_label = if blind { t!("till-blind-on") } else { t!("till-blind-off") };
            side = side.push(widgets::label(t!("till-close-hint"))).push(
                widgets::key(blind_label, theme::SMALL + 1.0, Some(Message::Blind(!blind))).height(layout.key_height()),
            );
            if !blind {
                side = side.push(money_row(t!("report-expected"), expected));
            }
            return side
                .push(iced::widget::space().height(Fill))
                .push(big_button(t!("till-counted-confirm"), theme::primary, Some(Message::Counted)))
                .push(widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(layout.key_height()))
                .into();
        }
        let difference = total - expected;
        let colour = if difference < Won::ZERO {
            theme::RED
        } else if difference.is_positive() {
            theme::GREEN
        } else {
            theme::INK
        };
        side.push(money_row(t!("report-expected"), expected))
            .push(money_row(t!("till-counted"), total))
            .push(
                row![
                    text(t!("report-difference")).size(theme::LARGE).font(theme::BOLD),
                    widgets::spacer(),
                    text(t!("won", amount = signed(difference))).size(theme::LARGE).font(theme::BOLD).color(colour)
                ]
                .align_y(Center),
            )
            .push(widgets::muted(t!("till-kept-hint")))
            .push(
                text_input(&t!("till-kept-placeholder"), &register::grouped(kept))
                    .id(AMOUNT_INPUT)
                    .size(theme::BODY)
                    .padding(8)
                    .align_x(iced::alignment::Horizontal::Right)
                    .on_input(Message::KeptChanged)
                    .on_submit(Message::ConfirmClose),
            )
            .push(iced::widget::space().height(Fill))
            .push(big_button(t!("till-close-confirm"), theme::danger, Some(Message::ConfirmClose)))
            .push(widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(layout.key_height()))
            .into()
    }

    fn view_done<'a>(&'a self, report: &'a SessionReport, layout: Layout) -> Element<'a, Message> {
        let z = report.session.closed.as_ref().map_or(0, |c| c.z_no);
        column![
            text(t!("till-done-title")).size(theme::LARGE).font(theme::BOLD).color(theme::GREEN),
            widgets::label(t!("till-done-hint", number = z)),
            self.correct_key(layout),
            iced::widget::space().height(Fill),
            widgets::key(t!("till-back"), theme::BODY, Some(Message::Back)).height(layout.key_height()),
        ]
        .spacing(12)
        .into()
    }
}

fn big_button<'a>(label: String, style: theme::ButtonStyle, message: Option<Message>) -> Element<'a, Message> {
    button(text(widgets::keep_words(&label)).size(theme::LARGE).align_x(Center).width(Fill))
        .padding(16)
        .width(Fill)
        .style(style)
        .on_press_maybe(message)
        .into()
}

fn money_row<'a>(label: String, amount: Won) -> Element<'a, Message> {
    row![widgets::label(label), widgets::spacer(), widgets::label(t!("won", amount = amount.to_string()))].into()
}

/// The X or Z report's figures on screen.
fn figures(report: &SessionReport, closed: bool) -> Element<'_, Message> {
    let s = &report.session;
    let cash = &report.cash;
    let mut list = column![
        text(if closed { t!("till-z-title") } else { t!("till-x-title") }).size(theme::LARGE).font(theme::BOLD),
        widgets::muted(t!(
            "till-opened-by",
            time = s.opened_at.format("%H:%M").to_string(),
            name = s.opened_by.clone(),
            till = s.till.clone()
        )),
        money_row(t!("report-float"), cash.float),
        money_row(t!("report-cash-sales"), cash.cash_sales),
        money_row(t!("report-cash-refunds"), -cash.cash_refunds),
        money_row(t!("report-cash-in"), cash.cash_in),
        money_row(t!("report-cash-out"), -cash.cash_out),
        row![
            text(t!("report-expected")).size(theme::BODY).font(theme::BOLD),
            widgets::spacer(),
            text(t!("won", amount = cash.expected().to_string())).size(theme::BODY).font(theme::BOLD)
        ],
        money_row(t!("report-card"), report.card),
        money_row(t!("report-credit"), report.credit),
        widgets::muted(t!(
            "till-counts",
            sales = report.sales,
            refunds = report.refunds,
            voids = report.voids,
            receipts = report.cash_receipts
        )),
    ]
    .spacing(6);
    if let Some(c) = &s.closed {
        list = list.push(money_row(t!("till-counted"), c.counted));
        for correction in &report.corrections {
            list = list.push(row![
                widgets::label(t!("report-correction", reason = correction.reason.clone())),
                widgets::spacer(),
                widgets::label(t!("won", amount = signed(correction.amount))),
            ]);
        }
        let difference = report.difference().unwrap_or(c.counted - c.expected);
        list = list
            .push(row![
                text(t!("report-difference")).size(theme::BODY).font(theme::BOLD),
                widgets::spacer(),
                text(t!("won", amount = signed(difference))).size(theme::BODY).font(theme::BOLD)
            ])
            .push(money_row(t!("report-kept"), c.kept));
    }
    scrollable(list).height(Fill).into()
}
