//! Goods with a row of their own: catalogue stock sold by EAN-13, and unique donated items sold
//! by their item tag.

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::sql::date;
use super::{ItemSetup, Result, Store, StoreError, journal};
use crate::domain::{ItemRecord, ItemTag, StockItem};

fn stock_from_row(r: &Row<'_>) -> rusqlite::Result<StockItem> {
    Ok(StockItem {
        id: r.get(0)?,
        ean: r.get(1)?,
        name_ko: r.get(2)?,
        name_en: r.get(3)?,
        category: r.get(4)?,
        price: r.get(5)?,
        on_hand: r.get(6)?,
    })
}

/// Writes item rows (in the caller's transaction), tagged at `at`, and returns their tag codes.
pub(super) fn stock_item_in(conn: &Connection, ean: &str) -> Result<Option<StockItem>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, ean, name_ko, name_en, category, price, on_hand FROM stock_items WHERE ean = ?1 AND active",
        )?
        .query_row([ean], stock_from_row)
        .optional()?)
}

pub(super) fn insert_items(
    conn: &Connection,
    store_code: u16,
    items: &[ItemSetup],
    at: Option<DateTime<FixedOffset>>,
) -> Result<Vec<String>> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO item_tags (uuid, code, description, category, price, condition, intake_date, tagged_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut codes = Vec::with_capacity(items.len());
    for item in items {
        let code = ItemTag::new(store_code, item.serial)
            .ok_or_else(|| StoreError::Refused(format!("item serial {} does not fit a tag", item.serial)))?
            .code();
        insert.execute(params![
            Uuid::now_v7().to_string(),
            code,
            item.description,
            item.category,
            item.price,
            item.condition,
            item.intake_date.to_string(),
            at.map(|t| t.to_rfc3339()),
        ])?;
        codes.push(code);
    }
    Ok(codes)
}

impl Store {
    pub fn stock_item(&self, ean: &str) -> Result<Option<StockItem>> {
        stock_item_in(&self.conn, ean)
    }

    pub fn stock_items(&self) -> Result<Vec<StockItem>> {
        Ok(self
            .conn
            .prepare("SELECT id, ean, name_ko, name_en, category, price, on_hand FROM stock_items WHERE active ORDER BY name_ko")?
            .query_map([], stock_from_row)?
            .collect::<rusqlite::Result<_>>()?)
    }

    pub fn item(&self, code: &str) -> Result<Option<ItemRecord>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, code, description, category, price, condition, intake_date, sold_in FROM item_tags WHERE code = ?1",
            )?
            .query_row([code], |r| {
                Ok(ItemRecord {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    description: r.get(2)?,
                    category: r.get(3)?,
                    price: r.get(4)?,
                    condition: r.get(5)?,
                    intake_date: date(r, 6)?,
                    sold_in: r.get(7)?,
                })
            })
            .optional()?)
    }

    /// Unsold item tags, newest first (for the demo hint and, later, stock screens).
    pub fn unsold_items(&self, limit: u32) -> Result<Vec<String>> {
        Ok(self
            .conn
            .prepare("SELECT code FROM item_tags WHERE sold_in IS NULL ORDER BY id DESC LIMIT ?1")?
            .query_map(params![limit], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Records newly tagged unique items (and journals it); returns their tag codes.
    pub fn add_items(
        &mut self,
        items: &[ItemSetup],
        staff_id: Option<i64>,
        at: DateTime<FixedOffset>,
    ) -> Result<Vec<String>> {
        let store_code = self.info.code;
        self.write(|tx| {
            let codes = insert_items(tx, store_code, items, Some(at))?;
            journal::append(tx, "items.tagged", &serde_json::json!({ "codes": codes }), staff_id, at)?;
            Ok(codes)
        })
    }

    /// The highest item serial used so far, so new tags continue from it.
    pub fn last_item_serial(&self) -> Result<u32> {
        last_serial(&self.conn)
    }
}

/// The highest item-tag serial used so far (0 when none).
pub(super) fn last_serial(conn: &Connection) -> Result<u32> {
    let code: Option<String> = conn.query_row("SELECT max(code) FROM item_tags", [], |r| r.get(0))?;
    match code {
        None => Ok(0),
        Some(code) => code
            .get(4..12)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| StoreError::Unreadable(format!("item tag '{code}' in the database is not a tag"))),
    }
}
