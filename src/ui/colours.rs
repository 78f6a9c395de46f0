//! The colour calendar at a glance: each colour on the floor with what it sells at today (full
//! price, a markdown, or "pull today"), this week's colour first. Shown on the checkout and at
//! the pricing bench.

use chrono::NaiveDate;
use iced::widget::{column, container, row, text};
use iced::{Color, Element, Fill};

use super::{theme, widgets};
use crate::domain::{IsoWeek, Rotation, Won};
use crate::t;

/// A colour as the calendar has it: its words are chosen when it is drawn, so a change of
/// language shows at once.
#[derive(Debug, Clone)]
pub struct Chip {
    name_ko: String,
    name_en: String,
    pub colour: Color,
    status: Status,
}

#[derive(Debug, Clone, PartialEq)]
enum Status {
    Full,
    Off(String),
    Pull,
}

impl Chip {
    pub fn name(&self) -> String {
        crate::i18n::local(&self.name_ko, &self.name_en).to_string()
    }

    pub fn status(&self) -> String {
        match &self.status {
            Status::Full => t!("pricing-colour-full"),
            Status::Off(percent) => t!("pricing-colour-off", percent = percent.clone()),
            Status::Pull => t!("pricing-colour-pull"),
        }
    }
}

/// One chip per colour, newest intake week first (this week's colour leads).
pub fn chips(rotation: &Rotation, today: NaiveDate) -> Vec<Chip> {
    let this_week = IsoWeek::of(today);
    (0..rotation.colours.len() as i64)
        .filter_map(|back| {
            let week = this_week.plus_weeks(-back);
            let colour = rotation.colour_for(week)?;
            let markdown = rotation.markdown(Won::new(10_000), week, today, Won::new(100));
            let status = if markdown.pull {
                Status::Pull
            } else if markdown.is_reduced() {
                Status::Off(markdown.percent_off.normalize().to_string())
            } else {
                Status::Full
            };
            Some(Chip {
                name_ko: colour.name_ko.clone(),
                name_en: colour.name_en.clone(),
                colour: parse_rgb(&colour.rgb),
                status,
            })
        })
        .collect()
}

pub fn view<'a, M: 'a>(chips: &[Chip], size: f32) -> Element<'a, M> {
    row(chips.iter().map(|chip| {
        let colour = chip.colour;
        container(column![text(chip.name()).size(size).font(theme::BOLD), widgets::muted(chip.status())].spacing(2))
            .padding([4, 8])
            .style(move |_| iced::widget::container::Style {
                border: iced::Border { color: colour, width: 4.0, radius: 6.0.into() },
                background: Some(theme::PANEL.into()),
                ..Default::default()
            })
            .width(Fill)
            .into()
    }))
    .spacing(6)
    .into()
}

fn parse_rgb(hex: &str) -> Color {
    let value = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0x88_88_88);
    Color::from_rgb8((value >> 16) as u8, (value >> 8 & 0xff) as u8, (value & 0xff) as u8)
}
