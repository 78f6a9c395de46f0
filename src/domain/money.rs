//! Whole Korean won. The won has no minor unit anywhere (UI, DB, receipts, CSV), so an amount is
//! an `i64` and no float ever touches it. Percentages are `Decimal` and are applied by
//! [`Won::percent_off`], which rounds once, down, to the store's price step.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Mul, Neg, Sub, SubAssign};
use std::str::FromStr;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Won(i64);

impl Won {
    pub const ZERO: Won = Won(0);

    pub const fn new(amount: i64) -> Won {
        Won(amount)
    }

    pub const fn get(self) -> i64 {
        self.0
    }

    pub fn is_positive(self) -> bool {
        self.0 > 0
    }

    /// Rounds down to a multiple of `step` (e.g. 100 won). A step of zero or less leaves the
    /// amount alone.
    pub fn round_down_to(self, step: Won) -> Won {
        if step.0 <= 0 {
            return self;
        }
        Won(self.0.div_euclid(step.0) * step.0)
    }

    /// The price after taking `percent` off, rounded down to `step` (design.md §3: markdowns and
    /// discounts round down to the store's price step).
    pub fn percent_off(self, percent: Decimal, step: Won) -> Won {
        let percent = percent.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
        let kept = Decimal::from(self.0) * (Decimal::ONE_HUNDRED - percent) / Decimal::ONE_HUNDRED;
        let whole = kept.floor().to_i64().unwrap_or(0);
        Won(whole).round_down_to(step)
    }

    /// The amount with thousands separators and no currency sign: `12,500`.
    pub fn grouped(self) -> String {
        let digits = self.0.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if self.0 < 0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    }
}

impl fmt::Display for Won {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.grouped())
    }
}

/// `+1,000`, `-1,000`, `0`.
pub fn signed(w: Won) -> String {
    if w.is_positive() { format!("+{w}") } else { w.to_string() }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseWonError {
    #[error("no amount given")]
    Empty,
    #[error("'{0}' is not a whole number of won")]
    NotWhole(String),
    #[error("'{0}' is too large")]
    TooLarge(String),
}

impl FromStr for Won {
    type Err = ParseWonError;

    /// Accepts what a cashier types or a spreadsheet holds: `3500`, `3,500`, `₩3,500`, `3500원`.
    fn from_str(s: &str) -> Result<Won, ParseWonError> {
        let cleaned: String = s
            .trim()
            .trim_start_matches(['₩', '￦'])
            .trim_end_matches('원')
            .chars()
            .filter(|c| *c != ',' && !c.is_whitespace())
            .collect();
        if cleaned.is_empty() {
            return Err(ParseWonError::Empty);
        }
        let (negative, digits) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.as_str()),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ParseWonError::NotWhole(s.trim().to_string()));
        }
        let value: i64 = digits.parse().map_err(|_| ParseWonError::TooLarge(s.trim().to_string()))?;
        Ok(Won(if negative { -value } else { value }))
    }
}

impl Add for Won {
    type Output = Won;
    fn add(self, rhs: Won) -> Won {
        Won(self.0 + rhs.0)
    }
}

impl AddAssign for Won {
    fn add_assign(&mut self, rhs: Won) {
        self.0 += rhs.0;
    }
}

impl Sub for Won {
    type Output = Won;
    fn sub(self, rhs: Won) -> Won {
        Won(self.0 - rhs.0)
    }
}

impl SubAssign for Won {
    fn sub_assign(&mut self, rhs: Won) {
        self.0 -= rhs.0;
    }
}

impl Neg for Won {
    type Output = Won;
    fn neg(self) -> Won {
        Won(-self.0)
    }
}

impl Mul<i64> for Won {
    type Output = Won;
    fn mul(self, rhs: i64) -> Won {
        Won(self.0 * rhs)
    }
}

impl Sum for Won {
    fn sum<I: Iterator<Item = Won>>(iter: I) -> Won {
        iter.fold(Won::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Won> for Won {
    fn sum<I: Iterator<Item = &'a Won>>(iter: I) -> Won {
        iter.copied().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn groups_thousands() {
        let check = |amount: i64, expected: &str| assert_eq!(Won::new(amount).to_string(), expected);
        check(0, "0");
        check(999, "999");
        check(1000, "1,000");
        check(12_500, "12,500");
        check(1_234_567, "1,234,567");
        check(-3500, "-3,500");
    }

    #[test]
    fn parses_what_cashiers_type() {
        let check = |input: &str, expected: Result<i64, ParseWonError>| {
            assert_eq!(input.parse::<Won>().map(Won::get), expected, "{input}");
        };
        check("3500", Ok(3500));
        check("3,500", Ok(3500));
        check("₩3,500", Ok(3500));
        check(" 3500원 ", Ok(3500));
        check("-200", Ok(-200));
        check("", Err(ParseWonError::Empty));
        check("35.5", Err(ParseWonError::NotWhole("35.5".into())));
        check("abc", Err(ParseWonError::NotWhole("abc".into())));
        check("99999999999999999999", Err(ParseWonError::TooLarge("99999999999999999999".into())));
    }

    #[test]
    fn markdown_rounds_down_to_the_price_step() {
        let step = Won::new(100);
        let check = |price: i64, pct: Decimal, expected: i64| {
            assert_eq!(Won::new(price).percent_off(pct, step), Won::new(expected), "{price} -{pct}%");
        };
        check(3500, dec!(50), 1700);
        check(3000, dec!(50), 1500);
        check(9900, dec!(30), 6900);
        check(1000, dec!(33.3), 600);
        check(5000, dec!(0), 5000);
        check(5000, dec!(100), 0);
        check(150, dec!(50), 0);
    }
}
