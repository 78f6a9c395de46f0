//! The weekly colour rotation. Each intake week's tags get one of (usually five) colours in turn,
//! and how many weeks a tag has been on the floor decides its markdown at the till: by default
//! full price for weeks 0–3, half price in week 4, and from week 5 half price plus "pull" (take it
//! off the floor to transfer, recycle or sell by weight). Head office sets the calendar and the
//! schedule; both are data, this is only the arithmetic.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{IsoWeek, Won};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagColour {
    pub key: String,
    pub name_ko: String,
    pub name_en: String,
    /// `#rrggbb`, for the screen and the tag printer's preview.
    pub rgb: String,
}

/// From `from_week` weeks on the floor onwards, take `percent_off` off; `pull` lists the item for
/// removal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkdownStep {
    pub from_week: u32,
    pub percent_off: Decimal,
    pub pull: bool,
}

/// What the rotation says about one tag on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Markdown {
    pub weeks_on_floor: u32,
    pub percent_off: Decimal,
    pub pull: bool,
    pub price: Won,
}

impl Markdown {
    pub fn is_reduced(&self) -> bool {
        !self.percent_off.is_zero()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rotation {
    pub colours: Vec<TagColour>,
    /// The intake week that wears `colours[0]`.
    pub anchor: IsoWeek,
    /// Sorted by `from_week`; weeks before the first step sell at full price.
    pub steps: Vec<MarkdownStep>,
}

impl Rotation {
    pub fn colour_for(&self, intake: IsoWeek) -> Option<&TagColour> {
        if self.colours.is_empty() {
            return None;
        }
        let n = self.colours.len() as i64;
        let index = self.anchor.weeks_until(intake).rem_euclid(n);
        self.colours.get(index as usize)
    }

    /// Whole weeks from the intake week to the week of `today`. A tag from a future week (a
    /// till clock set wrong) counts as new rather than being refused at the counter.
    pub fn weeks_on_floor(intake: IsoWeek, today: NaiveDate) -> u32 {
        intake.weeks_until(IsoWeek::of(today)).max(0) as u32
    }

    fn step_for(&self, weeks: u32) -> Option<&MarkdownStep> {
        self.steps.iter().rfind(|s| s.from_week <= weeks)
    }

    /// The price the register charges for a tag of `price` taken in during `intake`.
    pub fn markdown(&self, price: Won, intake: IsoWeek, today: NaiveDate, price_step: Won) -> Markdown {
        let weeks_on_floor = Self::weeks_on_floor(intake, today);
        let (percent_off, pull) = match self.step_for(weeks_on_floor) {
            Some(step) => (step.percent_off, step.pull),
            None => (Decimal::ZERO, false),
        };
        let price = if percent_off.is_zero() { price } else { price.percent_off(percent_off, price_step) };
        Markdown { weeks_on_floor, percent_off, pull, price }
    }

    /// The intake weeks (and their colours) whose tags should come off the floor on `today`,
    /// newest first, going back as far as one full turn of the colours.
    pub fn pull_list(&self, today: NaiveDate) -> Vec<(IsoWeek, Option<&TagColour>)> {
        let Some(first_pull) = self.steps.iter().find(|s| s.pull).map(|s| s.from_week) else {
            return Vec::new();
        };
        let this_week = IsoWeek::of(today);
        (0..self.colours.len().max(1) as i64)
            .map(|extra| this_week.plus_weeks(-(i64::from(first_pull) + extra)))
            .map(|week| (week, self.colour_for(week)))
            .collect()
    }
}

impl Default for Rotation {
    /// Five colours from 2026-W01 and the default schedule of design.md §3.
    fn default() -> Rotation {
        let colour = |key: &str, ko: &str, en: &str, rgb: &str| TagColour {
            key: key.into(),
            name_ko: ko.into(),
            name_en: en.into(),
            rgb: rgb.into(),
        };
        Rotation {
            colours: vec![
                colour("blue", "파랑", "Blue", "#2f6fd6"),
                colour("green", "초록", "Green", "#2e9e4f"),
                colour("yellow", "노랑", "Yellow", "#e8c21c"),
                colour("pink", "분홍", "Pink", "#e36fa8"),
                colour("orange", "주황", "Orange", "#ee7d22"),
            ],
            anchor: IsoWeek::new(2026, 1).expect("2026-W01 exists"),
            steps: vec![
                MarkdownStep { from_week: 4, percent_off: Decimal::from(50), pull: false },
                MarkdownStep { from_week: 5, percent_off: Decimal::from(50), pull: true },
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn week(y: i32, w: u32) -> IsoWeek {
        IsoWeek::new(y, w).unwrap()
    }

    #[test]
    fn colours_turn_weekly_and_wrap() {
        let rotation = Rotation::default();
        let colour = |w: IsoWeek| rotation.colour_for(w).unwrap().key.clone();
        assert_eq!(colour(week(2026, 1)), "blue");
        assert_eq!(colour(week(2026, 2)), "green");
        assert_eq!(colour(week(2026, 6)), "blue");
        assert_eq!(colour(week(2025, 52)), "orange");
        assert_eq!(colour(week(2026, 48)), "yellow"); // 47 weeks after W01: 47 mod 5 = 2
    }

    #[test]
    fn default_schedule_by_weeks_on_floor() {
        let rotation = Rotation::default();
        let today = day(2026, 11, 25); // Wednesday of 2026-W48
        let check = |intake: IsoWeek, weeks: u32, price: i64, pull: bool| {
            let m = rotation.markdown(Won::new(3500), intake, today, Won::new(100));
            assert_eq!((m.weeks_on_floor, m.price.get(), m.pull), (weeks, price, pull), "{intake}");
        };
        check(week(2026, 48), 0, 3500, false);
        check(week(2026, 45), 3, 3500, false);
        check(week(2026, 44), 4, 1700, false);
        check(week(2026, 43), 5, 1700, true);
        check(week(2026, 26), 22, 1700, true);
        check(week(2026, 50), 0, 3500, false); // from the future: full price
    }

    #[test]
    fn the_schedule_is_data() {
        let rotation = Rotation {
            steps: vec![
                MarkdownStep { from_week: 2, percent_off: dec!(30), pull: false },
                MarkdownStep { from_week: 3, percent_off: dec!(70), pull: true },
            ],
            ..Rotation::default()
        };
        let m = rotation.markdown(Won::new(9900), week(2026, 46), day(2026, 11, 25), Won::new(100));
        assert_eq!((m.price.get(), m.percent_off, m.pull), (6900, dec!(30), false));
    }

    #[test]
    fn pull_list_names_the_colour_five_weeks_back() {
        let rotation = Rotation::default();
        let list = rotation.pull_list(day(2026, 11, 25));
        assert_eq!(list.len(), 5);
        assert_eq!(list[0].0, week(2026, 43));
        assert_eq!(list[0].1.unwrap().key, rotation.colour_for(week(2026, 43)).unwrap().key);
    }
}
