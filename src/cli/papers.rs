//! Commands that read the store: a scan's price, reports, exports, the sale policy and the
//! file's own check.

use std::io::Write;
use std::path::PathBuf;

use chrono::{Local, NaiveDate};

use super::{Cx, Failure, Format, ReportKind, open, today, totals_path, write_whole};
use crate::domain::reference::{hold_hours_ok, percent_ok};
use crate::{explain, reports, t};

pub(super) fn price(cx: &Cx<'_>, code: String, date: Option<NaiveDate>) -> Result<(), Failure> {
    let Cx { db, paths, .. } = *cx;
    let store = open(db, paths)?;
    let date = date.unwrap_or_else(today);
    let priced = store.price_scan(&code, date).map_err(|e| Failure::User(explain::scan_error(&e)))?;
    print!("{}", explain::price_explanation(&priced, date));
    Ok(())
}

pub(super) fn report(
    cx: &Cx<'_>,
    kind: ReportKind,
    date: Option<NaiveDate>,
    to: Option<NaiveDate>,
    format: Format,
) -> Result<(), Failure> {
    let Cx { db, paths, .. } = *cx;
    let from = date.unwrap_or_else(today);
    if matches!(kind, ReportKind::Pull) && to.is_some() {
        return Err(Failure::Usage(t!("cli-report-no-range")));
    }
    let to = to.unwrap_or(from);
    if to < from {
        return Err(Failure::Usage(t!("cli-report-backwards")));
    }
    let store = open(db, paths)?;
    let now = Local::now().naive_local();
    let report: Box<dyn reports::Report> = match kind {
        // Daily: the days' figures together as text, a row for each day as CSV.
        ReportKind::Daily if format == Format::Csv => Box::new(reports::daily::each_day(&store, from, to)?),
        ReportKind::Daily => Box::new(reports::daily::between(&store, from, to)?),
        ReportKind::Till => Box::new(reports::till::between(&store, from, to)?),
        ReportKind::Donations => Box::new(reports::donations::donations_between(&store, from, to)?),
        ReportKind::Pull => Box::new(reports::pull::pull(&store, from)?),
        ReportKind::Volunteers => Box::new(reports::volunteers::volunteers(&store, from, to, now)?),
        ReportKind::Production => Box::new(reports::production::production(&store, from, to)?),
        ReportKind::Impact => Box::new(reports::impact::impact(&store, from, to, now)?),
        ReportKind::Sales => Box::new(reports::sales::sales(&store, from, to)?),
    };
    let mut stdout = std::io::stdout().lock();
    match format {
        Format::Text => report.text(&mut stdout)?,
        Format::Csv => report.csv(&mut stdout)?,
    }
    Ok(())
}

pub(super) fn policy(
    cx: &Cx<'_>,
    discount_limit: Option<rust_decimal::Decimal>,
    hold_hours: Option<i64>,
) -> Result<(), Failure> {
    let Cx { db, paths, .. } = *cx;
    let mut store = open(db, paths)?;
    let mut policy = store.policy().map_err(|e| Failure::User(explain::store_error(&e)))?;
    // The store refuses these too; asked here so the person reads which command was wrong.
    if !discount_limit.is_none_or(percent_ok) || !hold_hours.is_none_or(hold_hours_ok) {
        return Err(Failure::User(t!("cli-policy-invalid")));
    }
    if discount_limit.is_some() || hold_hours.is_some() {
        if let Some(limit) = discount_limit {
            policy.discount_limit_percent = limit;
        }
        if let Some(hours) = hold_hours {
            policy.hold = chrono::Duration::hours(hours);
        }
        store.set_policy(&policy, Local::now().fixed_offset()).map_err(|e| Failure::User(explain::store_error(&e)))?;
    }
    println!(
        "{}",
        t!(
            "cli-policy",
            limit = policy.discount_limit_percent.normalize().to_string(),
            hours = policy.hold.num_hours()
        )
    );
    Ok(())
}

pub(super) fn export_volunteers(cx: &Cx<'_>, month: Option<NaiveDate>, out: PathBuf) -> Result<(), Failure> {
    let Cx { db, paths, .. } = *cx;
    let month = month.ok_or_else(|| Failure::Usage(t!("cli-export-needs-month")))?;
    let store = open(db, paths)?;
    let export = reports::volunteers::portal_export(&store, month, Local::now().naive_local())?;
    let totals = totals_path(&out);
    write_whole(&out, |w| export.write_days(w))?;
    write_whole(&totals, |w| export.write_totals(w))?;
    println!(
        "{}",
        t!(
            "cli-exported-volunteers",
            path = out.display().to_string(),
            rows = export.report.days.len(),
            people = export.report.totals().len(),
            totals = totals.display().to_string()
        )
    );
    if export.left_out > 0 {
        eprintln!("{}", t!("cli-exported-volunteers-left-out", count = export.left_out));
    }
    Ok(())
}

pub(super) fn export_donations(cx: &Cx<'_>, year: Option<i32>, out: PathBuf) -> Result<(), Failure> {
    let Cx { db, paths, .. } = *cx;
    let year = year.ok_or_else(|| Failure::Usage(t!("cli-export-needs-year")))?;
    let store = open(db, paths)?;
    let export = reports::donations::export(&store, year)?;
    write_whole(&out, |w| export.write_csv(w))?;
    println!(
        "{}",
        t!(
            "cli-exported-donations",
            path = out.display().to_string(),
            donors = export.donors.len(),
            anonymous = export.anonymous
        )
    );
    Ok(())
}

/// The journal for an auditor, now that the file keeps payloads packed: one event a line.
pub(super) fn journal(cx: &Cx<'_>, after: i64, kind: Option<&str>) -> Result<(), Failure> {
    let Cx { db, paths, .. } = *cx;
    let store = open(db, paths)?;
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let mut after = after;
    loop {
        let events = crate::store::journal::events_after(store.reader(), after, 1000)?;
        let Some(last) = events.last() else { break };
        after = last.seq;
        for event in events.iter().filter(|e| kind.is_none_or(|k| e.kind == k)) {
            let line = serde_json::to_string(event).map_err(|e| Failure::User(e.to_string()))?;
            writeln!(stdout, "{line}")?;
        }
    }
    stdout.flush()?;
    Ok(())
}

pub(super) fn check(cx: &Cx<'_>) -> Result<(), Failure> {
    let Cx { db, paths, .. } = *cx;
    let store = open(db, paths)?;
    let report = store.check()?;
    let mut stdout = std::io::stdout().lock();
    if report.integrity.is_empty() {
        writeln!(stdout, "{}", t!("check-integrity-ok"))?;
    }
    for problem in &report.integrity {
        writeln!(stdout, "{}", t!("check-integrity-problem", problem = problem.clone()))?;
    }
    if report.chain.is_empty() {
        writeln!(stdout, "{}", t!("check-chain-ok", events = report.events))?;
    }
    for problem in &report.chain {
        writeln!(stdout, "{}", explain::chain_problem(problem))?;
    }
    if report.sales.is_empty() {
        writeln!(stdout, "{}", t!("check-sales-ok", sales = report.sales_checked))?;
    }
    for problem in &report.sales {
        writeln!(stdout, "{}", explain::sale_problem(problem))?;
    }
    if report.day_totals.is_empty() {
        writeln!(stdout, "{}", t!("check-day-totals-ok"))?;
    }
    for day in &report.day_totals {
        writeln!(stdout, "{}", t!("check-day-totals", date = day.clone()))?;
    }
    if !report.is_ok() {
        return Err(Failure::User(t!("check-failed")));
    }
    Ok(())
}
