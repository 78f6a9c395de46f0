//! Printers and scanners without hardware: serial devices are pseudo-terminal pairs, network
//! printers are TCP servers on 127.0.0.1, and everything sent is read back with the decoder.

mod common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::devices::*;
use common::*;
use nanum::domain::{Cart, Payment, Sale, Won};
use nanum::hardware::decode::{Event, decode, text_lines};
use nanum::hardware::escpos::{PrinterProfile, render};
use nanum::hardware::queue::{JobState, Paper, PrintQueue};
use nanum::hardware::receipt::{ReceiptOptions, sale_receipt};
use nanum::hardware::scanner::{Framing, ScannerEvent, ScannerSettings, Suffix, read_loop};
use nanum::hardware::transport::{self, PrintError, PrinterSpec};
use nanum::i18n::columns::display_width;
use nanum::store::NewSale;

fn serial(link: &std::path::Path) -> PrinterSpec {
    format!("serial:{}?baud=9600", link.display()).parse().unwrap()
}

fn receipt_bytes(t: &TempStore, sale: &Sale, reprint: bool) -> Vec<u8> {
    render(
        &sale_receipt(t.store.info(), sale, ReceiptOptions { reprint, ..ReceiptOptions::default() }),
        &PrinterProfile::default(),
    )
    .unwrap()
    .bytes
}

/// The item rows of a decoded receipt: between the header rule under 상품명 and the next rule.
fn item_rows(lines: &[String]) -> Vec<String> {
    let start = lines.iter().position(|l| l.starts_with("상품명")).unwrap() + 2;
    lines[start..].iter().take_while(|l| !l.starts_with("---")).cloned().collect()
}

#[test]
fn a_korean_receipt_over_a_serial_port_reads_back_exactly() {
    let mut t = demo_without_history();
    let cashier = staff(&t.store, "이서준");
    let link = t.dir.path().join("printer");
    let printer = FakePrinter::plug_in(&link, READY, None);

    let mut cart = Cart::new();
    for code in [tag(1, 3500, 0), tag(16, 8000, 4), nanum::demo::demo_ean(7)] {
        cart.add(t.store.price_scan(&code, today()).unwrap().line).unwrap();
    }
    let cash = Payment::cash(cart.total(), Won::new(20_000)).unwrap();
    let session = common::open_till(&mut t.store, &cashier, at(15, 0));
    let sale = t.store.commit_sale(NewSale::new(&cart, &cash, &cashier, &session, at(15, 0))).unwrap();
    let status = transport::print(&serial(&link), &receipt_bytes(&t, &sale, false)).unwrap();
    assert_eq!(status.map(|s| s.ready()), Some(true), "the printer answered DLE EOT");

    let events = decode(&printer.wait_for_cut()).unwrap();
    let lines = text_lines(&events);
    let rows = item_rows(&lines);
    let expected: Vec<(String, String)> =
        sale.lines.iter().map(|l| (l.name_ko.clone(), l.amount().to_string())).collect();
    let printed: Vec<(String, String)> = rows
        .iter()
        .filter(|r| !r.starts_with("  "))
        .map(|r| {
            let (name, amount) = r.rsplit_once(' ').unwrap();
            (name.trim_end().to_string(), amount.to_string())
        })
        .collect();
    assert_eq!(printed, expected);
    assert!(rows.iter().any(|r| r.trim() == "정가 8,000 · 4주 경과 50% 할인"));
    assert!(lines.iter().all(|l| display_width(l) <= 42));
    let kicks: Vec<_> = events.iter().filter(|e| matches!(e, Event::Drawer { .. })).collect();
    assert_eq!(kicks, [&Event::Drawer { pin: 0, on: 25, off: 250 }], "one full 5-byte kick for cash");
    // The three status requests before and three after the job reached the printer too.
    assert_eq!(events.iter().filter(|e| matches!(e, Event::StatusRequest(_))).count(), 6);

    // A card sale's receipt opens nothing.
    let before = printer.bytes().len();
    let mut cart = Cart::new();
    cart.add(t.store.price_scan(&tag(1, 3500, 0), today()).unwrap().line).unwrap();
    let card = Payment::card(cart.total()).unwrap();
    let session = common::open_till(&mut t.store, &cashier, at(15, 5));
    let card_sale = t.store.commit_sale(NewSale::new(&cart, &card, &cashier, &session, at(15, 5))).unwrap();
    transport::print(&serial(&link), &receipt_bytes(&t, &card_sale, false)).unwrap();
    let start = Instant::now();
    let card_events = loop {
        let bytes = printer.bytes();
        if let Ok(events) = decode(&bytes[before..])
            && events.iter().any(|e| matches!(e, Event::Cut { .. }))
        {
            break events;
        }
        assert!(start.elapsed() < Duration::from_secs(10));
        std::thread::sleep(Duration::from_millis(10));
    };
    assert!(!card_events.iter().any(|e| matches!(e, Event::Drawer { .. })));
    assert!(text_lines(&card_events).iter().any(|l| l.starts_with("카드 결제") && l.ends_with(" 3,500")));
}

#[test]
fn pulling_the_printer_mid_receipt_keeps_the_sale_and_the_job_until_it_prints() {
    let mut t = demo_without_history();
    let cashier = staff(&t.store, "이서준");
    let link = t.dir.path().join("printer");
    let printer = FakePrinter::plug_in(&link, READY, Some(300));

    let sale = cash_sale(&mut t.store, &[&tag(1, 3500, 0), &tag(2, 5000, 0)], 10_000, &cashier, at(16, 0));
    let queue = PrintQueue::start(Ok(serial(&link)), None, Vec::new());
    let job = queue.submit(Paper {
        title: "영수증 0001".into(),
        bytes: receipt_bytes(&t, &sale, false),
        opens_drawer: true,
        printer: None,
        receipt_of: None,
    });
    assert!(queue.wait_idle(Duration::from_secs(20)));
    let failed = queue.job(job).unwrap();
    assert!(
        matches!(failed.state, JobState::Failed(PrintError::Interrupted { .. } | PrintError::NoAnswer { .. })),
        "{:?}",
        failed.state
    );
    assert!(printer.bytes().len() <= 300, "the printer got only part of the receipt");
    printer.unplug();
    assert_eq!(t.store.sale(today(), 1).unwrap().map(|s| s.total.get()), Some(8500), "the sale is committed");

    // While unplugged, trying again fails again and the job stays.
    std::fs::remove_file(&link).unwrap();
    assert!(queue.retry(job));
    assert!(queue.wait_idle(Duration::from_secs(20)));
    assert!(matches!(queue.job(job).unwrap().state, JobState::Failed(PrintError::Unreachable { .. })));

    // The printer comes back: the job prints in full.
    let back = FakePrinter::plug_in(&link, READY, None);
    assert!(queue.retry(job));
    assert!(queue.wait_idle(Duration::from_secs(20)));
    assert_eq!(queue.job(job).unwrap().state, JobState::Printed);
    let lines = text_lines(&decode(&back.wait_for_cut()).unwrap());
    assert!(lines.iter().any(|l| l.starts_with("합계") && l.ends_with("8,500")));
    assert!(lines.iter().any(|l| l.starts_with("거스름돈") && l.ends_with(" 1,500")));
}

#[test]
fn a_printer_out_of_paper_is_not_sent_the_job() {
    let t = demo_without_history();
    let link = t.dir.path().join("printer");
    let printer = FakePrinter::plug_in(&link, PAPER_OUT, None);
    let err = transport::print(&serial(&link), b"\x1b@hello\n").unwrap_err();
    assert!(matches!(err, PrintError::NotReady { status, .. } if status.paper_out), "{err:?}");
    // Whatever the till sent came before a marker sent now; once the marker is in, all of it is.
    let mut port = serialport::new(link.to_string_lossy(), 9600).open().unwrap();
    port.write_all(b"<end of test>").unwrap();
    // Kept open until read: a pty drops what its master has not read when the last slave closes.
    let bytes = printer.wait_for(b"<end of test>");
    drop(port);
    assert!(!bytes.windows(5).any(|w| w == b"hello"), "nothing printed into an empty printer");
}

/// A TCP printer on 127.0.0.1: one that reads and answers status requests, one that accepts
/// and never reads (`read` false), or one that closes the connection after `close_after` bytes.
fn tcp_printer(read: bool, close_after: Option<usize>) -> (PrinterSpec, mpsc::Receiver<Vec<u8>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            if !read {
                std::thread::sleep(Duration::from_secs(30));
                return;
            }
            let mut got = Vec::new();
            let mut buf = [0u8; 256];
            stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            while let Ok(n) = stream.read(&mut buf) {
                if n == 0 {
                    break;
                }
                got.extend_from_slice(&buf[..n]);
                if close_after.is_some_and(|limit| got.len() >= limit) {
                    break; // the connection drops mid-receipt
                }
                let requests = buf[..n].windows(3).filter(|w| w[0] == 0x10 && w[1] == 0x04).count();
                for _ in 0..requests {
                    let _ = stream.write_all(&[0x12]);
                }
            }
            let _ = tx.send(got);
        }
    });
    (format!("tcp:127.0.0.1:{port}").parse().unwrap(), rx)
}

#[test]
fn network_printers_that_work_hang_or_drop() {
    let t = demo_without_history();
    let doc = nanum::hardware::selftest::self_test(Some("나눔가게"), "tcp", 42, at(9, 0));
    let bytes = render(&doc, &PrinterProfile::default()).unwrap().bytes;

    let (good, received) = tcp_printer(true, None);
    assert!(transport::print(&good, &bytes).unwrap().is_some_and(|s| s.ready()));
    let got = received.recv_timeout(Duration::from_secs(10)).unwrap();
    let lines = text_lines(&decode(&got).unwrap());
    assert!(lines.iter().any(|l| l.contains("다람쥐 헌 쳇바퀴에 타고파")));
    assert!(
        !decode(&got).unwrap().iter().any(|e| matches!(e, Event::Drawer { .. })),
        "the test page never opens the drawer"
    );

    let (silent, _) = tcp_printer(false, None);
    let started = Instant::now();
    assert!(matches!(transport::print(&silent, &bytes), Err(PrintError::NoAnswer { .. })));
    assert!(started.elapsed() < Duration::from_secs(10), "a silent printer times out");

    let (dropping, _) = tcp_printer(true, Some(200));
    assert!(matches!(
        transport::print(&dropping, &bytes),
        Err(PrintError::Interrupted { .. } | PrintError::NoAnswer { .. })
    ));

    let closed_port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let nobody: PrinterSpec = format!("tcp:127.0.0.1:{closed_port}").parse().unwrap();
    assert!(matches!(transport::print(&nobody, &bytes), Err(PrintError::Unreachable { .. })));
    drop(t);
}

#[test]
fn a_printer_that_never_reads_times_out_instead_of_hanging_the_job() {
    let (silent, _) = tcp_printer(false, None);
    let PrinterSpec::Tcp { host, port, .. } = silent else { unreachable!() };
    let no_status = PrinterSpec::Tcp { host, port, status: false };
    let started = Instant::now();
    let big = vec![b'A'; 16 * 1024 * 1024];
    assert!(matches!(transport::print(&no_status, &big), Err(PrintError::Interrupted { .. })));
    assert!(started.elapsed() < transport::WRITE_TIMEOUT * 3);
}

/// Runs the scanner reader on a pty and writes `pieces` to it, each as a read of its own (the
/// next is written once the reader has had the bytes). An empty piece waits for the code in
/// flight to come out (a suffix-less code ends when the port goes quiet) and then for the
/// debounce window to pass. Then the scanner is unplugged; every scan that came before the
/// reader says so is returned. Nothing here waits for "long enough": each wait is for an event,
/// with a deadline.
fn scans_through_pty(framing: Framing, debounce_ms: u64, pieces: &[&[u8]]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("scanner");
    let mut master = plug_in(&link);
    let settings = ScannerSettings { port: link.display().to_string(), baud: 9600, framing, debounce_ms };
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || read_loop(&settings, |event| tx.send(event).is_ok()));
    let deadline = Instant::now() + Duration::from_secs(20);
    let next =
        || rx.recv_timeout(deadline.saturating_duration_since(Instant::now())).expect("the reader answers in time");
    assert!(matches!(next(), ScannerEvent::Connected { .. }));
    let (mut scans, mut read, mut written) = (Vec::new(), 0, 0);
    for piece in pieces {
        if piece.is_empty() {
            let before = scans.len();
            while scans.len() == before {
                if let ScannerEvent::Scan(code) = next() {
                    scans.push(code);
                }
            }
            std::thread::sleep(Duration::from_millis(debounce_ms));
            continue;
        }
        master.write_all(piece).unwrap();
        written += piece.len();
        while read < written {
            match next() {
                ScannerEvent::Raw(bytes) => read += bytes.len(),
                ScannerEvent::Scan(code) => scans.push(code),
                _ => {}
            }
        }
    }
    drop(master);
    loop {
        match next() {
            ScannerEvent::Scan(code) => scans.push(code),
            ScannerEvent::Disconnected { .. } => return scans,
            _ => {}
        }
    }
}

#[test]
fn scans_arrive_once_whatever_the_framing_and_however_the_bytes_are_split() {
    let codes = ["P012000350026267", "I001000123454", "8801234567893"];
    let cases: [(Suffix, bool, &[u8]); 6] = [
        (Suffix::Cr, false, b"\r"),
        (Suffix::Lf, false, b"\n"),
        (Suffix::Crlf, false, b"\r\n"),
        (Suffix::Tab, false, b"\t"),
        (Suffix::Cr, true, b"\r"),
        (Suffix::None, false, b""),
    ];
    for (suffix, stx_etx, end) in cases {
        let mut pieces: Vec<Vec<u8>> = Vec::new();
        for code in codes {
            let mut frame = Vec::new();
            if stx_etx {
                frame.push(0x02);
            }
            frame.extend_from_slice(code.as_bytes());
            if stx_etx {
                frame.push(0x03);
            }
            frame.extend_from_slice(end);
            // Split each frame in three uneven reads.
            let (a, rest) = frame.split_at(3);
            let (b, c) = rest.split_at(rest.len() / 2);
            pieces.extend([a.to_vec(), b.to_vec(), c.to_vec()]);
            if suffix == Suffix::None {
                pieces.push(Vec::new()); // the pause that ends a code
            }
        }
        // A generous silence, so a busy machine's scheduling is not taken for the end of a code.
        let framing = Framing { suffix, stx_etx, idle_ms: 150, ..Framing::default() };
        let pieces: Vec<&[u8]> = pieces.iter().map(Vec::as_slice).collect();
        let scans = scans_through_pty(framing, 300, &pieces);
        assert_eq!(scans, codes, "suffix {suffix:?}, stx/etx {stx_etx}");
    }
}

#[test]
fn a_double_read_inside_the_debounce_window_is_dropped() {
    let scans =
        scans_through_pty(Framing::default(), 400, &[b"8801234567893\r", b"8801234567893\r", b"P012000350026267\r"]);
    assert_eq!(scans, ["8801234567893", "P012000350026267"]);
    // Outside the window, the same code again is a second item.
    let slow = scans_through_pty(Framing::default(), 5, &[b"8801234567893\r", b"", b"8801234567893\r"]);
    assert_eq!(slow, ["8801234567893", "8801234567893"]);
}

#[test]
fn noise_is_dropped_and_the_next_scan_still_arrives() {
    let scans =
        scans_through_pty(Framing::default(), 300, &[b"\x00\x7f\x1b\r", &[b'7'; 100], b"\r", b"I001000123454\r"]);
    assert_eq!(scans, ["I001000123454"]);
}

#[test]
fn an_unplugged_scanner_is_reported_and_picked_up_again() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("scanner");
    let mut master = plug_in(&link);
    let settings = ScannerSettings { port: link.display().to_string(), ..ScannerSettings::default() };
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || read_loop(&settings, |event| tx.send(event).is_ok()));
    let next = |want: &dyn Fn(&ScannerEvent) -> bool| {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let event = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())).expect("an event in time");
            if want(&event) {
                return event;
            }
        }
    };
    next(&|e| matches!(e, ScannerEvent::Connected { .. }));
    master.write_all(b"P012000350026267\r").unwrap();
    assert_eq!(next(&|e| matches!(e, ScannerEvent::Scan(_))), ScannerEvent::Scan("P012000350026267".into()));

    drop(master); // the cable is pulled
    next(&|e| matches!(e, ScannerEvent::Disconnected { .. }));

    let mut back = plug_in(&link); // plugged back in (a new device node, same link)
    next(&|e| matches!(e, ScannerEvent::Connected { .. }));
    back.write_all(b"I001000123454\r").unwrap();
    assert_eq!(next(&|e| matches!(e, ScannerEvent::Scan(_))), ScannerEvent::Scan("I001000123454".into()));
}

#[test]
fn price_tags_print_on_the_receipt_printer_and_as_zpl_on_a_label_printer() {
    use nanum::hardware::tags::{TagLabel, ZplLabel, tag_document, tag_zpl};
    let t = demo_without_history();
    let priced = t.store.price_scan(&tag(12, 3500, 0), today()).unwrap();
    let label = TagLabel {
        code: priced.line.code.clone().unwrap(),
        name: priced.line.name_ko.clone(),
        price: priced.line.list_price,
        colour: priced.colour.as_ref().map(|c| c.name_ko.clone()),
        note: priced.intake.unwrap().to_string(),
    };

    // On a serial receipt printer: name, price, colour, barcode, cut.
    let link = t.dir.path().join("printer");
    let printer = FakePrinter::plug_in(&link, READY, None);
    let bytes =
        render(&tag_document(&label), &PrinterProfile { columns: 32, ..PrinterProfile::default() }).unwrap().bytes;
    transport::print(&serial(&link), &bytes).unwrap();
    let events = decode(&printer.wait_for_cut()).unwrap();
    let lines: Vec<String> = text_lines(&events).iter().map(|l| l.trim().to_string()).collect();
    assert!(lines.contains(&"유아용품".to_string()));
    assert!(lines.contains(&"3,500원".to_string()));
    assert!(lines.contains(&format!("{} 택", label.colour.clone().unwrap())));
    assert!(events.contains(&Event::Barcode { system: 73, data: label.code.clone() }));
    assert!(!events.iter().any(|e| matches!(e, Event::Drawer { .. })));

    // On a ZPL label printer over TCP (which answers no ESC/POS status requests).
    let (zebra, received) = tcp_printer(true, None);
    let zpl = tag_zpl(&label, &ZplLabel::default());
    transport::print(&zebra.without_status(), zpl.as_bytes()).unwrap();
    let got = String::from_utf8(received.recv_timeout(Duration::from_secs(10)).unwrap()).unwrap();
    assert!(got.starts_with("^XA^CI28") && got.trim_end().ends_with("^XZ"));
    let fields: Vec<&str> = got.split("^FD").skip(1).map(|f| f.split("^FS").next().unwrap()).collect();
    assert_eq!(
        fields,
        ["유아용품", "3,500원", label.colour.as_deref().unwrap(), label.code.as_str(), label.note.as_str()]
    );
    assert!(got.contains(&format!("^BCN,70,Y,N,N^FD{}^FS", label.code)));
}
