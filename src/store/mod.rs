//! The store's own database: one SQLite file per store (design.md §4).
//!
//! [`Store`] is the only way into it. It opens the file with WAL, `synchronous=FULL` and foreign
//! keys, applies the numbered migrations in `migrations/`, refuses a file made by a newer Nanum,
//! and offers one method per thing the shop does (sign in, price a scan, commit a sale). Every
//! change that matters is written together with its [`journal`] event in one transaction.

mod catalog;
pub mod journal;
mod pricing;
mod sales;
mod schema;
mod setup;
mod staff;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::{Connection, OpenFlags};

pub use catalog::{Category, Condition, GuidePrice, ItemRecord, StockItem, StoreInfo};
pub use journal::{ChainError, JournalEvent};
pub use pricing::{Priced, ScanError, category_line};
pub use sales::NewSale;
pub use sales::Sale;
pub use setup::{CategorySetup, ItemSetup, StaffSetup, StockSetup, StoreSetup};
pub use staff::{Role, SignInError, StaffMember};

use crate::domain::Rotation;

#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store database {path}: {source}")]
    Open { path: PathBuf, source: Arc<rusqlite::Error> },
    #[error(
        "{path} was made by a newer version of Nanum (schema {found}; this version knows up to {supported}). Install the newer Nanum to open it."
    )]
    TooNew { path: PathBuf, found: u32, supported: u32 },
    #[error("{path} already exists")]
    Exists { path: PathBuf },
    #[error("{path} is not a Nanum store database")]
    NotAStore { path: PathBuf },
    #[error("the disk is full: nothing was saved")]
    DiskFull,
    #[error("the database is busy (another Nanum has it open?)")]
    Busy,
    #[error("cannot update the database schema: {0}")]
    Migration(Arc<rusqlite_migration::Error>),
    #[error("database error: {0}")]
    Sqlite(Arc<rusqlite::Error>),
    #[error("{0}")]
    Invalid(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sqlite(Arc::new(e)),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    info: StoreInfo,
    rotation: Rotation,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).field("store", &self.info.name).finish()
    }
}

impl Store {
    /// Opens an existing store database and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Open {
                path: path.to_path_buf(),
                source: Arc::new(rusqlite::Error::InvalidPath(path.to_path_buf())),
            });
        }
        let conn = connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        Store::from_connection(conn, path)
    }

    /// Makes a new store database at `path` (which must not exist yet) from `setup`.
    pub fn create(path: &Path, setup: &StoreSetup) -> Result<Store> {
        if path.exists() {
            return Err(StoreError::Exists { path: path.to_path_buf() });
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Invalid(format!("cannot create {}: {e}", dir.display())))?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
        let mut conn = connect(path, flags)?;
        let made = schema::migrate(&mut conn, path).and_then(|()| setup::write(&mut conn, setup));
        if let Err(e) = made {
            drop(conn);
            remove_database_files(path);
            return Err(e);
        }
        Store::from_connection(conn, path)
    }

    fn from_connection(mut conn: Connection, path: &Path) -> Result<Store> {
        schema::migrate(&mut conn, path)?;
        let info = catalog::store_info(&conn)?.ok_or_else(|| StoreError::NotAStore { path: path.to_path_buf() })?;
        let rotation = catalog::rotation(&conn)?;
        Ok(Store { conn, path: path.to_path_buf(), info, rotation })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn info(&self) -> &StoreInfo {
        &self.info
    }

    pub fn rotation(&self) -> &Rotation {
        &self.rotation
    }

    /// Read-only access for `reports`: queries may read, only `store` writes.
    pub fn reader(&self) -> &Connection {
        &self.conn
    }

    /// `PRAGMA integrity_check` and the journal chain (for `nanum check`).
    pub fn check(&self) -> Result<CheckReport> {
        let integrity: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let integrity_ok = integrity.len() == 1 && integrity[0] == "ok";
        let chain = journal::verify(&self.conn)?;
        Ok(CheckReport { integrity: if integrity_ok { Vec::new() } else { integrity }, chain })
    }
}

#[derive(Debug, Clone)]
pub struct CheckReport {
    /// Problems `integrity_check` found; empty when the file is sound.
    pub integrity: Vec<String>,
    /// Events checked, or where the chain breaks.
    pub chain: std::result::Result<u64, ChainError>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.integrity.is_empty() && self.chain.is_ok()
    }
}

fn connect(path: &Path, flags: OpenFlags) -> Result<Connection> {
    let open_error = |e: rusqlite::Error| StoreError::Open { path: path.to_path_buf(), source: Arc::new(e) };
    let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(open_error)?;
    // A plain text file opened as SQLite only fails on the first read: do it here.
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0)).map_err(|e| {
        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) {
            StoreError::NotAStore { path: path.to_path_buf() }
        } else {
            open_error(e)
        }
    })?;
    // FULL: a sale the cashier saw committed survives a power cut.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(conn)
}

fn remove_database_files(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}
