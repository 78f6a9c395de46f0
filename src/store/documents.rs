//! A committed document (sale, refund or void) read back whole: its lines, VAT split, tenders
//! and cash receipt, and what of it can still come back. The till, the returns and `check` all
//! read a sale this way.

use chrono::{DateTime, FixedOffset};
use rusqlite::Connection;

use super::sql::{percent, time};
use super::{Result, StoreError};
use crate::domain::sale::SaleRef;
use crate::domain::{Customer, Line, Markdown, Payment, Sale, SaleKind, Tender, VatLine, Won};

/// A VAT line from `tax_class, rate_percent, gross, supply, vat`.
pub(super) fn vat_line(r: &rusqlite::Row<'_>) -> rusqlite::Result<VatLine> {
    Ok(VatLine { class: r.get(0)?, rate_percent: percent(r, 1)?, gross: r.get(2)?, supply: r.get(3)?, vat: r.get(4)? })
}

/// How much of each line of sale `id` has not been returned yet.
pub(super) fn returnable(conn: &Connection, id: i64) -> Result<Vec<i32>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.quantity + coalesce((SELECT sum(r.quantity) FROM sale_lines r JOIN sales d ON d.id = r.sale_id
                                        WHERE d.refers_to = l.sale_id AND r.refers_line = l.line_no), 0)
         FROM sale_lines l WHERE l.sale_id = ?1 ORDER BY l.line_no",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Reads a whole document back. Anything stored that this version does not know is an error.
pub(super) fn sale_by_id(conn: &Connection, id: i64) -> Result<Sale> {
    let bad = |what: &str| StoreError::Unreadable(format!("sale {id} has a bad {what}"));
    type Head = (
        String,
        SaleKind,
        String,
        u32,
        DateTime<FixedOffset>,
        i64,
        String,
        Won,
        Won,
        Customer,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<(String, String, u32)>,
    );
    let head: Head = conn
        .prepare_cached(
            "SELECT s.uuid, s.kind, s.business_date, s.sale_no, s.sold_at, s.staff_id, st.name, s.total,
                    s.change_given, s.customer, s.cash_receipt, m.name, ts.uuid, o.uuid, o.business_date, o.sale_no
             FROM sales s JOIN staff st ON st.id = s.staff_id
             LEFT JOIN staff m ON m.id = s.approved_by
             LEFT JOIN till_sessions ts ON ts.id = s.session_id
             LEFT JOIN sales o ON o.id = s.refers_to
             WHERE s.id = ?1",
        )?
        .query_row([id], |r| {
            let original: Option<String> = r.get(13)?;
            let original = match original {
                Some(uuid) => Some((uuid, r.get(14)?, r.get(15)?)),
                None => None,
            };
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                time(r, 4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
                r.get(10)?,
                r.get(11)?,
                r.get(12)?,
                original,
            ))
        })?;
    let (
        uuid,
        kind,
        date,
        sale_no,
        sold_at,
        staff_id,
        staff_name,
        total,
        change,
        customer,
        receipt,
        approver,
        session,
        original,
    ) = head;
    let lines = conn
        .prepare_cached(
            "SELECT kind, code, name_ko, name_en, category, tax_class, tax_rate_percent, list_price, unit_price,
                    quantity, weeks_on_floor, markdown_percent, pull, discount, discount_reason, refers_line
             FROM sale_lines WHERE sale_id = ?1 ORDER BY line_no",
        )?
        .query_map([id], |r| {
            let unit_price: Won = r.get(8)?;
            let weeks: Option<u32> = r.get(10)?;
            let markdown = match weeks {
                Some(weeks_on_floor) => {
                    Some(Markdown { weeks_on_floor, percent_off: percent(r, 11)?, pull: r.get(12)?, price: unit_price })
                }
                None => None,
            };
            Ok(Line {
                kind: r.get(0)?,
                code: r.get(1)?,
                name_ko: r.get(2)?,
                name_en: r.get(3)?,
                category: r.get(4)?,
                tax_class: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                tax_rate_percent: percent(r, 6)?,
                list_price: r.get(7)?,
                unit_price,
                quantity: r.get(9)?,
                markdown,
                discount: r.get(13)?,
                discount_reason: r.get(14)?,
                refers_line: r.get(15)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut vat = conn
        .prepare_cached(
            "SELECT tax_class, rate_percent, gross, supply, vat FROM sale_vat WHERE sale_id = ?1 ORDER BY tax_class",
        )?
        .query_map([id], vat_line)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    crate::domain::tax::print_order(&mut vat);
    let tenders = conn
        .prepare_cached("SELECT kind, amount, tendered, reference FROM tenders WHERE sale_id = ?1 ORDER BY tender_no")?
        .query_map([id], |r| {
            Ok(Tender { kind: r.get(0)?, amount: r.get(1)?, tendered: r.get(2)?, reference: r.get(3)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let cash_receipt = match receipt {
        Some(json) => Some(serde_json::from_str(&json).map_err(|_| bad("cash receipt"))?),
        None => None,
    };
    let refers_to = match original {
        Some((uuid, date, sale_no)) => {
            Some(SaleRef { uuid, business_date: date.parse().map_err(|_| bad("original date"))?, sale_no })
        }
        None => None,
    };
    Ok(Sale {
        id,
        uuid,
        kind,
        business_date: date.parse().map_err(|_| bad("date"))?,
        sale_no,
        sold_at,
        staff_id,
        staff_name,
        approved_by: approver,
        refers_to,
        customer,
        cash_receipt,
        session,
        lines,
        vat,
        payment: Payment { tenders, change },
        total,
    })
}
