//! The cart on each till, kept in the database line by line as it is rung up: after a crash, a
//! power cut or a `kill -9`, the next sign-in at that till offers it back. It is working state,
//! not history: it goes when its sale commits. Taking a line out after it was scanned, lowering
//! a quantity and cancelling the whole cart are journaled with the lines concerned, so the
//! audit trail shows what was rung up and never paid.

use chrono::{DateTime, FixedOffset};
use rusqlite::{OptionalExtension, Transaction, params};
use uuid::Uuid;

use super::sql::time;
use super::{Result, Store, StoreError, journal};
use crate::domain::{Cart, Line, StaffMember};

/// Which till (counter) of the store this is, from its settings.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TillId(pub String);

/// A cart left open on a till.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenCart {
    pub uuid: String,
    pub staff_name: String,
    pub updated_at: DateTime<FixedOffset>,
    pub cart: Cart,
}

/// Removes the till's open cart (in the caller's transaction): its sale was committed.
pub(super) fn discard_open(tx: &Transaction<'_>, till: &TillId) -> Result<()> {
    tx.prepare_cached(
        "DELETE FROM cart_lines WHERE cart IN (SELECT uuid FROM carts WHERE till = ?1 AND state = 'open')",
    )?
    .execute([&till.0])?;
    tx.prepare_cached("DELETE FROM carts WHERE till = ?1 AND state = 'open'")?.execute([&till.0])?;
    Ok(())
}

fn write_cart(
    tx: &Transaction<'_>,
    till: &TillId,
    staff: &StaffMember,
    cart: &Cart,
    now: DateTime<FixedOffset>,
) -> Result<String> {
    let uuid = match open_uuid(tx, till)? {
        Some(uuid) => {
            tx.prepare_cached("UPDATE carts SET staff_id = ?2, updated_at = ?3 WHERE uuid = ?1")?.execute(params![
                uuid,
                staff.id,
                now.to_rfc3339()
            ])?;
            tx.prepare_cached("DELETE FROM cart_lines WHERE cart = ?1")?.execute([&uuid])?;
            uuid
        }
        None => {
            let uuid = Uuid::now_v7().to_string();
            tx.prepare_cached(
                "INSERT INTO carts (uuid, till, staff_id, state, started_at, updated_at) VALUES (?1, ?2, ?3, 'open', ?4, ?4)",
            )?
            .execute(params![uuid, till.0, staff.id, now.to_rfc3339()])?;
            uuid
        }
    };
    let mut insert = tx.prepare_cached("INSERT INTO cart_lines (cart, line_no, line) VALUES (?1, ?2, ?3)")?;
    for (i, line) in cart.lines().iter().enumerate() {
        let json = serde_json::to_string(line).map_err(|e| StoreError::Bug(format!("cart line: {e}")))?;
        insert.execute(params![uuid, i as i64 + 1, json])?;
    }
    Ok(uuid)
}

impl Store {
    /// Keeps the till's cart as it now is (an empty cart removes it).
    pub fn save_cart(
        &mut self,
        till: &TillId,
        staff: &StaffMember,
        cart: &Cart,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.write(|tx| {
            if cart.is_empty() { discard_open(tx, till) } else { write_cart(tx, till, staff, cart, now).map(|_| ()) }
        })
    }

    /// Keeps the cart after `removed` (or some of its units) came out of it, and journals that.
    pub fn take_out_of_cart(
        &mut self,
        till: &TillId,
        staff: &StaffMember,
        cart: &Cart,
        removed: &Line,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.write(|tx| {
            let uuid = if cart.is_empty() {
                let uuid = open_uuid(tx, till)?;
                discard_open(tx, till)?;
                uuid
            } else {
                Some(write_cart(tx, till, staff, cart, now)?)
            };
            let payload = serde_json::json!({ "cart": uuid, "till": till.0, "line": removed });
            journal::append(tx, "cart.line_removed", &payload, Some(staff.id), now)?;
            Ok(())
        })
    }

    /// Cancels the till's whole cart, journaling every line it had.
    pub fn cancel_cart(
        &mut self,
        till: &TillId,
        staff: &StaffMember,
        cart: &Cart,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.write(|tx| {
            let uuid = open_uuid(tx, till)?;
            discard_open(tx, till)?;
            let payload = serde_json::json!({
                "cart": uuid, "till": till.0, "total": cart.total(), "lines": cart.lines(),
            });
            journal::append(tx, "cart.cancelled", &payload, Some(staff.id), now)?;
            Ok(())
        })
    }

    /// The cart left open on `till`, if any.
    pub fn open_cart(&self, till: &TillId) -> Result<Option<OpenCart>> {
        self.read(|conn| {
            let head: Option<(String, String, DateTime<FixedOffset>)> = conn
                .prepare_cached(
                    "SELECT c.uuid, s.name, c.updated_at FROM carts c JOIN staff s ON s.id = c.staff_id
                     WHERE c.till = ?1 AND c.state = 'open'",
                )?
                .query_row([&till.0], |r| Ok((r.get(0)?, r.get(1)?, time(r, 2)?)))
                .optional()?;
            let Some((uuid, staff_name, updated_at)) = head else { return Ok(None) };
            let cart = load(conn, &uuid)?;
            Ok(Some(OpenCart { uuid, staff_name, updated_at, cart }))
        })
    }

    /// Sets the till's cart aside with a note, for any till of the store to take up later.
    pub fn park_cart(
        &mut self,
        till: &TillId,
        staff: &StaffMember,
        cart: &Cart,
        note: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.write(|tx| {
            let uuid = write_cart(tx, till, staff, cart, now)?;
            tx.prepare_cached("UPDATE carts SET state = 'parked', note = ?2, updated_at = ?3 WHERE uuid = ?1")?
                .execute(params![uuid, note, now.to_rfc3339()])?;
            let payload = serde_json::json!({ "cart": uuid, "till": till.0, "note": note, "total": cart.total() });
            journal::append(tx, "cart.parked", &payload, Some(staff.id), now)?;
            Ok(())
        })
    }

    /// Every parked cart in the store, oldest first.
    pub fn parked_carts(&self) -> Result<Vec<ParkedCart>> {
        self.read(|conn| {
            // Oldest first: by when the cart was started, as its number once told.
            let heads: Vec<(String, String, String, String, DateTime<FixedOffset>)> = conn
                .prepare(
                    "SELECT c.uuid, c.note, c.till, s.name, c.updated_at FROM carts c JOIN staff s ON s.id = c.staff_id
                     WHERE c.state = 'parked' ORDER BY c.started_at, c.uuid",
                )?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, time(r, 4)?)))?
                .collect::<rusqlite::Result<_>>()?;
            heads
                .into_iter()
                .map(|(uuid, note, till, staff_name, parked_at)| {
                    let cart = load(conn, &uuid)?;
                    Ok(ParkedCart { uuid, note, till, staff_name, parked_at, cart })
                })
                .collect()
        })
    }

    /// Takes parked cart `uuid` up on `till` (whose own cart must be empty): it becomes the till's
    /// open cart. `None` if another till took it first.
    pub fn take_parked(
        &mut self,
        uuid: &str,
        till: &TillId,
        staff: &StaffMember,
        now: DateTime<FixedOffset>,
    ) -> Result<Option<Cart>> {
        self.write(|tx| {
            discard_open(tx, till)?;
            let taken = tx
                .prepare_cached(
                    "UPDATE carts SET state = 'open', till = ?2, staff_id = ?3, updated_at = ?4
                     WHERE uuid = ?1 AND state = 'parked'",
                )?
                .execute(params![uuid, till.0, staff.id, now.to_rfc3339()])?;
            if taken == 0 {
                return Ok(None);
            }
            let cart = load(tx, uuid)?;
            let payload = serde_json::json!({ "cart": uuid, "till": till.0, "total": cart.total() });
            journal::append(tx, "cart.resumed", &payload, Some(staff.id), now)?;
            Ok(Some(cart))
        })
    }
}

/// A cart set aside with a note.
#[derive(Debug, Clone, PartialEq)]
pub struct ParkedCart {
    pub uuid: String,
    pub note: String,
    pub till: String,
    pub staff_name: String,
    pub parked_at: DateTime<FixedOffset>,
    pub cart: Cart,
}

/// A stored cart's lines, exactly as they were.
fn load(conn: &rusqlite::Connection, uuid: &str) -> Result<Cart> {
    let jsons: Vec<String> = conn
        .prepare_cached("SELECT line FROM cart_lines WHERE cart = ?1 ORDER BY line_no")?
        .query_map([uuid], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut cart = Cart::new();
    for json in jsons {
        let line: Line = serde_json::from_str(&json)
            .map_err(|e| StoreError::Unreadable(format!("a stored cart line cannot be read: {e}")))?;
        cart.add(line).map_err(|e| StoreError::Unreadable(format!("a stored cart line is refused: {e}")))?;
    }
    Ok(cart)
}

fn open_uuid(tx: &Transaction<'_>, till: &TillId) -> Result<Option<String>> {
    Ok(tx
        .prepare_cached("SELECT uuid FROM carts WHERE till = ?1 AND state = 'open'")?
        .query_row([&till.0], |r| r.get(0))
        .optional()?)
}
