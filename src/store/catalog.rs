//! Reference data: the store itself, categories with their tax class and price guide, and the
//! colour rotation. Head office sets it; the till reads it on every scan. Values read strictly
//! (see [`super::sql`]): a tax rate outside 0–100 or an unknown condition is an error.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Row};

use super::sql::percent;
use super::{Result, Store, StoreError};
use crate::domain::reference::{hold_hours_ok, percent_ok};
use crate::domain::{Category, GuidePrice, MarkdownStep, Rotation, StoreInfo, TagColour};

pub(super) fn store_info(conn: &Connection) -> Result<Option<StoreInfo>> {
    Ok(conn
        .query_row(
            "SELECT uuid, code, name, address, phone, business_no, price_step, is_demo, representative, receipt_footer
             FROM store WHERE id = 1",
            [],
            |r| {
                Ok(StoreInfo {
                    uuid: r.get(0)?,
                    code: r.get(1)?,
                    name: r.get(2)?,
                    address: r.get(3)?,
                    phone: r.get(4)?,
                    business_no: r.get(5)?,
                    price_step: r.get(6)?,
                    is_demo: r.get(7)?,
                    representative: r.get(8)?,
                    receipt_footer: r.get(9)?,
                })
            },
        )
        .optional()?)
}

/// How many times the reference data has changed (migration 0009's triggers count every change,
/// whoever made it).
pub(super) fn reference_changes(conn: &Connection) -> Result<i64> {
    Ok(conn.prepare_cached("SELECT version FROM reference_changes WHERE id = 1")?.query_row([], |r| r.get(0))?)
}

impl Store {
    /// A number that changes whenever another connection (the writer, `nanum sync`, another
    /// till) commits to the file; read from memory, not the disk.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.pragma_query_value(None, "data_version", |r| r.get(0))?)
    }

    /// Reads again what this connection keeps in memory (the store's details, the colour
    /// calendar and its markdowns, the categories on sale) if the reference data changed since
    /// it last looked, on any connection: a sync, another till, a manager's screen. One row
    /// read, so the till asks on each scan and every second. True when something was read
    /// again, so a screen holding categories or a policy reads those again too.
    pub fn refresh(&mut self) -> Result<bool> {
        let now = reference_changes(&self.conn)?;
        if now == self.reference_seen {
            return Ok(false);
        }
        self.reload_info()?;
        self.rotation = rotation(&self.conn)?;
        self.for_sale = categories_to_sell(&self.conn)?;
        self.reference_seen = now;
        Ok(true)
    }
}

/// The active categories with their tax rates, by code, which every scan needs: kept in memory
/// with the colour calendar, as a query for them was a third of a scan's store work (two more
/// b-tree lookups beside the tag's own two). A category whose row cannot be read keeps its
/// error, said when it is scanned: the rest of the store still sells.
pub(super) fn categories_to_sell(conn: &Connection) -> Result<HashMap<String, Result<Category>>> {
    Ok(conn
        .prepare(&format!("{CATEGORY_SELECT} WHERE c.active"))?
        .query_map([], |r| Ok((r.get(0)?, category_from_row(r).map_err(StoreError::from))))?
        .collect::<rusqlite::Result<_>>()?)
}

pub(super) fn rotation(conn: &Connection) -> Result<Rotation> {
    let colours = conn
        .prepare("SELECT key, name_ko, name_en, rgb FROM tag_colours ORDER BY position")?
        .query_map([], |r| Ok(TagColour { key: r.get(0)?, name_ko: r.get(1)?, name_en: r.get(2)?, rgb: r.get(3)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let steps = conn
        .prepare("SELECT from_week, percent_off, pull FROM markdown_steps ORDER BY from_week")?
        .query_map([], |r| Ok(MarkdownStep { from_week: r.get(0)?, percent_off: percent(r, 1)?, pull: r.get(2)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let anchor: Option<String> =
        conn.query_row("SELECT value FROM settings WHERE key = 'rotation_anchor'", [], |r| r.get(0)).optional()?;
    let anchor = match anchor {
        Some(text) => crate::domain::codes::parse_week(&text)
            .ok_or_else(|| StoreError::Unreadable(format!("bad rotation_anchor '{text}'")))?,
        None => Rotation::default().anchor,
    };
    Ok(Rotation { colours, anchor, steps })
}

fn category_from_row(r: &Row<'_>) -> rusqlite::Result<Category> {
    Ok(Category {
        code: r.get(0)?,
        name_ko: r.get(1)?,
        name_en: r.get(2)?,
        tax_class: r.get(3)?,
        tax_rate_percent: percent(r, 4)?,
        key_position: r.get(5)?,
        guide: Vec::new(),
        donation: crate::domain::donation::DonationValue {
            value: r.get(6)?,
            unit: u32::try_from(r.get::<_, i64>(7)?).map_err(|_| {
                rusqlite::Error::FromSqlConversionFailure(7, rusqlite::types::Type::Integer, "counting unit".into())
            })?,
        },
    })
}

const CATEGORY_SELECT: &str = "SELECT c.code, c.name_ko, c.name_en, c.tax_class, t.rate_percent, c.key_position,
        c.donation_value, c.counting_unit
     FROM categories c JOIN tax_classes t ON t.code = c.tax_class";

/// The store's rules that head office sets as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// Discounts taking off more than this percentage need a manager.
    pub discount_limit_percent: rust_decimal::Decimal,
    /// Goods priced less than this long ago cannot be sold to staff or volunteers.
    pub hold: chrono::Duration,
}

/// A store setting every store has; missing, the file is not one this version made.
pub(super) fn setting(conn: &Connection, key: &str) -> Result<String> {
    conn.prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::Unreadable(format!("the store setting {key} is missing")))
}

/// The store's policy as `conn` (a reader, or the transaction about to apply it) sees it.
pub(super) fn policy_in(conn: &Connection) -> Result<Policy> {
    let limit = setting(conn, "discount_limit_percent")?;
    let hours = setting(conn, "hold_hours")?;
    let discount_limit_percent = limit
        .parse::<rust_decimal::Decimal>()
        .ok()
        .filter(|p| (rust_decimal::Decimal::ZERO..=rust_decimal::Decimal::ONE_HUNDRED).contains(p))
        .ok_or_else(|| StoreError::Unreadable(format!("the discount limit '{limit}' is not a percentage")))?;
    let hold = hours
        .parse::<i64>()
        .ok()
        .filter(|h| (0..=24 * 90).contains(h))
        .ok_or_else(|| StoreError::Unreadable(format!("the hold period '{hours}' is not a number of hours")))?;
    Ok(Policy { discount_limit_percent, hold: chrono::Duration::hours(hold) })
}

impl Store {
    pub fn policy(&self) -> Result<Policy> {
        policy_in(&self.conn)
    }

    /// Changes the store's policy (journaled with the old and new values). Head office sets it
    /// for a chain; a store without sync sets it with `nanum policy`.
    pub fn set_policy(&mut self, policy: &Policy, at: chrono::DateTime<chrono::FixedOffset>) -> Result<()> {
        let hours = policy.hold.num_hours();
        let limit = policy.discount_limit_percent;
        if !percent_ok(limit) || !hold_hours_ok(hours) {
            return Err(StoreError::Refused(format!("a discount limit of {limit}% or a hold of {hours} hours")));
        }
        self.write(|tx| {
            // Read in the transaction that replaces it, so the journal's "from" is what was replaced.
            let before = policy_in(tx)?;
            let mut set = tx.prepare_cached("UPDATE settings SET value = ?2 WHERE key = ?1")?;
            set.execute(rusqlite::params!["discount_limit_percent", limit.normalize().to_string()])?;
            set.execute(rusqlite::params!["hold_hours", hours.to_string()])?;
            let payload = serde_json::json!({
                "discount_limit_percent": { "from": before.discount_limit_percent, "to": limit },
                "hold_hours": { "from": before.hold.num_hours(), "to": hours },
            });
            super::journal::append(tx, "settings.changed", &payload, None, at)?;
            Ok(())
        })
    }

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
        let Some(mut category) = self.category_to_sell(code)? else { return Ok(None) };
        category.guide = self.guide(code)?;
        Ok(Some(category))
    }

    /// An active category as a sale's line needs it: without its guide prices, which a scan
    /// does not use. From memory (see [`categories_to_sell`]).
    pub(crate) fn category_to_sell(&self, code: &str) -> Result<Option<Category>> {
        self.for_sale.get(code).cloned().transpose()
    }

    /// A category's guide prices, best condition first.
    fn guide(&self, code: &str) -> Result<Vec<GuidePrice>> {
        let mut guide: Vec<GuidePrice> = self
            .conn
            .prepare_cached("SELECT condition, price FROM price_guide WHERE category = ?1")?
            .query_map([code], |r| Ok(GuidePrice { condition: r.get(0)?, price: r.get(1)? }))?
            .collect::<rusqlite::Result<_>>()?;
        guide.sort_by_key(|g| g.condition);
        Ok(guide)
    }
}
