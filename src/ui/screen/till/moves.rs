//! Cash put in or taken out of the drawer (a slip prints and the drawer opens), and store
//! credit a manager gives outside a refund (a voucher prints). Taking cash out and giving
//! credit each need a manager's approval.

use iced::widget::{column, operation, text, text_input};
use iced::{Element, Fill, Task};

use super::{AMOUNT_INPUT, Action, After, Context, Entry, Message, Mode, Move, REASON_INPUT, TillScreen, big_button};
use crate::domain::register;
use crate::domain::till::MoveKind;
use crate::hardware::till_report::cash_move_slip;
use crate::store::{Approval, Approved};
use crate::ui::approval::ApprovalPanel;
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};
use crate::{explain, t};

impl TillScreen {
    pub(super) fn update_move(&mut self, message: Message, ctx: Context<'_>) -> Action {
        match message {
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
            _ => Action::None,
        }
    }

    pub(super) fn cash_move(
        &mut self,
        kind: MoveKind,
        m: Move,
        approved: Option<Approved>,
        ctx: Context<'_>,
    ) -> Action {
        let Some(session) = self.session.clone() else { return Action::None };
        self.mode = Mode::Busy;
        let slip = cash_move_slip(
            ctx.store.info(),
            kind == MoveKind::Out,
            m.amount,
            &m.reason,
            &ctx.staff.name,
            approved.as_ref().map(|a| a.manager().name.as_str()),
            ctx.now,
        );
        let (staff, now) = (ctx.staff.clone(), ctx.now);
        let write = ctx
            .worker
            .call(move |store| store.cash_move(&session, kind, m.amount, &m.reason, &staff, approved.as_ref(), now));
        let title = if kind == MoveKind::Out { t!("job-cash-out") } else { t!("job-cash-in") };
        // The slip (which opens the drawer) prints once the move is written.
        self.slip = Some((title, slip));
        Action::Run(Task::perform(write, Message::Moved))
    }

    pub(super) fn view_move<'a>(
        &'a self,
        what: Entry,
        digits: &'a str,
        reason: &'a str,
        layout: Layout,
    ) -> Element<'a, Message> {
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
}
