//! `nanum restore` checks a backup as `nanum check` would before it replaces anything: a damaged
//! backup is refused and the store is left byte for byte as it was.

mod common;

use std::io::{Seek, SeekFrom, Write};
use std::path::Path;
use std::process::{Command, Output};

fn nanum(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nanum"))
        .args(args)
        .env("NANUM_HOME", home)
        .env_remove("RUST_LOG")
        .output()
        .expect("nanum runs")
}

fn made_demo(home: &Path) -> (String, String) {
    let db = home.join("store.db").display().to_string();
    let made = nanum(home, &["demo", "--db", &db, "--days", "5"]);
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let backup = home.join("backup.db").display().to_string();
    let out = nanum(home, &["--db", &db, "backup", "--out", &backup]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (db, backup)
}

/// The store file and its WAL, as they are now.
fn store_bytes(db: &str) -> (Vec<u8>, Option<Vec<u8>>) {
    (std::fs::read(db).unwrap(), std::fs::read(format!("{db}-wal")).ok())
}

#[test]
fn a_backup_with_a_damaged_page_is_refused_and_the_store_kept() {
    let home = tempfile::tempdir().unwrap();
    let (db, backup) = made_demo(home.path());
    // A page in the middle of the backup overwritten, as a failing USB stick does.
    let len = std::fs::metadata(&backup).unwrap().len();
    let mut file = std::fs::OpenOptions::new().write(true).open(&backup).unwrap();
    file.seek(SeekFrom::Start(len / 2 / 4096 * 4096)).unwrap();
    file.write_all(&[0x55; 4096]).unwrap();
    drop(file);

    let before = store_bytes(&db);
    let out = nanum(home.path(), &["--db", &db, "restore", &backup]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("손상") || said.contains("백업이 아니에요"), "{said}");
    assert!(!said.contains("복원했어요"), "{said}");
    assert_eq!(said.lines().count(), 1, "the person reads one line: {said}");
    // What exactly is damaged is for support, in the log.
    let logs = std::fs::read_dir(home.path().join("logs")).unwrap();
    let logged: String = logs.map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap()).collect();
    assert!(logged.contains("backup.db") && logged.contains("ERROR"), "{logged}");
    assert_eq!(store_bytes(&db), before, "the store is untouched");
    let check = nanum(home.path(), &["--db", &db, "check"]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
    let left: Vec<_> = std::fs::read_dir(home.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(!left.iter().any(|n| n.to_string_lossy().contains("restoring")), "no staged copy left: {left:?}");
}

#[test]
fn a_missing_backup_or_a_folder_is_named_as_such() {
    let home = tempfile::tempdir().unwrap();
    let (db, _) = made_demo(home.path());
    let before = store_bytes(&db);
    let cases = [
        (home.path().join("no-such.db"), "파일이 없어요. 백업 파일의 경로를 확인해 주세요. 아무것도 바꾸지 않았어요."),
        (home.path().to_path_buf(), "폴더예요. 그 안의 백업 파일(.db)을 골라 주세요. 아무것도 바꾸지 않았어요."),
    ];
    for (path, says) in cases {
        let out = nanum(home.path(), &["--db", &db, "restore", path.to_str().unwrap()]);
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{said}");
        assert!(said.contains(says), "{path:?}: {said}");
    }
    assert_eq!(store_bytes(&db), before);
}

#[test]
fn backup_then_the_store_lost_then_restore_gives_every_sale_back() {
    let home = tempfile::tempdir().unwrap();
    let (db, backup) = made_demo(home.path());
    let sales = common::count(Path::new(&db), "SELECT count(*) FROM sales");
    std::fs::remove_file(&db).unwrap();
    let _ = std::fs::remove_file(format!("{db}-wal"));
    let _ = std::fs::remove_file(format!("{db}-shm"));
    // The store is gone: restore puts the backup in its place.
    let out = nanum(home.path(), &["--db", &db, "restore", &backup]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let check = nanum(home.path(), &["--db", &db, "check"]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
    assert_eq!(common::count(Path::new(&db), "SELECT count(*) FROM sales"), sales);
}

#[test]
fn a_backup_stands_alone_checked_and_a_failed_one_leaves_nothing() {
    let home = tempfile::tempdir().unwrap();
    let (_, backup) = made_demo(home.path());
    let names: Vec<String> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.starts_with("backup.db") && n != "backup.db"), "no -wal or .partial: {names:?}");
    let check = nanum(home.path(), &["--db", &backup, "check"]);
    assert!(check.status.success(), "the backup passes check: {}", String::from_utf8_lossy(&check.stdout));

    let db = home.path().join("store.db").display().to_string();
    let nowhere = home.path().join("no-such-folder").join("b.db");
    let out = nanum(home.path(), &["--db", &db, "backup", "--out", nowhere.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
    assert!(!home.path().join("no-such-folder").exists());
}

#[test]
fn the_nightly_backup_goes_to_the_folder_of_the_settings_and_old_ones_are_pruned() {
    let home = tempfile::tempdir().unwrap();
    let (db, _) = made_demo(home.path());
    let folder = home.path().join("stick");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        home.path().join("config.toml"),
        format!("[backup]\nfolder = {:?}\nkeep_daily = 2\nkeep_monthly = 0\n", folder.display().to_string()),
    )
    .unwrap();
    let today = chrono::Local::now().date_naive();
    let name = |days_ago: u64| format!("store-{}.db", (today - chrono::Days::new(days_ago)).format("%Y-%m-%d"));
    for days_ago in [1, 2, 40] {
        std::fs::write(folder.join(name(days_ago)), b"an older backup").unwrap();
    }
    std::fs::write(folder.join("notes.txt"), b"not a backup").unwrap();

    let out = nanum(home.path(), &["--db", &db, "backup", "--nightly"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut left: Vec<String> =
        std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    left.sort();
    let mut expected = vec![name(0), name(1), "notes.txt".to_string()];
    expected.sort();
    assert_eq!(left, expected, "today's and yesterday's kept, older ones gone, other files untouched");
    let check = nanum(home.path(), &["--db", folder.join(name(0)).to_str().unwrap(), "check"]);
    assert!(check.status.success());

    // Run again the same night: nothing is overwritten.
    let again = nanum(home.path(), &["--db", &db, "backup", "--nightly"]);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("이미"));
}

#[test]
fn diagnostics_hold_what_support_needs_and_never_the_token() {
    let home = tempfile::tempdir().unwrap();
    let (db, _) = made_demo(home.path());
    let token = "nanum_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    std::fs::write(home.path().join("sync-token"), token).unwrap();
    let out_file = home.path().join("diag.txt");
    let out = nanum(home.path(), &["--db", &db, "diagnostics", "--out", out_file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&out_file).unwrap();
    assert!(text.contains(env!("CARGO_PKG_VERSION")));
    assert!(text.contains("001 나눔가게 신촌점 (demo)"), "{text}");
    assert!(text.contains("integrity: ok") && text.contains(", 0 problems; sales:"), "{text}");
    assert!(text.contains("nanu…cdef"), "the token masked: {text}");
    assert!(!text.contains(token), "never the token itself");
    assert!(text.contains("[log: the last"), "{text}");
}
