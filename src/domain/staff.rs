//! The people who work the till and the rules for their PINs. Five wrong PINs in a row lock a
//! person out; each further lockout before a right PIN lasts twice as long (1, 2, 4 … 60
//! minutes). A lockout is timed on the machine's monotonic clock while it has not restarted, so
//! setting the wall clock forward does not end it.

use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};

pub const MAX_WRONG_PINS: u32 = 5;
/// The longest a lockout lasts, however many came before it.
pub const LONGEST_LOCKOUT_MINUTES: i64 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Manager,
    Cashier,
    Volunteer,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Manager, Role::Cashier, Role::Volunteer];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Manager => "manager",
            Role::Cashier => "cashier",
            Role::Volunteer => "volunteer",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub role: Role,
}

/// A PIN as typed. Its `Debug` never shows the digits, so no log or message dump does.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Pin(String);

impl Pin {
    /// The longest PIN a person can type.
    pub const MAX_LEN: usize = 8;
    /// The shortest PIN a new person may choose.
    pub const MIN_LEN: usize = 4;

    /// A PIN from what was typed: digits only, at most [`Pin::MAX_LEN`]; anything else is `None`.
    pub fn typed(text: &str) -> Option<Pin> {
        (text.len() <= Pin::MAX_LEN && text.bytes().all(|b| b.is_ascii_digit())).then(|| Pin(text.to_string()))
    }

    pub fn push(&mut self, digits: &str) {
        if self.0.len() + digits.len() <= Pin::MAX_LEN && digits.bytes().all(|b| b.is_ascii_digit()) {
            self.0.push_str(digits);
        }
    }

    pub fn pop(&mut self) {
        self.0.pop();
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pin({} digits)", self.0.len())
    }
}

/// How long the `nth` lockout in a row lasts (the first is 1): 1, 2, 4, 8, 16, 32, 60, 60 …
/// minutes.
pub fn lockout_length(nth: u32) -> Duration {
    let doublings = nth.saturating_sub(1).min(6);
    Duration::minutes((1i64 << doublings).min(LONGEST_LOCKOUT_MINUTES))
}

/// A reading of the machine's monotonic clock: which boot it is, and how long since it started.
/// Unlike the wall clock, nobody can set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BootMark {
    pub boot_id: String,
    pub uptime_ms: i64,
}

/// A person locked out: since when (wall clock and, where known, monotonic clock), for how long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lockout {
    pub since: DateTime<FixedOffset>,
    pub length: Duration,
    pub mark: Option<BootMark>,
}

impl Lockout {
    /// Time left at `now`. On the same boot only the monotonic clock counts; after a restart
    /// the wall clock has to do, and a clock set back never shortens the lock.
    pub fn remaining(&self, now: DateTime<FixedOffset>, mark: Option<&BootMark>) -> Duration {
        let elapsed = match (&self.mark, mark) {
            (Some(then), Some(now_mark)) if then.boot_id == now_mark.boot_id => {
                Duration::milliseconds(now_mark.uptime_ms - then.uptime_ms)
            }
            _ => now - self.since,
        };
        (self.length - elapsed.max(Duration::zero())).clamp(Duration::zero(), self.length)
    }

    /// When the lock ends, as the wall clock of `now` sees it; `None` if it has ended.
    pub fn until(&self, now: DateTime<FixedOffset>, mark: Option<&BootMark>) -> Option<DateTime<FixedOffset>> {
        let left = self.remaining(now, mark);
        (left > Duration::zero()).then(|| now + left)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(seconds: i64) -> DateTime<FixedOffset> {
        FixedOffset::east_opt(9 * 3600).unwrap().with_ymd_and_hms(2026, 11, 25, 14, 0, 0).unwrap()
            + Duration::seconds(seconds)
    }

    fn mark(boot: &str, seconds: i64) -> BootMark {
        BootMark { boot_id: boot.into(), uptime_ms: seconds * 1000 }
    }

    #[test]
    fn each_lockout_in_a_row_lasts_twice_as_long_up_to_an_hour() {
        let minutes: Vec<i64> = (1..=9).map(|n| lockout_length(n).num_minutes()).collect();
        assert_eq!(minutes, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(lockout_length(u32::MAX).num_minutes(), 60);
    }

    #[test]
    fn the_monotonic_clock_decides_while_the_machine_runs() {
        let lock = Lockout { since: at(0), length: Duration::minutes(2), mark: Some(mark("a", 100)) };
        let check = |wall: i64, now_mark: Option<BootMark>, left: i64| {
            assert_eq!(lock.remaining(at(wall), now_mark.as_ref()).num_seconds(), left, "wall {wall} {now_mark:?}");
        };
        check(30, Some(mark("a", 130)), 90);
        // Someone sets the wall clock a day ahead: the monotonic clock says 30 s passed.
        check(86_400, Some(mark("a", 130)), 90);
        // Or back: still 30 s.
        check(-86_400, Some(mark("a", 130)), 90);
        check(500, Some(mark("a", 300)), 0);
        // After a restart only the wall clock is left; a clock set back never shortens it.
        check(60, Some(mark("b", 5)), 60);
        check(-600, None, 120);
        check(200, None, 0);
    }

    #[test]
    fn a_pin_takes_digits_only_and_never_shows_them() {
        let mut pin = Pin::typed("1234").unwrap();
        assert_eq!(format!("{pin:?}"), "Pin(4 digits)");
        assert!(Pin::typed("12a4").is_none());
        assert!(Pin::typed("123456789").is_none());
        pin.push("5678");
        pin.push("9");
        assert_eq!(pin.expose(), "12345678");
        pin.pop();
        assert_eq!(pin.len(), 7);
    }

    #[test]
    fn until_is_none_once_the_lock_has_ended() {
        let lock = Lockout { since: at(0), length: Duration::minutes(1), mark: None };
        assert_eq!(lock.until(at(15), None), Some(at(60)));
        assert_eq!(lock.until(at(60), None), None);
    }
}
