//! Putting a closed count right: a note found stuck in the drawer, a bag counted twice. The Z
//! report stays as it was printed; the correction is a record of its own, with the amount, the
//! reason and the manager who approved it, and the reports show the count with it.

use iced::Task;
use iced::widget::{column, operation, row, text, text_input};
use iced::{Element, Fill};

use super::{AMOUNT_INPUT, Action, After, Context, Message, Mode, REASON_INPUT, TillScreen, big_button, money_row};
use crate::domain::money::signed;
use crate::domain::{Won, register};
use crate::hardware::till_report::till_report;
use crate::store::{Approval, Approved, SessionReport};
use crate::ui::approval::ApprovalPanel;
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};
use crate::{explain, t};

/// The correction being typed, for the till's last closed session.
pub struct Correction {
    pub report: Box<SessionReport>,
    /// More cash was there than counted (or less).
    more: bool,
    pub digits: String,
    pub reason: String,
}

/// A correction ready to write once a manager approves it.
pub struct Plan {
    pub report: Box<SessionReport>,
    amount: Won,
    reason: String,
}

impl TillScreen {
    /// 지난 마감 정정, when this till has a closed session to correct.
    pub(super) fn correct_key(&self, layout: Layout) -> Element<'_, Message> {
        match self.last_closed {
            Some(_) => widgets::key(t!("till-correct"), theme::SMALL + 1.0, Some(Message::Correct))
                .height(layout.key_height())
                .into(),
            None => column![].into(),
        }
    }

    pub(super) fn update_correct(&mut self, message: Message, ctx: Context<'_>) -> Action {
        match message {
            Message::Correct => {
                let Some(session) = &self.last_closed else { return Action::None };
                if self.session.is_some() {
                    return Action::None;
                }
                match ctx.store.session_report(session.id()) {
                    Ok(report) => {
                        self.mode = Mode::Correct(Correction {
                            report: Box::new(report),
                            more: true,
                            digits: String::new(),
                            reason: String::new(),
                        });
                        self.notice = None;
                        Action::Run(operation::focus(AMOUNT_INPUT))
                    }
                    Err(e) => {
                        self.notice = Some((explain::store_error(&e), true));
                        Action::None
                    }
                }
            }
            Message::CorrectMore(more) => {
                if let Mode::Correct(c) = &mut self.mode {
                    c.more = more;
                }
                Action::Run(operation::focus(AMOUNT_INPUT))
            }
            Message::ConfirmCorrect => {
                let Mode::Correct(c) = &self.mode else { return Action::None };
                let Ok(amount) = register::price(&c.digits) else {
                    self.notice = Some((t!("error-till-amount"), true));
                    return Action::Run(operation::focus(AMOUNT_INPUT));
                };
                let reason = c.reason.trim().to_string();
                if reason.is_empty() {
                    self.notice = Some((t!("error-till-reason"), true));
                    return Action::Run(operation::focus(REASON_INPUT));
                }
                let amount = if c.more { amount } else { -amount };
                let z_no = c.report.session.closed.as_ref().map_or(0, |closed| closed.z_no);
                let action = Approval::TillCorrection { z_no, amount, reason: reason.clone() };
                let title = t!("till-correct-approval", number = z_no, amount = signed(amount));
                let panel = ApprovalPanel::new(ctx.store, action, title);
                let focus = panel.focus().map(Message::Approval);
                let Mode::Correct(c) = std::mem::replace(&mut self.mode, Mode::Busy) else { return Action::None };
                self.mode = Mode::Approving { panel, then: After::Correct(Plan { report: c.report, amount, reason }) };
                Action::Run(focus)
            }
            Message::Corrected(result) => match result {
                Ok(report) => {
                    let z = report.session.closed.as_ref().map_or(0, |c| c.z_no);
                    let paper = till_report(ctx.store.info(), &report, ctx.now, true);
                    let difference = report.difference().unwrap_or(Won::ZERO);
                    self.notice = Some((t!("till-corrected", number = z, difference = signed(difference)), false));
                    self.mode = Mode::Done(Box::new(report));
                    Action::Print { title: t!("job-z-report", number = z), paper, then: Task::none() }
                }
                Err(e) => {
                    self.notice = Some((explain::till_error(&e), true));
                    self.mode = super::opening(ctx.store.last_closed(ctx.till), &mut self.notice);
                    Action::None
                }
            },
            _ => Action::None,
        }
    }

    /// Writes the approved correction on the worker.
    pub(super) fn correct(&mut self, plan: Plan, approved: Approved, ctx: Context<'_>) -> Action {
        self.mode = Mode::Busy;
        let (session, staff, now) = (plan.report.session.clone(), ctx.staff.clone(), ctx.now);
        let write = ctx
            .worker
            .call(move |store| store.correct_session(&session, plan.amount, &plan.reason, &staff, &approved, now));
        Action::Run(Task::perform(write, Message::Corrected))
    }

    pub(super) fn view_correct<'a>(&'a self, c: &'a Correction, layout: Layout) -> Element<'a, Message> {
        let z = c.report.session.closed.as_ref().map_or(0, |closed| closed.z_no);
        let choice = |label: String, chosen: bool, more: bool| {
            widgets::choice(label, theme::SMALL + 1.0, chosen, Some(Message::CorrectMore(more)), layout.wrapping_key())
        };
        column![
            text(t!("till-correct-title", number = z)).size(theme::LARGE).font(theme::BOLD),
            widgets::label(if layout.short() { String::new() } else { t!("till-correct-hint") }),
            money_row(t!("report-difference"), c.report.difference().unwrap_or(Won::ZERO)),
            row![choice(t!("till-correct-more"), c.more, true), choice(t!("till-correct-less"), !c.more, false)]
                .spacing(8),
            text_input(&t!("till-amount-placeholder"), &register::grouped(&c.digits))
                .id(AMOUNT_INPUT)
                .size(theme::LARGE)
                .padding(10)
                .align_x(iced::alignment::Horizontal::Right)
                .on_input(Message::AmountChanged)
                .on_submit(Message::ConfirmCorrect),
            text_input(&t!("till-correct-reason"), &c.reason)
                .id(REASON_INPUT)
                .size(theme::BODY)
                .padding(10)
                .on_input(Message::ReasonChanged)
                .on_submit(Message::ConfirmCorrect),
            iced::widget::space().height(Fill),
            big_button(t!("till-correct-confirm"), theme::primary, Some(Message::ConfirmCorrect)),
            widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(layout.key_height()),
        ]
        .spacing(if layout.short() { 6 } else { 12 })
        .into()
    }
}
