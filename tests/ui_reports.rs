//! The manager's reports screen on a demo store with history: each tab shows the figures the
//! command line prints for the same days, the sales tab draws its chart by hour, and the CSV it
//! saves is the command's CSV (with a byte-order mark for Excel).

mod common;

use std::process::Command;

use chrono::NaiveDate;
use common::till::{SMALL, Till};
use nanum::reports;
use nanum::ui::Message;
use nanum::ui::screen::reports as screen;

fn nov(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

fn won(amount: nanum::domain::Won) -> String {
    format!("{amount}원")
}

#[test]
fn a_manager_reads_the_day_in_tabs_that_agree_with_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let (store, _) = nanum::demo::create(&path, 14, nov(25)).unwrap();
    let day = reports::daily::daily(&store, nov(24)).unwrap();
    let production = reports::production::production(&store, nov(24), nov(24)).unwrap();
    let tills = reports::till::till(&store, nov(24)).unwrap();
    let mut till = Till::on(store, dir, |_, _| {});
    till.sign_in("김민지", "1234");
    till.send(Message::OpenReports);
    assert!(till.sees("2026-11-25"), "{:?}", till.texts());
    till.click("◀");
    assert!(till.sees("2026-11-24"), "{:?}", till.texts());
    assert!(till.sees(&won(day.gross)), "the day's takings: {:?}", till.texts());
    assert!(till.sees(&won(day.card)) && till.sees(&won(day.cash)), "{:?}", till.texts());
    assert!(till.sees(&day.sales.to_string()));
    till.resize(SMALL);
    till.picture("reports-sales");
    assert!(till.looks_like("reports-sales-1024x768"), "the sales report changed");

    // Saved as CSV: a table a manager opens in a spreadsheet, in Korean, counts and amounts
    // in columns of their own; the gross there is the command's gross.
    till.click("CSV로 저장");
    let saved = till.dir.path().join("reports").join("매출 2026-11-24.csv");
    assert!(
        till.sees("보고서 폴더에 저장했어요: 매출 2026-11-24.csv ('보고서 폴더 열기'를 누르면 볼 수 있어요)"),
        "{:?}",
        till.texts()
    );
    let bytes = std::fs::read(&saved).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "a byte-order mark");
    let mut csv = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(csv.headers().unwrap().iter().collect::<Vec<_>>(), ["구분", "항목", "건수", "금액(원)"]);
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    let find = |kind: &str, item: &str| {
        rows.iter().find(|r| &r[0] == kind && &r[1] == item).unwrap_or_else(|| panic!("{kind} {item}: {rows:?}"))
    };
    let gross: i64 = find("합계", "상품 매출 (반품·취소 뺀 금액)")[3].parse().unwrap();
    let sales = find("합계", "판매 건수");
    assert_eq!((&sales[2], &sales[3]), (day.sales.to_string().as_str(), ""), "a count is a count, not an amount");
    let women = find("분류", "여성 의류");
    assert!(women[2].parse::<i64>().unwrap() > 0 && women[3].parse::<i64>().unwrap() > 0, "{women:?}");
    assert!(rows.iter().all(|r| r.iter().all(|cell| !["total", "sales", "category", "gross"].contains(&cell))));
    let db = till.dir.path().join("store.db");
    let out = Command::new(env!("CARGO_BIN_EXE_nanum"))
        .args(["--db", db.to_str().unwrap(), "report", "daily", "--date", "2026-11-24", "--format", "csv"])
        .env("NANUM_HOME", till.dir.path())
        .output()
        .unwrap();
    let daily = String::from_utf8(out.stdout).unwrap();
    let mut csv = csv::Reader::from_reader(daily.as_bytes());
    let headers = csv.headers().unwrap().clone();
    let row = csv.records().next().unwrap().unwrap();
    let column = headers.iter().position(|h| h == "gross").unwrap();
    assert_eq!(row[column].parse::<i64>().unwrap(), gross, "screen CSV and command agree");
    assert_eq!(gross, day.gross.get());

    // The other tabs. The till tab goes from the float to what goes to the bank, as the Z does.
    till.send(Message::Reports(screen::Message::Tab(screen::Tab::Till)));
    let session = tills.sessions.first().expect("the demo closed the till that day");
    let closed = session.session.closed.as_ref().unwrap();
    for (label, amount) in [
        ("현금 매출", session.cash.cash_sales),
        ("있어야 할 현금", session.cash.expected()),
        ("남겨 둔 시재금", closed.kept),
        ("은행에 가져갈 돈", closed.counted - closed.kept),
    ] {
        assert!(till.sees(label) && till.sees(&won(amount)), "{label} {amount}: {:?}", till.texts());
    }
    till.send(Message::Reports(screen::Message::Tab(screen::Tab::Production)));
    let shown = production.categories.first().unwrap();
    assert!(till.sees_part(&format!("인쇄 {} · 판매율", shown.printed)), "{:?}", till.texts());
    till.send(Message::Reports(screen::Message::Tab(screen::Tab::Volunteers)));
    let hours =
        reports::volunteers::volunteers(till.app.store(), nov(24), nov(24), nov(25).and_hms_opt(12, 0, 0).unwrap())
            .unwrap()
            .credited_minutes();
    assert!(till.sees(&nanum::i18n::words::hours_and_minutes(hours)), "{:?}", till.texts());
    till.send(Message::Reports(screen::Message::Tab(screen::Tab::Impact)));
    assert!(till.sees("새 주인을 찾은 물건"), "{:?}", till.texts());
    till.send(Message::Reports(screen::Message::Span(screen::Span::Month)));
    assert!(till.sees("2026-11-01 ~ 2026-11-30"), "{:?}", till.texts());
    let month =
        reports::impact::impact(till.app.store(), nov(1), nov(30), nov(25).and_hms_opt(12, 0, 0).unwrap()).unwrap();
    assert!(till.sees(&won(month.raised)), "{:?}", till.texts());
    till.send(Message::Reports(screen::Message::Tab(screen::Tab::Donations)));
    let donations = reports::donations::donations_between(till.app.store(), nov(1), nov(30)).unwrap();
    let total = donations.rows.iter().find(|r| r.kind == "total").unwrap();
    assert!(till.sees(&format!("{}건 · {}점 · {}원", total.donations, total.count, total.value)), "{:?}", till.texts());
    let before = std::fs::read(till.printer_file()).map_or(0, |b| b.len());
    till.click("요약 인쇄");
    assert!(till.sees("요약을 인쇄해요."));
    // The summary as printed, decoded from the ESC/POS bytes: the total on one row of the paper.
    till.settle();
    let bytes = std::fs::read(till.printer_file()).unwrap();
    let lines = nanum::hardware::decode::text_lines(&nanum::hardware::decode::decode(&bytes[before..]).unwrap());
    let figures = format!("{}건 · {}점 · {}원", total.donations, total.count, total.value);
    assert!(lines.iter().any(|l| l.starts_with("기증 합계") && l.ends_with(&figures)), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("2026-11-01 ~ 2026-11-30")), "the days, whole: {lines:?}");
}

/// A report still being read (held up here, as a year's production report on an old till would
/// be) does not hold up a sale: the sale commits and its receipt prints meanwhile. The report
/// used to be read on the writer's thread, and the sale waited behind it.
#[test]
fn a_report_being_read_does_not_hold_up_a_sale() {
    use nanum::ui::screen::checkout;
    let mut till = Till::new(|_, _| {});
    till.sign_in("김민지", "1234");
    let (release, gate) = std::sync::mpsc::channel::<()>();
    let _held = till.app.reader().run(move |_| {
        let _ = gate.recv();
    });
    // The report's read is asked for now and waits behind the held one; its Task is kept aside.
    let report = till.app.update(Message::OpenReports);
    assert!(till.sees("불러오고 있어요…"), "{:?}", till.texts());
    till.send(Message::CloseMenu);
    till.enter(checkout::SCAN_INPUT, &common::tag(1, 9500, 0));
    till.send(Message::Hotkey(nanum::ui::app::Hotkey::Cash));
    till.enter(checkout::ENTRY_INPUT, "10000");
    let sale =
        till.app.store().sale(common::today(), 1).unwrap().expect("the sale committed while the report was read");
    assert_eq!(sale.total.get(), 9500);
    let lines =
        nanum::hardware::decode::text_lines(&nanum::hardware::decode::decode(&till.wait_for_printer()).unwrap());
    assert_eq!(nanum::hardware::decode::row_value(&lines, "거스름돈").as_deref(), Some("500"), "{lines:?}");
    release.send(()).unwrap();
    till.run(report);
    // Read again now, the day has the sale in it.
    till.send(Message::OpenReports);
    assert!(till.sees("9,500원"), "{:?}", till.texts());
}
