//! Words for time that reports, receipts, the screens and head office's page share.

use crate::{t, t_ko};

/// Minutes as hours and minutes in words ("9시간 5분"), for volunteers' time.
pub fn hours_and_minutes(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => t!("duration-minutes", minutes = m),
        (h, 0) => t!("duration-hours", hours = h),
        (h, m) => t!("duration-hours-minutes", hours = h, minutes = m),
    }
}

/// The day's short Korean name ("수"): printed papers are Korean whatever the screen shows.
pub fn korean_weekday(day: chrono::Weekday) -> String {
    use chrono::Weekday::*;
    match day {
        Mon => t_ko!("weekday-mon"),
        Tue => t_ko!("weekday-tue"),
        Wed => t_ko!("weekday-wed"),
        Thu => t_ko!("weekday-thu"),
        Fri => t_ko!("weekday-fri"),
        Sat => t_ko!("weekday-sat"),
        Sun => t_ko!("weekday-sun"),
    }
}

/// An intake week as a person says it ("12월 첫째 주", "1st week of December"), not "2026-W49".
/// A week belongs to the month its Thursday is in, as a Korean calendar counts weeks.
pub fn week_in_words(week: crate::domain::IsoWeek) -> String {
    use chrono::Datelike;
    let thursday = week.monday() + chrono::Days::new(3);
    let month_name = chrono::Month::try_from(thursday.month() as u8).map_or("", |m| m.name());
    t!("week-in-words", month = thursday.month(), month_name = month_name, nth = (thursday.day() - 1) / 7 + 1)
}

/// An amount of money as the screen's language writes it: "−₩18,300", "-18,300원".
pub fn won(amount: crate::domain::Won) -> String {
    money(amount, false)
}

/// An amount with its sign even when positive ("+₩1,000"), for differences.
pub fn won_signed(amount: crate::domain::Won) -> String {
    money(amount, true)
}

fn money(amount: crate::domain::Won, plus: bool) -> String {
    use crate::domain::Won;
    let sign = if amount < Won::ZERO {
        "minus"
    } else if plus && amount > Won::ZERO {
        "plus"
    } else {
        "none"
    };
    let size = if amount < Won::ZERO { Won::ZERO - amount } else { amount };
    t!("won", sign = sign, amount = size.to_string())
}
