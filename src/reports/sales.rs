//! Where a range of days' sales came from: goods sold (net of refunds and voids) by hour of the
//! day, by category and by cashier. The totals are the daily report's own figures over the
//! range, read by the same code, so the screen, the CSV and `nanum report daily` agree.

use std::io::Write;

use chrono::NaiveDate;
use rusqlite::params;

use crate::domain::Won;
use crate::i18n::columns::pad_row;
use crate::reports::daily::{self, DailyReport};
use crate::store::{Store, StoreError};
use crate::t;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalesReport {
    pub store: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The daily report's figures over the whole range.
    pub summary: DailyReport,
    /// Goods sold net by the hour they were rung up (0–23).
    pub by_hour: [Won; 24],
    /// Category code, Korean and English names, pieces, amount.
    pub by_category: Vec<(String, String, String, i64, Won)>,
    /// Cashier, documents, amount.
    pub by_cashier: Vec<(String, i64, Won)>,
    /// Goods sold net on each day of the range (the trend).
    pub by_day: Vec<(NaiveDate, Won)>,
}

pub fn sales(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<SalesReport, StoreError> {
    let summary = daily::between(store, from, to)?;
    let name = store.info().name.clone();
    store.read(|db| {
        let (a, b) = (from.to_string(), to.to_string());
        let mut by_hour = [Won::ZERO; 24];
        let hours: Vec<(i64, i64)> = db
            .prepare(
                "SELECT CAST(substr(s.sold_at, 12, 2) AS INTEGER), sum(l.amount)
                 FROM sale_lines l JOIN sales s ON s.id = l.sale_id
                 WHERE s.business_date BETWEEN ?1 AND ?2 AND l.kind != 'donation' GROUP BY 1",
            )?
            .query_map(params![a, b], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (hour, amount) in hours {
            let slot = usize::try_from(hour).ok().filter(|h| *h < 24);
            let slot = slot.ok_or_else(|| StoreError::Unreadable(format!("a sale rung up at hour {hour}")))?;
            by_hour[slot] = Won::new(amount);
        }
        let by_category = db
            .prepare(
                "SELECT coalesce(l.category, ''), coalesce(c.name_ko, ''), coalesce(c.name_en, ''),
                        sum(l.quantity), sum(l.amount)
                 FROM sale_lines l JOIN sales s ON s.id = l.sale_id LEFT JOIN categories c ON c.code = l.category
                 WHERE s.business_date BETWEEN ?1 AND ?2 AND l.kind != 'donation'
                 GROUP BY l.category ORDER BY sum(l.amount) DESC, l.category",
            )?
            .query_map(params![a, b], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, Won::new(r.get(4)?))))?
            .collect::<rusqlite::Result<_>>()?;
        let by_cashier = db
            .prepare(
                "SELECT p.name, count(DISTINCT s.id),
                        coalesce(sum(l.amount) FILTER (WHERE l.kind != 'donation'), 0)
                 FROM sales s JOIN staff p ON p.id = s.staff_id LEFT JOIN sale_lines l ON l.sale_id = s.id
                 WHERE s.business_date BETWEEN ?1 AND ?2 GROUP BY p.id ORDER BY 3 DESC, 1",
            )?
            .query_map(params![a, b], |r| Ok((r.get(0)?, r.get(1)?, Won::new(r.get(2)?))))?
            .collect::<rusqlite::Result<_>>()?;
        let by_day = db
            .prepare(
                "SELECT business_date, amount FROM sales_by_day
                 WHERE business_date BETWEEN ?1 AND ?2 AND figure = 'gross' ORDER BY business_date",
            )?
            .query_map(params![a, b], |r| Ok((crate::store::sql::date(r, 0)?, Won::new(r.get(1)?))))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(SalesReport { store: name, from, to, summary, by_hour, by_category, by_cashier, by_day })
    })
}

/// Of the totals, the ones that are counts (carried in a `Won` for one list), not money.
pub fn is_count(key: &str) -> bool {
    matches!(key, "sales" | "refunds" | "voids" | "cash_receipts")
}

/// A total as a person reads it: counts as counts, money as money.
pub fn shown(key: &str, amount: Won) -> String {
    if is_count(key) { amount.get().to_string() } else { crate::i18n::won(amount) }
}

impl SalesReport {
    pub fn gross(&self) -> Won {
        self.summary.gross
    }

    /// The headline figures, in order: key, label, amount.
    pub fn totals(&self) -> Vec<(&'static str, String, Won)> {
        let d = &self.summary;
        vec![
            ("sales", t!("report-sales-count"), Won::new(d.sales)),
            ("gross", t!("report-gross"), d.gross),
            ("returned", t!("report-returned"), d.returned),
            ("refunds", t!("report-refunds-count"), Won::new(d.refunds)),
            ("voids", t!("report-voids-count"), Won::new(d.voids)),
            ("markdowns", t!("report-markdowns"), d.markdowns),
            ("discounts", t!("report-discounts"), d.discounts),
            ("round_up", t!("receipt-donation"), d.donations),
            ("cash", t!("report-cash"), d.cash),
            ("card", t!("report-card"), d.card),
            ("credit", t!("report-credit-used"), d.credit_used),
            ("cash_receipts", t!("report-cash-receipts"), Won::new(d.cash_receipts)),
        ]
    }

    /// Supply and VAT per tax class over the range: name, gross, supply, VAT.
    pub fn classes(&self) -> Vec<(String, Won, Won, Won)> {
        self.summary
            .classes
            .iter()
            .map(|c| (crate::i18n::local(&c.name_ko, &c.name_en).to_string(), c.gross, c.supply, c.vat))
            .collect()
    }

    pub fn write_text(&self, out: &mut impl Write) -> std::io::Result<()> {
        let range = super::range_name(self.from, self.to);
        writeln!(out, "{}", t!("report-sales-title", store = self.store.clone(), range = range))?;
        for (key, label, amount) in self.totals() {
            writeln!(out, "{}", pad_row(&label, &shown(key, amount), 48))?;
        }
        writeln!(out, "\n{}", t!("report-by-category"))?;
        for (_, ko, en, n, amount) in &self.by_category {
            let label = format!("{} ({n})", crate::i18n::local(ko, en));
            writeln!(out, "{}", pad_row(&label, &amount.to_string(), 48))?;
        }
        writeln!(out, "\n{}", t!("report-by-cashier"))?;
        for (name, n, amount) in &self.by_cashier {
            writeln!(out, "{}", pad_row(&format!("{name} ({n})"), &amount.to_string(), 48))?;
        }
        Ok(())
    }

    /// `kind,key,count,amount`: the totals, then by hour, category and cashier.
    pub fn write_csv(&self, out: impl Write) -> Result<(), csv::Error> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(["from", "to", "kind", "key", "count", "amount"])?;
        let (a, b) = (self.from.to_string(), self.to.to_string());
        let mut row = |kind: &str, key: String, count: String, amount: String| {
            w.write_record([a.clone(), b.clone(), kind.to_string(), key, count, amount])
        };
        for (key, _, amount) in self.totals() {
            row("total", key.to_string(), String::new(), amount.get().to_string())?;
        }
        for (hour, amount) in self.by_hour.iter().enumerate() {
            row("hour", format!("{hour:02}"), String::new(), amount.get().to_string())?;
        }
        for (code, _, _, n, amount) in &self.by_category {
            row("category", code.clone(), n.to_string(), amount.get().to_string())?;
        }
        for (name, n, amount) in &self.by_cashier {
            row("cashier", name.clone(), n.to_string(), amount.get().to_string())?;
        }
        for (day, amount) in &self.by_day {
            row("day", day.to_string(), String::new(), amount.get().to_string())?;
        }
        w.flush()?;
        Ok(())
    }
}
