//! Donations at the intake counter and what happens to goods after: how a donation came in, what
//! was accepted per category and what was turned away and why, what it is worth for the donor's
//! receipt (the category's guide value per counting unit: books count five to a unit), the
//! pricing band a volunteer may move in, and goods that leave without a sale.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Won;

/// How the goods came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// 방문: brought to the counter.
    WalkIn,
    /// 수거: collected by the store's van (three boxes or more).
    Pickup,
    /// 택배: sent by parcel.
    Parcel,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::WalkIn, Channel::Pickup, Channel::Parcel];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::WalkIn => "walk_in",
            Channel::Pickup => "pickup",
            Channel::Parcel => "parcel",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Why goods were turned away (a fixed list, so the figures add up across stores).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// 얼룩
    Stained,
    /// 파손
    Damaged,
    /// 취급하지 않는 품목
    NotAccepted,
    /// 리콜·안전 문제
    Safety,
    /// 기타 (with a note)
    Other,
}

impl RejectReason {
    pub const ALL: [RejectReason; 5] = [
        RejectReason::Stained,
        RejectReason::Damaged,
        RejectReason::NotAccepted,
        RejectReason::Safety,
        RejectReason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RejectReason::Stained => "stained",
            RejectReason::Damaged => "damaged",
            RejectReason::NotAccepted => "not_accepted",
            RejectReason::Safety => "safety",
            RejectReason::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<RejectReason> {
        RejectReason::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Goods accepted in one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accepted {
    pub category: String,
    /// Pieces (or books, or pairs) as counted at the counter.
    pub count: u32,
}

/// Goods turned away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    /// The category, when it has one (a broken heater has; a mattress may not).
    pub category: Option<String>,
    pub count: u32,
    pub reason: RejectReason,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A category's value for donation receipts: `value` won per `unit` pieces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DonationValue {
    pub value: Won,
    pub unit: u32,
}

impl DonationValue {
    /// Whole counting units in `count` pieces (7 books at 5 a unit: 1). Pieces short of a unit
    /// are not valued: the receipt states whole units.
    pub fn units(&self, count: u32) -> u32 {
        count / self.unit.max(1)
    }

    pub fn of(&self, count: u32) -> Won {
        self.value * i64::from(self.units(count))
    }
}

/// Whether `price` is within `band_percent` of the guide's `suggested` price either way; outside
/// it a manager approves.
pub fn within_band(price: Won, suggested: Won, band_percent: Decimal) -> bool {
    let (low, high) = price_band(suggested, band_percent);
    (low..=high).contains(&price)
}

/// The lowest and highest whole-won prices within `band_percent` of `suggested`: the low end
/// rounded up and the high end down, so every price shown as allowed is allowed.
pub fn price_band(suggested: Won, band_percent: Decimal) -> (Won, Won) {
    let suggested = Decimal::from(suggested.get());
    let low = suggested * (Decimal::ONE_HUNDRED - band_percent) / Decimal::ONE_HUNDRED;
    let high = suggested * (Decimal::ONE_HUNDRED + band_percent) / Decimal::ONE_HUNDRED;
    let whole = |d: Decimal| Won::new(i64::try_from(d).unwrap_or(i64::MAX));
    (whole(low.ceil().max(Decimal::ZERO)), whole(high.floor()))
}

/// Where goods go when they leave without a sale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutFlow {
    Recycling,
    Upcycling,
    /// To another store.
    Transfer,
    /// To the outlet, sold by weight.
    Outlet,
}

impl OutFlow {
    pub const ALL: [OutFlow; 4] = [OutFlow::Recycling, OutFlow::Upcycling, OutFlow::Transfer, OutFlow::Outlet];

    pub fn as_str(self) -> &'static str {
        match self {
            OutFlow::Recycling => "recycling",
            OutFlow::Upcycling => "upcycling",
            OutFlow::Transfer => "transfer",
            OutFlow::Outlet => "outlet",
        }
    }

    pub fn parse(s: &str) -> Option<OutFlow> {
        OutFlow::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_counts_whole_units() {
        let books = DonationValue { value: Won::new(1000), unit: 5 };
        assert_eq!((books.units(7), books.of(7).get()), (1, 1000));
        assert_eq!((books.units(4), books.of(4).get()), (0, 0));
        assert_eq!(books.of(25).get(), 5000);
        let clothes = DonationValue { value: Won::new(2000), unit: 1 };
        assert_eq!(clothes.of(12).get(), 24_000);
    }

    #[test]
    fn the_band_is_either_side_of_the_suggestion() {
        let b = Decimal::from(30);
        assert!(within_band(Won::new(6500), Won::new(5000), b));
        assert!(within_band(Won::new(3500), Won::new(5000), b));
        assert!(!within_band(Won::new(6600), Won::new(5000), b));
        assert!(!within_band(Won::new(3400), Won::new(5000), b));
    }

    #[test]
    fn the_band_shown_is_the_band_allowed() {
        // 7,777 ± 30% is 5,443.9 to 10,110.1: the whole won inside are 5,444 to 10,110.
        let b = Decimal::from(30);
        assert_eq!(price_band(Won::new(7777), b), (Won::new(5444), Won::new(10_110)));
        assert!(within_band(Won::new(5444), Won::new(7777), b));
        assert!(!within_band(Won::new(5443), Won::new(7777), b));
        assert!(within_band(Won::new(10_110), Won::new(7777), b));
        assert!(!within_band(Won::new(10_111), Won::new(7777), b));
        assert_eq!(price_band(Won::new(1000), Decimal::from(150)).0, Won::ZERO);
    }
}
