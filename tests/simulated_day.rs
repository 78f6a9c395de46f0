//! A store's busiest days, faster than any cashier, through the real `App`: a serial scanner
//! and a serial receipt printer on pseudo-terminals, a cashier ringing up sale after sale (1–3
//! items scanned in one burst, cash or card), the store's clock moving 12 s between sales. Every scan becomes a line, every sale a
//! receipt the printer got whole and that decodes to its total, and the process's memory stays
//! flat. 2,000 sales in the suite; `NANUM_LONG=1` rings up 10,000.

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::devices::*;
use common::till::Till;
use common::*;
use nanum::hardware::decode::{Event, decode, text_lines};
use nanum::hardware::scanner::{ScannerEvent, ScannerSettings, read_loop};
use nanum::ui::Message;
use nanum::ui::screen::checkout;

/// Resident memory of this process, in KiB.
fn resident_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS in /proc/self/status")
}

/// How much the process may grow between the first tenth of the day and its end. A leak of a
/// few KiB a sale (a cart, a receipt, a frame kept) would pass it over 2,000 sales.
const GROWTH_KIB: u64 = 24 * 1024;

#[test]
fn a_day_of_sales_from_the_scanner_to_the_printer_loses_nothing_and_stays_small() {
    let sales: usize = if std::env::var_os("NANUM_LONG").is_some() { 10_000 } else { 2_000 };
    let mut till = Till::new(|config, dir| {
        config.scanner.serial.port = dir.join("scanner").display().to_string();
        config.printer.spec = format!("serial:{}?baud=115200", dir.join("printer").display());
    });
    *till.clock.lock().unwrap() = at(10, 0);
    let printer = FakePrinter::plug_in(&till.dir.path().join("printer"), READY, None);
    let link = PathBuf::from(&till.app.config().scanner.serial.port);
    let mut scanner = plug_in(&link);
    till.sign_in("이서준", "2222");
    assert!(till.app.on_duty().is_some());

    // The reader thread the app's subscription runs, feeding the app as the runtime would.
    let settings = ScannerSettings { port: link.display().to_string(), ..till.app.config().scanner.serial.clone() };
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || read_loop(&settings, |e| tx.send(e).is_ok()));
    let until = |till: &mut Till, wanted: fn(&ScannerEvent) -> bool| loop {
        let event = rx.recv_timeout(Duration::from_secs(10)).expect("the scanner's reader answers");
        let done = wanted(&event);
        till.send(Message::Scanner(event));
        if done {
            return;
        }
    };
    until(&mut till, |e| matches!(e, ScannerEvent::Connected { .. }));
    let next_scan = |till: &mut Till| until(till, |e| matches!(e, ScannerEvent::Scan(_)));

    let started = Instant::now();
    let (mut scans, mut expected_total, mut warm_kib) = (0usize, 0i64, 0u64);
    for n in 1..=sales {
        // 1–3 items a sale, from a handful of categories and prices, some a few weeks old.
        let items = 1 + n % 3;
        let mut total = 0;
        let mut burst = String::new();
        for i in 0..items {
            let (category, price) = (1 + ((n + i) % 4) as u16, 1000 * (1 + ((n * 7 + i) % 9) as i64));
            burst.push_str(&tag(category, price, 0));
            burst.push('\r');
            total += price;
        }
        // The codes arrive together, before the app has taken the first.
        scanner.write_all(burst.as_bytes()).unwrap();
        for _ in 0..items {
            next_scan(&mut till);
            scans += 1;
        }
        assert_eq!(till.lines(), items, "sale {n}: every scan is a line");
        if n % 5 == 0 {
            till.click("카드 결제");
            till.click("승인 완료");
        } else {
            till.click("현금 결제");
            till.enter(checkout::ENTRY_INPUT, &((total + 9_999) / 10_000 * 10_000).to_string());
        }
        assert!(till.sees("결제가 끝났어요"), "sale {n}: {:?}", till.texts());
        expected_total += total;
        till.wait(chrono::Duration::seconds(12));
        if n == sales / 10 {
            till.settle();
            warm_kib = resident_kib();
        }
    }
    till.settle();
    let end_kib = resident_kib();
    let took = started.elapsed();

    // Every sale is in the store with its lines; none was lost or doubled.
    let store = till.app.store();
    let (count, lines, sum): (i64, i64, i64) = store
        .reader()
        .query_row(
            "SELECT (SELECT count(*) FROM sales), (SELECT count(*) FROM sale_lines), (SELECT sum(total) FROM sales)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((count as usize, lines as usize, sum), (sales, scans, expected_total));

    // Every receipt reached the printer whole and reads as its sale.
    let deadline = Instant::now() + Duration::from_secs(60);
    let events = loop {
        let events = decode(&printer.bytes()).expect("the printer's bytes decode");
        let cuts = events.iter().filter(|e| matches!(e, Event::Cut { .. })).count();
        if cuts >= sales || Instant::now() > deadline {
            break events;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let receipts: Vec<Vec<String>> =
        events.split(|e| matches!(e, Event::Cut { .. })).map(text_lines).filter(|lines| !lines.is_empty()).collect();
    assert_eq!(receipts.len(), sales, "one receipt a sale");
    let printed: i64 = receipts
        .iter()
        .map(|lines| {
            let line = lines.iter().find(|l| l.starts_with("합계")).expect("a total on each receipt");
            line.trim_start_matches("합계").trim().replace(',', "").parse::<i64>().expect("a whole-won total")
        })
        .sum();
    assert_eq!(printed, expected_total, "the receipts add up to the day's sales");

    let grew = end_kib.saturating_sub(warm_kib);
    println!(
        "{sales} sales, {scans} scans in {:.1} s; resident {} MiB after the first tenth, {} MiB at the end (+{} KiB)",
        took.as_secs_f64(),
        warm_kib / 1024,
        end_kib / 1024,
        grew
    );
    assert!(grew <= GROWTH_KIB, "memory grew by {grew} KiB over the day");
}
