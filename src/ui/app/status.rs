//! The status bar: the store, who is on duty, the scanner and printer, the time, and the
//! buttons for device settings, menu, language and signing out.
//!
//! The buttons always fit: the words around them give way first, least needed first, as the
//! window narrows or more is to be said (a receipt printing, the scanner unplugged, records
//! waiting for head office). Widths are estimated from the characters, which is enough to decide.

use crate::ui::pressable::button;
use chrono::Datelike;
use iced::widget::{container, row, text};
use iced::{Center, Element, Fill};

use super::{App, Message, ScannerState, Screen};
use crate::hardware::queue::JobState;
use crate::i18n::columns::display_width;
use crate::i18n::{self, Lang};
use crate::t;
use crate::ui::screen::login;
use crate::ui::{theme, widgets};

/// Roughly how wide `text` is at `size`: a Hangul syllable about a square, a Latin letter or a
/// digit about half of one (a little more, to be safe).
fn width_of(text: &str, size: f32) -> f32 {
    display_width(text) as f32 * size * 0.52
}

const BUTTON_PADDING: f32 = 24.0;
const SPACING: f32 = 10.0;

/// What the printer is doing, as the bar says it.
enum Printing {
    Failed(usize),
    Waiting(usize),
    PaperLow,
    Fine,
}

/// The words the bar would like to show, and how each gives way.
struct Words {
    on_duty_full: Option<String>,
    on_duty_name: Option<String>,
    demo: bool,
    scanner: Option<bool>,
    printing: Printing,
    sync_wide: Option<String>,
    sync_narrow: Option<String>,
    time_long: String,
    time_short: String,
}

/// What is shown, after giving way.
struct Shown {
    on_duty: Option<String>,
    demo: bool,
    scanner: bool,
    sync: Option<String>,
    time: Option<String>,
}

impl Words {
    /// Everything at its fullest, then cut least needed first until `room` holds it.
    fn fit(&self, room: f32, fixed: f32) -> Shown {
        let mut shown = Shown {
            on_duty: self.on_duty_full.clone(),
            demo: self.demo,
            scanner: self.scanner.is_some(),
            sync: self.sync_wide.clone(),
            time: Some(self.time_long.clone()),
        };
        let cuts: [fn(&mut Shown, &Words); 8] = [
            |s, w| s.time = Some(w.time_short.clone()),
            |s, w| s.sync = w.sync_narrow.clone(),
            |s, w| s.on_duty = w.on_duty_name.clone(),
            |s, _| s.demo = false,
            |s, _| s.time = None,
            |s, _| s.sync = None,
            |s, _| s.scanner = false,
            |s, _| s.on_duty = None,
        ];
        for cut in cuts {
            if fixed + self.width(&shown) <= room {
                break;
            }
            cut(&mut shown, self);
        }
        shown
    }

    fn width(&self, s: &Shown) -> f32 {
        let item = |w: f32| w + SPACING;
        let mut total = 0.0;
        if let Some(name) = &s.on_duty {
            total += item(width_of(name, theme::BODY));
        }
        if s.demo {
            total += item(width_of(&t!("status-demo"), theme::SMALL));
        }
        if s.scanner {
            let label = if self.scanner == Some(true) { t!("status-scanner-ok") } else { t!("status-scanner-down") };
            total += item(width_of(&label, theme::SMALL));
        }
        if let Some(sync) = &s.sync {
            total += item(width_of(sync, theme::SMALL));
        }
        if let Some(time) = &s.time {
            total += item(width_of(time, theme::BODY));
        }
        total
    }
}

impl App {
    pub(super) fn status_bar(&self) -> Element<'_, Message> {
        let info = self.store.info();
        let narrow = self.layout.status_compact();
        let jobs = self.queue.jobs();
        let failed = jobs.iter().filter(|j| matches!(j.state, JobState::Failed(_))).count();
        let waiting = jobs.iter().filter(|j| matches!(j.state, JobState::Waiting | JobState::Printing)).count();
        let printing = if failed > 0 {
            Printing::Failed(failed)
        } else if waiting > 0 {
            Printing::Waiting(waiting)
        } else if self.queue.last_status().is_some_and(|s| s.paper_low) {
            Printing::PaperLow
        } else {
            Printing::Fine
        };
        let weekday = match i18n::language() {
            Lang::Ko => crate::i18n::words::korean_weekday(self.now.weekday()),
            Lang::En => self.now.format("%a").to_string(),
        };
        let words = Words {
            on_duty_full: self.on_duty.as_ref().map(|m| {
                if narrow {
                    m.name.clone()
                } else {
                    t!("status-on-duty", name = m.name.clone(), role = login::role_name(m.role))
                }
            }),
            on_duty_name: self.on_duty.as_ref().map(|m| m.name.clone()),
            demo: info.is_demo,
            scanner: match self.scanner {
                ScannerState::None => None,
                ScannerState::Connected => Some(true),
                ScannerState::Down => Some(false),
            },
            printing,
            sync_wide: self.sync_label(narrow),
            sync_narrow: self.sync_label(true),
            // On a narrow screen the date gives way first; the receipt has it.
            time_long: if self.layout.width < 1000.0 {
                self.now.format("%H:%M").to_string()
            } else if narrow {
                format!("{} ({weekday}) {}", self.now.format("%m-%d"), self.now.format("%H:%M"))
            } else {
                format!("{} ({weekday}) {}", self.now.format("%Y-%m-%d"), self.now.format("%H:%M"))
            },
            time_short: self.now.format("%H:%M").to_string(),
        };

        // What never gives way: the store's name, the printer's state and the buttons.
        let mut buttons: Vec<(String, Message)> = Vec::new();
        if self.manager_on_duty() && matches!(self.screen, Screen::Checkout(_)) {
            buttons.push((t!("status-devices"), Message::OpenDevices));
        }
        if self.on_duty.is_some() && !matches!(self.screen, Screen::Menu) {
            buttons.push((if narrow { t!("status-menu-short") } else { t!("status-menu") }, Message::OpenMenu));
        }
        buttons.push((t!("status-language"), Message::ToggleLanguage));
        if self.on_duty.is_some() {
            buttons.push((t!("status-sign-out"), Message::SignOut));
        }
        let printing_label = match words.printing {
            Printing::Failed(n) => Some(t!("status-print-failed", count = n)),
            Printing::Waiting(n) => Some(t!("status-printing", count = n)),
            Printing::PaperLow => Some(t!("status-paper-low")),
            Printing::Fine => None,
        };
        let mut fixed = width_of(&info.name, theme::BODY) * 1.05 + 24.0 + 16.0;
        fixed += buttons.iter().map(|(label, _)| width_of(label, theme::SMALL) + BUTTON_PADDING + SPACING).sum::<f32>();
        if let Some(label) = &printing_label {
            fixed += width_of(label, theme::SMALL) + BUTTON_PADDING + SPACING;
        }
        let shown = words.fit(self.layout.width, fixed);

        let mut left = row![text(&info.name).size(theme::BODY).font(theme::BOLD)].spacing(16).align_y(Center);
        if shown.demo {
            left = left.push(text(t!("status-demo")).size(theme::SMALL).color(theme::warning_on_dark()));
        }
        if let Some(on_duty) = shown.on_duty {
            left = left.push(text(on_duty).size(theme::BODY));
        }
        if shown.scanner {
            left = left.push(match words.scanner {
                Some(true) => text(t!("status-scanner-ok")).size(theme::SMALL).color(theme::ok_on_dark()),
                _ => text(t!("status-scanner-down")).size(theme::SMALL).color(theme::warning_on_dark()),
            });
        }
        let small = |label: String, message: Message| {
            button(text(label).size(theme::SMALL).align_y(Center).height(Fill))
                .height(44)
                .padding([0, 12])
                .style(theme::on_dark)
                .on_press(message)
        };
        let mut right = row![].spacing(10).align_y(Center);
        match (&words.printing, printing_label) {
            (Printing::Failed(_), Some(label)) => {
                right = right.push(
                    button(text(label).size(theme::SMALL).align_y(Center).height(Fill))
                        .height(44)
                        .padding([0, 12])
                        .style(theme::danger)
                        .on_press(Message::ToggleJobs),
                );
            }
            (Printing::PaperLow, Some(label)) => {
                right = right.push(text(label).size(theme::SMALL).color(theme::warning_on_dark()));
            }
            (_, Some(label)) => right = right.push(text(label).size(theme::SMALL)),
            (_, None) => {}
        }
        if let Some(sync) = shown.sync {
            let colour = if self.sync.overdue(self.now) { theme::warning_on_dark() } else { theme::ok_on_dark() };
            right = right.push(text(sync).size(theme::SMALL).color(colour));
        }
        if let Some(time) = shown.time {
            right = right.push(text(time).size(theme::BODY));
        }
        for (label, message) in buttons {
            right = right.push(small(label, message));
        }
        container(row![left, widgets::spacer(), right].align_y(Center))
            .padding([4, 12])
            .width(Fill)
            .style(theme::status_bar)
            .into()
    }
}
