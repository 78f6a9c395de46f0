//! Writing the sale and what comes after: the commit on the worker (the payment put back, every
//! tender still there, when it fails), the finished panel's figures, a receipt printed again.

use iced::widget::{column, operation};
use iced::{Element, Task};

use super::parts::{SCAN_INPUT, amount_row};
use super::{Action, Checkout, Context, Finished, Message, Mode};
use crate::domain::Sale;
use crate::hardware::receipt::{ReceiptOptions, sale_receipt};
use crate::store::{NewSale, SaleError, StoreError};
use crate::ui::widgets;
use crate::{explain, t};

impl Checkout {
    /// Writes the sale off the UI thread; the cart stays until it is on disk.
    pub(super) fn commit(&mut self, ctx: Context<'_>) -> Action {
        let Mode::Pay(pay) = std::mem::replace(&mut self.mode, Mode::Scanning) else { return Action::None };
        let payment = match pay.tendering.clone().finish() {
            Ok(payment) => payment,
            Err(e) => {
                self.error(explain::payment_error(&e));
                let focus = pay.focus();
                self.mode = Mode::Pay(pay);
                return Action::Run(focus);
            }
        };
        let (cart, staff, till, now) = (self.cart.clone(), ctx.staff.clone(), ctx.till.clone(), ctx.now);
        let (session, customer, cash_receipt) = (self.session.clone(), pay.customer, pay.cash_receipt.clone());
        self.mode = Mode::Committing(pay);
        self.notice = None;
        let write = ctx.worker.call(move |store| {
            let Some(session) = session else {
                return Err(StoreError::TillNotOpen { till: till.0.clone() }.into());
            };
            let sale = NewSale {
                customer,
                cash_receipt: cash_receipt.as_ref(),
                ..NewSale::new(&cart, &payment, &staff, &session, now)
            };
            store.commit_sale(sale.at_till(&till))
        });
        Action::Run(Task::perform(write, Message::SaleCommitted))
    }

    pub(super) fn committed(&mut self, result: Result<Sale, SaleError>, ctx: Context<'_>) -> Action {
        let Mode::Committing(pay) = std::mem::replace(&mut self.mode, Mode::Scanning) else { return Action::None };
        match result {
            Ok(sale) => {
                self.notice = None;
                let receipt = sale_receipt(ctx.store.info(), &sale, ReceiptOptions::default());
                self.finished(&sale, None, receipt.clone());
                Action::Print {
                    papers: vec![(t!("job-receipt", number = format!("{:04}", sale.sale_no)), receipt)],
                    then: operation::focus(SCAN_INPUT),
                    receipt_of: Some(sale.id),
                }
            }
            Err(e) => {
                // Nothing was written: back to paying, with every tender taken still there.
                tracing::error!("sale not committed: {e}");
                let focus = pay.focus();
                self.mode = Mode::Pay(pay);
                self.error(match e {
                    // Not a failure to save: the item is gone, and the sentence says what to do.
                    SaleError::AlreadySold { .. } => explain::sale_error(&e),
                    _ => t!("error-sale-not-saved", reason = explain::sale_error(&e)),
                });
                Action::Run(focus)
            }
        }
    }

    /// The document just written is shown as done, with its receipt kept for the preview.
    pub(super) fn finished(
        &mut self,
        sale: &Sale,
        credit: Option<crate::store::Credit>,
        receipt: crate::hardware::Document,
    ) {
        self.mode = Mode::Done(Finished {
            date: sale.business_date,
            sale_no: sale.sale_no,
            kind: sale.kind,
            total: sale.total,
            tenders: sale.payment.tenders.clone(),
            change: sale.payment.change,
            credit,
            job: None,
            print: None,
        });
        self.receipt = Some(receipt);
        self.preview = None;
    }

    pub(super) fn reprint(&mut self, date: chrono::NaiveDate, number: u32, ctx: Context<'_>) -> Action {
        match ctx.store.sale(date, number) {
            Ok(Some(sale)) => Action::Print {
                papers: vec![(
                    t!("job-reprint", number = format!("{:04}", sale.sale_no)),
                    sale_receipt(
                        ctx.store.info(),
                        &sale,
                        ReceiptOptions { reprint: true, ..ReceiptOptions::default() },
                    ),
                )],
                then: operation::focus(SCAN_INPUT),
                // A copy: the receipt owed (if any) is the original.
                receipt_of: None,
            },
            Ok(None) => Action::None,
            Err(e) => {
                self.error(explain::store_error(&e));
                Action::None
            }
        }
    }

    /// While the sale is written: the total, and that it is being saved.
    pub(super) fn view_committing(&self) -> Element<'_, Message> {
        column![amount_row(t!("checkout-total"), self.cart.total()), widgets::banner(t!("pay-saving"), false),]
            .spacing(12)
            .into()
    }
}
