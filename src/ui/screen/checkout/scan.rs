//! A scan at the checkout: priced and added to the sale, or held while a panel is open and
//! added when it closes.

use iced::Task;
use iced::widget::operation;

use super::{Action, Checkout, Context, Message, Mode, SCAN_INPUT, focus};
use crate::domain::codes::{self, Code};
use crate::{explain, t};

impl Checkout {
    pub(super) fn scan_code(&mut self, code: &str, ctx: Context<'_>) -> Action {
        if code.is_empty() {
            // Enter on the empty scan field after a sale starts the next one.
            if matches!(self.mode, Mode::Done(_)) {
                self.start_new_sale();
                return self.release_held(ctx);
            }
            return focus(SCAN_INPUT);
        }
        match self.mode {
            Mode::Scanning => {}
            Mode::Done(_) => {
                self.start_new_sale();
                if !matches!(self.mode, Mode::Scanning) {
                    return self.scanned_in_panel(code, ctx);
                }
            }
            _ => return self.scanned_in_panel(code, ctx),
        }
        // A receipt scanned between sales starts a return from it.
        if let Ok(Code::Receipt(receipt)) = codes::parse(code)
            && self.cart.is_empty()
        {
            return self.return_from_receipt(receipt, ctx);
        }
        match ctx.store.price_scan(code, ctx.now.date_naive()) {
            Ok(priced) => {
                let (shown, price) = (super::parts::name(&priced.line).to_string(), priced.line.unit_price);
                match self.cart.add(priced.line) {
                    Ok(_) => {
                        self.info(t!("checkout-added", name = shown, price = price.to_string()));
                        let save = self.save(&ctx);
                        return Action::Run(Task::batch([save, super::show_last_line()]));
                    }
                    Err(e) => self.error(explain::cart_error(&e)),
                }
            }
            Err(e) => {
                tracing::info!(code = %explain::redact(code), "scan refused: {e}");
                self.error(explain::scan_error(&e));
            }
        }
        focus(SCAN_INPUT)
    }

    /// A scan while a panel is open: a voucher pays when paying; anything else waits for the
    /// panel to close.
    pub(super) fn scanned_in_panel(&mut self, code: &str, ctx: Context<'_>) -> Action {
        if matches!(self.mode, Mode::Closed) {
            self.error(t!("error-till-not-open"));
            return focus(SCAN_INPUT);
        }
        if matches!(self.mode, Mode::Pay(_))
            && let Ok(Code::Credit(voucher)) = codes::parse(code)
        {
            return self.pay_with_voucher(&voucher.code(), ctx);
        }
        if matches!(self.mode, Mode::Return(_))
            && let Ok(Code::Receipt(receipt)) = codes::parse(code)
        {
            return self.return_from_receipt(receipt, ctx);
        }
        self.held.push(code.to_string());
        self.info(t!("checkout-scan-held", count = self.held.len()));
        Action::None
    }

    /// Adds the scans held while a panel was open.
    pub(super) fn release_held(&mut self, ctx: Context<'_>) -> Action {
        let held = std::mem::take(&mut self.held);
        let tasks: Vec<_> = held
            .iter()
            .filter_map(|code| match self.scan_code(code, ctx) {
                Action::Run(task) => Some(task),
                _ => None,
            })
            .collect();
        Action::Run(Task::batch(tasks).chain(operation::focus(SCAN_INPUT)))
    }

    /// Runs `first`, then adds the scans held while a panel was open.
    pub(super) fn with_held(&mut self, first: Task<Message>, ctx: Context<'_>) -> Action {
        match self.release_held(ctx) {
            Action::Run(then) => Action::Run(first.chain(then)),
            _ => Action::Run(Task::batch([first, operation::focus(SCAN_INPUT)])),
        }
    }
}
