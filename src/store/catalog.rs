//! Reference data and goods: the store itself, categories with their tax class and price guide,
//! the colour rotation, catalogue stock and unique item tags.

use std::str::FromStr;

use rusqlite::{Connection, OptionalExtension, Row, params};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Result, Store, StoreError};
use crate::domain::{IsoWeek, MarkdownStep, Rotation, TagColour, Won};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreInfo {
    pub uuid: String,
    pub code: u16,
    pub name: String,
    pub address: String,
    pub phone: String,
    pub business_no: String,
    pub price_step: Won,
    pub is_demo: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    LikeNew,
    Good,
    Fair,
}

impl Condition {
    pub const ALL: [Condition; 3] = [Condition::LikeNew, Condition::Good, Condition::Fair];

    pub fn as_str(self) -> &'static str {
        match self {
            Condition::LikeNew => "like_new",
            Condition::Good => "good",
            Condition::Fair => "fair",
        }
    }

    pub fn parse(s: &str) -> Option<Condition> {
        Condition::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidePrice {
    pub condition: Condition,
    pub price: Won,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub code: String,
    pub name_ko: String,
    pub name_en: String,
    pub tax_class: String,
    pub tax_rate_percent: Decimal,
    pub key_position: Option<i64>,
    /// Best condition first.
    pub guide: Vec<GuidePrice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockItem {
    pub id: i64,
    pub ean: String,
    pub name_ko: String,
    pub name_en: String,
    pub category: String,
    pub price: Won,
    pub on_hand: i64,
}

/// A unique donated item behind an item tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRecord {
    pub id: i64,
    pub code: String,
    pub description: String,
    pub category: String,
    pub price: Won,
    pub condition: Condition,
    pub intake_date: chrono::NaiveDate,
    /// Sale id if it has been sold already.
    pub sold_in: Option<i64>,
}

pub(super) fn decimal(s: &str) -> rusqlite::Result<Decimal> {
    Decimal::from_str(s)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

pub(super) fn store_info(conn: &Connection) -> Result<Option<StoreInfo>> {
    let has_table: bool =
        conn.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'store'", [], |r| r.get(0))?;
    if !has_table {
        return Ok(None);
    }
    Ok(conn
        .query_row(
            "SELECT uuid, code, name, address, phone, business_no, price_step, is_demo FROM store WHERE id = 1",
            [],
            |r| {
                Ok(StoreInfo {
                    uuid: r.get(0)?,
                    code: r.get(1)?,
                    name: r.get(2)?,
                    address: r.get(3)?,
                    phone: r.get(4)?,
                    business_no: r.get(5)?,
                    price_step: Won::new(r.get(6)?),
                    is_demo: r.get(7)?,
                })
            },
        )
        .optional()?)
}

pub(super) fn rotation(conn: &Connection) -> Result<Rotation> {
    let colours = conn
        .prepare("SELECT key, name_ko, name_en, rgb FROM tag_colours ORDER BY position")?
        .query_map([], |r| Ok(TagColour { key: r.get(0)?, name_ko: r.get(1)?, name_en: r.get(2)?, rgb: r.get(3)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let steps = conn
        .prepare("SELECT from_week, percent_off, pull FROM markdown_steps ORDER BY from_week")?
        .query_map([], |r| {
            Ok(MarkdownStep { from_week: r.get(0)?, percent_off: decimal(&r.get::<_, String>(1)?)?, pull: r.get(2)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let anchor: Option<String> =
        conn.query_row("SELECT value FROM settings WHERE key = 'rotation_anchor'", [], |r| r.get(0)).optional()?;
    let anchor = match anchor {
        Some(text) => parse_week(&text).ok_or_else(|| StoreError::Invalid(format!("bad rotation_anchor '{text}'")))?,
        None => Rotation::default().anchor,
    };
    Ok(Rotation { colours, anchor, steps })
}

/// `2026-W01`.
pub(super) fn parse_week(text: &str) -> Option<IsoWeek> {
    let (year, week) = text.split_once("-W")?;
    IsoWeek::new(year.parse().ok()?, week.parse().ok()?)
}

fn category_from_row(r: &Row<'_>) -> rusqlite::Result<Category> {
    Ok(Category {
        code: r.get(0)?,
        name_ko: r.get(1)?,
        name_en: r.get(2)?,
        tax_class: r.get(3)?,
        tax_rate_percent: decimal(&r.get::<_, String>(4)?)?,
        key_position: r.get(5)?,
        guide: Vec::new(),
    })
}

const CATEGORY_SELECT: &str = "SELECT c.code, c.name_ko, c.name_en, c.tax_class, t.rate_percent, c.key_position
     FROM categories c JOIN tax_classes t ON t.code = c.tax_class";

fn stock_from_row(r: &Row<'_>) -> rusqlite::Result<StockItem> {
    Ok(StockItem {
        id: r.get(0)?,
        ean: r.get(1)?,
        name_ko: r.get(2)?,
        name_en: r.get(3)?,
        category: r.get(4)?,
        price: Won::new(r.get(5)?),
        on_hand: r.get(6)?,
    })
}

impl Store {
    /// Active categories, in key order then by code, each with its price guide.
    pub fn categories(&self) -> Result<Vec<Category>> {
        let mut categories = self
            .conn
            .prepare(&format!(
                "{CATEGORY_SELECT} WHERE c.active ORDER BY c.key_position IS NULL, c.key_position, c.code"
            ))?
            .query_map([], category_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for category in &mut categories {
            category.guide = self.guide(&category.code)?;
        }
        Ok(categories)
    }

    /// One active category. A point query: this runs on every scan.
    pub fn category(&self, code: &str) -> Result<Option<Category>> {
        let category = self
            .conn
            .prepare_cached(&format!("{CATEGORY_SELECT} WHERE c.active AND c.code = ?1"))?
            .query_row([code], category_from_row)
            .optional()?;
        let Some(mut category) = category else { return Ok(None) };
        category.guide = self.guide(code)?;
        Ok(Some(category))
    }

    /// A category's guide prices, best condition first.
    fn guide(&self, code: &str) -> Result<Vec<GuidePrice>> {
        let mut guide: Vec<GuidePrice> =
            self.conn
                .prepare_cached("SELECT condition, price FROM price_guide WHERE category = ?1")?
                .query_map([code], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
                .filter_map(|row| match row {
                    Ok((condition, price)) => Condition::parse(&condition)
                        .map(|condition| Ok(GuidePrice { condition, price: Won::new(price) })),
                    Err(e) => Some(Err(e)),
                })
                .collect::<rusqlite::Result<_>>()?;
        guide.sort_by_key(|g| Condition::ALL.iter().position(|c| *c == g.condition));
        Ok(guide)
    }

    pub fn stock_item(&self, ean: &str) -> Result<Option<StockItem>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, ean, name_ko, name_en, category, price, on_hand FROM stock_items WHERE ean = ?1 AND active",
                [ean],
                stock_from_row,
            )
            .optional()?)
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
            .query_row(
                "SELECT id, code, description, category, price, condition, intake_date, sold_in FROM item_tags WHERE code = ?1",
                [code],
                |r| {
                    let condition: String = r.get(5)?;
                    let intake: String = r.get(6)?;
                    Ok(ItemRecord {
                        id: r.get(0)?,
                        code: r.get(1)?,
                        description: r.get(2)?,
                        category: r.get(3)?,
                        price: Won::new(r.get(4)?),
                        condition: Condition::parse(&condition).unwrap_or(Condition::Good),
                        intake_date: intake.parse().map_err(|e| {
                            rusqlite::Error::FromSqlConversionFailure(6, rusqlite::types::Type::Text, Box::new(e))
                        })?,
                        sold_in: r.get(7)?,
                    })
                },
            )
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
}

impl Store {
    /// Records newly tagged unique items (and journals it); returns their tag codes.
    pub fn add_items(
        &mut self,
        items: &[super::ItemSetup],
        staff_id: Option<i64>,
        at: chrono::DateTime<chrono::FixedOffset>,
    ) -> Result<Vec<String>> {
        let tx = self.conn.transaction()?;
        super::setup::insert_items(&tx, self.info.code, items)?;
        let codes: Vec<String> = items
            .iter()
            .filter_map(|i| crate::domain::ItemTag::new(self.info.code, i.serial))
            .map(|t| t.code())
            .collect();
        super::journal::append(&tx, "items.tagged", &serde_json::json!({ "codes": codes }), staff_id, at)?;
        tx.commit()?;
        Ok(codes)
    }

    /// The highest item serial used so far, so new tags continue from it.
    pub fn last_item_serial(&self) -> Result<u32> {
        let code: Option<String> = self.conn.query_row("SELECT max(code) FROM item_tags", [], |r| r.get(0))?;
        Ok(code.and_then(|c| c.get(4..12).and_then(|s| s.parse().ok())).unwrap_or(0))
    }
}
