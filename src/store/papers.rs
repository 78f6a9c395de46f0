//! Papers waiting for the printer, kept so a restart loses none: a receipt that did not print is
//! still offered after the till comes back. The store only keeps them; `hardware::queue` prints
//! them, and says through its log when one printed or failed (and why, as JSON).

use chrono::{DateTime, FixedOffset};
use rusqlite::params;

use super::carts::TillId;
use super::{Result, Store, StoreError};

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

impl Store {
    pub fn add_paper(
        &mut self,
        till: &TillId,
        title: &str,
        bytes: &[u8],
        printer: Option<&str>,
        opens_drawer: bool,
        now: DateTime<FixedOffset>,
    ) -> Result<i64> {
        self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO print_jobs (till, title, bytes, printer, opens_drawer, state, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'waiting', ?6)",
            )?
            .execute(params![till.0, title, bytes, printer, opens_drawer, now.to_rfc3339()])?;
            Ok(tx.last_insert_rowid())
        })
    }

    pub fn set_paper_state(&mut self, id: i64, state: PaperState, problem: Option<&str>, attempts: u32) -> Result<()> {
        self.write(|tx| {
            tx.prepare_cached("UPDATE print_jobs SET state = ?2, problem = ?3, attempts = ?4 WHERE id = ?1")?
                .execute(params![id, state.as_str(), problem, attempts])?;
            if state == PaperState::Printed {
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
    pub fn remove_paper(&mut self, id: i64) -> Result<()> {
        self.write(|tx| {
            tx.prepare_cached("DELETE FROM print_jobs WHERE id = ?1")?.execute([id])?;
            Ok(())
        })
    }

    /// The till's papers that have not printed yet, oldest first.
    pub fn unprinted_papers(&self, till: &TillId) -> Result<Vec<SavedPaper>> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT id, title, bytes, printer, opens_drawer, state, problem, attempts FROM print_jobs
                 WHERE till = ?1 AND state != 'printed' ORDER BY id",
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
                    StoreError::Invalid(format!("print job {} has an unknown state '{state}'", paper.id))
                })?;
                Ok(SavedPaper { state, ..paper })
            })
            .collect()
        })
    }
}
