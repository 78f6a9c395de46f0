//! The audit log a manager reads: the journal's events of a day, narrowed to one person or one
//! kind of event that needs watching (voids, refunds, approvals, drawer opened without a sale,
//! till differences), each with the sale or till session it belongs to.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::Value;

use super::{Result, Store, StoreError};
use crate::domain::Won;

/// Which events to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Watch {
    All,
    Voids,
    Refunds,
    Approvals,
    /// The drawer opened without a sale: a no-sale, a drawer test, a reprint that opened it, a
    /// cash move.
    DrawerOpens,
    TillDifferences,
}

impl Watch {
    pub const ALL: [Watch; 6] =
        [Watch::All, Watch::Voids, Watch::Refunds, Watch::Approvals, Watch::DrawerOpens, Watch::TillDifferences];
}

/// What an entry belongs to, to open it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A sale, refund or void, by its row id.
    Sale(i64),
    /// A till session, by its row id.
    Session(i64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub seq: i64,
    pub at: DateTime<FixedOffset>,
    pub kind: String,
    pub staff: Option<String>,
    /// The money it moved, where it has an amount.
    pub amount: Option<Won>,
    /// For an approval: what was approved (its action name) and by whom.
    pub action: Option<String>,
    pub approved_by: Option<String>,
    /// For a document: its number.
    pub sale_no: Option<u32>,
    pub subject: Option<Subject>,
}

impl Entry {
    fn is(&self, watch: Watch) -> bool {
        let action = self.action.as_deref();
        match watch {
            Watch::All => true,
            Watch::Voids => self.kind == "sale.voided",
            Watch::Refunds => self.kind == "sale.refunded",
            Watch::Approvals => self.kind == "approval",
            Watch::DrawerOpens => {
                matches!(self.kind.as_str(), "drawer.test" | "till.cash_in" | "till.cash_out")
                    || (self.kind == "approval" && matches!(action, Some("no_sale" | "drawer_retry")))
            }
            Watch::TillDifferences => {
                (self.kind == "till.closed" && self.amount.is_some_and(|d| d != Won::ZERO))
                    || self.kind == "till.corrected"
            }
        }
    }
}

fn won(v: &Value) -> Option<Won> {
    v.as_i64().map(Won::new)
}

impl Store {
    /// The events of `date` (by the till's clock), oldest first, that `watch` picks, by `staff`
    /// (a staff row id) if given.
    pub fn audit(&self, date: NaiveDate, staff: Option<i64>, watch: Watch) -> Result<Vec<Entry>> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT j.seq, j.at, j.kind, j.payload, s.name FROM journal j LEFT JOIN staff s ON s.id = j.staff_id
                 WHERE substr(j.at, 1, 10) = ?1 AND (?2 IS NULL OR j.staff_id = ?2) ORDER BY j.seq",
            )?;
            let rows = stmt.query_map(rusqlite::params![date.to_string(), staff], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Vec<u8>>(3)?,
                    r.get(4)?,
                ))
            })?;
            let mut entries = Vec::new();
            for row in rows {
                let (seq, at, kind, payload, staff) = row?;
                let at = DateTime::parse_from_rfc3339(&at)
                    .map_err(|e| StoreError::Unreadable(format!("journal event {seq} has a bad time: {e}")))?;
                let payload = super::journal::packing::unpack(&payload)
                    .map_err(|e| StoreError::Unreadable(format!("journal event {seq}: {e}")))?;
                let payload: Value = serde_json::from_str(&payload)
                    .map_err(|e| StoreError::Unreadable(format!("journal event {seq} cannot be read: {e}")))?;
                let entry = entry(conn, seq, at, kind, staff, &payload)?;
                if entry.is(watch) {
                    entries.push(entry);
                }
            }
            Ok(entries)
        })
    }
}

/// Reads what an event says into an entry, finding the sale or session it belongs to.
fn entry(
    conn: &rusqlite::Connection,
    seq: i64,
    at: DateTime<FixedOffset>,
    kind: String,
    staff: Option<String>,
    payload: &Value,
) -> Result<Entry> {
    use rusqlite::OptionalExtension;
    let staff_name = |uuid: &Value| -> Result<Option<String>> {
        let Some(uuid) = uuid.as_str() else { return Ok(None) };
        Ok(conn.query_row("SELECT name FROM staff WHERE uuid = ?1", [uuid], |r| r.get(0)).optional()?)
    };
    let sale_id = |uuid: &Value| -> Result<Option<i64>> {
        let Some(uuid) = uuid.as_str() else { return Ok(None) };
        Ok(conn.query_row("SELECT id FROM sales WHERE uuid = ?1", [uuid], |r| r.get(0)).optional()?)
    };
    let session_id = |uuid: &Value| -> Result<Option<i64>> {
        let Some(uuid) = uuid.as_str() else { return Ok(None) };
        Ok(conn.query_row("SELECT id FROM till_sessions WHERE uuid = ?1", [uuid], |r| r.get(0)).optional()?)
    };
    let mut e =
        Entry { seq, at, kind, staff, amount: None, action: None, approved_by: None, sale_no: None, subject: None };
    match e.kind.as_str() {
        "sale.committed" | "sale.refunded" | "sale.voided" => {
            e.amount = won(&payload["total"]);
            e.sale_no = payload["sale_no"].as_u64().and_then(|n| u32::try_from(n).ok());
            e.approved_by = payload["approved_by"].as_str().map(str::to_string);
            e.subject = sale_id(&payload["uuid"])?.map(Subject::Sale);
        }
        "approval" => {
            e.amount = won(&payload["amount"]);
            e.action = payload["approval"]["action"].as_str().map(str::to_string);
            e.approved_by = staff_name(&payload["approved_by"])?;
        }
        "till.opened" => {
            e.amount = won(&payload["float"]);
            e.subject = session_id(&payload["uuid"])?.map(Subject::Session);
        }
        "till.closed" => {
            let closed = &payload["session"]["closed"];
            e.amount = won(&closed["counted"]).zip(won(&closed["expected"])).map(|(c, x)| c - x);
            e.subject = session_id(&payload["session"]["uuid"])?.map(Subject::Session);
        }
        "till.corrected" => {
            e.amount = won(&payload["amount"]);
            e.approved_by = staff_name(&payload["approved_by"])?;
            e.subject = session_id(&payload["session"])?.map(Subject::Session);
        }
        "till.cash_in" | "till.cash_out" => {
            e.amount = won(&payload["amount"]);
            e.approved_by = staff_name(&payload["approved_by"])?;
            e.subject = session_id(&payload["session"])?.map(Subject::Session);
        }
        "cart.cancelled" | "cart.parked" | "cart.resumed" => e.amount = won(&payload["total"]),
        "credit.issued" => {
            e.amount = won(&payload["amount"]);
            e.approved_by = staff_name(&payload["approved_by"])?;
        }
        _ => {}
    }
    Ok(e)
}
