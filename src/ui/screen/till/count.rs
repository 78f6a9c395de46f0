//! The drawer counted note by note and coin by coin (50,000원 down to 10원): the opening float
//! and the closing count are typed the same way, into the same rows.

use iced::widget::{column, row, scrollable, text, text_input};
use iced::{Center, Element, Fill};

use super::Message;
use crate::domain::Won;
use crate::domain::till::{Count, DENOMINATIONS};
use crate::t;
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};

/// The field of the `i`th denomination.
pub fn input_id(i: usize) -> iced::widget::Id {
    iced::widget::Id::from(format!("till-count-{i}"))
}

/// What is typed for each denomination, as typed.
#[derive(Debug, Clone, Default)]
pub struct DrawerCount([String; 8]);

impl From<Count> for DrawerCount {
    fn from(count: Count) -> DrawerCount {
        DrawerCount(count.0.map(|n| if n == 0 { String::new() } else { n.to_string() }))
    }
}

impl DrawerCount {
    /// The count so far; a row left empty is none.
    pub fn count(&self) -> Count {
        Count(self.0.each_ref().map(|c| c.trim().parse::<u32>().unwrap_or(0)))
    }

    /// Digits typed into row `i` (up to five; anything else is dropped).
    pub fn type_in(&mut self, i: usize, typed: &str) {
        if let Some(slot) = self.0.get_mut(i) {
            *slot = typed.chars().filter(char::is_ascii_digit).take(5).collect();
        }
    }

    pub fn view<'a>(&'a self, title: String, editable: bool, layout: Layout) -> Element<'a, Message> {
        let rows = DENOMINATIONS.iter().zip(self.0.iter()).enumerate().map(|(i, (d, c))| {
            let n: i64 = c.parse().unwrap_or(0);
            let mut input = text_input("0", c)
                .id(input_id(i))
                .size(theme::BODY)
                .padding(6)
                .width(90)
                .align_x(iced::alignment::Horizontal::Right);
            if editable {
                input = input.on_input(move |t| Message::CountChanged(i, t)).on_submit(Message::CountSubmitted(i));
            }
            row![
                text(crate::i18n::won(Won::new(*d))).size(theme::BODY).width(120),
                text("×").size(theme::BODY),
                input,
                widgets::spacer(),
                text(crate::i18n::won(Won::new(d * n))).size(theme::BODY),
            ]
            .spacing(10)
            .align_y(Center)
            .into()
        });
        let total = self.count().total();
        column![
            text(title).size(theme::LARGE).font(theme::BOLD),
            widgets::muted(t!("till-count-hint")),
            scrollable(column(rows).spacing(if layout.short() { 2 } else { 6 })).height(Fill),
            row![
                text(t!("till-counted")).size(theme::LARGE).font(theme::BOLD),
                widgets::spacer(),
                text(crate::i18n::won(total)).size(theme::LARGE).font(theme::BOLD)
            ],
        ]
        .spacing(8)
        .into()
    }
}
