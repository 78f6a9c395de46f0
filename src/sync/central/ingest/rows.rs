//! A batch's events read into rows for the tables head office queries: each sale from its own
//! payload, donations, shifts and till closes; a payload missing what it should hold is named.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::Value;

use super::super::CentralError;
use super::super::staff::TillChange;
use crate::domain::Sale;
use crate::store::JournalEvent;

/// Rows for the tables head office queries, gathered over the batch and written a table at a time.
#[derive(Default)]
pub(super) struct Rows {
    pub(super) sales: Vec<(Sale, i64)>,
    pub(super) donations: Vec<DonationRow>,
    pub(super) donation_values: Vec<(String, i64)>,
    pub(super) shifts_started: Vec<ShiftRow>,
    pub(super) shifts_ended: Vec<(String, DateTime<FixedOffset>, bool)>,
    pub(super) shifts_edited: Vec<(String, DateTime<FixedOffset>, DateTime<FixedOffset>)>,
    pub(super) tills_opened: Vec<TillRow>,
    pub(super) tills_closed: Vec<(String, DateTime<FixedOffset>, i64, i64)>,
    /// Changes the till made to its people, in journal order.
    pub(super) staff: Vec<(String, DateTime<FixedOffset>, TillChange)>,
    /// The store code the journal's first event names, if the batch holds it.
    pub(super) created_as: Option<i64>,
}

pub(super) struct DonationRow {
    pub(super) uuid: String,
    pub(super) business_date: NaiveDate,
    pub(super) channel: String,
    pub(super) donor: Option<String>,
    pub(super) pieces: i64,
    pub(super) value: i64,
}

pub(super) struct ShiftRow {
    pub(super) uuid: String,
    pub(super) staff_id: Option<i64>,
    pub(super) started: DateTime<FixedOffset>,
    pub(super) ended: Option<DateTime<FixedOffset>>,
    pub(super) flagged: bool,
}

pub(super) struct TillRow {
    pub(super) uuid: String,
    pub(super) till: String,
    pub(super) business_date: NaiveDate,
    pub(super) opened_at: DateTime<FixedOffset>,
    pub(super) float: i64,
}

fn malformed(e: &JournalEvent, what: &str) -> CentralError {
    CentralError::Malformed(format!("event {} ({}): {what}", e.seq, e.kind))
}

fn text(v: &Value, e: &JournalEvent, key: &str) -> Result<String, CentralError> {
    v[key].as_str().map(str::to_string).ok_or_else(|| malformed(e, &format!("no {key}")))
}

fn time(v: &Value, e: &JournalEvent, key: &str) -> Result<DateTime<FixedOffset>, CentralError> {
    DateTime::parse_from_rfc3339(&text(v, e, key)?).map_err(|_| malformed(e, &format!("{key} is not a time")))
}

fn date(v: &Value, e: &JournalEvent, key: &str) -> Result<NaiveDate, CentralError> {
    text(v, e, key)?.parse().map_err(|_| malformed(e, &format!("{key} is not a date")))
}

fn number(v: &Value, e: &JournalEvent, key: &str) -> Result<i64, CentralError> {
    v[key].as_i64().ok_or_else(|| malformed(e, &format!("{key} is not a number")))
}

fn event_time(e: &JournalEvent) -> Result<DateTime<FixedOffset>, CentralError> {
    DateTime::parse_from_rfc3339(&e.at).map_err(|_| malformed(e, "its time is not a time"))
}

pub(super) fn gather(events: &[JournalEvent]) -> Result<Rows, CentralError> {
    let mut rows = Rows::default();
    for e in events {
        let json = || serde_json::from_str::<Value>(&e.payload).map_err(|_| malformed(e, "the payload is not JSON"));
        match e.kind.as_str() {
            "sale.committed" | "sale.refunded" | "sale.voided" => {
                let sale: Sale = serde_json::from_str(&e.payload).map_err(|err| malformed(e, &err.to_string()))?;
                rows.sales.push((sale, e.seq));
            }
            "donation.recorded" => {
                let v = json()?;
                let pieces = v["lines"]
                    .as_array()
                    .ok_or_else(|| malformed(e, "no lines"))?
                    .iter()
                    .map(|l| l["count"].as_i64().ok_or_else(|| malformed(e, "a line has no count")))
                    .sum::<Result<i64, _>>()?;
                rows.donations.push(DonationRow {
                    uuid: text(&v, e, "uuid")?,
                    business_date: date(&v, e, "business_date")?,
                    channel: text(&v, e, "channel")?,
                    donor: v["donor"]["uuid"].as_str().map(str::to_string),
                    pieces,
                    value: number(&v, e, "value")?,
                });
            }
            "store.created" => rows.created_as = json()?["code"].as_i64(),
            "staff.added" => {
                let v = json()?;
                let change = TillChange::Added { name: text(&v, e, "name")?, role: text(&v, e, "role")? };
                rows.staff.push((text(&v, e, "staff")?, event_time(e)?, change));
            }
            "staff.activated" | "staff.deactivated" => {
                let change = TillChange::Active(e.kind == "staff.activated");
                rows.staff.push((text(&json()?, e, "staff")?, event_time(e)?, change));
            }
            "staff.role_changed" => {
                let v = json()?;
                rows.staff.push((text(&v, e, "staff")?, event_time(e)?, TillChange::Role(text(&v, e, "to")?)));
            }
            "staff.pin_reset" => rows.staff.push((text(&json()?, e, "staff")?, event_time(e)?, TillChange::PinReset)),
            "donation.value_changed" => {
                let v = json()?;
                rows.donation_values.push((text(&v, e, "donation")?, number(&v, e, "to")?));
            }
            "shift.started" => {
                let v = json()?;
                rows.shifts_started.push(ShiftRow {
                    uuid: text(&v, e, "shift")?,
                    staff_id: e.staff_id,
                    started: event_time(e)?,
                    ended: None,
                    flagged: false,
                });
            }
            "shift.recorded" => {
                let v = json()?;
                rows.shifts_started.push(ShiftRow {
                    uuid: text(&v, e, "shift")?,
                    staff_id: e.staff_id,
                    started: time(&v, e, "started_at")?,
                    ended: Some(time(&v, e, "ended_at")?),
                    flagged: v["flagged"].as_bool().ok_or_else(|| malformed(e, "flagged is not true or false"))?,
                });
            }
            "shift.ended" => rows.shifts_ended.push((text(&json()?, e, "shift")?, event_time(e)?, false)),
            "shift.closed_by_store" => {
                let v = json()?;
                rows.shifts_ended.push((text(&v, e, "shift")?, time(&v, e, "ended_at")?, true));
            }
            "shift.edited" => {
                let v = json()?;
                let to = |i: usize| {
                    v["to"][i]
                        .as_str()
                        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                        .ok_or_else(|| malformed(e, "the new times are not times"))
                };
                rows.shifts_edited.push((text(&v, e, "shift")?, to(0)?, to(1)?));
            }
            "till.opened" => {
                let v = json()?;
                rows.tills_opened.push(TillRow {
                    uuid: text(&v, e, "uuid")?,
                    till: text(&v, e, "till")?,
                    business_date: date(&v, e, "business_date")?,
                    opened_at: time(&v, e, "opened_at")?,
                    float: number(&v, e, "float")?,
                });
            }
            "till.closed" => {
                let v = json()?;
                let session = &v["session"];
                let closed = &session["closed"];
                rows.tills_closed.push((
                    text(session, e, "uuid")?,
                    time(closed, e, "at")?,
                    number(closed, e, "expected")?,
                    number(closed, e, "counted")?,
                ));
            }
            // Every other event is kept in the journal only.
            _ => {}
        }
    }
    Ok(rows)
}

/// The last of several changes to the same row in one batch (an `UPDATE … FROM unnest` with two
/// rows for one target would apply either).
pub(super) fn last_per_key<T: Clone>(changes: &[T], key: impl Fn(&T) -> &str) -> Vec<T> {
    let mut seen = std::collections::HashSet::new();
    let mut kept: Vec<T> = changes.iter().rev().filter(|c| seen.insert(key(c).to_string())).cloned().collect();
    kept.reverse();
    kept
}
