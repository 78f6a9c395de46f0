//! The till itself: open it with the float counted note by note, put money in or take it out
//! with a reason (taking out needs a manager), print the X report any time, and close it with
//! the drawer counted. A blind count shows the expected cash only once the count is in. The Z
//! report is printed and kept with the session; what stays in the drawer is the next float. A
//! closed count found wrong later is put right with a correction of its own (`correct.rs`).

mod correct;
mod count;
mod moves;
mod view;

use count::DrawerCount;
use view::{big_button, money_row};

use iced::Task;
use iced::widget::operation;

use crate::domain::till::{DENOMINATIONS, MoveKind};
use crate::domain::{Won, register};
use crate::hardware::Document;
use crate::hardware::till_report::till_report;
use crate::store::{SessionReport, Store, StoreError, TillError, TillId, TillSession};
use crate::ui::approval::{self, ApprovalPanel, Outcome};
use crate::{explain, t};

const AMOUNT_INPUT: &str = "till-amount";
const REASON_INPUT: &str = "till-reason";

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
    /// Back from the difference to the count.
    Recount,
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
    /// To the parked sales offered before the count.
    ShowParked,
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
    /// To the checkout's parked sales.
    ShowParked,
    Audit,
}

pub use super::Counter as Context;

enum Mode {
    /// Counting the opening float, starting from what the last close says of the drawer.
    Opening {
        count: DrawerCount,
        start: Start,
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
        count: DrawerCount,
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
    /// The notes of the sales parked when the close began: they are offered before the count.
    parked: Vec<String>,
}

/// What the opening count starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// The till's first opening.
    First,
    /// The last close left in the drawer just what it counted: those notes and coins.
    Counted,
    /// The last close left this much of what it counted; which notes stayed is not known, so
    /// nothing is filled in (a guess would be an invented float).
    Kept(Won),
    /// The last close cannot be read.
    Unknown,
}

/// The opening count, starting from the notes and coins the last close counted when it left
/// them all in the drawer, else empty. When the last close cannot be read, the count starts
/// empty and `notice` says why, rather than pretending the drawer was left empty.
fn opening(last_closed: Result<Option<TillSession>, StoreError>, notice: &mut Option<(String, bool)>) -> Mode {
    let (count, start) = match last_closed {
        Ok(Some(TillSession { closed: Some(c), .. })) if c.kept == c.counted => {
            (DrawerCount::from(c.counts), Start::Counted)
        }
        Ok(Some(TillSession { closed: Some(c), .. })) => (DrawerCount::default(), Start::Kept(c.kept)),
        Ok(_) => (DrawerCount::default(), Start::First),
        Err(e) => {
            tracing::warn!("the last close cannot be read: {e}");
            // A reason already given (the open that failed) stays; this one goes to the log.
            notice.get_or_insert_with(|| (explain::store_error(&e), true));
            (DrawerCount::default(), Start::Unknown)
        }
    };
    Mode::Opening { count, start }
}

impl TillScreen {
    /// The language changed: what was said in the other one goes (the screen draws the rest
    /// in the new language).
    pub fn language_changed(&mut self) {
        self.notice = None;
    }

    pub fn new(store: &Store, till: &TillId, manager: bool) -> (TillScreen, Task<Message>) {
        let mut notice = None;
        let read = store.last_closed(till);
        let last_closed = read.as_ref().ok().cloned().flatten();
        let session = store.current_session(till).unwrap_or_else(|e| {
            notice = Some((explain::store_error(&e), true));
            None
        });
        let (mode, report) = match &session {
            Some(s) => match store.session_report(s.id()) {
                Ok(report) => (Mode::Open, Some(report)),
                Err(e) => {
                    notice = Some((explain::store_error(&e), true));
                    (Mode::Open, None)
                }
            },
            None => (opening(read, &mut notice), None),
        };
        let focus = if session.is_none() { operation::focus(count::input_id(0)) } else { Task::none() };
        (TillScreen { session, report, mode, notice, slip: None, manager, last_closed, parked: Vec::new() }, focus)
    }

    /// A scan here sells nothing: say so, rather than lose it quietly.
    pub fn scanned(&mut self) {
        self.notice = Some((t!("till-scan-elsewhere"), true));
    }

    pub fn update(&mut self, message: Message, ctx: Context<'_>) -> Action {
        match message {
            Message::CountChanged(i, typed) => {
                if let Mode::Opening { count, .. } | Mode::Closing { count, counted: false, .. } = &mut self.mode {
                    count.type_in(i, &typed);
                }
                Action::None
            }
            Message::CountSubmitted(i) => {
                if i + 1 < DENOMINATIONS.len() {
                    return Action::Run(operation::focus(count::input_id(i + 1)));
                }
                match self.mode {
                    Mode::Opening { .. } => self.update(Message::OpenTill, ctx),
                    Mode::Closing { counted: false, .. } => self.update(Message::Counted, ctx),
                    _ => Action::None,
                }
            }
            Message::OpenTill => {
                let Mode::Opening { count, .. } = &self.mode else { return Action::None };
                let float = count.count();
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
                    self.mode = opening(ctx.store.last_closed(ctx.till), &mut self.notice);
                    self.refresh_if_open(ctx);
                    Action::None
                }
            },
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
            Message::CashIn
            | Message::CashOut
            | Message::IssueCredit
            | Message::ConfirmMove
            | Message::Moved(_)
            | Message::CreditIssued(_) => self.update_move(message, ctx),
            Message::Correct | Message::CorrectMore(_) | Message::ConfirmCorrect | Message::Corrected(_) => {
                self.update_correct(message, ctx)
            }
            Message::Approval(message) => {
                let Mode::Approving { panel, .. } = &mut self.mode else { return Action::None };
                match panel.update(message, ctx.worker, ctx.staff, ctx.now) {
                    Outcome::None => Action::None,
                    Outcome::Run(task) => Action::Run(task.map(Message::Approval)),
                    Outcome::Cancelled => {
                        self.mode = if self.session.is_some() {
                            Mode::Open
                        } else {
                            opening(ctx.store.last_closed(ctx.till), &mut self.notice)
                        };
                        Action::None
                    }
                    Outcome::Approved(approved) => {
                        let Mode::Approving { then, .. } = std::mem::replace(&mut self.mode, Mode::Busy) else {
                            return Action::None;
                        };
                        match then {
                            After::CashOut(out) => self.cash_move(MoveKind::Out, out, Some(approved), ctx),
                            After::Credit(credit) => {
                                let (staff, now, session) = (ctx.staff.clone(), ctx.now, self.session.clone());
                                let till = ctx.till.clone();
                                let write = ctx.worker.call(move |store| {
                                    let session =
                                        session.ok_or_else(|| StoreError::TillNotOpen { till: till.0.clone() })?;
                                    store.issue_credit(&session, credit.amount, &credit.reason, &staff, &approved, now)
                                });
                                Action::Run(Task::perform(write, Message::CreditIssued))
                            }
                            After::Correct(plan) => self.correct(plan, approved, ctx),
                        }
                    }
                }
            }
            Message::PrintX => {
                self.refresh(ctx);
                match &self.report {
                    Some(report) => Action::Print {
                        title: t!("job-x-report"),
                        paper: till_report(ctx.store.info(), report, ctx.now, self.manager),
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
                    Mode::Closing { count: DrawerCount::default(), blind: true, counted: false, kept: String::new() };
                self.notice = None;
                self.parked = super::checkout::parked_notes(ctx.store);
                Action::Run(operation::focus(count::input_id(0)))
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
                if let Mode::Closing { count, counted, kept, .. } = &mut self.mode {
                    *counted = true;
                    // What stays in the drawer defaults to the float it opened with.
                    let float = self.session.as_ref().map_or(Won::ZERO, |s| s.float);
                    *kept = float.min(count.count().total()).get().to_string();
                }
                Action::Run(operation::focus(AMOUNT_INPUT))
            }
            Message::Recount => {
                if let Mode::Closing { counted, .. } = &mut self.mode {
                    *counted = false;
                }
                Action::Run(operation::focus(count::input_id(0)))
            }
            Message::KeptChanged(typed) => {
                if let Mode::Closing { kept, .. } = &mut self.mode {
                    *kept = register::edit_amount(kept, &typed);
                }
                Action::Run(operation::move_cursor_to_end(AMOUNT_INPUT))
            }
            Message::ConfirmClose => {
                let (Mode::Closing { count, blind, counted: true, kept }, Some(session)) = (&self.mode, &self.session)
                else {
                    return Action::None;
                };
                let count = count.count();
                let kept = kept.parse::<i64>().map(Won::new).unwrap_or(Won::ZERO);
                let (session, staff, blind, now) = (session.clone(), ctx.staff.clone(), *blind, ctx.now);
                self.mode = Mode::Busy;
                let close =
                    ctx.worker.call(move |store| store.close_session(&session, &staff, count, kept, blind, now));
                Action::Run(Task::perform(close, Message::Closed))
            }
            Message::Closed(result) => match result {
                Ok(report) => {
                    let paper = till_report(ctx.store.info(), &report, ctx.now, self.manager);
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
            Message::ShowParked => {
                if matches!(self.mode, Mode::Closing { counted: false, .. }) {
                    Action::ShowParked
                } else {
                    Action::None
                }
            }
            Message::Back => match self.mode {
                Mode::Move { .. } | Mode::Closing { .. } => {
                    self.mode = Mode::Open;
                    self.notice = None;
                    Action::None
                }
                Mode::Correct(_) => {
                    self.notice = None;
                    self.mode = opening(ctx.store.last_closed(ctx.till), &mut self.notice);
                    Action::None
                }
                Mode::Approving { .. } | Mode::Busy => Action::None,
                Mode::Opening { .. } | Mode::Open | Mode::Done(_) => Action::Leave,
            },
        }
    }

    /// Reads the session's figures again (after a sale elsewhere, a cash move).
    fn refresh(&mut self, ctx: Context<'_>) {
        if let Some(session) = &self.session {
            match ctx.store.session_report(session.id()) {
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
}
