//! Production and sell-through for a range of days: price-point tags printed (by category, by
//! intake week, by volunteer), tags sold, sell-through (of the tags printed in the range, the
//! share sold by now, whole percent rounded down), the median days from the intake week's Monday to the sale, what colour markdowns
//! cost, and what left the floor without a sale (count and kg).

use std::io::Write;

use chrono::{NaiveDate, Weekday};
use rusqlite::params;

use crate::domain::{IsoWeek, Won};
use crate::i18n::columns::pad_row;
use crate::store::{Store, StoreError};
use crate::t;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CategoryLine {
    pub code: String,
    pub name_ko: String,
    pub name_en: String,
    pub printed: i64,
    /// Price tags sold in the range, whenever they were printed.
    pub sold: i64,
    /// Of the tags printed in the range, how many have sold by now.
    pub sold_of_printed: i64,
    /// `sold_of_printed` ÷ `printed` in whole percent, rounded down; `None` when nothing was
    /// printed.
    pub sell_through: Option<i64>,
    pub median_days: Option<i64>,
    /// What colour markdowns took off the tags sold.
    pub markdowns: Won,
    pub pulled: i64,
    pub pulled_grams: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductionReport {
    pub store: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub categories: Vec<CategoryLine>,
    /// Tags printed per intake week (`YYWW`).
    pub by_week: Vec<(String, i64)>,
    /// Tags printed per person.
    pub by_person: Vec<(String, i64)>,
}

impl CategoryLine {
    /// Printed, sell-through, sold, median days and pulled, as a person reads them.
    pub fn figures(&self) -> String {
        t!(
            "report-production-line",
            printed = self.printed,
            sold = self.sold,
            through = self.sell_through.map(|p| format!("{p}%")).unwrap_or_else(|| "-".into()),
            days = self.median_days.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
            pulled = self.pulled
        )
    }
}

/// Whole percent of `part` in `whole`, rounded down (explicitly, once).
pub fn percent(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| part * 100 / whole)
}

fn median(mut days: Vec<i64>) -> Option<i64> {
    if days.is_empty() {
        return None;
    }
    days.sort_unstable();
    let mid = days.len() / 2;
    // Of an even count, the lower middle: a whole number of days, rounded down.
    Some(if days.len().is_multiple_of(2) { (days[mid - 1] + days[mid]) / 2 } else { days[mid] })
}

pub fn production(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<ProductionReport, StoreError> {
    let name = store.info().name.clone();
    store.read(|db| {
        let (a, b) = (from.to_string(), to.to_string());
        let mut categories: Vec<CategoryLine> = db
            .prepare("SELECT code, name_ko, name_en FROM categories ORDER BY code")?
            .query_map([], |r| {
                Ok(CategoryLine { code: r.get(0)?, name_ko: r.get(1)?, name_en: r.get(2)?, ..Default::default() })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let line = |code: &str, lines: &mut Vec<CategoryLine>| lines.iter().position(|c| c.code == code);
        let printed: Vec<(String, i64)> = db
            .prepare(
                "SELECT category, sum(count) FROM tag_batches
                 WHERE kind = 'price' AND substr(at, 1, 10) BETWEEN ?1 AND ?2 GROUP BY category",
            )?
            .query_map(params![a, b], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (code, n) in printed {
            if let Some(i) = line(&code, &mut categories) {
                categories[i].printed = n;
            }
        }
        // Each price tag sold (net of refunds and voids), with its intake week and day of sale.
        let mut days: Vec<Vec<i64>> = vec![Vec::new(); categories.len()];
        let sold: Vec<(String, String, String, i64, i64)> = db
            .prepare(
                "SELECT l.category, substr(l.code, 12, 4), s.business_date, l.quantity,
                        (l.list_price - l.unit_price) * l.quantity
                 FROM sale_lines l JOIN sales s ON s.id = l.sale_id
                 WHERE l.kind = 'price_tag' AND s.business_date BETWEEN ?1 AND ?2",
            )?
            .query_map(params![a, b], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (code, week, day, quantity, markdown) in sold {
            let Some(i) = line(&code, &mut categories) else { continue };
            categories[i].sold += quantity;
            categories[i].markdowns += Won::new(markdown);
            let monday =
                IsoWeek::from_yyww(&week).and_then(|w| NaiveDate::from_isoywd_opt(w.year(), w.week(), Weekday::Mon));
            let sold_on: Option<NaiveDate> = day.parse().ok();
            if let (Some(monday), Some(sold_on), true) = (monday, sold_on, quantity > 0) {
                days[i].extend(std::iter::repeat_n((sold_on - monday).num_days(), quantity as usize));
            }
        }
        // The cohort: tags printed in the range, sold at any time since.
        let cohort: Vec<(String, i64)> = db
            .prepare(
                "SELECT l.category, sum(l.quantity) FROM sale_lines l
                 WHERE l.kind = 'price_tag' AND l.code IN
                       (SELECT code FROM tag_batches WHERE kind = 'price' AND substr(at, 1, 10) BETWEEN ?1 AND ?2)
                 GROUP BY l.category",
            )?
            .query_map(params![a, b], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (code, n) in cohort {
            if let Some(i) = line(&code, &mut categories) {
                categories[i].sold_of_printed = n;
            }
        }
        let pulled: Vec<(String, i64, i64)> = db
            .prepare(
                "SELECT category, sum(count), coalesce(sum(grams), 0) FROM out_flows
                 WHERE substr(at, 1, 10) BETWEEN ?1 AND ?2 GROUP BY category",
            )?
            .query_map(params![a, b], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (code, n, grams) in pulled {
            if let Some(i) = line(&code, &mut categories) {
                categories[i].pulled = n;
                categories[i].pulled_grams = grams;
            }
        }
        for (c, days) in categories.iter_mut().zip(days) {
            c.sell_through = percent(c.sold_of_printed, c.printed);
            c.median_days = median(days);
        }
        categories.retain(|c| c.printed != 0 || c.sold != 0 || c.pulled != 0);
        let grouped = |sql: &str| -> Result<Vec<(String, i64)>, StoreError> {
            Ok(db
                .prepare(sql)?
                .query_map(params![a, b], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?)
        };
        let by_week = grouped(
            "SELECT week, sum(count) FROM tag_batches WHERE kind = 'price' AND substr(at, 1, 10) BETWEEN ?1 AND ?2
             GROUP BY week ORDER BY week",
        )?;
        let by_person = grouped(
            "SELECT s.name, sum(b.count) FROM tag_batches b JOIN staff s ON s.id = b.staff_id
             WHERE b.kind = 'price' AND substr(b.at, 1, 10) BETWEEN ?1 AND ?2 GROUP BY s.id ORDER BY 2 DESC, 1",
        )?;
        Ok(ProductionReport { store: name, from, to, categories, by_week, by_person })
    })
}

impl ProductionReport {
    pub fn printed(&self) -> i64 {
        self.categories.iter().map(|c| c.printed).sum()
    }

    pub fn sold(&self) -> i64 {
        self.categories.iter().map(|c| c.sold).sum()
    }

    pub fn sell_through(&self) -> Option<i64> {
        percent(self.categories.iter().map(|c| c.sold_of_printed).sum(), self.printed())
    }

    pub fn write_text(&self, out: &mut impl Write) -> std::io::Result<()> {
        let range = super::range_name(self.from, self.to);
        writeln!(out, "{}", t!("report-production-title", store = self.store.clone(), range = range))?;
        for c in &self.categories {
            writeln!(out, "{}", pad_row(crate::i18n::local(&c.name_ko, &c.name_en), &c.figures(), 64))?;
        }
        let total = t!(
            "report-production-total",
            printed = self.printed(),
            sold = self.sold(),
            through = self.sell_through().map(|p| format!("{p}%")).unwrap_or_else(|| "-".into())
        );
        writeln!(out, "{}", pad_row(&t!("report-total"), &total, 64))?;
        if !self.by_person.is_empty() {
            writeln!(out, "\n{}", t!("report-production-by-person"))?;
            for (name, n) in &self.by_person {
                writeln!(out, "{}", pad_row(name, &t!("report-tags", count = *n), 40))?;
            }
        }
        Ok(())
    }

    /// One row per category: stable English headers.
    pub fn write_csv(&self, out: impl Write) -> Result<(), csv::Error> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record([
            "from",
            "to",
            "category",
            "printed",
            "sold",
            "sold_of_printed",
            "sell_through_percent",
            "median_days_to_sell",
            "markdowns",
            "pulled",
            "pulled_grams",
        ])?;
        for c in &self.categories {
            w.write_record([
                self.from.to_string(),
                self.to.to_string(),
                c.code.clone(),
                c.printed.to_string(),
                c.sold.to_string(),
                c.sold_of_printed.to_string(),
                c.sell_through.map(|p| p.to_string()).unwrap_or_default(),
                c.median_days.map(|d| d.to_string()).unwrap_or_default(),
                c.markdowns.get().to_string(),
                c.pulled.to_string(),
                c.pulled_grams.to_string(),
            ])?;
        }
        w.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sell_through_and_median_round_down_once() {
        assert_eq!(percent(2, 3), Some(66));
        assert_eq!(percent(0, 0), None);
        assert_eq!(median(vec![30, 2, 9]), Some(9));
        assert_eq!(median(vec![1, 2, 4, 9]), Some(3));
        assert_eq!(median(vec![]), None);
    }
}
