//! The till as a cashier uses it, through iced_test: click, type, read what the screen shows.
//! The store is a real SQLite file and the printer a real file of ESC/POS bytes; sign-ins and
//! commits run on the store's worker thread as they do in the app.

mod common;

use common::till::{SMALL, Till, WIDE};
use common::*;
use nanum::domain::Pin;
use nanum::hardware::decode::{decode, row_value, text_lines};
use nanum::ui::Message;
use nanum::ui::screen::{checkout, login};

fn till() -> Till {
    Till::new(|_, _| {})
}

#[test]
fn a_wrong_pin_is_refused_and_the_right_one_opens_the_checkout() {
    let mut till = till();
    assert!(till.sees("누가 일하나요?"));
    assert!(
        till.sees("체험용 매장이에요. PIN: 매니저 1234 · 계산원 2222 · 봉사자 3333 (봉사자는 출근한 뒤 로그인해요)")
    );
    till.sign_in("이서준", "9999");
    assert!(till.sees("PIN이 맞지 않아요. 4번 더 틀리면 1분 동안 잠겨요."), "{:?}", till.texts());
    assert!(till.app.on_duty().is_none());

    till.enter(login::PIN_INPUT, "2222");
    assert_eq!(till.app.on_duty().map(|s| s.name.as_str()), Some("이서준"));
    till.resize(WIDE);
    assert!(till.sees("근무: 이서준 (계산원)"));
    assert!(till.sees("2026-11-25 (수) 14:03"));
    till.resize(SMALL);
    assert!(till.sees("이서준") && till.sees("11-25 (수) 14:03"), "less room: the name and a shorter date");
    assert!(till.sees("상품을 스캔하거나 아래 분류 버튼을 눌러 주세요."));
    assert!(till.sees("오늘의 택 색상") && till.sees("50% 할인"), "the colour calendar: {:?}", till.texts());
    till.picture("checkout-empty");
}

/// Types `pin` and presses OK the way the screen's messages do, even where the field and the
/// button are disabled: to show the PIN is refused by the store, not just by the screen.
fn force_pin(till: &mut Till, pin: &str) {
    till.send(Message::Login(login::Message::Pin(nanum::ui::pin_pad::Key::Typed(Pin::typed(pin)))));
    till.send(Message::Login(login::Message::Submit));
}

#[test]
fn five_wrong_pins_lock_for_a_minute_with_a_countdown_and_the_right_pin_is_refused_meanwhile() {
    let mut till = till();
    till.click("이서준");
    for _ in 0..5 {
        till.enter(login::PIN_INPUT, "0000");
    }
    assert!(till.sees("PIN을 5번 틀려서 잠겼어요. 1분 뒤에 다시 해 주세요."), "{:?}", till.texts());
    assert_eq!(till.journal("staff.locked_out").len(), 1, "the lockout is journaled");
    till.wait(chrono::Duration::seconds(45));
    assert!(till.sees("PIN을 5번 틀려서 잠겼어요. 15초 뒤에 다시 해 주세요."));

    // The right PIN, really tried while locked, does not get in.
    force_pin(&mut till, "2222");
    assert!(till.app.on_duty().is_none());
    assert_eq!(till.journal("staff.signed_in").len(), 0);
    assert!(till.sees("PIN을 5번 틀려서 잠겼어요. 15초 뒤에 다시 해 주세요."), "{:?}", till.texts());

    till.wait(chrono::Duration::seconds(16));
    till.enter(login::PIN_INPUT, "2222");
    assert_eq!(till.app.on_duty().map(|s| s.name.as_str()), Some("이서준"));
}

#[test]
fn setting_the_wall_clock_forward_does_not_end_a_lockout() {
    let mut till = till();
    till.click("이서준");
    for _ in 0..5 {
        till.enter(login::PIN_INPUT, "0000");
    }
    // Someone moves the clock a day ahead; the machine's own clock says seconds have passed.
    *till.clock.lock().unwrap() += chrono::Duration::days(1);
    till.wait(chrono::Duration::seconds(5));
    till.click("다른 사람");
    till.click("이서준");
    force_pin(&mut till, "2222");
    assert!(till.app.on_duty().is_none());
    assert!(till.sees("PIN을 5번 틀려서 잠겼어요. 55초 뒤에 다시 해 주세요."), "{:?}", till.texts());
}

#[test]
fn a_cash_sale_from_scan_to_change_to_receipt() {
    let mut till = till();
    till.sign_in("이서준", "2222");

    // Two price-point tags (one four weeks old, so half price) and a book by category key.
    till.enter(checkout::SCAN_INPUT, &tag(1, 3500, 0));
    assert!(till.sees("여성 의류 3,500원을 담았어요."));
    till.enter(checkout::SCAN_INPUT, &tag(12, 3000, 4));
    assert!(till.sees_part("정가 3,000원 · 4주 경과 50% 할인"), "the markdown is explained on the line");
    till.click("도서");
    assert!(till.sees("도서 가격을 입력하세요"));
    till.enter(checkout::ENTRY_INPUT, "1500");
    assert!(till.sees("6,500원"), "the total");
    assert!(till.sees("4,545원") && till.sees("455원"), "supply and VAT of the taxable 5,000 won");

    // A misread adds nothing and says why.
    till.enter(checkout::SCAN_INPUT, "P012000350026268");
    assert!(till.sees("가격 택 바코드의 검증 숫자가 맞지 않아요. 잘못 읽혔거나 잘못 입력됐어요."));
    assert_eq!(till.lines(), 3);

    for (size, name) in [(SMALL, "checkout-1024x768"), (WIDE, "checkout-1366x768")] {
        till.resize(size);
        assert!(till.looks_like(name), "the checkout at {size:?} changed");
    }

    till.click("현금 결제");
    assert!(till.sees("결제") && till.sees("받은 금액"), "{:?}", till.texts());
    till.enter(checkout::ENTRY_INPUT, "10000");
    assert!(till.sees("결제가 끝났어요"));
    assert!(till.sees("3,500원"), "the change, in large type");
    assert!(till.sees("거래번호 0001"));

    let sale = till.app.store().sale(today(), 1).unwrap().expect("the sale is in the database");
    assert_eq!((sale.total.get(), sale.payment.change.get(), sale.lines.len()), (6500, 3500, 3));
    assert_eq!(sale.staff_name, "이서준");
    let (kind, payload): (String, String) = till
        .app
        .store()
        .reader()
        .query_row("SELECT kind, journal_text(payload) FROM journal WHERE kind = 'sale.committed'", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(kind, "sale.committed");
    assert!(payload.contains(&sale.uuid));
    assert_eq!(
        count(&till.dir.path().join("store.db"), "SELECT count(*) FROM carts"),
        0,
        "the cart went with the sale"
    );

    let events = decode(&till.wait_for_printer()).unwrap();
    let lines = text_lines(&events);
    assert_eq!(row_value(&lines, "합계").as_deref(), Some("6,500"));
    assert_eq!(row_value(&lines, "받은 금액(현금)").as_deref(), Some("10,000"));
    assert_eq!(row_value(&lines, "거스름돈").as_deref(), Some("3,500"));
    assert!(lines.iter().any(|l| l.starts_with("유아용품") && l.ends_with(" 1,500")));

    // The receipt can be shown on screen, drawn from the same bytes the printer got.
    till.click("영수증 보기");
    assert!(till.sees("상품 목록 보기"));
    assert!(till.looks_like("receipt-preview-1366x768"), "the receipt preview changed");
    // The preview is the paper: the drawer's pulse is not drawn as words, and each character
    // sits in the middle of its cells, so "6,500" is not drawn as "6, 500".
    assert!(events.iter().any(|e| matches!(e, nanum::hardware::decode::Event::Drawer { .. })));
    let paper = nanum::ui::preview::Paper::new(&events, 42);
    let drawn: Vec<String> = paper.drawn().iter().map(|line| line.iter().map(|(c, _)| c).collect()).collect();
    let printed: Vec<String> = lines.iter().map(|l| l.chars().filter(|c| *c != ' ').collect()).collect();
    for line in &drawn {
        let barcode = line.chars().all(|c| c.is_ascii_alphanumeric());
        assert!(printed.contains(line) || barcode, "drawn but not printed: {line:?} ({printed:?})");
    }
    let total = paper.drawn().into_iter().find(|l| l.first().map(|(c, _)| *c) == Some('합')).unwrap();
    let amount: Vec<f32> = total.iter().skip_while(|(c, _)| !c.is_ascii_digit()).map(|(_, x)| *x).collect();
    assert_eq!(amount.len(), 5, "{total:?}");
    assert!(amount.windows(2).all(|w| (w[1] - w[0] - amount[1] + amount[0]).abs() < 0.01), "even cells: {amount:?}");
    till.click("상품 목록 보기");
    assert!(till.sees("영수증 보기"));

    // Scanning the next item starts the next sale.
    till.enter(checkout::SCAN_INPUT, &tag(2, 5000, 0));
    assert!(till.sees("남성 의류 5,000원을 담았어요."));
    assert_eq!(till.app.checkout().unwrap().cart().total().get(), 5000);
}

#[test]
fn the_change_shows_as_the_amount_is_typed_with_separators() {
    let mut till = till();
    till.sign_in("이서준", "2222");
    till.enter(checkout::SCAN_INPUT, &tag(1, 9500, 0));
    till.send(Message::Hotkey(nanum::ui::app::Hotkey::Cash));
    assert!(till.sees("9,500원"), "the total stays large");
    till.act(|ui| {
        ui.click(iced_test::selector::id(checkout::ENTRY_INPUT)).unwrap();
        let _ = ui.typewrite("5000");
    });
    assert!(till.sees("[5,000]".trim_matches(['[', ']'])) && till.sees("모자라요"), "{:?}", till.texts());
    assert!(till.sees("4,500원"));
    till.act(|ui| {
        ui.click(iced_test::selector::id(checkout::ENTRY_INPUT)).unwrap();
        let _ = ui.typewrite("0");
    });
    assert!(till.sees("50,000"), "{:?}", till.texts());
    assert!(till.sees("거스름돈") && till.sees("40,500원"), "{:?}", till.texts());
    assert!(till.app.store().sale(today(), 1).unwrap().is_none(), "nothing is paid while typing");
    assert!(till.looks_like("cash-1024x768"), "the cash panel changed");
}

#[test]
fn too_little_cash_is_part_paid_and_can_be_taken_back() {
    let mut till = till();
    till.sign_in("이서준", "2222");
    till.enter(checkout::SCAN_INPUT, &tag(1, 3500, 0));
    till.send(Message::Hotkey(nanum::ui::app::Hotkey::Cash));
    till.enter(checkout::ENTRY_INPUT, "3000");
    till.picture("pay-part-cash");
    assert!(till.sees("남은 금액 500원을 받아 주세요."), "{:?}", till.texts());
    assert!(till.app.store().sale(today(), 1).unwrap().is_none(), "nothing is written until it is all paid");
    // A mistake: the 3,000 is taken back, and Enter on the empty field takes the exact amount.
    till.click("방금 받은 돈 취소");
    assert!(!till.sees("남은 금액"));
    till.enter(checkout::ENTRY_INPUT, "");
    assert!(till.sees("결제가 끝났어요"));
    assert_eq!(till.app.store().sale(today(), 1).unwrap().map(|s| s.payment.change.get()), Some(0));
}

#[test]
fn a_card_sale_and_removing_a_line() {
    let mut till = till();
    till.sign_in("김민지", "1234");
    till.enter(checkout::SCAN_INPUT, &nanum::demo::demo_ean(0));
    till.enter(checkout::SCAN_INPUT, &tag(5, 7000, 0));
    till.enter(checkout::SCAN_INPUT, &nanum::demo::demo_ean(0));
    assert!(till.sees_part("12,000원 × 2"), "the second scan of a product adds to its quantity");
    till.act(|ui| {
        ui.click(common::till::shown("빼기")).unwrap();
    });
    assert!(till.sees("공정무역 커피 원두 200g을 뺐어요."), "{:?}", till.texts());
    assert_eq!(till.app.checkout().unwrap().cart().total().get(), 7000);
    till.click("카드 결제");
    till.click("승인 완료");
    assert!(till.sees("결제가 끝났어요"));
    let sale = till.app.store().sale(today(), 1).unwrap().unwrap();
    assert_eq!(sale.payment.tenders[0].kind, nanum::domain::TenderKind::Card);
    let events = decode(&till.wait_for_printer()).unwrap();
    assert!(!events.iter().any(|e| matches!(e, nanum::hardware::decode::Event::Drawer { .. })));
}

#[test]
fn the_login_screen_looks_the_same_at_both_till_sizes() {
    let mut till = till();
    for (size, name) in [(SMALL, "login-1024x768"), (WIDE, "login-1366x768")] {
        till.resize(size);
        assert!(till.looks_like(name), "the login screen at {size:?} changed");
    }
    till.click("이서준");
    till.resize(SMALL);
    assert!(till.looks_like("pin-1024x768"), "the PIN screen changed");
}

/// A panic in work the screen hands to a thread of its own (joining head office, making the
/// store, saving diagnostics) comes back as a sentence for the screen; it used to panic the
/// screen's thread and close the till.
#[test]
fn a_panic_off_the_screens_thread_becomes_a_message() {
    let out = futures::executor::block_on(nanum::ui::off_thread(|| -> Result<u32, String> { panic!("a bug") }));
    assert_eq!(out, Err(nanum::t!("error-job-crashed")));
    let fine = futures::executor::block_on(nanum::ui::off_thread(|| -> Result<u32, String> { Ok(7) }));
    assert_eq!(fine, Ok(7));
}

/// A wedge scanner fired while the cash panel's amount field has the focus: the field shows
/// amounts grouped with commas and keeps only digits, so the code must come from the keys typed,
/// not from the field's text. Each code (a stock item's EAN-13, a price tag with its letter and
/// leading zeros) is held and added when the panel closes; the amount typed before stays. The
/// EAN used to come out as "88,099,9009" and be refused as 11 digits, and a tag lost its letter.
#[test]
fn a_scan_into_the_amount_field_is_read_from_the_keys_not_the_grouped_text() {
    let mut till = till();
    till.sign_in("이서준", "2222");
    till.enter(checkout::SCAN_INPUT, &tag(1, 9500, 0));
    till.send(Message::Hotkey(nanum::ui::app::Hotkey::Cash));
    // The cashier starts on the amount with the keypad.
    till.click("5");
    till.click("0");
    assert!(till.sees("50"), "{:?}", till.texts());
    let ean = nanum::demo::demo_ean(1);
    let price_tag = tag(2, 2000, 0);
    for code in [ean.as_str(), price_tag.as_str()] {
        till.act(|ui| {
            ui.click(iced_test::selector::id(checkout::ENTRY_INPUT)).unwrap();
            let _ = ui.typewrite(code);
            let _ = ui.tap_key(iced::keyboard::key::Named::Enter);
        });
    }
    assert!(till.sees("창이 열려 있어서 스캔한 상품 2개는 창을 닫으면 담을게요."), "{:?}", till.texts());
    assert!(till.sees("50"), "the amount typed before the scans stays: {:?}", till.texts());
    assert_eq!(till.lines(), 1, "nothing is added while the panel is open");
    till.click("돌아가기");
    let cart = till.app.checkout().unwrap().cart().clone();
    let codes: Vec<_> = cart.lines().iter().map(|l| l.code.clone().unwrap_or_default()).collect();
    assert_eq!(codes, [tag(1, 9500, 0), ean, price_tag], "{:?}", till.texts());
}

/// Every tile of the work menu opens what it names: clicked as a manager would, from the menu.
#[test]
fn every_tile_of_the_work_menu_does_what_it_says() {
    let mut till = till();
    till.sign_in("김민지", "1234");
    for (tile, shows) in [
        ("판매", "합계"),
        ("기증 받기", "기증"),
        ("가격 매기기", "가격"),
        ("회수·재고", "회수"),
        ("계산대", "계산대"),
        ("보고서", "매출"),
        ("봉사 관리", "봉사"),
        ("기록 보기", "기록"),
        ("매장 설정", "매장"),
    ] {
        till.send(Message::OpenMenu);
        assert!(till.sees("무엇을 할까요?"), "{tile}: the menu is open");
        till.click(tile);
        assert!(!till.sees("무엇을 할까요?"), "{tile} did nothing: {:?}", till.texts());
        assert!(till.sees_part(shows), "{tile}: {:?}", till.texts());
    }
}

/// A card's amount starts at what is left; typing over it replaces it, as on a calculator,
/// instead of running on after it (41,700 then 3 used to give 417,003).
#[test]
fn a_card_amount_typed_over_the_one_put_there_replaces_it() {
    let mut till = till();
    till.sign_in("이서준", "2222");
    till.enter(checkout::SCAN_INPUT, &tag(1, 9500, 0));
    till.send(Message::Hotkey(nanum::ui::app::Hotkey::Card));
    assert!(till.texts().contains(&"[9,500]".to_string()), "what is left: {:?}", till.texts());
    // A key at a time, the screen drawn between keys, as a person types.
    for key in ["3", "0", "0", "0"] {
        till.act(|ui| {
            ui.click(iced_test::selector::id(checkout::ENTRY_INPUT)).unwrap();
            let _ = ui.typewrite(key);
        });
    }
    assert!(till.texts().contains(&"[3,000]".to_string()), "{:?}", till.texts());
    // Typed on from there, it runs on as usual; C and ← are on the pad.
    till.click("0");
    assert!(till.texts().contains(&"[30,000]".to_string()), "{:?}", till.texts());
    till.click("←");
    till.click("C");
    assert!(till.texts().contains(&"[카드 금액]".to_string()), "emptied: {:?}", till.texts());
    // An amount too large is said as an amount, not a price.
    for _ in 0..11 {
        till.act(|ui| {
            ui.click(iced_test::selector::id(checkout::ENTRY_INPUT)).unwrap();
            let _ = ui.typewrite("9");
        });
    }
    till.click("승인 완료");
    assert!(till.sees_part("금액이 너무 커요"), "{:?}", till.texts());
}
