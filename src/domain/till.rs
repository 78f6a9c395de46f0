//! The cash drawer's arithmetic. A till session opens with a counted float and closes with a
//! count by denomination; in between the drawer should hold
//! `float + cash sales − cash refunds + cash in − cash out` (change given is not income: a cash
//! tender counts only the part that paid for the sale). The difference is what the count says
//! against that.

use serde::{Deserialize, Serialize};

use super::Won;

/// The notes and coins of the won, largest first.
pub const DENOMINATIONS: [i64; 8] = [50_000, 10_000, 5_000, 1_000, 500, 100, 50, 10];

/// How many of each denomination were counted, in the order of [`DENOMINATIONS`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count(pub [u32; 8]);

impl Count {
    pub fn total(&self) -> Won {
        Won::new(self.0.iter().zip(DENOMINATIONS).map(|(n, d)| i64::from(*n) * d).sum())
    }

    /// Fewest notes and coins that make `amount` (for a float typed as one sum).
    pub fn of(amount: Won) -> Count {
        let mut left = amount.get().max(0);
        let mut counts = [0u32; 8];
        for (slot, d) in counts.iter_mut().zip(DENOMINATIONS) {
            *slot = (left / d) as u32;
            left %= d;
        }
        Count(counts)
    }
}

/// What a session's cash comes to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CashFigures {
    pub float: Won,
    /// Cash that paid for sales (not what was handed over: change is not income).
    pub cash_sales: Won,
    /// Cash paid back on refunds and voids, as a positive amount.
    pub cash_refunds: Won,
    pub cash_in: Won,
    pub cash_out: Won,
}

impl CashFigures {
    pub fn expected(&self) -> Won {
        self.float + self.cash_sales - self.cash_refunds + self.cash_in - self.cash_out
    }

    /// Counted less expected: negative when the drawer is short.
    pub fn difference(&self, counted: Won) -> Won {
        counted - self.expected()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    /// Money put in the drawer (change from the bank).
    In,
    /// Money taken out (to the safe, a petty expense).
    Out,
}

impl MoveKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MoveKind::In => "in",
            MoveKind::Out => "out",
        }
    }

    pub fn parse(s: &str) -> Option<MoveKind> {
        [MoveKind::In, MoveKind::Out].into_iter().find(|k| k.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up_by_denomination() {
        let count = Count([1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(count.total().get(), 50_000 + 20_000 + 15_000 + 4_000 + 2_500 + 600 + 350 + 80);
        assert_eq!(Count::of(Won::new(88_560)), Count([1, 3, 1, 3, 1, 0, 1, 1]));
        assert_eq!(Count::of(Won::new(88_560)).total().get(), 88_560);
    }

    #[test]
    fn expected_cash_follows_the_rule() {
        let f = CashFigures {
            float: Won::new(100_000),
            cash_sales: Won::new(45_500),
            cash_refunds: Won::new(3_000),
            cash_in: Won::new(20_000),
            cash_out: Won::new(50_000),
        };
        assert_eq!(f.expected().get(), 112_500);
        assert_eq!(f.difference(Won::new(111_500)).get(), -1000, "1,000 won short");
    }
}
