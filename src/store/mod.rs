//! The store's own database: one SQLite file per store (design.md §4).
//!
//! [`Store`] is the only way into it. Opening looks at a file before changing anything, so a
//! file it refuses (made by a newer Nanum, someone else's SQLite file, an empty or text file) is
//! left byte for byte as it was; a store it accepts gets WAL, `synchronous=FULL`, foreign keys and
//! its migrations. The till, `nanum sync` and the CLI are separate processes on the same file, so
//! every write is one `BEGIN IMMEDIATE` transaction: a second writer waits its turn instead of
//! failing a sale. Every change that matters is written together with its [`journal`] event.

mod approvals;
mod audit;
pub mod backup;
mod carts;
mod catalog;
mod check;
mod credit;
mod day_totals;
pub mod defaults;
mod documents;
mod donations;
mod donors;
mod init;
mod items;
pub mod journal;
mod open;
mod papers;
mod pricing;
mod production;
mod returns;
mod sales;
mod schema;
mod settings;
mod setup;
pub mod sql;
mod staff;
mod staff_roster;
mod sync_state;
mod till;
mod volunteer_roster;
mod volunteers;
pub mod worker;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::{Connection, Transaction, TransactionBehavior};

pub use crate::domain::codes::parse_week;
pub use approvals::{Approved, Refused};
pub use audit::{Entry, Subject, Watch};
pub use carts::{OpenCart, ParkedCart, TillId};
pub use catalog::Policy;
pub use check::{CheckReport, SalePart, SaleProblem};
pub use credit::Credit;
pub use donations::{Donation, DonationError, DonationLine, DonorMatch, NewDonation};
pub use donors::{Donor, NewDonor};
pub use init::{NewStore, SetupError};
pub use journal::{ChainError, JournalEvent};
pub use papers::{OwedReceipt, PaperState, SavedPaper};
pub use pricing::{Priced, ScanError, category_line};
pub use production::{NewOutFlow, NewTags, PullLine, TagBatch};
pub use returns::{NewRefund, RefundTo, Refunded, Returned};
pub use sales::{NewSale, SaleError, SaleSummary};
pub use schema::LATEST as LATEST_SCHEMA;
pub use settings::{BadSetting, SettingsError, StoreSettings};
pub use setup::{CategorySetup, ItemSetup, StaffSetup, StockSetup, StoreSetup};
pub use staff::{Approval, BootClock, SignInError, boot_clock, document_ref, hash_pin, pin_matches};
pub use staff_roster::{NewStaff, StaffEntry, StaffError};
pub use sync_state::{StaffChange, StaffNews, SyncStatus};
pub use till::{CashMove, Closed, Correction, SessionReport, TillError, TillSession};
pub use volunteer_roster::{NewVolunteer, Volunteer};
pub use volunteers::{PastShift, Shift, ShiftError, ShiftStarted};
pub use worker::Worker;

use crate::domain::{Category, Rotation, StoreInfo};

#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    #[error("there is no store database at {path}")]
    Missing { path: PathBuf },
    #[error("cannot open the store database {path}: {source}")]
    Open { path: PathBuf, source: Arc<rusqlite::Error> },
    #[error(
        "{path} was made by a newer version of Nanum (schema {found}; this version knows up to {supported}). Install the newer Nanum to open it."
    )]
    TooNew { path: PathBuf, found: u32, supported: u32 },
    #[error("{path} already exists")]
    Exists { path: PathBuf },
    /// A copy (a backup) that does not pass `check`: a damaged page, a broken journal chain.
    #[error("{path} is damaged: {what}")]
    Damaged { path: PathBuf, what: String },
    #[error("{path} is not a Nanum store database")]
    NotAStore { path: PathBuf },
    #[error("{path} can only be read, not written (file or folder permissions)")]
    ReadOnly { path: PathBuf },
    #[error("{path} cannot use write-ahead logging (journal mode stayed '{mode}')")]
    NoWal { path: PathBuf, mode: String },
    #[error("the disk is full: nothing was saved")]
    DiskFull,
    #[error("the database is busy (another Nanum has it open?)")]
    Busy,
    #[error("cannot update the database schema: {0}")]
    Migration(Arc<rusqlite_migration::Error>),
    #[error("database error: {0}")]
    Sqlite(Arc<rusqlite::Error>),
    /// A value in the file that Nanum cannot read (damaged, or edited by hand), and which.
    #[error("something stored cannot be read: {0}")]
    Unreadable(String),
    /// What was asked is not allowed by the store's rules (nothing was written).
    #[error("not allowed: {0}")]
    Refused(String),
    /// A file beside the store (a backup, its lock) could not be written or read.
    #[error("{what}: {source}")]
    File { what: String, source: Arc<std::io::Error> },
    /// Reference data from head office that the store cannot take (nothing of it was applied).
    #[error("head office sent {0}")]
    FromHeadOffice(String),
    /// Nanum itself went wrong (a value it made that it cannot write): a bug, logged.
    #[error("{0}")]
    Bug(String),
    /// The till's writer thread is gone (it panicked); nothing more can be saved until restart.
    #[error("the store's writer has stopped")]
    WriterStopped,
    /// A sale, refund, void, cash move or voucher for a till session that is not open (closed,
    /// perhaps on another till): it would be missing from the X and Z reports.
    #[error("till {till} is not open: count the float and open it first")]
    TillNotOpen { till: String },
    /// A manager's approval that does not cover the action (see `approvals`).
    #[error("{0}")]
    Approval(approvals::Refused),
    /// One job on the writer hit a bug and was rolled back; the writer goes on.
    #[error("that could not be finished because of an error in Nanum; nothing of it was saved")]
    JobCrashed,
}

impl From<worker::Stopped> for StoreError {
    fn from(stopped: worker::Stopped) -> StoreError {
        match stopped {
            worker::Stopped::Gone => StoreError::WriterStopped,
            worker::Stopped::Crashed => StoreError::JobCrashed,
        }
    }
}

/// Whether SQLite's error is the disk being full: `SQLITE_FULL`, or the shared-memory file of the
/// write-ahead log that could not grow (`SQLITE_IOERR_SHMSIZE`, what opening a store on a full
/// disk gives).
pub fn is_disk_full(e: &rusqlite::Error) -> bool {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => {
            f.code == rusqlite::ErrorCode::DiskFull || f.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE
        }
        _ => false,
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        if is_disk_full(&e) {
            return StoreError::DiskFull;
        }
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sqlite(Arc::new(e)),
        }
    }
}

impl StoreError {
    /// A file operation that failed, with what was being done.
    pub fn file(what: impl Into<String>, source: std::io::Error) -> StoreError {
        StoreError::File { what: what.into(), source: Arc::new(source) }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Removes a store file made moments ago that must not stay (a setup that failed half-way),
/// with its `-wal` and `-shm`. Its connections must be closed first.
pub fn remove_files(path: &Path) {
    open::remove_database_files(path);
}

pub struct Store {
    conn: Connection,
    /// Counts this connection among the process's own to the file (see `open`); declared after
    /// `conn` so the count drops only once the connection is closed.
    _held: open::Held,
    path: PathBuf,
    info: StoreInfo,
    rotation: Rotation,
    /// The active categories by code, as a scan needs them (or why one cannot be read).
    for_sale: HashMap<String, Result<Category>>,
    /// The reference data's change count when `info`, `rotation` and `for_sale` were read.
    reference_seen: i64,
    boot_clock: BootClock,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).field("store", &self.info.name).finish()
    }
}

impl Store {
    /// Opens an existing store database and brings its schema up to date. A file it refuses is
    /// not changed.
    pub fn open(path: &Path) -> Result<Store> {
        let (conn, held) = open::existing(path)?;
        Store::from_connection(conn, held, path)
    }

    /// Makes a new store database at `path` (which must not exist yet) from `setup`.
    pub fn create(path: &Path, setup: &StoreSetup) -> Result<Store> {
        let (mut conn, held) = open::new_file(path)?;
        if let Err(e) = setup::write(&mut conn, setup) {
            drop(conn);
            open::remove_database_files(path);
            return Err(e);
        }
        Store::from_connection(conn, held, path)
    }

    fn from_connection(conn: Connection, held: open::Held, path: &Path) -> Result<Store> {
        let reference_seen = catalog::reference_changes(&conn)?;
        let info = catalog::store_info(&conn)?.ok_or_else(|| StoreError::NotAStore { path: path.to_path_buf() })?;
        let rotation = catalog::rotation(&conn)?;
        let for_sale = catalog::categories_to_sell(&conn)?;
        Ok(Store {
            conn,
            _held: held,
            path: path.to_path_buf(),
            info,
            rotation,
            for_sale,
            reference_seen,
            boot_clock: boot_clock(),
        })
    }

    /// Another connection to the same file (for a thread of its own).
    pub fn reopen(&self) -> Result<Store> {
        let mut store = Store::open(&self.path)?;
        store.boot_clock = self.boot_clock.clone();
        Ok(store)
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

    /// The connection, for point queries and tests. Anything that reads more than one query
    /// and must add up (a report) goes through [`Store::read`].
    pub fn reader(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` inside one read transaction: every query sees the same moment, even while
    /// another process commits sales.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Deferred)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Runs `f` inside one write transaction, begun IMMEDIATE so the write lock is taken (or
    /// waited for) up front: a concurrent writer makes us wait, never fail half-way.
    /// The error is the caller's own (a `SaleError`, a `TillError` …) so its refusals need no
    /// wrapping; SQLite's errors convert into it.
    fn write<T, E: From<rusqlite::Error>>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T, E>) -> Result<T, E> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }
}
