//! Store credit: vouchers a refund pays in or a manager issues, and what is left on each (what
//! tenders took from it). The sale that spends one and the refund that issues one both read it.

use chrono::{DateTime, FixedOffset};
use rusqlite::{OptionalExtension, Transaction, params};
use uuid::Uuid;

use super::till::TillSession;
use super::{Result, Store, StoreError, journal};
use crate::domain::{CreditCode, StaffMember, Won};

/// A store-credit voucher and what is left on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    pub code: String,
    pub amount: Won,
    pub balance: Won,
}

/// The code the next voucher gets (inside the caller's transaction).
pub(super) fn next_code(tx: &Transaction<'_>, store_code: u16) -> Result<String> {
    let serial: u32 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM store_credits", [], |r| r.get(0))?;
    Ok(CreditCode::new(store_code, serial)
        .ok_or_else(|| StoreError::Refused(format!("voucher serial {serial} does not fit a code")))?
        .code())
}

/// Issues voucher `code` for `amount`, on refund `sale` if it came from one.
#[allow(clippy::too_many_arguments)]
pub(super) fn issue(
    tx: &Transaction<'_>,
    code: &str,
    amount: Won,
    reason: &str,
    sale: Option<i64>,
    staff: &StaffMember,
    approved_by: &StaffMember,
    at: DateTime<FixedOffset>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO store_credits (uuid, code, amount, issued_at, issued_by, approved_by, sale_id, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![Uuid::now_v7().to_string(), code, amount, at.to_rfc3339(), staff.id, approved_by.id, sale, reason],
    )?;
    Ok(())
}

pub(super) fn credit_in(conn: &rusqlite::Connection, code: &str) -> Result<Option<Credit>> {
    // Spent is what tenders took from it, leaving out the refund that issued it.
    Ok(conn
        .prepare_cached(
            "SELECT c.code, c.amount, c.amount - coalesce((SELECT sum(t.amount) FROM tenders t
                 WHERE t.kind = 'store_credit' AND t.reference = c.code AND t.sale_id IS NOT c.sale_id), 0)
             FROM store_credits c WHERE c.code = ?1",
        )?
        .query_row([code], |r| Ok(Credit { code: r.get(0)?, amount: r.get(1)?, balance: r.get(2)? }))
        .optional()?)
}

impl Store {
    /// A voucher by its code, with its balance.
    pub fn credit(&self, code: &str) -> Result<Option<Credit>> {
        self.read(|conn| credit_in(conn, code))
    }

    /// A manager issues store credit outside a refund (journaled).
    pub fn issue_credit(
        &mut self,
        session: &TillSession,
        amount: Won,
        reason: &str,
        staff: &StaffMember,
        approved: &super::Approved,
        at: DateTime<FixedOffset>,
    ) -> Result<Credit> {
        if !amount.is_positive() {
            return Err(StoreError::Refused("store credit is more than zero".into()));
        }
        let store_code = self.info.code;
        self.write(|tx| {
            // A voucher is money out of the till's day, so it is issued in an open session.
            super::till::require_open(tx, session)?;
            super::approvals::use_up(tx, approved, &super::Approval::IssueCredit { amount }, &at.to_rfc3339())?;
            let approved_by = approved.manager();
            let code = next_code(tx, store_code)?;
            issue(tx, &code, amount, reason, None, staff, approved_by, at)?;
            let payload = serde_json::json!({
                "code": code, "amount": amount, "reason": reason, "approved_by": approved_by.uuid,
                "session": session.uuid,
            });
            journal::append(tx, "credit.issued", &payload, Some(staff.id), at)?;
            Ok(credit_in(tx, &code)?.expect("just issued"))
        })
    }
}
