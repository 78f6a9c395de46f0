//! What the back room makes and what leaves the floor: every batch of tags printed at the
//! pricing bench (who, when, category, condition, price, count, intake week), stock received,
//! goods that leave without a sale, and the pull list: which colour comes off today and how many
//! of its tags are still out there.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use uuid::Uuid;

use super::setup::ItemSetup;
use super::{Result, Store, StoreError, journal};
use crate::domain::donation::OutFlow;
use crate::domain::{Condition, IsoWeek, PriceTag, StaffMember, StockItem, TagColour, Won};

/// A run of tags printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagBatch {
    pub uuid: String,
    pub category: String,
    pub condition: Condition,
    pub price: Won,
    pub count: u32,
    pub week: String,
    /// The price tag's code, or the item tag's.
    pub code: String,
}

#[derive(Debug, Clone)]
pub struct NewTags<'a> {
    pub category: String,
    pub condition: Condition,
    pub price: Won,
    pub count: u32,
    pub intake: IsoWeek,
    /// For a valuable item: its description (one item tag instead of `count` price tags).
    pub item: Option<String>,
    pub staff: &'a StaffMember,
    /// The manager who allowed a price outside the band.
    pub approved_by: Option<&'a StaffMember>,
    pub donation: Option<i64>,
    pub at: DateTime<FixedOffset>,
}

/// Goods leaving without a sale.
#[derive(Debug, Clone)]
pub struct NewOutFlow<'a> {
    pub kind: OutFlow,
    pub category: String,
    pub count: u32,
    pub grams: Option<u32>,
    /// The intake week, when these are pulled tags.
    pub week: Option<IsoWeek>,
    pub note: String,
    pub staff: &'a StaffMember,
    pub at: DateTime<FixedOffset>,
}

fn insert_out_flow(tx: &rusqlite::Transaction<'_>, o: &NewOutFlow<'_>) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO out_flows (uuid, kind, category, count, grams, week, staff_id, at, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        Uuid::now_v7().to_string(),
        o.kind,
        o.category,
        o.count,
        o.grams,
        o.week.map(IsoWeek::yyww),
        o.staff.id,
        o.at.to_rfc3339(),
        o.note
    ])?;
    let payload = serde_json::json!({
        "kind": o.kind, "category": o.category, "count": o.count, "grams": o.grams,
        "week": o.week.map(IsoWeek::yyww), "note": o.note,
    });
    journal::append(tx, "goods.out", &payload, Some(o.staff.id), o.at)?;
    Ok(())
}

/// One line of the pull list: the tags of `category` from intake `week` (colour `colour`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PullLine {
    pub week: String,
    pub colour: Option<TagColour>,
    pub category: String,
    pub name_ko: String,
    pub name_en: String,
    pub printed: i64,
    pub sold: i64,
    pub pulled: i64,
}

impl PullLine {
    /// Still on the floor, as far as the records know.
    pub fn left(&self) -> i64 {
        (self.printed - self.sold - self.pulled).max(0)
    }
}

fn insert_batch(tx: &rusqlite::Transaction<'_>, store_code: u16, t: &NewTags<'_>) -> Result<TagBatch> {
    let category: u16 = t.category.parse().map_err(|_| StoreError::Refused(format!("category code {}", t.category)))?;
    let (code, count, kind) = match &t.item {
        Some(description) => {
            let item = ItemSetup {
                serial: super::items::last_serial(tx)? + 1,
                description: description.clone(),
                category: t.category.clone(),
                price: t.price,
                condition: t.condition,
                intake_date: t.at.date_naive(),
            };
            let code = super::items::insert_items(tx, store_code, &[item], Some(t.at))?.remove(0);
            (code, 1, "item")
        }
        None => {
            let tag = PriceTag::new(category, t.price, t.intake)
                .ok_or_else(|| StoreError::Refused(format!("a price tag for {} at {}", t.category, t.price)))?;
            (tag.code(), t.count, "price")
        }
    };
    let batch = TagBatch {
        uuid: Uuid::now_v7().to_string(),
        category: t.category.clone(),
        condition: t.condition,
        price: t.price,
        count,
        week: t.intake.yyww(),
        code,
    };
    tx.prepare_cached(
        "INSERT INTO tag_batches (uuid, kind, category, condition, price, count, week, code, staff_id, approved_by,
             donation_id, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        batch.uuid,
        kind,
        batch.category,
        batch.condition,
        batch.price,
        batch.count,
        batch.week,
        batch.code,
        t.staff.id,
        t.approved_by.map(|m| m.id),
        t.donation,
        t.at.to_rfc3339()
    ])?;
    let payload = serde_json::json!({
        "batch": batch, "approved_by": t.approved_by.map(|m| m.uuid.clone()), "description": t.item,
    });
    journal::append(tx, "tags.printed", &payload, Some(t.staff.id), t.at)?;
    Ok(batch)
}

impl Store {
    /// Records a batch of tags (journaled `tags.printed`); an item tag also makes the item.
    pub fn record_tags(&mut self, t: NewTags<'_>) -> Result<TagBatch> {
        let store_code = self.info.code;
        self.write(|tx| insert_batch(tx, store_code, &t))
    }

    /// Many batches in one transaction (the demo's weeks).
    pub fn record_tag_batches(&mut self, batches: &[NewTags<'_>]) -> Result<Vec<TagBatch>> {
        let store_code = self.info.code;
        self.write(|tx| batches.iter().map(|t| insert_batch(tx, store_code, t)).collect())
    }

    /// The price band volunteers may price in, in percent either side of the guide.
    pub fn price_band(&self) -> Result<rust_decimal::Decimal> {
        let value: String = self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = 'price_band_percent'")?
            .query_row([], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::Unreadable("the store setting price_band_percent is missing".into()))?;
        value
            .parse()
            .ok()
            .filter(|p: &rust_decimal::Decimal| {
                (rust_decimal::Decimal::ZERO..=rust_decimal::Decimal::ONE_HUNDRED).contains(p)
            })
            .ok_or_else(|| StoreError::Unreadable(format!("the price band '{value}' is not a percentage")))
    }

    /// What comes off the floor on `date`: for each intake week due to be pulled (and the weeks
    /// before it, one turn of the colours), each category's tags printed, sold and already pulled.
    pub fn pull_list(&self, date: NaiveDate) -> Result<Vec<PullLine>> {
        let rotation = self.rotation().clone();
        self.read(|conn| {
            let mut lines = Vec::new();
            for (week, colour) in rotation.pull_list(date) {
                let yyww = week.yyww();
                let mut stmt = conn.prepare_cached(
                    "SELECT c.code, c.name_ko, c.name_en,
                        coalesce((SELECT sum(b.count) FROM tag_batches b
                                  WHERE b.kind = 'price' AND b.week = ?1 AND b.category = c.code), 0),
                        coalesce((SELECT sum(l.quantity) FROM sale_lines l
                                  WHERE l.kind = 'price_tag' AND substr(l.code, 12, 4) = ?1 AND substr(l.code, 2, 3) = c.code), 0),
                        coalesce((SELECT sum(o.count) FROM out_flows o WHERE o.week = ?1 AND o.category = c.code), 0)
                     FROM categories c ORDER BY c.code",
                )?;
                let rows = stmt.query_map([&yyww], |r| {
                    Ok(PullLine {
                        week: yyww.clone(),
                        colour: colour.cloned(),
                        category: r.get(0)?,
                        name_ko: r.get(1)?,
                        name_en: r.get(2)?,
                        printed: r.get(3)?,
                        sold: r.get(4)?,
                        pulled: r.get(5)?,
                    })
                })?;
                for line in rows {
                    let line = line?;
                    if line.printed > 0 {
                        lines.push(line);
                    }
                }
            }
            Ok(lines)
        })
    }

    /// Stock received from a supplier (journaled).
    pub fn receive_stock(
        &mut self,
        ean: &str,
        count: u32,
        staff: &StaffMember,
        at: DateTime<FixedOffset>,
    ) -> Result<StockItem> {
        if count == 0 {
            return Err(StoreError::Refused("nothing received".into()));
        }
        self.write(|tx| {
            let changed =
                tx.execute("UPDATE stock_items SET on_hand = on_hand + ?2 WHERE ean = ?1", params![ean, count])?;
            if changed == 0 {
                return Err(StoreError::Refused(format!("no product {ean}")));
            }
            tx.execute(
                "INSERT INTO stock_receipts (uuid, ean, count, staff_id, at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![Uuid::now_v7().to_string(), ean, count, staff.id, at.to_rfc3339()],
            )?;
            journal::append(
                tx,
                "stock.received",
                &serde_json::json!({ "ean": ean, "count": count }),
                Some(staff.id),
                at,
            )?;
            Ok(super::items::stock_item_in(tx, ean)?.expect("just updated"))
        })
    }

    /// Products at or below the store's low-stock count, fewest first.
    pub fn low_stock(&self) -> Result<Vec<StockItem>> {
        let threshold: i64 = self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = 'low_stock'")?
            .query_row([], |r| r.get::<_, String>(0))
            .optional()?
            .map(|v| v.parse().map_err(|_| StoreError::Unreadable(format!("the low-stock count '{v}'"))))
            .transpose()?
            .unwrap_or(5);
        Ok(self.stock_items()?.into_iter().filter(|s| s.on_hand <= threshold).collect())
    }

    /// Goods that left without a sale (journaled).
    pub fn record_out_flow(&mut self, o: &NewOutFlow<'_>) -> Result<()> {
        self.write(|tx| insert_out_flow(tx, o))
    }

    /// Many out-flows in one transaction (the demo's weekly pulls).
    pub fn record_out_flows(&mut self, flows: &[NewOutFlow<'_>]) -> Result<()> {
        self.write(|tx| flows.iter().try_for_each(|o| insert_out_flow(tx, o)))
    }
}
