//! The status bar: the store, who is on duty, the scanner and printer, the time, and the
//! buttons for device settings, language and signing out.

use chrono::Datelike;
use iced::widget::{button, container, row, text};
use iced::{Center, Element, Fill};

use super::{App, Message, ScannerState, Screen};
use crate::hardware::queue::JobState;
use crate::i18n::{self, Lang};
use crate::t;
use crate::ui::screen::login;
use crate::ui::{theme, widgets};

impl App {
    pub(super) fn status_bar(&self) -> Element<'_, Message> {
        let info = self.store.info();
        let narrow = self.layout.status_compact();
        let mut left = row![text(&info.name).size(theme::BODY).font(theme::BOLD)].spacing(16).align_y(Center);
        if info.is_demo {
            left = left.push(text(t!("status-demo")).size(theme::SMALL).color(theme::warning_on_dark()));
        }
        if let Some(member) = &self.on_duty {
            let on_duty = if narrow {
                member.name.clone()
            } else {
                t!("status-on-duty", name = member.name.clone(), role = login::role_name(member.role))
            };
            left = left.push(text(on_duty).size(theme::BODY));
        }
        match &self.scanner {
            ScannerState::None => {}
            ScannerState::Connected => {
                left = left.push(text(t!("status-scanner-ok")).size(theme::SMALL).color(theme::ok_on_dark()));
            }
            ScannerState::Down => {
                left = left.push(text(t!("status-scanner-down")).size(theme::SMALL).color(theme::warning_on_dark()));
            }
        }
        let jobs = self.queue.jobs();
        let failed = jobs.iter().filter(|j| matches!(j.state, JobState::Failed(_))).count();
        let waiting = jobs.iter().filter(|j| matches!(j.state, JobState::Waiting | JobState::Printing)).count();
        let weekday = match i18n::language() {
            Lang::Ko => crate::i18n::words::korean_weekday(self.now.weekday()),
            Lang::En => self.now.format("%a").to_string(),
        };
        // On a narrow screen the clock gives way to the buttons; the receipt has the date.
        let time = if self.layout.width < 1000.0 {
            self.now.format("%H:%M").to_string()
        } else if narrow {
            format!("{} ({weekday}) {}", self.now.format("%m-%d"), self.now.format("%H:%M"))
        } else {
            format!("{} ({weekday}) {}", self.now.format("%Y-%m-%d"), self.now.format("%H:%M"))
        };
        let small = |label: String, message: Message| {
            button(text(label).size(theme::SMALL).align_y(Center).height(Fill))
                .height(44)
                .padding([0, 12])
                .style(theme::on_dark)
                .on_press(message)
        };
        let mut right = row![].spacing(10).align_y(Center);
        if failed > 0 {
            right = right.push(
                button(text(t!("status-print-failed", count = failed)).size(theme::SMALL).align_y(Center).height(Fill))
                    .height(44)
                    .padding([0, 12])
                    .style(theme::danger)
                    .on_press(Message::ToggleJobs),
            );
        } else if waiting > 0 {
            right = right.push(text(t!("status-printing", count = waiting)).size(theme::SMALL));
        } else if self.queue.last_status().is_some_and(|s| s.paper_low) {
            right = right.push(text(t!("status-paper-low")).size(theme::SMALL).color(theme::warning_on_dark()));
        }
        if let Some(badge) = self.sync_badge(narrow) {
            right = right.push(badge);
        }
        right = right.push(text(time).size(theme::BODY));
        if self.manager_on_duty() && matches!(self.screen, Screen::Checkout(_)) {
            right = right.push(small(t!("status-devices"), Message::OpenDevices));
        }
        if self.on_duty.is_some() && !matches!(self.screen, Screen::Menu) {
            let label = if narrow { t!("status-menu-short") } else { t!("status-menu") };
            right = right.push(small(label, Message::OpenMenu));
        }
        right = right.push(small(t!("status-language"), Message::ToggleLanguage));
        if self.on_duty.is_some() {
            right = right.push(small(t!("status-sign-out"), Message::SignOut));
        }
        container(row![left, widgets::spacer(), right].align_y(Center))
            .padding([4, 12])
            .width(Fill)
            .style(theme::status_bar)
            .into()
    }
}
