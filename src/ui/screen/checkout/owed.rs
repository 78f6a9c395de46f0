//! Receipts owed from before the till last stopped: a document was saved and the till stopped
//! (a crash, a power cut) before its receipt printed (one whose printing had failed is in the
//! print jobs panel instead). The checkout says so before anything else,
//! so the customer is not rung up twice, and the cashier prints it or skips it. Printed now, it
//! never opens the drawer; one that may have come out before the stop is marked 재발행.

use crate::ui::pressable::button;
use iced::widget::{column, text};
use iced::{Center, Element, Fill, Task};

use super::parts::SCAN_INPUT;
use super::{Action, Checkout, Context, Message, Mode};
use crate::domain::SaleKind;
use crate::hardware::receipt::{ReceiptOptions, sale_receipt};
use crate::store::{OwedReceipt, StoreError};
use crate::ui::{theme, widgets};
use crate::{explain, t};

impl Checkout {
    /// Prints the first owed receipt, without the drawer.
    pub(super) fn print_owed(&mut self, ctx: Context<'_>) -> Action {
        let Some(owed) = self.owed.first().cloned() else { return Action::None };
        let sale = match ctx.store.sale_by_id(owed.sale_id) {
            Ok(sale) => sale,
            Err(e) => {
                self.error(explain::store_error(&e));
                return Action::None;
            }
        };
        let receipt =
            sale_receipt(ctx.store.info(), &sale, ReceiptOptions { reprint: owed.tried, after_restart: true });
        let title = t!("job-receipt", number = format!("{:04}", sale.sale_no));
        let then = self.owed_answered(owed.sale_id, ctx);
        Action::Print { papers: vec![(title, receipt)], then, receipt_of: Some(owed.sale_id) }
    }

    /// Skips the first owed receipt (the customer has gone); the store journals who chose.
    pub(super) fn skip_owed(&mut self, ctx: Context<'_>) -> Action {
        let Some(owed) = self.owed.first() else { return Action::None };
        let (sale, staff, now) = (owed.sale_id, ctx.staff.clone(), ctx.now);
        let skip = ctx.worker.call(move |store| store.skip_receipt(sale, &staff, now));
        Action::Run(Task::perform(skip, move |result| Message::OwedSkipped(sale, result)))
    }

    pub(super) fn owed_skipped(&mut self, sale: i64, result: Result<(), StoreError>, ctx: Context<'_>) -> Action {
        match result {
            Ok(()) => Action::Run(self.owed_answered(sale, ctx)),
            Err(e) => {
                self.error(t!("error-owed-not-skipped", reason = explain::store_error(&e)));
                Action::None
            }
        }
    }

    /// One owed receipt answered: on to the next, or back to what the checkout was doing (and
    /// the scans held meanwhile).
    fn owed_answered(&mut self, sale: i64, ctx: Context<'_>) -> Task<Message> {
        self.owed.retain(|o| o.sale_id != sale);
        self.notice = None;
        if !self.owed.is_empty() {
            return Task::none();
        }
        let Mode::Owed(after) = std::mem::replace(&mut self.mode, Mode::Scanning) else { return Task::none() };
        self.mode = *after;
        match self.release_held(ctx) {
            Action::Run(task) => task,
            _ => iced::widget::operation::focus(SCAN_INPUT),
        }
    }

    pub(super) fn view_owed(&self) -> Element<'_, Message> {
        let Some(owed) = self.owed.first() else { return column![].into() };
        let number = format!("#{:04}", owed.sale_no);
        let what = match owed.kind {
            SaleKind::Sale => t!("owed-sale", number = number),
            SaleKind::Refund => t!("owed-refund", number = number),
            SaleKind::Void => t!("owed-void", number = number),
        };
        let mut panel = column![
            text(t!("owed-title")).size(theme::LARGE).font(theme::BOLD),
            widgets::label(what),
            widgets::label(t!("owed-detail", date = owed.date.to_string(), total = owed.total.to_string())),
        ]
        .spacing(12);
        if owed.tried {
            panel = panel.push(widgets::muted(t!("owed-maybe-printed")));
        }
        if self.owed.len() > 1 {
            panel = panel.push(widgets::muted(t!("owed-more", count = self.owed.len() - 1)));
        }
        panel
            .push(iced::widget::space().height(Fill))
            .push(
                button(text(t!("owed-print")).size(theme::LARGE).align_x(Center).width(Fill))
                    .padding(16)
                    .width(Fill)
                    .style(theme::success)
                    .on_press(Message::PrintOwed),
            )
            .push(widgets::key(t!("owed-skip"), theme::BODY, Some(Message::SkipOwed)).height(48))
            .into()
    }
}

/// The owed receipts the checkout asks about first, if any.
pub(super) fn ask_first(owed: &[OwedReceipt], mode: Mode) -> Mode {
    if owed.is_empty() { mode } else { Mode::Owed(Box::new(mode)) }
}
