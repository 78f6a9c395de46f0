//! Committing and reading sales. A sale, its lines, VAT split, tenders, the stock and item-tag
//! changes it causes, its journal event and the removal of the till's stored cart are one
//! transaction: a receipt can only ever be printed for a sale that is on disk, and a sale is
//! never half there. The statements are prepared once per connection: the commit is on the
//! counter's critical path.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use uuid::Uuid;

use super::carts::TillId;
use super::sql::{percent, time};
use super::{Result, Store, StoreError, journal};
use crate::domain::{Cart, Line, LineKind, Markdown, Payment, Sale, StaffMember, Tender, VatLine, Won};

/// A paid cart on its way to the database.
#[derive(Debug, Clone)]
pub struct NewSale<'a> {
    pub cart: &'a Cart,
    pub payment: &'a Payment,
    pub staff: &'a StaffMember,
    pub at: DateTime<FixedOffset>,
    /// The till whose stored cart this was; it is removed in the same transaction.
    pub till: Option<&'a TillId>,
}

/// One sale in a day's list: enough to find it again (by number or amount) and reprint it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaleSummary {
    pub date: NaiveDate,
    pub sale_no: u32,
    pub sold_at: DateTime<FixedOffset>,
    pub staff_name: String,
    pub total: Won,
    pub items: u32,
    pub cash: bool,
    pub card: bool,
}

impl Store {
    pub fn commit_sale(&mut self, sale: NewSale<'_>) -> Result<Sale> {
        Ok(self.commit_sales(std::iter::once(sale))?.remove(0))
    }

    /// Commits several sales in one transaction (the demo history; a till catching up).
    pub fn commit_sales<'a>(&mut self, sales: impl IntoIterator<Item = NewSale<'a>>) -> Result<Vec<Sale>> {
        self.write(|tx| sales.into_iter().map(|s| commit_in(tx, s)).collect())
    }

    pub fn sale(&self, date: NaiveDate, sale_no: u32) -> Result<Option<Sale>> {
        let id: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM sales WHERE business_date = ?1 AND sale_no = ?2")?
            .query_row(params![date.to_string(), sale_no], |r| r.get(0))
            .optional()?;
        id.map(|id| self.read(|conn| sale_by_id(conn, id))).transpose()
    }

    pub fn sale_by_id(&self, id: i64) -> Result<Sale> {
        self.read(|conn| sale_by_id(conn, id))
    }

    /// The most recent sale of `date`, if any.
    pub fn last_sale_no(&self, date: NaiveDate) -> Result<Option<u32>> {
        Ok(self
            .conn
            .query_row("SELECT max(sale_no) FROM sales WHERE business_date = ?1", [date.to_string()], |r| r.get(0))?)
    }

    /// Every sale of `date`, newest first.
    pub fn sales_of(&self, date: NaiveDate) -> Result<Vec<SaleSummary>> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT s.sale_no, s.sold_at, st.name, s.total,
                        (SELECT coalesce(sum(quantity), 0) FROM sale_lines WHERE sale_id = s.id),
                        EXISTS (SELECT 1 FROM tenders WHERE sale_id = s.id AND kind = 'cash'),
                        EXISTS (SELECT 1 FROM tenders WHERE sale_id = s.id AND kind = 'card')
                 FROM sales s JOIN staff st ON st.id = s.staff_id
                 WHERE s.business_date = ?1 ORDER BY s.sale_no DESC",
            )?;
            let rows = stmt.query_map([date.to_string()], |r| {
                Ok(SaleSummary {
                    date,
                    sale_no: r.get(0)?,
                    sold_at: time(r, 1)?,
                    staff_name: r.get(2)?,
                    total: r.get(3)?,
                    items: r.get(4)?,
                    cash: r.get(5)?,
                    card: r.get(6)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }
}

/// Reads a whole sale back. Anything stored that this version does not know is an error.
pub(super) fn sale_by_id(conn: &Connection, id: i64) -> Result<Sale> {
    let bad = |what: &str| StoreError::Invalid(format!("sale {id} has a bad {what}"));
    let (uuid, date, sale_no, sold_at, staff_id, staff_name, total, change): (
        String,
        String,
        u32,
        DateTime<FixedOffset>,
        i64,
        String,
        Won,
        Won,
    ) = conn
        .prepare_cached(
            "SELECT s.uuid, s.business_date, s.sale_no, s.sold_at, s.staff_id, st.name, s.total, s.change_given
             FROM sales s JOIN staff st ON st.id = s.staff_id WHERE s.id = ?1",
        )?
        .query_row([id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, time(r, 3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?))
        })?;
    let lines = conn
        .prepare_cached(
            "SELECT kind, code, name_ko, name_en, category, tax_class, tax_rate_percent, list_price, unit_price,
                    quantity, weeks_on_floor, markdown_percent, pull
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
                tax_class: r.get(5)?,
                tax_rate_percent: percent(r, 6)?,
                list_price: r.get(7)?,
                unit_price,
                quantity: r.get(9)?,
                markdown,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut vat = conn
        .prepare_cached(
            "SELECT tax_class, rate_percent, gross, supply, vat FROM sale_vat WHERE sale_id = ?1 ORDER BY tax_class",
        )?
        .query_map([id], |r| {
            Ok(VatLine {
                class: r.get(0)?,
                rate_percent: percent(r, 1)?,
                gross: r.get(2)?,
                supply: r.get(3)?,
                vat: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    crate::domain::tax::print_order(&mut vat);
    let tenders = conn
        .prepare_cached("SELECT kind, amount, tendered FROM tenders WHERE sale_id = ?1 ORDER BY tender_no")?
        .query_map([id], |r| Ok(Tender { kind: r.get(0)?, amount: r.get(1)?, tendered: r.get(2)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Sale {
        id,
        uuid,
        business_date: date.parse().map_err(|_| bad("date"))?,
        sale_no,
        sold_at,
        staff_id,
        staff_name,
        lines,
        vat,
        payment: Payment { tenders, change },
        total,
    })
}

fn commit_in(tx: &Transaction<'_>, new: NewSale<'_>) -> Result<Sale> {
    let NewSale { cart, payment, staff, at, till } = new;
    let total = cart.total();
    if cart.is_empty() {
        return Err(StoreError::Invalid("an empty sale cannot be committed".into()));
    }
    if payment.paid() != total {
        return Err(StoreError::Invalid(format!(
            "the payment ({}) does not match the total ({total})",
            payment.paid()
        )));
    }
    let business_date = at.date_naive();
    let day = business_date.to_string();
    let sale_no: u32 = tx
        .prepare_cached("SELECT coalesce(max(sale_no), 0) + 1 FROM sales WHERE business_date = ?1")?
        .query_row([&day], |r| r.get(0))?;
    let uuid = Uuid::now_v7().to_string();
    tx.prepare_cached(
        "INSERT INTO sales (uuid, business_date, sale_no, sold_at, staff_id, total, change_given)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![uuid, day, sale_no, at.to_rfc3339(), staff.id, total, payment.change])?;
    let sale_id = tx.last_insert_rowid();
    let mut insert_line = tx.prepare_cached(
        "INSERT INTO sale_lines (uuid, sale_id, line_no, kind, code, name_ko, name_en, category, tax_class,
             tax_rate_percent, list_price, unit_price, quantity, amount, weeks_on_floor, markdown_percent, pull)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?;
    for (line_no, line) in cart.lines().iter().enumerate() {
        let markdown = line.markdown.as_ref();
        insert_line.execute(params![
            Uuid::now_v7().to_string(),
            sale_id,
            line_no as i64 + 1,
            line.kind,
            line.code,
            line.name_ko,
            line.name_en,
            line.category,
            line.tax_class,
            line.tax_rate_percent.to_string(),
            line.list_price,
            line.unit_price,
            line.quantity,
            line.amount(),
            markdown.map(|m| m.weeks_on_floor),
            markdown.map(|m| m.percent_off.to_string()),
            markdown.is_some_and(|m| m.pull),
        ])?;
        match (line.kind, &line.code) {
            (LineKind::ItemTag, Some(code)) => {
                let marked = tx
                    .prepare_cached("UPDATE item_tags SET sold_in = ?1 WHERE code = ?2 AND sold_in IS NULL")?
                    .execute(params![sale_id, code])?;
                if marked != 1 {
                    return Err(StoreError::Invalid(format!("item {code} is unknown or already sold")));
                }
            }
            (LineKind::Stock, Some(ean)) => {
                tx.prepare_cached("UPDATE stock_items SET on_hand = on_hand - ?1 WHERE ean = ?2")?
                    .execute(params![line.quantity, ean])?;
            }
            _ => {}
        }
    }
    let vat = cart.vat();
    let mut insert_vat = tx.prepare_cached(
        "INSERT INTO sale_vat (sale_id, tax_class, rate_percent, gross, supply, vat) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for v in &vat {
        insert_vat.execute(params![sale_id, v.class, v.rate_percent.to_string(), v.gross, v.supply, v.vat])?;
    }
    let mut insert_tender = tx.prepare_cached(
        "INSERT INTO tenders (sale_id, tender_no, kind, amount, tendered) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, t) in payment.tenders.iter().enumerate() {
        insert_tender.execute(params![sale_id, i as i64 + 1, t.kind, t.amount, t.tendered])?;
    }
    if let Some(till) = till {
        super::carts::discard_open(tx, till)?;
    }
    let sale = Sale {
        id: sale_id,
        uuid,
        business_date,
        sale_no,
        sold_at: at,
        staff_id: staff.id,
        staff_name: staff.name.clone(),
        lines: cart.lines().to_vec(),
        vat,
        payment: payment.clone(),
        total,
    };
    journal::append(tx, "sale.committed", &sale, Some(staff.id), at)?;
    Ok(sale)
}
