//! The migrations in `migrations/`, applied in order at open. Released files are never edited;
//! a change is a new numbered file. The version lives in `PRAGMA user_version`.

use std::path::Path;
use std::sync::Arc;

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use super::{Result, StoreError};

const MIGRATIONS: &[M<'static>] = &[M::up(include_str!("../../migrations/0001_initial.sql"))];

/// The schema version this build writes.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

pub fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let found: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > LATEST {
        return Err(StoreError::TooNew { path: path.to_path_buf(), found, supported: LATEST });
    }
    if found < LATEST {
        Migrations::from_slice(MIGRATIONS).to_latest(conn).map_err(|e| StoreError::Migration(Arc::new(e)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::Migrations::from_slice(super::MIGRATIONS).validate().unwrap();
    }
}
