//! The volunteer roster and shifts. A volunteer signs in for a shift with their PIN at the login
//! screen without becoming the cashier; signing out ends it. A shift nobody ended is closed at
//! the store's closing time and flagged; a manager confirms it or puts its times right (the
//! times before and after are kept with why). Each of these is a journal event in the same
//! transaction.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::Serialize;
use uuid::Uuid;

use super::sql::{Time, date, time};
use super::{Result, SignInError, Store, StoreError, journal};
use crate::domain::StaffMember;
use crate::domain::volunteer::{Duty, Worked, credited_days, forgotten_end, milestone_passed};

/// A shift written whole (the demo's history; later, the roster synced from head office).
#[derive(Debug, Clone)]
pub struct PastShift {
    pub staff_id: i64,
    pub duty: Duty,
    pub started: DateTime<FixedOffset>,
    pub ended: DateTime<FixedOffset>,
    /// Closed by the store at closing time.
    pub flagged: bool,
    /// The manager who confirmed it, and when.
    pub confirmed: Option<(i64, DateTime<FixedOffset>)>,
}

/// One shift as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shift {
    pub id: i64,
    pub uuid: String,
    pub staff_id: i64,
    pub name: String,
    pub duty: Duty,
    pub started: DateTime<FixedOffset>,
    pub ended: Option<DateTime<FixedOffset>>,
    pub day: NaiveDate,
    /// Closed by the store at closing time, or changed by a manager.
    pub flagged: bool,
    pub edited: bool,
    pub confirmed_by: Option<String>,
}

impl Shift {
    /// Whether its hours wait on a manager.
    pub fn needs_confirmation(&self) -> bool {
        self.flagged && self.confirmed_by.is_none()
    }

    pub fn worked(&self) -> Option<Worked> {
        self.ended.map(|end| Worked { start: self.started.naive_local(), end: end.naive_local() })
    }
}

/// Signing in for a shift, and what to greet the volunteer with.
#[derive(Debug, Clone)]
pub struct ShiftStarted {
    pub shift: Shift,
    /// The milestone (hours) their total passed since they last signed in.
    pub milestone: Option<i64>,
    pub total_minutes: i64,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum ShiftError {
    #[error(transparent)]
    SignIn(#[from] SignInError),
    #[error("already signed in since {0}")]
    AlreadyIn(DateTime<FixedOffset>),
    #[error("not signed in")]
    NotIn,
    #[error("{0:?} is not one of this person's duties")]
    NotTheirDuty(Duty),
    #[error("a shift cannot end before it starts")]
    EndsBeforeStart,
    #[error("say why the times change")]
    NoReason,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for ShiftError {
    fn from(e: rusqlite::Error) -> ShiftError {
        ShiftError::Store(e.into())
    }
}

const SHIFT_SELECT: &str = "SELECT h.id, h.uuid, h.staff_id, s.name, h.duty, h.started_at, h.ended_at, h.business_date,
            h.flagged, EXISTS (SELECT 1 FROM shift_edits e WHERE e.shift_id = h.id), m.name
     FROM shifts h JOIN staff s ON s.id = h.staff_id LEFT JOIN staff m ON m.id = h.confirmed_by";

fn shift_from_row(r: &Row<'_>) -> rusqlite::Result<Shift> {
    Ok(Shift {
        id: r.get(0)?,
        uuid: r.get(1)?,
        staff_id: r.get(2)?,
        name: r.get(3)?,
        duty: r.get(4)?,
        started: time(r, 5)?,
        ended: r.get::<_, Option<Time>>(6)?.map(|t| t.0),
        day: date(r, 7)?,
        flagged: r.get(8)?,
        edited: r.get(9)?,
        confirmed_by: r.get(10)?,
    })
}

/// The store's closing time (`closing_time`, `HH:MM`).
pub(super) fn closing_time(conn: &Connection) -> Result<NaiveTime> {
    let text: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = 'closing_time'")?
        .query_row([], |r| r.get(0))
        .optional()?;
    let text = text.ok_or_else(|| StoreError::Unreadable("the store's closing time is not set".into()))?;
    NaiveTime::parse_from_str(&text, "%H:%M").map_err(|_| StoreError::Unreadable(format!("the closing time '{text}'")))
}

fn shifts_where(conn: &Connection, filter: &str, args: impl rusqlite::Params) -> Result<Vec<Shift>> {
    Ok(conn
        .prepare_cached(&format!("{SHIFT_SELECT} WHERE {filter} ORDER BY h.started_at, h.id"))?
        .query_map(args, shift_from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// Minutes credited to `staff_id` over every ended shift.
/// Every ended shift of `staff_id`, as worked.
fn ended_shifts(conn: &Connection, staff_id: i64) -> Result<Vec<Worked>> {
    Ok(shifts_where(conn, "h.staff_id = ?1 AND h.ended_at IS NOT NULL", [staff_id])?
        .iter()
        .filter_map(Shift::worked)
        .collect())
}

/// Minutes credited for `worked`, day by day.
fn credited(worked: &[Worked]) -> i64 {
    credited_days(worked).iter().map(|d| d.credited_minutes).sum()
}

fn end_forgotten(tx: &Transaction<'_>, now: DateTime<FixedOffset>) -> Result<Vec<Shift>> {
    let closing = closing_time(tx)?;
    let mut closed = Vec::new();
    for shift in shifts_where(tx, "h.ended_at IS NULL", [])? {
        let end = forgotten_end(shift.started.naive_local(), closing);
        if end > now.naive_local() {
            continue;
        }
        let Some(end) = end.and_local_timezone(*shift.started.offset()).single() else { continue };
        tx.prepare_cached("UPDATE shifts SET ended_at = ?1, flagged = 1 WHERE id = ?2")?
            .execute(params![end.to_rfc3339(), shift.id])?;
        journal::append(
            tx,
            "shift.closed_by_store",
            &serde_json::json!({ "shift": shift.uuid, "ended_at": end.to_rfc3339() }),
            Some(shift.staff_id),
            now,
        )?;
        closed.push(Shift { ended: Some(end), flagged: true, ..shift });
    }
    Ok(closed)
}

impl Store {
    /// Writes whole shifts in one transaction, each with its journal event.
    pub fn record_shifts(&mut self, shifts: &[PastShift]) -> Result<()> {
        self.write(|tx| {
            for s in shifts {
                let uuid = Uuid::now_v7().to_string();
                tx.prepare_cached(
                    "INSERT INTO shifts (uuid, staff_id, duty, started_at, ended_at, business_date, flagged, confirmed_by, confirmed_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )?
                .execute(params![
                    uuid,
                    s.staff_id,
                    s.duty,
                    s.started.to_rfc3339(),
                    s.ended.to_rfc3339(),
                    s.started.date_naive().to_string(),
                    s.flagged,
                    s.confirmed.map(|c| c.0),
                    s.confirmed.map(|c| c.1.to_rfc3339())
                ])?;
                let payload = serde_json::json!({
                    "shift": uuid, "duty": s.duty, "started_at": s.started.to_rfc3339(), "ended_at": s.ended.to_rfc3339(),
                    "flagged": s.flagged,
                });
                journal::append(tx, "shift.recorded", &payload, Some(s.staff_id), s.ended)?;
            }
            Ok(())
        })
    }

    /// When the store closes (shifts nobody ended end then).
    pub fn closing_time(&self) -> Result<NaiveTime> {
        closing_time(&self.conn)
    }

    /// Who is signed in for a shift now.
    pub fn here_now(&self) -> Result<Vec<Shift>> {
        shifts_where(&self.conn, "h.ended_at IS NULL", [])
    }

    /// Shifts started on the days `from` to `to`.
    pub fn shifts_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Shift>> {
        shifts_where(&self.conn, "h.business_date BETWEEN ?1 AND ?2", [from.to_string(), to.to_string()])
    }

    /// Shifts closed by the store or otherwise flagged that no manager has confirmed.
    pub fn shifts_to_confirm(&self) -> Result<Vec<Shift>> {
        shifts_where(&self.conn, "h.flagged AND h.confirmed_by IS NULL", [])
    }

    /// Minutes credited to a person over all their ended shifts.
    pub fn credited_minutes(&self, staff_id: i64) -> Result<i64> {
        Ok(credited(&ended_shifts(&self.conn, staff_id)?))
    }

    /// Closes the shifts nobody ended once their closing time has passed, flagged (journaled).
    pub fn close_forgotten_shifts(&mut self, now: DateTime<FixedOffset>) -> Result<Vec<Shift>> {
        self.write(|tx| end_forgotten(tx, now))
    }

    /// Starts a shift for `staff_id` doing `duty`, after their PIN. Shifts left open past a
    /// closing time are closed first, so a forgotten one never blocks the next day.
    pub fn start_shift(
        &mut self,
        staff_id: i64,
        pin: &str,
        duty: Duty,
        now: DateTime<FixedOffset>,
    ) -> std::result::Result<ShiftStarted, ShiftError> {
        let member = self.check_pin(staff_id, pin, now, false)?;
        let roster = self.roster()?;
        let me = roster.iter().find(|v| v.member.id == member.id).ok_or(SignInError::Unknown)?;
        if !me.duties.contains(&duty) {
            return Err(ShiftError::NotTheirDuty(duty));
        }
        self.write(|tx| end_forgotten(tx, now).map(|_| ()))?;
        if let Some(open) = shifts_where(&self.conn, "h.ended_at IS NULL AND h.staff_id = ?1", [member.id])?.pop() {
            return Err(ShiftError::AlreadyIn(open.started));
        }
        // The total now, against the total before their last shift: a milestone passed in between
        // is greeted now, once.
        let ended = ended_shifts(&self.conn, member.id)?;
        let total = credited(&ended);
        let latest = ended.iter().map(|w| w.start).max();
        let before_last = credited(&ended.iter().copied().filter(|w| Some(w.start) < latest).collect::<Vec<_>>());
        let shift = self.write::<_, StoreError>(|tx| {
            let uuid = Uuid::now_v7().to_string();
            tx.prepare_cached(
                "INSERT INTO shifts (uuid, staff_id, duty, started_at, business_date) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![uuid, member.id, duty, now.to_rfc3339(), now.date_naive().to_string()])?;
            let id = tx.last_insert_rowid();
            let payload = serde_json::json!({ "shift": uuid, "staff": member.uuid, "duty": duty });
            journal::append(tx, "shift.started", &payload, Some(member.id), now)?;
            Ok(shifts_where(tx, "h.id = ?1", [id])?.remove(0))
        })?;
        Ok(ShiftStarted { shift, milestone: milestone_passed(before_last, total), total_minutes: total })
    }

    /// Ends `staff_id`'s open shift, after their PIN.
    pub fn end_shift(
        &mut self,
        staff_id: i64,
        pin: &str,
        now: DateTime<FixedOffset>,
    ) -> std::result::Result<Shift, ShiftError> {
        let member = self.check_pin(staff_id, pin, now, false)?;
        self.write(|tx| end_forgotten(tx, now).map(|_| ()))?;
        let open = shifts_where(&self.conn, "h.ended_at IS NULL AND h.staff_id = ?1", [member.id])?.pop();
        let open = open.ok_or(ShiftError::NotIn)?;
        Ok(self.write::<_, StoreError>(|tx| {
            tx.prepare_cached("UPDATE shifts SET ended_at = ?1 WHERE id = ?2")?
                .execute(params![now.to_rfc3339(), open.id])?;
            journal::append(tx, "shift.ended", &serde_json::json!({ "shift": open.uuid }), Some(member.id), now)?;
            Ok(shifts_where(tx, "h.id = ?1", [open.id])?.remove(0))
        })?)
    }

    /// A manager confirms a flagged shift's times as they are (journaled).
    pub fn confirm_shift(&mut self, shift_id: i64, manager: &StaffMember, now: DateTime<FixedOffset>) -> Result<Shift> {
        self.write(|tx| {
            let confirmed = tx
                .prepare_cached(
                    "UPDATE shifts SET confirmed_by = ?1, confirmed_at = ?2
                     WHERE id = ?3 AND ended_at IS NOT NULL AND confirmed_by IS NULL",
                )?
                .execute(params![manager.id, now.to_rfc3339(), shift_id])?;
            if confirmed == 0 {
                return Err(StoreError::Refused(format!("shift {shift_id} is not one waiting to be confirmed")));
            }
            let shift = shifts_where(tx, "h.id = ?1", [shift_id])?
                .pop()
                .ok_or_else(|| StoreError::Refused(format!("no shift {shift_id}")))?;
            let payload = serde_json::json!({ "shift": shift.uuid, "by": manager.uuid });
            journal::append(tx, "shift.confirmed", &payload, Some(manager.id), now)?;
            Ok(shift)
        })
    }

    /// A manager puts a shift's times right, saying why: the times before and after are kept,
    /// and the shift counts as confirmed by that manager (journaled).
    pub fn edit_shift(
        &mut self,
        shift_id: i64,
        started: DateTime<FixedOffset>,
        ended: DateTime<FixedOffset>,
        reason: &str,
        manager: &StaffMember,
        now: DateTime<FixedOffset>,
    ) -> std::result::Result<Shift, ShiftError> {
        if ended < started {
            return Err(ShiftError::EndsBeforeStart);
        }
        if reason.trim().is_empty() {
            return Err(ShiftError::NoReason);
        }
        Ok(self.write::<_, StoreError>(|tx| {
            let before = shifts_where(tx, "h.id = ?1", [shift_id])?.pop().ok_or_else(|| StoreError::Refused(format!("no shift {shift_id}")))?;
            tx.prepare_cached(
                "INSERT INTO shift_edits (shift_id, started_from, ended_from, started_to, ended_to, reason, manager_id, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                shift_id,
                before.started.to_rfc3339(),
                before.ended.map(|e| e.to_rfc3339()),
                started.to_rfc3339(),
                ended.to_rfc3339(),
                reason.trim(),
                manager.id,
                now.to_rfc3339()
            ])?;
            tx.prepare_cached(
                "UPDATE shifts SET started_at = ?1, ended_at = ?2, business_date = ?3, confirmed_by = ?4,
                     confirmed_at = ?5 WHERE id = ?6",
            )?
            .execute(params![
                started.to_rfc3339(),
                ended.to_rfc3339(),
                started.date_naive().to_string(),
                manager.id,
                now.to_rfc3339(),
                shift_id
            ])?;
            let payload = serde_json::json!({
                "shift": before.uuid,
                "from": [before.started.to_rfc3339(), before.ended.map(|e| e.to_rfc3339())],
                "to": [started.to_rfc3339(), ended.to_rfc3339()],
                "reason": reason.trim(),
                "by": manager.uuid,
            });
            journal::append(tx, "shift.edited", &payload, Some(manager.id), now)?;
            Ok(shifts_where(tx, "h.id = ?1", [shift_id])?.remove(0))
        })?)
    }
}
