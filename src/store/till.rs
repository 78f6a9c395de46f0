//! Till sessions: a till is opened with a counted float, money goes in and out of the drawer
//! with a reason, and it is closed with a count by denomination against the cash it should
//! hold. Everything a session's report says (the X report at any time, the Z report at close)
//! is read from the documents and cash moves themselves, so it always agrees with the journal.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use uuid::Uuid;

use super::approvals::{Approved, use_up};
use super::carts::TillId;
use super::sql::time;
use super::staff::Approval;
use super::{Result, Store, StoreError, journal};
use crate::domain::till::{CashFigures, Count, MoveKind};
use crate::domain::{StaffMember, Won};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TillSession {
    /// Private to the store, so only the store makes a session (from its row): a document
    /// cannot name a session that was never opened.
    #[serde(skip)]
    pub(super) id: i64,
    pub uuid: String,
    pub till: String,
    pub business_date: NaiveDate,
    pub opened_at: DateTime<FixedOffset>,
    pub opened_by: String,
    pub float: Won,
    pub float_counts: Count,
    pub closed: Option<Closed>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Closed {
    pub at: DateTime<FixedOffset>,
    pub by: String,
    pub expected: Won,
    pub counted: Won,
    pub counts: Count,
    pub kept: Won,
    pub blind: bool,
    pub z_no: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CashMove {
    pub kind: MoveKind,
    pub amount: Won,
    pub reason: String,
    pub staff: String,
    pub approved_by: Option<String>,
    pub at: DateTime<FixedOffset>,
}

/// What a session's X or Z report says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionReport {
    pub session: TillSession,
    pub cash: CashFigures,
    /// Card and store credit taken on sales, less what went back on refunds and voids.
    pub card: Won,
    pub credit: Won,
    pub sales: i64,
    pub refunds: i64,
    pub voids: i64,
    /// Goods sold, net of refunds and voids (the store's takings, without donations).
    pub goods: Won,
    pub donations: Won,
    pub discounts: Won,
    pub cash_receipts: i64,
    pub moves: Vec<CashMove>,
    /// Corrections to the closed count, oldest first.
    pub corrections: Vec<Correction>,
}

/// A closed count put right later, with a manager's approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Correction {
    pub amount: Won,
    pub reason: String,
    pub staff: String,
    pub approved_by: String,
    pub at: DateTime<FixedOffset>,
}

impl SessionReport {
    /// The count with any corrections, once closed.
    pub fn counted(&self) -> Option<Won> {
        let corrected: Won = self.corrections.iter().map(|c| c.amount).sum();
        self.session.closed.as_ref().map(|c| c.counted + corrected)
    }

    /// Counted (with corrections) less expected, once closed.
    pub fn difference(&self) -> Option<Won> {
        self.session.closed.as_ref().zip(self.counted()).map(|(c, counted)| counted - c.expected)
    }
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum TillError {
    #[error("till {0} is already open")]
    AlreadyOpen(String),
    #[error("the till session is already closed")]
    AlreadyClosed,
    #[error("more is kept in the drawer than was counted")]
    KeptTooMuch,
    #[error("only a closed till session can be corrected")]
    NotClosed,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for TillError {
    fn from(e: rusqlite::Error) -> TillError {
        TillError::Store(e.into())
    }
}

impl TillSession {
    /// Its row in the store file (for its X report).
    pub fn id(&self) -> i64 {
        self.id
    }
}

/// Refuses a document (a sale, refund, void, cash move or voucher) for a till session that is
/// not open now: closed meanwhile, perhaps on another till sharing the file. Checked inside the
/// document's own transaction; the schema refuses the same (migration 0010).
pub(super) fn require_open(tx: &Transaction<'_>, session: &TillSession) -> Result<()> {
    let open: Option<bool> = tx
        .prepare_cached("SELECT closed_at IS NULL FROM till_sessions WHERE id = ?1 AND uuid = ?2")?
        .query_row(params![session.id, session.uuid], |r| r.get(0))
        .optional()?;
    match open {
        Some(true) => Ok(()),
        _ => Err(StoreError::TillNotOpen { till: session.till.clone() }),
    }
}

const SESSION_SELECT: &str =
    "SELECT s.id, s.uuid, s.till, s.business_date, s.opened_at, o.name, s.float, s.float_counts,
        s.closed_at, c.name, s.expected, s.counted, s.counted_counts, s.kept, s.blind, s.z_no
     FROM till_sessions s JOIN staff o ON o.id = s.opened_by LEFT JOIN staff c ON c.id = s.closed_by";

fn counts(json: &str) -> rusqlite::Result<Count> {
    serde_json::from_str(json)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

fn session_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TillSession> {
    let closed_at: Option<super::sql::Time> = r.get(8)?;
    let closed = match closed_at {
        Some(at) => Some(Closed {
            at: at.0,
            by: r.get::<_, Option<String>>(9)?.unwrap_or_default(),
            expected: r.get(10)?,
            counted: r.get(11)?,
            counts: counts(&r.get::<_, String>(12)?)?,
            kept: r.get(13)?,
            blind: r.get(14)?,
            z_no: r.get(15)?,
        }),
        None => None,
    };
    Ok(TillSession {
        id: r.get(0)?,
        uuid: r.get(1)?,
        till: r.get(2)?,
        business_date: super::sql::date(r, 3)?,
        opened_at: time(r, 4)?,
        opened_by: r.get(5)?,
        float: r.get(6)?,
        float_counts: counts(&r.get::<_, String>(7)?)?,
        closed,
    })
}

fn session_by_id(conn: &Connection, id: i64) -> Result<TillSession> {
    Ok(conn.prepare_cached(&format!("{SESSION_SELECT} WHERE s.id = ?1"))?.query_row([id], session_from_row)?)
}

/// A session's figures, read from its documents and cash moves.
pub(super) fn report(conn: &Connection, session: TillSession) -> Result<SessionReport> {
    let id = session.id;
    let tender = |kind: &str, docs: &str| -> Result<Won> {
        Ok(conn
            .prepare_cached(&format!(
                "SELECT coalesce(sum(t.amount), 0) FROM tenders t JOIN sales s ON s.id = t.sale_id
                 WHERE s.session_id = ?1 AND t.kind = ?2 AND s.kind IN ({docs})"
            ))?
            .query_row(params![id, kind], |r| r.get(0))?)
    };
    let (sales, refunds, voids, cash_receipts): (i64, i64, i64, i64) = conn
        .prepare_cached(
            "SELECT count(*) FILTER (WHERE kind = 'sale'), count(*) FILTER (WHERE kind = 'refund'),
                    count(*) FILTER (WHERE kind = 'void'), count(*) FILTER (WHERE kind = 'sale' AND cash_receipt IS NOT NULL)
             FROM sales WHERE session_id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    let (goods, donations, discounts): (Won, Won, Won) = conn
        .prepare_cached(
            "SELECT coalesce(sum(l.amount) FILTER (WHERE l.kind != 'donation'), 0),
                    coalesce(sum(l.amount) FILTER (WHERE l.kind = 'donation'), 0),
                    coalesce(sum(l.discount), 0)
             FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE s.session_id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let moves = conn
        .prepare_cached(
            "SELECT m.kind, m.amount, m.reason, s.name, a.name, m.at FROM cash_moves m
             JOIN staff s ON s.id = m.staff_id LEFT JOIN staff a ON a.id = m.approved_by
             WHERE m.session_id = ?1 ORDER BY m.id",
        )?
        .query_map([id], |r| {
            let kind: String = r.get(0)?;
            Ok(CashMove {
                kind: MoveKind::parse(&kind).ok_or_else(|| {
                    rusqlite::Error::FromSqlConversionFailure(
                        0,
                        rusqlite::types::Type::Text,
                        format!("cash move {kind}").into(),
                    )
                })?,
                amount: r.get(1)?,
                reason: r.get(2)?,
                staff: r.get(3)?,
                approved_by: r.get(4)?,
                at: time(r, 5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let corrections = conn
        .prepare_cached(
            "SELECT c.amount, c.reason, s.name, a.name, c.at FROM till_corrections c
             JOIN staff s ON s.id = c.staff_id JOIN staff a ON a.id = c.approved_by
             WHERE c.session_id = ?1 ORDER BY c.id",
        )?
        .query_map([id], |r| {
            Ok(Correction {
                amount: r.get(0)?,
                reason: r.get(1)?,
                staff: r.get(2)?,
                approved_by: r.get(3)?,
                at: time(r, 4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let moved = |kind: MoveKind| moves.iter().filter(|m| m.kind == kind).map(|m| m.amount).sum();
    let cash = CashFigures {
        float: session.float,
        cash_sales: tender("cash", "'sale'")?,
        cash_refunds: -tender("cash", "'refund', 'void'")?,
        cash_in: moved(MoveKind::In),
        cash_out: moved(MoveKind::Out),
    };
    Ok(SessionReport {
        cash,
        card: tender("card", "'sale', 'refund', 'void'")?,
        credit: tender("store_credit", "'sale', 'refund', 'void'")?,
        sales,
        refunds,
        voids,
        goods,
        donations,
        discounts,
        cash_receipts,
        moves,
        corrections,
        session,
    })
}

impl Store {
    /// The till's open session, if it is open.
    pub fn current_session(&self, till: &TillId) -> Result<Option<TillSession>> {
        Ok(self
            .conn
            .prepare_cached(&format!("{SESSION_SELECT} WHERE s.till = ?1 AND s.closed_at IS NULL"))?
            .query_row([&till.0], session_from_row)
            .optional()?)
    }

    /// What was left in the till's drawer at its last close: the next float's suggestion.
    pub fn last_kept(&self, till: &TillId) -> Result<Option<Won>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT kept FROM till_sessions WHERE till = ?1 AND closed_at IS NOT NULL ORDER BY id DESC LIMIT 1",
            )?
            .query_row([&till.0], |r| r.get(0))
            .optional()?)
    }

    /// Opens the till with the float counted into it (journaled).
    pub fn open_session(
        &mut self,
        till: &TillId,
        staff: &StaffMember,
        float: Count,
        now: DateTime<FixedOffset>,
    ) -> Result<TillSession, TillError> {
        self.write(|tx| {
            let open: bool = tx.query_row(
                "SELECT count(*) FROM till_sessions WHERE till = ?1 AND closed_at IS NULL",
                [&till.0],
                |r| r.get(0),
            )?;
            if open {
                return Err(TillError::AlreadyOpen(till.0.clone()));
            }
            let uuid = Uuid::now_v7().to_string();
            let counts = serde_json::to_string(&float).expect("counts serialize");
            tx.execute(
                "INSERT INTO till_sessions (uuid, till, business_date, opened_at, opened_by, float, float_counts)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![uuid, till.0, now.date_naive().to_string(), now.to_rfc3339(), staff.id, float.total(), counts],
            )?;
            let session = session_by_id(tx, tx.last_insert_rowid())?;
            journal::append(tx, "till.opened", &session, Some(staff.id), now)?;
            Ok(session)
        })
    }

    /// Money put in or taken out of the drawer, with a reason (journaled).
    #[allow(clippy::too_many_arguments)]
    pub fn cash_move(
        &mut self,
        session: &TillSession,
        kind: MoveKind,
        amount: Won,
        reason: &str,
        staff: &StaffMember,
        approved: Option<&Approved>,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        if !amount.is_positive() {
            return Err(StoreError::Refused("a cash move is more than zero".into()));
        }
        self.write(|tx| {
            require_open(tx, session)?;
            // Money out of the drawer needs a manager's approval of this amount and reason.
            let approved_by = match (kind, approved) {
                (MoveKind::Out, None) => return Err(StoreError::Approval(super::Refused::Missing)),
                (MoveKind::Out, Some(approved)) => {
                    let action = Approval::CashOut { amount, reason: reason.to_string() };
                    use_up(tx, approved, &action, &now.to_rfc3339())?;
                    Some(approved.manager())
                }
                (MoveKind::In, approved) => approved.map(Approved::manager),
            };
            tx.execute(
                "INSERT INTO cash_moves (uuid, session_id, kind, amount, reason, staff_id, approved_by, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    Uuid::now_v7().to_string(),
                    session.id,
                    kind.as_str(),
                    amount,
                    reason,
                    staff.id,
                    approved_by.map(|m| m.id),
                    now.to_rfc3339()
                ],
            )?;
            let payload = serde_json::json!({
                "session": session.uuid, "kind": kind, "amount": amount, "reason": reason,
                "approved_by": approved_by.map(|m| m.uuid.clone()),
            });
            let event = if kind == MoveKind::In { "till.cash_in" } else { "till.cash_out" };
            journal::append(tx, event, &payload, Some(staff.id), now)?;
            Ok(())
        })
    }

    /// The session's report as it stands (the X report).
    pub fn session_report(&self, session_id: i64) -> Result<SessionReport> {
        self.read(|conn| report(conn, session_by_id(conn, session_id)?))
    }

    /// Closes the session with the drawer counted; `kept` stays in the drawer as the next float.
    /// The Z report is numbered, stored with the session, and journaled.
    pub fn close_session(
        &mut self,
        session: &TillSession,
        staff: &StaffMember,
        count: Count,
        kept: Won,
        blind: bool,
        now: DateTime<FixedOffset>,
    ) -> Result<SessionReport, TillError> {
        if kept > count.total() || kept < Won::ZERO {
            return Err(TillError::KeptTooMuch);
        }
        self.write(|tx| {
            let current = session_by_id(tx, session.id)?;
            if current.closed.is_some() {
                return Err(TillError::AlreadyClosed);
            }
            let expected = report(tx, current)?.cash.expected();
            let z_no: u32 = tx.query_row("SELECT coalesce(max(z_no), 0) + 1 FROM till_sessions", [], |r| r.get(0))?;
            tx.execute(
            "UPDATE till_sessions SET closed_at = ?2, closed_by = ?3, expected = ?4, counted = ?5, counted_counts = ?6,
                 kept = ?7, blind = ?8, z_no = ?9 WHERE id = ?1",
            params![
                session.id,
                now.to_rfc3339(),
                staff.id,
                expected,
                count.total(),
                serde_json::to_string(&count).expect("counts serialize"),
                kept,
                blind,
                z_no
            ],
        )
        ?;
            let closed = report(tx, session_by_id(tx, session.id)?)?;
            journal::append(tx, "till.closed", &closed, Some(staff.id), now)?;
            Ok(closed)
        })
    }

    /// The till's last closed session, if any (the one a correction is for).
    pub fn last_closed(&self, till: &TillId) -> Result<Option<TillSession>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "{SESSION_SELECT} WHERE s.till = ?1 AND s.closed_at IS NOT NULL ORDER BY s.id DESC LIMIT 1"
            ))?
            .query_row([&till.0], session_from_row)
            .optional()?)
    }

    /// Puts a closed count right by `amount` (journaled; the session itself stays as closed).
    #[allow(clippy::too_many_arguments)]
    pub fn correct_session(
        &mut self,
        session: &TillSession,
        amount: Won,
        reason: &str,
        staff: &StaffMember,
        approved: &Approved,
        now: DateTime<FixedOffset>,
    ) -> Result<SessionReport, TillError> {
        if amount == Won::ZERO {
            return Err(StoreError::Refused("a correction of nothing".into()).into());
        }
        self.write(|tx| {
            let current = session_by_id(tx, session.id)?;
            let Some(closed) = &current.closed else { return Err(TillError::NotClosed) };
            let action = Approval::TillCorrection { z_no: closed.z_no, amount, reason: reason.to_string() };
            use_up(tx, approved, &action, &now.to_rfc3339())?;
            let approved_by = approved.manager();
            tx.execute(
                "INSERT INTO till_corrections (uuid, session_id, amount, reason, staff_id, approved_by, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    Uuid::now_v7().to_string(),
                    session.id,
                    amount,
                    reason,
                    staff.id,
                    approved_by.id,
                    now.to_rfc3339()
                ],
            )?;
            let corrected = report(tx, current)?;
            let payload = serde_json::json!({
                "session": session.uuid, "amount": amount, "reason": reason, "approved_by": approved_by.uuid,
                "counted": corrected.counted(), "difference": corrected.difference(),
            });
            journal::append(tx, "till.corrected", &payload, Some(staff.id), now)?;
            Ok(corrected)
        })
    }

    /// Every session that opened on `date`, with its figures (for `nanum report till`).
    pub fn sessions_of(&self, date: NaiveDate) -> Result<Vec<SessionReport>> {
        self.read(|conn| {
            let ids: Vec<i64> = conn
                .prepare("SELECT id FROM till_sessions WHERE business_date = ?1 ORDER BY id")?
                .query_map([date.to_string()], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids.into_iter().map(|id| report(conn, session_by_id(conn, id)?)).collect()
        })
    }
}
