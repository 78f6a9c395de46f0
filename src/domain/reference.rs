//! Head office's reference data: the shape of what it sets for every till (tax classes,
//! categories, colours, markdowns, staff, settings) and the rule for which settings it may set.
//! The sync protocol carries it; the store applies it.

use serde::{Deserialize, Serialize};

/// Head office's reference data at one version. A section that is `None` has never been set by
/// head office, and the till keeps its own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    pub version: i64,
    pub tax_classes: Option<Vec<RefTaxClass>>,
    pub categories: Option<Vec<RefCategory>>,
    pub colours: Option<Vec<RefColour>>,
    pub markdowns: Option<Vec<RefMarkdown>>,
    pub staff: Option<Vec<RefStaff>>,
    pub settings: Option<Vec<RefSetting>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefTaxClass {
    pub code: String,
    pub name_ko: String,
    pub name_en: String,
    pub rate_percent: rust_decimal::Decimal,
}

/// A category with its price guide (like new, good, fair) and what a donated piece is worth.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefCategory {
    pub code: String,
    pub name_ko: String,
    pub name_en: String,
    pub tax_class: String,
    /// Place among the checkout's category keys; none for no key.
    pub key_position: Option<i64>,
    pub like_new: i64,
    pub good: i64,
    pub fair: i64,
    pub donation_value: i64,
    pub counting_unit: i64,
    pub active: bool,
}

/// One colour of the weekly tag rotation, in rotation order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefColour {
    pub position: i64,
    pub key: String,
    pub name_ko: String,
    pub name_en: String,
    pub rgb: String,
}

/// From `from_week` weeks on the floor, `percent_off` comes off; `pull` takes the goods off the floor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefMarkdown {
    pub from_week: i64,
    pub percent_off: rust_decimal::Decimal,
    pub pull: bool,
}

/// A person who works at the store. The PIN travels only as its argon2 hash, and not at all when
/// it was set at the till (head office never holds it; the till keeps its own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefStaff {
    pub uuid: String,
    pub name: String,
    pub role: String,
    pub pin_hash: Option<String>,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefSetting {
    pub key: String,
    pub value: String,
}

/// The store settings head office may set; any other key is refused at import and at the till.
pub const HEAD_OFFICE_SETTINGS: [&str; 6] =
    ["discount_limit_percent", "hold_hours", "price_band_percent", "low_stock", "closing_time", "rotation_anchor"];

/// A percentage setting (the discount limit, the price band): 0 to 100.
pub fn percent_ok(p: rust_decimal::Decimal) -> bool {
    (rust_decimal::Decimal::ZERO..=rust_decimal::Decimal::ONE_HUNDRED).contains(&p)
}

/// The staff hold on newly priced goods: 0 hours to 90 days.
pub fn hold_hours_ok(hours: i64) -> bool {
    (0..=24 * 90).contains(&hours)
}

/// Whether `value` is a value the till can use for head office's setting `key`; the reason if not.
pub fn check_setting(key: &str, value: &str) -> Result<(), String> {
    let ok = match key {
        "discount_limit_percent" | "price_band_percent" => value.parse().is_ok_and(percent_ok),
        "hold_hours" => value.parse().is_ok_and(hold_hours_ok),
        "low_stock" => value.parse::<i64>().is_ok_and(|n| n >= 0),
        "closing_time" => chrono::NaiveTime::parse_from_str(value, "%H:%M").is_ok(),
        "rotation_anchor" => crate::domain::codes::parse_week(value).is_some(),
        _ => return Err(format!("'{key}' is not a setting head office sets ({})", HEAD_OFFICE_SETTINGS.join(", "))),
    };
    if ok { Ok(()) } else { Err(format!("'{value}' is not a valid {key}")) }
}
