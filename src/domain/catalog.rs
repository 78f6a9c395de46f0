//! What a store sells and knows about itself: the store, its categories with their tax class and
//! price guide, catalogue stock and unique donated items. Head office sets most of it; the till
//! reads it on every scan.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Won;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreInfo {
    pub uuid: String,
    pub code: u16,
    pub name: String,
    pub address: String,
    pub phone: String,
    pub business_no: String,
    /// 대표자, printed beside the business number; empty on a store that has not said.
    pub representative: String,
    /// A line of the store's own at the foot of every receipt (opening hours, a thank-you).
    pub receipt_footer: String,
    pub price_step: Won,
    pub is_demo: bool,
}

/// How worn a donated item is; the price guide has a price for each.
/// Ordered best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    LikeNew,
    Good,
    Fair,
}

impl Condition {
    pub const ALL: [Condition; 3] = [Condition::LikeNew, Condition::Good, Condition::Fair];

    pub fn as_str(self) -> &'static str {
        match self {
            Condition::LikeNew => "like_new",
            Condition::Good => "good",
            Condition::Fair => "fair",
        }
    }

    pub fn parse(s: &str) -> Option<Condition> {
        Condition::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidePrice {
    pub condition: Condition,
    pub price: Won,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub code: String,
    pub name_ko: String,
    pub name_en: String,
    pub tax_class: String,
    pub tax_rate_percent: Decimal,
    pub key_position: Option<i64>,
    /// Best condition first.
    pub guide: Vec<GuidePrice>,
    /// What donated pieces are worth on the donor's receipt.
    pub donation: super::donation::DonationValue,
}

/// A catalogue product sold by its EAN-13 (fair-trade coffee, tea, crafts), counted in stock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockItem {
    pub id: i64,
    pub ean: String,
    pub name_ko: String,
    pub name_en: String,
    pub category: String,
    pub price: Won,
    pub on_hand: i64,
}

/// A unique donated item behind an item tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRecord {
    pub id: i64,
    pub code: String,
    pub description: String,
    pub category: String,
    pub price: Won,
    pub condition: Condition,
    pub intake_date: NaiveDate,
    /// Sale id if it has been sold already.
    pub sold_in: Option<i64>,
}
