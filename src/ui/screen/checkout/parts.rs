//! Pieces the checkout's panels share: the ids of its fields, the number pad with its buttons,
//! an amount field and an amount row, and the words for a line and a tender.

use crate::ui::pressable::button;
use iced::widget::{column, container, row, text, text_input};
use iced::{Center, Element, Fill, FillPortion};

use super::Message;
use crate::domain::{Line, TenderKind, Won, register};
use crate::t;
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};

pub const SCAN_INPUT: &str = "scan";
pub const ENTRY_INPUT: &str = "entry";
pub const TEXT_INPUT: &str = "text";

pub fn name(line: &Line) -> &str {
    crate::i18n::local(&line.name_ko, &line.name_en)
}

/// The number pad with a back key and the confirming button under it, for every panel that
/// takes a number (a price, the cash received).
pub fn pad_and_buttons<'a>(
    back: String,
    confirm: String,
    style: theme::ButtonStyle,
    on_confirm: Option<Message>,
    extra_key: Option<&'static str>,
    beside: Vec<Element<'a, Message>>,
    layout: Layout,
) -> Element<'a, Message> {
    let height = layout.pad_key();
    let pad =
        widgets::number_pad(Message::EntryDigits, Message::EntryClear, Message::EntryBackspace, extra_key, height);
    // Keys beside the pad (a short screen's likely cash amounts) take a column of their own
    // rather than a row above it.
    let pad: Element<'a, Message> = if beside.is_empty() {
        pad
    } else {
        row![container(pad).width(FillPortion(5)), column(beside).spacing(8).width(FillPortion(2))].spacing(8).into()
    };
    column![
        pad,
        row![
            widgets::key(back, theme::BODY, Some(Message::Back)).height(height),
            button(
                text(widgets::keep_words(&confirm))
                    .size(layout.big_label(&confirm))
                    .align_x(Center)
                    .align_y(Center)
                    .width(Fill)
                    .height(Fill),
            )
            .height(height)
            .width(Fill)
            .style(style)
            .on_press_maybe(on_confirm),
        ]
        .spacing(8),
    ]
    .spacing(8)
    .into()
}

pub fn amount_row<'a>(label: String, amount: Won) -> Element<'a, Message> {
    row![widgets::label(label), widgets::spacer(), widgets::label(crate::i18n::won(amount))].into()
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

pub fn tender_label(kind: TenderKind) -> String {
    match kind {
        TenderKind::Cash => t!("pay-tender-cash"),
        TenderKind::Card => t!("pay-tender-card"),
        TenderKind::StoreCredit => t!("pay-tender-credit"),
    }
}
