//! Staff and signing in. PINs are stored only as argon2id hashes. Five wrong PINs in a row lock
//! that person out for a minute; the count and the lock live in the database so restarting the
//! app does not reset them.

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use chrono::{DateTime, Duration, FixedOffset};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::{Result, Store, StoreError, journal};

pub const MAX_WRONG_PINS: u32 = 5;
pub const LOCKOUT: Duration = Duration::seconds(60);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Manager,
    Cashier,
    Volunteer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Manager => "manager",
            Role::Cashier => "cashier",
            Role::Volunteer => "volunteer",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        [Role::Manager, Role::Cashier, Role::Volunteer].into_iter().find(|r| r.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub role: Role,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum SignInError {
    #[error("wrong PIN ({attempts_left} tries left)")]
    WrongPin { attempts_left: u32 },
    #[error("locked until {until}")]
    LockedOut { until: DateTime<FixedOffset> },
    #[error("no such staff member")]
    Unknown,
    #[error("only a manager can approve this")]
    NotAManager,
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub(super) fn hash_pin(pin: &str) -> Result<String> {
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Invalid(format!("cannot hash PIN: {e}")))
}

impl Store {
    /// Active staff, managers first, then by name.
    pub fn staff(&self) -> Result<Vec<StaffMember>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, uuid, name, role FROM staff WHERE active
             ORDER BY CASE role WHEN 'manager' THEN 0 WHEN 'cashier' THEN 1 ELSE 2 END, name",
        )?;
        let rows = stmt.query_map([], |r| {
            let role: String = r.get(3)?;
            Ok(StaffMember {
                id: r.get(0)?,
                uuid: r.get(1)?,
                name: r.get(2)?,
                role: Role::parse(&role).unwrap_or(Role::Volunteer),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// When `staff_id` is locked out, until when.
    pub fn locked_until(&self, staff_id: i64, now: DateTime<FixedOffset>) -> Result<Option<DateTime<FixedOffset>>> {
        let until: Option<String> = self
            .conn
            .query_row("SELECT locked_until FROM staff WHERE id = ?1", [staff_id], |r| r.get(0))
            .optional()?
            .flatten();
        Ok(until.and_then(|u| DateTime::parse_from_rfc3339(&u).ok()).filter(|u| *u > now))
    }

    /// Checks a PIN. Success clears the wrong-PIN count; the fifth wrong PIN in a row locks the
    /// person out for [`LOCKOUT`].
    fn check_pin(&mut self, staff_id: i64, pin: &str, now: DateTime<FixedOffset>) -> Result<StaffMember, SignInError> {
        let member = self.staff()?.into_iter().find(|s| s.id == staff_id).ok_or(SignInError::Unknown)?;
        if let Some(until) = self.locked_until(staff_id, now)? {
            return Err(SignInError::LockedOut { until });
        }
        let (hash, failed): (String, u32) = self
            .conn
            .query_row("SELECT pin_hash, failed_pins FROM staff WHERE id = ?1", [staff_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(StoreError::from)?;
        if Argon2::default().verify_password(pin.as_bytes(), hash.as_str()).is_ok() {
            if failed > 0 {
                self.conn
                    .execute("UPDATE staff SET failed_pins = 0, locked_until = NULL WHERE id = ?1", [staff_id])
                    .map_err(StoreError::from)?;
            }
            return Ok(member);
        }
        let failed = failed + 1;
        if failed >= MAX_WRONG_PINS {
            let until = now + LOCKOUT;
            self.conn
                .execute(
                    "UPDATE staff SET failed_pins = 0, locked_until = ?2 WHERE id = ?1",
                    params![staff_id, until.to_rfc3339()],
                )
                .map_err(StoreError::from)?;
            tracing::warn!(staff = %member.name, "locked out after {MAX_WRONG_PINS} wrong PINs");
            return Err(SignInError::LockedOut { until });
        }
        self.conn
            .execute("UPDATE staff SET failed_pins = ?2 WHERE id = ?1", params![staff_id, failed])
            .map_err(StoreError::from)?;
        Err(SignInError::WrongPin { attempts_left: MAX_WRONG_PINS - failed })
    }

    /// Signs a person in with their PIN (journaled).
    pub fn sign_in(
        &mut self,
        staff_id: i64,
        pin: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<StaffMember, SignInError> {
        let member = self.check_pin(staff_id, pin, now)?;
        let tx = self.conn.transaction().map_err(StoreError::from)?;
        journal::append(&tx, "staff.signed_in", &serde_json::json!({ "staff": member.uuid }), Some(staff_id), now)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(member)
    }

    /// A manager's approval, with their PIN at that moment, to open the drawer without a sale.
    /// The journal keeps who asked and who approved.
    pub fn approve_no_sale(
        &mut self,
        requested_by: &StaffMember,
        manager_id: i64,
        pin: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<StaffMember, SignInError> {
        let manager = self.check_pin(manager_id, pin, now)?;
        if manager.role != Role::Manager {
            return Err(SignInError::NotAManager);
        }
        let tx = self.conn.transaction().map_err(StoreError::from)?;
        let payload = serde_json::json!({ "requested_by": requested_by.uuid, "approved_by": manager.uuid });
        journal::append(&tx, "drawer.no_sale", &payload, Some(requested_by.id), now)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(manager)
    }

    /// A manager opened the drawer from the device settings to test it.
    pub fn record_drawer_test(&mut self, manager: &StaffMember, now: DateTime<FixedOffset>) -> Result<()> {
        let tx = self.conn.transaction()?;
        journal::append(
            &tx,
            "drawer.test",
            &serde_json::json!({ "approved_by": manager.uuid }),
            Some(manager.id),
            now,
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn sign_out(&mut self, member: &StaffMember, now: DateTime<FixedOffset>) -> Result<()> {
        let tx = self.conn.transaction()?;
        journal::append(&tx, "staff.signed_out", &serde_json::json!({ "staff": member.uuid }), Some(member.id), now)?;
        tx.commit()?;
        Ok(())
    }
}
