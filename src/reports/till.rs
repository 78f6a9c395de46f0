//! The till report: one row per till session that opened on a day, with who opened and closed
//! it and its cash (float, cash sales, cash refunds, cash in, cash out, expected, counted and
//! the difference, with any later corrections to the count). The figures come from the same
//! place as the X and Z reports.

use std::io::Write;

use chrono::NaiveDate;

use crate::domain::Won;
use crate::domain::money::signed;
use crate::i18n::columns::pad_row;
use crate::store::{SessionReport, Store, StoreError};
use crate::t;

#[derive(Debug, Clone)]
pub struct TillReport {
    pub store: String,
    pub date: NaiveDate,
    /// The last day (`date` for one day).
    pub to: NaiveDate,
    pub sessions: Vec<SessionReport>,
}

pub fn till(store: &Store, date: NaiveDate) -> Result<TillReport, StoreError> {
    Ok(TillReport { store: store.info().name.clone(), date, to: date, sessions: store.sessions_of(date)? })
}

/// The sessions opened on the days `from` to `to`, in order.
pub fn between(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<TillReport, StoreError> {
    let mut sessions = Vec::new();
    for day in from.iter_days().take_while(|day| *day <= to) {
        sessions.extend(store.sessions_of(day)?);
    }
    Ok(TillReport { store: store.info().name.clone(), date: from, to, sessions })
}

/// The CSV's columns, in order: stable English names, whole won.
pub(super) const COLUMNS: [&str; 15] = [
    "till",
    "opened_at",
    "opened_by",
    "closed_at",
    "closed_by",
    "float",
    "cash_sales",
    "cash_refunds",
    "cash_in",
    "cash_out",
    "expected",
    "counted",
    "corrections",
    "difference",
    "z_no",
];

/// A session's values, in [`COLUMNS`]' order, times as `time` writes them. Open sessions have no
/// count yet.
pub(super) fn columns(
    s: &SessionReport,
    time: impl Fn(&chrono::DateTime<chrono::FixedOffset>) -> String,
) -> [String; 15] {
    let session = &s.session;
    let closed = session.closed.as_ref();
    let money = |w: Won| w.get().to_string();
    [
        session.till.clone(),
        time(&session.opened_at),
        session.opened_by.clone(),
        closed.map(|c| time(&c.at)).unwrap_or_default(),
        closed.map(|c| c.by.clone()).unwrap_or_default(),
        money(s.cash.float),
        money(s.cash.cash_sales),
        money(s.cash.cash_refunds),
        money(s.cash.cash_in),
        money(s.cash.cash_out),
        money(closed.map_or(s.cash.expected(), |c| c.expected)),
        s.counted().map(money).unwrap_or_default(),
        closed.map(|_| money(s.corrections.iter().map(|c| c.amount).sum())).unwrap_or_default(),
        s.difference().map(money).unwrap_or_default(),
        closed.map(|c| c.z_no.to_string()).unwrap_or_default(),
    ]
}

impl TillReport {
    pub fn write_text(&self, out: &mut impl Write) -> std::io::Result<()> {
        let days = super::range_name(self.date, self.to);
        writeln!(out, "{}", t!("report-till-title", store = self.store.clone(), date = days))?;
        if self.sessions.is_empty() {
            writeln!(out, "{}", t!("report-till-none"))?;
        }
        for s in &self.sessions {
            let session = &s.session;
            writeln!(out)?;
            let closed = match &session.closed {
                Some(c) => t!("report-till-closed", time = c.at.format("%H:%M").to_string(), name = c.by.clone()),
                None => t!("report-till-still-open"),
            };
            writeln!(out, "{} · {} {} · {closed}", session.till, session.opened_at.format("%H:%M"), session.opened_by)?;
            let row =
                |out: &mut dyn Write, label: String, value: String| writeln!(out, "{}", pad_row(&label, &value, 40));
            row(out, t!("report-float"), s.cash.float.to_string())?;
            row(out, t!("report-cash-sales"), s.cash.cash_sales.to_string())?;
            row(out, t!("report-cash-refunds"), (-s.cash.cash_refunds).to_string())?;
            row(out, t!("report-cash-in"), s.cash.cash_in.to_string())?;
            row(out, t!("report-cash-out"), (-s.cash.cash_out).to_string())?;
            row(
                out,
                t!("report-expected"),
                s.session.closed.as_ref().map_or(s.cash.expected(), |c| c.expected).to_string(),
            )?;
            if let (Some(counted), Some(difference)) = (s.counted(), s.difference()) {
                for c in &s.corrections {
                    row(out, t!("report-correction", reason = c.reason.clone()), signed(c.amount))?;
                }
                row(out, t!("report-counted"), counted.to_string())?;
                row(out, t!("report-difference"), signed(difference))?;
            }
        }
        Ok(())
    }

    /// A header row and one row per session; stable English column names, whole won.
    pub fn write_csv(&self, out: impl Write) -> Result<(), csv::Error> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(COLUMNS)?;
        for s in &self.sessions {
            w.write_record(columns(s, |t| t.to_rfc3339()))?;
        }
        w.flush()?;
        Ok(())
    }
}
