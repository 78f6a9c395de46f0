//! The pull list for a day: which intake weeks (and so which tag colours) come off the floor,
//! and per category how many of their tags were printed, sold, already pulled and are left.

use std::io::Write;

use chrono::NaiveDate;

use crate::i18n::columns::pad_row;
use crate::i18n::{Lang, language};
use crate::store::{PullLine, Store, StoreError};
use crate::t;

pub struct PullReport {
    pub store: String,
    pub date: NaiveDate,
    pub lines: Vec<PullLine>,
}

pub fn pull(store: &Store, date: NaiveDate) -> Result<PullReport, StoreError> {
    Ok(PullReport { store: store.info().name.clone(), date, lines: store.pull_list(date)? })
}

/// An intake week as people read it (`2026-W43`), from the `YYWW` the tags carry.
pub fn week_name(yyww: &str) -> String {
    crate::domain::IsoWeek::from_yyww(yyww).map_or_else(|| yyww.to_string(), crate::i18n::words::week_in_words)
}

/// A colour's name in the screen's language (or `-` when the calendar has none).
pub fn colour_name(line: &PullLine) -> String {
    match (&line.colour, language()) {
        (Some(c), Lang::En) => c.name_en.clone(),
        (Some(c), Lang::Ko) => c.name_ko.clone(),
        (None, _) => "-".into(),
    }
}

impl PullReport {
    pub fn write_text(&self, out: &mut impl Write) -> std::io::Result<()> {
        writeln!(out, "{}", t!("report-pull-title", store = self.store.clone(), date = self.date.to_string()))?;
        if self.lines.is_empty() {
            writeln!(out, "{}", t!("report-pull-none"))?;
        }
        let mut week = "";
        for line in &self.lines {
            if line.week != week {
                week = &line.week;
                writeln!(
                    out,
                    "\n{}",
                    t!("report-pull-week", week = week_name(&line.week), colour = colour_name(line))
                )?;
            }
            let name = if language() == Lang::En { &line.name_en } else { &line.name_ko };
            let figures = t!(
                "report-pull-figures",
                printed = line.printed,
                sold = line.sold,
                pulled = line.pulled,
                left = line.left()
            );
            writeln!(out, "{}", pad_row(name, &figures, 52))?;
        }
        Ok(())
    }

    pub fn write_csv(&self, out: impl Write) -> Result<(), csv::Error> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(["date", "week", "colour", "category", "printed", "sold", "pulled", "left"])?;
        for l in &self.lines {
            w.write_record([
                self.date.to_string(),
                l.week.clone(),
                l.colour.as_ref().map(|c| c.key.clone()).unwrap_or_default(),
                l.category.clone(),
                l.printed.to_string(),
                l.sold.to_string(),
                l.pulled.to_string(),
                l.left().to_string(),
            ])?;
        }
        w.flush()?;
        Ok(())
    }
}
