//! A manager's approval, bound to the one action it allows. [`Store::approve`] checks the PIN and
//! writes the approval (with its journal event); the action's store function uses it up inside its
//! own transaction ([`use_up`]), comparing the action, amount and document it was given for. So a
//! screen, a script or a sync cannot reuse one approval, stretch it to another amount, or keep it
//! after the manager (or the person who asked) signed out.

use rusqlite::{OptionalExtension, Transaction, params};

use super::staff::Approval;
use super::{Result, StoreError};
use crate::domain::StaffMember;

/// An approval given, not used yet. Only the store makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approved {
    id: i64,
    action: Approval,
    manager: StaffMember,
}

impl Approved {
    pub(super) fn new(id: i64, action: Approval, manager: StaffMember) -> Approved {
        Approved { id, action, manager }
    }

    /// The manager who approved.
    pub fn manager(&self) -> &StaffMember {
        &self.manager
    }
}

/// Why an approval was not taken for an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("this needs a manager's approval")]
    Missing,
    #[error("the approval was given for another action, amount or document")]
    ForAnother,
    #[error("the approval was used already")]
    Used,
    #[error("the approval ended when the manager or the person who asked signed out")]
    SignedOut,
}

/// Uses `approved` up for `action`, in the action's own transaction: refused if it was given for
/// anything else, used before, or either person signed out since.
pub(super) fn use_up(tx: &Transaction<'_>, approved: &Approved, action: &Approval, at: &str) -> Result<()> {
    if approved.action != *action {
        return Err(StoreError::Approval(Refused::ForAnother));
    }
    let row: Option<(i64, i64, Option<String>)> = tx
        .prepare_cached("SELECT requested_by, journal_seq, used_at FROM approvals WHERE id = ?1")?
        .query_row([approved.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((requested_by, seq, used)) = row else { return Err(StoreError::Approval(Refused::ForAnother)) };
    if used.is_some() {
        return Err(StoreError::Approval(Refused::Used));
    }
    let signed_out: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM journal WHERE kind = 'staff.signed_out' AND seq > ?1
                 AND staff_id IN (?2, ?3))",
        )?
        .query_row(params![seq, approved.manager.id, requested_by], |r| r.get(0))?;
    if signed_out {
        return Err(StoreError::Approval(Refused::SignedOut));
    }
    tx.prepare_cached("UPDATE approvals SET used_at = ?2 WHERE id = ?1")?.execute(params![approved.id, at])?;
    Ok(())
}
