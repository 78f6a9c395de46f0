//! The daily sales report: how many sales, their gross, supply and VAT per tax class, and how
//! the money came in (cash, card). VAT figures are the sum of each receipt's own VAT split, so
//! they match the receipts the customers hold.

use std::io::Write;

use chrono::{Datelike, NaiveDate};
use rusqlite::params;
use serde::Serialize;

use crate::domain::Won;
use crate::i18n::{Lang, language};
use crate::store::{Store, StoreError};
use crate::t;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClassTotal {
    pub class: String,
    pub name_ko: String,
    pub name_en: String,
    pub gross: Won,
    pub supply: Won,
    pub vat: Won,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DailyReport {
    pub store: String,
    pub date: NaiveDate,
    pub sales: i64,
    pub items: i64,
    pub gross: Won,
    /// Every tax class the store knows, zero or not, ordered by code.
    pub classes: Vec<ClassTotal>,
    pub cash: Won,
    pub card: Won,
}

/// The day's figures, all read from one snapshot of the file: a sale committed meanwhile by
/// another process is either wholly in them or wholly not.
pub fn daily(store: &Store, date: NaiveDate) -> Result<DailyReport, StoreError> {
    let name = store.info().name.clone();
    store.read(|db| daily_in(db, name, date))
}

fn daily_in(db: &rusqlite::Connection, store: String, date: NaiveDate) -> Result<DailyReport, StoreError> {
    let day = date.to_string();
    let (sales, gross): (i64, i64) =
        db.query_row("SELECT count(*), coalesce(sum(total), 0) FROM sales WHERE business_date = ?1", [&day], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let items: i64 = db.query_row(
        "SELECT coalesce(sum(l.quantity), 0) FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE s.business_date = ?1",
        [&day],
        |r| r.get(0),
    )?;
    let classes = db
        .prepare(
            "SELECT t.code, t.name_ko, t.name_en,
                    coalesce(sum(v.gross), 0), coalesce(sum(v.supply), 0), coalesce(sum(v.vat), 0)
             FROM tax_classes t
             LEFT JOIN (SELECT v.* FROM sale_vat v JOIN sales s ON s.id = v.sale_id WHERE s.business_date = ?1) v
                    ON v.tax_class = t.code
             GROUP BY t.code ORDER BY t.code",
        )?
        .query_map(params![day], |r| {
            Ok(ClassTotal {
                class: r.get(0)?,
                name_ko: r.get(1)?,
                name_en: r.get(2)?,
                gross: Won::new(r.get(3)?),
                supply: Won::new(r.get(4)?),
                vat: Won::new(r.get(5)?),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let tender = |kind: &str| -> Result<Won, StoreError> {
        Ok(Won::new(db.query_row(
            "SELECT coalesce(sum(t.amount), 0) FROM tenders t JOIN sales s ON s.id = t.sale_id
             WHERE s.business_date = ?1 AND t.kind = ?2",
            params![day, kind],
            |r| r.get(0),
        )?))
    };
    Ok(DailyReport {
        store,
        date,
        sales,
        items,
        gross: Won::new(gross),
        classes,
        cash: tender("cash")?,
        card: tender("card")?,
    })
}

impl DailyReport {
    pub fn write_text(&self, out: &mut impl Write) -> std::io::Result<()> {
        let weekday = crate::hardware::receipt::korean_weekday(self.date.weekday());
        let weekday = if language() == Lang::Ko { weekday } else { self.date.format("%a").to_string() };
        writeln!(
            out,
            "{}",
            t!("report-daily-title", store = self.store.clone(), date = format!("{} ({weekday})", self.date))
        )?;
        let row = |out: &mut dyn Write, label: String, value: String| {
            writeln!(out, "{}", crate::hardware::document::pad_row(&label, &value, 40))
        };
        row(out, t!("report-sales"), self.sales.to_string())?;
        row(out, t!("report-items"), self.items.to_string())?;
        row(out, t!("report-gross"), self.gross.to_string())?;
        for c in &self.classes {
            let name = if language() == Lang::Ko { &c.name_ko } else { &c.name_en };
            row(out, format!("  {}", t!("report-class-gross", class = name.clone())), c.gross.to_string())?;
            row(out, format!("  {}", t!("report-class-supply", class = name.clone())), c.supply.to_string())?;
            row(out, format!("  {}", t!("report-class-vat", class = name.clone())), c.vat.to_string())?;
        }
        row(out, t!("report-cash"), self.cash.to_string())?;
        row(out, t!("report-card"), self.card.to_string())?;
        Ok(())
    }

    /// One header row and one data row; column names are stable English keys for spreadsheets
    /// and scripts, amounts are plain whole won.
    pub fn write_csv(&self, out: impl Write) -> Result<(), csv::Error> {
        let mut w = csv::Writer::from_writer(out);
        let mut header = vec!["date".to_string(), "sales".into(), "items".into(), "gross".into()];
        let mut row =
            vec![self.date.to_string(), self.sales.to_string(), self.items.to_string(), self.gross.get().to_string()];
        for c in &self.classes {
            for (what, amount) in [("gross", c.gross), ("supply", c.supply), ("vat", c.vat)] {
                header.push(format!("{}_{what}", c.class));
                row.push(amount.get().to_string());
            }
        }
        header.extend(["cash".to_string(), "card".into()]);
        row.extend([self.cash.get().to_string(), self.card.get().to_string()]);
        w.write_record(&header)?;
        w.write_record(&row)?;
        w.flush()?;
        Ok(())
    }
}
