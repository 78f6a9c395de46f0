//! Who gives: a donor's row, and the pieces of each name that `donor_grams` (an FTS5 index of
//! two- and three-letter pieces, which this module keeps) finds them by. A Korean given name is
//! two syllables, shorter than SQLite's trigram tokenizer can find.

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, Transaction, params};
use serde::Serialize;
use uuid::Uuid;

use super::Result;
use crate::domain::Phone;

/// The columns `donor_from_row` reads.
pub(super) const DONOR_SELECT: &str =
    "SELECT d.id, d.uuid, d.name, d.phone, d.wants_receipt, d.wants_messages FROM donors d";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Donor {
    #[serde(skip)]
    pub id: i64,
    pub uuid: String,
    pub name: String,
    #[serde(serialize_with = "phone_digits")]
    pub phone: Option<Phone>,
    pub wants_receipt: bool,
    pub wants_messages: bool,
}

#[derive(Debug, Clone)]
pub struct NewDonor {
    pub name: String,
    pub phone: Option<Phone>,
    pub wants_receipt: bool,
    pub wants_messages: bool,
}

pub(super) fn phone_digits<S: serde::Serializer>(phone: &Option<Phone>, s: S) -> std::result::Result<S::Ok, S::Error> {
    match phone {
        Some(p) => s.serialize_some(p.digits()),
        None => s.serialize_none(),
    }
}

/// The pieces of a name the index holds: every two and three letters in a row, spaces left out,
/// lower case (`김민지` → `김민 민지 김민지`).
pub fn grams(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
    let mut out = Vec::new();
    for n in [2, 3] {
        for window in letters.windows(n) {
            out.push(window.iter().collect::<String>());
        }
    }
    out.join(" ")
}

/// The FTS5 query for what was typed: the piece itself when it is two or three letters, every
/// three-letter piece of it when longer (all must be there).
pub(super) fn name_query(typed: &str) -> Option<String> {
    let letters: Vec<char> = typed.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
    let quote = |s: String| format!("\"{}\"", s.replace('"', "\"\""));
    match letters.len() {
        0 | 1 => None,
        2 | 3 => Some(quote(letters.iter().collect())),
        _ => Some(letters.windows(3).map(|w| quote(w.iter().collect())).collect::<Vec<_>>().join(" AND ")),
    }
}

pub(super) fn donor_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Donor> {
    let phone: Option<String> = r.get(3)?;
    let phone = match phone {
        Some(digits) => Some(Phone::parse(&digits).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, format!("phone {digits}").into())
        })?),
        None => None,
    };
    Ok(Donor {
        id: r.get(0)?,
        uuid: r.get(1)?,
        name: r.get(2)?,
        phone,
        wants_receipt: r.get(4)?,
        wants_messages: r.get(5)?,
    })
}

pub(super) fn donor_by_id(conn: &Connection, id: i64) -> rusqlite::Result<Donor> {
    conn.prepare_cached(&format!("{DONOR_SELECT} WHERE d.id = ?1"))?.query_row([id], donor_from_row)
}

pub(super) fn insert_donor(tx: &Transaction<'_>, new: &NewDonor, at: DateTime<FixedOffset>) -> Result<i64> {
    tx.execute(
        "INSERT INTO donors (uuid, name, phone, wants_receipt, wants_messages, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            Uuid::now_v7().to_string(),
            new.name.trim(),
            new.phone.as_ref().map(Phone::digits),
            new.wants_receipt,
            new.wants_messages,
            at.to_rfc3339()
        ],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute("INSERT INTO donor_grams (rowid, grams) VALUES (?1, ?2)", params![id, grams(&new.name)])?;
    Ok(id)
}
