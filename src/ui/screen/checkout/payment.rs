//! Paying: the cash panel (the total large, the amount received typed or tapped, the change
//! worked out as it is typed), the card panel (the amount to enter on the separate card
//! terminal), and the commit that follows, off the UI thread, with its receipt.

use iced::Task;
use iced::widget::{button, column, operation, row, text, text_input};
use iced::{Center, Element, Fill};

use super::view::{ENTRY_INPUT, SCAN_INPUT, amount_row, pad_and_buttons};
use super::{Action, Checkout, Context, Finished, Message, Mode, entry_problem, focus};
use crate::domain::register::{self, CashPreview};
use crate::domain::{Payment, TenderKind, likely_tenders};
use crate::hardware::receipt::{ReceiptOptions, sale_receipt};
use crate::store::NewSale;
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};
use crate::{messages, t};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pay {
    /// The digits of the amount received, as typed.
    Cash {
        digits: String,
    },
    Card,
}

/// An amount field: right-aligned, the digits shown with thousands separators.
pub fn amount_input<'a>(placeholder: String, digits: &str, size: f32) -> Element<'a, Message> {
    text_input(&placeholder, &register::grouped(digits))
        .id(ENTRY_INPUT)
        .size(size)
        .padding(10)
        .align_x(iced::alignment::Horizontal::Right)
        .on_input(Message::EntryChanged)
        .on_submit(Message::EntrySubmitted)
        .into()
}

impl Checkout {
    pub(super) fn view_cash<'a>(&'a self, digits: &'a str, layout: Layout) -> Element<'a, Message> {
        let total = self.cart.total();
        let big = if layout.short() { theme::LARGE * 1.3 } else { theme::HUGE };
        let (label, amount, colour) = match register::cash_preview(digits, total) {
            CashPreview::Exact => (t!("pay-change"), t!("won", amount = "0"), theme::MUTED),
            CashPreview::Change(change) => (t!("pay-change"), t!("won", amount = change.to_string()), theme::GREEN),
            CashPreview::Short(short) => (t!("pay-short-label"), t!("won", amount = short.to_string()), theme::RED),
            CashPreview::TooHigh => (t!("pay-change"), t!("error-price-too-high"), theme::RED),
        };
        let quick_count = if layout.narrow() { 3 } else { 4 };
        let quick = likely_tenders(total).into_iter().take(quick_count).enumerate().map(|(i, amount)| {
            let label = if i == 0 { t!("pay-exact") } else { amount.to_string() };
            widgets::key(label, theme::BODY, Some(Message::Quick(amount))).height(layout.key_height()).into()
        });
        let due = text(t!("won", amount = total.to_string())).size(big).font(theme::BOLD);
        // On a short screen the title and the amount due share a line.
        let head: Element<'a, Message> = if layout.short() {
            row![text(t!("pay-cash-title")).size(theme::LARGE).font(theme::BOLD), widgets::spacer(), due]
                .align_y(Center)
                .into()
        } else {
            column![
                row![
                    text(t!("pay-cash-title")).size(theme::LARGE).font(theme::BOLD),
                    widgets::spacer(),
                    widgets::muted(t!("pay-keys-cash")),
                ]
                .align_y(Center),
                row![widgets::label(t!("pay-due")).color(theme::MUTED), widgets::spacer(), due].align_y(Center),
            ]
            .spacing(12)
            .into()
        };
        column![
            head,
            amount_input(t!("pay-tendered-placeholder"), digits, theme::LARGE * 1.3),
            row![
                widgets::label(label).color(theme::MUTED),
                widgets::spacer(),
                text(amount).size(theme::LARGE * 1.3).font(theme::BOLD).color(colour),
            ]
            .align_y(Center),
            row(quick).spacing(8),
            pad_and_buttons(
                t!("pay-back"),
                t!("pay-confirm"),
                theme::success,
                Some(Message::EntrySubmitted),
                Some("000"),
                layout
            ),
        ]
        .spacing(if layout.short() { 6 } else { 12 })
        .into()
    }

    pub(super) fn view_card(&self, layout: Layout) -> Element<'_, Message> {
        let total = self.cart.total();
        column![
            text(t!("pay-card-title")).size(theme::LARGE).font(theme::BOLD),
            row![
                widgets::label(t!("pay-due")).color(theme::MUTED),
                widgets::spacer(),
                text(t!("won", amount = total.to_string())).size(theme::HUGE).font(theme::BOLD),
            ]
            .align_y(Center),
            widgets::label(t!("pay-card-hint", amount = total.to_string())),
            iced::widget::space().height(Fill),
            button(text(t!("pay-card-confirm")).size(theme::LARGE).align_x(Center).width(Fill))
                .padding(18)
                .width(Fill)
                .style(theme::primary)
                .on_press(Message::ConfirmCard),
            widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(layout.key_height()),
        ]
        .spacing(14)
        .into()
    }

    /// While the sale is written: the total, and that it is being saved.
    pub(super) fn view_committing(&self) -> Element<'_, Message> {
        column![amount_row(t!("checkout-total"), self.cart.total()), widgets::banner(t!("pay-saving"), false),]
            .spacing(12)
            .into()
    }

    pub(super) fn cash(&mut self, typed: &str, ctx: Context<'_>) -> Action {
        let total = self.cart.total();
        let payment = register::tendered(typed, total)
            .map_err(|p| entry_problem(&p))
            .and_then(|tendered| Payment::cash(total, tendered).map_err(|e| messages::payment_error(&e)));
        match payment {
            Ok(payment) => self.commit(payment, ctx),
            Err(problem) => {
                self.error(problem);
                focus(ENTRY_INPUT)
            }
        }
    }

    /// Writes the sale off the UI thread; the cart stays until it is on disk.
    pub(super) fn commit(&mut self, payment: Payment, ctx: Context<'_>) -> Action {
        let paying = if payment.has_cash() { Pay::Cash { digits: String::new() } } else { Pay::Card };
        self.mode = Mode::Committing(paying);
        self.notice = None;
        let (cart, staff, till, now) = (self.cart.clone(), ctx.staff.clone(), ctx.till.clone(), ctx.now);
        let write = ctx.worker.call(move |store| {
            store.commit_sale(NewSale { cart: &cart, payment: &payment, staff: &staff, at: now, till: Some(&till) })
        });
        Action::Run(Task::perform(write, Message::SaleCommitted))
    }

    pub(super) fn committed(
        &mut self,
        result: Result<crate::domain::Sale, crate::store::StoreError>,
        ctx: Context<'_>,
    ) -> Action {
        let Mode::Committing(paying) = &self.mode else { return Action::None };
        let paying = paying.clone();
        match result {
            Ok(sale) => {
                let tender = &sale.payment.tenders[0];
                self.mode = Mode::Done(Finished {
                    date: sale.business_date,
                    sale_no: sale.sale_no,
                    total: sale.total,
                    kind: tender.kind,
                    tendered: if tender.kind == TenderKind::Cash { tender.tendered } else { sale.total },
                    change: sale.payment.change,
                    job: None,
                    print: None,
                });
                self.notice = None;
                let receipt = sale_receipt(ctx.store.info(), &sale, ReceiptOptions::default());
                self.receipt = Some(receipt.clone());
                Action::Print {
                    title: t!("job-receipt", number = format!("{:04}", sale.sale_no)),
                    paper: receipt,
                    then: operation::focus(SCAN_INPUT),
                }
            }
            Err(e) => {
                // Nothing was written: back to paying, with everything rung up still there.
                tracing::error!("sale not committed: {e}");
                self.mode = Mode::Pay(paying);
                self.error(t!("error-sale-not-saved", reason = messages::store_error(&e)));
                focus(ENTRY_INPUT)
            }
        }
    }

    pub(super) fn reprint(&mut self, date: chrono::NaiveDate, number: u32, ctx: Context<'_>) -> Action {
        match ctx.store.sale(date, number) {
            Ok(Some(sale)) => Action::Print {
                title: t!("job-reprint", number = format!("{:04}", sale.sale_no)),
                paper: sale_receipt(ctx.store.info(), &sale, ReceiptOptions { reprint: true }),
                then: operation::focus(SCAN_INPUT),
            },
            Ok(None) => Action::None,
            Err(e) => {
                self.error(messages::store_error(&e));
                Action::None
            }
        }
    }
}
