//! A store made by an older Nanum opens in this one: its schema is brought up to date and it
//! passes `check`, from every schema version released so far. Two processes opening an old file
//! at the same moment (the till and `nanum sync` at boot) migrate it once.
//!
//! The old files are built here from `migrations/` as each version left them (released files
//! are never edited): the migrations up to that version, then a store and its manager written
//! with that version's columns.

mod common;

use std::path::Path;
use std::process::Command;

use nanum::store::{LATEST_SCHEMA, Store, hash_pin};

/// A store file at schema `version`, as a Nanum of that version would have made it.
fn old_store(path: &Path, version: u32) {
    let mut conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "application_id", 0x4E41_4E55_i64).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "foreign_keys", false).unwrap();
    let mut files: Vec<_> = std::fs::read_dir("migrations")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    for file in &files[..version as usize] {
        let tx = conn.transaction().unwrap();
        tx.execute_batch(&std::fs::read_to_string(file).unwrap()).unwrap();
        tx.commit().unwrap();
    }
    conn.pragma_update(None, "user_version", version).unwrap();
    conn.execute(
        "INSERT INTO store (id, uuid, code, name, created_at) VALUES (1, '0190c7a2-0000-7000-8000-000000000001', 101,
                 '나눔가게 옛날점', '2026-01-05T09:00:00+09:00')",
        [],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO staff (uuid, name, role, pin_hash) VALUES ('0190c7a2-0000-7000-8000-000000000002', '김옛날', 'manager', ?1)",
        [hash_pin("2580").unwrap()],
    )
    .unwrap();
}

#[test]
fn a_store_from_every_earlier_schema_opens_migrated_and_checks_out() {
    assert_eq!(LATEST_SCHEMA, 12, "a new migration: this test covers the version before it as well");
    for version in 1..LATEST_SCHEMA {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.db");
        old_store(&path, version);
        let mut store = Store::open(&path).unwrap_or_else(|e| panic!("schema {version}: {e}"));
        assert_eq!(common::count(&path, "PRAGMA user_version"), i64::from(LATEST_SCHEMA), "schema {version}");
        assert_eq!(store.info().name, "나눔가게 옛날점", "schema {version}");
        assert_eq!(store.info().representative, "", "schema {version}: new columns start empty");
        let report = store.check().unwrap();
        assert!(report.is_ok(), "schema {version}: {report:?}");
        let manager = common::staff(&store, "김옛날");
        assert!(store.sign_in(manager.id, "2580", common::at(9, 0)).is_ok(), "schema {version}: the PIN still works");
        assert!(!dir.path().join("store.db.migrating").exists(), "schema {version}: the migration's lock file is gone");
    }
}

#[test]
fn two_processes_opening_an_old_file_at_once_migrate_it_once() {
    for round in 0..6 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.db");
        old_store(&path, 7);
        // Both started before either is waited for.
        let children: Vec<_> = (0..2)
            .map(|_| {
                let path = path.clone();
                let home = dir.path().to_path_buf();
                std::thread::spawn(move || {
                    Command::new(env!("CARGO_BIN_EXE_nanum"))
                        .arg("--db")
                        .arg(&path)
                        .arg("check")
                        .env("NANUM_HOME", home)
                        .output()
                        .unwrap()
                })
            })
            .collect();
        for child in children {
            let out = child.join().unwrap();
            assert!(
                out.status.success(),
                "round {round}: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert_eq!(common::count(&path, "PRAGMA user_version"), i64::from(LATEST_SCHEMA));
    }
}

#[test]
fn a_migration_that_fails_leaves_the_file_byte_for_byte_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    old_store(&path, LATEST_SCHEMA - 1);
    // Something the last migration cannot get past: a table of the name it makes.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE approvals (something TEXT)").unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();

    let Err(refused) = Store::open(&path) else { panic!("the migration should fail") };
    assert!(matches!(refused, nanum::store::StoreError::Migration(_)), "{refused:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "the store file is as it was");
    let out = Command::new(env!("CARGO_BIN_EXE_nanum"))
        .arg("--db")
        .arg(&path)
        .arg("check")
        .env("NANUM_HOME", dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(&path).unwrap(), before, "and stays so when the command line tries");
    assert_eq!(common::count(&path, "PRAGMA user_version"), i64::from(LATEST_SCHEMA - 1));
    assert!(!dir.path().join("store.db.migrating").exists());
}
