//! The migrations in `migrations/`, applied in order at open, each in its own IMMEDIATE
//! transaction. Released files are never edited; a change is a new numbered file. The version
//! lives in `PRAGMA user_version`; `PRAGMA application_id` marks the file as a Nanum store.

use std::path::Path;
use std::sync::Arc;

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use super::{Result, StoreError};

/// `NANU`, in `PRAGMA application_id`: tells a store from any other SQLite file.
pub const APPLICATION_ID: i64 = 0x4E41_4E55;

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("../../migrations/0001_initial.sql")),
    // Rebuilds tables to add CHECKs, so foreign keys are off while it runs and checked after.
    M::up(include_str!("../../migrations/0002_hardening.sql")).foreign_key_check(),
    M::up(include_str!("../../migrations/0003_till_day.sql")).foreign_key_check(),
    M::up(include_str!("../../migrations/0004_donations.sql")).foreign_key_check(),
    M::up(include_str!("../../migrations/0005_volunteers.sql")).foreign_key_check(),
    M::up(include_str!("../../migrations/0006_sales_by_day.sql")),
    M::up(include_str!("../../migrations/0007_sync.sql")),
    M::up(include_str!("../../migrations/0008_store_identity.sql")),
    M::up(include_str!("../../migrations/0009_reference_changes.sql")),
    M::up(include_str!("../../migrations/0010_documents_need_an_open_session.sql")),
    M::up(include_str!("../../migrations/0011_receipts_owed.sql")),
    M::up(include_str!("../../migrations/0012_approvals.sql")),
    // Needs the journal's SQL functions (`journal::packing`), which every store connection has.
    M::up(include_str!("../../migrations/0013_compact_journal.sql")),
    M::up(include_str!("../../migrations/0014_lean_working_tables.sql")).foreign_key_check(),
    M::up(include_str!("../../migrations/0015_day_totals_kept_by_the_store.sql")),
];

/// The version that packed the journal (0013), leaving the old one's pages free in the file.
const COMPACT_JOURNAL: u32 = 13;

/// Gives the space the journal held as text back to the disk: for five years of history about
/// 200 MB, which new events would take years to reuse. Once, right after packing. VACUUM needs
/// room for a copy of the file; without it the store works as it is, only bigger.
fn give_back_the_old_journal(conn: &Connection, path: &Path) {
    let started = std::time::Instant::now();
    match conn.execute_batch("VACUUM") {
        Ok(()) => tracing::info!("{}: the journal's old space given back in {:?}", path.display(), started.elapsed()),
        Err(e) => tracing::warn!("{}: cannot give back the journal's old space (left for reuse): {e}", path.display()),
    }
}

/// The schema version this build writes.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

/// Brings the schema up to date. Foreign keys must be off while tables are rebuilt (SQLite
/// ignores the setting inside a transaction), so the caller turns them on afterwards.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let found: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > LATEST {
        return Err(StoreError::TooNew { path: path.to_path_buf(), found, supported: LATEST });
    }
    if found < LATEST {
        // rusqlite_migration reads the version before it takes the write lock, so two processes
        // opening an old file at once (the till and `nanum sync` at boot) would both migrate it.
        // One at a time, then, and the version read again by whoever comes second.
        let _turn = MigrationTurn::take(path)?;
        let found: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if found < LATEST {
            tracing::info!("migrating {} from schema {found} to {LATEST}", path.display());
            conn.pragma_update(None, "foreign_keys", false)?;
            Migrations::from_slice(MIGRATIONS).to_latest(conn).map_err(|e| StoreError::Migration(Arc::new(e)))?;
            if found > 0 && found < COMPACT_JOURNAL {
                give_back_the_old_journal(conn, path);
            }
        }
    }
    Ok(())
}

/// An exclusive lock on `<store>.migrating` while a migration runs. A lock file of its own: the
/// store's own file must not be opened and closed here, since closing any handle on it drops
/// the POSIX locks SQLite holds for this process.
struct MigrationTurn {
    file: std::fs::File,
    path: std::path::PathBuf,
}

impl MigrationTurn {
    fn take(store: &Path) -> Result<MigrationTurn> {
        let mut path = store.as_os_str().to_owned();
        path.push(".migrating");
        let path = std::path::PathBuf::from(path);
        let io = |e: std::io::Error| StoreError::file(format!("cannot lock {} to migrate it", store.display()), e);
        let file = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(io)?;
        file.lock().map_err(io)?;
        Ok(MigrationTurn { file, path })
    }
}

impl Drop for MigrationTurn {
    fn drop(&mut self) {
        // Whoever waits on this file finds the schema current when its turn comes; a process
        // arriving later makes a new lock file, but only to find the same.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        // `validate` would use a bare connection, without the journal's functions 0013 needs.
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        crate::store::journal::packing::add_sql_functions(&conn).unwrap();
        super::Migrations::from_slice(super::MIGRATIONS).to_latest(&mut conn).unwrap();
    }
}
