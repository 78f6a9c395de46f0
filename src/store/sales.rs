//! Committing and reading sales. A sale, its lines, VAT split, tenders, the stock and item-tag
//! changes it causes and its journal event are one transaction: a receipt can only ever be
//! printed for a sale that is on disk.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::catalog::decimal;
use super::{Result, StaffMember, Store, StoreError, journal};
use crate::domain::{Cart, Line, LineKind, Markdown, Payment, ReceiptCode, Tender, TenderKind, VatLine, Won};

/// A committed sale, as the receipt and the reports see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sale {
    #[serde(skip)]
    pub id: i64,
    pub uuid: String,
    pub business_date: NaiveDate,
    pub sale_no: u32,
    pub sold_at: DateTime<FixedOffset>,
    #[serde(skip)]
    pub staff_id: i64,
    pub staff_name: String,
    pub lines: Vec<Line>,
    pub vat: Vec<VatLine>,
    pub payment: Payment,
    pub total: Won,
}

impl Sale {
    pub fn receipt_code(&self, store_code: u16) -> ReceiptCode {
        ReceiptCode { store: store_code, date: self.business_date, sale_no: self.sale_no }
    }
}

/// A paid cart on its way to the database.
#[derive(Debug, Clone)]
pub struct NewSale<'a> {
    pub cart: &'a Cart,
    pub payment: &'a Payment,
    pub staff: &'a StaffMember,
    pub at: DateTime<FixedOffset>,
}

impl Store {
    pub fn commit_sale(&mut self, sale: NewSale<'_>) -> Result<Sale> {
        Ok(self.commit_sales(std::iter::once(sale))?.remove(0))
    }

    /// Commits several sales in one transaction (the demo history; a till catching up).
    pub fn commit_sales<'a>(&mut self, sales: impl IntoIterator<Item = NewSale<'a>>) -> Result<Vec<Sale>> {
        let tx = self.conn.transaction()?;
        let committed = sales.into_iter().map(|s| commit_in(&tx, s)).collect::<Result<Vec<_>>>()?;
        tx.commit()?;
        Ok(committed)
    }

    pub fn sale(&self, date: NaiveDate, sale_no: u32) -> Result<Option<Sale>> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM sales WHERE business_date = ?1 AND sale_no = ?2",
                params![date.to_string(), sale_no],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| self.sale_by_id(id)).transpose()
    }

    pub fn sale_by_id(&self, id: i64) -> Result<Sale> {
        let conn = &self.conn;
        let (uuid, date, sale_no, sold_at, staff_id, staff_name, total, change): (
            String,
            String,
            u32,
            String,
            i64,
            String,
            i64,
            i64,
        ) = conn.query_row(
            "SELECT s.uuid, s.business_date, s.sale_no, s.sold_at, s.staff_id, st.name, s.total, s.change_given
             FROM sales s JOIN staff st ON st.id = s.staff_id WHERE s.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?)),
        )?;
        let lines = conn
            .prepare(
                "SELECT kind, code, name_ko, name_en, category, tax_class, tax_rate_percent, list_price, unit_price,
                        quantity, weeks_on_floor, markdown_percent, pull
                 FROM sale_lines WHERE sale_id = ?1 ORDER BY line_no",
            )?
            .query_map([id], |r| {
                let kind: String = r.get(0)?;
                let unit_price = Won::new(r.get(8)?);
                let weeks: Option<u32> = r.get(10)?;
                let percent: Option<String> = r.get(11)?;
                let markdown = match (weeks, percent) {
                    (Some(weeks_on_floor), Some(p)) => Some(Markdown {
                        weeks_on_floor,
                        percent_off: decimal(&p)?,
                        pull: r.get(12)?,
                        price: unit_price,
                    }),
                    _ => None,
                };
                Ok(Line {
                    kind: LineKind::parse(&kind).unwrap_or(LineKind::CategoryKey),
                    code: r.get(1)?,
                    name_ko: r.get(2)?,
                    name_en: r.get(3)?,
                    category: r.get(4)?,
                    tax_class: r.get(5)?,
                    tax_rate_percent: decimal(&r.get::<_, String>(6)?)?,
                    list_price: Won::new(r.get(7)?),
                    unit_price,
                    quantity: r.get(9)?,
                    markdown,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let vat = conn
            .prepare("SELECT tax_class, rate_percent, gross, supply, vat FROM sale_vat WHERE sale_id = ?1 ORDER BY tax_class")?
            .query_map([id], |r| {
                Ok(VatLine {
                    class: r.get(0)?,
                    rate_percent: decimal(&r.get::<_, String>(1)?)?,
                    gross: Won::new(r.get(2)?),
                    supply: Won::new(r.get(3)?),
                    vat: Won::new(r.get(4)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut vat = vat;
        crate::domain::tax::print_order(&mut vat);
        let tenders = conn
            .prepare("SELECT kind, amount, tendered FROM tenders WHERE sale_id = ?1 ORDER BY id")?
            .query_map([id], |r| {
                let kind: String = r.get(0)?;
                Ok(Tender {
                    kind: TenderKind::parse(&kind).unwrap_or(TenderKind::Cash),
                    amount: Won::new(r.get(1)?),
                    tendered: Won::new(r.get(2)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let bad = |what: &str| StoreError::Invalid(format!("sale {id} has a bad {what}"));
        Ok(Sale {
            id,
            uuid,
            business_date: date.parse().map_err(|_| bad("date"))?,
            sale_no,
            sold_at: DateTime::parse_from_rfc3339(&sold_at).map_err(|_| bad("time"))?,
            staff_id,
            staff_name,
            lines,
            vat,
            payment: Payment { tenders, change: Won::new(change) },
            total: Won::new(total),
        })
    }

    /// The most recent sale of `date`, if any.
    pub fn last_sale_no(&self, date: NaiveDate) -> Result<Option<u32>> {
        Ok(self
            .conn
            .query_row("SELECT max(sale_no) FROM sales WHERE business_date = ?1", [date.to_string()], |r| r.get(0))?)
    }
}

fn commit_in(tx: &Transaction<'_>, new: NewSale<'_>) -> Result<Sale> {
    let NewSale { cart, payment, staff, at } = new;
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
    let sale_no: u32 = tx.query_row(
        "SELECT coalesce(max(sale_no), 0) + 1 FROM sales WHERE business_date = ?1",
        [business_date.to_string()],
        |r| r.get(0),
    )?;
    let uuid = Uuid::now_v7().to_string();
    tx.execute(
        "INSERT INTO sales (uuid, business_date, sale_no, sold_at, staff_id, total, change_given)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![uuid, business_date.to_string(), sale_no, at.to_rfc3339(), staff.id, total.get(), payment.change.get()],
    )?;
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
            line.kind.as_str(),
            line.code,
            line.name_ko,
            line.name_en,
            line.category,
            line.tax_class,
            line.tax_rate_percent.to_string(),
            line.list_price.get(),
            line.unit_price.get(),
            line.quantity,
            line.amount().get(),
            markdown.map(|m| m.weeks_on_floor),
            markdown.map(|m| m.percent_off.to_string()),
            markdown.is_some_and(|m| m.pull),
        ])?;
        match (line.kind, &line.code) {
            (LineKind::ItemTag, Some(code)) => {
                let marked = tx.execute(
                    "UPDATE item_tags SET sold_in = ?1 WHERE code = ?2 AND sold_in IS NULL",
                    params![sale_id, code],
                )?;
                if marked != 1 {
                    return Err(StoreError::Invalid(format!("item {code} is unknown or already sold")));
                }
            }
            (LineKind::Stock, Some(ean)) => {
                tx.execute(
                    "UPDATE stock_items SET on_hand = on_hand - ?1 WHERE ean = ?2",
                    params![line.quantity, ean],
                )?;
            }
            _ => {}
        }
    }
    let vat = cart.vat();
    for v in &vat {
        tx.execute(
            "INSERT INTO sale_vat (sale_id, tax_class, rate_percent, gross, supply, vat) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![sale_id, v.class, v.rate_percent.to_string(), v.gross.get(), v.supply.get(), v.vat.get()],
        )?;
    }
    for t in &payment.tenders {
        tx.execute(
            "INSERT INTO tenders (sale_id, kind, amount, tendered) VALUES (?1, ?2, ?3, ?4)",
            params![sale_id, t.kind.as_str(), t.amount.get(), t.tendered.get()],
        )?;
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
