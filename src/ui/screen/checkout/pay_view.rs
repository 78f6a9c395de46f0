//! How paying looks: what is left to pay and the tenders so far, the cash or card entry with
//! its pad, and the options (round-up donation, cash receipt, who is buying).

use crate::ui::pressable::button;
use iced::widget::{column, container, row, text, text_input};
use iced::{Center, Element, Fill, FillPortion};

use super::parts::{TEXT_INPUT, amount_input, pad_and_buttons, tender_label};
use super::payment::{Entry, PayState};
use super::{Checkout, Message};
use crate::domain::register::{self, CashPreview};
use crate::domain::{Customer, Won, likely_tenders};
use crate::t;
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};

impl Checkout {
    pub(super) fn view_pay<'a>(&'a self, pay: &'a PayState, layout: Layout) -> Element<'a, Message> {
        let left = pay.tendering.left();
        let gap = if layout.short() { 6 } else { 8 };
        // Once something is paid, what is left takes the place of the total.
        let head = if pay.tendering.tenders().is_empty() {
            row![
                text(t!("pay-title")).size(theme::LARGE).font(theme::BOLD),
                widgets::spacer(),
                text(crate::i18n::won(pay.tendering.due())).size(theme::LARGE * 1.3).font(theme::BOLD),
            ]
        } else {
            row![
                text(t!("pay-left")).size(theme::LARGE).font(theme::BOLD),
                widgets::spacer(),
                text(crate::i18n::won(left)).size(theme::LARGE * 1.3).font(theme::BOLD).color(theme::RED),
            ]
        }
        .align_y(Center);
        let tab = |label: String, key: &str, entry: Entry, message: Message| {
            widgets::choice(
                if layout.smallest() { label } else { format!("{label} {key}") },
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
                    widgets::muted(crate::i18n::won(tender.amount))
                ]);
            }
            panel = panel.push(row![
                widgets::muted(t!("checkout-total")),
                widgets::spacer(),
                widgets::muted(crate::i18n::won(pay.tendering.due()))
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

    pub(super) fn view_cash_entry<'a>(&'a self, pay: &'a PayState, layout: Layout) -> Element<'a, Message> {
        let left = pay.tendering.left();
        let (label, amount, colour) = match register::cash_preview(&pay.digits, left) {
            CashPreview::Exact => (t!("pay-change"), crate::i18n::won(crate::domain::Won::ZERO), theme::MUTED),
            CashPreview::Change(change) => (t!("pay-change"), crate::i18n::won(change), theme::GREEN),
            CashPreview::Short(short) => (t!("pay-short-label"), crate::i18n::won(short), theme::RED),
            CashPreview::TooHigh => (t!("pay-change"), t!("error-amount-too-high"), theme::RED),
        };
        // A short screen has the likely amounts in a column beside the pad (four, one a row);
        // a taller one in a row above it.
        let quick_count = match (layout.short(), layout.narrow()) {
            (true, _) => 4,
            (false, true) => 3,
            (false, false) => 4,
        };
        // The exact amount first, then the notes likely for what is left before a round-up
        // donation: choosing the donation changes the first key's amount, never where the
        // others are (a tap meant for 11,000 must not land on 15,000).
        let before_donation = Won::new((left - self.cart.donation()).get().max(0));
        let notes = likely_tenders(before_donation).into_iter().skip(1);
        let quick: Vec<Element<'a, Message>> = std::iter::once(left)
            .chain(notes)
            .take(quick_count)
            .enumerate()
            .map(|(i, amount)| {
                let label = if i == 0 { t!("pay-exact") } else { amount.to_string() };
                let size = if layout.short() { theme::SMALL + 1.0 } else { theme::BODY };
                widgets::key(label, size, Some(Message::Quick(amount))).height(layout.key_height()).into()
            })
            .collect();
        let (above, beside) = if layout.short() { (Vec::new(), quick) } else { (quick, Vec::new()) };
        let mut entry = column![
            row![
                container(amount_input(t!("pay-tendered-placeholder"), &pay.digits, entry_size(layout)))
                    .width(FillPortion(3)),
                column![widgets::muted(label), text(amount).size(theme::LARGE).font(theme::BOLD).color(colour),]
                    .align_x(iced::alignment::Horizontal::Right)
                    .width(FillPortion(2)),
            ]
            .spacing(10)
            .align_y(Center),
        ]
        .spacing(if layout.short() { 6 } else { 8 });
        if !above.is_empty() {
            entry = entry.push(row(above).spacing(8));
        }
        entry
            .push(self.view_options(pay, layout))
            .push(pad_and_buttons(
                back_label(pay),
                t!("pay-confirm"),
                theme::success,
                Some(Message::EntrySubmitted),
                // With the likely amounts beside the pad there is no room for a fourth key in
                // its last row, nor much need of it.
                if beside.is_empty() { Some("000") } else { None },
                beside,
                layout,
            ))
            .into()
    }

    pub(super) fn view_card_entry<'a>(&'a self, pay: &'a PayState, layout: Layout) -> Element<'a, Message> {
        let amount = register::tendered(&pay.digits, pay.tendering.left()).unwrap_or(pay.tendering.left());
        let fields = row![
            container(amount_input(t!("pay-card-placeholder"), &pay.digits, entry_size(layout))).width(FillPortion(3)),
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
                Vec::new(),
                layout,
            ))
            .into()
    }

    /// Round-up, cash receipt and buyer, as small keys.
    pub(super) fn view_options<'a>(&'a self, pay: &'a PayState, layout: Layout) -> Element<'a, Message> {
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
                    .height(layout.wrapping_key())
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
            .push(widgets::key(receipt, theme::SMALL, Some(Message::CashReceipt)).height(layout.wrapping_key()))
            .push(
                widgets::key(customer_label(pay.customer), theme::SMALL, Some(Message::Buyer(next)))
                    .height(layout.wrapping_key())
                    .style(if pay.customer == Customer::Public { theme::key } else { theme::primary }),
            )
            .into()
    }
}

/// Back leaves the payment, or once something is paid, takes the last payment back.
pub(super) fn back_label(pay: &PayState) -> String {
    if pay.tendering.tenders().is_empty() { t!("pay-back") } else { t!("pay-undo") }
}

/// Back and a confirming button, for panels without a number pad.
pub(super) fn confirm_row<'a>(confirm: String, layout: Layout) -> Element<'a, Message> {
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

pub(super) fn text_field<'a>(placeholder: String, value: &str) -> Element<'a, Message> {
    text_input(&placeholder, value)
        .id(TEXT_INPUT)
        .size(theme::LARGE)
        .padding(10)
        .on_input(Message::TextChanged)
        .on_submit(Message::TextSubmitted)
        .into()
}

pub(super) fn customer_label(customer: Customer) -> String {
    match customer {
        Customer::Public => t!("pay-buyer-public"),
        Customer::Staff => t!("pay-buyer-staff"),
        Customer::Volunteer => t!("pay-buyer-volunteer"),
    }
}

/// The amount field's text: large, a little less on a short screen.
fn entry_size(layout: Layout) -> f32 {
    if layout.short() { theme::LARGE } else { theme::LARGE * 1.2 }
}
