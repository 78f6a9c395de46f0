//! Telling a keyboard-wedge scanner from a person. A scanner "types" a whole code a few
//! milliseconds per key and ends with Enter; nobody types eight keys that fast. So wherever the
//! keys land (a price field, the PIN field, nowhere), a fast burst ending in Enter is a scan and
//! goes to the checkout, and the field is put back as it was before the burst.
//!
//! The keys are timed when the app handles them, and a busy till handles them in bunches (a
//! frame may take tens of milliseconds to draw), so single gaps prove little. What counts is the
//! average: at least `min_len` keys at no more than `gap` apart on average, with no pause longer
//! than a person's between two of them.

use std::time::{Duration, Instant};

#[derive(Clone)]
pub struct Burst {
    gap: Duration,
    min_len: usize,
    /// The field's value before the burst began.
    before: String,
    /// The field's text as typed, after the last key of the burst. A field that keeps only
    /// digits (an amount, a PIN) shows less than was typed; the code comes from this.
    latest: String,
    /// Keys typed for the global listener (no field has the focus).
    keys: String,
    count: usize,
    start: Option<Instant>,
    last: Option<Instant>,
}

impl Burst {
    pub fn new(gap_ms: u64, min_len: usize) -> Burst {
        Burst {
            gap: Duration::from_millis(gap_ms.max(1)),
            min_len: min_len.max(2),
            before: String::new(),
            latest: String::new(),
            keys: String::new(),
            count: 0,
            start: None,
            last: None,
        }
    }

    /// The longest pause between two keys of one burst: longer, and a person is typing.
    fn pause(&self) -> Duration {
        self.gap * 4
    }

    /// Whether the key at `now` carries on the current burst.
    fn carries_on(&self, now: Instant) -> bool {
        self.last.is_some_and(|last| now.duration_since(last) <= self.pause())
    }

    /// Whether the burst so far, ended at `now`, came from a scanner.
    fn was_scanner(&self, now: Instant) -> bool {
        let Some(start) = self.start else { return false };
        self.carries_on(now)
            && self.count >= self.min_len
            && now.duration_since(start) <= self.gap * u32::try_from(self.count).unwrap_or(u32::MAX)
    }

    fn reset(&mut self) {
        self.count = 0;
        self.start = None;
        self.last = None;
    }

    /// A field is about to change from `old` to `typed` (what the keys made of it).
    pub fn changed(&mut self, old: &str, typed: &str, now: Instant) {
        self.latest = typed.to_string();
        // A scanner only ever adds characters: a deletion is a person (held Backspace repeats
        // as fast as a scanner types), so it ends any burst.
        if typed.chars().count() < old.chars().count() {
            self.reset();
            return;
        }
        if self.carries_on(now) {
            self.count += 1;
        } else {
            self.before = old.to_string();
            self.count = 1;
            self.start = Some(now);
        }
        self.last = Some(now);
    }

    /// Enter in a field: if a scanner typed into it, what the field held before and the code
    /// it scanned.
    pub fn submitted(&mut self, now: Instant) -> Option<(String, String)> {
        let scanned = self.was_scanner(now);
        tracing::debug!(
            count = self.count,
            took = ?self.start.map(|s| now.duration_since(s)),
            since_last = ?self.last.map(|l| now.duration_since(l)),
            scanned,
            "enter after typing"
        );
        self.reset();
        if !scanned {
            return None;
        }
        let before = std::mem::take(&mut self.before);
        let value = std::mem::take(&mut self.latest);
        let code = value.strip_prefix(before.as_str()).unwrap_or(&value).trim().to_string();
        Some((before, code))
    }

    /// A key that no field took.
    pub fn key(&mut self, text: &str, now: Instant) {
        if !self.carries_on(now) {
            self.keys.clear();
            self.count = 0;
            self.start = Some(now);
        }
        self.keys.push_str(text);
        self.count += text.chars().count();
        self.last = Some(now);
    }

    /// Enter that no field took: the code, if a scanner typed it.
    pub fn enter(&mut self, now: Instant) -> Option<String> {
        let scanned = self.was_scanner(now);
        let keys = std::mem::take(&mut self.keys);
        self.reset();
        scanned.then(|| keys.trim().to_string())
    }
}

// What was typed may be a PIN: a debug print shows only how much.
impl std::fmt::Debug for Burst {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Burst").field("count", &self.count).field("keys", &self.keys.len()).finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backspaces_however_fast_are_a_person() {
        let t = Instant::now();
        let ms = |n| t + Duration::from_millis(n);
        let mut burst = Burst::new(35, 8);
        let mut value = String::from("18,700");
        for i in 0..6 {
            let old = value.clone();
            value.pop();
            burst.changed(&old, &value, ms(1000 + i * 5));
        }
        for (i, c) in "3000".chars().enumerate() {
            let old = value.clone();
            value.push(c);
            burst.changed(&old, &value, ms(1040 + i as u64 * 20));
        }
        assert_eq!(burst.submitted(ms(1130)), None, "held Backspace, then a quick amount");
    }

    #[test]
    fn fast_keys_are_a_scan_slow_keys_are_a_person() {
        let t = Instant::now();
        let ms = |n| t + Duration::from_millis(n);
        let mut burst = Burst::new(35, 8);
        let mut value = String::from("50");
        for (i, c) in "P012000350026267".chars().enumerate() {
            let old = value.clone();
            value.push(c);
            burst.changed(&old, &value, ms(1000 + i as u64 * 5));
        }
        assert_eq!(burst.submitted(ms(1090)), Some(("50".into(), "P012000350026267".into())));

        let mut person = String::new();
        for (i, c) in "10000".chars().enumerate() {
            let old = person.clone();
            person.push(c);
            burst.changed(&old, &person, ms(2000 + i as u64 * 150));
        }
        assert_eq!(burst.submitted(ms(2800)), None);

        for (i, c) in "8801234567893".chars().enumerate() {
            burst.key(&c.to_string(), ms(3000 + i as u64 * 8));
        }
        assert_eq!(burst.enter(ms(3110)).as_deref(), Some("8801234567893"));
        burst.key("a", ms(4000));
        assert_eq!(burst.enter(ms(4200)), None);

        // A busy till handles a scanner's keys in bunches, with a frame's pause between them.
        let mut value = String::new();
        for (i, c) in "P012000350026267".chars().enumerate() {
            let bunch = (i / 5) as u64;
            let old = value.clone();
            value.push(c);
            burst.changed(&old, &value, ms(5000 + bunch * 60));
        }
        assert_eq!(burst.submitted(ms(5200)), Some((String::new(), "P012000350026267".into())));

        // Someone quick on the keypad is still a person: 8 digits at 80 ms each.
        let mut typed = String::new();
        for (i, c) in "12345678".chars().enumerate() {
            let old = typed.clone();
            typed.push(c);
            burst.changed(&old, &typed, ms(6000 + i as u64 * 80));
        }
        assert_eq!(burst.submitted(ms(6700)), None);
    }
}
