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

pub use crate::domain::reference::*;
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
    /// 사업자등록번호 as NNN-NN-NNNNN, the representative, address and phone, for the receipt;
    /// empty where head office has not set them.
    #[serde(default)]
    pub business_no: String,
    #[serde(default)]
    pub representative: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// A stable word for programs: `unauthorized`, `malformed`, `altered`, `conflict`, `gap`,
    /// `too_large`, `wrong_type`, `not_found`, `not_allowed`, `unavailable`.
    pub error: String,
    /// A sentence for people, in English (the till words it in its own language).
    pub message: String,
}
