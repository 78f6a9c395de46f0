//! Papers waiting for the printer, kept so a restart loses none. The store only keeps them;
//! `hardware::queue` prints them, and says through its log when one printed or failed (and why,
//! as JSON).
//!
//! A receipt is owed from the moment its document is written (a row in `receipts_owed`, in the
//! document's own transaction) until it has printed or the cashier skipped it (or set its failed
//! job aside). A till that stopped in between finds the row at its next start
//! ([`Store::owed_receipts`]) and asks, instead of printing it by itself: the customer may be
//! gone, and a cash receipt must not spring the drawer open.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Transaction, params};

use super::carts::TillId;
use super::{Result, Store, StoreError, journal};
use crate::domain::{SaleKind, Won};

/// Printed papers kept per till, so the screen can show the last few.
const KEEP_PRINTED: i64 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperState {
    Waiting,
    Printed,
    Failed,
}

impl PaperState {
    pub fn as_str(self) -> &'static str {
        match self {
            PaperState::Waiting => "waiting",
            PaperState::Printed => "printed",
            PaperState::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<PaperState> {
        [PaperState::Waiting, PaperState::Printed, PaperState::Failed].into_iter().find(|p| p.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedPaper {
    pub id: i64,
    pub title: String,
    pub bytes: Vec<u8>,
    /// The printer spec for a test print; `None` for the till's own printer.
    pub printer: Option<String>,
    pub opens_drawer: bool,
    pub state: PaperState,
    /// Why it failed, as the print queue wrote it.
    pub problem: Option<String>,
    pub attempts: u32,
}

/// A document whose receipt has not printed yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwedReceipt {
    pub sale_id: i64,
    pub kind: SaleKind,
    pub date: NaiveDate,
    pub sale_no: u32,
    pub total: Won,
    /// A print job was made for it before the stop, so it may have come out already: printed
    /// again, it is marked 재발행.
    pub tried: bool,
}

pub(super) fn owe_receipt(tx: &Transaction<'_>, sale_id: i64, till: &TillId, at: DateTime<FixedOffset>) -> Result<()> {
    tx.prepare_cached("INSERT INTO receipts_owed (sale_id, till, created_at) VALUES (?1, ?2, ?3)")?
        .execute(params![sale_id, till.0, at.to_rfc3339()])?;
    Ok(())
}

impl Store {
    /// A paper for the printer, kept until it prints. `receipt_of` is the document it is the
    /// receipt of: an older job for the same receipt that never printed is dropped for it.
    #[allow(clippy::too_many_arguments)]
    pub fn add_paper(
        &mut self,
        till: &TillId,
        title: &str,
        bytes: &[u8],
        printer: Option<&str>,
        opens_drawer: bool,
        receipt_of: Option<i64>,
        now: DateTime<FixedOffset>,
    ) -> Result<i64> {
        self.write(|tx| {
            if let Some(sale) = receipt_of {
                tx.prepare_cached("DELETE FROM print_jobs WHERE sale_id = ?1 AND state != 'printed'")?
                    .execute([sale])?;
            }
            tx.prepare_cached(
                "INSERT INTO print_jobs (till, title, bytes, printer, opens_drawer, state, created_at, sale_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'waiting', ?6, ?7)",
            )?
            .execute(params![
                till.0,
                title,
                bytes,
                printer,
                opens_drawer,
                now.to_rfc3339(),
                receipt_of
            ])?;
            Ok(tx.last_insert_rowid())
        })
    }

    pub fn set_paper_state(&mut self, id: i64, state: PaperState, problem: Option<&str>, attempts: u32) -> Result<()> {
        self.write(|tx| {
            tx.prepare_cached("UPDATE print_jobs SET state = ?2, problem = ?3, attempts = ?4 WHERE id = ?1")?
                .execute(params![id, state.as_str(), problem, attempts])?;
            if state == PaperState::Printed {
                // A receipt that printed is owed no more.
                tx.prepare_cached(
                    "DELETE FROM receipts_owed WHERE sale_id = (SELECT sale_id FROM print_jobs WHERE id = ?1)",
                )?
                .execute([id])?;
                tx.prepare_cached(
                    "DELETE FROM print_jobs WHERE state = 'printed' AND till = (SELECT till FROM print_jobs WHERE id = ?1)
                     AND id NOT IN (SELECT id FROM print_jobs WHERE state = 'printed'
                                    AND till = (SELECT till FROM print_jobs WHERE id = ?1)
                                    ORDER BY id DESC LIMIT ?2)",
                )?
                .execute(params![id, KEEP_PRINTED])?;
            }
            Ok(())
        })
    }

    /// A paper set aside by the cashier (its sale stays; a reprint can be made from the sale).
    /// A receipt set aside is owed no more: the cashier chose.
    pub fn remove_paper(&mut self, id: i64) -> Result<()> {
        self.write(|tx| {
            tx.prepare_cached(
                "DELETE FROM receipts_owed WHERE sale_id = (SELECT sale_id FROM print_jobs WHERE id = ?1)",
            )?
            .execute([id])?;
            tx.prepare_cached("DELETE FROM print_jobs WHERE id = ?1")?.execute([id])?;
            Ok(())
        })
    }

    /// The receipts this till owes from before it last stopped, oldest first: those that never
    /// became a print job, and those on their way to the printer at the stop. One whose
    /// printing had failed is in the print jobs panel instead, as before the stop.
    pub fn owed_receipts(&self, till: &TillId) -> Result<Vec<OwedReceipt>> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT s.id, s.kind, s.business_date, s.sale_no, s.total,
                        EXISTS (SELECT 1 FROM print_jobs p WHERE p.sale_id = s.id AND p.state = 'waiting')
                 FROM receipts_owed o JOIN sales s ON s.id = o.sale_id
                 WHERE o.till = ?1
                   AND NOT EXISTS (SELECT 1 FROM print_jobs p WHERE p.sale_id = s.id AND p.state = 'failed')
                 ORDER BY s.id",
            )?;
            let rows = stmt.query_map([&till.0], |r| {
                Ok(OwedReceipt {
                    sale_id: r.get(0)?,
                    kind: r.get(1)?,
                    date: super::sql::date(r, 2)?,
                    sale_no: r.get(3)?,
                    total: r.get(4)?,
                    tried: r.get(5)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Every receipt `till` owes is taken as printed: for documents written where no printer
    /// was (the demo's made-up history). How many there were.
    pub fn settle_receipts(&mut self, till: &TillId) -> Result<usize> {
        self.write(|tx| Ok(tx.prepare_cached("DELETE FROM receipts_owed WHERE till = ?1")?.execute([&till.0])?))
    }

    /// The cashier chose not to print an owed receipt (the customer has gone): journaled, so the
    /// day shows who decided. A copy can still be printed from the sale.
    pub fn skip_receipt(
        &mut self,
        sale_id: i64,
        staff: &crate::domain::StaffMember,
        at: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.write(|tx| {
            let uuid: String = tx.query_row("SELECT uuid FROM sales WHERE id = ?1", [sale_id], |r| r.get(0))?;
            tx.prepare_cached("DELETE FROM print_jobs WHERE sale_id = ?1 AND state != 'printed'")?
                .execute([sale_id])?;
            let gone = tx.prepare_cached("DELETE FROM receipts_owed WHERE sale_id = ?1")?.execute([sale_id])?;
            if gone == 1 {
                journal::append(tx, "receipt.skipped", &serde_json::json!({ "sale": uuid }), Some(staff.id), at)?;
            }
            Ok(())
        })
    }

    /// The till's papers that have not printed yet, oldest first. A receipt that was on its way
    /// to the printer when the till stopped is not among them: it may have come out, so
    /// [`Store::owed_receipts`] asks about it instead.
    pub fn unprinted_papers(&self, till: &TillId) -> Result<Vec<SavedPaper>> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT id, title, bytes, printer, opens_drawer, state, problem, attempts FROM print_jobs
                 WHERE till = ?1 AND state != 'printed'
                   AND NOT (state = 'waiting' AND sale_id IN (SELECT sale_id FROM receipts_owed))
                 ORDER BY id",
            )?;
            let rows = stmt.query_map([&till.0], |r| {
                Ok((
                    r.get::<_, String>(5)?,
                    SavedPaper {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        bytes: r.get(2)?,
                        printer: r.get(3)?,
                        opens_drawer: r.get(4)?,
                        state: PaperState::Waiting,
                        problem: r.get(6)?,
                        attempts: r.get(7)?,
                    },
                ))
            })?;
            rows.map(|row| {
                let (state, paper) = row?;
                let state = PaperState::parse(&state).ok_or_else(|| {
                    StoreError::Unreadable(format!("print job {} has an unknown state '{state}'", paper.id))
                })?;
                Ok(SavedPaper { state, ..paper })
            })
            .collect()
        })
    }
}
