//! Opening a store file. A file is looked at before anything is written to it: its header, then
//! (read-only) its schema version, application id and tables. Only a store this version can use
//! is then opened for writing, switched to WAL and migrated. So a refused file — made by a newer
//! Nanum, someone else's SQLite file, an empty or a text file — keeps every byte.
//!
//! Looking is only safe while this process has no connection to the file: POSIX record locks
//! belong to the process, so closing *any* handle on the file (the header read, a lock-free
//! `immutable` connection) drops every lock our connections hold, and another process may then
//! checkpoint and delete the WAL under them (SQLite's "how to corrupt a database", §2.2). So
//! each open connection is counted here, and a file this process already has open is not looked
//! at again: it was accepted when first opened.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use super::{Result, StoreError, schema};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// How long a write waits for another process's write to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A file this process has connections to, by device and inode.
type FileKey = (u64, u64);

static OPEN_HERE: Mutex<Vec<FileKey>> = Mutex::new(Vec::new());

fn file_key(path: &Path) -> Option<FileKey> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// A connection's place in the count of this process's connections to its file.
#[derive(Debug)]
pub(super) struct Held(Option<FileKey>);

impl Held {
    pub(super) fn new(path: &Path) -> Held {
        let key = file_key(path);
        if let Some(key) = key {
            OPEN_HERE.lock().unwrap_or_else(|p| p.into_inner()).push(key);
        }
        Held(key)
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let Some(key) = self.0 else { return };
        let mut open = OPEN_HERE.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(i) = open.iter().position(|k| *k == key) {
            open.swap_remove(i);
        }
    }
}

fn open_here(path: &Path) -> bool {
    file_key(path).is_some_and(|key| OPEN_HERE.lock().unwrap_or_else(|p| p.into_inner()).contains(&key))
}

/// Opening is one at a time in the process, so no thread looks at a file while another has
/// just connected to it.
static OPENING: Mutex<()> = Mutex::new(());

/// An existing store, checked first (unless this process has it open already) and then opened
/// for writing; counted among the process's connections before any other thread may look.
pub(super) fn existing(path: &Path) -> Result<(Connection, Held)> {
    let _one_at_a_time = OPENING.lock().unwrap_or_else(|p| p.into_inner());
    if !open_here(path) {
        inspect(path)?;
    }
    let held = Held::new(path);
    let conn = connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Err(StoreError::ReadOnly { path: path.to_path_buf() });
    }
    Ok((set_up(conn, path)?, held))
}

/// A new, empty store file at `path`, which must not exist.
pub(super) fn new_file(path: &Path) -> Result<(Connection, Held)> {
    let _one_at_a_time = OPENING.lock().unwrap_or_else(|p| p.into_inner());
    if path.exists() {
        return Err(StoreError::Exists { path: path.to_path_buf() });
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| open_error(path, rusqlite::Error::InvalidPath(dir.join(e.to_string()))))?;
    }
    let conn = connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE)?;
    let held = Held::new(path);
    let conn = set_up(conn, path).inspect_err(|_| remove_database_files(path))?;
    Ok((conn, held))
}

fn open_error(path: &Path, e: rusqlite::Error) -> StoreError {
    if super::is_disk_full(&e) {
        return StoreError::DiskFull;
    }
    match e.sqlite_error_code() {
        Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => StoreError::ReadOnly { path: path.to_path_buf() },
        Some(ErrorCode::NotADatabase) => StoreError::NotAStore { path: path.to_path_buf() },
        _ => StoreError::Open { path: path.to_path_buf(), source: Arc::new(e) },
    }
}

/// Refuses, without writing, any file that is not a store this version can open.
fn inspect(path: &Path) -> Result<()> {
    let not_a_store = || StoreError::NotAStore { path: path.to_path_buf() };
    let mut header = [0u8; 16];
    match std::fs::File::open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(StoreError::Missing { path: path.to_path_buf() });
        }
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            return Err(StoreError::ReadOnly { path: path.to_path_buf() });
        }
        Err(_) => return Err(not_a_store()),
        Ok(mut file) => {
            if file.metadata().map(|m| m.is_dir()).unwrap_or(true)
                || file.read_exact(&mut header).is_err()
                || &header != SQLITE_MAGIC
            {
                return Err(not_a_store());
            }
        }
    }
    let conn = look_at(path).map_err(|e| open_error(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let read = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map_err(|e| open_error(path, e));
    let version = read("PRAGMA user_version")?;
    let application = read("PRAGMA application_id")?;
    let has_store = read("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'store'")? == 1;
    // Stores made before the application id existed have 0 there.
    if (application != 0 && application != schema::APPLICATION_ID) || version == 0 || !has_store {
        return Err(not_a_store());
    }
    if version > i64::from(schema::LATEST) {
        return Err(StoreError::TooNew { path: path.to_path_buf(), found: version as u32, supported: schema::LATEST });
    }
    Ok(())
}

/// A read-only connection that leaves no trace. A WAL file reader normally creates `-wal` and
/// `-shm` files beside it; when there is no `-wal` file, nobody has the file open for writing and
/// everything is in the main file, so it is opened `immutable` (no side files, no locks).
fn look_at(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    if Path::new(&wal).exists() {
        return Connection::open_with_flags(path, flags);
    }
    let text = path.to_string_lossy();
    let uri = format!("file:{}?immutable=1", text.replace('%', "%25").replace('?', "%3f").replace('#', "%23"));
    Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
}

fn connect(path: &Path, flags: OpenFlags) -> Result<Connection> {
    Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(|e| open_error(path, e))
}

fn set_up(mut conn: Connection, path: &Path) -> Result<Connection> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0)).map_err(|e| open_error(path, e))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::NoWal { path: path.to_path_buf(), mode });
    }
    // FULL: a sale the cashier saw committed survives a power cut.
    conn.pragma_update(None, "synchronous", "FULL")?;
    super::journal::packing::add_sql_functions(&conn)?;
    schema::migrate(&mut conn, path)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(conn)
}

pub(super) fn remove_database_files(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}
