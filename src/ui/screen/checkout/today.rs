//! Today's documents at a glance, newest first, to find one by its number or amount: print its
//! receipt again (marked 재발행, never opening the drawer), return goods from it, or void it.

use crate::ui::pressable::button;
use iced::widget::{column, container, operation, row, scrollable, text, text_input};
use iced::{Center, Element, Fill, Task};

use super::Message;
use crate::domain::{SaleKind, Won};
use crate::store::SaleSummary;
use crate::t;
use crate::ui::{theme, widgets};

pub const QUERY_INPUT: &str = "today-query";

pub struct Today {
    sales: Vec<SaleSummary>,
    pub query: String,
    /// The sale tapped, whose buttons show.
    pub selected: Option<i64>,
}

impl Today {
    pub fn new(sales: Vec<SaleSummary>) -> Today {
        Today { sales, query: String::new(), selected: None }
    }

    pub fn focus() -> Task<Message> {
        operation::focus(QUERY_INPUT)
    }

    /// The sales whose number or total matches what was typed (`12`, `0012`, `6,500`).
    pub fn matching(&self) -> impl Iterator<Item = &SaleSummary> {
        let digits: String = self.query.chars().filter(char::is_ascii_digit).collect();
        self.sales.iter().filter(move |s| {
            digits.is_empty()
                || digits.trim_start_matches('0') == s.sale_no.to_string()
                || digits.parse::<i64>().ok().map(Won::new) == Some(s.total)
        })
    }

    pub fn view(&self, layout: crate::ui::layout::Layout) -> Element<'_, Message> {
        let rows: Vec<Element<'_, Message>> = self
            .matching()
            .map(|s| {
                let what = match (s.kind, s.cash, s.card) {
                    (SaleKind::Refund, ..) => t!("today-refund"),
                    (SaleKind::Void, ..) => t!("today-void"),
                    (_, true, true) => t!("today-mixed"),
                    (_, true, false) => t!("today-cash"),
                    _ => t!("today-card"),
                };
                let chosen = self.selected == Some(s.id);
                button(
                    row![
                        text(format!("{:04}", s.sale_no)).size(theme::BODY).font(theme::BOLD).width(56),
                        text(s.sold_at.format("%H:%M").to_string()).size(theme::BODY).width(56),
                        text(crate::i18n::won(s.total)).size(theme::BODY).width(Fill),
                        widgets::muted(what),
                    ]
                    .spacing(8)
                    .align_y(Center),
                )
                .padding([10, 10])
                .width(Fill)
                .style(if chosen { theme::primary } else { theme::key })
                .on_press(Message::TodayPick(s.id))
                .into()
            })
            .collect();
        let list: Element<'_, Message> = if rows.is_empty() {
            widgets::muted(t!("today-none")).into()
        } else {
            scrollable(column(rows).spacing(6)).height(Fill).into()
        };
        // What can be done with the sale picked: a reprint always; a return while goods are
        // left to return; a void if nothing was returned yet.
        let picked = self.selected.and_then(|id| self.sales.iter().find(|s| s.id == id));
        let open = picked.filter(|s| s.kind == SaleKind::Sale && s.reversed < s.total);
        let untouched = open.filter(|s| s.reversed == Won::ZERO);
        let key = |label: String, message: Option<Message>| {
            widgets::key(label, theme::SMALL + 1.0, message).height(layout.wrapping_key())
        };
        column![
            text(t!("today-title")).size(theme::LARGE).font(theme::BOLD),
            widgets::muted(t!("today-hint")),
            text_input(&t!("today-placeholder"), &self.query)
                .id(QUERY_INPUT)
                .size(theme::BODY)
                .padding(10)
                .on_input(Message::TodayQuery),
            container(list).height(Fill),
            row![
                key(t!("today-reprint"), picked.map(|s| Message::TodayReprint(s.date, s.sale_no))),
                key(t!("today-return"), open.map(|s| Message::ReturnFrom(s.id))),
                key(t!("today-void-button"), untouched.map(|s| Message::Void(s.id))),
            ]
            .spacing(8),
            widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(layout.key_height()),
        ]
        .spacing(10)
        .into()
    }
}
