//! How a sale is paid: cash, card (on the separate terminal), store credit, or any mix of them.
//! [`Tendering`] takes the tenders one by one against what is due: a card or store credit takes
//! at most what is left, cash may be more and gives change, and change only ever comes from
//! cash. A refund is paid out the same way, with negative amounts.

use serde::{Deserialize, Serialize};

use super::Won;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TenderKind {
    Cash,
    /// Paid on the separate card terminal; the amount (and its approval number, if typed).
    Card,
    /// A store-credit voucher, found by the code printed on it.
    StoreCredit,
}

impl TenderKind {
    pub const ALL: [TenderKind; 3] = [TenderKind::Cash, TenderKind::Card, TenderKind::StoreCredit];

    pub fn as_str(self) -> &'static str {
        match self {
            TenderKind::Cash => "cash",
            TenderKind::Card => "card",
            TenderKind::StoreCredit => "store_credit",
        }
    }

    pub fn parse(s: &str) -> Option<TenderKind> {
        TenderKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One way the customer paid. `amount` is what goes towards the sale; `tendered` is what was
/// handed over (more than `amount` only for cash). `reference` is a card's approval number or a
/// voucher's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tender {
    pub kind: TenderKind,
    pub amount: Won,
    pub tendered: Won,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub tenders: Vec<Tender>,
    /// Given back in cash; only ever computed from cash.
    pub change: Won,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaymentError {
    #[error("the sale has nothing in it")]
    EmptySale,
    #[error("{short} won short")]
    NotEnough { short: Won },
    #[error("more than the {left} won left to pay")]
    MoreThanLeft { left: Won },
    #[error("the voucher has nothing left on it")]
    NoBalance,
    #[error("a card approval number has 8 to 12 digits")]
    Approval,
}

impl Payment {
    pub fn cash(total: Won, tendered: Won) -> Result<Payment, PaymentError> {
        let mut t = Tendering::new(total)?;
        t.cash(tendered)?;
        t.finish()
    }

    pub fn card(total: Won) -> Result<Payment, PaymentError> {
        let mut t = Tendering::new(total)?;
        t.card(total, None)?;
        t.finish()
    }

    pub fn paid(&self) -> Won {
        self.tenders.iter().map(|t| t.amount).sum()
    }

    /// The cash that went towards the sale (the drawer keeps this much more).
    pub fn cash_taken(&self) -> Won {
        self.by(TenderKind::Cash)
    }

    pub fn by(&self, kind: TenderKind) -> Won {
        self.tenders.iter().filter(|t| t.kind == kind).map(|t| t.amount).sum()
    }

    pub fn has_cash(&self) -> bool {
        self.tenders.iter().any(|t| t.kind == TenderKind::Cash)
    }

    /// All cash handed over, change included.
    pub fn cash_tendered(&self) -> Won {
        self.tenders.iter().filter(|t| t.kind == TenderKind::Cash).map(|t| t.tendered).sum()
    }
}

/// Paying a sale step by step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tendering {
    due: Won,
    tenders: Vec<Tender>,
    change: Won,
}

impl Tendering {
    pub fn new(due: Won) -> Result<Tendering, PaymentError> {
        if !due.is_positive() {
            return Err(PaymentError::EmptySale);
        }
        Ok(Tendering { due, tenders: Vec::new(), change: Won::ZERO })
    }

    pub fn due(&self) -> Won {
        self.due
    }

    pub fn tenders(&self) -> &[Tender] {
        &self.tenders
    }

    pub fn left(&self) -> Won {
        self.due - self.tenders.iter().map(|t| t.amount).sum()
    }

    pub fn is_paid(&self) -> bool {
        !self.left().is_positive()
    }

    /// Cash handed over: it covers what is left (giving change) or part of it.
    pub fn cash(&mut self, tendered: Won) -> Result<(), PaymentError> {
        let left = self.left();
        if !tendered.is_positive() || !left.is_positive() {
            return Err(PaymentError::NotEnough { short: left });
        }
        let amount = tendered.min(left);
        self.change = tendered - amount;
        self.tenders.push(Tender { kind: TenderKind::Cash, amount, tendered, reference: None });
        Ok(())
    }

    /// A card payment of `amount` (at most what is left), with its approval number if typed.
    pub fn card(&mut self, amount: Won, approval: Option<String>) -> Result<(), PaymentError> {
        let left = self.left();
        if !amount.is_positive() {
            return Err(PaymentError::NotEnough { short: left });
        }
        if amount > left {
            return Err(PaymentError::MoreThanLeft { left });
        }
        if let Some(a) = &approval
            && !(8..=12).contains(&a.len())
        {
            return Err(PaymentError::Approval);
        }
        self.tenders.push(Tender { kind: TenderKind::Card, amount, tendered: amount, reference: approval });
        Ok(())
    }

    /// A voucher with `balance` on it: it pays what it can. Returns the amount taken.
    pub fn credit(&mut self, code: String, balance: Won) -> Result<Won, PaymentError> {
        if !balance.is_positive() {
            return Err(PaymentError::NoBalance);
        }
        let amount = balance.min(self.left());
        if !amount.is_positive() {
            return Err(PaymentError::MoreThanLeft { left: self.left() });
        }
        self.tenders.push(Tender { kind: TenderKind::StoreCredit, amount, tendered: amount, reference: Some(code) });
        Ok(amount)
    }

    /// Takes the last tender back (a mistake), if the sale is not paid yet.
    pub fn undo(&mut self) -> Option<Tender> {
        self.change = Won::ZERO;
        self.tenders.pop()
    }

    pub fn finish(self) -> Result<Payment, PaymentError> {
        let left = self.left();
        if left.is_positive() {
            return Err(PaymentError::NotEnough { short: left });
        }
        Ok(Payment { tenders: self.tenders, change: self.change })
    }
}

/// Amounts a customer is likely to hand over for `total`: the exact sum, then the next round
/// 1,000 / 5,000 / 10,000 / 50,000, without repeats.
pub fn likely_tenders(total: Won) -> Vec<Won> {
    let mut out = vec![total];
    for step in [1_000, 5_000, 10_000, 50_000] {
        let up = Won::new((total.get() + step - 1).div_euclid(step) * step);
        if !out.contains(&up) && up.is_positive() {
            out.push(up);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn won(n: i64) -> Won {
        Won::new(n)
    }

    #[test]
    fn likely_tenders_round_up_to_notes() {
        let check = |total: i64, expected: &[i64]| {
            assert_eq!(likely_tenders(won(total)), expected.iter().map(|w| won(*w)).collect::<Vec<_>>());
        };
        check(6500, &[6500, 7000, 10_000, 50_000]);
        check(10_000, &[10_000, 50_000]);
        check(51_200, &[51_200, 52_000, 55_000, 60_000, 100_000]);
    }

    #[test]
    fn cash_gives_change_card_does_not() {
        let paid = Payment::cash(won(6500), won(10_000)).unwrap();
        assert_eq!((paid.change.get(), paid.cash_taken().get()), (3500, 6500));
        assert_eq!(Payment::cash(won(6500), won(5000)), Err(PaymentError::NotEnough { short: won(1500) }));
        let card = Payment::card(won(6500)).unwrap();
        assert_eq!((card.change, card.has_cash()), (Won::ZERO, false));
        assert_eq!(Payment::card(Won::ZERO), Err(PaymentError::EmptySale));
    }

    #[test]
    fn a_mix_of_card_and_cash_gives_change_only_from_cash() {
        // 3,000 on the card and a 10,000 note for a 9,500 sale: 3,500 back.
        let mut t = Tendering::new(won(9500)).unwrap();
        t.card(won(3000), Some("12345678".into())).unwrap();
        assert_eq!(t.left(), won(6500));
        t.cash(won(10_000)).unwrap();
        let p = t.finish().unwrap();
        assert_eq!(
            (p.change, p.by(TenderKind::Card), p.cash_taken(), p.cash_tendered()),
            (won(3500), won(3000), won(6500), won(10_000))
        );
        assert_eq!(p.paid(), won(9500));
    }

    #[test]
    fn a_card_cannot_pay_more_than_is_left_and_credit_pays_what_it_can() {
        let mut t = Tendering::new(won(5000)).unwrap();
        assert_eq!(t.card(won(6000), None), Err(PaymentError::MoreThanLeft { left: won(5000) }));
        assert_eq!(t.card(won(1000), Some("12".into())), Err(PaymentError::Approval));
        assert_eq!(t.credit("C0010000000018".into(), won(2000)), Ok(won(2000)));
        assert_eq!(t.credit("C0010000000025".into(), won(9000)), Ok(won(3000)), "only what is left");
        assert!(t.is_paid());
        assert_eq!(t.credit("x".into(), won(100)), Err(PaymentError::MoreThanLeft { left: Won::ZERO }));
        assert_eq!(t.credit("x".into(), Won::ZERO), Err(PaymentError::NoBalance));
        let p = t.finish().unwrap();
        assert_eq!((p.by(TenderKind::StoreCredit), p.change), (won(5000), Won::ZERO));
    }

    #[test]
    fn part_cash_then_card_and_undo() {
        let mut t = Tendering::new(won(12_000)).unwrap();
        t.cash(won(5000)).unwrap();
        assert_eq!(t.left(), won(7000));
        assert!(t.clone().finish().is_err());
        t.undo();
        assert_eq!(t.left(), won(12_000));
        t.cash(won(2000)).unwrap();
        t.card(won(10_000), None).unwrap();
        assert_eq!(t.finish().unwrap().change, Won::ZERO);
    }
}
