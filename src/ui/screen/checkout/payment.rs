//! Paying: cash, card (on the separate terminal) and store credit, one after another until the
//! sale is paid, with the change worked out from the cash alone. Before the first tender the
//! customer may round the total up as a donation; a cash receipt number and who is buying
//! (public, staff, volunteer) can be set any time before the sale is written. The commit runs
//! off the UI thread, and the receipt follows.

use iced::Task;
use iced::widget::operation;

use super::parts::{ENTRY_INPUT, SCAN_INPUT, TEXT_INPUT};
use super::{Action, Checkout, Context, Message, Mode, amount_problem, focus};
use crate::domain::cash_receipt::CashReceipt;
use crate::domain::codes::{self, Code};
use crate::domain::register::{self};
use crate::domain::{Customer, PaymentError, Tendering, Won};
use crate::{explain, t};

/// Which tender (or detail) the panel is taking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Cash,
    Card,
    Credit,
    CashReceipt,
}

#[derive(Debug, Clone)]
pub struct PayState {
    pub(super) tendering: Tendering,
    pub(super) entry: Entry,
    /// The amount field: cash handed over, or the card amount.
    pub(super) digits: String,
    /// The text field: a card's approval number, a voucher code, a cash-receipt number.
    pub(super) text: String,
    /// The amount field holds what the till put there (a card's amount: what is left), so the
    /// first digit typed replaces it, as on a calculator, instead of running on after it.
    pub(super) prefilled: bool,
    pub(super) customer: Customer,
    pub(super) cash_receipt: Option<CashReceipt>,
}

impl PayState {
    fn new(due: Won, entry: Entry) -> Result<PayState, PaymentError> {
        let mut pay = PayState {
            tendering: Tendering::new(due)?,
            entry,
            digits: String::new(),
            text: String::new(),
            prefilled: false,
            customer: Customer::Public,
            cash_receipt: None,
        };
        pay.switch(entry);
        Ok(pay)
    }

    pub fn digits(&mut self) -> Option<&mut String> {
        matches!(self.entry, Entry::Cash | Entry::Card).then_some(&mut self.digits)
    }

    pub fn text(&mut self) -> Option<&mut String> {
        matches!(self.entry, Entry::Card | Entry::Credit | Entry::CashReceipt).then_some(&mut self.text)
    }

    pub fn tendering(&self) -> &Tendering {
        &self.tendering
    }

    pub fn undo(&mut self) {
        self.tendering.undo();
        self.switch(self.entry);
    }

    /// Takes the next tender as `entry`. A card starts at what is left, since it usually pays
    /// all of it; cash starts empty (Enter alone takes the exact amount).
    fn switch(&mut self, entry: Entry) {
        self.entry = entry;
        self.digits = match entry {
            Entry::Card => self.tendering.left().get().to_string(),
            _ => String::new(),
        };
        self.prefilled = !self.digits.is_empty();
        self.text = match (entry, &self.cash_receipt) {
            (Entry::CashReceipt, Some(receipt)) => receipt.id.clone(),
            _ => String::new(),
        };
    }

    /// Which field takes the keys.
    pub(super) fn focus(&self) -> Task<Message> {
        match self.entry {
            Entry::Cash | Entry::Card => {
                Task::batch([operation::focus(ENTRY_INPUT), operation::move_cursor_to_end(ENTRY_INPUT)])
            }
            Entry::Credit | Entry::CashReceipt => operation::focus(TEXT_INPUT),
        }
    }
}

impl Checkout {
    pub(super) fn update_pay(&mut self, message: Message, ctx: Context<'_>) -> Action {
        let entry = match message {
            Message::PayCash => Some(Entry::Cash),
            Message::PayCard => Some(Entry::Card),
            Message::PayCredit => Some(Entry::Credit),
            _ => None,
        };
        if let Some(entry) = entry {
            return self.start_paying(entry);
        }
        let Mode::Pay(pay) = &mut self.mode else { return Action::None };
        match message {
            Message::RoundUp(on) => {
                if !pay.tendering.tenders().is_empty() {
                    return Action::None;
                }
                let donation = self.cart.round_up(on);
                let Mode::Pay(pay) = &mut self.mode else { return Action::None };
                if let Ok(tendering) = Tendering::new(self.cart.total()) {
                    pay.tendering = tendering;
                    pay.switch(pay.entry);
                }
                let focus = pay.focus();
                if donation.is_positive() {
                    self.info(t!("pay-rounded-up", amount = donation.to_string()));
                } else {
                    self.notice = None;
                }
                Action::Run(Task::batch([self.save(&ctx), focus]))
            }
            Message::Buyer(customer) => {
                pay.customer = customer;
                Action::Run(pay.focus())
            }
            Message::CashReceipt => {
                let back = if pay.entry == Entry::CashReceipt { Entry::Cash } else { Entry::CashReceipt };
                pay.switch(back);
                Action::Run(pay.focus())
            }
            Message::UndoTender => {
                pay.undo();
                self.notice = None;
                let Mode::Pay(pay) = &self.mode else { return Action::None };
                Action::Run(pay.focus())
            }
            Message::ConfirmCard => {
                let typed = pay.digits.clone();
                self.pay_entered(&typed, ctx)
            }
            _ => Action::None,
        }
    }

    /// F9, F10 or F11: opens the payment on that tender, or switches to it while paying.
    fn start_paying(&mut self, entry: Entry) -> Action {
        match &mut self.mode {
            Mode::Pay(pay) => {
                pay.switch(entry);
                Action::Run(pay.focus())
            }
            Mode::Scanning if !self.cart.is_empty() => match PayState::new(self.cart.total(), entry) {
                Ok(pay) => {
                    let focus = pay.focus();
                    self.mode = Mode::Pay(pay);
                    self.notice = None;
                    Action::Run(focus)
                }
                Err(e) => {
                    self.error(explain::payment_error(&e));
                    focus(SCAN_INPUT)
                }
            },
            _ => Action::None,
        }
    }

    /// Enter in the amount field: takes the cash or the card amount.
    pub(super) fn pay_entered(&mut self, typed: &str, ctx: Context<'_>) -> Action {
        let Mode::Pay(pay) = &mut self.mode else { return Action::None };
        // Everything was paid but the sale was refused (a buyer on hold): it is tried again.
        if pay.tendering.is_paid() {
            return self.commit(ctx);
        }
        let left = pay.tendering.left();
        let taken = match pay.entry {
            Entry::Cash => register::tendered(typed, left)
                .map_err(|p| amount_problem(&p))
                .and_then(|cash| pay.tendering.cash(cash).map_err(|e| explain::payment_error(&e))),
            Entry::Card => {
                let approval: String = pay.text.chars().filter(char::is_ascii_digit).collect();
                let approval = (!approval.is_empty()).then_some(approval);
                register::tendered(typed, left)
                    .map_err(|p| amount_problem(&p))
                    .and_then(|amount| pay.tendering.card(amount, approval).map_err(|e| explain::payment_error(&e)))
            }
            Entry::Credit | Entry::CashReceipt => return self.pay_text_submitted(ctx),
        };
        self.tendered(taken, ctx)
    }

    /// After a tender: commit once paid, or say what is left.
    fn tendered(&mut self, taken: Result<(), String>, ctx: Context<'_>) -> Action {
        let Mode::Pay(pay) = &mut self.mode else { return Action::None };
        if let Err(problem) = taken {
            let focus = pay.focus();
            self.error(problem);
            return Action::Run(focus);
        }
        if pay.tendering.is_paid() {
            return self.commit(ctx);
        }
        // Part paid: the rest is most often cash.
        pay.switch(Entry::Cash);
        let (left, focus) = (pay.tendering.left(), pay.focus());
        self.info(t!("pay-left-to-pay", amount = left.to_string()));
        Action::Run(focus)
    }

    pub(super) fn pay_text_submitted(&mut self, ctx: Context<'_>) -> Action {
        let Mode::Pay(pay) = &mut self.mode else { return Action::None };
        match pay.entry {
            Entry::Card => {
                let typed = pay.digits.clone();
                self.pay_entered(&typed, ctx)
            }
            Entry::Credit => {
                let typed = pay.text.trim().to_string();
                self.pay_with_voucher(&typed, ctx)
            }
            Entry::CashReceipt => {
                if pay.text.trim().is_empty() {
                    pay.cash_receipt = None;
                    pay.switch(Entry::Cash);
                    let focus = pay.focus();
                    self.notice = None;
                    return Action::Run(focus);
                }
                match CashReceipt::parse(&pay.text) {
                    Ok(receipt) => {
                        let masked = receipt.masked();
                        pay.cash_receipt = Some(receipt);
                        pay.switch(Entry::Cash);
                        let focus = pay.focus();
                        self.info(t!("pay-cash-receipt-set", number = masked));
                        Action::Run(focus)
                    }
                    Err(e) => {
                        self.error(explain::cash_receipt_error(&e));
                        Action::Run(operation::focus(TEXT_INPUT))
                    }
                }
            }
            Entry::Cash => Action::None,
        }
    }

    /// A store-credit voucher scanned or typed while paying: it pays what its balance allows.
    pub(super) fn pay_with_voucher(&mut self, typed: &str, ctx: Context<'_>) -> Action {
        let code = match codes::parse(typed) {
            Ok(Code::Credit(voucher)) => voucher.code(),
            Ok(other) => {
                self.error(t!("error-not-a-voucher", kind = explain::code_kind(other.kind())));
                return Action::Run(operation::focus(TEXT_INPUT));
            }
            Err(e) => {
                self.error(explain::code_error(&e));
                return Action::Run(operation::focus(TEXT_INPUT));
            }
        };
        let credit = match ctx.store.credit(&code) {
            Ok(Some(credit)) => credit,
            Ok(None) => {
                self.error(t!("error-voucher-unknown", code = code));
                return Action::Run(operation::focus(TEXT_INPUT));
            }
            Err(e) => {
                self.error(explain::store_error(&e));
                return Action::Run(operation::focus(TEXT_INPUT));
            }
        };
        let Mode::Pay(pay) = &mut self.mode else { return Action::None };
        // The same voucher scanned twice in one payment has only what is still on it.
        let taken: Won = pay
            .tendering
            .tenders()
            .iter()
            .filter(|t| t.reference.as_deref() == Some(code.as_str()))
            .map(|t| t.amount)
            .sum();
        let taken =
            pay.tendering.credit(code, credit.balance - taken).map(|_| ()).map_err(|e| explain::payment_error(&e));
        self.tendered(taken, ctx)
    }
}
