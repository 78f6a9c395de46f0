//! The print queue's papers kept in the store database, so a receipt that has not printed is
//! still there after a restart. This joins `hardware::queue` (which prints) and `store` (which
//! keeps), so neither has to know the other.

use chrono::Local;

use crate::hardware::PrinterSpec;
use crate::hardware::queue::{JobState, KeptPaper, Paper, PaperLog};
use crate::hardware::transport::PrintError;
use crate::store::{PaperState, Store, StoreError, TillId};

pub struct StorePaperLog {
    store: Store,
    till: TillId,
}

impl StorePaperLog {
    /// Keeps papers through `store`, a connection of the printer thread's own.
    pub fn new(store: Store, till: TillId) -> StorePaperLog {
        StorePaperLog { store, till }
    }
}

impl PaperLog for StorePaperLog {
    fn added(&mut self, paper: &Paper) -> Option<i64> {
        let printer = paper.printer.as_ref().map(PrinterSpec::to_string);
        let now = Local::now().fixed_offset();
        self.store
            .add_paper(
                &self.till,
                &paper.title,
                &paper.bytes,
                printer.as_deref(),
                paper.opens_drawer,
                paper.receipt_of,
                now,
            )
            .inspect_err(|e| tracing::error!(paper = %paper.title, "paper not kept: {e}"))
            .ok()
    }

    fn changed(&mut self, key: i64, state: &JobState, attempts: u32) {
        let (state, problem) = match state {
            JobState::Waiting | JobState::Printing => (PaperState::Waiting, None),
            JobState::Printed => (PaperState::Printed, None),
            JobState::Failed(e) => (PaperState::Failed, serde_json::to_string(e).ok()),
        };
        if let Err(e) = self.store.set_paper_state(key, state, problem.as_deref(), attempts) {
            tracing::error!(key, "paper state not kept: {e}");
        }
    }

    fn removed(&mut self, key: i64) {
        if let Err(e) = self.store.remove_paper(key) {
            tracing::error!(key, "paper not forgotten: {e}");
        }
    }
}

/// The till's papers from before a restart. One that was waiting and opens the drawer comes back
/// failed: the drawer must not spring open by itself when the till starts, so printing it again
/// needs a manager like any other drawer retry.
pub fn kept_papers(store: &Store, till: &TillId) -> Result<Vec<KeptPaper>, StoreError> {
    store
        .unprinted_papers(till)?
        .into_iter()
        .map(|saved| {
            let printer = match &saved.printer {
                Some(spec) => Some(spec.parse().map_err(|e| {
                    StoreError::Unreadable(format!("print job {} has a bad printer '{spec}': {e}", saved.id))
                })?),
                None => None,
            };
            let state = match (saved.state, &saved.problem) {
                (PaperState::Failed, Some(problem)) => {
                    JobState::Failed(serde_json::from_str(problem).map_err(|e| {
                        StoreError::Unreadable(format!("print job {} has an unreadable problem: {e}", saved.id))
                    })?)
                }
                (PaperState::Failed, None) => JobState::Failed(PrintError::Restarted),
                (_, _) if saved.opens_drawer => JobState::Failed(PrintError::Restarted),
                (_, _) => JobState::Waiting,
            };
            Ok(KeptPaper {
                key: saved.id,
                paper: Paper {
                    title: saved.title,
                    bytes: saved.bytes,
                    opens_drawer: saved.opens_drawer,
                    printer,
                    receipt_of: None,
                },
                state,
                attempts: saved.attempts,
            })
        })
        .collect()
}
