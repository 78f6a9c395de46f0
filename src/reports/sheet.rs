//! A report as a table for a person: the CSV a manager saves from the reports screen and opens
//! in a spreadsheet. Headers and values are in the screen's language (분류 names, not codes),
//! counts and amounts sit in columns of their own as plain numbers, so a sum works. The
//! command line's `--csv` stays the stable English form for scripts.

use std::io::Write;

use crate::domain::Won;
use crate::t;

use super::{donations, impact, production, sales, till, volunteers};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Sheet {
    /// A sheet with the headers of these message ids.
    fn new(headers: impl IntoIterator<Item = impl AsRef<str>>) -> Sheet {
        let headers =
            headers.into_iter().map(|id| crate::i18n::tr_in(crate::i18n::language(), id.as_ref(), &[])).collect();
        Sheet { headers, rows: Vec::new() }
    }

    fn push(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// UTF-8 with a byte-order mark, which is how a spreadsheet knows the file is not in the
    /// old Korean code page.
    pub fn write(&self, mut out: impl Write) -> Result<(), csv::Error> {
        out.write_all("\u{feff}".as_bytes())?;
        let mut w = csv::Writer::from_writer(out);
        w.write_record(&self.headers)?;
        for row in &self.rows {
            w.write_record(row)?;
        }
        w.flush()?;
        Ok(())
    }
}

/// A report that can be laid out as a [`Sheet`].
pub trait ForPeople {
    fn sheet(&self) -> Sheet;
}

fn amount(w: Won) -> String {
    w.get().to_string()
}

const COUNT_AND_AMOUNT: [&str; 4] = ["sheet-kind", "sheet-item", "sheet-count", "sheet-amount"];

impl ForPeople for sales::SalesReport {
    fn sheet(&self) -> Sheet {
        let mut sheet = Sheet::new(COUNT_AND_AMOUNT);
        let total = t!("sheet-kind-total");
        for (key, label, value) in self.totals() {
            let (count, money) = if sales::is_count(key) {
                (value.get().to_string(), String::new())
            } else {
                (String::new(), amount(value))
            };
            sheet.push(vec![total.clone(), label, count, money]);
        }
        for (hour, value) in self.by_hour.iter().enumerate().filter(|(_, v)| **v != Won::ZERO) {
            sheet.push(vec![t!("sheet-kind-hour"), t!("sheet-hour", hour = hour), String::new(), amount(*value)]);
        }
        for (_, ko, en, n, value) in &self.by_category {
            let name = crate::i18n::local(ko, en).to_string();
            sheet.push(vec![t!("sheet-kind-category"), name, n.to_string(), amount(*value)]);
        }
        for (name, n, value) in &self.by_cashier {
            sheet.push(vec![t!("sheet-kind-cashier"), name.clone(), n.to_string(), amount(*value)]);
        }
        if self.from != self.to {
            for (day, value) in &self.by_day {
                sheet.push(vec![t!("sheet-kind-day"), day.to_string(), String::new(), amount(*value)]);
            }
        }
        sheet
    }
}

impl ForPeople for till::TillReport {
    fn sheet(&self) -> Sheet {
        let mut sheet = Sheet::new(till::COLUMNS.map(|c| format!("csv-{c}")));
        for s in &self.sessions {
            sheet.push(till::columns(s, |t| t.format("%Y-%m-%d %H:%M").to_string()).to_vec());
        }
        sheet
    }
}

impl ForPeople for donations::DonationsReport {
    fn sheet(&self) -> Sheet {
        let mut sheet = Sheet::new(["sheet-kind", "sheet-item", "csv-donations", "sheet-pieces", "sheet-amount"]);
        for row in &self.rows {
            let kind = match row.kind {
                "channel" => t!("sheet-kind-channel"),
                "category" => t!("sheet-kind-category"),
                "rejection" => t!("sheet-kind-rejection"),
                "donors" => t!("sheet-kind-donors"),
                _ => t!("sheet-kind-total"),
            };
            sheet.push(vec![
                kind,
                row.label.clone(),
                row.donations.to_string(),
                row.count.to_string(),
                amount(row.value),
            ]);
        }
        sheet
    }
}

impl ForPeople for production::ProductionReport {
    fn sheet(&self) -> Sheet {
        let mut sheet = Sheet::new([
            "csv-category",
            "csv-printed",
            "csv-sold",
            "csv-sold_of_printed",
            "csv-sell_through_percent",
            "csv-median_days_to_sell",
            "csv-markdowns",
            "csv-pulled",
            "csv-pulled_grams",
        ]);
        for c in &self.categories {
            sheet.push(vec![
                crate::i18n::local(&c.name_ko, &c.name_en).to_string(),
                c.printed.to_string(),
                c.sold.to_string(),
                c.sold_of_printed.to_string(),
                c.sell_through.map(|p| p.to_string()).unwrap_or_default(),
                c.median_days.map(|d| d.to_string()).unwrap_or_default(),
                amount(c.markdowns),
                c.pulled.to_string(),
                c.pulled_grams.to_string(),
            ]);
        }
        sheet
    }
}

impl ForPeople for volunteers::VolunteersReport {
    fn sheet(&self) -> Sheet {
        let mut sheet = Sheet::new([
            "csv-date",
            "csv-name",
            "csv-start",
            "csv-end",
            "csv-worked_minutes",
            "csv-credited_minutes",
            "csv-duties",
            "csv-to_confirm",
        ]);
        for d in &self.days {
            let duties: Vec<String> = d.duties.iter().map(|duty| volunteers::duty_name(*duty)).collect();
            sheet.push(vec![
                d.credited.day.to_string(),
                d.name.clone(),
                d.credited.start.format("%H:%M").to_string(),
                d.credited.end.format("%H:%M").to_string(),
                d.credited.worked_minutes.to_string(),
                d.credited.credited_minutes.to_string(),
                duties.join(", "),
                if d.to_confirm { t!("sheet-yes") } else { String::new() },
            ]);
        }
        sheet
    }
}

impl ForPeople for impact::ImpactReport {
    fn sheet(&self) -> Sheet {
        let mut sheet = Sheet::new(["sheet-item", "sheet-value"]);
        for (_, label, shown, _) in self.figures() {
            sheet.push(vec![label, shown]);
        }
        sheet
    }
}
