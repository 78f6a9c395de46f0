//! The journal: an append-only list of business events, each hashed together with the one
//! before it, so that a changed, removed or re-ordered event breaks the chain. Sync uploads it;
//! `nanum check` verifies it; triggers in the schema refuse updates and deletes.

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::{Result, StoreError};

/// The hash the first event chains from.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One event as stored, and as sync sends it: the payload's exact text, so the chain can be
/// re-verified anywhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEvent {
    pub seq: i64,
    pub uuid: String,
    pub kind: String,
    pub payload: String,
    pub at: String,
    pub staff_id: Option<i64>,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    #[error("journal event {seq} does not follow the event before it")]
    Broken { seq: i64 },
    #[error("journal event {seq} was changed after it was written")]
    Altered { seq: i64 },
    #[error("journal event {seq} is missing")]
    Gap { seq: i64 },
}

/// The hash of one event, chained from the one before. Head office recomputes it on upload.
pub fn chain_hash(
    prev_hash: &str,
    seq: i64,
    uuid: &str,
    kind: &str,
    at: &str,
    staff_id: Option<i64>,
    payload: &str,
) -> String {
    let mut h = Sha256::new();
    for part in
        [prev_hash, &seq.to_string(), uuid, kind, at, &staff_id.map(|s| s.to_string()).unwrap_or_default(), payload]
    {
        h.update(part.as_bytes());
        h.update([0x1f]); // unit separator: parts cannot run into each other
    }
    hex::encode(h.finalize())
}

/// Appends an event inside the caller's transaction and returns its `seq`.
pub fn append(
    tx: &Transaction<'_>,
    kind: &str,
    payload: &impl Serialize,
    staff_id: Option<i64>,
    at: DateTime<FixedOffset>,
) -> Result<i64> {
    let payload = serde_json::to_string(payload).map_err(|e| StoreError::Bug(format!("journal payload: {e}")))?;
    let last: Option<(i64, String)> = tx
        .prepare_cached("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (seq, prev_hash) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_string()),
    };
    let uuid = Uuid::now_v7().to_string();
    let at = at.to_rfc3339();
    let hash = chain_hash(&prev_hash, seq, &uuid, kind, &at, staff_id, &payload);
    tx.prepare_cached(
        "INSERT INTO journal (seq, uuid, kind, payload, at, staff_id, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![seq, uuid, kind, payload, at, staff_id, prev_hash, hash])?;
    Ok(seq)
}

pub fn events_after(conn: &Connection, after: i64, limit: u32) -> Result<Vec<JournalEvent>> {
    let mut stmt = conn.prepare(
        "SELECT seq, uuid, kind, payload, at, staff_id, prev_hash, hash FROM journal WHERE seq > ?1 ORDER BY seq LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![after, limit], |r| {
        Ok(JournalEvent {
            seq: r.get(0)?,
            uuid: r.get(1)?,
            kind: r.get(2)?,
            payload: r.get(3)?,
            at: r.get(4)?,
            staff_id: r.get(5)?,
            prev_hash: r.get(6)?,
            hash: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Walks the whole chain and lists every place it breaks: an event changed after it was
/// written, a link that does not follow, a missing `seq`. Returns how many events it read.
pub fn verify(conn: &Connection) -> Result<(u64, Vec<ChainError>)> {
    let mut problems = Vec::new();
    let mut expected_prev = GENESIS.to_string();
    let mut expected_seq = 1;
    let mut read = 0;
    loop {
        let batch = events_after(conn, expected_seq - 1, 1000)?;
        if batch.is_empty() {
            return Ok((read, problems));
        }
        for e in batch {
            let after_gap = e.seq != expected_seq;
            if after_gap {
                problems.extend((expected_seq..e.seq).map(|seq| ChainError::Gap { seq }));
            } else if e.prev_hash != expected_prev {
                problems.push(ChainError::Broken { seq: e.seq });
            }
            if chain_hash(&e.prev_hash, e.seq, &e.uuid, &e.kind, &e.at, e.staff_id, &e.payload) != e.hash {
                problems.push(ChainError::Altered { seq: e.seq });
            }
            expected_prev = e.hash;
            expected_seq = e.seq + 1;
            read += 1;
        }
    }
}

impl JournalEvent {
    /// Whether the stored hash is what this event's contents hash to.
    pub fn is_intact(&self) -> bool {
        chain_hash(&self.prev_hash, self.seq, &self.uuid, &self.kind, &self.at, self.staff_id, &self.payload)
            == self.hash
    }
}

/// The last event's `seq` and hash (0 and [`GENESIS`] for an empty journal).
pub fn last(conn: &Connection) -> Result<(i64, String)> {
    Ok(conn
        .prepare_cached("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((0, GENESIS.to_string())))
}

/// The hash of event `seq`, if the journal has it.
pub fn hash_of(conn: &Connection, seq: i64) -> Result<Option<String>> {
    Ok(conn.prepare_cached("SELECT hash FROM journal WHERE seq = ?1")?.query_row([seq], |r| r.get(0)).optional()?)
}
