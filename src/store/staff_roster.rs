//! 직원 관리: the till's cashiers and managers, as a store manager keeps them. A person is added
//! with a PIN they type themselves, set inactive when they leave (never deleted: their sales name
//! them), given a new PIN, or made a manager or a cashier. Every change is journaled with who
//! made it, never with the PIN. The store never loses its last active manager. Volunteers are
//! kept on 봉사 관리 (`volunteers.rs`).

use chrono::{DateTime, FixedOffset};
use rusqlite::{OptionalExtension, params};
use uuid::Uuid;

use super::{Store, StoreError, hash_pin, journal};
use crate::domain::{Pin, Role, StaffMember};

/// A cashier or manager as the roster shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffEntry {
    pub member: StaffMember,
    pub active: bool,
}

#[derive(Debug, Clone)]
pub struct NewStaff {
    pub name: String,
    pub role: Role,
    pub pin: Pin,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum StaffError {
    #[error("only a manager keeps the staff roster")]
    NotAManager,
    #[error("a person needs a name")]
    Name,
    #[error("a PIN is {min} to {max} digits", min = Pin::MIN_LEN, max = Pin::MAX_LEN)]
    Pin,
    #[error("volunteers are kept on the volunteers' roster")]
    Volunteer,
    #[error("the store must keep at least one active manager")]
    LastManager,
    #[error("no such person on the staff roster")]
    NotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for StaffError {
    fn from(e: rusqlite::Error) -> StaffError {
        StaffError::Store(e.into())
    }
}

type Result<T> = std::result::Result<T, StaffError>;

impl Store {
    /// Managers and cashiers, active first, then managers first, then by name.
    pub fn staff_roster(&self) -> std::result::Result<Vec<StaffEntry>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, uuid, name, role, active FROM staff WHERE role IN ('manager', 'cashier')
             ORDER BY active DESC, CASE role WHEN 'manager' THEN 0 ELSE 1 END, name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(StaffEntry {
                member: StaffMember { id: r.get(0)?, uuid: r.get(1)?, name: r.get(2)?, role: r.get(3)? },
                active: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a cashier or a manager. Hashes the PIN: call it off the UI thread.
    pub fn add_staff(&mut self, new: &NewStaff, by: &StaffMember, at: DateTime<FixedOffset>) -> Result<StaffMember> {
        let name = new.name.trim();
        if name.is_empty() {
            return Err(StaffError::Name);
        }
        if new.role == Role::Volunteer {
            return Err(StaffError::Volunteer);
        }
        if new.pin.len() < Pin::MIN_LEN {
            return Err(StaffError::Pin);
        }
        let hash = hash_pin(new.pin.expose())?;
        let mut added = None;
        self.write::<_, StaffError>(|tx| {
            must_manage(tx, by)?;
            let uuid = Uuid::now_v7().to_string();
            tx.execute(
                "INSERT INTO staff (uuid, name, role, pin_hash) VALUES (?1, ?2, ?3, ?4)",
                params![uuid, name, new.role, hash],
            )?;
            let member = StaffMember { id: tx.last_insert_rowid(), uuid, name: name.to_string(), role: new.role };
            let payload =
                serde_json::json!({ "staff": member.uuid, "name": name, "role": new.role.as_str(), "by": by.uuid });
            journal::append(tx, "staff.added", &payload, Some(by.id), at)?;
            added = Some(member);
            Ok(())
        })?;
        added.ok_or(StaffError::NotFound)
    }

    /// Sets a person inactive (they can no longer sign in) or active again.
    pub fn set_staff_active(
        &mut self,
        staff_id: i64,
        active: bool,
        by: &StaffMember,
        at: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.write::<_, StaffError>(|tx| {
            must_manage(tx, by)?;
            let (member, was_active) = roster_member(tx, staff_id)?;
            if was_active == active {
                return Ok(());
            }
            if !active && member.role == Role::Manager {
                last_manager_stays(tx, staff_id)?;
            }
            tx.execute("UPDATE staff SET active = ?2 WHERE id = ?1", params![staff_id, active])?;
            let kind = if active { "staff.activated" } else { "staff.deactivated" };
            journal::append(tx, kind, &serde_json::json!({ "staff": member.uuid, "by": by.uuid }), Some(by.id), at)?;
            Ok(())
        })
    }

    /// Makes a person a manager or a cashier.
    pub fn set_staff_role(
        &mut self,
        staff_id: i64,
        role: Role,
        by: &StaffMember,
        at: DateTime<FixedOffset>,
    ) -> Result<()> {
        if role == Role::Volunteer {
            return Err(StaffError::Volunteer);
        }
        self.write::<_, StaffError>(|tx| {
            must_manage(tx, by)?;
            let (member, active) = roster_member(tx, staff_id)?;
            if member.role == role {
                return Ok(());
            }
            if member.role == Role::Manager && active {
                last_manager_stays(tx, staff_id)?;
            }
            tx.execute("UPDATE staff SET role = ?2 WHERE id = ?1", params![staff_id, role])?;
            let payload = serde_json::json!({
                "staff": member.uuid, "from": member.role.as_str(), "to": role.as_str(), "by": by.uuid,
            });
            journal::append(tx, "staff.role_changed", &payload, Some(by.id), at)?;
            Ok(())
        })
    }

    /// Gives a person the PIN they typed (a forgotten one, a lockout). Clears any lockout.
    /// Hashes the PIN: call it off the UI thread.
    pub fn reset_staff_pin(
        &mut self,
        staff_id: i64,
        pin: &Pin,
        by: &StaffMember,
        at: DateTime<FixedOffset>,
    ) -> Result<()> {
        if pin.len() < Pin::MIN_LEN {
            return Err(StaffError::Pin);
        }
        let hash = hash_pin(pin.expose())?;
        self.write::<_, StaffError>(|tx| {
            must_manage(tx, by)?;
            let (member, _) = roster_member(tx, staff_id)?;
            tx.execute(
                "UPDATE staff SET pin_hash = ?2, failed_pins = 0, lockouts = 0, locked_since = NULL, lock_seconds = NULL,
                     lock_boot_id = NULL, lock_uptime_ms = NULL WHERE id = ?1",
                params![staff_id, hash],
            )?;
            journal::append(tx, "staff.pin_reset", &serde_json::json!({ "staff": member.uuid, "by": by.uuid }), Some(by.id), at)?;
            Ok(())
        })
    }
}

/// Refuses unless `by` is, as the file says now, an active manager (not whatever the caller's
/// copy of them says).
fn must_manage(tx: &rusqlite::Transaction<'_>, by: &StaffMember) -> Result<()> {
    let manages: Option<bool> = tx
        .prepare_cached("SELECT role = 'manager' AND active FROM staff WHERE id = ?1")?
        .query_row([by.id], |r| r.get(0))
        .optional()?;
    if manages == Some(true) { Ok(()) } else { Err(StaffError::NotAManager) }
}

/// A manager or cashier by id, with whether they are active.
fn roster_member(tx: &rusqlite::Transaction<'_>, staff_id: i64) -> Result<(StaffMember, bool)> {
    let found = tx
        .prepare_cached("SELECT id, uuid, name, role, active FROM staff WHERE id = ?1")?
        .query_row([staff_id], |r| {
            Ok((StaffMember { id: r.get(0)?, uuid: r.get(1)?, name: r.get(2)?, role: r.get(3)? }, r.get(4)?))
        })
        .optional()?;
    match found {
        Some((member, _)) if member.role == Role::Volunteer => Err(StaffError::Volunteer),
        Some(found) => Ok(found),
        None => Err(StaffError::NotFound),
    }
}

/// Refuses a change that would leave no active manager but `staff_id`.
fn last_manager_stays(tx: &rusqlite::Transaction<'_>, staff_id: i64) -> Result<()> {
    let others: i64 =
        tx.query_row("SELECT count(*) FROM staff WHERE role = 'manager' AND active AND id != ?1", [staff_id], |r| {
            r.get(0)
        })?;
    if others == 0 { Err(StaffError::LastManager) } else { Ok(()) }
}
