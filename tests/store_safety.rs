//! What keeps the store's file trustworthy: writers in other processes, files it must refuse
//! untouched, values it does not know, someone editing the file with sqlite3, and PIN guessing.

mod common;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::Duration;
use common::*;
use nanum::domain::{Cart, Payment, Won};
use nanum::store::{NewSale, SalePart, SaleProblem, SignInError, Store, StoreError, StoreSetup};
use sha2::{Digest, Sha256};

/// Every file in `dir` with a hash of its bytes.
fn fingerprint(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let hash =
                if p.is_dir() { "a folder".into() } else { hex::encode(Sha256::digest(std::fs::read(&p).unwrap())) };
            (p.file_name().unwrap().to_string_lossy().to_string(), hash)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn two_writers_at_once_lose_nothing_and_a_report_meanwhile_adds_up() {
    let mut t = minimal();
    let path = t.path();
    let cashier = staff(&t.store, "계산원");
    let session = open_till(&mut t.store, &cashier, at(9, 0));
    let done = Arc::new(AtomicBool::new(false));
    let writer = |n: usize, card: bool| {
        let (path, cashier, session) = (path.clone(), cashier.clone(), session.clone());
        std::thread::spawn(move || {
            let mut store = Store::open(&path).unwrap();
            for i in 0..n {
                let mut cart = Cart::new();
                for _ in 0..=(i % 3) {
                    cart.add(store.price_scan(&tag(1, 1000 + (i as i64 % 7) * 100, 0), today()).unwrap().line).unwrap();
                }
                let payment =
                    if card { Payment::card(cart.total()) } else { Payment::cash(cart.total(), Won::new(50_000)) }
                        .unwrap();
                let sale = NewSale::new(&cart, &payment, &cashier, &session, at(12, 0));
                store.commit_sale(sale).expect("no sale fails because of the other writer");
            }
        })
    };
    let reader = {
        let (path, done) = (path.clone(), done.clone());
        std::thread::spawn(move || {
            let store = Store::open(&path).unwrap();
            let mut reports = 0;
            while !done.load(Ordering::Relaxed) {
                let r = nanum::reports::daily::daily(&store, today()).unwrap();
                assert_eq!(r.cash + r.card, r.gross, "a report never sees half a sale");
                reports += 1;
            }
            reports
        })
    };
    let (a, b) = (writer(500, false), writer(500, true));
    a.join().unwrap();
    b.join().unwrap();
    done.store(true, Ordering::Relaxed);
    assert!(reader.join().unwrap() > 0);

    assert_eq!(count(&path, "SELECT count(*) FROM sales"), 1000);
    assert_eq!(count(&path, "SELECT count(DISTINCT sale_no) FROM sales"), 1000, "numbers are never taken twice");
    let report = t.store.check().unwrap();
    assert!(report.is_ok(), "{:?}", (report.chain, report.sales));
    assert_eq!(report.sales_checked, 1000);
}

#[test]
fn files_it_refuses_are_left_byte_for_byte_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let check = |name: &str, make: &dyn Fn(&Path), refused: &dyn Fn(&StoreError) -> bool| {
        let path = dir.path().join(name);
        make(&path);
        let before = fingerprint(dir.path());
        let err = Store::open(&path).expect_err(name);
        assert!(refused(&err), "{name}: {err:?}");
        assert_eq!(fingerprint(dir.path()), before, "{name} was changed");
    };
    check("empty.db", &|p| std::fs::write(p, b"").unwrap(), &|e| matches!(e, StoreError::NotAStore { .. }));
    check(
        "notes.db",
        &|p| std::fs::write(p, "이건 데이터베이스가 아니에요 — just text, long enough to look like a header").unwrap(),
        &|e| matches!(e, StoreError::NotAStore { .. }),
    );
    check(
        "someone-elses.db",
        &|p| {
            let c = rusqlite::Connection::open(p).unwrap();
            c.execute_batch(
                "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('김치'); PRAGMA user_version = 3;",
            )
            .unwrap();
        },
        &|e| matches!(e, StoreError::NotAStore { .. }),
    );
    check(
        "empty-sqlite.db",
        &|p| rusqlite::Connection::open(p).unwrap().execute_batch("CREATE TABLE t (x); DROP TABLE t;").unwrap(),
        &|e| matches!(e, StoreError::NotAStore { .. }),
    );
    check(
        "other-app.db",
        &|p| {
            let c = rusqlite::Connection::open(p).unwrap();
            c.execute_batch("CREATE TABLE store (id INTEGER); PRAGMA user_version = 1; PRAGMA application_id = 42;")
                .unwrap();
        },
        &|e| matches!(e, StoreError::NotAStore { .. }),
    );
    check(
        "newer.db",
        &|p| {
            drop(Store::create(p, &StoreSetup::minimal("새 버전")).unwrap());
            rusqlite::Connection::open(p).unwrap().pragma_update(None, "user_version", 99).unwrap();
        },
        &|e| matches!(e, StoreError::TooNew { found: 99, .. }),
    );
    check("folder.db", &|p| std::fs::create_dir(p).unwrap(), &|e| matches!(e, StoreError::NotAStore { .. }));
}

#[test]
fn a_read_only_store_file_is_refused_at_open_with_a_clear_message() {
    let t = minimal();
    let path = t.path();
    drop(t.store);
    // Root may write any file, so the check runs the real binary as an ordinary user then.
    let root = std::process::Command::new("id").arg("-u").output().unwrap().stdout == b"0\n";
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(t.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = fingerprint(t.dir.path());
    let nanum = env!("CARGO_BIN_EXE_nanum");
    let mut command = if root {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", nanum]);
        c
    } else {
        std::process::Command::new(nanum)
    };
    let out = command.arg("--db").arg(&path).arg("check").env("NANUM_HOME", t.dir.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("쓸 수 없어요. 파일이나 폴더의 권한을 확인해 주세요."), "{stderr}");
    assert_eq!(fingerprint(t.dir.path()), before);
}

#[test]
fn values_the_code_does_not_know_are_errors_not_defaults() {
    let mut t = minimal();
    let cashier = staff(&t.store, "계산원");
    cash_sale(&mut t.store, &[&tag(1, 3500, 0)], 5000, &cashier, at(10, 0));
    let path = t.path();
    drop(t.store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "PRAGMA ignore_check_constraints = ON;
         DROP TRIGGER tenders_are_kept_update;
         UPDATE tenders SET kind = 'cheque';",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let err = store.sale(today(), 1).unwrap_err();
    assert!(err.to_string().contains("unknown tender kind 'cheque'"), "{err}");
    assert_eq!(
        nanum::explain::store_error(&err),
        "저장하지 못했어요. 저장된 결제 수단 값 \"cheque\"를 이 버전은 알지 못해요. 본부에 알려 주세요."
    );

    // A role, a lock time, a tax rate.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA ignore_check_constraints = ON; UPDATE staff SET role = 'owner' WHERE name = '관리자';")
        .unwrap();
    assert!(Store::open(&path).unwrap().staff().unwrap_err().to_string().contains("unknown staff role 'owner'"));
    conn.execute_batch("UPDATE staff SET role = 'manager' WHERE name = '관리자';").unwrap();
    conn.execute("UPDATE staff SET locked_since = 'soon', lock_seconds = 60 WHERE id = ?1", [cashier.id]).unwrap();
    let store = Store::open(&path).unwrap();
    assert!(store.locked_until(cashier.id, at(11, 0)).unwrap_err().to_string().contains("unknown time 'soon'"));
    conn.execute_batch("UPDATE tax_classes SET rate_percent = '150' WHERE code = 'standard';").unwrap();
    let store = Store::open(&path).unwrap();
    let err = store.price_scan(&tag(1, 3500, 0), today()).unwrap_err();
    assert!(err.to_string().contains("unknown percentage '150'"), "{err}");
    // Only the categories of that tax class: books (exempt) still sell.
    assert_eq!(store.price_scan(&tag(7, 2000, 0), today()).unwrap().line.unit_price, Won::new(2000));
}

#[test]
fn tax_rates_outside_0_to_100_are_refused_by_the_schema() {
    let t = minimal();
    let db = t.store.reader();
    for rate in ["150", "-5", "ten", "10%", ""] {
        let err = db
            .execute(
                "INSERT INTO tax_classes (code, name_ko, name_en, rate_percent) VALUES ('x', 'x', 'x', ?1)",
                [rate],
            )
            .unwrap_err();
        assert!(err.to_string().contains("CHECK"), "{rate}: {err}");
    }
    db.execute(
        "INSERT INTO tax_classes (code, name_ko, name_en, rate_percent) VALUES ('reduced', '경감', 'Reduced', '5.5')",
        [],
    )
    .unwrap();
}

#[test]
fn check_finds_a_sale_line_edited_after_the_triggers_were_dropped() {
    let mut t = minimal();
    let cashier = staff(&t.store, "계산원");
    cash_sale(&mut t.store, &[&tag(1, 3500, 0)], 5000, &cashier, at(10, 0));
    cash_sale(&mut t.store, &[&tag(1, 4500, 0), &tag(7, 2000, 0)], 10_000, &cashier, at(10, 5));
    let path = t.path();
    drop(t.store);

    let conn = rusqlite::Connection::open(&path).unwrap();
    // The VAT split is as protected as the lines.
    let err = conn.execute("UPDATE sale_vat SET vat = 0", []).unwrap_err();
    assert!(err.to_string().contains("committed sales cannot be changed"), "{err}");
    conn.execute_batch(
        "DROP TRIGGER sale_lines_are_kept_update; DROP TRIGGER sale_vat_is_kept_update;
         UPDATE sale_lines SET unit_price = 500, amount = 500
          WHERE sale_id = (SELECT id FROM sales WHERE sale_no = 2) AND line_no = 1;",
    )
    .unwrap();
    drop(conn);
    let report = Store::open(&path).unwrap().check().unwrap();
    assert!(!report.is_ok());
    assert!(report.chain.is_empty(), "the journal itself was not touched");
    let seq = count(&path, "SELECT max(seq) FROM journal WHERE kind = 'sale.committed'");
    assert_eq!(report.sales, [SaleProblem::Differs { seq, date: today(), sale_no: 2, what: SalePart::Lines }]);

    // And on the command line: the sale and the event are named, and it exits 1.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nanum"))
        .args(["--db", path.to_str().unwrap(), "check"])
        .env("NANUM_HOME", path.parent().unwrap())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout.contains(&format!("판매 {} #0002의 상품 줄이 기록(저널 {seq}번)과 달라요.", today())), "{stdout}");
}

#[test]
fn check_names_a_missing_journal_event_and_a_sale_without_one() {
    let mut t = minimal();
    let cashier = staff(&t.store, "계산원");
    cash_sale(&mut t.store, &[&tag(1, 3500, 0)], 5000, &cashier, at(10, 0));
    cash_sale(&mut t.store, &[&tag(1, 4500, 0)], 5000, &cashier, at(10, 5));
    let path = t.path();
    drop(t.store);
    let seq = count(&path, "SELECT min(seq) FROM journal WHERE kind = 'sale.committed'");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("DROP TRIGGER journal_is_append_only_delete").unwrap();
    conn.execute("DELETE FROM journal WHERE seq = ?1", [seq]).unwrap();
    drop(conn);
    let report = Store::open(&path).unwrap().check().unwrap();
    assert_eq!(report.chain, [nanum::store::ChainError::Gap { seq }]);
    assert_eq!(report.sales, [SaleProblem::NotJournaled { date: today(), sale_no: 1 }]);

    // The same sale with a date that is not a date: said as stored, never taken as 1970-01-01.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TRIGGER sales_are_kept_update; UPDATE sales SET business_date = '2026-13-45' WHERE sale_no = 1",
    )
    .unwrap();
    drop(conn);
    let report = Store::open(&path).unwrap().check().unwrap();
    let bad = SaleProblem::BadDate { sale_no: 1, stored: "2026-13-45".into() };
    assert_eq!(report.sales, std::slice::from_ref(&bad));
    nanum::i18n::set_language(nanum::i18n::Lang::Ko);
    assert_eq!(
        nanum::explain::sale_problem(&bad),
        "판매 #0001에 해당하는 기록이 없고, 저장된 날짜 '2026-13-45'도 읽을 수 없어요."
    );
}

#[test]
fn a_store_made_by_the_first_release_is_brought_up_to_date_with_everything_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    // The first release's schema, by hand, with a sale's worth of reference data.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(include_str!("../migrations/0001_initial.sql")).unwrap();
    conn.execute_batch(
        "PRAGMA user_version = 1;
         INSERT INTO store (id, uuid, code, name, created_at) VALUES (1, 'u', 1, '옛 가게', '2026-01-01T09:00:00+09:00');
         INSERT INTO tax_classes VALUES ('standard', '과세', 'Taxable', '10'), ('exempt', '면세', 'Exempt', '0');
         INSERT INTO categories (code, name_ko, name_en, tax_class, key_position) VALUES ('001', '의류', 'Clothing', 'standard', 0);
         INSERT INTO price_guide VALUES ('001', 'good', 5000);
         INSERT INTO markdown_steps VALUES (4, '50', 0);
         INSERT INTO staff (uuid, name, role, pin_hash, locked_until) VALUES ('s', '계산원', 'cashier', 'x', '2026-01-01T09:00:00+09:00');",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    assert_eq!(count(&path, "PRAGMA user_version"), nanum::store::LATEST_SCHEMA as i64);
    assert_eq!(count(&path, "PRAGMA application_id"), 0x4E41_4E55);
    assert_eq!(store.category("001").unwrap().unwrap().tax_rate_percent, rust_decimal::Decimal::TEN);
    assert_eq!(store.rotation().steps.len(), 1);
    assert_eq!(store.staff().unwrap()[0].name, "계산원");
    assert!(store.check().unwrap().is_ok());
}

#[test]
fn each_lockout_in_a_row_lasts_twice_as_long_and_a_right_pin_starts_over() {
    let mut t = minimal();
    let uptime = boot_clock(&mut t.store);
    let cashier = staff(&t.store, "계산원");
    let mut now = at(9, 0);
    let lock_out = |store: &mut Store, now: chrono::DateTime<chrono::FixedOffset>| {
        for _ in 0..4 {
            assert!(matches!(store.sign_in(cashier.id, "0000", now), Err(SignInError::WrongPin { .. })));
        }
        match store.sign_in(cashier.id, "0000", now) {
            Err(SignInError::LockedOut { until }) => (until - now).num_minutes(),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(lock_out(&mut t.store, now), 1);
    uptime.advance(61);
    now += Duration::seconds(61);
    assert_eq!(lock_out(&mut t.store, now), 2);
    uptime.advance(121);
    now += Duration::seconds(121);
    assert_eq!(lock_out(&mut t.store, now), 4);
    uptime.advance(241);
    now += Duration::seconds(241);
    assert!(t.store.sign_in(cashier.id, "2222", now).is_ok());
    assert_eq!(lock_out(&mut t.store, now), 1, "a right PIN starts the doubling over");
    let minutes: Vec<i64> = t
        .store
        .reader()
        .prepare("SELECT json_extract(journal_text(payload), '$.minutes') FROM journal WHERE kind = 'staff.locked_out' ORDER BY seq")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(minutes, [1, 2, 4, 1]);
}

/// The record locks this process holds on `path` (from /proc/locks, by inode and pid).
fn locks_held_on(path: &Path) -> usize {
    use std::os::unix::fs::MetadataExt;
    let inode = std::fs::metadata(path).unwrap().ino();
    let pid = std::process::id();
    std::fs::read_to_string("/proc/locks")
        .unwrap()
        .lines()
        .filter(|l| l.contains(&format!(":{inode} ")) && l.split_whitespace().nth(4) == Some(&pid.to_string()))
        .count()
}

/// Regression (seen under Xvfb): opening the store a second time in the same process (the till
/// opens one connection for the screen, one for its writer, one for the print queue) read the
/// file's header through a handle of its own, and closing that handle dropped every lock the
/// process held on the file: POSIX record locks belong to the process. Another program that
/// then closed its connection to the file (a Python script, here) found itself alone, deleted
/// the WAL, and the till's next sale went into a deleted file.
#[test]
fn opening_the_store_again_in_the_same_process_keeps_its_locks() {
    let mut t = minimal();
    let cashier = staff(&t.store, "계산원");
    cash_sale(&mut t.store, &[&tag(1, 3500, 0)], 5000, &cashier, at(10, 0));
    let held = locks_held_on(&t.path());
    assert!(held > 0, "an open store holds a lock on its file");
    let again = Store::open(&t.path()).unwrap();
    assert_eq!(again.last_sale_no(today()).unwrap(), Some(1));
    drop(again);
    assert_eq!(locks_held_on(&t.path()), held, "opening it again dropped no lock");
    // A refused file opened meanwhile does not touch the store's locks either.
    let other = t.dir.path().join("notes.db");
    std::fs::write(&other, "not a database at all, but long enough for a header").unwrap();
    assert!(Store::open(&other).is_err());
    assert_eq!(locks_held_on(&t.path()), held);
}

/// A bug in one job on the till's writer (a panic) is told as that job's error, and the next
/// sale commits as usual. It used to kill the writer thread: every later sale failed until the
/// till was restarted.
#[test]
fn a_panic_in_one_writer_job_loses_that_job_only() {
    let t = minimal();
    let worker = nanum::store::Worker::start(t.store.reopen().unwrap()).unwrap();
    let cashier = staff(&t.store, "계산원");
    let code = tag(1, 3500, 0);
    let (who, what) = (cashier.clone(), code.clone());
    let failed = futures::executor::block_on(worker.call(move |store| -> Result<(), StoreError> {
        cash_sale(store, &[&what], 5000, &who, at(10, 0));
        panic!("a bug after the sale was saved")
    }));
    assert!(matches!(failed, Err(StoreError::JobCrashed)), "{failed:?}");
    let sold =
        futures::executor::block_on(worker.run(move |store| cash_sale(store, &[&code], 5000, &cashier, at(10, 5))));
    assert_eq!(sold.unwrap().sale_no, 2, "the writer still commits");
    assert_eq!(t.store.last_sale_no(today()).unwrap(), Some(2), "the sale before the panic is kept");
}

/// A store error says which kind of trouble it is, so code can match on it and a person is
/// told what to do: a value edited by hand is unreadable (tell head office), an amount of
/// nothing is refused (nothing saved). Both used to be one `Invalid(String)`.
#[test]
fn a_store_error_says_what_kind_of_trouble_it_is() {
    let mut t = minimal();
    let cashier = staff(&t.store, "계산원");
    let session = open_till(&mut t.store, &cashier, at(9, 0));
    let nothing =
        t.store.cash_move(&session, nanum::domain::till::MoveKind::In, Won::ZERO, "잔돈", &cashier, None, at(9, 5));
    assert!(matches!(nothing, Err(StoreError::Refused(_))), "{nothing:?}");
    assert_eq!(
        nanum::explain::store_error(&nothing.unwrap_err()),
        "그렇게는 할 수 없어요. 아무것도 저장하지 않았어요."
    );

    let db = rusqlite::Connection::open(t.path()).unwrap();
    db.execute("UPDATE settings SET value = 'lots' WHERE key = 'discount_limit_percent'", []).unwrap();
    let policy = t.store.policy();
    assert!(matches!(policy, Err(StoreError::Unreadable(ref what)) if what.contains("'lots'")), "{policy:?}");
    assert!(nanum::explain::store_error(&policy.unwrap_err()).contains("읽을 수 없는 값이 있어요"));
}
