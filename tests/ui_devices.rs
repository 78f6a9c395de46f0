//! The till with its devices, through iced_test: a serial scanner on a pty that gets unplugged
//! mid-sale, a keyboard-wedge scanner typing into the wrong field, a printer pulled mid-receipt,
//! the drawer opened with a manager's PIN, and the device settings screen.

mod common;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::devices::*;
use common::till::Till;
use common::*;
use iced::keyboard::key::Named;
use iced_test::selector;
use nanum::config::Config;
use nanum::hardware::decode::{Event, decode, text_lines};
use nanum::hardware::scanner::{ScannerEvent, ScannerSettings, read_loop};
use nanum::ui::Message;
use nanum::ui::screen::{checkout, login};

fn till_with(configure: impl FnOnce(&mut Config, &Path)) -> Till {
    let till = Till::new(configure);
    *till.clock.lock().unwrap() = at(11, 0);
    till
}

fn signed_in(till: &mut Till, name: &str, pin: &str) {
    till.sign_in(name, pin);
    assert_eq!(till.app.on_duty().map(|s| s.name.as_str()), Some(name));
}

#[test]
fn an_unplugged_scanner_shows_in_the_status_bar_and_the_sale_finishes_by_typing() {
    let mut till = till_with(|config, dir| config.scanner.serial.port = dir.join("scanner").display().to_string());
    let link = PathBuf::from(&till.app.config().scanner.serial.port);
    let mut scanner = plug_in(&link);
    signed_in(&mut till, "이서준", "2222");
    assert!(till.sees("스캐너 연결 끊김"), "not connected until the reader says so");

    // The reader thread the app's subscription runs, here feeding the app directly.
    let settings = ScannerSettings { port: link.display().to_string(), ..till.app.config().scanner.serial.clone() };
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || read_loop(&settings, |e| tx.send(e).is_ok()));
    let pump = |till: &mut Till, until: &dyn Fn(&ScannerEvent) -> bool| {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let event = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())).expect("scanner event");
            let done = until(&event);
            till.send(Message::Scanner(event));
            if done {
                return;
            }
        }
    };
    pump(&mut till, &|e| matches!(e, ScannerEvent::Connected { .. }));
    assert!(till.sees("스캐너 연결됨"));

    use std::io::Write;
    scanner.write_all(tag(1, 3500, 0).as_bytes()).unwrap();
    scanner.write_all(b"\r").unwrap();
    pump(&mut till, &|e| matches!(e, ScannerEvent::Scan(_)));
    assert_eq!(till.lines(), 1);
    assert!(till.sees("여성 의류 3,500원을 담았어요."));

    drop(scanner);
    pump(&mut till, &|e| matches!(e, ScannerEvent::Disconnected { .. }));
    assert!(till.sees("스캐너 연결 끊김"));

    till.enter(checkout::SCAN_INPUT, &tag(2, 5000, 0));
    assert_eq!(till.lines(), 2, "typing the code still works");
    till.click("현금 결제");
    till.enter(checkout::ENTRY_INPUT, "10000");
    assert!(till.sees("결제가 끝났어요"));
    assert!(till.sees("1,500원"));
    let sale = till.app.store().sale(today(), 1).unwrap().unwrap();
    assert_eq!((sale.lines.len(), sale.total.get()), (2, 8500));
}

#[test]
fn a_wedge_scanner_typing_into_the_cash_field_adds_an_item_instead_of_an_amount() {
    let mut till = till_with(|_, _| {});
    signed_in(&mut till, "이서준", "2222");
    till.enter(checkout::SCAN_INPUT, &tag(1, 3500, 0));
    till.click("현금 결제");
    // The scanner "types" a whole code and Enter into the tendered-amount field.
    till.enter(checkout::ENTRY_INPUT, &tag(2, 5000, 0));
    assert!(till.app.store().sale(today(), 1).unwrap().is_none(), "not 5,000 … won of cash");
    assert!(till.sees("창이 열려 있어서 스캔한 상품 1개는 창을 닫으면 담을게요."), "{:?}", till.texts());
    assert_eq!(till.lines(), 1, "held while the cash panel is open");
    till.send(Message::Hotkey(nanum::ui::app::Hotkey::Escape));
    assert_eq!(till.lines(), 2, "the scan became an item once the panel closed");
    assert!(till.sees("남성 의류 5,000원을 담았어요."));
    assert!(till.sees("8,500원"));

    // Keys no field takes (nothing focused), each stamped with when it came. A person's pace
    // (200 ms a key) is not a scan; a scanner's (5 ms a key, under the 35 ms gap) is.
    let typed_at = |start: Instant, gap_ms: u64, till: &mut Till| {
        let mut at = start;
        for c in nanum::demo::demo_ean(1).chars() {
            till.send(Message::LooseKey(c.to_string(), at));
            at += Duration::from_millis(gap_ms);
        }
        till.send(Message::LooseEnter(at));
    };
    let start = Instant::now();
    typed_at(start, 200, &mut till);
    assert_eq!(till.lines(), 2, "13 keys at a person's pace are not a scan");
    typed_at(start + Duration::from_secs(10), 5, &mut till);
    assert_eq!(till.lines(), 3);
    assert!(till.sees_part("공정무역 드립백 커피"));

    // With the Korean input mode on, the scanner's P arrives as ㅔ and is read as P.
    till.enter(checkout::SCAN_INPUT, &tag(3, 2000, 0).replacen('P', "ㅔ", 1));
    assert_eq!(till.lines(), 4);
    assert!(till.sees("아동 의류 2,000원을 담았어요."));
}

#[test]
fn a_scan_on_the_login_screen_is_not_a_wrong_pin() {
    let mut till = till_with(|_, _| {});
    till.click("이서준");
    till.enter(login::PIN_INPUT, &tag(1, 3500, 0));
    assert!(till.sees("바코드가 읽혔어요. 먼저 로그인해 주세요."));
    till.enter(login::PIN_INPUT, "2222");
    assert!(till.app.on_duty().is_some(), "no wrong PIN was counted and the right one works");
}

#[test]
fn a_printer_pulled_mid_receipt_leaves_the_sale_and_a_retry_button() {
    let mut till = till_with(|config, dir| {
        config.printer.spec = format!("serial:{}?baud=9600", dir.join("printer").display());
    });
    let link = till.dir.path().join("printer");
    let pulled = FakePrinter::plug_in(&link, READY, Some(250));
    signed_in(&mut till, "이서준", "2222");
    till.enter(checkout::SCAN_INPUT, &tag(1, 3500, 0));
    till.click("현금 결제");
    till.enter(checkout::ENTRY_INPUT, "5000");
    assert!(till.sees("결제가 끝났어요"));
    till.settle();
    assert!(till.sees_part("영수증이 인쇄되지 않았어요"), "the cashier is told");
    assert!(till.sees("인쇄 실패 1건"));
    assert_eq!(till.app.store().sale(today(), 1).unwrap().map(|s| s.total.get()), Some(3500));
    pulled.unplug();

    // The cash receipt opens the drawer: printing it again needs a manager, now.
    let back = FakePrinter::plug_in(&link, READY, None);
    till.click("다시 인쇄");
    assert!(till.sees("\"영수증 0001\" 다시 인쇄 (돈통이 열려요)"), "{:?}", till.texts());
    till.enter(nanum::ui::approval::PIN_INPUT, "1234");
    till.settle();
    assert!(till.sees("영수증을 출력했어요."), "{:?}", till.texts());
    let approvals = till.journal("approval");
    assert_eq!(approvals.len(), 1);
    assert_eq!(approvals[0]["approval"]["action"], "drawer_retry");
    assert_eq!(approvals[0]["requested_by"], staff(till.app.store(), "이서준").uuid.as_str());
    assert_eq!(approvals[0]["approved_by"], staff(till.app.store(), "김민지").uuid.as_str());
    assert!(!till.sees("인쇄 실패 1건"));
    let lines = text_lines(&decode(&back.wait_for_cut()).unwrap());
    assert!(lines.iter().any(|l| l.starts_with("거스름돈") && l.ends_with(" 1,500")));

    // A reprint is marked and does not open the drawer.
    let before = back.bytes().len();
    till.click("영수증 재발행");
    till.settle();
    let reprint = decode(&back.bytes()[before..]).unwrap();
    assert!(text_lines(&reprint).iter().any(|l| l.trim() == "[재발행]"));
    assert!(!reprint.iter().any(|e| matches!(e, Event::Drawer { .. })));
}

#[test]
fn the_drawer_opens_without_a_sale_only_with_a_managers_pin() {
    let mut till = till_with(|_, _| {});
    signed_in(&mut till, "이서준", "2222");
    till.click("돈통 열기");
    assert!(till.sees("판매 없이 돈통 열기"));
    till.enter(nanum::ui::approval::PIN_INPUT, "2222");
    assert!(till.sees("PIN이 맞지 않아요. 4번 더 틀리면 1분 동안 잠겨요."), "{:?}", till.texts());
    till.settle();
    assert!(!till.printer_file().exists(), "no kick for a wrong PIN");

    till.enter(nanum::ui::approval::PIN_INPUT, "1234");
    assert!(till.sees("돈통을 열었어요. 기록에 남겼어요."));
    till.settle();
    let events = decode(&std::fs::read(till.printer_file()).unwrap()).unwrap();
    assert!(events.contains(&Event::Drawer { pin: 0, on: 25, off: 250 }));
    let approvals = till.journal("approval");
    let cashier = staff(till.app.store(), "이서준");
    let manager = staff(till.app.store(), "김민지");
    assert_eq!(approvals.len(), 1);
    assert_eq!(approvals[0]["approval"]["action"], "no_sale");
    assert_eq!(
        (approvals[0]["requested_by"].as_str(), approvals[0]["approved_by"].as_str()),
        (Some(cashier.uuid.as_str()), Some(manager.uuid.as_str()))
    );
}

#[test]
fn a_cash_receipt_that_failed_before_a_restart_does_not_open_the_drawer_by_itself() {
    let mut till = till_with(|config, dir| config.printer.spec = format!("usb:{}", dir.join("no-printer").display()));
    signed_in(&mut till, "이서준", "2222");
    till.enter(checkout::SCAN_INPUT, &tag(1, 3500, 0));
    till.click("현금 결제");
    till.enter(checkout::ENTRY_INPUT, "5000");
    till.settle();
    assert!(till.sees("인쇄 실패 1건"));

    // The till restarts (the printer is back): the receipt is still there, failed, and with
    // nobody signed in it cannot be printed again.
    let Till { app, dir, .. } = till;
    let path = app.store().path().to_path_buf();
    drop(app);
    let mut till = Till::on(nanum::store::Store::open(&path).unwrap(), dir, |_, _| {});
    till.settle();
    assert!(till.sees("인쇄 실패 1건"), "{:?}", till.texts());
    assert!(!till.printer_file().exists(), "nothing printed, no drawer opened");
    till.click("인쇄 실패 1건");
    assert!(till.sees("돈통을 여는 영수증은 로그인한 뒤 매니저 승인을 받아야 다시 인쇄할 수 있어요."));
    till.click("다시 인쇄 (매니저 승인)");
    assert!(!till.sees("\"영수증 0001\" 다시 인쇄 (돈통이 열려요)"), "no approval panel for nobody");

    // Signed in, with a manager's PIN, it prints and opens the drawer.
    till.click("닫기");
    signed_in(&mut till, "이서준", "2222");
    till.click("인쇄 실패 1건");
    till.click("다시 인쇄 (매니저 승인)");
    till.enter(nanum::ui::approval::PIN_INPUT, "1234");
    till.settle();
    let events = decode(&std::fs::read(till.printer_file()).unwrap()).unwrap();
    assert!(events.iter().any(|e| matches!(e, Event::Drawer { .. })));
    assert!(!till.sees("인쇄 실패 1건"));
}

#[test]
fn device_settings_are_for_managers_and_are_saved_and_tried() {
    let mut till = till_with(|_, _| {});
    signed_in(&mut till, "이서준", "2222");
    assert!(!till.sees("기기 설정"), "not for cashiers");
    till.click("로그아웃");
    signed_in(&mut till, "김민지", "1234");
    till.click("기기 설정");
    assert!(till.sees("영수증 프린터"));

    // A test page to a file printer typed in, before saving.
    let test_file = till.dir.path().join("test-page.bin");
    let test_path = test_file.display().to_string();
    till.act(|ui| {
        ui.click(selector::id("printer-target")).unwrap();
        let _ = ui.tap_key(Named::End);
        for _ in 0..200 {
            let _ = ui.tap_key(Named::Backspace);
        }
        let _ = ui.typewrite(&test_path);
    });
    till.click("시험 인쇄");
    // The test page goes through the print queue like every paper.
    till.settle();
    assert!(till.sees("시험 인쇄를 보냈어요. 종이를 확인해 주세요."), "{:?}", till.texts());
    let page = decode(&std::fs::read(&test_file).unwrap()).unwrap();
    let lines = text_lines(&page);
    assert!(lines.iter().any(|l| l.trim() == "프린터 시험 인쇄"));
    assert!(lines.iter().any(|l| l.contains("다람쥐 헌 쳇바퀴에 타고파")));
    assert!(page.contains(&Event::Barcode { system: 73, data: "NANUM-TEST-0123".into() }));
    assert!(!page.iter().any(|e| matches!(e, Event::Drawer { .. })));

    // The scanner test box shows the bytes and the code.
    till.send(Message::Scanner(ScannerEvent::Raw(b"P0\r".to_vec())));
    till.send(Message::Scanner(ScannerEvent::Scan("P0".into())));
    assert!(till.sees("받은 바이트: 50 30 0D "));
    assert!(till.sees("읽은 바코드: P0"));

    // A bad pulse time is refused; a good setting is saved to config.toml.
    till.act(|ui| {
        ui.click(selector::id("drawer-pulse")).unwrap();
        let _ = ui.tap_key(Named::End);
        let _ = ui.tap_key(Named::Backspace);
        let _ = ui.tap_key(Named::Backspace);
        let _ = ui.typewrite("9000");
    });
    till.click("저장");
    assert!(till.sees("돈통 펄스는 10~500ms 사이로 입력해 주세요."));
    till.act(|ui| {
        ui.click(selector::id("drawer-pulse")).unwrap();
        let _ = ui.tap_key(Named::End);
        for _ in 0..4 {
            let _ = ui.tap_key(Named::Backspace);
        }
        let _ = ui.typewrite("100");
    });
    till.click("저장");
    assert!(till.sees("저장했어요. 바로 적용돼요."), "{:?}", till.texts());
    let saved = Config::load(&till.dir.path().join("config.toml")).unwrap();
    assert_eq!(saved.printer.spec, format!("file:{test_path}"));
    assert_eq!(saved.printer.drawer_pulse_ms, 100);
    assert_eq!(till.app.queue().printer().unwrap().to_string(), format!("file:{test_path}"));
    till.click("닫기");
    assert!(till.sees("현금 결제"));
}
