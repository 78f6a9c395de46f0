//! Backups and restores. A backup is SQLite's online backup of the store, taken while the till
//! sells. Restoring never destroys the file it replaces (it is kept beside the store as
//! `….replaced-<time>`), and replacing a file that holds records head office has not received
//! needs a manager: those records would otherwise leave this till only in the kept file.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use super::{Approval, Result, SignInError, Store, StoreError, journal, open};
use crate::domain::{Role, StaffMember};

impl Store {
    /// A copy of the store at `out`, consistent to one moment. `out` must not exist. The copy
    /// is made under a temporary name beside it and takes its name only once its pages and its
    /// journal chain check out, so a failed backup (a full stick, a pulled cable) leaves no file.
    pub fn backup(&self, out: &Path) -> Result<()> {
        if out.exists() {
            return Err(StoreError::Exists { path: out.to_path_buf() });
        }
        let mut partial = out.as_os_str().to_owned();
        partial.push(".partial");
        let partial = PathBuf::from(partial);
        open::remove_database_files(&partial);
        let made = self.copy_to(&partial, out).and_then(|()| {
            std::fs::rename(&partial, out)
                .map_err(|e| StoreError::file(format!("cannot name the backup {}", out.display()), e))
        });
        if made.is_err() {
            open::remove_database_files(&partial);
        }
        made
    }

    fn copy_to(&self, partial: &Path, out: &Path) -> Result<()> {
        let mut copy = rusqlite::Connection::open(partial)
            .map_err(|e| StoreError::Open { path: out.to_path_buf(), source: e.into() })?;
        rusqlite::backup::Backup::new(&self.conn, &mut copy)?.run_to_completion(
            256,
            std::time::Duration::from_millis(5),
            None,
        )?;
        // The copy stands alone: no WAL beside it, every page in the file.
        copy.pragma_update(None, "journal_mode", "DELETE")?;
        let integrity: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        let damaged = |what: String| StoreError::Damaged { path: out.to_path_buf(), what };
        if integrity != "ok" {
            return Err(damaged(integrity));
        }
        let (_, chain) = journal::verify(&copy)?;
        if !chain.is_empty() {
            return Err(damaged(format!("{} breaks in the journal chain", chain.len())));
        }
        drop(copy);
        std::fs::File::open(partial)
            .and_then(|f| f.sync_all())
            .map_err(|e| StoreError::file("cannot write the backup to disk", e))?;
        Ok(())
    }
}

/// The nightly backups in a folder are named by their day, `store-YYYY-MM-DD.db`.
pub fn nightly_name(day: NaiveDate) -> String {
    format!("store-{}.db", day.format("%Y-%m-%d"))
}

/// The day of a nightly backup's file name; `None` for any other file (which is never touched).
pub fn nightly_day(name: &str) -> Option<NaiveDate> {
    let day = name.strip_prefix("store-")?.strip_suffix(".db")?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok().filter(|d| nightly_name(*d) == name)
}

/// Of the nightly backups made on `days`, those to delete: every one but the newest
/// `keep_daily`, and the first of each of the newest `keep_monthly` months.
pub fn to_prune(days: &[NaiveDate], keep_daily: usize, keep_monthly: usize) -> Vec<NaiveDate> {
    let mut newest_first = days.to_vec();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    newest_first.dedup();
    let daily: Vec<NaiveDate> = newest_first.iter().take(keep_daily).copied().collect();
    let month = |d: &NaiveDate| (d.year(), d.month());
    // The first backup of each month, oldest month first.
    let mut firsts: Vec<NaiveDate> = Vec::new();
    for day in newest_first.iter().rev() {
        if !firsts.iter().any(|f| month(f) == month(day)) {
            firsts.push(*day);
        }
    }
    let monthly: Vec<NaiveDate> = firsts.into_iter().rev().take(keep_monthly).collect();
    newest_first.into_iter().filter(|d| !daily.contains(d) && !monthly.contains(d)).collect()
}

/// What restoring a backup over the store would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestorePlan {
    /// Records in the store file that head office has not acknowledged.
    pub unsynced: i64,
    /// Records in the store file that the backup lacks (they stay only in the kept file).
    pub missing_from_backup: i64,
    pub backup_records: i64,
}

impl RestorePlan {
    /// Whether a manager must agree: records not at head office would leave the till.
    pub fn needs_manager(&self) -> bool {
        self.unsynced > 0 && self.missing_from_backup > 0
    }
}

/// Where the backup is put while it is checked: beside the store, so the final move is a rename.
fn staging(store_path: &Path) -> PathBuf {
    let mut name = store_path.as_os_str().to_owned();
    name.push(".restoring");
    PathBuf::from(name)
}

/// Copies `backup` to `staged` and opens the copy (so the backup itself is never changed),
/// checked as `nanum check` checks a store: a damaged page, a broken journal chain or a sale that
/// differs from its event refuses it.
fn staged_copy(backup: &Path, staged: &Path) -> Result<Store> {
    if !backup.is_file() {
        return Err(StoreError::Missing { path: backup.to_path_buf() });
    }
    open::remove_database_files(staged);
    std::fs::copy(backup, staged).map_err(|e| StoreError::file(format!("cannot copy {}", backup.display()), e))?;
    let checked = Store::open(staged).and_then(|copy| {
        let damaged = |what: String| StoreError::Damaged { path: backup.to_path_buf(), what };
        let report = copy.check().map_err(|e| damaged(e.to_string()))?;
        if let Some(first) = report.integrity.first() {
            return Err(damaged(first.clone()));
        }
        if !report.is_ok() {
            let what = format!(
                "{} journal and {} sale problems, {} days' totals differ",
                report.chain.len(),
                report.sales.len(),
                report.day_totals.len()
            );
            return Err(damaged(what));
        }
        Ok(copy)
    });
    if checked.is_err() {
        open::remove_database_files(staged);
    }
    checked
}

/// Checks `backup` and works out what restoring it over `store` would lose.
pub fn plan(store: &Store, backup: &Path) -> Result<RestorePlan> {
    let staged = staging(store.path());
    let checked = staged_copy(backup, &staged).and_then(|copy| {
        let (backup_records, backup_hash) = journal::last(copy.reader())?;
        let status = store.sync_status()?;
        let (ours, _) = journal::last(store.reader())?;
        // The backup is an earlier state of this file when its last record is ours too.
        let same_file =
            backup_records == 0 || journal::hash_of(store.reader(), backup_records)?.as_deref() == Some(&backup_hash);
        let missing_from_backup = if same_file { (ours - backup_records).max(0) } else { ours };
        Ok(RestorePlan { unsynced: status.unsynced, missing_from_backup, backup_records })
    });
    if checked.is_err() {
        open::remove_database_files(&staged);
    }
    checked
}

/// Puts a checked copy of `backup` at `path`, where no store is any more (a disk that died, a
/// file deleted): nothing is replaced, so nobody need agree. The restored store journals it.
pub fn restore_missing(path: &Path, backup: &Path, now: DateTime<FixedOffset>) -> Result<()> {
    let staged = staging(path);
    let copy = staged_copy(backup, &staged)?;
    copy.reader().query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    drop(copy);
    let io = |e: std::io::Error| StoreError::file("cannot put the backup in place", e);
    std::fs::rename(&staged, path).map_err(io)?;
    open::remove_database_files(&staged);
    let mut restored = Store::open(path)?;
    restored.write(|tx| {
        let payload = serde_json::json!({ "from": backup.display().to_string(), "replaced_file": null });
        journal::append(tx, "store.restored", &payload, None, now)?;
        Ok(())
    })
}

/// Throws away the copy [`plan`] checked, when the restore does not go ahead.
pub fn abandon(store_path: &Path) {
    open::remove_database_files(&staging(store_path));
}

/// Who agreed to a restore that loses unsynced records from the till.
pub fn approve(
    store: &mut Store,
    plan: &RestorePlan,
    backup: &Path,
    manager: &str,
    pin: &str,
    now: DateTime<FixedOffset>,
) -> std::result::Result<StaffMember, SignInError> {
    let member = store
        .staff()?
        .into_iter()
        .find(|s| s.name == manager.trim() && s.role == Role::Manager)
        .ok_or(SignInError::NotAManager)?;
    let action = Approval::Restore { file: backup.display().to_string(), unsynced: plan.unsynced };
    // The restore is the action itself: nothing else to use the approval up.
    Ok(store.approve(&action, &member, member.id, pin, now)?.manager().clone())
}

/// Puts the checked backup (see [`plan`]) in the store's place. The replaced file is kept and
/// its path returned; the restored store journals where it came from.
pub fn restore(
    store: Store,
    backup: &Path,
    plan: &RestorePlan,
    approved_by: Option<&StaffMember>,
    now: DateTime<FixedOffset>,
) -> Result<PathBuf> {
    let path = store.path().to_path_buf();
    // Everything into the main file, so the file kept is whole on its own.
    store.reader().query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    drop(store);
    let mut kept = path.as_os_str().to_owned();
    kept.push(format!(".replaced-{}", now.format("%Y%m%d-%H%M%S")));
    let kept = PathBuf::from(kept);
    let io = |e: std::io::Error| StoreError::file("cannot put the backup in place", e);
    std::fs::rename(&path, &kept).map_err(io)?;
    // The main file has moved: what is left under its name is the empty -wal and -shm.
    open::remove_database_files(&path);
    let staged = staging(&path);
    std::fs::rename(&staged, &path).map_err(io)?;
    open::remove_database_files(&staged);
    let mut restored = Store::open(&path)?;
    restored.write::<_, StoreError>(|tx| {
        let payload = serde_json::json!({
            "from": backup.display().to_string(),
            "replaced_file": kept.display().to_string(),
            "unsynced": plan.unsynced,
            "missing_from_backup": plan.missing_from_backup,
            "approved_by": approved_by.map(|m| m.uuid.clone()),
        });
        journal::append(tx, "store.restored", &payload, approved_by.map(|m| m.id), now)?;
        Ok(())
    })?;
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_year_and_a_half_of_nightly_backups_keeps_thirty_days_and_twelve_months() {
        let first = day("2025-06-01");
        let days: Vec<NaiveDate> = (0..550).map(|i| first + chrono::Days::new(i)).collect();
        let pruned = to_prune(&days, 30, 12);
        let kept: Vec<NaiveDate> = days.iter().copied().filter(|d| !pruned.contains(d)).collect();
        let last = *days.last().unwrap();
        let recent = kept.iter().filter(|d| (last - **d).num_days() < 30).count();
        assert_eq!(recent, 30, "the last 30 days");
        let monthly: Vec<&NaiveDate> = kept.iter().filter(|d| (last - **d).num_days() >= 30).collect();
        assert!(monthly.iter().all(|d| d.day() == 1), "older ones are the first of their month: {monthly:?}");
        assert_eq!(kept.len(), 30 + 11, "12 months' firsts, the newest of which is within the 30 days");
        assert!(!kept.contains(&day("2025-06-01")), "months older than twelve go");
    }

    #[test]
    fn only_nightly_names_are_read_as_backups() {
        assert_eq!(nightly_day("store-2026-12-05.db"), Some(day("2026-12-05")));
        for other in
            ["store-2026-12-5.db", "store.db", "notes.txt", "store-2026-13-01.db", "store-2026-12-05.db.partial"]
        {
            assert_eq!(nightly_day(other), None, "{other}");
        }
    }
}
