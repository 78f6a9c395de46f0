//! Each day's sales figures (`sales_by_day`), kept as documents are written so a day's report
//! and a year's summary read a few rows a day instead of every line. `nanum check` recounts them
//! from the documents on its own (`check::RECOUNT`), so a mistake here cannot hide itself.
//!
//! Until migration 0015 SQLite triggers kept them, one statement per line, VAT class and tender;
//! a document now adds its figures in one go from what it already holds (a quarter of a sale's
//! own work went to those triggers). Documents are only written through `sales::insert_doc`.

use std::collections::BTreeMap;

use rusqlite::Transaction;

use super::Result;
use crate::domain::{Line, Payment, SaleKind, TenderKind, VatLine};

/// What one document adds to its day.
pub(super) struct DocFigures<'a> {
    pub day: &'a str,
    pub kind: SaleKind,
    pub has_cash_receipt: bool,
    pub total: i64,
    pub lines: &'a [Line],
    pub vat: &'a [VatLine],
    pub payment: &'a Payment,
}

impl DocFigures<'_> {
    /// Figure and key to amount; figures of 0 are left out (a day without one reads it as 0).
    fn figures(&self) -> BTreeMap<(&'static str, &str), i64> {
        let mut f = BTreeMap::new();
        let mut add = |figure, key, amount: i64| *f.entry((figure, key)).or_insert(0) += amount;
        add("docs", self.kind.as_str(), 1);
        if self.kind == SaleKind::Sale && self.has_cash_receipt {
            add("cash_receipts", "", 1);
            add("cash_receipt_total", "", self.total);
        }
        for line in self.lines {
            let amount = line.amount().get();
            add("discounts", "", line.discount.get());
            if !line.is_goods() {
                add("donations", "", amount);
                continue;
            }
            add("items", "", i64::from(line.quantity));
            add("gross", "", amount);
            add("markdowns", "", (line.list_price - line.unit_price).get() * i64::from(line.quantity));
            if self.kind != SaleKind::Sale {
                add("returned", "", -amount);
            }
        }
        for v in self.vat {
            add("class_gross", &v.class, v.gross.get());
            add("class_supply", &v.class, v.supply.get());
            add("class_vat", &v.class, v.vat.get());
        }
        for t in &self.payment.tenders {
            add("tender", t.kind.as_str(), t.amount.get());
            if t.kind == TenderKind::StoreCredit {
                let figure = if t.amount.is_positive() { "credit_used" } else { "credit_issued" };
                add(figure, "", t.amount.get().abs());
            }
        }
        f.retain(|_, amount| *amount != 0);
        f
    }
}

/// Adds a document being written in this transaction to its day's figures.
pub(super) fn add_document(tx: &Transaction<'_>, doc: &DocFigures<'_>) -> Result<()> {
    let mut upsert = tx.prepare_cached(
        "INSERT INTO sales_by_day (business_date, figure, key, amount) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (business_date, figure, key) DO UPDATE SET amount = amount + excluded.amount",
    )?;
    for ((figure, key), amount) in doc.figures() {
        upsert.execute(rusqlite::params![doc.day, figure, key, amount])?;
    }
    Ok(())
}
