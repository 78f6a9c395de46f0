//! Korean phone numbers as people write them: `010-1234-5678`, `01012345678`,
//! `+82 10 1234 5678`, `(02) 123-4567`. Donors are found by the digits alone, in the national
//! form (`01012345678`); the slip prints them masked (`010-****-5678`).

/// A phone number, digits only, national form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Phone(String);

impl Phone {
    /// Reads a number in any common form; `None` if it is not a Korean phone number.
    pub fn parse(typed: &str) -> Option<Phone> {
        let allowed = typed.chars().all(|c| c.is_ascii_digit() || " -.()+".contains(c));
        if !allowed {
            return None;
        }
        let mut digits: String = typed.chars().filter(char::is_ascii_digit).collect();
        // +82 10 … / 0082 10 … → 010 …
        let international = typed.trim_start().starts_with('+') || digits.starts_with("0082");
        if international {
            digits = digits.trim_start_matches("00").to_string();
            let rest = digits.strip_prefix("82")?;
            digits = format!("0{}", rest.trim_start_matches('0'));
        }
        let mobile = digits.starts_with("01") && (10..=11).contains(&digits.len());
        let seoul = digits.starts_with("02") && (9..=10).contains(&digits.len());
        let area = digits.starts_with('0')
            && !digits.starts_with("01")
            && !digits.starts_with("02")
            && (10..=11).contains(&digits.len());
        (mobile || seoul || area).then_some(Phone(digits))
    }

    pub fn digits(&self) -> &str {
        &self.0
    }

    /// Where the area code or mobile prefix ends and where the last four digits start.
    fn parts(&self) -> (&str, &str, &str) {
        let d = self.0.as_str();
        let head = if d.starts_with("02") { 2 } else { 3 };
        let tail = d.len() - 4;
        (&d[..head], &d[head..tail], &d[tail..])
    }

    /// `010-1234-5678`.
    pub fn formatted(&self) -> String {
        let (a, b, c) = self.parts();
        format!("{a}-{b}-{c}")
    }

    /// `010-****-5678`: what a slip or a screen another customer may see shows.
    pub fn masked(&self) -> String {
        let (a, b, c) = self.parts();
        format!("{a}-{}-{c}", "*".repeat(b.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_common_form_reads_the_same() {
        for typed in [
            "010-1234-5678",
            "01012345678",
            "+82 10 1234 5678",
            "+82-10-1234-5678",
            "0082 10 1234 5678",
            " 010 1234 5678 ",
        ] {
            assert_eq!(Phone::parse(typed).map(|p| p.digits().to_string()).as_deref(), Some("01012345678"), "{typed}");
        }
        assert_eq!(Phone::parse("(02) 123-4567").unwrap().formatted(), "02-123-4567");
        assert_eq!(Phone::parse("031-123-4567").unwrap().formatted(), "031-123-4567");
        assert_eq!(Phone::parse("010-123-4567").unwrap().masked(), "010-***-4567");
        assert_eq!(Phone::parse("01012345678").unwrap().masked(), "010-****-5678");
        for bad in ["", "1234", "010-1234-567a", "+1 202 555 0100", "0101234567890", "김민지"] {
            assert_eq!(Phone::parse(bad), None, "{bad}");
        }
    }
}
