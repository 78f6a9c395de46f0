//! Paying: cash, card (on the separate terminal) and store credit, one after another until the
//! sale is paid, with the change worked out from the cash alone. Before the first tender the
//! customer may round the total up as a donation; a cash receipt number and who is buying
//! (public, staff, volunteer) can be set any time before the sale is written. The commit runs
//! off the UI thread, and the receipt follows.

use iced::Task;
use iced::widget::{button, column, container, operation, row, text, text_input};
use iced::{Center, Element, Fill, FillPortion};

use super::parts::{ENTRY_INPUT, SCAN_INPUT, TEXT_INPUT, amount_input, amount_row, pad_and_buttons, tender_label};
use super::{Action, Checkout, Context, Finished, Message, Mode, entry_problem, focus};
use crate::domain::cash_receipt::CashReceipt;
use crate::domain::codes::{self, Code};
use crate::domain::register::{self, CashPreview};
use crate::domain::{Customer, PaymentError, Sale, Tendering, Won, likely_tenders};
use crate::hardware::receipt::{ReceiptOptions, sale_receipt};
use crate::store::{NewSale, SaleError};
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};
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
    tendering: Tendering,
    entry: Entry,
    /// The amount field: cash handed over, or the card amount.
    digits: String,
    /// The text field: a card's approval number, a voucher code, a cash-receipt number.
    text: String,
    customer: Customer,
    cash_receipt: Option<CashReceipt>,
}

impl PayState {
    fn new(due: Won, entry: Entry) -> Result<PayState, PaymentError> {
        let mut pay = PayState {
            tendering: Tendering::new(due)?,
            entry,
            digits: String::new(),
            text: String::new(),
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
        self.text = match (entry, &self.cash_receipt) {
            (Entry::CashReceipt, Some(receipt)) => receipt.id.clone(),
            _ => String::new(),
        };
    }

    /// Which field takes the keys.
    fn focus(&self) -> Task<Message> {
        match self.entry {
            Entry::Cash | Entry::Card => {
                Task::batch([operation::focus(ENTRY_INPUT), operation::move_cursor_to_end(ENTRY_INPUT)])
            }
            Entry::Credit | Entry::CashReceipt => operation::focus(TEXT_INPUT),
        }
    }
}

fn text_field<'a>(placeholder: String, value: &str) -> Element<'a, Message> {
    text_input(&placeholder, value)
        .id(TEXT_INPUT)
        .size(theme::LARGE)
        .padding(10)
        .on_input(Message::TextChanged)
        .on_submit(Message::TextSubmitted)
        .into()
}

fn customer_label(customer: Customer) -> String {
    match customer {
        Customer::Public => t!("pay-buyer-public"),
        Customer::Staff => t!("pay-buyer-staff"),
        Customer::Volunteer => t!("pay-buyer-volunteer"),
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
                .map_err(|p| entry_problem(&p))
                .and_then(|cash| pay.tendering.cash(cash).map_err(|e| explain::payment_error(&e))),
            Entry::Card => {
                let approval: String = pay.text.chars().filter(char::is_ascii_digit).collect();
                let approval = (!approval.is_empty()).then_some(approval);
                register::tendered(typed, left)
                    .map_err(|p| entry_problem(&p))
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

    /// Writes the sale off the UI thread; the cart stays until it is on disk.
    fn commit(&mut self, ctx: Context<'_>) -> Action {
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
            let sale =
                NewSale { customer, cash_receipt: cash_receipt.as_ref(), ..NewSale::new(&cart, &payment, &staff, now) };
            store.commit_sale(sale.at_till(&till, session.as_ref()))
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
                }
            }
            Err(e) => {
                // Nothing was written: back to paying, with every tender taken still there.
                tracing::error!("sale not committed: {e}");
                let focus = pay.focus();
                self.mode = Mode::Pay(pay);
                self.error(t!("error-sale-not-saved", reason = explain::sale_error(&e)));
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
                    sale_receipt(ctx.store.info(), &sale, ReceiptOptions { reprint: true }),
                )],
                then: operation::focus(SCAN_INPUT),
            },
            Ok(None) => Action::None,
            Err(e) => {
                self.error(explain::store_error(&e));
                Action::None
            }
        }
    }

    pub(super) fn view_pay<'a>(&'a self, pay: &'a PayState, layout: Layout) -> Element<'a, Message> {
        let left = pay.tendering.left();
        let gap = if layout.short() { 6 } else { 8 };
        // Once something is paid, what is left takes the place of the total.
        let head = if pay.tendering.tenders().is_empty() {
            row![
                text(t!("pay-title")).size(theme::LARGE).font(theme::BOLD),
                widgets::spacer(),
                text(t!("won", amount = pay.tendering.due().to_string())).size(theme::LARGE * 1.3).font(theme::BOLD),
            ]
        } else {
            row![
                text(t!("pay-left")).size(theme::LARGE).font(theme::BOLD),
                widgets::spacer(),
                text(t!("won", amount = left.to_string())).size(theme::LARGE * 1.3).font(theme::BOLD).color(theme::RED),
            ]
        }
        .align_y(Center);
        let tab = |label: String, key: &str, entry: Entry, message: Message| {
            widgets::choice(
                format!("{label} {key}"),
                theme::SMALL + 1.0,
                pay.entry == entry,
                Some(message),
                layout.key_height(),
            )
        };
        let tabs = row![
            tab(t!("pay-tender-cash"), "F9", Entry::Cash, Message::PayCash),
            tab(t!("pay-tender-card"), "F10", Entry::Card, Message::PayCard),
            tab(t!("pay-tender-credit"), "F11", Entry::Credit, Message::PayCredit),
        ]
        .spacing(8);
        let mut panel = column![head, tabs].spacing(gap);
        let taken = pay.tendering.tenders();
        if layout.short() && !taken.is_empty() {
            // One line on a short screen: the total and what was taken so far.
            let parts: Vec<String> = std::iter::once(format!("{} {}", t!("checkout-total"), pay.tendering.due()))
                .chain(taken.iter().map(|t| format!("{} {}", tender_label(t.kind), t.amount)))
                .collect();
            panel = panel.push(widgets::muted(parts.join(" · ")));
        } else if !taken.is_empty() {
            for tender in taken {
                let mut label = tender_label(tender.kind);
                if let Some(reference) = &tender.reference {
                    label = format!("{label} · {reference}");
                }
                panel = panel.push(row![
                    widgets::muted(label),
                    widgets::spacer(),
                    widgets::muted(t!("won", amount = tender.amount.to_string()))
                ]);
            }
            panel = panel.push(row![
                widgets::muted(t!("checkout-total")),
                widgets::spacer(),
                widgets::muted(t!("won", amount = pay.tendering.due().to_string()))
            ]);
        }
        panel = match pay.entry {
            Entry::Cash => panel.push(self.view_cash_entry(pay, layout)),
            Entry::Card => panel.push(self.view_card_entry(pay, layout)),
            Entry::Credit => panel
                .push(widgets::label(t!("pay-credit-hint")))
                .push(text_field(t!("pay-credit-placeholder"), &pay.text))
                .push(iced::widget::space().height(Fill))
                .push(self.view_options(pay, layout))
                .push(confirm_row(t!("pay-credit-confirm"), layout)),
            Entry::CashReceipt => panel
                .push(widgets::label(t!("pay-cash-receipt-hint")))
                .push(text_field(t!("pay-cash-receipt-placeholder"), &pay.text))
                .push(iced::widget::space().height(Fill))
                .push(confirm_row(t!("pay-cash-receipt-confirm"), layout)),
        };
        panel.into()
    }

    fn view_cash_entry<'a>(&'a self, pay: &'a PayState, layout: Layout) -> Element<'a, Message> {
        let left = pay.tendering.left();
        let (label, amount, colour) = match register::cash_preview(&pay.digits, left) {
            CashPreview::Exact => (t!("pay-change"), t!("won", amount = "0"), theme::MUTED),
            CashPreview::Change(change) => (t!("pay-change"), t!("won", amount = change.to_string()), theme::GREEN),
            CashPreview::Short(short) => (t!("pay-short-label"), t!("won", amount = short.to_string()), theme::RED),
            CashPreview::TooHigh => (t!("pay-change"), t!("error-price-too-high"), theme::RED),
        };
        // A short screen part paid has no room for the likely amounts: the pad stays.
        let quick_count = match (layout.short() && !pay.tendering.tenders().is_empty(), layout.narrow()) {
            (true, _) => 0,
            (false, true) => 3,
            (false, false) => 4,
        };
        let quick = likely_tenders(left).into_iter().take(quick_count).enumerate().map(|(i, amount)| {
            let label = if i == 0 { t!("pay-exact") } else { amount.to_string() };
            widgets::key(label, theme::BODY, Some(Message::Quick(amount))).height(layout.key_height()).into()
        });
        column![
            row![
                container(amount_input(t!("pay-tendered-placeholder"), &pay.digits, theme::LARGE * 1.2))
                    .width(FillPortion(3)),
                column![widgets::muted(label), text(amount).size(theme::LARGE).font(theme::BOLD).color(colour),]
                    .align_x(iced::alignment::Horizontal::Right)
                    .width(FillPortion(2)),
            ]
            .spacing(10)
            .align_y(Center),
            row(quick).spacing(if quick_count == 0 { 0 } else { 8 }),
            self.view_options(pay, layout),
            pad_and_buttons(
                back_label(pay),
                t!("pay-confirm"),
                theme::success,
                Some(Message::EntrySubmitted),
                Some("000"),
                layout
            ),
        ]
        .spacing(if layout.short() { 6 } else { 8 })
        .into()
    }

    fn view_card_entry<'a>(&'a self, pay: &'a PayState, layout: Layout) -> Element<'a, Message> {
        let amount = register::tendered(&pay.digits, pay.tendering.left()).unwrap_or(pay.tendering.left());
        let fields = row![
            container(amount_input(t!("pay-card-placeholder"), &pay.digits, theme::LARGE * 1.2)).width(FillPortion(3)),
            text_input(&t!("pay-approval-placeholder"), &pay.text)
                .id(TEXT_INPUT)
                .size(theme::SMALL)
                .padding(8)
                .width(FillPortion(2))
                .on_input(Message::TextChanged)
                .on_submit(Message::TextSubmitted),
        ]
        .spacing(10)
        .align_y(Center);
        let mut panel = column![].spacing(if layout.short() { 6 } else { 8 });
        if !layout.short() {
            panel = panel.push(widgets::label(t!("pay-card-hint", amount = amount.to_string())));
        }
        panel
            .push(fields)
            .push(self.view_options(pay, layout))
            .push(pad_and_buttons(
                back_label(pay),
                t!("pay-card-confirm"),
                theme::primary,
                Some(Message::ConfirmCard),
                Some("000"),
                layout,
            ))
            .into()
    }

    /// Round-up, cash receipt and buyer, as small keys.
    fn view_options<'a>(&'a self, pay: &'a PayState, layout: Layout) -> Element<'a, Message> {
        let donation = self.cart.donation();
        let round_up = if donation.is_positive() {
            Some(t!("pay-round-up-on", amount = donation.to_string())).zip(Some(Message::RoundUp(false)))
        } else {
            let mut rounded = self.cart.clone();
            let up = rounded.round_up(true);
            up.is_positive().then(|| (t!("pay-round-up", amount = up.to_string()), Message::RoundUp(true)))
        };
        let before_tenders = pay.tendering.tenders().is_empty();
        let mut options = row![].spacing(8);
        if let Some((label, message)) = round_up {
            options = options.push(
                widgets::key(label, theme::SMALL, before_tenders.then_some(message))
                    .height(layout.key_height())
                    .style(if donation.is_positive() { theme::success } else { theme::key }),
            );
        }
        let receipt = match &pay.cash_receipt {
            Some(receipt) => t!("pay-cash-receipt-on", number = receipt.masked()),
            None => t!("pay-cash-receipt"),
        };
        let next = match pay.customer {
            Customer::Public => Customer::Staff,
            Customer::Staff => Customer::Volunteer,
            Customer::Volunteer => Customer::Public,
        };
        options
            .push(widgets::key(receipt, theme::SMALL, Some(Message::CashReceipt)).height(layout.key_height()))
            .push(
                widgets::key(customer_label(pay.customer), theme::SMALL, Some(Message::Buyer(next)))
                    .height(layout.key_height())
                    .style(if pay.customer == Customer::Public { theme::key } else { theme::primary }),
            )
            .into()
    }

    /// While the sale is written: the total, and that it is being saved.
    pub(super) fn view_committing(&self) -> Element<'_, Message> {
        column![amount_row(t!("checkout-total"), self.cart.total()), widgets::banner(t!("pay-saving"), false),]
            .spacing(12)
            .into()
    }
}

/// Back leaves the payment, or once something is paid, takes the last payment back.
fn back_label(pay: &PayState) -> String {
    if pay.tendering.tenders().is_empty() { t!("pay-back") } else { t!("pay-undo") }
}

/// Back and a confirming button, for panels without a number pad.
fn confirm_row<'a>(confirm: String, layout: Layout) -> Element<'a, Message> {
    row![
        widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(layout.pad_key()),
        button(text(confirm).size(theme::LARGE).align_x(Center).align_y(Center).width(Fill).height(Fill))
            .height(layout.pad_key())
            .width(Fill)
            .style(theme::success)
            .on_press(Message::TextSubmitted),
    ]
    .spacing(8)
    .into()
}
