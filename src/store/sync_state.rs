//! The store's side of sync: how many events head office has not acknowledged yet, when the last
//! good sync was, and applying head office's reference data in one transaction.

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{Result, Store, StoreError, journal};
use crate::domain::Role;
use crate::domain::reference::{Reference, check_setting};

/// What the status bar shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncStatus {
    /// Events written since the last one head office acknowledged.
    pub unsynced: i64,
    pub acked_seq: i64,
    pub acked_hash: String,
    pub last_good_sync: Option<DateTime<FixedOffset>>,
    pub reference_version: i64,
}

pub(super) fn status(conn: &Connection) -> Result<SyncStatus> {
    let (acked_seq, acked_hash, last, reference_version): (i64, String, Option<String>, i64) = conn
        .prepare_cached("SELECT acked_seq, acked_hash, last_good_sync, reference_version FROM sync_state WHERE id = 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    let last_good_sync = last
        .map(|t| {
            DateTime::parse_from_rfc3339(&t)
                .map_err(|_| StoreError::Unreadable(format!("the last sync time '{t}' is not a time")))
        })
        .transpose()?;
    let (last_seq, _) = journal::last(conn)?;
    Ok(SyncStatus { unsynced: (last_seq - acked_seq).max(0), acked_seq, acked_hash, last_good_sync, reference_version })
}

impl Store {
    pub fn sync_status(&self) -> Result<SyncStatus> {
        self.read(status)
    }

    /// Up to `limit` journal events after `seq`, oldest first.
    pub fn events_after(&self, seq: i64, limit: u32) -> Result<Vec<journal::JournalEvent>> {
        journal::events_after(&self.conn, seq, limit)
    }

    /// Head office holds every event up to `seq`. Refused if this file's event `seq` is not the
    /// one head office has (`hash` differs): the file was replaced since.
    pub fn record_ack(&mut self, seq: i64, hash: &str) -> Result<()> {
        self.write(|tx| {
            let ours = if seq == 0 { Some(journal::GENESIS.to_string()) } else { journal::hash_of(tx, seq)? };
            if ours.as_deref() != Some(hash) {
                return Err(StoreError::FromHeadOffice(format!(
                    "head office holds event {seq} with a different content than this store file"
                )));
            }
            tx.prepare_cached(
                "UPDATE sync_state SET acked_seq = ?1, acked_hash = ?2 WHERE id = 1 AND acked_seq <= ?1",
            )?
            .execute(params![seq, hash])?;
            Ok(())
        })
    }

    pub fn record_good_sync(&mut self, at: DateTime<FixedOffset>) -> Result<()> {
        self.write(|tx| {
            tx.execute("UPDATE sync_state SET last_good_sync = ?1 WHERE id = 1", [at.to_rfc3339()])?;
            Ok(())
        })
    }

    /// Applies head office's reference data in one transaction (all of it or none), journaled.
    /// Sections head office never set are left as they are; rows are added or changed, never
    /// deleted (sales and tags refer to them), and a category or person head office leaves out
    /// stays as it is.
    /// Head office's word on a person wins: what it changed about the store's people is
    /// returned, so the manager is told.
    pub fn apply_reference(&mut self, reference: &Reference, at: DateTime<FixedOffset>) -> Result<Vec<StaffNews>> {
        let mut news = Vec::new();
        self.write::<_, StoreError>(|tx| {
            news = apply(tx, reference)?;
            tx.execute("UPDATE sync_state SET reference_version = ?1 WHERE id = 1", [reference.version])?;
            journal::append(tx, "reference.applied", &serde_json::json!({ "version": reference.version }), None, at)?;
            Ok(())
        })?;
        // What this connection keeps in memory, read again as any other change is.
        self.refresh()?;
        Ok(news)
    }
}

/// One thing head office changed about one of the store's people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffNews {
    pub name: String,
    pub change: StaffChange,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffChange {
    Added(Role),
    Renamed {
        from: String,
    },
    Role {
        from: Role,
        to: Role,
    },
    Active(bool),
    NewPin,
    /// Someone new at this till whose PIN head office does not hold (it was set at another
    /// till): they cannot sign in here until a manager gives them one in 직원 관리.
    NoPin,
}

/// The store's people as head office sends them: each is added or updated; the PIN hash is kept
/// when head office sends none.
fn apply_staff(tx: &Transaction<'_>, staff: &[crate::domain::reference::RefStaff]) -> Result<Vec<StaffNews>> {
    let mut news = Vec::new();
    for s in staff {
        let Some(role) = Role::parse(&s.role) else {
            return Err(StoreError::FromHeadOffice(format!(
                "head office sent an unknown role '{}' for {}",
                s.role, s.name
            )));
        };
        let said = |change| StaffNews { name: s.name.clone(), change };
        let before: Option<(String, Role, String, bool)> = tx
            .prepare_cached("SELECT name, role, pin_hash, active FROM staff WHERE uuid = ?1")?
            .query_row([&s.uuid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?;
        match &before {
            None if s.pin_hash.is_none() => news.push(said(StaffChange::NoPin)),
            None => news.push(said(StaffChange::Added(role))),
            Some((name, was, hash, active)) => {
                if *name != s.name {
                    news.push(said(StaffChange::Renamed { from: name.clone() }));
                }
                if *was != role {
                    news.push(said(StaffChange::Role { from: *was, to: role }));
                }
                if *active != s.active {
                    news.push(said(StaffChange::Active(s.active)));
                }
                if s.pin_hash.as_ref().is_some_and(|h| h != hash) {
                    news.push(said(StaffChange::NewPin));
                }
            }
        }
        tx.execute(
            // No hash for someone new: an empty one, which signing in reports as a PIN a manager
            // must set again (never a PIN that works).
            "INSERT INTO staff (uuid, name, role, pin_hash, active) VALUES (?1, ?2, ?3, COALESCE(?4, ''), ?5)
             ON CONFLICT (uuid) DO UPDATE SET name = excluded.name, role = excluded.role,
                 pin_hash = COALESCE(?4, staff.pin_hash), active = excluded.active",
            params![s.uuid, s.name, role, s.pin_hash, s.active],
        )?;
    }
    Ok(news)
}

fn apply(tx: &Transaction<'_>, r: &Reference) -> Result<Vec<StaffNews>> {
    for t in r.tax_classes.iter().flatten() {
        tx.execute(
            "INSERT INTO tax_classes (code, name_ko, name_en, rate_percent) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (code) DO UPDATE SET name_ko = excluded.name_ko, name_en = excluded.name_en,
                 rate_percent = excluded.rate_percent",
            params![t.code, t.name_ko, t.name_en, t.rate_percent.normalize().to_string()],
        )?;
    }
    for c in r.categories.iter().flatten() {
        tx.execute(
            "INSERT INTO categories (code, name_ko, name_en, tax_class, key_position, donation_value, counting_unit, active)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (code) DO UPDATE SET name_ko = excluded.name_ko, name_en = excluded.name_en,
                 tax_class = excluded.tax_class, key_position = excluded.key_position,
                 donation_value = excluded.donation_value, counting_unit = excluded.counting_unit,
                 active = excluded.active",
            params![c.code, c.name_ko, c.name_en, c.tax_class, c.key_position, c.donation_value, c.counting_unit, c.active],
        )?;
        for (condition, price) in [("like_new", c.like_new), ("good", c.good), ("fair", c.fair)] {
            tx.execute(
                "INSERT INTO price_guide (category, condition, price) VALUES (?1, ?2, ?3)
                 ON CONFLICT (category, condition) DO UPDATE SET price = excluded.price",
                params![c.code, condition, price],
            )?;
        }
    }
    for c in r.colours.iter().flatten() {
        tx.execute(
            "INSERT INTO tag_colours (position, key, name_ko, name_en, rgb) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (position) DO UPDATE SET key = excluded.key, name_ko = excluded.name_ko,
                 name_en = excluded.name_en, rgb = excluded.rgb",
            params![c.position, c.key, c.name_ko, c.name_en, c.rgb],
        )?;
    }
    if let Some(steps) = &r.markdowns {
        // The markdown steps are one rule: replaced whole.
        tx.execute("DELETE FROM markdown_steps", [])?;
        for s in steps {
            tx.execute(
                "INSERT INTO markdown_steps (from_week, percent_off, pull) VALUES (?1, ?2, ?3)",
                params![s.from_week, s.percent_off.normalize().to_string(), s.pull],
            )?;
        }
    }
    let news = apply_staff(tx, r.staff.as_deref().unwrap_or_default())?;
    for s in r.settings.iter().flatten() {
        check_setting(&s.key, &s.value)
            .map_err(|why| StoreError::FromHeadOffice(format!("head office sent a setting: {why}")))?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![s.key, s.value],
        )?;
    }
    Ok(news)
}
