//! The `nanum` command line as scripts use it: real processes, real files, exit codes.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use nanum::hardware::decode::{Event, decode, row_value, text_lines};

fn nanum(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nanum"))
        .args(args)
        .env("NANUM_HOME", home)
        .env("RUST_LOG", "error")
        .output()
        .expect("nanum runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A CSV's rows as maps from column name to value.
fn csv_rows(out: &Output) -> Vec<std::collections::HashMap<String, String>> {
    let mut csv = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = csv.headers().unwrap().iter().map(str::to_string).collect();
    csv.records().map(|r| header.iter().cloned().zip(r.unwrap().iter().map(str::to_string)).collect()).collect()
}

#[test]
fn demo_history_reports_and_check_agree_with_the_database_every_day() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.db");
    let db_arg = db.to_str().unwrap();
    let made = nanum(home.path(), &["demo", "--db", db_arg, "--days", "30"]);
    assert!(made.status.success(), "{}", stderr(&made));

    let conn = rusqlite::Connection::open(&db).unwrap();
    let dates: Vec<String> = conn
        .prepare("SELECT DISTINCT business_date FROM sales ORDER BY 1")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(dates.len(), 30);
    let kinds: i64 = conn.query_row("SELECT count(DISTINCT kind) FROM sale_lines", [], |r| r.get(0)).unwrap();
    assert_eq!(kinds, 5, "price tags, item tags, stock, category keys and round-up donations all sold");
    let whole = |q: &str| -> i64 { conn.query_row(q, [], |r| r.get(0)).unwrap() };
    assert!(whole("SELECT count(*) FROM sales WHERE kind = 'refund'") > 5, "refunds on most days");
    assert!(whole("SELECT count(*) FROM sales WHERE kind = 'void'") > 0, "a void now and then");
    assert!(whole("SELECT count(*) FROM tenders WHERE kind = 'store_credit' AND amount > 0") > 0, "vouchers spent");
    assert!(whole("SELECT count(*) FROM till_sessions WHERE counted != expected") > 0, "a till off now and then");

    for date in &dates {
        let sql = |q: &str| -> i64 { conn.query_row(q, [date], |r| r.get(0)).unwrap() };
        let daily = nanum(home.path(), &["--db", db_arg, "report", "daily", "--date", date, "--format", "csv"]);
        assert!(daily.status.success(), "{}", stderr(&daily));
        let day = &csv_rows(&daily)[0];
        let field = |name: &str| -> i64 { day[name].parse().unwrap_or_else(|_| panic!("{date} {name}")) };
        assert_eq!(day["date"], *date);
        for (kind, column) in [("sale", "sales"), ("refund", "refunds"), ("void", "voids")] {
            let q = format!("SELECT count(*) FROM sales WHERE business_date = ?1 AND kind = '{kind}'");
            assert_eq!(field(column), sql(&q), "{date} {column}");
        }
        let goods = "FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE business_date = ?1";
        assert_eq!(field("gross"), sql(&format!("SELECT coalesce(sum(amount), 0) {goods} AND l.kind != 'donation'")));
        assert_eq!(
            field("donations"),
            sql(&format!("SELECT coalesce(sum(amount), 0) {goods} AND l.kind = 'donation'"))
        );
        assert_eq!(field("discounts"), sql(&format!("SELECT coalesce(sum(discount), 0) {goods}")));
        for class in ["standard", "exempt"] {
            for what in ["gross", "supply", "vat"] {
                let q = format!(
                    "SELECT coalesce(sum({what}), 0) FROM sale_vat v JOIN sales s ON s.id = v.sale_id
                     WHERE business_date = ?1 AND tax_class = '{class}'"
                );
                assert_eq!(field(&format!("{class}_{what}")), sql(&q), "{date} {class}_{what}");
            }
        }
        assert_eq!(field("standard_gross") + field("exempt_gross"), field("gross"), "{date}: VAT covers the goods");
        assert_eq!(field("standard_supply") + field("standard_vat"), field("standard_gross"));
        let tender = |kind: &str| {
            sql(&format!(
                "SELECT coalesce(sum(t.amount), 0) FROM tenders t JOIN sales s ON s.id = t.sale_id
                 WHERE business_date = ?1 AND t.kind = '{kind}'"
            ))
        };
        assert_eq!((field("cash"), field("card")), (tender("cash"), tender("card")), "{date}");
        assert_eq!(field("credit_used") - field("credit_issued"), tender("store_credit"), "{date}");
        assert_eq!(
            field("cash") + field("card") + field("credit_used") - field("credit_issued"),
            field("gross") + field("donations"),
            "{date}: the money in is the goods and the donations"
        );

        let till = nanum(home.path(), &["--db", db_arg, "report", "till", "--date", date, "--format", "csv"]);
        assert!(till.status.success(), "{}", stderr(&till));
        let sessions = csv_rows(&till);
        assert_eq!(sessions.len() as i64, sql("SELECT count(*) FROM till_sessions WHERE business_date = ?1"));
        let mut cash_through_tills = 0;
        for s in &sessions {
            let n = |name: &str| -> i64 { s[name].parse().unwrap_or_else(|_| panic!("{date} {name}")) };
            assert_eq!(
                n("expected"),
                n("float") + n("cash_sales") - n("cash_refunds") + n("cash_in") - n("cash_out"),
                "{date}"
            );
            assert_eq!(n("difference"), n("counted") - n("expected"), "{date}");
            let stored: (i64, i64) = conn
                .query_row(
                    "SELECT expected, counted FROM till_sessions WHERE business_date = ?1 AND z_no = ?2",
                    rusqlite::params![date, n("z_no")],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap();
            assert_eq!(stored, (n("expected"), n("counted")), "{date}: the report is the stored Z");
            for (kind, column) in [("in", "cash_in"), ("out", "cash_out")] {
                let q = format!(
                    "SELECT coalesce(sum(m.amount), 0) FROM cash_moves m JOIN till_sessions t ON t.id = m.session_id
                     WHERE t.business_date = ?1 AND m.kind = '{kind}'"
                );
                assert_eq!(n(column), sql(&q), "{date} {column}");
            }
            cash_through_tills += n("cash_sales") - n("cash_refunds");
        }
        assert_eq!(cash_through_tills, field("cash"), "{date}: the tills' cash is the day's cash");
    }

    let date = &dates[20];
    let text = nanum(home.path(), &["--db", db_arg, "report", "daily", "--date", date]);
    assert!(stdout(&text).lines().any(|l| l.starts_with("판매 건수")));
    let text = nanum(home.path(), &["--db", db_arg, "report", "till", "--date", date]);
    assert!(stdout(&text).lines().any(|l| l.starts_with("있어야 할 현금")), "{}", stdout(&text));

    let check = nanum(home.path(), &["--db", db_arg, "check"]);
    assert!(check.status.success(), "{}{}", stdout(&check), stderr(&check));
    assert!(stdout(&check).contains("정상"));
}

#[test]
fn receipts_come_out_as_decodable_bytes() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.db");
    let db_arg = db.to_str().unwrap();
    assert!(nanum(home.path(), &["demo", "--db", db_arg, "--days", "2"]).status.success());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (date, sale_no, total, change): (String, u32, i64, i64) = conn
        .query_row(
            "SELECT business_date, sale_no, total, change_given FROM sales s JOIN tenders t ON t.sale_id = s.id
             WHERE t.kind = 'cash' AND change_given > 0 ORDER BY s.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    let sale_no = sale_no.to_string();
    let out = home.path().join("receipt.bin");
    let made =
        nanum(home.path(), &["--db", db_arg, "receipt", &sale_no, "--date", &date, "--out", out.to_str().unwrap()]);
    assert!(made.status.success(), "{}", stderr(&made));
    let events = decode(&std::fs::read(&out).unwrap()).unwrap();
    let lines = text_lines(&events);
    let won = |n: i64| nanum::domain::Won::new(n).to_string();
    assert_eq!(row_value(&lines, "합계"), Some(won(total)));
    assert_eq!(row_value(&lines, "거스름돈"), Some(won(change)));
    assert!(events.iter().any(|e| matches!(e, Event::Drawer { .. })), "a cash receipt opens the drawer");
    let code = format!("S001{}{:04}", date.replace('-', ""), sale_no.parse::<u32>().unwrap());
    assert!(events.contains(&Event::Barcode { system: 73, data: code }));

    let printer = home.path().join("printer.bin");
    let spec = format!("file:{}", printer.display());
    let printed =
        nanum(home.path(), &["--db", db_arg, "receipt", &sale_no, "--date", &date, "--printer", &spec, "--reprint"]);
    assert!(printed.status.success(), "{}", stderr(&printed));
    assert!(text_lines(&decode(&std::fs::read(&printer).unwrap()).unwrap()).iter().any(|l| l.trim() == "[재발행]"));
}

#[test]
fn mistakes_get_one_line_and_the_right_exit_code() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.db");
    let db_arg = db.to_str().unwrap();

    let missing = nanum(home.path(), &["--db", db_arg, "check"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("매장 데이터베이스가 없어요"), "{}", stderr(&missing));

    assert!(nanum(home.path(), &["demo", "--db", db_arg, "--days", "1"]).status.success());
    let again = nanum(home.path(), &["demo", "--db", db_arg]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("이미 있어요"), "{}", stderr(&again));

    let no_sale =
        nanum(home.path(), &["--db", db_arg, "receipt", "9999", "--date", "2026-01-01", "--out", "/dev/null"]);
    assert_eq!(no_sale.status.code(), Some(1));
    assert_eq!(stderr(&no_sale).trim().lines().count(), 1);

    let bad_code = nanum(home.path(), &["--db", db_arg, "price", "P012000350026268"]);
    assert_eq!(bad_code.status.code(), Some(1));
    assert!(stderr(&bad_code).contains("검증 숫자"), "{}", stderr(&bad_code));

    let good_code = nanum(home.path(), &["--db", db_arg, "price", "P012000350026267", "--date", "2026-07-01"]);
    assert!(good_code.status.success());
    assert!(stdout(&good_code).contains("판매가: 3,500원"), "{}", stdout(&good_code));
    let later = nanum(home.path(), &["--db", db_arg, "price", "P012000350026267", "--date", "2026-07-22"]);
    assert!(stdout(&later).contains("판매가: 1,700원"), "{}", stdout(&later));

    for usage in [&["report", "weekly"][..], &["receipt", "1"], &["--no-such-flag"], &["demo", "--days", "x"]] {
        let o = nanum(home.path(), usage);
        assert_eq!(o.status.code(), Some(2), "{usage:?}: {}", stderr(&o));
    }
    let demo_without_db = nanum(home.path(), &["demo"]);
    assert_eq!(demo_without_db.status.code(), Some(2));

    std::fs::write(home.path().join("config.toml"), "[ui\n").unwrap();
    // `check` needs nothing from the settings: it runs, and says the file was set aside.
    let broken_config = nanum(home.path(), &["--db", db_arg, "check"]);
    assert_eq!(broken_config.status.code(), Some(0), "{}", stderr(&broken_config));
    assert!(stderr(&broken_config).contains("config.toml"));
}

#[test]
fn english_is_a_setting() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.db");
    let db_arg = db.to_str().unwrap();
    assert!(nanum(home.path(), &["demo", "--db", db_arg, "--days", "1"]).status.success());
    std::fs::write(home.path().join("config.toml"), "[ui]\nlanguage = \"en\"\n").unwrap();
    let check = nanum(home.path(), &["--db", db_arg, "check"]);
    assert!(stdout(&check).contains("Database file: OK"), "{}", stdout(&check));
    let price = nanum(home.path(), &["--db", db_arg, "price", "P012000350026267", "--date", "2026-07-22"]);
    assert!(stdout(&price).contains("Charge: ₩1,700"), "{}", stdout(&price));
}

#[test]
fn print_test_and_scan_talk_to_real_serial_ports() {
    use common::devices::{FakePrinter, READY, plug_in};
    use std::io::{BufRead, Write};

    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("page.bin");
    let to_file = nanum(home.path(), &["print-test", "--printer", &format!("file:{}", file.display())]);
    assert!(to_file.status.success(), "{}", stderr(&to_file));
    let page = decode(&std::fs::read(&file).unwrap()).unwrap();
    assert!(text_lines(&page).iter().any(|l| l.contains("다람쥐 헌 쳇바퀴에 타고파")));
    assert!(!page.iter().any(|e| matches!(e, Event::Drawer { .. })), "the test page never opens the drawer");

    let link = home.path().join("printer");
    let printer = FakePrinter::plug_in(&link, READY, None);
    let to_serial = nanum(home.path(), &["print-test", "--printer", &format!("serial:{}?baud=19200", link.display())]);
    assert!(to_serial.status.success(), "{}", stderr(&to_serial));
    assert!(text_lines(&decode(&printer.wait_for_cut()).unwrap()).iter().any(|l| l.trim() == "프린터 시험 인쇄"));
    printer.unplug();
    std::fs::remove_file(&link).unwrap();
    let unplugged = nanum(home.path(), &["print-test", "--printer", &format!("serial:{}", link.display())]);
    assert_eq!(unplugged.status.code(), Some(1));
    assert!(stderr(&unplugged).contains("프린터에 연결할 수 없어요"), "{}", stderr(&unplugged));

    let scanner_link = home.path().join("scanner");
    let mut scanner = plug_in(&scanner_link);
    let mut child = Command::new(env!("CARGO_BIN_EXE_nanum"))
        .args(["scan", "--port", scanner_link.to_str().unwrap(), "--suffix", "crlf", "--count", "2"])
        .env("NANUM_HOME", home.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    wait_until_open(child.id(), &scanner_link);
    scanner.write_all(b"P01200035").unwrap();
    // A code that arrives in two pieces (shorter apart than the idle time) is still one scan.
    std::thread::sleep(std::time::Duration::from_millis(20));
    scanner.write_all(b"0026267\r\n8801234567893\r\n").unwrap();
    assert_eq!(lines.next().unwrap().unwrap(), "P012000350026267");
    assert_eq!(lines.next().unwrap().unwrap(), "8801234567893");
    assert!(child.wait().unwrap().success(), "stops after --count scans");

    let no_port = nanum(home.path(), &["scan", "--port", "/dev/no-such-scanner"]);
    assert_eq!(no_port.status.code(), Some(1));
    assert_eq!(nanum(home.path(), &["scan", "--port", "/dev/x", "--suffix", "semicolon"]).status.code(), Some(2));
}

/// Waits (up to 10 s) until process `pid` has the device behind `link` open.
fn wait_until_open(pid: u32, link: &std::path::Path) {
    let device = std::fs::canonicalize(link).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let open = std::fs::read_dir(format!("/proc/{pid}/fd"))
            .into_iter()
            .flatten()
            .flatten()
            .any(|fd| std::fs::read_link(fd.path()).is_ok_and(|target| target == device));
        if open {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "nanum scan never opened {}", device.display());
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[test]
fn the_store_policy_is_shown_changed_and_journaled() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.db");
    let db_arg = db.to_str().unwrap();
    assert!(nanum(home.path(), &["demo", "--db", db_arg, "--days", "1"]).status.success());
    let shown = nanum(home.path(), &["--db", db_arg, "policy"]);
    assert!(stdout(&shown).contains("할인 한도 20%") && stdout(&shown).contains("24시간"), "{}", stdout(&shown));

    let changed = nanum(home.path(), &["--db", db_arg, "policy", "--discount-limit", "30", "--hold-hours", "48"]);
    assert!(changed.status.success(), "{}", stderr(&changed));
    assert!(stdout(&changed).contains("할인 한도 30%") && stdout(&changed).contains("48시간"));
    let store = nanum::store::Store::open(&db).unwrap();
    let policy = store.policy().unwrap();
    assert_eq!((policy.discount_limit_percent, policy.hold.num_hours()), (rust_decimal::Decimal::from(30), 48));
    // An auditor reads it with `nanum journal`: the events as sync sends them, each one's hash
    // over the payload's text.
    let read = |args: &[&str]| -> Vec<nanum::store::JournalEvent> {
        let o = nanum(home.path(), &[&["--db", db_arg, "journal"][..], args].concat());
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    };
    let changed = read(&["--kind", "settings.changed"]);
    assert_eq!(changed.len(), 1);
    assert!(changed[0].payload.contains("\"to\":48") && changed[0].is_intact(), "{:?}", changed[0]);
    let all = read(&[]);
    assert!(all.len() > 10 && all.iter().all(|e| e.is_intact()));
    assert_eq!(read(&["--after", &(all.len() - 2).to_string()]), all[all.len() - 2..]);

    for bad in [&["--discount-limit", "130"][..], &["--hold-hours", "5000"]] {
        let o = nanum(home.path(), &[&["--db", db_arg, "policy"][..], bad].concat());
        assert_eq!(o.status.code(), Some(1), "{bad:?}");
        assert!(stderr(&o).contains("0에서 100(%)"), "{}", stderr(&o));
    }
    assert_eq!(store.policy().unwrap().hold.num_hours(), 48, "a refused change changes nothing");
}

#[test]
fn the_yearly_donor_export_adds_up_to_the_daily_donation_reports() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.db");
    let db_arg = db.to_str().unwrap();
    assert!(nanum(home.path(), &["demo", "--db", db_arg, "--days", "30"]).status.success());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let dates: Vec<String> = conn
        .prepare("SELECT DISTINCT business_date FROM donations ORDER BY 1")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(dates.len() >= 25, "donations on most open days");
    let year = &dates[0][..4];
    assert!(dates.iter().all(|d| d.starts_with(year)), "the demo's month is in one year");
    let mut days_total = 0i64;
    for date in &dates {
        let o = nanum(home.path(), &["--db", db_arg, "report", "donations", "--date", date, "--format", "csv"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let rows = csv_rows(&o);
        let of = |kind: &str, key: &str| -> i64 {
            rows.iter().find(|r| r["kind"] == kind && r["key"] == key).map(|r| r["value"].parse().unwrap()).unwrap()
        };
        let total = of("total", "all");
        assert_eq!(total, of("channel", "walk_in") + of("channel", "pickup") + of("channel", "parcel"), "{date}");
        let direct: i64 = conn
            .query_row("SELECT coalesce(sum(value), 0) FROM donations WHERE business_date = ?1", [date], |r| r.get(0))
            .unwrap();
        assert_eq!(total, direct, "{date}: the demo changes no values, so the day is the sum of the rows");
        days_total += total;
    }

    let out = home.path().join("donations.csv");
    let o =
        nanum(home.path(), &["--db", db_arg, "export", "donations", "--year", year, "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "a byte-order mark, so Excel reads the Korean");
    let mut csv = csv::ReaderBuilder::new().from_reader(&bytes[3..]);
    assert_eq!(csv.headers().unwrap().get(1), Some("이름"));
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    let (footer, donors) = rows.split_last().unwrap();
    assert_eq!(&footer[1], "익명 기증 (영수증 없음)");
    for donor in donors {
        let per_donor: i64 = conn
            .query_row(
                "SELECT coalesce(sum(n.value), 0) FROM donations n JOIN donors d ON d.id = n.donor_id WHERE d.uuid = ?1",
                [&donor[0]],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(donor[5].parse::<i64>().unwrap(), per_donor, "{}", &donor[1]);
    }
    let exported: i64 = rows.iter().map(|r| r[5].parse::<i64>().unwrap()).sum();
    assert_eq!(exported, days_total, "the year's total is the sum of its days");
    let anonymous: i64 =
        conn.query_row("SELECT count(*) FROM donations WHERE donor_id IS NULL", [], |r| r.get(0)).unwrap();
    assert_eq!(footer[4].parse::<i64>().unwrap(), anonymous);
}

#[test]
fn volunteer_hours_come_out_for_a_range_and_for_the_portal() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("store.db");
    let db_arg = db.to_str().unwrap();
    assert!(nanum(home.path(), &["--db", db_arg, "demo", "--days", "20"]).status.success());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (first, last): (String, String) = conn
        .query_row("SELECT min(business_date), max(business_date) FROM shifts", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    let o = nanum(
        home.path(),
        &["--db", db_arg, "report", "volunteers", "--date", &first, "--to", &last, "--format", "csv"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = csv_rows(&o);
    let people_days: i64 = conn
        .query_row("SELECT count(*) FROM (SELECT DISTINCT staff_id, business_date FROM shifts)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows.len() as i64, people_days, "one row per person per day");
    assert!(rows.iter().all(|r| r["credited_minutes"].parse::<i64>().unwrap() <= 480));

    let month = &last[..7];
    let out = home.path().join("hours.csv");
    let o =
        nanum(home.path(), &["--db", db_arg, "export", "volunteers", "--month", month, "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let days = std::fs::read_to_string(&out).unwrap();
    let totals = std::fs::read_to_string(home.path().join("hours-totals.csv")).unwrap();
    assert!(days.starts_with("\u{feff}ID,이름,활동일"), "{days:.60}");
    assert!(totals.starts_with("\u{feff}ID,이름,월"), "{totals:.60}");
    let of_month = rows.iter().filter(|r| r["date"].starts_with(month) && r["to_confirm"] == "false");
    assert_eq!(days.lines().count() - 1, of_month.count(), "the upload holds the month's confirmed days");

    let o = nanum(home.path(), &["--db", db_arg, "export", "volunteers", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "a month is needed: {}", stderr(&o));
    let o = nanum(home.path(), &["--db", db_arg, "report", "pull", "--date", &first, "--to", &last]);
    assert_eq!(o.status.code(), Some(2), "the pull list is one day's: {}", stderr(&o));
    for kind in ["till", "donations", "volunteers", "sales"] {
        let o = nanum(home.path(), &["--db", db_arg, "report", kind, "--date", &last, "--to", &first]);
        assert_eq!(o.status.code(), Some(2), "{kind}: a range that ends before it starts: {}", stderr(&o));
    }

    // The daily report over a range: a CSV row for each day, adding up to the range's text total.
    let o =
        nanum(home.path(), &["--db", db_arg, "report", "daily", "--date", &first, "--to", &last, "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let days = csv_rows(&o);
    assert_eq!(days.first().map(|d| d["date"].clone()), Some(first.clone()));
    assert_eq!(days.last().map(|d| d["date"].clone()), Some(last.clone()));
    let gross: i64 = days.iter().map(|d| d["gross"].parse::<i64>().unwrap()).sum();
    let direct: i64 = conn
        .query_row(
            "SELECT coalesce(sum(l.amount), 0) FROM sale_lines l JOIN sales s ON s.id = l.sale_id
             WHERE l.kind != 'donation' AND s.business_date BETWEEN ?1 AND ?2",
            [&first, &last],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(gross, direct);
    let o = nanum(home.path(), &["--db", db_arg, "report", "daily", "--date", &first, "--to", &last]);
    let text = stdout(&o);
    assert!(text.contains(&format!("{first} ~ {last}")), "{text}");
    let total = nanum::domain::Won::new(direct).to_string();
    assert!(text.lines().any(|l| l.trim_end().ends_with(&total)), "{total} in {text}");
}

/// Dates, years, store codes and names that are not what they look like are refused with what
/// was expected; a printer file in a folder that is not there is said, and no folder is made;
/// a settings file that cannot be read stops only the commands that work from it (a folder or a
/// missing file given to `restore`: tests/restore.rs).
#[test]
fn bad_input_is_refused_plainly_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.db");
    let db_arg = db.to_str().unwrap();
    assert!(nanum(home.path(), &["demo", "--db", db_arg, "--days", "1"]).status.success());
    let refused = |args: &[&str], says: &str| {
        let o = nanum(home.path(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    };
    refused(&["--db", db_arg, "report", "daily", "--date", "26-12-01"], "'26-12-01' is not a day like 2026-11-25");
    refused(&["--db", db_arg, "price", "P001000500026493", "--date", "1999-12-31"], "four-digit year, 2000 to 2099");
    refused(
        &["--db", db_arg, "export", "donations", "--year", "99999", "--out", "x.csv"],
        "99999 is not in 2000..=2099",
    );
    refused(&["--db", db_arg, "export", "volunteers", "--month", "26-11", "--out", "x.csv"], "'26-11' is not a month");
    let other = home.path().join("other.db");
    let other_arg = other.to_str().unwrap();
    refused(&["demo", "--db", other_arg, "--store", "5000", "--name", "나눔가게"], "5000 is not in 1..=999");
    refused(&["demo", "--db", other_arg, "--store", "500", "--name", "  "], "the name is empty");
    assert!(!other.exists(), "nothing was made");

    let printer = home.path().join("no").join("such").join("x.bin");
    let spec = format!("file:{}", printer.display());
    let o = nanum(home.path(), &["--db", db_arg, "print-test", "--printer", &spec]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("프린터에 연결할 수 없어요"), "{}", stderr(&o));
    assert!(!home.path().join("no").exists(), "no folder was made for a mistyped printer");

    // A settings file that cannot be read: a report runs on the defaults and says so; the
    // nightly backup, which needs its folder from the settings, stops.
    std::fs::write(home.path().join("config.toml"), "[ui\n").unwrap();
    let report = nanum(home.path(), &["--db", db_arg, "report", "daily", "--date", "2026-01-01"]);
    assert!(report.status.success(), "{}", stderr(&report));
    assert!(stderr(&report).contains("기본 설정으로 열었어요"), "{}", stderr(&report));
    let nightly = nanum(home.path(), &["--db", db_arg, "backup", "--nightly"]);
    assert_eq!(nightly.status.code(), Some(1), "{}", stderr(&nightly));
}

/// A full disk is said as a full disk by every command, and an export leaves no partial or
/// empty file. Needs a small filesystem of its own: mounted here when the tests may (as root on
/// CI), else the SQLite side is covered by the store test with `max_page_count`.
#[test]
fn a_full_disk_is_said_as_a_full_disk_by_every_command() {
    let home = tempfile::tempdir().unwrap();
    let small = home.path().join("small");
    std::fs::create_dir(&small).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
        .arg(&small)
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        eprintln!("no small filesystem can be mounted here (not root): the SQLite side is tested in tests/store.rs");
        return;
    }
    struct Unmount<'a>(&'a Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(self.0).status();
        }
    }
    let _unmount = Unmount(&small);
    let made = home.path().join("made.db");
    assert!(nanum(home.path(), &["demo", "--db", made.to_str().unwrap(), "--days", "0"]).status.success());
    let db = small.join("store.db");
    std::fs::copy(&made, &db).unwrap();
    // Fill what is left.
    let mut fill = std::fs::File::create(small.join("fill")).unwrap();
    let block = vec![0u8; 64 * 1024];
    while std::io::Write::write_all(&mut fill, &block).is_ok() {}
    drop(fill);
    let db_arg = db.to_str().unwrap();
    let csv = small.join("donors.csv");
    for args in [
        vec!["--db", db_arg, "check"],
        vec!["--db", db_arg, "report", "daily", "--date", "2026-12-01"],
        vec!["--db", db_arg, "export", "donations", "--year", "2026", "--out", csv.to_str().unwrap()],
        vec!["demo", "--db", small.join("new.db").to_str().unwrap(), "--days", "0"],
    ] {
        let o = nanum(home.path(), &args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(stderr(&o).contains("저장 공간이 가득 찼어요"), "{args:?}: {}", stderr(&o));
    }
    assert!(!csv.exists() && !small.join("donors.csv.partial").exists(), "no partial export is left");
}
