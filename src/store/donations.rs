//! Donors and donations. A donor is found by phone (any common form, compared as digits) or by
//! a piece of their name through `donor_grams`, an FTS5 index of each name's two- and
//! three-letter pieces, which this module keeps (a Korean given name is two syllables, shorter
//! than SQLite's trigram tokenizer can find). A donation is written once with its accepted lines,
//! its rejections and its value; a manager's change of value is a record of its own. Merging two
//! donors keeps both rows: the merged one points at the one kept, and its history follows.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use uuid::Uuid;

use super::donors::{DONOR_SELECT, Donor, NewDonor, donor_by_id, donor_from_row, grams, insert_donor, name_query};
use super::sql::time;
use super::{Result, Store, StoreError, journal};
use crate::domain::donation::{Accepted, Channel, Rejected};
use crate::domain::{Phone, StaffMember, Won};

/// A donor as a search lists them: with how often and how much they gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DonorMatch {
    pub donor: Donor,
    pub donations: i64,
    pub last: Option<NaiveDate>,
    pub value: Won,
}

#[derive(Debug, Clone)]
pub struct NewDonation<'a> {
    /// `None`: anonymous.
    pub donor: Option<&'a Donor>,
    pub channel: Channel,
    pub accepted: Vec<Accepted>,
    pub rejected: Vec<Rejected>,
    pub bags: u32,
    pub boxes: u32,
    pub grams: Option<u32>,
    pub note: String,
    pub staff: &'a StaffMember,
    pub at: DateTime<FixedOffset>,
}

/// One accepted category of a donation, valued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DonationLine {
    pub category: String,
    pub name_ko: String,
    pub name_en: String,
    pub count: u32,
    pub units: u32,
    pub value: Won,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Donation {
    #[serde(skip)]
    pub id: i64,
    pub uuid: String,
    pub donor: Option<Donor>,
    pub channel: Channel,
    pub business_date: NaiveDate,
    pub at: DateTime<FixedOffset>,
    pub staff_name: String,
    pub bags: u32,
    pub boxes: u32,
    pub grams: Option<u32>,
    pub lines: Vec<DonationLine>,
    pub rejected: Vec<Rejected>,
    /// Worked out at intake.
    pub valued: Won,
    /// What the receipt says now (a manager may have changed it).
    pub value: Won,
    pub note: String,
}

impl Donation {
    pub fn accepted(&self) -> u32 {
        self.lines.iter().map(|l| l.count).sum()
    }

    pub fn rejected_count(&self) -> u32 {
        self.rejected.iter().map(|r| r.count).sum()
    }
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum DonationError {
    #[error("nothing was accepted or turned away")]
    Empty,
    #[error("category {0} is not known")]
    UnknownCategory(String),
    #[error("a donor's name is needed")]
    NoName,
    #[error("a donor cannot be merged into themselves or into a merged donor")]
    BadMerge,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for DonationError {
    fn from(e: rusqlite::Error) -> DonationError {
        DonationError::Store(e.into())
    }
}

/// With what they gave, counting the donors merged into them.
fn with_history(conn: &Connection, donor: Donor) -> Result<DonorMatch> {
    let (donations, last, value): (i64, Option<String>, i64) = conn
        .prepare_cached(&format!(
            "SELECT count(*), max(n.business_date), coalesce(sum({CURRENT_VALUE}), 0) FROM donations n
             WHERE n.donor_id IN (SELECT ?1 UNION ALL SELECT id FROM donors WHERE merged_into = ?1)"
        ))?
        .query_row([donor.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let last =
        last.map(|d| d.parse()).transpose().map_err(|e| StoreError::Unreadable(format!("a donation date: {e}")))?;
    Ok(DonorMatch { donor, donations, last, value: Won::new(value) })
}

/// A donation's value now: the last a manager set, or the one worked out at intake.
const CURRENT_VALUE: &str =
    "coalesce((SELECT v.value FROM donation_values v WHERE v.donation_id = n.id ORDER BY v.id DESC LIMIT 1), n.value)";

fn donation_in(conn: &Connection, id: i64) -> Result<Donation> {
    let head = conn
        .prepare_cached(&format!(
            "SELECT n.uuid, n.donor_id, n.channel, n.business_date, n.at, s.name, n.bags, n.boxes, n.grams, n.value,
                    {CURRENT_VALUE}, n.note
             FROM donations n JOIN staff s ON s.id = n.staff_id WHERE n.id = ?1"
        ))?
        .query_row([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, Channel>(2)?,
                super::sql::date(r, 3)?,
                time(r, 4)?,
                r.get::<_, String>(5)?,
                (r.get::<_, u32>(6)?, r.get::<_, u32>(7)?, r.get::<_, Option<u32>>(8)?),
                (r.get::<_, Won>(9)?, r.get::<_, Won>(10)?),
                r.get::<_, String>(11)?,
            ))
        })?;
    let (uuid, donor_id, channel, business_date, at, staff_name, (bags, boxes, grams), (valued, value), note) = head;
    let donor = match donor_id {
        Some(d) => Some(donor_by_id(conn, d)?),
        None => None,
    };
    let lines = conn
        .prepare_cached(
            "SELECT l.category, c.name_ko, c.name_en, l.count, l.units, l.value FROM donation_lines l
             JOIN categories c ON c.code = l.category WHERE l.donation_id = ?1 ORDER BY l.category",
        )?
        .query_map([id], |r| {
            Ok(DonationLine {
                category: r.get(0)?,
                name_ko: r.get(1)?,
                name_en: r.get(2)?,
                count: r.get(3)?,
                units: r.get(4)?,
                value: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let rejected = conn
        .prepare_cached(
            "SELECT category, count, reason, note FROM donation_rejections WHERE donation_id = ?1 ORDER BY id",
        )?
        .query_map([id], |r| {
            Ok(Rejected { category: r.get(0)?, count: r.get(1)?, reason: r.get(2)?, note: r.get(3)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Donation {
        id,
        uuid,
        donor,
        channel,
        business_date,
        at,
        staff_name,
        bags,
        boxes,
        grams,
        lines,
        rejected,
        valued,
        value,
        note,
    })
}

impl Store {
    /// Donors (not merged away) whose phone is `typed`, or whose name holds what was typed.
    pub fn find_donors(&self, typed: &str, limit: u32) -> Result<Vec<DonorMatch>> {
        let donors = self.lookup_donors(typed, limit)?;
        self.read(|conn| donors.into_iter().map(|d| with_history(conn, d)).collect())
    }

    /// The donors (not merged away) whose phone is `typed`, or whose name holds what was typed:
    /// one indexed statement, no history (what `find_donors` adds for the screen).
    pub fn lookup_donors(&self, typed: &str, limit: u32) -> Result<Vec<Donor>> {
        // No `LIMIT ?` here: a bound LIMIT made this lookup cost almost four times the bare select
        // (measured in benches/donor_search.rs); a phone is shared by a handful of donors at most.
        const BY_PHONE: &str = "SELECT d.id, d.uuid, d.name, d.phone, d.wants_receipt, d.wants_messages FROM donors d
             WHERE d.phone = ?1 AND d.merged_into IS NULL";
        const BY_NAME: &str = "SELECT d.id, d.uuid, d.name, d.phone, d.wants_receipt, d.wants_messages FROM donors d
             WHERE d.id IN (SELECT rowid FROM donor_grams WHERE donor_grams MATCH ?1) AND d.merged_into IS NULL
             ORDER BY d.name LIMIT ?2";
        let mut found = Vec::new();
        if let Some(phone) = Phone::parse(typed) {
            let mut statement = self.conn.prepare_cached(BY_PHONE)?;
            for donor in statement.query_map([phone.digits()], donor_from_row)?.take(limit as usize) {
                found.push(donor?);
            }
        } else if let Some(query) = name_query(typed) {
            let mut statement = self.conn.prepare_cached(BY_NAME)?;
            for donor in statement.query_map(params![query, limit], donor_from_row)? {
                found.push(donor?);
            }
        }
        Ok(found)
    }

    /// The same search done the slow way, for the benchmark to compare with.
    pub fn find_donors_by_like(&self, typed: &str, limit: u32) -> Result<Vec<Donor>> {
        self.read(|conn| {
            Ok(conn
                .prepare_cached(&format!(
                    "{DONOR_SELECT} WHERE d.name LIKE '%' || ?1 || '%' AND d.merged_into IS NULL ORDER BY d.name LIMIT ?2"
                ))?
                .query_map(params![typed, limit], donor_from_row)?
                .collect::<rusqlite::Result<_>>()?)
        })
    }

    pub fn donor(&self, id: i64) -> Result<Option<DonorMatch>> {
        self.read(|conn| {
            let donor = donor_by_id(conn, id).optional()?;
            donor.map(|d| with_history(conn, d)).transpose()
        })
    }

    /// A new donor (journaled).
    pub fn add_donor(
        &mut self,
        new: &NewDonor,
        staff: &StaffMember,
        at: DateTime<FixedOffset>,
    ) -> Result<Donor, DonationError> {
        if new.name.trim().is_empty() {
            return Err(DonationError::NoName);
        }
        let donor = self.write::<_, StoreError>(|tx| {
            let id = insert_donor(tx, new, at)?;
            let donor = donor_by_id(tx, id)?;
            journal::append(tx, "donor.added", &donor, Some(staff.id), at)?;
            Ok(donor)
        })?;
        Ok(donor)
    }

    /// Puts a donor's name, phone or wishes right (journaled with before and after; the name
    /// search follows the new name).
    pub fn update_donor(
        &mut self,
        id: i64,
        new: &NewDonor,
        staff: &StaffMember,
        at: DateTime<FixedOffset>,
    ) -> Result<Donor, DonationError> {
        if new.name.trim().is_empty() {
            return Err(DonationError::NoName);
        }
        let donor = self.write::<_, StoreError>(|tx| {
            let before = donor_by_id(tx, id)?;
            tx.execute(
                "UPDATE donors SET name = ?1, phone = ?2, wants_receipt = ?3, wants_messages = ?4 WHERE id = ?5",
                params![
                    new.name.trim(),
                    new.phone.as_ref().map(Phone::digits),
                    new.wants_receipt,
                    new.wants_messages,
                    id
                ],
            )?;
            tx.execute("UPDATE donor_grams SET grams = ?1 WHERE rowid = ?2", params![grams(&new.name), id])?;
            let after = donor_by_id(tx, id)?;
            journal::append(
                tx,
                "donor.changed",
                &serde_json::json!({ "from": before, "to": after }),
                Some(staff.id),
                at,
            )?;
            Ok(after)
        })?;
        Ok(donor)
    }

    /// Many donors in one transaction (the demo; an import), without a journal event each.
    pub fn add_donors(&mut self, donors: &[NewDonor], at: DateTime<FixedOffset>) -> Result<Vec<i64>> {
        self.write(|tx| donors.iter().map(|d| insert_donor(tx, d, at)).collect())
    }

    /// A manager merges `from` into `into` (the same person twice): `from` stays, pointing at
    /// `into`, and its donations count as `into`'s.
    pub fn merge_donors(
        &mut self,
        from: &Donor,
        into: &Donor,
        approved: &super::Approved,
        at: DateTime<FixedOffset>,
    ) -> Result<(), DonationError> {
        if from.id == into.id {
            return Err(DonationError::BadMerge);
        }
        let manager = approved.manager();
        self.write(|tx| {
            let action = super::Approval::DonorMerge { from: from.uuid.clone(), into: into.uuid.clone() };
            super::approvals::use_up(tx, approved, &action, &at.to_rfc3339())?;
            let target_merged: Option<i64> =
                tx.query_row("SELECT merged_into FROM donors WHERE id = ?1", [into.id], |r| r.get(0))?;
            if target_merged.is_some() {
                return Err(DonationError::BadMerge);
            }
            // Donors merged into `from` before now follow it to `into`.
            tx.execute(
                "UPDATE donors SET merged_into = ?2 WHERE id = ?1 OR merged_into = ?1",
                params![from.id, into.id],
            )?;
            let payload = serde_json::json!({ "from": from.uuid, "into": into.uuid });
            journal::append(tx, "donor.merged", &payload, Some(manager.id), at)?;
            Ok(())
        })
    }

    /// Records a donation, valued from the categories' donation values (journaled).
    pub fn record_donation(&mut self, d: NewDonation<'_>) -> Result<Donation, DonationError> {
        Ok(self.record_donations(std::iter::once(d))?.remove(0))
    }

    /// Several donations in one transaction (the demo's days).
    pub fn record_donations<'a>(
        &mut self,
        donations: impl IntoIterator<Item = NewDonation<'a>>,
    ) -> Result<Vec<Donation>, DonationError> {
        self.write(|tx| {
        let mut recorded = Vec::new();
        for d in donations {
            if d.accepted.iter().all(|a| a.count == 0) && d.rejected.iter().all(|r| r.count == 0) {
                return Err(DonationError::Empty);
            }
            let mut lines = Vec::new();
            for a in d.accepted.iter().filter(|a| a.count > 0) {
                let value: Option<(i64, i64)> = tx
                    .prepare_cached("SELECT donation_value, counting_unit FROM categories WHERE code = ?1")?
                    .query_row([&a.category], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?;
                let (value, unit) = value.ok_or_else(|| DonationError::UnknownCategory(a.category.clone()))?;
                let worth = crate::domain::donation::DonationValue { value: Won::new(value), unit: unit.max(1) as u32 };
                lines.push((a, worth.units(a.count), worth.of(a.count)));
            }
            let value: Won = lines.iter().map(|(_, _, v)| *v).sum();
            tx.execute(
                "INSERT INTO donations (uuid, donor_id, channel, business_date, at, staff_id, bags, boxes, grams, value, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    Uuid::now_v7().to_string(),
                    d.donor.map(|x| x.id),
                    d.channel.as_str(),
                    d.at.date_naive().to_string(),
                    d.at.to_rfc3339(),
                    d.staff.id,
                    d.bags,
                    d.boxes,
                    d.grams,
                    value,
                    d.note
                ],
            )?;
            let id = tx.last_insert_rowid();
            for (a, units, value) in &lines {
                tx.prepare_cached(
                    "INSERT INTO donation_lines (donation_id, category, count, units, value) VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![id, a.category, a.count, units, value])?;
            }
            for r in d.rejected.iter().filter(|r| r.count > 0) {
                if let Some(c) = &r.category {
                    let known: bool =
                        tx.query_row("SELECT count(*) FROM categories WHERE code = ?1", [c], |r| r.get(0))?;
                    if !known {
                        return Err(DonationError::UnknownCategory(c.clone()));
                    }
                }
                tx.prepare_cached(
                    "INSERT INTO donation_rejections (donation_id, category, count, reason, note) VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![id, r.category, r.count, r.reason.as_str(), r.note])?;
            }
            let donation = donation_in(tx, id)?;
            journal::append(tx, "donation.recorded", &donation, Some(d.staff.id), d.at)?;
            recorded.push(donation);
        }
        Ok(recorded)
        })
    }

    /// A manager changes what a donation is worth on the receipt (journaled with both names).
    pub fn change_donation_value(
        &mut self,
        donation: &Donation,
        value: Won,
        reason: &str,
        staff: &StaffMember,
        approved: &super::Approved,
        at: DateTime<FixedOffset>,
    ) -> Result<Donation, DonationError> {
        if value < Won::ZERO {
            return Err(StoreError::Refused("a donation's value is not negative".into()).into());
        }
        let manager = approved.manager();
        Ok(self.write(|tx| {
            let before = donation_in(tx, donation.id)?.value;
            let action = super::Approval::DonationValue { donation: donation.uuid.clone(), from: before, amount: value };
            super::approvals::use_up(tx, approved, &action, &at.to_rfc3339())?;
            tx.execute(
                "INSERT INTO donation_values (donation_id, value, reason, staff_id, approved_by, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![donation.id, value, reason, staff.id, manager.id, at.to_rfc3339()],
            )?;
            let payload = serde_json::json!({
                "donation": donation.uuid, "from": before, "to": value, "reason": reason, "approved_by": manager.uuid,
            });
            journal::append(tx, "donation.value_changed", &payload, Some(staff.id), at)?;
            donation_in(tx, donation.id)
        })?)
    }

    pub fn donation(&self, id: i64) -> Result<Donation> {
        self.read(|conn| donation_in(conn, id))
    }

    /// A donor's donations (and those of donors merged into them), newest first.
    pub fn donations_of(&self, donor: i64) -> Result<Vec<Donation>> {
        self.read(|conn| {
            let ids: Vec<i64> = conn
                .prepare_cached(
                    "SELECT id FROM donations WHERE donor_id = ?1 OR donor_id IN (SELECT id FROM donors WHERE merged_into = ?1)
                     ORDER BY id DESC",
                )?
                .query_map([donor], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids.into_iter().map(|id| donation_in(conn, id)).collect()
        })
    }

    /// Every donation of a day, oldest first.
    pub fn donations_on(&self, date: NaiveDate) -> Result<Vec<Donation>> {
        self.read(|conn| {
            let ids: Vec<i64> = conn
                .prepare_cached("SELECT id FROM donations WHERE business_date = ?1 ORDER BY id")?
                .query_map([date.to_string()], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids.into_iter().map(|id| donation_in(conn, id)).collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_indexed_by_their_short_pieces() {
        assert_eq!(grams("김 민지"), "김민 민지 김민지");
        assert_eq!(name_query("민지").as_deref(), Some("\"민지\""));
        assert_eq!(name_query("김민지").as_deref(), Some("\"김민지\""));
        assert_eq!(name_query("남궁민지").as_deref(), Some("\"남궁민\" AND \"궁민지\""));
        assert_eq!(name_query("김"), None);
        assert_eq!(name_query("a\"b").as_deref(), Some("\"a\"\"b\""));
    }
}
