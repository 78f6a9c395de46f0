//! The daily sales report: how many sales, refunds and voids; the goods sold net of refunds
//! and voids, with supply and VAT per tax class; what markdowns and discounts took off; the
//! round-up donations (kept out of the takings and VAT); and how the money came in (cash, card,
//! store credit) and went out as store credit. VAT figures are the sum of each document's own
//! VAT split, so they match the receipts the customers hold, refunds included.

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
    /// The last day the figures cover (`date` for one day).
    pub to: NaiveDate,
    pub sales: i64,
    pub refunds: i64,
    pub voids: i64,
    /// Goods sold less goods back.
    pub items: i64,
    /// Goods sold net of refunds and voids: the store's takings (no donations).
    pub gross: Won,
    /// What refunds and voids took back (a positive amount; already out of `gross`).
    pub returned: Won,
    /// Every tax class the store knows, zero or not, ordered by code.
    pub classes: Vec<ClassTotal>,
    /// What colour markdowns and cashiers' discounts took off the goods sold.
    pub markdowns: Won,
    pub discounts: Won,
    pub donations: Won,
    /// Money in, net of what went back the same way.
    pub cash: Won,
    pub card: Won,
    pub credit_used: Won,
    /// Store credit given on refunds (vouchers printed).
    pub credit_issued: Won,
    pub cash_receipts: i64,
    pub cash_receipt_total: Won,
}

/// The day's figures, all read from one snapshot of the file: a sale committed meanwhile by
/// another process is either wholly in them or wholly not.
pub fn daily(store: &Store, date: NaiveDate) -> Result<DailyReport, StoreError> {
    let name = store.info().name.clone();
    store.read(|db| from_day_totals(db, name, date, date))
}

/// The same figures worked out from the documents themselves rather than the kept day totals:
/// what `nanum check` and the tests compare the totals with.
pub fn recounted(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<DailyReport, StoreError> {
    let name = store.info().name.clone();
    store.read(|db| daily_in(db, name, from, to))
}

/// The same figures for the days `from` to `to` together, read with one query each (a year's
/// summary costs about what a day's does). `date` is `from`.
pub fn between(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<DailyReport, StoreError> {
    let name = store.info().name.clone();
    store.read(|db| from_day_totals(db, name, from, to))
}

/// From `sales_by_day`, which each document adds to as it is written: a few rows per day.
fn from_day_totals(
    db: &rusqlite::Connection,
    store: String,
    date: NaiveDate,
    to: NaiveDate,
) -> Result<DailyReport, StoreError> {
    let figures: Vec<(String, String, i64)> = db
        .prepare_cached(
            "SELECT figure, key, sum(amount) FROM sales_by_day WHERE business_date BETWEEN ?1 AND ?2 GROUP BY figure, key",
        )?
        .query_map(params![date.to_string(), to.to_string()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let get = |figure: &str, key: &str| {
        figures.iter().find(|(f, k, _)| f == figure && k == key).map_or(0, |(_, _, amount)| *amount)
    };
    let classes = db
        .prepare_cached("SELECT code, name_ko, name_en FROM tax_classes ORDER BY code")?
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)))?
        .map(|row| {
            row.map(|(class, name_ko, name_en)| ClassTotal {
                gross: Won::new(get("class_gross", &class)),
                supply: Won::new(get("class_supply", &class)),
                vat: Won::new(get("class_vat", &class)),
                class,
                name_ko,
                name_en,
            })
        })
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(DailyReport {
        store,
        date,
        to,
        sales: get("docs", "sale"),
        refunds: get("docs", "refund"),
        voids: get("docs", "void"),
        items: get("items", ""),
        gross: Won::new(get("gross", "")),
        returned: Won::new(get("returned", "")),
        classes,
        markdowns: Won::new(get("markdowns", "")),
        discounts: Won::new(get("discounts", "")),
        donations: Won::new(get("donations", "")),
        cash: Won::new(get("tender", "cash")),
        card: Won::new(get("tender", "card")),
        credit_used: Won::new(get("credit_used", "")),
        credit_issued: Won::new(get("credit_issued", "")),
        cash_receipts: get("cash_receipts", ""),
        cash_receipt_total: Won::new(get("cash_receipt_total", "")),
    })
}

fn daily_in(
    db: &rusqlite::Connection,
    store: String,
    date: NaiveDate,
    to: NaiveDate,
) -> Result<DailyReport, StoreError> {
    let (day, last) = (date.to_string(), to.to_string());
    let (sales, refunds, voids, cash_receipts, cash_receipt_total): (i64, i64, i64, i64, i64) = db.query_row(
        "SELECT count(*) FILTER (WHERE kind = 'sale'), count(*) FILTER (WHERE kind = 'refund'),
                count(*) FILTER (WHERE kind = 'void'),
                count(*) FILTER (WHERE kind = 'sale' AND cash_receipt IS NOT NULL),
                coalesce(sum(total) FILTER (WHERE kind = 'sale' AND cash_receipt IS NOT NULL), 0)
         FROM sales WHERE business_date BETWEEN ?1 AND ?2",
        [&day, &last],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?;
    let (items, gross, returned, markdowns, discounts, donations): (i64, i64, i64, i64, i64, i64) = db.query_row(
        "SELECT coalesce(sum(l.quantity) FILTER (WHERE l.kind != 'donation'), 0),
                coalesce(sum(l.amount) FILTER (WHERE l.kind != 'donation'), 0),
                -coalesce(sum(l.amount) FILTER (WHERE l.kind != 'donation' AND s.kind != 'sale'), 0),
                coalesce(sum((l.list_price - l.unit_price) * l.quantity) FILTER (WHERE l.kind != 'donation'), 0),
                coalesce(sum(l.discount), 0),
                coalesce(sum(l.amount) FILTER (WHERE l.kind = 'donation'), 0)
         FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE s.business_date BETWEEN ?1 AND ?2",
        [&day, &last],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
    )?;
    let classes = db
        .prepare(
            "SELECT t.code, t.name_ko, t.name_en,
                    coalesce(sum(v.gross), 0), coalesce(sum(v.supply), 0), coalesce(sum(v.vat), 0)
             FROM tax_classes t
             LEFT JOIN (SELECT v.* FROM sale_vat v JOIN sales s ON s.id = v.sale_id WHERE s.business_date BETWEEN ?1 AND ?2) v
                    ON v.tax_class = t.code
             GROUP BY t.code ORDER BY t.code",
        )?
        .query_map(params![day, last], |r| {
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
    let tender = |kind: &str, filter: &str| -> Result<Won, StoreError> {
        Ok(Won::new(db.query_row(
            &format!(
                "SELECT coalesce(sum(t.amount), 0) FROM tenders t JOIN sales s ON s.id = t.sale_id
                 WHERE s.business_date BETWEEN ?1 AND ?2 AND t.kind = ?3 {filter}"
            ),
            params![day, last, kind],
            |r| r.get(0),
        )?))
    };
    Ok(DailyReport {
        store,
        date,
        to,
        sales,
        refunds,
        voids,
        items,
        gross: Won::new(gross),
        returned: Won::new(returned),
        classes,
        markdowns: Won::new(markdowns),
        discounts: Won::new(discounts),
        donations: Won::new(donations),
        cash: tender("cash", "")?,
        card: tender("card", "")?,
        credit_used: tender("store_credit", "AND t.amount > 0")?,
        credit_issued: -tender("store_credit", "AND t.amount < 0")?,
        cash_receipts,
        cash_receipt_total: Won::new(cash_receipt_total),
    })
}

impl DailyReport {
    pub fn write_text(&self, out: &mut impl Write) -> std::io::Result<()> {
        let weekday = crate::i18n::words::korean_weekday(self.date.weekday());
        let weekday = if language() == Lang::Ko { weekday } else { self.date.format("%a").to_string() };
        let days = if self.to == self.date {
            format!("{} ({weekday})", self.date)
        } else {
            super::range_name(self.date, self.to)
        };
        writeln!(out, "{}", t!("report-daily-title", store = self.store.clone(), date = days))?;
        let row = |out: &mut dyn Write, label: String, value: String| {
            writeln!(out, "{}", crate::i18n::columns::pad_row(&label, &value, 40))
        };
        row(out, t!("report-sales"), self.sales.to_string())?;
        row(out, t!("report-refunds-count"), self.refunds.to_string())?;
        row(out, t!("report-voids-count"), self.voids.to_string())?;
        row(out, t!("report-items"), self.items.to_string())?;
        row(out, t!("report-gross"), self.gross.to_string())?;
        row(out, format!("  {}", t!("report-returned")), (-self.returned).to_string())?;
        for c in &self.classes {
            let name = if language() == Lang::Ko { &c.name_ko } else { &c.name_en };
            row(out, format!("  {}", t!("report-class-gross", class = name.clone())), c.gross.to_string())?;
            row(out, format!("  {}", t!("report-class-supply", class = name.clone())), c.supply.to_string())?;
            row(out, format!("  {}", t!("report-class-vat", class = name.clone())), c.vat.to_string())?;
        }
        row(out, t!("report-markdowns"), self.markdowns.to_string())?;
        row(out, t!("report-discounts"), self.discounts.to_string())?;
        row(out, t!("receipt-donation"), self.donations.to_string())?;
        row(out, t!("report-cash"), self.cash.to_string())?;
        row(out, t!("report-card"), self.card.to_string())?;
        row(out, t!("report-credit-used"), self.credit_used.to_string())?;
        row(out, t!("report-credit-issued"), self.credit_issued.to_string())?;
        row(out, t!("report-cash-receipts"), format!("{} ({})", self.cash_receipts, self.cash_receipt_total))?;
        Ok(())
    }

    /// One header row and one data row; column names are stable English keys for spreadsheets
    /// and scripts, amounts are plain whole won.
    pub fn write_csv(&self, out: impl Write) -> Result<(), csv::Error> {
        write_days_csv(std::slice::from_ref(self), out)
    }

    /// The CSV's header and this report's row.
    fn csv_row(&self) -> (Vec<String>, Vec<String>) {
        let mut header: Vec<String> =
            ["date", "sales", "refunds", "voids", "items", "gross", "returned"].map(String::from).to_vec();
        let mut row = vec![
            self.date.to_string(),
            self.sales.to_string(),
            self.refunds.to_string(),
            self.voids.to_string(),
            self.items.to_string(),
            self.gross.get().to_string(),
            self.returned.get().to_string(),
        ];
        for c in &self.classes {
            for (what, amount) in [("gross", c.gross), ("supply", c.supply), ("vat", c.vat)] {
                header.push(format!("{}_{what}", c.class));
                row.push(amount.get().to_string());
            }
        }
        let tail = [
            ("markdowns", self.markdowns.get()),
            ("discounts", self.discounts.get()),
            ("donations", self.donations.get()),
            ("cash", self.cash.get()),
            ("card", self.card.get()),
            ("credit_used", self.credit_used.get()),
            ("credit_issued", self.credit_issued.get()),
            ("cash_receipts", self.cash_receipts),
            ("cash_receipt_total", self.cash_receipt_total.get()),
        ];
        for (name, value) in tail {
            header.push(name.to_string());
            row.push(value.to_string());
        }
        (header, row)
    }
}

/// Each day of a range with its own report: as text one after another, as CSV a row a day.
pub struct Days(pub Vec<DailyReport>);

/// Each day's own report, `from` to `to`.
pub fn each_day(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<Days, StoreError> {
    from.iter_days().take_while(|day| *day <= to).map(|day| daily(store, day)).collect::<Result<_, _>>().map(Days)
}

impl Days {
    pub fn write_text(&self, out: &mut impl Write) -> std::io::Result<()> {
        self.0.iter().try_for_each(|day| day.write_text(out))
    }

    /// One header row and a row per day.
    pub fn write_csv(&self, out: impl Write) -> Result<(), csv::Error> {
        write_days_csv(&self.0, out)
    }
}

fn write_days_csv(days: &[DailyReport], out: impl Write) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    for (i, day) in days.iter().enumerate() {
        let (header, row) = day.csv_row();
        if i == 0 {
            w.write_record(&header)?;
        }
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}
