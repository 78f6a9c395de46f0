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

use nanum::store::journal::{self, ChainError, JournalEvent, chain_hash};
use nanum::store::{LATEST_SCHEMA, Store, hash_pin};

/// A store file at schema `version`, as a Nanum of that version would have made it.
fn old_store(path: &Path, version: u32) {
    let mut conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "application_id", 0x4E41_4E55_i64).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "foreign_keys", false).unwrap();
    journal::packing::add_sql_functions(&conn).unwrap();
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
    assert_eq!(LATEST_SCHEMA, 15, "a new migration: this test covers the version before it as well");
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
    // Something the last migration cannot get past: a trigger it drops is gone already.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("DROP TRIGGER sales_by_day_vat").unwrap();
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

/// Writes `payloads` as journal events the way schema 12 kept them (text uuid, JSON text, hex
/// hashes, `prev_hash` stored), chained from GENESIS; `break_at` gets a `prev_hash` that does not
/// follow (and a hash over it), as a hand-edited file would have.
fn old_journal(path: &Path, payloads: &[String], break_at: Option<i64>) -> Vec<JournalEvent> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut prev = journal::GENESIS.to_string();
    let mut written = Vec::new();
    for (i, payload) in payloads.iter().enumerate() {
        let seq = i as i64 + 1;
        if Some(seq) == break_at {
            prev = "ab".repeat(32);
        }
        let uuid = format!("0190c7a2-0000-7000-8000-{seq:012}");
        let at = format!("2026-03-0{}T10:{:02}:00+09:00", 1 + seq % 9, seq % 60);
        let staff_id = (seq % 2 == 0).then_some(1);
        let hash = chain_hash(&prev, seq, &uuid, "settings.changed", &at, staff_id, payload);
        conn.execute(
            "INSERT INTO journal (seq, uuid, kind, payload, at, staff_id, prev_hash, hash)
             VALUES (?1, ?2, 'settings.changed', ?3, ?4, ?5, ?6, ?7)",
            rusqlite::params![seq, uuid, payload, at, staff_id, prev, hash],
        )
        .unwrap();
        written.push(JournalEvent {
            seq,
            uuid,
            kind: "settings.changed".into(),
            payload: payload.clone(),
            at,
            staff_id,
            prev_hash: prev.clone(),
            hash: hash.clone(),
        });
        prev = hash;
    }
    written
}

/// Payloads as a till writes them, Korean words and all, and one too short to pack.
fn payloads(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| match i {
            0 => "{}".to_string(),
            _ => serde_json::json!({
                "uuid": format!("0190c7a2-1111-7000-8000-{i:012}"),
                "sale_no": i,
                "lines": [{"description": format!("울 코트 {i}번"), "price": 3500 + i * 100, "quantity": 1}],
                "total": 3500 + i * 100,
                "memo": "기증해 주셔서 고마워요",
            })
            .to_string(),
        })
        .collect()
}

#[test]
fn an_old_journal_is_packed_and_reads_back_as_every_event_was_hashed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    old_store(&path, 12);
    let written = old_journal(&path, &payloads(300), None);
    let text_bytes = common::count(
        &path,
        "SELECT sum(length(payload) + length(uuid) + length(prev_hash) + length(hash)) FROM journal",
    );

    let store = Store::open(&path).unwrap();
    // Sync sends, and head office re-hashes, exactly what the old file held.
    assert_eq!(journal::events_after(store.reader(), 0, 1000).unwrap(), written);
    assert_eq!(journal::events_after(store.reader(), 150, 10).unwrap(), written[150..160]);
    assert_eq!(journal::last(store.reader()).unwrap(), (300, written[299].hash.clone()));
    assert_eq!(journal::hash_of(store.reader(), 7).unwrap(), Some(written[6].hash.clone()));
    let report = store.check().unwrap();
    assert!(report.is_ok() && report.events == 300, "{report:?}");
    // Kept smaller (these short made-up payloads pack less than a real sale's), nothing twice.
    let packed = common::count(&path, "SELECT sum(length(payload) + length(uuid) + length(hash)) FROM journal");
    assert!(packed * 5 < text_bytes * 3, "{packed} bytes packed against {text_bytes} as text");
    assert_eq!(common::count(&path, "SELECT count(*) FROM journal WHERE prev_hash IS NOT NULL"), 0);
    assert_eq!(common::count(&path, "PRAGMA freelist_count"), 0, "the text's old pages are given back");
    let kept: Vec<u8> =
        store.reader().query_row("SELECT zstd FROM journal_dictionaries WHERE id = 1", [], |r| r.get(0)).unwrap();
    assert_eq!(kept, journal::packing::DICTIONARIES[0], "the file keeps the dictionary it was packed with");
    drop(store);

    // The next event chains from the last old one, and the whole chain still checks out.
    let mut store = Store::open(&path).unwrap();
    let manager = common::staff(&store, "김옛날");
    store.sign_in(manager.id, "2580", common::at(9, 0)).unwrap();
    let next = journal::events_after(store.reader(), 300, 10).unwrap();
    assert_eq!(next.len(), 1);
    assert_eq!(next[0].prev_hash, written[299].hash);
    assert!(next[0].is_intact());
    assert!(store.check().unwrap().is_ok());
}

#[test]
fn a_break_in_an_old_journal_still_shows_after_packing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    old_store(&path, 12);
    let written = old_journal(&path, &payloads(20), Some(12));

    let store = Store::open(&path).unwrap();
    assert_eq!(journal::events_after(store.reader(), 0, 100).unwrap(), written, "the odd prev_hash is kept");
    assert_eq!(common::count(&path, "SELECT count(*) FROM journal WHERE prev_hash IS NOT NULL"), 1);
    assert_eq!(store.check().unwrap().chain, [ChainError::Broken { seq: 12 }]);
}

#[test]
fn carts_left_on_an_old_till_are_still_there_after_migrating() {
    // Real cart lines, as this version writes them, in the old file's shape.
    let lines: Vec<String> = {
        let scratch = common::minimal();
        [(1, 3500), (7, 2000), (1, 1500)]
            .into_iter()
            .map(|(category, price)| {
                let line = scratch.store.price_scan(&common::tag(category, price, 0), common::today()).unwrap().line;
                serde_json::to_string(&line).unwrap()
            })
            .collect()
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    old_store(&path, 13);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let open = "0190c7a2-0000-7000-8000-0000000000c1";
    let parked = ["0190c7a2-0000-7000-8000-0000000000c2", "0190c7a2-0000-7000-8000-0000000000c3"];
    conn.execute_batch(&format!(
        "INSERT INTO carts (id, uuid, till, staff_id, state, started_at, updated_at, note) VALUES
             (5, '{open}', '1', 1, 'open', '2026-01-05T10:00:00+09:00', '2026-01-05T10:05:00+09:00', ''),
             (3, '{}', '2', 1, 'parked', '2026-01-05T09:10:00+09:00', '2026-01-05T09:20:00+09:00', '지갑 가지러 가심'),
             (9, '{}', '1', 1, 'parked', '2026-01-05T09:30:00+09:00', '2026-01-05T09:40:00+09:00', '빨간 코트 손님');",
        parked[0], parked[1]
    ))
    .unwrap();
    let mut add = conn.prepare("INSERT INTO cart_lines (cart_id, line_no, line) VALUES (?1, ?2, ?3)").unwrap();
    for (cart, of) in [(5, &lines[..]), (3, &lines[..1]), (9, &lines[1..])] {
        for (i, line) in of.iter().enumerate() {
            add.execute(rusqlite::params![cart, i as i64 + 1, line]).unwrap();
        }
    }
    drop(add);
    drop(conn);

    let mut store = Store::open(&path).unwrap();
    let line = |json: &String| serde_json::from_str::<nanum::domain::Line>(json).unwrap();
    let left = store.open_cart(&nanum::store::TillId("1".into())).unwrap().expect("the open cart is kept");
    assert_eq!(left.uuid, open);
    assert_eq!(left.staff_name, "김옛날");
    assert_eq!(left.cart.lines(), lines.iter().map(line).collect::<Vec<_>>());
    let set_aside = store.parked_carts().unwrap();
    assert_eq!(set_aside.iter().map(|c| c.uuid.as_str()).collect::<Vec<_>>(), parked, "oldest first, as before");
    assert_eq!(set_aside[0].note, "지갑 가지러 가심");
    assert_eq!(set_aside[0].cart.lines(), [line(&lines[0])]);
    assert_eq!(set_aside[1].cart.lines(), lines[1..].iter().map(line).collect::<Vec<_>>());
    assert!(store.check().unwrap().is_ok());

    // The lines still go with their cart, and one till still has one open cart.
    let references: String = store
        .reader()
        .query_row("SELECT \"table\" FROM pragma_foreign_key_list('cart_lines')", [], |r| r.get(0))
        .unwrap();
    assert_eq!(references, "carts");
    let manager = common::staff(&store, "김옛날");
    let till2 = nanum::store::TillId("2".into());
    assert_eq!(
        store.take_parked(parked[0], &till2, &manager, common::at(11, 0)).unwrap().unwrap().lines(),
        [line(&lines[0])]
    );
    assert!(store.take_parked(parked[1], &till2, &manager, common::at(11, 1)).unwrap().is_some());
    assert_eq!(store.open_cart(&till2).unwrap().unwrap().uuid, parked[1], "till 2 now has the second one open");
    assert_eq!(common::count(&path, "SELECT count(*) FROM carts WHERE till = '2' AND state = 'open'"), 1);
    assert_eq!(common::count(&path, "SELECT count(*) FROM cart_lines"), 5, "the cart it replaced went with its line");
}
