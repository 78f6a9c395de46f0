//! A till joining head office at its first run (`nanum init --central`), against a real
//! `nanum-central` on a throwaway PostgreSQL: the store is made as head office knows it, with its
//! reference data and staff, remembers head office for the nightly sync, and syncs.

mod common;

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::central::*;
use common::pg::Pg;
use nanum::store::Store;

/// `nanum --db DB init --central URL --token-file FILE [EXTRA…]` with `stdin`, in `home`.
fn join(home: &Path, db: &Path, central: &str, token: &str, extra: &[&str], stdin: &str) -> Output {
    let token_file = home.join("usb-token");
    std::fs::write(&token_file, format!("{token}\n")).unwrap();
    let mut child = Command::new(NANUM)
        .arg("--db")
        .arg(db)
        .args(["init", "--central", central, "--token-file"])
        .arg(&token_file)
        .args(extra)
        .env("NANUM_HOME", home)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn said(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_till_joins_head_office_with_its_reference_and_staff_and_then_syncs() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let jeonju = add_store(&db_url, 214, "나눔가게 전주점");
    let gunsan = add_store(&db_url, 215, "나눔가게 군산점");

    // Head office has nobody to manage 215 yet: a first manager must be named, else nothing is made.
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("store.db");
    let out = join(home.path(), &db, &central.url(), &gunsan, &[], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(said(&out).contains("매니저가 아직 없어요") && said(&out).contains("--manager"), "{}", said(&out));
    assert!(!db.exists());
    let out = join(home.path(), &db, &central.url(), &gunsan, &["--manager", "최영희"], "4826\n");
    assert!(out.status.success(), "{}", said(&out));
    let mut store = Store::open(&db).unwrap();
    assert_eq!((store.info().code, store.info().name.as_str()), (215, "나눔가게 군산점"));
    let manager = common::staff(&store, "최영희");
    assert!(store.sign_in(manager.id, "4826", common::at(9, 0)).is_ok());
    drop(store);

    // Head office's categories and staff, then 214 joins with them.
    let files = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = files.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    };
    let categories = write(
        "categories.csv",
        "code,name_ko,name_en,tax_class,key_position,like_new,good,fair,donation_value,counting_unit,active\n\
         001,여성 의류 (겨울),Women's winter clothing,standard,0,9000,6000,3000,2500,1,true\n",
    );
    stdout(&central_cli(&db_url, &["import", "categories", &categories]));
    // What head office registered for the store reaches its receipts; a wrong number is refused.
    let refused = central_cli(&db_url, &["store", "set", "214", "--business-no", "102-82-03479"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("business number '102-82-03479'"));
    stdout(&central_cli(
        &db_url,
        &["store", "set", "214", "--business-no", "1028203497", "--representative", "김대표", "--phone", "0632001234"],
    ));
    stdout(&central_cli(&db_url, &["store", "set", "214", "--address", "전북 전주시 완산구 팔달로 1"]));
    stdout(&central_cli(
        &db_url,
        &["import", "staff", &write("staff.csv", "store,name,role,pin\n214,최본부,manager,4321\n")],
    ));

    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("store.db");
    let out = join(home.path(), &db, &central.url(), &jeonju, &[], "");
    assert!(out.status.success(), "{}", said(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("나눔가게 전주점"));
    let mut store = Store::open(&db).unwrap();
    assert_eq!(store.info().code, 214);
    let info = store.info();
    assert_eq!(
        (info.business_no.as_str(), info.representative.as_str(), info.phone.as_str(), info.address.as_str()),
        ("102-82-03497", "김대표", "063-200-1234", "전북 전주시 완산구 팔달로 1"),
        "the store's details as head office holds them, each set kept by the next"
    );
    assert_eq!(store.category("001").unwrap().unwrap().name_ko, "여성 의류 (겨울)", "head office's categories");
    let boss = common::staff(&store, "최본부");
    assert!(store.sign_in(boss.id, "4321", common::at(9, 0)).is_ok(), "head office's PIN hash came along");
    assert_eq!(common::count(&db, "SELECT count(*) FROM sales"), 0);
    drop(store);

    // Head office is remembered: the token copied off the stick, readable by this user only.
    let kept = home.path().join("sync-token");
    assert_eq!(std::fs::read_to_string(&kept).unwrap().trim(), jeonju);
    assert_eq!(std::fs::metadata(&kept).unwrap().permissions().mode() & 0o777, 0o600);
    std::fs::remove_file(home.path().join("usb-token")).unwrap();
    let sync = Command::new(NANUM).arg("--db").arg(&db).arg("sync").env("NANUM_HOME", home.path()).output().unwrap();
    assert!(sync.status.success(), "{}", said(&sync));
    assert_eq!(local_chain(&db), central_chain(&pg, "central", 214), "head office holds the new store's journal");

    // A wrong token: one line, nothing made.
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("store.db");
    let out = join(home.path(), &db, &central.url(), "not-a-token", &[], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(said(&out).lines().count(), 1, "{}", said(&out));
    assert!(!db.exists());
}
