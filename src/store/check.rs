//! `nanum check`: is the file sound, is the journal whole, and does every committed sale still
//! say what its journal event says? Triggers stop honest mistakes; this catches someone who
//! dropped them and edited a line, a VAT split or a tender with sqlite3.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::documents::sale_by_id;
use super::journal::{self, ChainError};
use super::{Result, Store};
use crate::domain::Sale;

/// The part of a sale that differs from its journal event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SalePart {
    Lines,
    Vat,
    Tenders,
    Total,
    /// Its date, number, time or cashier.
    Header,
}

impl std::fmt::Display for SalePart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SalePart::Lines => "lines",
            SalePart::Vat => "VAT split",
            SalePart::Tenders => "tenders",
            SalePart::Total => "total",
            SalePart::Header => "date, number, time or cashier",
        })
    }
}

/// A sale whose rows and journal event disagree, or that lacks one of the two.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaleProblem {
    #[error("sale {date} #{sale_no} (journal event {seq}): its {what} differ from the journal")]
    Differs { seq: i64, date: NaiveDate, sale_no: u32, what: SalePart },
    #[error("sale {date} #{sale_no} has no journal event")]
    NotJournaled { date: NaiveDate, sale_no: u32 },
    #[error("journal event {seq} records sale {uuid}, which is not in the database")]
    Missing { seq: i64, uuid: String },
    #[error("journal event {seq} cannot be read as a sale: {reason}")]
    Unreadable { seq: i64, reason: String },
    /// A sale with no journal event whose stored business date is not a date (never shown as
    /// some other day).
    #[error("sale #{sale_no} has no journal event and its date '{stored}' cannot be read")]
    BadDate { sale_no: u32, stored: String },
}

#[derive(Debug, Clone)]
pub struct CheckReport {
    /// Problems `integrity_check` found; empty when the file is sound.
    pub integrity: Vec<String>,
    /// Journal events read.
    pub events: u64,
    pub chain: Vec<ChainError>,
    pub sales: Vec<SaleProblem>,
    /// Sales compared with their journal event.
    pub sales_checked: u64,
    /// Days whose kept totals (`sales_by_day`) differ from their documents.
    pub day_totals: Vec<String>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.integrity.is_empty() && self.chain.is_empty() && self.sales.is_empty() && self.day_totals.is_empty()
    }
}

impl Store {
    /// `PRAGMA integrity_check`, the journal chain, and every sale against its journal event,
    /// all from one snapshot of the file.
    pub fn check(&self) -> Result<CheckReport> {
        self.read(|conn| {
            let integrity: Vec<String> = conn
                .prepare("PRAGMA integrity_check")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let integrity = if integrity == ["ok"] { Vec::new() } else { integrity };
            let (events, chain) = journal::verify(conn)?;
            let (sales_checked, sales) = check_sales(conn)?;
            let day_totals = conn
                .prepare(&format!(
                    "SELECT DISTINCT business_date FROM (
                         SELECT * FROM ({RECOUNT}) WHERE amount != 0
                         EXCEPT SELECT * FROM sales_by_day WHERE amount != 0
                         UNION ALL
                         SELECT * FROM (SELECT * FROM sales_by_day WHERE amount != 0
                                        EXCEPT SELECT * FROM ({RECOUNT}) WHERE amount != 0))
                     ORDER BY 1"
                ))?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(CheckReport { integrity, events, chain, sales, sales_checked, day_totals })
        })
    }
}

/// The day totals worked out from the documents, as migration 0006 first filled them in (rows
/// that come to zero are left out on both sides).
const RECOUNT: &str = "
    SELECT business_date, 'docs' AS figure, kind AS key, count(*) AS amount FROM sales GROUP BY 1, 3
    UNION ALL SELECT business_date, 'cash_receipts', '', count(*) FROM sales
        WHERE kind = 'sale' AND cash_receipt IS NOT NULL GROUP BY 1
    UNION ALL SELECT business_date, 'cash_receipt_total', '', sum(total) FROM sales
        WHERE kind = 'sale' AND cash_receipt IS NOT NULL GROUP BY 1
    UNION ALL SELECT s.business_date, 'items', '', coalesce(sum(l.quantity) FILTER (WHERE l.kind != 'donation'), 0)
        FROM sale_lines l JOIN sales s ON s.id = l.sale_id GROUP BY 1
    UNION ALL SELECT s.business_date, 'gross', '', coalesce(sum(l.amount) FILTER (WHERE l.kind != 'donation'), 0)
        FROM sale_lines l JOIN sales s ON s.id = l.sale_id GROUP BY 1
    UNION ALL SELECT s.business_date, 'markdowns', '',
            coalesce(sum((l.list_price - l.unit_price) * l.quantity) FILTER (WHERE l.kind != 'donation'), 0)
        FROM sale_lines l JOIN sales s ON s.id = l.sale_id GROUP BY 1
    UNION ALL SELECT s.business_date, 'discounts', '', sum(l.discount)
        FROM sale_lines l JOIN sales s ON s.id = l.sale_id GROUP BY 1
    UNION ALL SELECT s.business_date, 'donations', '', coalesce(sum(l.amount) FILTER (WHERE l.kind = 'donation'), 0)
        FROM sale_lines l JOIN sales s ON s.id = l.sale_id GROUP BY 1
    UNION ALL SELECT s.business_date, 'returned', '', -sum(l.amount)
        FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE s.kind != 'sale' AND l.kind != 'donation' GROUP BY 1
    UNION ALL SELECT s.business_date, 'class_gross', v.tax_class, sum(v.gross)
        FROM sale_vat v JOIN sales s ON s.id = v.sale_id GROUP BY 1, 3
    UNION ALL SELECT s.business_date, 'class_supply', v.tax_class, sum(v.supply)
        FROM sale_vat v JOIN sales s ON s.id = v.sale_id GROUP BY 1, 3
    UNION ALL SELECT s.business_date, 'class_vat', v.tax_class, sum(v.vat)
        FROM sale_vat v JOIN sales s ON s.id = v.sale_id GROUP BY 1, 3
    UNION ALL SELECT s.business_date, 'tender', t.kind, sum(t.amount)
        FROM tenders t JOIN sales s ON s.id = t.sale_id GROUP BY 1, 3
    UNION ALL SELECT s.business_date, CASE WHEN t.amount > 0 THEN 'credit_used' ELSE 'credit_issued' END, '',
            sum(abs(t.amount))
        FROM tenders t JOIN sales s ON s.id = t.sale_id WHERE t.kind = 'store_credit' GROUP BY 1, 2";

fn check_sales(conn: &Connection) -> Result<(u64, Vec<SaleProblem>)> {
    let mut problems = Vec::new();
    let mut checked = 0;
    let mut journaled = std::collections::HashSet::new();
    let mut events = conn.prepare(
        "SELECT seq, payload, staff_id FROM journal
         WHERE kind IN ('sale.committed', 'sale.refunded', 'sale.voided') ORDER BY seq",
    )?;
    let mut rows = events.query([])?;
    while let Some(row) = rows.next()? {
        let (seq, payload, staff_id): (i64, Vec<u8>, Option<i64>) = (row.get(0)?, row.get(1)?, row.get(2)?);
        let read = journal::packing::unpack(&payload)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str::<Sale>(&text).map_err(|e| e.to_string()));
        let recorded: Sale = match read {
            // The payload leaves out row ids; the event row keeps who rang it up.
            Ok(sale) => Sale { staff_id: staff_id.unwrap_or_default(), ..sale },
            Err(e) => {
                problems.push(SaleProblem::Unreadable { seq, reason: e });
                continue;
            }
        };
        let id: Option<i64> = conn
            .prepare_cached("SELECT id FROM sales WHERE uuid = ?1")?
            .query_row([&recorded.uuid], |r| r.get(0))
            .optional()?;
        let Some(id) = id else {
            problems.push(SaleProblem::Missing { seq, uuid: recorded.uuid });
            continue;
        };
        journaled.insert(id);
        checked += 1;
        let stored = match sale_by_id(conn, id) {
            Ok(sale) => sale,
            Err(e) => {
                problems.push(SaleProblem::Unreadable { seq, reason: e.to_string() });
                continue;
            }
        };
        if let Some(what) = difference(&stored, &recorded) {
            problems.push(SaleProblem::Differs { seq, date: stored.business_date, sale_no: stored.sale_no, what });
        }
    }
    let mut all = conn.prepare("SELECT id, business_date, sale_no FROM sales ORDER BY id")?;
    let mut rows = all.query([])?;
    while let Some(row) = rows.next()? {
        if !journaled.contains(&row.get::<_, i64>(0)?) {
            let (stored, sale_no): (String, u32) = (row.get(1)?, row.get(2)?);
            problems.push(match stored.parse() {
                Ok(date) => SaleProblem::NotJournaled { date, sale_no },
                Err(_) => SaleProblem::BadDate { sale_no, stored },
            });
        }
    }
    Ok((checked, problems))
}

/// The first part of a sale that is not as its journal event recorded it. The cashier is
/// compared by id: renaming a staff member is not tampering.
fn difference(stored: &Sale, recorded: &Sale) -> Option<SalePart> {
    if stored.lines != recorded.lines {
        Some(SalePart::Lines)
    } else if stored.vat != recorded.vat {
        Some(SalePart::Vat)
    } else if stored.payment != recorded.payment {
        Some(SalePart::Tenders)
    } else if stored.total != recorded.total {
        Some(SalePart::Total)
    } else if (stored.business_date, stored.sale_no, stored.sold_at, stored.staff_id, stored.kind)
        != (recorded.business_date, recorded.sale_no, recorded.sold_at, recorded.staff_id, recorded.kind)
        || (&stored.refers_to, stored.customer, &stored.cash_receipt)
            != (&recorded.refers_to, recorded.customer, &recorded.cash_receipt)
    {
        Some(SalePart::Header)
    } else {
        None
    }
}
