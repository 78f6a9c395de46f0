//! `nanum init`: a real store with no history, from the command line as head office's IT and
//! scripts use it. Every refusal leaves the file system as it was.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use nanum::domain::{Cart, Payment, Role, Won};
use nanum::hardware::decode::{decode, text_lines};
use nanum::hardware::escpos::{PrinterProfile, render};
use nanum::hardware::receipt::{ReceiptOptions, sale_receipt};
use nanum::store::{NewSale, Store};

/// Runs `nanum --db DB init ARGS…` with `stdin` as its standard input.
fn init(home: &Path, db: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nanum"))
        .arg("--db")
        .arg(db)
        .arg("init")
        .args(args)
        .env("NANUM_HOME", home)
        .env("RUST_LOG", "off")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nanum runs");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

const STORE: [&str; 14] = [
    "--store",
    "214",
    "--name",
    "나눔가게 전주점",
    "--business-no",
    "102-82-03497",
    "--manager",
    "최영희",
    "--representative",
    "홍길동",
    "--phone",
    "063 123 4567",
    "--footer",
    "월~토 10:00~19:00",
];

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file in `dir`, with its bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    all.sort();
    all
}

#[test]
fn a_real_store_starts_with_the_built_in_reference_and_no_history() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("store.db");
    let out = init(home.path(), &db, &STORE, "4826\n");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("나눔가게 전주점"));

    let mut store = Store::open(&db).unwrap();
    let info = store.info().clone();
    assert_eq!((info.code, info.name.as_str(), info.business_no.as_str()), (214, "나눔가게 전주점", "102-82-03497"));
    assert_eq!((info.representative.as_str(), info.phone.as_str()), ("홍길동", "063-123-4567"));
    assert_eq!(info.receipt_footer, "월~토 10:00~19:00");
    assert!(!info.is_demo);
    assert_eq!(store.categories().unwrap().len(), 21, "the built-in categories");
    assert_eq!(store.rotation().colours.len(), 5, "the built-in colour calendar");
    let count = |table: &str| common::count(&db, &format!("SELECT count(*) FROM {table}"));
    for table in ["sales", "donors", "donations", "shifts", "till_sessions", "stock_items", "item_tags"] {
        assert_eq!(count(table), 0, "{table}: a real store starts with no history");
    }
    let staff = store.staff().unwrap();
    assert_eq!(staff.len(), 1);
    assert_eq!((staff[0].name.as_str(), staff[0].role), ("최영희", Role::Manager));
    assert!(store.sign_in(staff[0].id, "4826", common::at(9, 0)).is_ok(), "the PIN from stdin signs in");
    assert!(store.check().unwrap().is_ok());

    // The store's own words on its receipts, read back from the ESC/POS bytes.
    let manager = staff[0].clone();
    let sweater = nanum::store::category_line(&store.category("001").unwrap().unwrap(), Won::new(5_000));
    let mut cart = Cart::new();
    cart.add(sweater).unwrap();
    let payment = Payment::cash(cart.total(), Won::new(10_000)).unwrap();
    let session = common::open_till(&mut store, &manager, common::at(10, 0));
    let sale = store.commit_sale(NewSale::new(&cart, &payment, &manager, &session, common::at(10, 0))).unwrap();
    let doc = sale_receipt(store.info(), &sale, ReceiptOptions::default());
    let bytes = render(&doc, &PrinterProfile::default()).unwrap().bytes;
    let lines: Vec<String> = text_lines(&decode(&bytes).unwrap()).iter().map(|l| l.trim().to_string()).collect();
    assert!(lines.contains(&"사업자 102-82-03497  전화 063-123-4567".to_string()), "{lines:#?}");
    assert!(lines.contains(&"대표 홍길동".to_string()), "{lines:#?}");
    assert!(lines.contains(&"월~토 10:00~19:00".to_string()), "{lines:#?}");
}

type Case = (&'static [(usize, &'static str)], &'static str, &'static str);

#[test]
fn a_wrong_business_number_store_code_or_pin_is_refused_with_one_line_and_makes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("store.db");
    // Which arguments change (by position in STORE), the PIN typed, what is said.
    let cases: [Case; 4] = [
        (&[(5, "102-82-03494")], "4826\n", "사업자등록번호가 맞지 않아요"),
        (&[(5, "102-82-0349")], "4826\n", "지금은 9자리예요"),
        (&[(1, "5000")], "4826\n", "숫자 3자리"),
        (&[], "48\n", "PIN은 숫자 4~8자리예요"),
    ];
    for (changes, pin, said) in cases {
        let mut args = STORE;
        for (i, value) in changes {
            args[*i] = value;
        }
        let out = init(home.path(), &db, &args, pin);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let message = stderr(&out);
        assert_eq!(message.lines().count(), 1, "one line: {message}");
        assert!(message.contains(said), "{args:?}: {message}");
        assert!(files(home.path()).is_empty(), "{args:?} left files behind: {:?}", files(home.path()));
    }
}

#[test]
fn an_existing_file_is_refused_and_left_byte_for_byte() {
    let home = tempfile::tempdir().unwrap();
    let common::TempStore { dir, store } = common::minimal();
    let db = store.path().to_path_buf();
    drop(store);
    let before = files(dir.path());
    let out = init(home.path(), &db, &STORE, "4826\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("이미"), "{}", stderr(&out));
    assert_eq!(files(dir.path()), before);
}

#[test]
fn the_till_without_a_display_says_so_in_one_line_and_makes_nothing() {
    let home = tempfile::tempdir().unwrap();
    for display in [None, Some(":97")] {
        let mut command = Command::new(env!("CARGO_BIN_EXE_nanum"));
        command.env("NANUM_HOME", home.path()).env_remove("WAYLAND_DISPLAY").env_remove("RUST_LOG");
        match display {
            Some(d) => command.env("DISPLAY", d),
            None => command.env_remove("DISPLAY"),
        };
        let out = command.output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        let said = stderr(&out);
        assert_eq!(said.lines().count(), 1, "{display:?}: one line, no log or backtrace: {said}");
        assert!(said.contains("화면(디스플레이)을 열 수 없어요"), "{said}");
        assert!(files(home.path()).is_empty(), "no store made without a window");
    }
}

#[test]
fn the_manual_page_comes_from_the_command_line_definitions() {
    let out = Command::new(env!("CARGO_BIN_EXE_nanum")).arg("man").output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.starts_with(".ie") || page.contains(".TH nanum"), "roff: {}", &page[..page.len().min(200)]);
    for command in ["init", "backup", "restore", "sync"] {
        assert!(page.contains(command), "the page lists {command}");
    }
    let help = Command::new(env!("CARGO_BIN_EXE_nanum")).arg("--help").output().unwrap();
    assert!(!String::from_utf8_lossy(&help.stdout).contains("\n  man "), "hidden from --help");
}
