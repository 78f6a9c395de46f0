//! Volunteer hours: one row per person per day (first start, last end, time worked, the hours
//! credited, capped at eight a day), each person's total, and the monthly export in the layout
//! the national volunteer portals (1365, VMS) take for bulk upload. A shift still open past
//! closing time counts as closed then, waiting for a manager like one the till closed.

use std::io::Write;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::domain::volunteer::{CreditedDay, Duty, Worked, credited_days, forgotten_end};
use crate::store::{Shift, Store, StoreError};
use crate::t;

/// One person's day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonDay {
    pub staff_id: i64,
    pub name: String,
    pub portal_id: Option<String>,
    pub duties: Vec<Duty>,
    pub credited: CreditedDay,
    /// A shift of the day waits on a manager (closed by the store, not yet confirmed).
    pub to_confirm: bool,
}

/// One person's total over the report's days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonTotal {
    pub staff_id: i64,
    pub name: String,
    pub portal_id: Option<String>,
    pub days: i64,
    pub worked_minutes: i64,
    pub credited_minutes: i64,
}

/// A shift as it counts: its times, its duty, and whether it waits on a manager.
type Counted = (Worked, Duty, bool);

#[derive(Debug, Clone)]
pub struct VolunteersReport {
    pub store: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: Vec<PersonDay>,
    /// People still signed in (their shift not yet over), not counted.
    pub still_in: Vec<Shift>,
}

pub fn duty_name(d: Duty) -> String {
    crate::i18n::tr_in(crate::i18n::language(), duty_key(d), &[])
}

/// `9:05` from minutes.
pub fn hours(minutes: i64) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

pub fn volunteers(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    now: NaiveDateTime,
) -> Result<VolunteersReport, StoreError> {
    store.read(|_| {
        let closing = store.closing_time()?;
        let roster = store.roster()?;
        let mut still_in = Vec::new();
        // Per person: their shifts as worked, and whether any waits on a manager.
        let mut people: Vec<(i64, Vec<Counted>)> = Vec::new();
        for shift in store.shifts_between(from, to)? {
            let (worked, waiting) = match shift.worked() {
                Some(w) => (w, shift.needs_confirmation()),
                None => {
                    let end = forgotten_end(shift.started.naive_local(), closing);
                    if end > now {
                        still_in.push(shift);
                        continue;
                    }
                    (Worked { start: shift.started.naive_local(), end }, true)
                }
            };
            match people.iter_mut().find(|(id, _)| *id == shift.staff_id) {
                Some((_, list)) => list.push((worked, shift.duty, waiting)),
                None => people.push((shift.staff_id, vec![(worked, shift.duty, waiting)])),
            }
        }
        let mut days = Vec::new();
        for (staff_id, shifts) in people {
            let person = roster.iter().find(|v| v.member.id == staff_id);
            let worked: Vec<Worked> = shifts.iter().map(|(w, _, _)| *w).collect();
            for credited in credited_days(&worked) {
                let of_day: Vec<_> = shifts.iter().filter(|(w, _, _)| w.day() == credited.day).collect();
                let mut duties: Vec<Duty> = of_day.iter().map(|(_, d, _)| *d).collect();
                duties.sort();
                duties.dedup();
                days.push(PersonDay {
                    staff_id,
                    name: person.map(|p| p.member.name.clone()).unwrap_or_default(),
                    portal_id: person.and_then(|p| p.portal_id.clone()),
                    duties,
                    to_confirm: of_day.iter().any(|(_, _, waiting)| *waiting),
                    credited,
                });
            }
        }
        days.sort_by(|a, b| (a.credited.day, &a.name, a.staff_id).cmp(&(b.credited.day, &b.name, b.staff_id)));
        Ok(VolunteersReport { store: store.info().name.clone(), from, to, days, still_in })
    })
}

impl VolunteersReport {
    /// Each person's total, by name.
    pub fn totals(&self) -> Vec<PersonTotal> {
        let mut totals: Vec<PersonTotal> = Vec::new();
        for d in &self.days {
            let total = match totals.iter_mut().find(|t| t.staff_id == d.staff_id) {
                Some(t) => t,
                None => {
                    totals.push(PersonTotal {
                        staff_id: d.staff_id,
                        name: d.name.clone(),
                        portal_id: d.portal_id.clone(),
                        days: 0,
                        worked_minutes: 0,
                        credited_minutes: 0,
                    });
                    totals.last_mut().expect("just pushed")
                }
            };
            total.days += 1;
            total.worked_minutes += d.credited.worked_minutes;
            total.credited_minutes += d.credited.credited_minutes;
        }
        totals.sort_by(|a, b| (&a.name, a.staff_id).cmp(&(&b.name, b.staff_id)));
        totals
    }

    pub fn credited_minutes(&self) -> i64 {
        self.days.iter().map(|d| d.credited.credited_minutes).sum()
    }

    pub fn write_text(&self, out: &mut impl Write) -> std::io::Result<()> {
        let range = if self.from == self.to { self.from.to_string() } else { format!("{} ~ {}", self.from, self.to) };
        writeln!(out, "{}", t!("report-volunteers-title", store = self.store.clone(), range = range))?;
        use crate::i18n::columns::{Align, display_width, place};
        // Names padded by display width, so Korean and Latin names line up alike.
        let pad = |s: &str, width: usize| format!("{s}{}", " ".repeat(width.saturating_sub(display_width(s))));
        for d in &self.days {
            let duties: Vec<String> = d.duties.iter().map(|x| duty_name(*x)).collect();
            let mut line = format!(
                "{}  {}  {}–{}  {} {}  {}",
                d.credited.day,
                pad(&d.name, 10),
                d.credited.start.format("%H:%M"),
                d.credited.end.format("%H:%M"),
                place(&hours(d.credited.worked_minutes), Align::Right, 5),
                t!(
                    "report-volunteers-credited",
                    credited = place(&hours(d.credited.credited_minutes), Align::Right, 5)
                ),
                duties.join(", ")
            );
            if d.to_confirm {
                line.push_str(&format!(" ({})", t!("report-volunteers-to-confirm")));
            }
            writeln!(out, "{line}")?;
        }
        writeln!(out, "\n{}", t!("report-volunteers-totals"))?;
        for p in self.totals() {
            let figures = t!("report-volunteers-total", days = p.days, credited = hours(p.credited_minutes));
            writeln!(out, "{}", crate::i18n::columns::pad_row(&p.name, &figures, 48))?;
        }
        let all = t!("report-volunteers-all", credited = hours(self.credited_minutes()));
        writeln!(out, "{}", crate::i18n::columns::pad_row(&t!("report-total"), &all, 48))?;
        for s in &self.still_in {
            writeln!(
                out,
                "{}",
                t!("report-volunteers-still-in", name = s.name.clone(), since = s.started.format("%H:%M").to_string())
            )?;
        }
        Ok(())
    }

    /// One row per person per day, stable English headers.
    pub fn write_csv(&self, out: impl Write) -> Result<(), csv::Error> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record([
            "date",
            "staff",
            "name",
            "start",
            "end",
            "worked_minutes",
            "credited_minutes",
            "duties",
            "to_confirm",
        ])?;
        for d in &self.days {
            w.write_record([
                d.credited.day.to_string(),
                d.staff_id.to_string(),
                d.name.clone(),
                d.credited.start.format("%Y-%m-%d %H:%M").to_string(),
                d.credited.end.format("%Y-%m-%d %H:%M").to_string(),
                d.credited.worked_minutes.to_string(),
                d.credited.credited_minutes.to_string(),
                Duty::list(&d.duties),
                d.to_confirm.to_string(),
            ])?;
        }
        w.flush()?;
        Ok(())
    }
}

/// A field of the portal's bulk-upload row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortalField {
    PortalId,
    Name,
    Day,
    Start,
    End,
    CreditedMinutes,
    Activity,
}

/// The portal's columns in order, header → field. The portals change their template now and
/// then: change this list, not the code that writes it.
pub const PORTAL_COLUMNS: [(&str, PortalField); 7] = [
    ("ID", PortalField::PortalId),
    ("이름", PortalField::Name),
    ("활동일", PortalField::Day),
    ("시작", PortalField::Start),
    ("종료", PortalField::End),
    ("인정시간(분)", PortalField::CreditedMinutes),
    ("활동내용", PortalField::Activity),
];

/// The month's export: the confirmed days, and how many waited on a manager and were left out.
pub struct PortalExport {
    pub report: VolunteersReport,
    pub left_out: usize,
}

pub fn portal_export(store: &Store, month: NaiveDate, now: NaiveDateTime) -> Result<PortalExport, StoreError> {
    let first = month.with_day(1).unwrap_or(month);
    let last = first.checked_add_months(chrono::Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(first);
    let mut report = volunteers(store, first, last, now)?;
    let before = report.days.len();
    report.days.retain(|d| !d.to_confirm);
    Ok(PortalExport { left_out: before - report.days.len(), report })
}

fn bom_writer(mut out: impl Write) -> Result<csv::Writer<impl Write>, csv::Error> {
    out.write_all("\u{feff}".as_bytes())?;
    Ok(csv::Writer::from_writer(out))
}

impl PortalExport {
    /// The upload file: one row per volunteer per day, UTF-8 with a byte-order mark.
    pub fn write_days(&self, out: impl Write) -> Result<(), csv::Error> {
        let mut w = bom_writer(out)?;
        w.write_record(PORTAL_COLUMNS.map(|(header, _)| header))?;
        for d in &self.report.days {
            let activity = format!(
                "{} {}",
                self.report.store,
                d.duties
                    .iter()
                    .map(|x| crate::i18n::tr_in(crate::i18n::Lang::Ko, duty_key(*x), &[]))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            w.write_record(PORTAL_COLUMNS.map(|(_, field)| match field {
                PortalField::PortalId => d.portal_id.clone().unwrap_or_default(),
                PortalField::Name => d.name.clone(),
                PortalField::Day => d.credited.day.to_string(),
                PortalField::Start => d.credited.start.format("%H:%M").to_string(),
                PortalField::End => d.credited.end.format("%H:%M").to_string(),
                PortalField::CreditedMinutes => d.credited.credited_minutes.to_string(),
                PortalField::Activity => activity.clone(),
            }))?;
        }
        w.flush()?;
        Ok(())
    }

    /// The month's total per volunteer, for the store's own records.
    pub fn write_totals(&self, out: impl Write) -> Result<(), csv::Error> {
        let mut w = bom_writer(out)?;
        w.write_record(["ID", "이름", "월", "활동일수", "인정시간(분)", "인정시간"])?;
        let month = self.report.from.format("%Y-%m").to_string();
        for p in self.report.totals() {
            w.write_record([
                p.portal_id.clone().unwrap_or_default(),
                p.name.clone(),
                month.clone(),
                p.days.to_string(),
                p.credited_minutes.to_string(),
                hours(p.credited_minutes),
            ])?;
        }
        w.flush()?;
        Ok(())
    }
}

fn duty_key(d: Duty) -> &'static str {
    match d {
        Duty::Counter => "duty-counter",
        Duty::Sorting => "duty-sorting",
        Duty::Pricing => "duty-pricing",
        Duty::Intake => "duty-intake",
    }
}
