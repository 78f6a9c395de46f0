//! Volunteer shifts and the hours they earn. The national portals (1365, VMS) credit at most
//! eight hours a day, so a day's credit is the time signed in, capped at 8 h, counted on the day
//! the shift started (a shift across midnight belongs to its first day). A shift nobody closed is
//! closed at the store's closing time and flagged for a manager.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// The most a volunteer is credited for one day, in minutes.
pub const DAILY_CAP_MINUTES: i64 = 8 * 60;

/// Cumulative hours at which a volunteer is greeted at sign-in (1,004: 천사, "angel").
pub const MILESTONES: [i64; 5] = [10, 50, 100, 500, 1004];

/// What a volunteer does on a shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Duty {
    /// At the till.
    Counter,
    Sorting,
    Pricing,
    /// Taking donations in.
    Intake,
}

impl Duty {
    pub const ALL: [Duty; 4] = [Duty::Counter, Duty::Sorting, Duty::Pricing, Duty::Intake];

    pub fn as_str(self) -> &'static str {
        match self {
            Duty::Counter => "counter",
            Duty::Sorting => "sorting",
            Duty::Pricing => "pricing",
            Duty::Intake => "intake",
        }
    }

    pub fn parse(s: &str) -> Option<Duty> {
        Duty::ALL.into_iter().find(|d| d.as_str() == s)
    }

    /// A roster's list of duties as stored ("counter,pricing"); `None` names the first unknown.
    pub fn parse_list(s: &str) -> Result<Vec<Duty>, String> {
        s.split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| Duty::parse(p).ok_or_else(|| p.to_string()))
            .collect()
    }

    pub fn list(duties: &[Duty]) -> String {
        duties.iter().map(|d| d.as_str()).collect::<Vec<_>>().join(",")
    }
}

/// When a shift nobody closed ends: the first closing time after it started.
pub fn forgotten_end(start: NaiveDateTime, closing: NaiveTime) -> NaiveDateTime {
    let same_day = start.date().and_time(closing);
    if same_day > start { same_day } else { (start.date() + Days::new(1)).and_time(closing) }
}

/// One shift's times as they count: start, end, and the day it is credited to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Worked {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

impl Worked {
    pub fn day(&self) -> NaiveDate {
        self.start.date()
    }

    /// Minutes between start and end (never negative).
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes().max(0)
    }
}

/// A volunteer's day as the portal takes it: first start, last end, and the credited minutes
/// (the day's shifts added up, capped at eight hours).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditedDay {
    pub day: NaiveDate,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub worked_minutes: i64,
    pub credited_minutes: i64,
}

/// The days `shifts` (one volunteer's) are credited to, in date order.
pub fn credited_days(shifts: &[Worked]) -> Vec<CreditedDay> {
    let mut days: Vec<CreditedDay> = Vec::new();
    let mut sorted = shifts.to_vec();
    sorted.sort_by_key(|w| w.start);
    for w in sorted {
        match days.last_mut() {
            Some(d) if d.day == w.day() => {
                d.end = d.end.max(w.end);
                d.worked_minutes += w.minutes();
            }
            _ => days.push(CreditedDay {
                day: w.day(),
                start: w.start,
                end: w.end,
                worked_minutes: w.minutes(),
                credited_minutes: 0,
            }),
        }
    }
    for d in &mut days {
        d.credited_minutes = d.worked_minutes.min(DAILY_CAP_MINUTES);
    }
    days
}

/// The milestone (in hours) passed when a volunteer's credited total went from `before` to
/// `after` minutes, the highest if several.
pub fn milestone_passed(before: i64, after: i64) -> Option<i64> {
    MILESTONES.into_iter().rev().find(|&h| before < h * 60 && after >= h * 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap().and_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn a_ten_hour_shift_credits_eight() {
        let days = credited_days(&[Worked { start: at(2, 8, 0), end: at(2, 18, 0) }]);
        assert_eq!((days[0].worked_minutes, days[0].credited_minutes), (600, 480));
    }

    #[test]
    fn two_shifts_in_a_day_share_the_cap() {
        let days = credited_days(&[
            Worked { start: at(3, 14, 0), end: at(3, 19, 0) },
            Worked { start: at(3, 9, 0), end: at(3, 13, 0) },
        ]);
        assert_eq!(days.len(), 1);
        assert_eq!((days[0].start, days[0].end, days[0].credited_minutes), (at(3, 9, 0), at(3, 19, 0), 480));
    }

    #[test]
    fn a_shift_across_midnight_counts_on_the_day_it_started() {
        let days = credited_days(&[Worked { start: at(4, 21, 0), end: at(5, 1, 30) }]);
        assert_eq!((days[0].day, days[0].credited_minutes), (at(4, 0, 0).date(), 270));
    }

    #[test]
    fn a_forgotten_shift_ends_at_the_next_closing_time() {
        let closing = NaiveTime::from_hms_opt(20, 0, 0).unwrap();
        assert_eq!(forgotten_end(at(6, 10, 0), closing), at(6, 20, 0));
        assert_eq!(forgotten_end(at(6, 20, 30), closing), at(7, 20, 0));
    }

    #[test]
    fn milestones_are_greeted_once() {
        assert_eq!(milestone_passed(9 * 60, 10 * 60), Some(10));
        assert_eq!(milestone_passed(10 * 60, 12 * 60), None);
        assert_eq!(milestone_passed(40 * 60, 120 * 60), Some(100));
        assert_eq!(milestone_passed(1000 * 60, 1004 * 60), Some(1004));
    }

    #[test]
    fn duties_round_trip_and_unknown_ones_are_named() {
        assert_eq!(Duty::parse_list("counter, pricing").unwrap(), vec![Duty::Counter, Duty::Pricing]);
        assert_eq!(Duty::list(&Duty::ALL), "counter,sorting,pricing,intake");
        assert_eq!(Duty::parse_list("counter,cooking"), Err("cooking".to_string()));
    }
}
