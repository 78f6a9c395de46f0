//! What the till and head office say to each other over HTTP (JSON bodies, a bearer token
//! naming the store). Both ends use these types, so they cannot drift apart.
//!
//! - `GET  /api/v1/ack`: where head office stands with this store's journal ([`Ack`]).
//! - `POST /api/v1/journal`: a [`Batch`] of events; answers the new [`Ack`].
//! - `GET  /api/v1/reference?have=V`: the newest [`Reference`] if it is newer than `V`, else 204.
//! - `GET  /api/v1/store`: the store the token belongs to ([`StoreIdentity`]), for a till joining
//!   head office.
//! - Errors answer an [`ApiError`] with a status: 400 malformed, 401 token, 409 the journal does
//!   not agree with what head office has, 413 too big.

use serde::{Deserialize, Serialize};

use crate::store::JournalEvent;

pub const ACK_PATH: &str = "/api/v1/ack";
pub const JOURNAL_PATH: &str = "/api/v1/journal";
pub const REFERENCE_PATH: &str = "/api/v1/reference";
pub const STORE_PATH: &str = "/api/v1/store";
pub const HEALTH_PATH: &str = "/health";

/// A store that has not synced for this many hours is overdue: amber in its status bar, listed
/// on head office's page.
pub const OVERDUE_HOURS: i64 = 36;

/// The most events one batch may carry, and the most bytes its body may have.
pub const MAX_BATCH_EVENTS: usize = 2_000;
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// Consecutive journal events, oldest first. It may start at or before the acknowledged `seq`
/// (a batch sent again after its answer was lost): events head office already has must be the
/// same, and only the new ones are stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    pub events: Vec<JournalEvent>,
}

/// The last event head office holds for a store, and its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ack {
    pub seq: i64,
    pub hash: String,
}

/// Who a token says the store is, as head office registered it (`nanum-central store add`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreIdentity {
    pub code: u16,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// A stable word for programs: `unauthorized`, `malformed`, `altered`, `conflict`, `gap`,
    /// `too_large`, `unavailable`.
    pub error: String,
    /// A sentence for people, in English (the till words it in its own language).
    pub message: String,
}

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

/// A person on the chain's roster. The PIN travels only as its argon2 hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefStaff {
    pub uuid: String,
    pub name: String,
    pub role: String,
    pub pin_hash: String,
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

/// Whether `value` is a value the till can use for head office's setting `key`; the reason if not.
pub fn check_setting(key: &str, value: &str) -> Result<(), String> {
    let ok = match key {
        "discount_limit_percent" | "price_band_percent" => value
            .parse::<rust_decimal::Decimal>()
            .is_ok_and(|p| p >= rust_decimal::Decimal::ZERO && p <= rust_decimal::Decimal::ONE_HUNDRED),
        "hold_hours" => value.parse::<i64>().is_ok_and(|h| (0..=24 * 90).contains(&h)),
        "low_stock" => value.parse::<i64>().is_ok_and(|n| n >= 0),
        "closing_time" => chrono::NaiveTime::parse_from_str(value, "%H:%M").is_ok(),
        "rotation_anchor" => crate::store::parse_week(value).is_some(),
        _ => return Err(format!("'{key}' is not a setting head office sets ({})", HEAD_OFFICE_SETTINGS.join(", "))),
    };
    if ok { Ok(()) } else { Err(format!("'{value}' is not a valid {key}")) }
}
