//! Staff and their PINs: signing in, a manager's approval at the till, and lockouts. PINs are
//! stored only as argon2id hashes. Five wrong PINs in a row lock that person out, each further
//! lockout before a right PIN twice as long (`domain::staff`); the count, the lock and the
//! machine's monotonic clock reading at its start live in the database, so neither a restart nor
//! a wall clock set forward ends one. Every lockout and approval is journaled.

use std::sync::Arc;

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use chrono::{DateTime, Duration, FixedOffset};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::approvals::Approved;
use super::sql::Time;
use super::{Result, Store, StoreError, journal};
use crate::domain::staff::{MAX_WRONG_PINS, lockout_length};
use crate::domain::{BootMark, Lockout, Role, StaffMember, Won};

/// Where the store reads the monotonic clock (tests give it one they control).
pub type BootClock = Arc<dyn Fn() -> Option<BootMark> + Send + Sync>;

/// The running Linux machine's boot id and uptime, from `/proc`; `None` elsewhere.
pub fn boot_clock() -> BootClock {
    Arc::new(|| {
        let boot_id = std::fs::read_to_string("/proc/sys/kernel/random/boot_id").ok()?.trim().to_string();
        let uptime = std::fs::read_to_string("/proc/uptime").ok()?;
        let seconds: f64 = uptime.split_whitespace().next()?.parse().ok()?;
        Some(BootMark { boot_id, uptime_ms: (seconds * 1000.0) as i64 })
    })
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum SignInError {
    #[error("wrong PIN ({attempts_left} tries left before a {} minute lock)", next_lock.num_minutes())]
    WrongPin { attempts_left: u32, next_lock: Duration },
    #[error("locked until {until}")]
    LockedOut { until: DateTime<FixedOffset> },
    #[error("no such staff member")]
    Unknown,
    #[error("only a manager can approve this")]
    NotAManager,
    /// A manager was locked out at an approval today already: wrong PINs there no longer count,
    /// so a cashier cannot lock a manager out twice in a day.
    #[error("too many wrong PINs at approvals today")]
    ApprovalTries,
    /// The stored PIN hash is not one argon2 can read (a damaged or hand-edited row): no PIN
    /// can be right, and it is not counted as a wrong one.
    #[error("the stored PIN of {0} cannot be read")]
    UnreadablePin(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Something only a manager may allow, at that moment, at this till. The journal keeps it with
/// who asked and who approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Approval {
    /// Open the drawer without a sale.
    NoSale,
    /// Print again a paper that opens the drawer (a cash sale's receipt whose print failed).
    DrawerRetry { paper: i64, title: String },
    /// A discount over the store's limit.
    Discount { amount: Won, percent: rust_decimal::Decimal },
    /// A price typed on a category key outside that category's price guide.
    Price { category: String, amount: Won, low: Won, high: Won },
    /// Money back: from sale `sale` (`2026-11-25 #0003`), or without a receipt (`None`).
    Refund { sale: Option<String>, amount: Won },
    /// A whole sale undone.
    Void { sale: String, amount: Won },
    /// Cash taken out of the drawer.
    CashOut { amount: Won, reason: String },
    /// A donation's value for the receipt changed, from `from` to `amount`.
    DonationValue { donation: String, from: Won, amount: Won },
    /// Donor `from` merged into donor `into` (the same person registered twice).
    DonorMerge { from: String, into: String },
    /// A price typed at the pricing bench outside the guide's band.
    PriceBand { category: String, amount: Won, suggested: Won },
    /// A closed till's count put right (Z report number `z_no`).
    TillCorrection { z_no: u32, amount: Won, reason: String },
    /// Store credit given outside a refund.
    IssueCredit { amount: Won },
    /// The store file replaced by a backup while `unsynced` records were not at head office.
    Restore { file: String, unsynced: i64 },
}

/// How a document is named in an approval: `2026-11-25 #0003`.
pub fn document_ref(date: chrono::NaiveDate, sale_no: u32) -> String {
    format!("{date} #{sale_no:04}")
}

impl Approval {
    /// Money the action moves, where it has an amount.
    pub fn amount(&self) -> Option<Won> {
        match self {
            Approval::NoSale
            | Approval::DrawerRetry { .. }
            | Approval::DonorMerge { .. }
            | Approval::Restore { .. } => None,
            Approval::Discount { amount, .. }
            | Approval::Price { amount, .. }
            | Approval::Refund { amount, .. }
            | Approval::Void { amount, .. }
            | Approval::CashOut { amount, .. }
            | Approval::TillCorrection { amount, .. }
            | Approval::DonationValue { amount, .. }
            | Approval::PriceBand { amount, .. }
            | Approval::IssueCredit { amount } => Some(*amount),
        }
    }
}

pub fn hash_pin(pin: &str) -> Result<String> {
    hash_with(Argon2::default(), pin)
}

/// A demo store's PIN at argon2's lowest cost. The demo shows its PINs on its login screen, so
/// the hash guards nothing there, and the demo's history checks a PIN at every sign-in and
/// approval: at the full cost that was most of the time five years of it took. Checking reads
/// the cost from the hash, so nothing else changes.
pub(super) fn hash_demo_pin(pin: &str) -> Result<String> {
    let lowest = Params::new(Params::MIN_M_COST, Params::MIN_T_COST, Params::MIN_P_COST, None)
        .map_err(|e| StoreError::Bug(format!("argon2's lowest cost: {e}")))?;
    hash_with(Argon2::new(Algorithm::Argon2id, Version::V0x13, lowest), pin)
}

fn hash_with(argon2: Argon2<'_>, pin: &str) -> Result<String> {
    argon2
        .hash_password(pin.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Bug(format!("cannot hash PIN: {e}")))
}

/// Whether `pin` is the one `hash` was made from (an unreadable hash matches nothing).
pub fn pin_matches(pin: &str, hash: &str) -> bool {
    Argon2::default().verify_password(pin.as_bytes(), hash).is_ok()
}

/// What the staff row says about a person's PIN.
struct PinState {
    hash: String,
    lock: Option<Lockout>,
}

fn pin_state(conn: &rusqlite::Connection, staff_id: i64) -> Result<Option<PinState>> {
    let row = conn
        .prepare_cached(
            "SELECT pin_hash, locked_since, lock_seconds, lock_boot_id, lock_uptime_ms FROM staff WHERE id = ?1",
        )?
        .query_row([staff_id], |r| {
            let since: Option<Time> = r.get(1)?;
            let seconds: Option<i64> = r.get(2)?;
            let boot_id: Option<String> = r.get(3)?;
            let uptime_ms: Option<i64> = r.get(4)?;
            Ok((r.get::<_, String>(0)?, since.map(|t| t.0), seconds, boot_id, uptime_ms))
        })
        .optional()?;
    let Some((hash, since, seconds, boot_id, uptime_ms)) = row else { return Ok(None) };
    let half_written = || StoreError::Unreadable(format!("staff {staff_id} has a lockout with parts missing"));
    let mark = match (boot_id, uptime_ms) {
        (Some(boot_id), Some(uptime_ms)) => Some(BootMark { boot_id, uptime_ms }),
        (None, None) => None,
        _ => return Err(half_written()),
    };
    let lock = match (since, seconds) {
        (Some(since), Some(seconds)) => Some(Lockout { since, length: Duration::seconds(seconds), mark }),
        (None, None) if mark.is_none() => None,
        _ => return Err(half_written()),
    };
    Ok(Some(PinState { hash, lock }))
}

impl Store {
    /// Active staff, managers first, then by name.
    pub fn staff(&self) -> Result<Vec<StaffMember>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, uuid, name, role FROM staff WHERE active
             ORDER BY CASE role WHEN 'manager' THEN 0 WHEN 'cashier' THEN 1 ELSE 2 END, name",
        )?;
        let rows = stmt
            .query_map([], |r| Ok(StaffMember { id: r.get(0)?, uuid: r.get(1)?, name: r.get(2)?, role: r.get(3)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn active_member(&self, staff_id: i64) -> Result<Option<StaffMember>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id, uuid, name, role FROM staff WHERE id = ?1 AND active")?
            .query_row([staff_id], |r| {
                Ok(StaffMember { id: r.get(0)?, uuid: r.get(1)?, name: r.get(2)?, role: r.get(3)? })
            })
            .optional()?)
    }

    /// Uses `clock` for the monotonic clock from now on (tests).
    pub fn set_boot_clock(&mut self, clock: BootClock) {
        self.boot_clock = clock;
    }

    /// When `staff_id` is locked out, until when (as the wall clock at `now` sees it).
    pub fn locked_until(&self, staff_id: i64, now: DateTime<FixedOffset>) -> Result<Option<DateTime<FixedOffset>>> {
        let mark = (self.boot_clock)();
        Ok(pin_state(&self.conn, staff_id)?.and_then(|s| s.lock).and_then(|l| l.until(now, mark.as_ref())))
    }

    /// Checks a PIN. A right one clears the wrong-PIN count and the lockouts in a row; the fifth
    /// wrong one in a row locks the person out (journaled). The hash is checked outside any
    /// transaction, so another writer never waits on argon2.
    pub(super) fn check_pin(
        &mut self,
        staff_id: i64,
        pin: &str,
        now: DateTime<FixedOffset>,
        at_approval: bool,
    ) -> Result<StaffMember, SignInError> {
        let member = self.active_member(staff_id)?.ok_or(SignInError::Unknown)?;
        let state = pin_state(&self.conn, staff_id)?.ok_or(SignInError::Unknown)?;
        let mark = (self.boot_clock)();
        if let Some(until) = state.lock.as_ref().and_then(|l| l.until(now, mark.as_ref())) {
            return Err(SignInError::LockedOut { until });
        }
        let right = match Argon2::default().verify_password(pin.as_bytes(), state.hash.as_str()) {
            Ok(()) => true,
            Err(argon2::password_hash::Error::PasswordInvalid) => false,
            Err(e) => {
                tracing::error!(staff = %member.name, "the stored PIN hash cannot be read: {e}");
                return Err(SignInError::UnreadablePin(member.name));
            }
        };
        let outcome = self.write(|tx| record_attempt(tx, &member, right, now, mark.as_ref(), at_approval))?;
        outcome.map(|()| member)
    }

    /// Signs a person in with their PIN (journaled).
    pub fn sign_in(
        &mut self,
        staff_id: i64,
        pin: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<StaffMember, SignInError> {
        let member = self.check_pin(staff_id, pin, now, false)?;
        self.write(|tx| {
            journal::append(tx, "staff.signed_in", &serde_json::json!({ "staff": member.uuid }), Some(staff_id), now)
        })?;
        Ok(member)
    }

    /// A manager's approval of `action` with their PIN at that moment. A wrong PIN counts toward
    /// that manager's lockout. The journal keeps the action, who asked and who approved.
    pub fn approve(
        &mut self,
        action: &Approval,
        requested_by: &StaffMember,
        manager_id: i64,
        pin: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<Approved, SignInError> {
        let manager = self.check_pin(manager_id, pin, now, true)?;
        if manager.role != Role::Manager {
            return Err(SignInError::NotAManager);
        }
        let id = self.write(|tx| {
            let uuid = uuid::Uuid::now_v7().to_string();
            let payload = serde_json::json!({
                "approval": action,
                "amount": action.amount(),
                "requested_by": requested_by.uuid,
                "approved_by": manager.uuid,
                "id": uuid,
            });
            let seq = journal::append(tx, "approval", &payload, Some(requested_by.id), now)?;
            let action = serde_json::to_string(action).map_err(|e| StoreError::Bug(format!("approval: {e}")))?;
            tx.prepare_cached(
                "INSERT INTO approvals (uuid, action, requested_by, approved_by, journal_seq) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![uuid, action, requested_by.id, manager.id, seq])?;
            Ok::<_, StoreError>(tx.last_insert_rowid())
        })?;
        Ok(Approved::new(id, action.clone(), manager))
    }

    /// A manager opened the drawer from the device settings to try it.
    pub fn record_drawer_test(&mut self, manager: &StaffMember, now: DateTime<FixedOffset>) -> Result<()> {
        self.write(|tx| {
            let payload = serde_json::json!({ "approved_by": manager.uuid });
            journal::append(tx, "drawer.test", &payload, Some(manager.id), now)
        })?;
        Ok(())
    }

    pub fn sign_out(&mut self, member: &StaffMember, now: DateTime<FixedOffset>) -> Result<()> {
        self.write(|tx| {
            journal::append(tx, "staff.signed_out", &serde_json::json!({ "staff": member.uuid }), Some(member.id), now)
        })?;
        Ok(())
    }
}

/// Whether `member` was locked out at an approval on `now`'s day already.
fn locked_at_approval_today(tx: &Transaction<'_>, member: &StaffMember, now: DateTime<FixedOffset>) -> Result<bool> {
    Ok(tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM journal WHERE kind = 'staff.locked_out' AND substr(at, 1, 10) = ?1
                 AND json_extract(payload, '$.staff') = ?2 AND json_extract(payload, '$.at_approval'))",
        )?
        .query_row(params![now.date_naive().to_string(), member.uuid], |r| r.get(0))?)
}

/// Writes what one PIN attempt did to the person's count and lock.
fn record_attempt(
    tx: &Transaction<'_>,
    member: &StaffMember,
    right: bool,
    now: DateTime<FixedOffset>,
    mark: Option<&BootMark>,
    at_approval: bool,
) -> Result<std::result::Result<(), SignInError>> {
    if right {
        tx.prepare_cached(
            "UPDATE staff SET failed_pins = 0, lockouts = 0, locked_since = NULL, lock_seconds = NULL,
                 lock_boot_id = NULL, lock_uptime_ms = NULL
             WHERE id = ?1 AND (failed_pins > 0 OR lockouts > 0 OR locked_since IS NOT NULL)",
        )?
        .execute([member.id])?;
        return Ok(Ok(()));
    }
    // Read again inside the transaction: another till may have counted a wrong PIN meanwhile.
    let (failed, lockouts): (u32, u32) = tx
        .prepare_cached("SELECT failed_pins, lockouts FROM staff WHERE id = ?1")?
        .query_row([member.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let failed = failed + 1;
    if failed >= MAX_WRONG_PINS && at_approval && locked_at_approval_today(tx, member, now)? {
        return Ok(Err(SignInError::ApprovalTries));
    }
    if failed < MAX_WRONG_PINS {
        tx.prepare_cached("UPDATE staff SET failed_pins = ?2 WHERE id = ?1")?.execute(params![member.id, failed])?;
        return Ok(Err(SignInError::WrongPin {
            attempts_left: MAX_WRONG_PINS - failed,
            next_lock: lockout_length(lockouts + 1),
        }));
    }
    let nth = lockouts + 1;
    let length = lockout_length(nth);
    tx.prepare_cached(
        "UPDATE staff SET failed_pins = 0, lockouts = ?2, locked_since = ?3, lock_seconds = ?4,
             lock_boot_id = ?5, lock_uptime_ms = ?6
         WHERE id = ?1",
    )?
    .execute(params![
        member.id,
        nth,
        now.to_rfc3339(),
        length.num_seconds(),
        mark.map(|m| m.boot_id.as_str()),
        mark.map(|m| m.uptime_ms)
    ])?;
    journal::append(
        tx,
        "staff.locked_out",
        &serde_json::json!({
            "staff": member.uuid, "lockout": nth, "minutes": length.num_minutes(), "at_approval": at_approval,
        }),
        Some(member.id),
        now,
    )?;
    tracing::warn!(staff = %member.name, lockout = nth, "locked out after {MAX_WRONG_PINS} wrong PINs");
    Ok(Err(SignInError::LockedOut { until: now + length }))
}
