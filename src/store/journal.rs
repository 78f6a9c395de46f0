//! The journal: an append-only list of business events, each hashed together with the one
//! before it, so that a changed, removed or re-ordered event breaks the chain. Sync uploads it;
//! `nanum check` verifies it; triggers in the schema refuse updates and deletes.
//!
//! Stored compactly (migration 0013): the payload packed ([`packing`]), the uuid and hash as
//! bytes, and `prev_hash` only where an older file's chain did not follow; elsewhere it is the
//! hash of the event before. [`JournalEvent`] is the event as it was hashed and as sync sends it.

pub mod packing;

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
    /// The file's copy of a packing dictionary is not the one its payloads were packed with.
    #[error("the journal's dictionary {id} in the file is not the one Nanum packs with")]
    Dictionary { id: i64 },
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
    hex::encode(chain_digest(prev_hash, seq, uuid, kind, at, staff_id, payload))
}

/// [`chain_hash`] as the 32 bytes the journal stores.
fn chain_digest(
    prev_hash: &str,
    seq: i64,
    uuid: &str,
    kind: &str,
    at: &str,
    staff_id: Option<i64>,
    payload: &str,
) -> [u8; 32] {
    let mut h = Sha256::new();
    for part in
        [prev_hash, &seq.to_string(), uuid, kind, at, &staff_id.map(|s| s.to_string()).unwrap_or_default(), payload]
    {
        h.update(part.as_bytes());
        h.update([0x1f]); // unit separator: parts cannot run into each other
    }
    h.finalize().into()
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
    let (last, prev_hash) = last(tx)?;
    let seq = last + 1;
    let uuid = Uuid::now_v7();
    let at = at.to_rfc3339();
    let hash = chain_digest(&prev_hash, seq, &uuid.to_string(), kind, &at, staff_id, &payload);
    tx.prepare_cached(
        "INSERT INTO journal (seq, uuid, kind, payload, at, staff_id, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![seq, uuid.as_bytes(), kind, packing::pack(&payload)?, at, staff_id, hash.as_slice()])?;
    Ok(seq)
}

/// An event's row as stored, before its payload is unpacked and its bytes are spelled out.
struct Row {
    seq: i64,
    uuid: Vec<u8>,
    kind: String,
    payload: Vec<u8>,
    at: String,
    staff_id: Option<i64>,
    prev_hash: Option<Vec<u8>>,
    hash: Vec<u8>,
}

/// A stored hash as the chain spells it (64 hex digits).
fn hash_text(seq: i64, bytes: &[u8]) -> Result<String> {
    match bytes.len() {
        32 => Ok(hex::encode(bytes)),
        n => Err(StoreError::Unreadable(format!("journal event {seq}: a hash of {n} bytes"))),
    }
}

pub fn events_after(conn: &Connection, after: i64, limit: u32) -> Result<Vec<JournalEvent>> {
    read_after(conn, after, limit, &mut |_, e| Err(e))
}

/// Events after `after`; a payload that cannot be unpacked is given to `unreadable`, which says
/// what to do: stop with an error, or go on with some text (which cannot hash as the event did).
fn read_after(
    conn: &Connection,
    after: i64,
    limit: u32,
    unreadable: &mut dyn FnMut(i64, StoreError) -> Result<String>,
) -> Result<Vec<JournalEvent>> {
    // What the first event chains from: the event before it as stored (a missing one shows as a
    // link that does not follow, which `verify` reports as the gap it is).
    let mut prev: String = conn
        .prepare_cached("SELECT seq, hash FROM journal WHERE seq <= ?1 ORDER BY seq DESC LIMIT 1")?
        .query_row([after], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))
        .optional()?
        .map(|(seq, hash)| hash_text(seq, &hash))
        .transpose()?
        .unwrap_or_else(|| GENESIS.to_string());
    let mut stmt = conn.prepare_cached(
        "SELECT seq, uuid, kind, payload, at, staff_id, prev_hash, hash FROM journal WHERE seq > ?1 ORDER BY seq LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![after, limit], |r| {
        Ok(Row {
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
    let mut events = Vec::new();
    for row in rows {
        let row = row?;
        let uuid = Uuid::from_slice(&row.uuid)
            .map_err(|_| StoreError::Unreadable(format!("journal event {}: its uuid", row.seq)))?;
        let hash = hash_text(row.seq, &row.hash)?;
        let prev_hash = match &row.prev_hash {
            Some(kept) => hash_text(row.seq, kept)?,
            None => prev,
        };
        prev = hash.clone();
        events.push(JournalEvent {
            seq: row.seq,
            uuid: uuid.to_string(),
            kind: row.kind,
            payload: match packing::unpack(&row.payload) {
                Ok(text) => text,
                Err(e) => unreadable(row.seq, StoreError::Unreadable(format!("journal event {}: {e}", row.seq)))?,
            },
            at: row.at,
            staff_id: row.staff_id,
            prev_hash,
            hash,
        });
    }
    Ok(events)
}

/// Walks the whole chain and lists every place it breaks: an event changed after it was
/// written, a link that does not follow, a missing `seq`. Returns how many events it read.
pub fn verify(conn: &Connection) -> Result<(u64, Vec<ChainError>)> {
    let mut problems = Vec::new();
    // Nanum reads payloads with its own copies; the file's are for whoever reads it without.
    let mut kept = conn.prepare("SELECT id, zstd FROM journal_dictionaries ORDER BY id")?;
    for row in kept.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))? {
        let (id, bytes) = row?;
        if packing::dictionary(id) != Some(bytes.as_slice()) {
            problems.push(ChainError::Dictionary { id });
        }
    }
    let mut expected_prev = GENESIS.to_string();
    let mut expected_seq = 1;
    let mut read = 0;
    loop {
        // A payload damaged past unpacking is read as no text, which its hash then reports.
        let batch = read_after(conn, expected_seq - 1, 1000, &mut |_, _| Ok(String::new()))?;
        if batch.is_empty() {
            return Ok((read, problems));
        }
        for e in batch {
            let after_gap = e.seq != expected_seq;
            if after_gap {
                // What the event after a gap chains from is gone with the missing ones, so its
                // own hash cannot be checked: the gap is the finding.
                problems.extend((expected_seq..e.seq).map(|seq| ChainError::Gap { seq }));
            } else if e.prev_hash != expected_prev {
                problems.push(ChainError::Broken { seq: e.seq });
            }
            if !after_gap && !e.is_intact() {
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
    let last: Option<(i64, Vec<u8>)> = conn
        .prepare_cached("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match last {
        Some((seq, hash)) => Ok((seq, hash_text(seq, &hash)?)),
        None => Ok((0, GENESIS.to_string())),
    }
}

/// The hash of event `seq`, if the journal has it.
pub fn hash_of(conn: &Connection, seq: i64) -> Result<Option<String>> {
    let hash: Option<Vec<u8>> =
        conn.prepare_cached("SELECT hash FROM journal WHERE seq = ?1")?.query_row([seq], |r| r.get(0)).optional()?;
    hash.map(|h| hash_text(seq, &h)).transpose()
}
