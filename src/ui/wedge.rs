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
    /// The characters the burst's keys put into the field, in order, as typed. A field that
    /// formats what it shows (an amount grouped with commas, keeping only digits) drops the
    /// letter of a tag and reshapes the rest, so the code comes from the keys, never the text.
    typed: String,
    /// The field's text after the burst's last key. Within one bunch of keys the field builds on
    /// its own text, not yet on what the screen shows after the last change.
    last_text: Option<String>,
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
            typed: String::new(),
            last_text: None,
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
        self.last_text = None;
        self.count = 0;
        self.start = None;
        self.last = None;
    }

    /// A field is about to change from `old` to `typed` (what the keys made of it).
    pub fn changed(&mut self, old: &str, typed: &str, now: Instant) {
        let key = self
            .last_text
            .as_deref()
            .filter(|_| self.carries_on(now))
            .and_then(|last| one_key(last, typed))
            .or_else(|| one_key(old, typed));
        // A scanner only ever adds one character a key: a deletion is a person (held Backspace
        // repeats as fast as a scanner types), as is a paste, so either ends any burst.
        let Some(key) = key else {
            self.reset();
            return;
        };
        self.count_key(old, now);
        self.typed.push_str(key);
        self.last_text = Some(typed.to_string());
        self.last = Some(now);
    }

    /// A key in a field that shows nothing of what it was (a PIN field refusing a letter):
    /// it still counts toward the burst's pace, and a scan there is known for one.
    pub fn pressed(&mut self, shown: &str, now: Instant) {
        self.count_key(shown, now);
        self.last = Some(now);
    }

    fn count_key(&mut self, old: &str, now: Instant) {
        if self.carries_on(now) {
            self.count += 1;
        } else {
            self.before = old.to_string();
            self.typed.clear();
            self.count = 1;
            self.start = Some(now);
        }
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
        let code = std::mem::take(&mut self.typed).trim().to_string();
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

/// What a key put into a field: `typed` is `old` with characters inserted at the cursor
/// (wherever it was), so it is what lies between the text they share at the start and the end.
/// The one character `typed` has more than `before`, if that is all that changed.
fn one_key<'a>(before: &str, typed: &'a str) -> Option<&'a str> {
    let key = inserted(before, typed);
    (typed.chars().count() == before.chars().count() + 1 && key.chars().count() == 1).then_some(key)
}

fn inserted<'a>(old: &str, typed: &'a str) -> &'a str {
    let start: usize = old.chars().zip(typed.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
    let (old_rest, typed_rest) = (&old[start..], &typed[start..]);
    let end: usize = old_rest
        .chars()
        .rev()
        .zip(typed_rest.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(_, b)| b.len_utf8())
        .sum();
    &typed_rest[..typed_rest.len() - end]
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
    fn what_a_key_inserted_is_found_wherever_the_cursor_was() {
        assert_eq!(inserted("", "8"), "8");
        assert_eq!(inserted("88,099", "88,0999"), "9");
        assert_eq!(inserted("1,000", "1,P000"), "P");
        assert_eq!(inserted("50", "505"), "5");
        assert_eq!(inserted("가나", "가다나"), "다");
    }

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
