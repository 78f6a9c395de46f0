//! The volunteers on the store's roster: who they are, the duties each may take, their phone
//! for the volunteer portal, and whether they still come in.

use chrono::{DateTime, FixedOffset};
use rusqlite::{Row, params};
use uuid::Uuid;

use super::staff::hash_pin;
use super::{Result, Store, journal};
use crate::domain::volunteer::Duty;
use crate::domain::{Phone, Role, StaffMember};

/// A person on the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Volunteer {
    pub member: StaffMember,
    pub phone: Option<Phone>,
    /// Their member ID on the 1365 / VMS portal, when they gave it.
    pub portal_id: Option<String>,
    pub duties: Vec<Duty>,
    pub active: bool,
}

#[derive(Debug, Clone)]
pub struct NewVolunteer {
    pub name: String,
    pub phone: Option<Phone>,
    pub portal_id: Option<String>,
    pub pin: String,
    pub duties: Vec<Duty>,
}

impl Store {
    /// Everyone on the roster, active first, then by name.
    pub fn roster(&self) -> Result<Vec<Volunteer>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, uuid, name, role, phone, portal_id, duties, active FROM staff ORDER BY active DESC, name",
            )?
            .query_map([], volunteer_from_row)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a volunteer to the roster (a manager's doing; journaled). Hashes the PIN: call it
    /// off the UI thread.
    pub fn add_volunteer(
        &mut self,
        new: &NewVolunteer,
        manager: &StaffMember,
        now: DateTime<FixedOffset>,
    ) -> Result<StaffMember> {
        let hash = hash_pin(&new.pin)?;
        self.write(|tx| {
            let uuid = Uuid::now_v7().to_string();
            tx.prepare_cached(
                "INSERT INTO staff (uuid, name, role, pin_hash, phone, portal_id, duties) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                uuid,
                new.name.trim(),
                Role::Volunteer,
                hash,
                new.phone.as_ref().map(|p| p.digits()),
                new.portal_id.as_deref().map(str::trim).filter(|p| !p.is_empty()),
                Duty::list(&new.duties)
            ])?;
            let member = StaffMember { id: tx.last_insert_rowid(), uuid, name: new.name.trim().to_string(), role: Role::Volunteer };
            let payload = serde_json::json!({
                "staff": member.uuid, "name": member.name, "duties": Duty::list(&new.duties), "by": manager.uuid,
            });
            journal::append(tx, "volunteer.added", &payload, Some(manager.id), now)?;
            Ok(member)
        })
    }

    /// Adds many volunteers in one transaction (the demo's roster). Each different PIN is
    /// hashed once.
    pub fn add_volunteers(&mut self, people: &[NewVolunteer], now: DateTime<FixedOffset>) -> Result<Vec<StaffMember>> {
        let mut hashes: Vec<(String, String)> = Vec::new();
        for p in people {
            if !hashes.iter().any(|(pin, _)| pin == &p.pin) {
                hashes.push((p.pin.clone(), hash_pin(&p.pin)?));
            }
        }
        self.write(|tx| {
            let mut added = Vec::new();
            for p in people {
                let hash = &hashes.iter().find(|(pin, _)| pin == &p.pin).expect("hashed above").1;
                let uuid = Uuid::now_v7().to_string();
                tx.prepare_cached(
                    "INSERT INTO staff (uuid, name, role, pin_hash, phone, portal_id, duties) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![
                    uuid,
                    p.name,
                    Role::Volunteer,
                    hash,
                    p.phone.as_ref().map(|x| x.digits()),
                    p.portal_id,
                    Duty::list(&p.duties)
                ])?;
                let member = StaffMember { id: tx.last_insert_rowid(), uuid, name: p.name.clone(), role: Role::Volunteer };
                let payload = serde_json::json!({ "staff": member.uuid, "name": member.name, "duties": Duty::list(&p.duties) });
                journal::append(tx, "volunteer.added", &payload, None, now)?;
                added.push(member);
            }
            Ok(added)
        })
    }

    /// A manager changes a person's name, phone, portal ID or duties, and their PIN when
    /// `new.pin` is not empty (journaled with what changed; never the PIN). Hashes a new PIN:
    /// call it off the UI thread.
    pub fn update_volunteer(
        &mut self,
        staff_id: i64,
        new: &NewVolunteer,
        manager: &StaffMember,
        now: DateTime<FixedOffset>,
    ) -> Result<StaffMember> {
        let hash = if new.pin.is_empty() { None } else { Some(hash_pin(&new.pin)?) };
        self.write(|tx| {
            let before = tx
                .prepare_cached(
                    "SELECT id, uuid, name, role, phone, portal_id, duties, active FROM staff WHERE id = ?1",
                )?
                .query_row([staff_id], volunteer_from_row)?;
            tx.prepare_cached("UPDATE staff SET name = ?1, phone = ?2, portal_id = ?3, duties = ?4 WHERE id = ?5")?
                .execute(params![
                    new.name.trim(),
                    new.phone.as_ref().map(|p| p.digits()),
                    new.portal_id.as_deref().map(str::trim).filter(|p| !p.is_empty()),
                    Duty::list(&new.duties),
                    staff_id
                ])?;
            if let Some(hash) = &hash {
                tx.prepare_cached("UPDATE staff SET pin_hash = ?1, failed_pins = 0 WHERE id = ?2")?
                    .execute(params![hash, staff_id])?;
            }
            let payload = serde_json::json!({
                "staff": before.member.uuid,
                "from": { "name": before.member.name, "duties": Duty::list(&before.duties) },
                "to": { "name": new.name.trim(), "duties": Duty::list(&new.duties) },
                "pin_changed": hash.is_some(),
                "by": manager.uuid,
            });
            journal::append(tx, "volunteer.changed", &payload, Some(manager.id), now)?;
            Ok(StaffMember { name: new.name.trim().to_string(), ..before.member })
        })
    }

    /// Takes a person off the roster or puts them back (journaled). Their shifts stay.
    pub fn set_active(
        &mut self,
        staff_id: i64,
        active: bool,
        manager: &StaffMember,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.write(|tx| {
            let uuid: String = tx.query_row("SELECT uuid FROM staff WHERE id = ?1", [staff_id], |r| r.get(0))?;
            tx.execute("UPDATE staff SET active = ?1 WHERE id = ?2", params![active, staff_id])?;
            let payload = serde_json::json!({ "staff": uuid, "active": active, "by": manager.uuid });
            journal::append(tx, "volunteer.active", &payload, Some(manager.id), now)?;
            Ok(())
        })
    }
}

pub(super) fn volunteer_from_row(r: &Row<'_>) -> rusqlite::Result<Volunteer> {
    let phone: Option<String> = r.get(4)?;
    let duties: String = r.get(6)?;
    let bad = |what: String| rusqlite::Error::FromSqlConversionFailure(6, rusqlite::types::Type::Text, what.into());
    Ok(Volunteer {
        member: StaffMember { id: r.get(0)?, uuid: r.get(1)?, name: r.get(2)?, role: r.get(3)? },
        phone: phone.map(|p| Phone::parse(&p).ok_or_else(|| bad(format!("phone {p}")))).transpose()?,
        portal_id: r.get(5)?,
        duties: Duty::parse_list(&duties).map_err(|d| bad(format!("unknown duty '{d}' in the database")))?,
        active: r.get(7)?,
    })
}
