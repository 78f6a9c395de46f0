//! Today's sales at a glance, newest first, to find one by its number or amount and print its
//! receipt again (marked 재발행, never opening the drawer).

use iced::widget::{button, column, container, operation, row, scrollable, text, text_input};
use iced::{Center, Element, Fill, Task};

use super::Message;
use crate::domain::Won;
use crate::store::SaleSummary;
use crate::t;
use crate::ui::{theme, widgets};

pub const QUERY_INPUT: &str = "today-query";

pub struct Today {
    sales: Vec<SaleSummary>,
    pub query: String,
}

impl Today {
    pub fn new(sales: Vec<SaleSummary>) -> Today {
        Today { sales, query: String::new() }
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

    pub fn view(&self) -> Element<'_, Message> {
        let rows: Vec<Element<'_, Message>> = self
            .matching()
            .map(|s| {
                let tender = match (s.cash, s.card) {
                    (true, true) => t!("today-mixed"),
                    (true, false) => t!("today-cash"),
                    _ => t!("today-card"),
                };
                button(
                    row![
                        text(format!("{:04}", s.sale_no)).size(theme::BODY).font(theme::BOLD).width(64),
                        text(s.sold_at.format("%H:%M").to_string()).size(theme::BODY).width(64),
                        text(t!("won", amount = s.total.to_string())).size(theme::BODY).width(Fill),
                        widgets::muted(tender),
                    ]
                    .spacing(10)
                    .align_y(Center),
                )
                .padding([10, 12])
                .width(Fill)
                .style(theme::key)
                .on_press(Message::TodayReprint(s.date, s.sale_no))
                .into()
            })
            .collect();
        let list: Element<'_, Message> = if rows.is_empty() {
            widgets::muted(t!("today-none")).into()
        } else {
            scrollable(column(rows).spacing(6)).height(Fill).into()
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
            widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(48),
        ]
        .spacing(10)
        .into()
    }
}
