//! What a store shows its community for a range of days: donated goods given a second life
//! (sold, net of refunds), kilograms kept out of landfill (everything that left without a sale:
//! to the outlet, to other stores, upcycled or recycled), the donations taken in, volunteer
//! hours, and the money raised (goods sold net of refunds, and round-up donations).

use std::io::Write;

use chrono::NaiveDate;
use rusqlite::params;

use crate::domain::Won;
use crate::i18n::columns::pad_row;
use crate::store::{Store, StoreError};
use crate::t;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImpactReport {
    pub store: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Donated goods sold, net of refunds and voids (not fair-trade stock).
    pub second_life: i64,
    pub kept_grams: i64,
    pub donations: i64,
    pub pieces_given: i64,
    pub volunteer_minutes: i64,
    pub raised: Won,
    pub round_up: Won,
}

pub fn impact(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    now: chrono::NaiveDateTime,
) -> Result<ImpactReport, StoreError> {
    let name = store.info().name.clone();
    let volunteer_minutes = super::volunteers::volunteers(store, from, to, now)?.credited_minutes();
    store.read(|db| {
        let (a, b) = (from.to_string(), to.to_string());
        let (second_life, goods, round_up): (i64, i64, i64) = db.query_row(
            "SELECT coalesce(sum(l.quantity) FILTER (WHERE l.kind IN ('price_tag', 'item_tag', 'category_key')), 0),
                    coalesce(sum(l.amount) FILTER (WHERE l.kind != 'donation'), 0),
                    coalesce(sum(l.amount) FILTER (WHERE l.kind = 'donation'), 0)
             FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE s.business_date BETWEEN ?1 AND ?2",
            params![a, b],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let kept_grams: i64 = db.query_row(
            "SELECT coalesce(sum(grams), 0) FROM out_flows WHERE substr(at, 1, 10) BETWEEN ?1 AND ?2",
            params![a, b],
            |r| r.get(0),
        )?;
        let (donations, pieces_given): (i64, i64) = db.query_row(
            "SELECT count(DISTINCT n.id), coalesce(sum(l.count), 0)
             FROM donations n LEFT JOIN donation_lines l ON l.donation_id = n.id
             WHERE n.business_date BETWEEN ?1 AND ?2",
            params![a, b],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(ImpactReport {
            store: name,
            from,
            to,
            second_life,
            kept_grams,
            donations,
            pieces_given,
            volunteer_minutes,
            raised: Won::new(goods + round_up),
            round_up: Won::new(round_up),
        })
    })
}

impl ImpactReport {
    /// The figures in order: key, label, value as shown, value as a plain number.
    pub fn figures(&self) -> Vec<(&'static str, String, String, String)> {
        let kg = |g: i64| format!("{}.{}", g / 1000, (g % 1000) / 100);
        vec![
            (
                "second_life",
                t!("impact-second-life"),
                t!("report-pieces", count = self.second_life),
                self.second_life.to_string(),
            ),
            ("kept_kg", t!("impact-kept"), format!("{} kg", kg(self.kept_grams)), kg(self.kept_grams)),
            (
                "donations",
                t!("impact-donations"),
                t!("impact-donations-value", donations = self.donations, pieces = self.pieces_given),
                self.donations.to_string(),
            ),
            (
                "volunteer_hours",
                t!("impact-volunteer-hours"),
                crate::i18n::words::hours_and_minutes(self.volunteer_minutes),
                super::volunteers::hours(self.volunteer_minutes),
            ),
            ("raised", t!("impact-raised"), crate::i18n::won(self.raised), self.raised.get().to_string()),
            ("round_up", t!("impact-round-up"), crate::i18n::won(self.round_up), self.round_up.get().to_string()),
        ]
    }

    pub fn write_text(&self, out: &mut impl Write) -> std::io::Result<()> {
        let range = super::range_name(self.from, self.to);
        writeln!(out, "{}", t!("report-impact-title", store = self.store.clone(), range = range))?;
        for (_, label, shown, _) in self.figures() {
            writeln!(out, "{}", pad_row(&label, &shown, 48))?;
        }
        Ok(())
    }

    pub fn write_csv(&self, out: impl Write) -> Result<(), csv::Error> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(["from", "to", "figure", "value"])?;
        for (key, _, _, value) in self.figures() {
            w.write_record([self.from.to_string(), self.to.to_string(), key.to_string(), value])?;
        }
        w.flush()?;
        Ok(())
    }
}
