//! What the checkout does with each message: scanning, the lines, the category keys, the amount
//! and text fields every panel shares, and the manager approvals; paying, discounts, parking and
//! returns have files of their own.

use std::time::Instant;

use iced::Task;
use iced::widget::operation;

use super::{Action, Checkout, Context, ENTRY_INPUT, Message, Mode, SCAN_INPUT, Then, entry_problem, focus};
use crate::domain::register;
use crate::store::{Approval, StoreError, category_line};
use crate::ui::approval::{ApprovalPanel, Outcome};
use crate::ui::preview::Paper;
use crate::{explain, t};

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
                let quantity = self.cart.lines().get(index).map_or(0, |l| l.quantity.unsigned_abs());
                self.take_out(index, quantity.saturating_sub(1), ctx)
            }
            Message::More(index) => {
                if !matches!(self.mode, Mode::Scanning) {
                    return Action::None;
                }
                let quantity = self.cart.lines().get(index).map_or(0, |l| l.quantity.unsigned_abs());
                match self.cart.set_quantity(index, quantity + 1) {
                    Ok(_) => Action::Run(Task::batch([self.save(&ctx), operation::focus(SCAN_INPUT)])),
                    Err(e) => {
                        self.error(explain::cart_error(&e));
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
                let fresh = self.prefill_taken();
                let burst = &mut self.burst;
                let Some(digits) = (match &mut self.mode {
                    Mode::Price { digits, .. } => Some(digits),
                    Mode::Pay(pay) => pay.digits(),
                    Mode::Discount(d) => Some(&mut d.digits),
                    Mode::Return(r) => r.digits(),
                    _ => None,
                }) else {
                    return Action::None;
                };
                let shown = register::grouped(digits);
                burst.changed(&shown, &text, now);
                *digits = match inserted(&shown, &text) {
                    // Typed into what the till put there, wherever the cursor was: the typing is
                    // the amount.
                    Some(typed) if fresh && typed.chars().any(|c| c.is_ascii_digit()) => register::amount_digits(typed),
                    _ => register::edit_amount(digits, &text),
                };
                entry_at_end()
            }
            Message::EntryDigits(d) => {
                let fresh = self.prefill_taken();
                if let Some(digits) = self.entry() {
                    let before = if fresh { "" } else { digits.as_str() };
                    *digits = register::amount_digits(&format!("{before}{d}"));
                }
                entry_at_end()
            }
            Message::EntryBackspace => {
                self.prefill_taken();
                if let Some(digits) = self.entry() {
                    digits.pop();
                }
                entry_at_end()
            }
            Message::EntryClear => {
                self.prefill_taken();
                if let Some(digits) = self.entry() {
                    digits.clear();
                }
                entry_at_end()
            }
            Message::EntrySubmitted => {
                let Some(typed) = self.entry().cloned() else { return Action::None };
                if let Some((before, code)) = self.burst.submitted(Instant::now()) {
                    // A wedge scanner typed into the field: put it back and take the scan.
                    if let Some(digits) = self.entry() {
                        *digits = register::amount_digits(&before);
                    }
                    return match self.scanned_in_panel(&code, ctx) {
                        Action::None => entry_at_end(),
                        other => other,
                    };
                }
                match &self.mode {
                    Mode::Price { key, .. } => self.price_entered(*key, &typed, ctx),
                    Mode::Pay(_) => self.pay_entered(&typed, ctx),
                    Mode::Discount(_) => self.discount_entered(ctx),
                    Mode::Return(_) => self.confirm_return(ctx),
                    _ => Action::None,
                }
            }
            Message::TextChanged(text) => {
                if let Some(field) = self.text() {
                    *field = text;
                }
                Action::None
            }
            Message::TextSubmitted => match &self.mode {
                Mode::Pay(_) => self.pay_text_submitted(ctx),
                Mode::Park(_) => self.park(ctx),
                _ => Action::None,
            },
            Message::Quick(amount) => match &self.mode {
                Mode::Price { key, .. } => self.price_entered(*key, &amount.get().to_string(), ctx),
                Mode::Pay(_) => self.pay_entered(&amount.get().to_string(), ctx),
                Mode::Discount(_) => {
                    if let Some(digits) = self.entry() {
                        *digits = amount.get().to_string();
                    }
                    entry_at_end()
                }
                _ => Action::None,
            },
            Message::PayCash
            | Message::PayCard
            | Message::PayCredit
            | Message::RoundUp(_)
            | Message::Buyer(_)
            | Message::CashReceipt
            | Message::UndoTender
            | Message::ConfirmCard => self.update_pay(message, ctx),
            Message::Discount
            | Message::DiscountTarget(_)
            | Message::DiscountPercent(_)
            | Message::DiscountReason(_)
            | Message::ApplyDiscount => self.update_discount(message, ctx),
            Message::Park
            | Message::ParkConfirm
            | Message::TakeParked(_)
            | Message::ParkedAway(_)
            | Message::TookParked(_) => self.update_park(message, ctx),
            Message::Return
            | Message::ReturnFrom(_)
            | Message::ReturnQty(..)
            | Message::ReturnTo(_)
            | Message::ReturnOpen
            | Message::ReturnCategory(_)
            | Message::ConfirmReturn
            | Message::Void(_)
            | Message::Refunded(_)
            | Message::Voided(_) => self.update_returns(message, ctx),
            Message::RetryPrint => match &self.mode {
                Mode::Done(super::Finished {
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
                if !matches!(self.mode, Mode::Scanning | Mode::Done(_) | Mode::Closed) || !self.cart.is_empty() {
                    return Action::None;
                }
                if matches!(self.mode, Mode::Done(_)) {
                    self.start_new_sale();
                }
                match ctx.store.sales_of(ctx.now.date_naive()) {
                    Ok(sales) => {
                        self.mode = Mode::Today(super::today::Today::new(sales));
                        self.notice = None;
                        Action::Run(super::today::Today::focus())
                    }
                    Err(e) => {
                        self.error(explain::store_error(&e));
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
            Message::TodayPick(id) => {
                if let Mode::Today(today) = &mut self.mode {
                    today.selected = Some(id);
                }
                Action::None
            }
            Message::TodayReprint(date, number) => {
                if !matches!(self.mode, Mode::Today(_)) {
                    return Action::None;
                }
                self.start_new_sale();
                self.reprint(date, number, ctx)
            }
            Message::NoSale => {
                if !matches!(self.mode, Mode::Scanning | Mode::Closed) || !register::no_sale_allowed(&self.cart, false)
                {
                    return Action::None;
                }
                self.ask_manager(Approval::NoSale, t!("nosale-title"), Then::NoSale, ctx)
            }
            Message::Approval(message) => self.approval(message, ctx),
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
                self.mode = self.idle();
                let save = self.save(&ctx);
                self.with_held(save, ctx)
            }
            Message::PrintOwed if matches!(self.mode, Mode::Owed(_)) => self.print_owed(ctx),
            Message::SkipOwed if matches!(self.mode, Mode::Owed(_)) => self.skip_owed(ctx),
            Message::PrintOwed | Message::SkipOwed => Action::None,
            Message::OwedSkipped(sale, result) => self.owed_skipped(sale, result, ctx),
            Message::DiscardLeft => {
                let Mode::Left(left) = std::mem::replace(&mut self.mode, Mode::Scanning) else { return Action::None };
                self.cart = left.cart;
                let cancel = self.cancel_cart(ctx);
                self.mode = self.idle();
                self.with_held(cancel, ctx)
            }
            Message::SignOutKeep => {
                if !matches!(self.mode, Mode::ConfirmSignOut | Mode::SignOutParked) {
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
            Message::SignOutTakeParked => {
                if !matches!(self.mode, Mode::SignOutParked) {
                    return Action::None;
                }
                self.mode = self.idle();
                self.update_park(Message::Park, ctx)
            }
            Message::OpenTill => {
                if matches!(self.mode, Mode::Scanning | Mode::Closed | Mode::Done(_)) && self.cart.is_empty() {
                    Action::OpenTill
                } else {
                    Action::None
                }
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
            // Another program held the file past the busy timeout: the cart on screen is not
            // crash-safe until it is saved, so it is tried again in the background (the
            // sale's own commit waits for the file anyway).
            Message::CartSaved(Err(StoreError::Busy)) => {
                tracing::warn!("cart not saved: the store file is busy; trying again");
                self.info(t!("checkout-cart-save-waiting"));
                if std::mem::replace(&mut self.cart_retrying, true) {
                    return Action::None;
                }
                let pause = crate::ui::off_thread(|| {
                    std::thread::sleep(std::time::Duration::from_secs(1));
                    Ok::<_, String>(())
                });
                Action::Run(Task::perform(pause, |_| Message::RetryCartSave))
            }
            Message::RetryCartSave => {
                self.cart_retrying = false;
                Action::Run(self.save(&ctx))
            }
            Message::CartSaved(result) | Message::CartCancelled(result) => {
                match result {
                    Err(e) => {
                        tracing::error!("cart not saved: {e}");
                        self.error(t!("error-cart-not-saved", reason = explain::store_error(&e)));
                    }
                    Ok(()) => {
                        if self.notice.as_ref().is_some_and(|n| n.text == t!("checkout-cart-save-waiting")) {
                            self.info(t!("checkout-cart-saved-again"));
                        }
                    }
                }
                Action::None
            }
            Message::SaleCommitted(result) => self.committed(result, ctx),
        }
    }

    /// Closes whatever panel is open and goes back to scanning, adding any held scans.
    pub(super) fn back(&mut self, ctx: Context<'_>) -> Action {
        match &mut self.mode {
            Mode::Committing(_) | Mode::Reversing | Mode::Scanning | Mode::Done(_) | Mode::Left(_) | Mode::Closed => {
                focus(SCAN_INPUT)
            }
            Mode::Approving { back, .. } => {
                self.mode = std::mem::replace(back.as_mut(), Mode::Scanning);
                Action::None
            }
            Mode::Pay(pay) if !pay.tendering().tenders().is_empty() => {
                // Tenders are taken: Back takes the last one back rather than leaving them.
                pay.undo();
                entry_at_end()
            }
            _ => {
                // Leaving the payment takes a round-up donation back out.
                if matches!(self.mode, Mode::Pay(_)) && self.cart.donation().is_positive() {
                    self.cart.round_up(false);
                }
                self.mode = if self.session.is_some() { Mode::Scanning } else { Mode::Closed };
                self.notice = None;
                self.release_held(ctx)
            }
        }
    }

    /// Asks a manager to approve `action`; `then` happens once they have.
    pub(super) fn ask_manager(&mut self, action: Approval, title: String, then: Then, ctx: Context<'_>) -> Action {
        let panel = ApprovalPanel::new(ctx.store, action, title);
        let task = panel.focus().map(Message::Approval);
        let back = std::mem::replace(&mut self.mode, Mode::Scanning);
        self.mode = Mode::Approving { panel, then, back: Box::new(back) };
        self.notice = None;
        Action::Run(task)
    }

    fn approval(&mut self, message: crate::ui::approval::Message, ctx: Context<'_>) -> Action {
        let Mode::Approving { panel, .. } = &mut self.mode else { return Action::None };
        match panel.update(message, ctx.worker, ctx.staff, ctx.now) {
            Outcome::None => Action::None,
            Outcome::Run(task) => Action::Run(task.map(Message::Approval)),
            Outcome::Cancelled => self.back(ctx),
            Outcome::Approved(approved) => {
                let Mode::Approving { then, back, .. } = std::mem::replace(&mut self.mode, Mode::Scanning) else {
                    return Action::None;
                };
                self.mode = *back;
                match then {
                    Then::NoSale => {
                        self.mode = if self.session.is_some() { Mode::Scanning } else { Mode::Closed };
                        self.info(t!("nosale-opened"));
                        Action::OpenDrawer
                    }
                    Then::Discount(apply) => self.apply_discount(apply, ctx),
                    Then::Price(line) => self.add_keyed(*line, ctx),
                    Then::Refund(plan) => self.refund(plan, approved, ctx),
                    Then::Void { sale } => self.void(sale, approved, ctx),
                }
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
            self.info(t!("checkout-removed", name = super::parts::name(&before).to_string()));
            before
        } else {
            if let Err(e) = self.cart.set_quantity(index, quantity) {
                self.error(explain::cart_error(&e));
                return focus(SCAN_INPUT);
            }
            crate::domain::Line { quantity: before.quantity - quantity as i32, ..before }
        };
        let (till, staff, cart, now) = (ctx.till.clone(), ctx.staff.clone(), self.cart.clone(), ctx.now);
        let save = ctx.worker.call(move |store| store.take_out_of_cart(&till, &staff, &cart, &removed, now));
        Action::Run(Task::batch([Task::perform(save, Message::CartSaved), operation::focus(SCAN_INPUT)]))
    }

    /// Empties the cart and journals every line it had.
    pub(super) fn cancel_cart(&mut self, ctx: Context<'_>) -> Task<Message> {
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
                // A price outside the category's guide is a manager's call.
                let low = category.guide.iter().map(|g| g.price).min();
                let high = category.guide.iter().map(|g| g.price).max();
                if let (Some(low), Some(high)) = (low, high)
                    && (price < low || price > high)
                {
                    let name = super::parts::name(&line).to_string();
                    let title = t!("price-approval-title", name = name, price = price.to_string());
                    let action = Approval::Price { category: category.code.clone(), amount: price, low, high };
                    return self.ask_manager(action, title, Then::Price(Box::new(line)), ctx);
                }
                self.add_keyed(line, ctx)
            }
            Err(problem) => {
                self.error(entry_problem(&problem));
                focus(ENTRY_INPUT)
            }
        }
    }

    /// Adds a line sold by category key, then any scans held meanwhile.
    fn add_keyed(&mut self, line: crate::domain::Line, ctx: Context<'_>) -> Action {
        let (shown, price) = (super::parts::name(&line).to_string(), line.unit_price);
        self.mode = Mode::Scanning;
        match self.cart.add(line) {
            Ok(_) => self.info(t!("checkout-added", name = shown, price = price.to_string())),
            Err(e) => self.error(explain::cart_error(&e)),
        }
        let save = self.save(&ctx);
        match self.release_held(ctx) {
            Action::Run(then) => Action::Run(Task::batch([save, super::show_last_line(), then])),
            _ => Action::Run(Task::batch([save, super::show_last_line()])),
        }
    }
}

/// What was typed into a field that showed `before` and now shows `after`: the part of `after`
/// between what the two share at the start and at the end. None when nothing was added.
fn inserted<'a>(before: &str, after: &'a str) -> Option<&'a str> {
    let start = before.chars().zip(after.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum::<usize>();
    let (rest_before, rest_after) = (&before[start..], &after[start..]);
    let end = rest_before
        .chars()
        .rev()
        .zip(rest_after.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    let added = &rest_after[..rest_after.len() - end.min(rest_after.len())];
    (rest_after.len() > rest_before.len() && !added.is_empty()).then_some(added)
}
