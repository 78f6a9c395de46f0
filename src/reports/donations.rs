//! The donations report for a day: how many donations and what they are worth, by channel and
//! by category; what was turned away and why; new and returning donors. And the yearly export
//! head office issues donation receipts from: one row per donor with the year's total (donors
//! merged into another count as that one; anonymous donations are left out and counted in a
//! footer line).

use std::io::Write;

use chrono::NaiveDate;
use rusqlite::params;

use crate::domain::Won;
use crate::domain::donation::{Channel, RejectReason};
use crate::i18n::{Lang, language};
use crate::store::{Store, StoreError};
use crate::t;

/// A donation's value now: the last a manager set, or the one worked out at intake.
const VALUE: &str =
    "coalesce((SELECT v.value FROM donation_values v WHERE v.donation_id = n.id ORDER BY v.id DESC LIMIT 1), n.value)";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// `channel`, `category`, `rejection`, `donors` or `total`.
    pub kind: &'static str,
    /// A channel, category code, rejection reason, `new`/`returning`/`anonymous`, or `all`.
    pub key: String,
    pub label: String,
    pub donations: i64,
    /// Pieces accepted (for rejections: pieces turned away).
    pub count: i64,
    pub value: Won,
}

impl Row {
    /// The row's figures as a person reads them: pieces turned away, people, or donations,
    /// pieces and value.
    pub fn figures(&self) -> String {
        match self.kind {
            "rejection" => t!("report-pieces", count = self.count),
            "donors" => t!("report-people", count = self.donations),
            _ => t!(
                "report-donation-figures",
                donations = self.donations,
                count = self.count,
                value = self.value.to_string()
            ),
        }
    }
}

#[derive(Debug, Clone)]
pub struct DonationsReport {
    pub store: String,
    pub date: NaiveDate,
    /// The last day, for a range (each day's figures added up).
    pub to: NaiveDate,
    pub rows: Vec<Row>,
}

pub fn channel_name(c: Channel) -> String {
    match c {
        Channel::WalkIn => t!("channel-walk-in"),
        Channel::Pickup => t!("channel-pickup"),
        Channel::Parcel => t!("channel-parcel"),
    }
}

pub fn reason_name(r: RejectReason) -> String {
    match r {
        RejectReason::Stained => t!("reject-stained"),
        RejectReason::Damaged => t!("reject-damaged"),
        RejectReason::NotAccepted => t!("reject-not-accepted"),
        RejectReason::Safety => t!("reject-safety"),
        RejectReason::Other => t!("reject-other"),
    }
}

pub fn donations(store: &Store, date: NaiveDate) -> Result<DonationsReport, StoreError> {
    let name = store.info().name.clone();
    let rows = store.read(|db| {
        let day = date.to_string();
        let mut rows = Vec::new();
        let (count, accepted, value): (i64, i64, i64) = db.query_row(
            &format!(
                "SELECT count(*), coalesce(sum((SELECT sum(count) FROM donation_lines l WHERE l.donation_id = n.id)), 0),
                        coalesce(sum({VALUE}), 0)
                 FROM donations n WHERE n.business_date = ?1"
            ),
            [&day],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        rows.push(Row {
            kind: "total",
            key: "all".into(),
            label: t!("report-donations-total"),
            donations: count,
            count: accepted,
            value: Won::new(value),
        });
        for channel in Channel::ALL {
            let (count, accepted, value): (i64, i64, i64) = db.query_row(
                &format!(
                    "SELECT count(*), coalesce(sum((SELECT sum(count) FROM donation_lines l WHERE l.donation_id = n.id)), 0),
                            coalesce(sum({VALUE}), 0)
                     FROM donations n WHERE n.business_date = ?1 AND n.channel = ?2"
                ),
                params![day, channel.as_str()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            rows.push(Row {
                kind: "channel",
                key: channel.as_str().into(),
                label: channel_name(channel),
                donations: count,
                count: accepted,
                value: Won::new(value),
            });
        }
        // By category, at intake values (a manager's change is for the whole donation).
        let mut stmt = db.prepare(
            "SELECT l.category, c.name_ko, c.name_en, count(DISTINCT l.donation_id), sum(l.count), sum(l.value)
             FROM donation_lines l JOIN donations n ON n.id = l.donation_id JOIN categories c ON c.code = l.category
             WHERE n.business_date = ?1 GROUP BY l.category ORDER BY l.category",
        )?;
        let by_category = stmt.query_map([&day], |r| {
            let (ko, en): (String, String) = (r.get(1)?, r.get(2)?);
            Ok(Row {
                kind: "category",
                key: r.get(0)?,
                label: if language() == Lang::En { en } else { ko },
                donations: r.get(3)?,
                count: r.get(4)?,
                value: r.get(5)?,
            })
        })?;
        for row in by_category {
            rows.push(row?);
        }
        for reason in RejectReason::ALL {
            let (donations, count): (i64, i64) = db.query_row(
                "SELECT count(DISTINCT j.donation_id), coalesce(sum(j.count), 0) FROM donation_rejections j
                 JOIN donations n ON n.id = j.donation_id WHERE n.business_date = ?1 AND j.reason = ?2",
                params![day, reason.as_str()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            rows.push(Row {
                kind: "rejection",
                key: reason.as_str().into(),
                label: reason_name(reason),
                donations,
                count,
                value: Won::ZERO,
            });
        }
        // A donor is new on the day of their first donation (theirs or a merged twin's).
        let person = "coalesce((SELECT merged_into FROM donors WHERE id = n.donor_id), n.donor_id)";
        let (new, returning, anonymous): (i64, i64, i64) = db.query_row(
            &format!(
                "SELECT count(DISTINCT {person}) FILTER (WHERE n.donor_id IS NOT NULL AND NOT EXISTS (
                            SELECT 1 FROM donations e WHERE e.business_date < ?1 AND
                            coalesce((SELECT merged_into FROM donors WHERE id = e.donor_id), e.donor_id) = {person})),
                        count(DISTINCT {person}) FILTER (WHERE n.donor_id IS NOT NULL AND EXISTS (
                            SELECT 1 FROM donations e WHERE e.business_date < ?1 AND
                            coalesce((SELECT merged_into FROM donors WHERE id = e.donor_id), e.donor_id) = {person})),
                        count(*) FILTER (WHERE n.donor_id IS NULL)
                 FROM donations n WHERE n.business_date = ?1"
            ),
            [&day],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        for (key, label, n) in [
            ("new", t!("report-donors-new"), new),
            ("returning", t!("report-donors-returning"), returning),
            ("anonymous", t!("report-donors-anonymous"), anonymous),
        ] {
            rows.push(Row { kind: "donors", key: key.into(), label, donations: n, count: 0, value: Won::ZERO });
        }
        Ok(rows)
    })?;
    Ok(DonationsReport { store: name, date, to: date, rows })
}

/// The days `from` to `to`: each day's report added up figure by figure, so the range is the sum
/// of `nanum report donations` over its days (a donor new on one day and back on another counts
/// once as new and once as returning).
pub fn donations_between(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<DonationsReport, StoreError> {
    let mut total = donations(store, from)?;
    let mut day = from;
    while day < to {
        day = day.succ_opt().unwrap_or(to);
        for row in donations(store, day)?.rows {
            match total.rows.iter_mut().find(|r| r.kind == row.kind && r.key == row.key) {
                Some(r) => {
                    r.donations += row.donations;
                    r.count += row.count;
                    r.value += row.value;
                }
                None => total.rows.push(row),
            }
        }
    }
    total.to = to;
    // Categories first given after the first day go with the other categories.
    total
        .rows
        .sort_by_key(|r| ["total", "channel", "category", "rejection", "donors"].iter().position(|k| *k == r.kind));
    Ok(total)
}

impl DonationsReport {
    pub fn total(&self) -> Won {
        self.rows.iter().find(|r| r.kind == "total").map_or(Won::ZERO, |r| r.value)
    }

    pub fn write_text(&self, out: &mut impl Write) -> std::io::Result<()> {
        let range = super::range_name(self.date, self.to);
        writeln!(out, "{}", t!("report-donations-title", store = self.store.clone(), date = range))?;
        let mut section = "";
        for row in &self.rows {
            if row.kind != section {
                section = row.kind;
                let heading = match row.kind {
                    "channel" => t!("report-donations-by-channel"),
                    "category" => t!("report-donations-by-category"),
                    "rejection" => t!("report-donations-rejected"),
                    "donors" => t!("report-donations-donors"),
                    _ => String::new(),
                };
                if !heading.is_empty() {
                    writeln!(out, "\n{heading}")?;
                }
            }
            writeln!(out, "{}", crate::i18n::columns::pad_row(&row.label, &row.figures(), 48))?;
        }
        Ok(())
    }

    /// One row per figure: `date,kind,key,donations,count,value`, stable English keys.
    pub fn write_csv(&self, out: impl Write) -> Result<(), csv::Error> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(["date", "kind", "key", "donations", "count", "value"])?;
        for row in &self.rows {
            w.write_record([
                self.date.to_string(),
                row.kind.to_string(),
                row.key.clone(),
                row.donations.to_string(),
                row.count.to_string(),
                row.value.get().to_string(),
            ])?;
        }
        w.flush()?;
        Ok(())
    }
}

/// One donor's year, for head office's receipts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DonorYear {
    pub uuid: String,
    pub name: String,
    pub phone: Option<String>,
    pub donations: i64,
    pub value: Won,
}

pub struct DonationsExport {
    pub year: i32,
    pub donors: Vec<DonorYear>,
    pub anonymous: i64,
    pub anonymous_value: Won,
}

pub fn export(store: &Store, year: i32) -> Result<DonationsExport, StoreError> {
    store.read(|db| {
        let (from, to) = (format!("{year}-01-01"), format!("{year}-12-31"));
        let person = "coalesce(d.merged_into, d.id)";
        let donors = db
            .prepare(&format!(
                "SELECT p.uuid, p.name, p.phone, count(*), sum({VALUE})
                 FROM donations n JOIN donors d ON d.id = n.donor_id JOIN donors p ON p.id = {person}
                 WHERE n.business_date BETWEEN ?1 AND ?2 GROUP BY p.id ORDER BY p.name, p.id"
            ))?
            .query_map(params![from, to], |r| {
                Ok(DonorYear {
                    uuid: r.get(0)?,
                    name: r.get(1)?,
                    phone: r.get(2)?,
                    donations: r.get(3)?,
                    value: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let (anonymous, anonymous_value): (i64, i64) = db.query_row(
            &format!(
                "SELECT count(*), coalesce(sum({VALUE}), 0) FROM donations n
                 WHERE n.donor_id IS NULL AND n.business_date BETWEEN ?1 AND ?2"
            ),
            params![from, to],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(DonationsExport { year, donors, anonymous, anonymous_value: Won::new(anonymous_value) })
    })
}

impl DonationsExport {
    /// UTF-8 with a byte-order mark (so Excel reads the Korean), Korean headers, one row per donor,
    /// then a footer line for the anonymous donations left out.
    pub fn write_csv(&self, mut out: impl Write) -> Result<(), csv::Error> {
        out.write_all("\u{feff}".as_bytes())?;
        let mut w = csv::Writer::from_writer(out);
        w.write_record([
            t!("export-donor-id"),
            t!("export-donor-name"),
            t!("export-donor-phone"),
            t!("export-year"),
            t!("export-donations"),
            t!("export-value"),
        ])?;
        for d in &self.donors {
            let phone =
                d.phone.as_deref().and_then(crate::domain::Phone::parse).map(|p| p.formatted()).unwrap_or_default();
            w.write_record([
                d.uuid.clone(),
                d.name.clone(),
                phone,
                self.year.to_string(),
                d.donations.to_string(),
                d.value.get().to_string(),
            ])?;
        }
        w.write_record([
            String::new(),
            t!("export-anonymous"),
            String::new(),
            self.year.to_string(),
            self.anonymous.to_string(),
            self.anonymous_value.get().to_string(),
        ])?;
        w.flush()?;
        Ok(())
    }
}
