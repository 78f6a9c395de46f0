//! Discounts a cashier gives, on a line or on the whole sale, as a percentage or an amount, with
//! a reason. A percentage rounds the price *down* to the store's price step (design.md §3), so
//! the customer never pays an odd number of won. Colour markdowns are not discounts: they are
//! already in a line's price and shown apart. Above a limit (a store setting) a manager approves.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use super::Won;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    Percent(Decimal),
    Amount(Won),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discount {
    pub how: How,
    pub reason: String,
}

impl Discount {
    /// What it takes off `base` (which may be more than `base` for an amount: the caller
    /// refuses that).
    pub fn off(&self, base: Won, step: Won) -> Won {
        match &self.how {
            How::Percent(percent) => base - base.percent_off(*percent, step),
            How::Amount(amount) => *amount,
        }
    }
}

/// `off` as a percentage of `base`, for comparing with the limit.
pub fn percent_of(off: Won, base: Won) -> Decimal {
    if !base.is_positive() {
        return Decimal::ZERO;
    }
    Decimal::from(off.get()) * Decimal::ONE_HUNDRED / Decimal::from(base.get())
}

/// Whether taking `off` from `base` needs a manager, with `limit_percent` the store's limit.
pub fn needs_approval(off: Won, base: Won, limit_percent: Decimal) -> bool {
    percent_of(off, base) > limit_percent
}

/// `part` of `whole` shares of `amount`, rounded toward zero.
pub fn share(amount: Won, part: i64, whole: i64) -> Won {
    if whole == 0 {
        return Won::ZERO;
    }
    let exact = Decimal::from(amount.get()) * Decimal::from(part) / Decimal::from(whole);
    Won::new(exact.trunc().to_i64().unwrap_or(0))
}

/// Shares `total` out over `amounts` in proportion, in whole won, the leftover won going to the
/// largest remainders (then the first lines), so the parts add up to `total` exactly.
pub fn allocate(total: Won, amounts: &[Won]) -> Vec<Won> {
    let sum: i64 = amounts.iter().map(|a| a.get()).sum();
    if sum <= 0 {
        return vec![Won::ZERO; amounts.len()];
    }
    let mut parts: Vec<(usize, i64, i64)> = amounts
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let exact = i128::from(total.get()) * i128::from(a.get());
            let floor = (exact / i128::from(sum)) as i64;
            let remainder = (exact % i128::from(sum)) as i64;
            (i, floor, remainder)
        })
        .collect();
    let mut left = total.get() - parts.iter().map(|p| p.1).sum::<i64>();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(parts[i].2), i));
    for i in order {
        if left <= 0 {
            break;
        }
        parts[i].1 += 1;
        left -= 1;
    }
    parts.into_iter().map(|(_, won, _)| Won::new(won)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn allocation_adds_up_and_follows_the_amounts() {
        let check = |total: i64, amounts: &[i64], expected: &[i64]| {
            let amounts: Vec<Won> = amounts.iter().map(|a| Won::new(*a)).collect();
            let parts: Vec<i64> = allocate(Won::new(total), &amounts).into_iter().map(Won::get).collect();
            assert_eq!(parts, expected, "{total} over {amounts:?}");
        };
        check(1000, &[7000, 3000], &[700, 300]);
        check(100, &[1000, 1000, 1000], &[34, 33, 33]);
        check(1, &[500, 1500], &[0, 1]);
        check(0, &[500, 1500], &[0, 0]);
        check(500, &[], &[]);
    }

    #[test]
    fn the_limit_compares_what_is_taken_off() {
        assert!(!needs_approval(Won::new(2000), Won::new(10_000), dec!(20)));
        assert!(needs_approval(Won::new(2100), Won::new(10_000), dec!(20)));
        assert_eq!(percent_of(Won::new(600), Won::new(3500)).round_dp(1), dec!(17.1));
    }

    #[test]
    fn a_percentage_rounds_the_price_down() {
        let d = Discount { how: How::Percent(dec!(10)), reason: String::new() };
        assert_eq!(d.off(Won::new(3500), Won::new(100)), Won::new(400));
        assert_eq!(d.off(Won::new(10_000), Won::new(100)), Won::new(1000));
    }
}
