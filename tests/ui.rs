//! The till as a cashier uses it, through iced_test: click, type, read what the screen shows.
//! The store is a real SQLite file and the printer a real file of ESC/POS bytes.

mod common;

use common::till::Till;
use common::*;
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
    assert!(till.sees("체험용 매장이에요. PIN: 매니저 1234 · 계산원 2222 · 활동천사 3333"));
    till.sign_in("이서준", "9999");
    assert!(till.sees("PIN이 맞지 않아요. 4번 더 틀리면 1분 동안 잠겨요."));
    assert!(till.app.on_duty().is_none());

    till.enter(login::PIN_INPUT, "2222");
    assert_eq!(till.app.on_duty().map(|s| s.name.as_str()), Some("이서준"));
    assert!(till.sees("근무: 이서준 (계산원)"));
    assert!(till.sees("2026-11-25 (수) 14:03"));
    assert!(till.sees("상품을 스캔하거나 아래 분류 버튼을 눌러 주세요."));
}

#[test]
fn five_wrong_pins_lock_for_a_minute_with_a_countdown() {
    let mut till = till();
    till.click("박순자");
    for _ in 0..5 {
        till.enter(login::PIN_INPUT, "0000");
    }
    assert!(till.sees("5번 틀려서 잠겼어요. 60초 뒤에 다시 해 주세요."));
    *till.clock.lock().unwrap() = at(14, 3) + chrono::Duration::seconds(45);
    let _ = till.app.update(Message::Tick);
    assert!(till.sees("5번 틀려서 잠겼어요. 15초 뒤에 다시 해 주세요."));
    // Even the right PIN cannot get in while locked.
    till.enter(login::PIN_INPUT, "3333");
    assert!(till.app.on_duty().is_none());

    *till.clock.lock().unwrap() = at(14, 4) + chrono::Duration::seconds(1);
    let _ = till.app.update(Message::Tick);
    till.enter(login::PIN_INPUT, "3333");
    assert_eq!(till.app.on_duty().map(|s| s.name.as_str()), Some("박순자"));
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
    assert_eq!(till.app.checkout().unwrap().cart().lines().len(), 3);

    let snapshot = till.sim().snapshot(&till.app.theme()).unwrap();
    assert!(snapshot.matches_image("tests/snapshots/checkout").unwrap(), "the checkout screen changed");

    till.click("현금 결제");
    assert!(till.sees("받을 금액"));
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
        .query_row("SELECT kind, payload FROM journal ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!(kind, "sale.committed");
    assert!(payload.contains(&sale.uuid));

    let lines = text_lines(&decode(&till.wait_for_printer()).unwrap());
    assert_eq!(row_value(&lines, "합계").as_deref(), Some("6,500"));
    assert_eq!(row_value(&lines, "받은 금액(현금)").as_deref(), Some("10,000"));
    assert_eq!(row_value(&lines, "거스름돈").as_deref(), Some("3,500"));
    assert!(lines.iter().any(|l| l.starts_with("유아용품") && l.ends_with(" 1,500")));

    // The receipt can be shown on screen, drawn from the same bytes the printer got.
    till.click("영수증 보기");
    assert!(till.sees("상품 목록 보기"));
    let snapshot = till.sim().snapshot(&till.app.theme()).unwrap();
    assert!(snapshot.matches_image("tests/snapshots/receipt-preview").unwrap(), "the receipt preview changed");
    till.click("상품 목록 보기");
    assert!(till.sees("영수증 보기"));

    // Scanning the next item starts the next sale.
    till.enter(checkout::SCAN_INPUT, &tag(2, 5000, 0));
    assert!(till.sees("남성 의류 5,000원을 담았어요."));
    assert_eq!(till.app.checkout().unwrap().cart().total().get(), 5000);
}

#[test]
fn too_little_cash_is_refused_and_the_sale_stays() {
    let mut till = till();
    till.sign_in("이서준", "2222");
    till.enter(checkout::SCAN_INPUT, &tag(1, 3500, 0));
    let _ = till.app.update(Message::Hotkey(nanum::ui::app::Hotkey::Cash));
    till.enter(checkout::ENTRY_INPUT, "3000");
    assert!(till.sees("500원이 모자라요."));
    assert!(till.app.store().sale(today(), 1).unwrap().is_none());
    // Enter on an empty field takes the exact amount.
    for _ in 0..4 {
        till.click("←");
    }
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
    till.click("빼기");
    assert!(till.sees("공정무역 커피 원두 200g을(를) 뺐어요."));
    assert_eq!(till.app.checkout().unwrap().cart().total().get(), 7000);
    till.click("카드 결제");
    till.click("카드 단말기에서 승인됐어요");
    assert!(till.sees("결제가 끝났어요"));
    let sale = till.app.store().sale(today(), 1).unwrap().unwrap();
    assert_eq!(sale.payment.tenders[0].kind, nanum::domain::TenderKind::Card);
    let events = decode(&till.wait_for_printer()).unwrap();
    assert!(!events.iter().any(|e| matches!(e, nanum::hardware::decode::Event::Drawer { .. })));
}

#[test]
fn the_login_screen_looks_the_same() {
    let till = till();
    let snapshot = till.sim().snapshot(&till.app.theme()).unwrap();
    assert!(snapshot.matches_image("tests/snapshots/login").unwrap(), "the login screen changed");
}
