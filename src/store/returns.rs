//! Taking money back: refunds (some or all of a sale's goods, or, without a receipt, an amount
//! a manager allows), voids (a whole sale undone the same day while its till is open), and the
//! store credit a refund can be paid in. Each is a document of its own with negative amounts
//! that refers to the sale it reverses; nothing committed is ever changed. A manager approved
//! each one at the till, and the document says who.

use chrono::{DateTime, FixedOffset};
use rusqlite::Connection;

use super::approvals::{Approved, use_up};
use super::carts::TillId;
use super::credit::{Credit, credit_in, issue, next_code};
use super::documents::{returnable, sale_by_id};
use super::sales::{NewDoc, SaleError, back_to_tenders, insert_doc};
use super::staff::{Approval, document_ref};
use super::till::TillSession;
use super::{Result, Store};
use crate::domain::{Category, Customer, Line, Payment, Sale, SaleKind, StaffMember, Tender, TenderKind, Won};

/// Where a refund's money goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefundTo {
    /// Back the way the sale was paid (a card refund is done on the card terminal).
    Original,
    /// Cash.
    Cash,
    /// A new store-credit voucher.
    Credit,
}

/// What is being returned.
#[derive(Debug, Clone)]
pub enum Returned {
    /// From sale `sale` (its row id): `(line index, quantity)` pairs.
    Lines { sale: i64, lines: Vec<(usize, i32)> },
    /// No receipt (or another store's): an amount in a category, a manager's call.
    Open { category: Category, amount: Won },
}

#[derive(Debug, Clone)]
pub struct NewRefund<'a> {
    pub returned: Returned,
    pub to: RefundTo,
    pub staff: &'a StaffMember,
    /// The manager's approval for this refund (its amount, from this sale): used up by it.
    pub approved: &'a Approved,
    /// The till session the money goes back through: it must still be open.
    pub session: &'a TillSession,
    pub till: Option<&'a TillId>,
    pub at: DateTime<FixedOffset>,
}

/// A refund and the voucher it issued, if any.
#[derive(Debug, Clone)]
pub struct Refunded {
    pub refund: Sale,
    pub credit: Option<Credit>,
}

impl Store {
    /// What a manager is asked to approve for refunding `returned`: the same amount the refund
    /// will give back, so the approval covers exactly it.
    pub fn refund_approval(&self, returned: &Returned) -> Result<Approval, SaleError> {
        let (lines, original) = self.read(|conn| Ok(returned_lines(conn, returned)))??;
        Ok(refund_approval(&lines, original.as_ref()))
    }

    /// Refunds goods (or an open amount), as a document of its own.
    pub fn refund(&mut self, r: NewRefund<'_>) -> Result<Refunded, SaleError> {
        let store_code = self.info.code;
        self.write(|tx| {
            let (lines, original) = returned_lines(tx, &r.returned)?;
            let amount = -lines.iter().map(Line::amount).sum::<Won>();
            use_up(tx, r.approved, &refund_approval(&lines, original.as_ref()), &r.at.to_rfc3339())?;
            let mut credit_code = None;
            let payment = match (r.to, &original) {
                (RefundTo::Original, Some(original)) => back_to_tenders(&original.payment, amount),
                (RefundTo::Credit, _) => {
                    let code = next_code(tx, store_code)?;
                    credit_code = Some(code.clone());
                    paid_back(TenderKind::StoreCredit, amount, Some(code))
                }
                (RefundTo::Cash | RefundTo::Original, _) => paid_back(TenderKind::Cash, amount, None),
            };
            let refund = insert_doc(
                tx,
                NewDoc {
                    kind: SaleKind::Refund,
                    lines,
                    payment,
                    staff: r.staff,
                    approved_by: Some(r.approved.manager()),
                    refers_to: original.as_ref().map(|o| (o.id, o.as_ref())),
                    customer: original.as_ref().map_or(Customer::Public, |o| o.customer),
                    cash_receipt: None,
                    session: r.session,
                    till: r.till,
                    at: r.at,
                },
            )?;
            if let Some(code) = &credit_code {
                issue(tx, code, amount, "refund", Some(refund.id), r.staff, r.approved.manager(), r.at)?;
            }
            let credit = match &credit_code {
                Some(code) => credit_in(tx, code)?,
                None => None,
            };
            Ok(Refunded { refund, credit })
        })
    }

    /// Undoes sale `sale` whole: the same day, while the till session it went through is still
    /// open, and only if nothing of it was refunded or voided yet.
    pub fn void(
        &mut self,
        sale: i64,
        staff: &StaffMember,
        approved: &Approved,
        session: &TillSession,
        till: Option<&TillId>,
        at: DateTime<FixedOffset>,
    ) -> Result<Sale, SaleError> {
        self.write(|tx| {
            let original = sale_by_id(tx, sale)?;
            let reversed: bool =
                tx.query_row("SELECT EXISTS (SELECT 1 FROM sales WHERE refers_to = ?1)", [sale], |r| r.get(0))?;
            // Whether the session is still open is checked with the void's own insert.
            let same_session = original.session.as_deref() == Some(session.uuid.as_str());
            if original.kind != SaleKind::Sale || reversed || original.business_date != at.date_naive() || !same_session
            {
                return Err(SaleError::CannotVoid(original.sale_no));
            }
            let action =
                Approval::Void { sale: document_ref(original.business_date, original.sale_no), amount: original.total };
            use_up(tx, approved, &action, &at.to_rfc3339())?;
            let lines =
                original.lines.iter().enumerate().map(|(i, l)| l.returned(i as u32 + 1, l.quantity, 0)).collect();
            let payment = Payment {
                tenders: original
                    .payment
                    .tenders
                    .iter()
                    .map(|t| Tender {
                        kind: t.kind,
                        amount: -t.amount,
                        tendered: -t.amount,
                        reference: t.reference.clone(),
                    })
                    .collect(),
                change: Won::ZERO,
            };
            let void = insert_doc(
                tx,
                NewDoc {
                    kind: SaleKind::Void,
                    lines,
                    payment,
                    staff,
                    approved_by: Some(approved.manager()),
                    refers_to: Some((original.id, original.as_ref())),
                    customer: original.customer,
                    cash_receipt: None,
                    session,
                    till,
                    at,
                },
            )?;
            Ok(void)
        })
    }
}

/// The lines a refund of `returned` gives back (negative quantities), and the sale they come
/// from, if from a sale. Refused when more is returned than is left.
fn returned_lines(conn: &Connection, returned: &Returned) -> Result<(Vec<Line>, Option<Sale>), SaleError> {
    let (lines, original) = match returned {
        Returned::Lines { sale, lines } => {
            let original = sale_by_id(conn, *sale)?;
            let left = returnable(conn, *sale)?;
            let mut back = Vec::new();
            for &(index, quantity) in lines {
                let line = original.lines.get(index).ok_or(SaleError::NothingLeftToReturn)?;
                if quantity <= 0 || left.get(index).is_none_or(|l| *l < quantity) {
                    return Err(SaleError::NothingLeftToReturn);
                }
                back.push(line.returned(index as u32 + 1, quantity, line.quantity - left[index]));
            }
            (back, Some(original))
        }
        Returned::Open { category, amount } => {
            let mut line = super::pricing::category_line(category, *amount);
            line.quantity = -1;
            (vec![line], None)
        }
    };
    if lines.is_empty() {
        return Err(SaleError::NothingLeftToReturn);
    }
    Ok((lines, original))
}

/// What a manager approves for a refund of `lines` (from `original`): the money and the sale.
fn refund_approval(lines: &[Line], original: Option<&Sale>) -> Approval {
    let amount = -lines.iter().map(Line::amount).sum::<Won>();
    Approval::Refund { sale: original.map(|o| document_ref(o.business_date, o.sale_no)), amount }
}

fn paid_back(kind: TenderKind, amount: Won, reference: Option<String>) -> Payment {
    Payment { tenders: vec![Tender { kind, amount: -amount, tendered: -amount, reference }], change: Won::ZERO }
}
