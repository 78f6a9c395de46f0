//! What the checkout does with each message.

use std::time::Instant;

use iced::Task;
use iced::widget::operation;

use super::payment::Pay;
use super::today::Today;
use super::{Action, Checkout, Context, ENTRY_INPUT, Finished, Message, Mode, SCAN_INPUT, entry_problem, focus};
use crate::domain::Payment;
use crate::domain::register;
use crate::store::{Approval, category_line};
use crate::ui::approval::{ApprovalPanel, Outcome};
use crate::ui::preview::Paper;
use crate::{messages, t};

/// Keeps the cursor at the end of an amount field, whose text is regrouped as it is typed.
fn entry_at_end() -> Action {
    Action::Run(Task::batch([operation::focus(ENTRY_INPUT), operation::move_cursor_to_end(ENTRY_INPUT)]))
}

impl Checkout {
    pub fn update(&mut self, message: Message, ctx: Context<'_>) -> Action {
        match message {
            Message::ScanChanged(super::Typed(text)) => {
                self.scan = match self.just_scanned.take() {
                    Some(code) if text.starts_with(&code) => {
                        let rest = text[code.len()..].to_string();
                        self.just_scanned = Some(code);
                        rest
                    }
                    _ => text,
                };
                Action::None
            }
            Message::ScanSubmitted => {
                let code = std::mem::take(&mut self.scan);
                self.just_scanned = Some(code.clone()).filter(|c| !c.is_empty());
                self.scan_code(code.trim(), ctx)
            }
            Message::Remove(index) => self.take_out(index, 0, ctx),
            Message::Fewer(index) => {
                let quantity = self.cart.lines().get(index).map_or(0, |l| l.quantity);
                self.take_out(index, quantity.saturating_sub(1), ctx)
            }
            Message::More(index) => {
                if !matches!(self.mode, Mode::Scanning) {
                    return Action::None;
                }
                let quantity = self.cart.lines().get(index).map_or(0, |l| l.quantity);
                match self.cart.set_quantity(index, quantity + 1) {
                    Ok(_) => Action::Run(Task::batch([self.save(&ctx), operation::focus(SCAN_INPUT)])),
                    Err(e) => {
                        self.error(messages::cart_error(&e));
                        focus(SCAN_INPUT)
                    }
                }
            }
            Message::CategoryKey(key) => {
                if matches!(self.mode, Mode::Done(_)) {
                    self.start_new_sale();
                }
                if !matches!(self.mode, Mode::Scanning) || key >= self.keys.len() {
                    return Action::None;
                }
                self.mode = Mode::Price { key, digits: String::new() };
                self.notice = None;
                focus(ENTRY_INPUT)
            }
            Message::NextKeys => {
                self.key_page += 1;
                focus(SCAN_INPUT)
            }
            Message::EntryChanged(text) => {
                let now = Instant::now();
                match &mut self.mode {
                    Mode::Price { digits, .. } | Mode::Pay(Pay::Cash { digits }) => {
                        self.burst.changed(&register::grouped(digits), &text, now);
                        *digits = register::edit_amount(digits, &text);
                        entry_at_end()
                    }
                    _ => Action::None,
                }
            }
            Message::EntryDigits(d) => {
                if let Mode::Price { digits, .. } | Mode::Pay(Pay::Cash { digits }) = &mut self.mode {
                    *digits = register::amount_digits(&format!("{digits}{d}"));
                }
                entry_at_end()
            }
            Message::EntryBackspace => {
                if let Mode::Price { digits, .. } | Mode::Pay(Pay::Cash { digits }) = &mut self.mode {
                    digits.pop();
                }
                entry_at_end()
            }
            Message::EntryClear => {
                if let Mode::Price { digits, .. } | Mode::Pay(Pay::Cash { digits }) = &mut self.mode {
                    digits.clear();
                }
                entry_at_end()
            }
            Message::EntrySubmitted => {
                let typed = match &self.mode {
                    Mode::Price { digits, .. } | Mode::Pay(Pay::Cash { digits }) => digits.clone(),
                    _ => return Action::None,
                };
                if let Some((before, code)) = self.burst.submitted(Instant::now()) {
                    // A wedge scanner typed into the field: put it back and take the scan.
                    if let Mode::Price { digits, .. } | Mode::Pay(Pay::Cash { digits }) = &mut self.mode {
                        *digits = register::amount_digits(&before);
                    }
                    self.held.push(code);
                    self.info(t!("checkout-scan-held", count = self.held.len()));
                    return entry_at_end();
                }
                match &self.mode {
                    Mode::Price { key, .. } => self.price_entered(*key, &typed, ctx),
                    Mode::Pay(Pay::Cash { .. }) => self.cash(&typed, ctx),
                    _ => Action::None,
                }
            }
            Message::Quick(amount) => match &self.mode {
                Mode::Price { key, .. } => self.price_entered(*key, &amount.get().to_string(), ctx),
                Mode::Pay(Pay::Cash { .. }) => self.cash(&amount.get().to_string(), ctx),
                _ => Action::None,
            },
            Message::PayCash | Message::PayCard if !matches!(self.mode, Mode::Scanning) => Action::None,
            Message::PayCash | Message::PayCard if self.cart.is_empty() => {
                self.error(t!("error-empty-sale"));
                focus(SCAN_INPUT)
            }
            Message::PayCash => {
                self.mode = Mode::Pay(Pay::Cash { digits: String::new() });
                self.notice = None;
                focus(ENTRY_INPUT)
            }
            Message::PayCard => {
                self.mode = Mode::Pay(Pay::Card);
                self.notice = None;
                Action::None
            }
            Message::ConfirmCard => match (&self.mode, Payment::card(self.cart.total())) {
                (Mode::Pay(Pay::Card), Ok(payment)) => self.commit(payment, ctx),
                (_, Err(e)) => {
                    self.error(messages::payment_error(&e));
                    Action::None
                }
                _ => Action::None,
            },
            Message::RetryPrint => match &self.mode {
                Mode::Done(Finished {
                    job: Some(job),
                    print: Some(crate::hardware::queue::JobState::Failed(_)),
                    ..
                }) => Action::Retry(*job),
                _ => Action::None,
            },
            Message::Reprint => {
                let Mode::Done(finished) = &mut self.mode else { return Action::None };
                finished.job = None;
                finished.print = None;
                let (date, number) = (finished.date, finished.sale_no);
                self.reprint(date, number, ctx)
            }
            Message::Today => {
                if !matches!(self.mode, Mode::Scanning | Mode::Done(_)) || !self.cart.is_empty() {
                    return Action::None;
                }
                if matches!(self.mode, Mode::Done(_)) {
                    self.start_new_sale();
                }
                match ctx.store.sales_of(ctx.now.date_naive()) {
                    Ok(sales) => {
                        self.mode = Mode::Today(Today::new(sales));
                        self.notice = None;
                        Action::Run(Today::focus())
                    }
                    Err(e) => {
                        self.error(messages::store_error(&e));
                        Action::None
                    }
                }
            }
            Message::TodayQuery(query) => {
                if let Mode::Today(today) = &mut self.mode {
                    today.query = query;
                }
                Action::None
            }
            Message::TodayReprint(date, number) => {
                if !matches!(self.mode, Mode::Today(_)) {
                    return Action::None;
                }
                self.mode = Mode::Scanning;
                self.reprint(date, number, ctx)
            }
            Message::NoSale => {
                if !matches!(self.mode, Mode::Scanning) || !register::no_sale_allowed(&self.cart, false) {
                    return Action::None;
                }
                let panel = ApprovalPanel::new(ctx.store, Approval::NoSale, t!("nosale-title"));
                let task = panel.focus().map(Message::Approval);
                self.mode = Mode::NoSale(panel);
                self.notice = None;
                Action::Run(task)
            }
            Message::Approval(message) => {
                let Mode::NoSale(panel) = &mut self.mode else { return Action::None };
                match panel.update(message, ctx.worker, ctx.staff, ctx.now) {
                    Outcome::None => Action::None,
                    Outcome::Run(task) => Action::Run(task.map(Message::Approval)),
                    Outcome::Cancelled => self.back(ctx),
                    Outcome::Approved(_) => {
                        self.mode = Mode::Scanning;
                        self.info(t!("nosale-opened"));
                        Action::OpenDrawer
                    }
                }
            }
            Message::ToggleReceipt => {
                if self.preview.take().is_none()
                    && let Some(receipt) = &self.receipt
                {
                    let profile = crate::hardware::PrinterProfile { columns: self.columns, ..Default::default() };
                    let decoded = crate::hardware::render(receipt, &profile)
                        .map_err(|e| e.to_string())
                        .and_then(|r| crate::hardware::decode::decode(&r.bytes).map_err(|e| e.to_string()));
                    match decoded {
                        Ok(events) => self.preview = Some(Paper::new(&events, self.columns)),
                        Err(e) => {
                            tracing::error!("receipt preview: {e}");
                            self.error(t!("error-preview"));
                        }
                    }
                }
                focus(SCAN_INPUT)
            }
            Message::Back => self.back(ctx),
            Message::CancelSale => {
                if matches!(self.mode, Mode::Scanning) && !self.cart.is_empty() {
                    self.mode = Mode::ConfirmCancel;
                }
                Action::None
            }
            Message::ConfirmCancel => {
                if !matches!(self.mode, Mode::ConfirmCancel) {
                    return Action::None;
                }
                self.mode = Mode::Scanning;
                let cancel = self.cancel_cart(ctx);
                Action::Run(Task::batch([cancel, operation::focus(SCAN_INPUT)]))
            }
            Message::Resume => {
                let Mode::Left(left) = std::mem::replace(&mut self.mode, Mode::Scanning) else { return Action::None };
                self.cart = left.cart;
                self.info(t!("checkout-resumed", count = self.cart.item_count()));
                let save = self.save(&ctx);
                Action::Run(Task::batch([save, operation::focus(SCAN_INPUT)]))
            }
            Message::DiscardLeft => {
                let Mode::Left(left) = std::mem::replace(&mut self.mode, Mode::Scanning) else { return Action::None };
                self.cart = left.cart;
                let cancel = self.cancel_cart(ctx);
                Action::Run(Task::batch([cancel, operation::focus(SCAN_INPUT)]))
            }
            Message::SignOutKeep => {
                if !matches!(self.mode, Mode::ConfirmSignOut) {
                    return Action::None;
                }
                Action::SignOut(Task::none())
            }
            Message::SignOutCancel => {
                if !matches!(self.mode, Mode::ConfirmSignOut) {
                    return Action::None;
                }
                self.mode = Mode::Scanning;
                Action::SignOut(self.cancel_cart(ctx))
            }
            Message::NewSale => {
                self.start_new_sale();
                self.release_held(ctx)
            }
            Message::Escape => match self.mode {
                Mode::Scanning => {
                    self.scan.clear();
                    self.notice = None;
                    focus(SCAN_INPUT)
                }
                Mode::Done(_) => {
                    self.start_new_sale();
                    self.release_held(ctx)
                }
                _ => self.back(ctx),
            },
            Message::CartSaved(result) | Message::CartCancelled(result) => {
                if let Err(e) = result {
                    tracing::error!("cart not saved: {e}");
                    self.error(t!("error-cart-not-saved", reason = messages::store_error(&e)));
                }
                Action::None
            }
            Message::SaleCommitted(result) => self.committed(result, ctx),
        }
    }

    /// Closes whatever panel is open and goes back to scanning, adding any held scans.
    fn back(&mut self, ctx: Context<'_>) -> Action {
        match self.mode {
            Mode::Committing(_) | Mode::Scanning | Mode::Done(_) | Mode::Left(_) => focus(SCAN_INPUT),
            _ => {
                self.mode = Mode::Scanning;
                self.notice = None;
                self.release_held(ctx)
            }
        }
    }

    /// Takes line `index` down to `quantity` (0: out of the cart), journaled.
    fn take_out(&mut self, index: usize, quantity: u32, ctx: Context<'_>) -> Action {
        if !matches!(self.mode, Mode::Scanning) {
            return Action::None;
        }
        let Some(before) = self.cart.lines().get(index).cloned() else { return Action::None };
        let removed = if quantity == 0 {
            self.cart.remove(index);
            self.info(t!("checkout-removed", name = super::view::name(&before).to_string()));
            before
        } else {
            if let Err(e) = self.cart.set_quantity(index, quantity) {
                self.error(messages::cart_error(&e));
                return focus(SCAN_INPUT);
            }
            crate::domain::Line { quantity: before.quantity - quantity, ..before }
        };
        let (till, staff, cart, now) = (ctx.till.clone(), ctx.staff.clone(), self.cart.clone(), ctx.now);
        let save = ctx.worker.call(move |store| store.take_out_of_cart(&till, &staff, &cart, &removed, now));
        Action::Run(Task::batch([Task::perform(save, Message::CartSaved), operation::focus(SCAN_INPUT)]))
    }

    /// Empties the cart and journals every line it had.
    fn cancel_cart(&mut self, ctx: Context<'_>) -> Task<Message> {
        let cart = std::mem::take(&mut self.cart);
        self.info(t!("checkout-cancelled", count = cart.item_count()));
        let (till, staff, now) = (ctx.till.clone(), ctx.staff.clone(), ctx.now);
        Task::perform(
            ctx.worker.call(move |store| store.cancel_cart(&till, &staff, &cart, now)),
            Message::CartCancelled,
        )
    }

    fn price_entered(&mut self, key: usize, typed: &str, ctx: Context<'_>) -> Action {
        let Some(category) = self.keys.get(key) else { return Action::None };
        match register::price(typed) {
            Ok(price) => {
                let line = category_line(category, price);
                let (shown, price) = (super::view::name(&line).to_string(), line.unit_price);
                self.mode = Mode::Scanning;
                match self.cart.add(line) {
                    Ok(_) => self.info(t!("checkout-added", name = shown, price = price.to_string())),
                    Err(e) => self.error(messages::cart_error(&e)),
                }
                let save = self.save(&ctx);
                match self.release_held(ctx) {
                    Action::Run(then) => Action::Run(Task::batch([save, super::show_last_line(), then])),
                    _ => Action::Run(Task::batch([save, super::show_last_line()])),
                }
            }
            Err(problem) => {
                self.error(entry_problem(&problem));
                focus(ENTRY_INPUT)
            }
        }
    }
}
