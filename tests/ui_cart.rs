//! The sale being rung up survives whatever happens to the till: it is saved line by line,
//! offered back after a crash or a sign-out, and every line taken out or sale cancelled is in
//! the journal. Paying is saved off the UI thread, and a second press does not pay twice.

mod common;

use common::till::Till;
use common::*;
use nanum::store::Store;
use nanum::ui::Message;
use nanum::ui::screen::checkout;

fn till() -> Till {
    Till::new(|_, _| {})
}

/// A till that crashed: the app goes without signing out or saving anything more, and a new
/// one starts on the same store file.
fn crash_and_restart(till: Till) -> Till {
    let Till { app, dir, .. } = till;
    let path = app.store().path().to_path_buf();
    drop(app);
    let store = Store::open(&path).unwrap();
    Till::on(store, dir, |_, _| {})
}

#[test]
fn a_cart_left_by_a_crash_is_offered_at_the_next_sign_in_and_can_be_paid() {
    let mut till = till();
    till.sign_in("이서준", "2222");
    till.enter(checkout::SCAN_INPUT, &tag(1, 3500, 0));
    till.enter(checkout::SCAN_INPUT, &nanum::demo::demo_ean(0));
    till.click("+");
    assert_eq!(till.app.checkout().unwrap().cart().total().get(), 3500 * 2 + 12_000);

    let mut till = crash_and_restart(till);
    assert!(till.app.on_duty().is_none());
    till.sign_in("김민지", "1234");
    assert!(till.sees("계산하던 판매가 남아 있어요"), "{:?}", till.texts());
    assert!(till.sees("이서준님이 14:03에 계산하던 상품 3개예요. 이어서 계산할까요?"), "{:?}", till.texts());
    // The next customer's item is scanned before anyone answers: it waits, then joins the sale.
    till.send(Message::Scanner(nanum::hardware::scanner::ScannerEvent::Scan(tag(2, 2000, 0))));
    assert_eq!(till.lines(), 0);
    till.click("이어서 계산하기");
    assert_eq!(till.app.checkout().unwrap().cart().total().get(), 21_000, "the held scan is added");
    assert!(till.sees("남성 의류 2,000원을 담았어요."), "{:?}", till.texts());
    till.click("카드 결제");
    till.click("승인 완료");
    let sale = till.app.store().sale(today(), 1).unwrap().expect("paid after the restart");
    assert_eq!((sale.total.get(), sale.staff_name.as_str(), sale.lines[0].quantity), (21_000, "김민지", 2));

    // Nothing is offered after that.
    let mut till = crash_and_restart(till);
    till.sign_in("이서준", "2222");
    assert!(!till.sees("계산하던 판매가 남아 있어요"));
}

#[test]
fn a_left_cart_can_be_cancelled_instead_and_that_is_journaled() {
    let mut till = till();
    till.sign_in("이서준", "2222");
    till.enter(checkout::SCAN_INPUT, &tag(4, 6000, 0));
    let mut till = crash_and_restart(till);
    till.sign_in("이서준", "2222");
    till.click("취소하고 새로 시작");
    assert!(till.app.checkout().unwrap().cart().is_empty());
    let cancelled = till.journal("cart.cancelled");
    assert_eq!(cancelled.len(), 1);
    assert_eq!(cancelled[0]["total"], 6000);
    assert_eq!(cancelled[0]["lines"][0]["name_ko"], "신발");
}

#[test]
fn quantities_go_up_and_down_and_every_unit_taken_out_is_journaled() {
    let mut till = till();
    till.sign_in("이서준", "2222");
    till.enter(checkout::SCAN_INPUT, &nanum::demo::demo_ean(4));
    till.click("+");
    till.click("+");
    assert!(till.sees_part("3,500원 × 3"));
    till.click("−");
    assert!(till.sees_part("3,500원 × 2"));
    assert_eq!(till.app.checkout().unwrap().cart().total().get(), 7000);
    let removed = till.journal("cart.line_removed");
    assert_eq!(removed.len(), 1);
    assert_eq!(
        (removed[0]["line"]["quantity"].as_u64(), removed[0]["line"]["code"].as_str()),
        (Some(1), Some(nanum::demo::demo_ean(4).as_str()))
    );

    // A one-of-a-kind item has no + and −.
    let item = nanum::store::ItemSetup {
        serial: 9,
        description: "가죽 재킷".into(),
        category: "002".into(),
        price: nanum::domain::Won::new(35_000),
        condition: nanum::domain::Condition::Good,
        intake_date: today(),
    };
    let mut store = Store::open(till.app.store().path()).unwrap();
    let item = store.add_items(&[item], None, at(9, 0)).unwrap().pop().unwrap();
    till.enter(checkout::SCAN_INPUT, &item);
    assert_eq!(till.lines(), 2);
    till.send(Message::Checkout(checkout::Message::More(1)));
    assert!(till.sees("하나뿐인 물건이라 수량을 바꿀 수 없어요."));
    assert_eq!(till.app.checkout().unwrap().cart().lines()[1].quantity, 1);
}

#[test]
fn cancelling_the_whole_sale_asks_first_and_journals_its_lines() {
    let mut till = till();
    till.sign_in("이서준", "2222");
    till.enter(checkout::SCAN_INPUT, &tag(1, 3500, 0));
    till.enter(checkout::SCAN_INPUT, &tag(7, 2000, 0));
    till.click("전체 취소");
    assert!(till.sees("이 판매를 모두 취소할까요?"));
    assert!(till.sees("담긴 상품 2개, 합계 5,500원이 모두 빠져요. 취소한 내용은 기록에 남아요."));
    till.click("돌아가기");
    assert_eq!(till.lines(), 2, "going back keeps everything");
    assert!(till.journal("cart.cancelled").is_empty());

    till.click("전체 취소");
    till.act(|ui| {
        ui.click(common::till::shown("전체 취소")).unwrap();
    });
    assert_eq!(till.lines(), 0);
    assert!(till.sees("판매를 취소했어요 (상품 2개). 기록에 남겼어요."), "{:?}", till.texts());
    let cancelled = till.journal("cart.cancelled");
    assert_eq!(cancelled.len(), 1);
    assert_eq!(cancelled[0]["lines"].as_array().map(Vec::len), Some(2));
    assert_eq!(count(&till.dir.path().join("store.db"), "SELECT count(*) FROM carts"), 0);
}

#[test]
fn signing_out_with_items_asks_and_keeps_them_for_the_next_sign_in() {
    let mut till = till();
    till.sign_in("이서준", "2222");
    till.enter(checkout::SCAN_INPUT, &tag(1, 3500, 0));
    till.click("로그아웃");
    assert!(till.sees("계산 중인 상품이 있어요"));
    assert!(till.app.on_duty().is_some(), "not yet");
    till.click("보관하고 로그아웃 (이 계산대에서 다음에 이어서 계산)");
    assert!(till.app.on_duty().is_none());
    assert!(till.sees("누가 일하나요?"));
    till.start_shift("박순자", "3333", "계산대");
    till.sign_in("박순자", "3333");
    assert!(till.sees("계산하던 판매가 남아 있어요"));

    // Cancelling on the way out journals the lines and leaves nothing for next time.
    till.click("이어서 계산하기");
    till.click("로그아웃");
    till.click("판매를 취소하고 로그아웃");
    assert!(till.app.on_duty().is_none());
    till.sign_in("이서준", "2222");
    assert!(!till.sees("계산하던 판매가 남아 있어요"));
    assert_eq!(till.journal("cart.cancelled").len(), 1);
}

#[test]
fn a_second_press_while_the_sale_is_saved_does_not_pay_twice() {
    let mut till = till();
    till.sign_in("이서준", "2222");
    till.enter(checkout::SCAN_INPUT, &tag(1, 3500, 0));
    till.send(Message::Hotkey(nanum::ui::app::Hotkey::Cash));
    // Enter twice before the first commit has answered: the second does nothing.
    let first = till.app.update(Message::Checkout(checkout::Message::EntrySubmitted));
    assert!(till.app.checkout().unwrap().committing());
    assert!(till.sees("판매를 저장하고 있어요…"));
    let second = till.app.update(Message::Checkout(checkout::Message::EntrySubmitted));
    assert_eq!(second.units(), 0, "the second press starts nothing");
    till.run(first);
    till.run(second);
    assert!(till.sees("결제가 끝났어요"));
    assert_eq!(till.app.store().last_sale_no(today()).unwrap(), Some(1));
}

#[test]
fn a_scan_while_a_panel_is_open_waits_for_it_to_close() {
    let mut till = till();
    till.sign_in("이서준", "2222");
    till.click("도서");
    // A serial scanner reads a tag while the price panel is open.
    till.send(Message::Scanner(nanum::hardware::scanner::ScannerEvent::Scan(tag(2, 5000, 0))));
    assert_eq!(till.lines(), 0, "not added to the sale under the panel");
    assert!(till.sees("창이 열려 있어서 스캔한 상품 1개는 창을 닫으면 담을게요."));
    till.enter(checkout::ENTRY_INPUT, "2000");
    let cart = till.app.checkout().unwrap().cart().clone();
    let names: Vec<&str> = cart.lines().iter().map(|l| l.name_ko.as_str()).collect();
    assert_eq!(names, ["도서", "남성 의류"], "the price went to the book, the scan in after");
}

#[test]
fn todays_sales_are_found_by_number_or_amount_and_reprinted() {
    let mut till = till();
    till.sign_in("이서준", "2222");
    for (code, cash) in [(tag(1, 3500, 0), "5000"), (tag(2, 6500, 0), "10000"), (tag(3, 2000, 0), "2000")] {
        till.enter(checkout::SCAN_INPUT, &code);
        till.send(Message::Hotkey(nanum::ui::app::Hotkey::Cash));
        till.enter(checkout::ENTRY_INPUT, cash);
        assert!(till.sees("결제가 끝났어요"));
        till.send(Message::Checkout(checkout::Message::NewSale));
    }
    till.settle();
    till.send(Message::Hotkey(nanum::ui::app::Hotkey::Today));
    assert!(till.sees("오늘 판매"));
    assert!(till.sees("0003") && till.sees("0002") && till.sees("0001"));
    till.enter("today-query", "6,500");
    assert!(till.sees("0002") && !till.sees("0001") && !till.sees("0003"), "{:?}", till.texts());
    let before = std::fs::read(till.printer_file()).unwrap().len();
    till.click("0002");
    till.click("영수증 재발행");
    till.settle();
    let bytes = std::fs::read(till.printer_file()).unwrap();
    let reprint = nanum::hardware::decode::decode(&bytes[before..]).unwrap();
    let lines = nanum::hardware::decode::text_lines(&reprint);
    assert!(lines.iter().any(|l| l.trim() == "[재발행]"));
    assert!(lines.iter().any(|l| l.contains("#0002")));
    assert!(
        !reprint.iter().any(|e| matches!(e, nanum::hardware::decode::Event::Drawer { .. })),
        "a reprint never opens the drawer"
    );
}

/// Regression (seen under Xvfb): a scanner reading two tags back to back types the second code
/// before the screen has cleared the first from the field, and the field handed over both
/// codes run together, which was refused: the second item was lost.
#[test]
fn two_scans_back_to_back_are_two_items() {
    let mut till = till();
    till.sign_in("이서준", "2222");
    let (first, second) = (tag(1, 5000, 0), tag(7, 2000, 1));
    till.act(|ui| {
        ui.click(iced_test::selector::id(checkout::SCAN_INPUT)).unwrap();
        let _ = ui.typewrite(&first);
        let _ = ui.tap_key(iced::keyboard::key::Named::Enter);
        let _ = ui.typewrite(&second);
        let _ = ui.tap_key(iced::keyboard::key::Named::Enter);
    });
    let codes: Vec<Option<String>> =
        till.app.checkout().unwrap().cart().lines().iter().map(|l| l.code.clone()).collect();
    assert_eq!(codes, [Some(first), Some(second)], "{:?}", till.texts());
}

/// Pays the cart with cash as a cashier does, and the till dies the moment the sale is saved:
/// the commit runs on the writer, but its answer (which would print the receipt) never arrives.
fn pay_cash_and_crash_before_the_receipt(mut till: Till) -> Till {
    use futures::StreamExt;
    till.send(Message::Hotkey(nanum::ui::app::Hotkey::Cash));
    let mut ui = till.sim();
    ui.click(iced_test::selector::id(checkout::ENTRY_INPUT)).unwrap();
    let _ = ui.typewrite("10000");
    let _ = ui.tap_key(iced::keyboard::key::Named::Enter);
    let messages: Vec<_> = ui.into_messages().collect();
    for message in messages {
        if let Some(stream) = iced_runtime::task::into_stream(till.app.update(message)) {
            drop(futures::executor::block_on(stream.collect::<Vec<_>>()));
        }
    }
    crash_and_restart(till)
}

fn printed(till: &Till) -> Vec<nanum::hardware::decode::Event> {
    nanum::hardware::decode::decode(&std::fs::read(till.printer_file()).unwrap_or_default()).unwrap()
}

/// A crash between a sale's commit and its receipt (16 of 574 kills in the crash trial, 12 of
/// them leaving no print job at all): at the next start the checkout says the sale is saved
/// and its receipt is not printed, before anything else, so nobody rings the customer up again.
/// Printed then, it is the receipt without the drawer kick; asked once, never again.
#[test]
fn a_crash_between_the_sale_and_its_receipt_is_announced_and_the_receipt_printed() {
    use nanum::hardware::decode::{Event, text_lines};
    let mut till = till();
    till.sign_in("이서준", "2222");
    till.enter(checkout::SCAN_INPUT, &tag(1, 9500, 0));
    let mut till = pay_cash_and_crash_before_the_receipt(till);
    let sale = till.app.store().sale(today(), 1).unwrap().expect("the sale was saved before the crash");
    assert_eq!(sale.total.get(), 9500);
    assert!(printed(&till).is_empty(), "nothing printed before the crash");

    till.sign_in("이서준", "2222");
    assert!(till.sees("영수증을 아직 인쇄하지 않았어요"), "{:?}", till.texts());
    assert!(
        till.sees("#0001 판매는 저장됐고 영수증은 아직 인쇄하지 않았어요. 손님이 계시면 인쇄하고, 가셨으면 건너뛰어요. 다시 계산하지 마세요."),
        "{:?}",
        till.texts()
    );
    // The next customer's item scanned meanwhile waits for the answer.
    till.send(Message::Scanner(nanum::hardware::scanner::ScannerEvent::Scan(tag(2, 2000, 0))));
    assert_eq!(till.lines(), 0);
    till.click("인쇄");
    let lines = text_lines(&decode_whole(&till));
    assert!(lines.iter().any(|l| l.contains("합계")), "{lines:?}");
    assert!(!lines.iter().any(|l| l.contains("[재발행]")), "it never printed before: the original");
    assert!(!printed(&till).iter().any(|e| matches!(e, Event::Drawer { .. })), "no drawer without a manager");
    assert_eq!(till.lines(), 1, "the held scan joins the next sale");
    till.settle();

    // Asked once: not again after the next restart.
    let mut till = crash_and_restart(till);
    till.sign_in("이서준", "2222");
    assert!(!till.sees("영수증을 아직 인쇄하지 않았어요"), "{:?}", till.texts());
}

/// The printer's whole output once a paper has come out.
fn decode_whole(till: &Till) -> Vec<nanum::hardware::decode::Event> {
    nanum::hardware::decode::decode(&till.wait_for_printer()).unwrap()
}

/// A receipt that was on its way to the printer when the till died may have come out: printed
/// again it is marked 재발행; skipped instead, the choice is journaled with who made it.
#[test]
fn an_owed_receipt_that_may_have_printed_is_a_copy_and_one_skipped_is_journaled() {
    let TempStore { dir, mut store } = demo_without_history();
    let cashier = staff(&store, "이서준");
    let till_id = nanum::store::TillId("1".into());
    let manager = staff(&store, "김민지");
    let session = store
        .open_session(&till_id, &manager, nanum::domain::till::Count::of(nanum::domain::Won::new(100_000)), at(9, 0))
        .unwrap();
    let mut sales = Vec::new();
    for (i, price) in [3000, 4000].into_iter().enumerate() {
        let mut cart = nanum::domain::Cart::new();
        cart.add(store.price_scan(&tag(1, price, 0), today()).unwrap().line).unwrap();
        let payment = nanum::domain::Payment::card(cart.total()).unwrap();
        let new = nanum::store::NewSale::new(&cart, &payment, &cashier, &session, at(10, i as u32)).at_till(&till_id);
        sales.push(store.commit_sale(new).unwrap());
    }
    // The first one's job was handed to the printer, and the till died before "printed" was kept.
    store.add_paper(&till_id, "영수증 0001", b"\x1b@", None, false, Some(sales[0].id), at(10, 0)).unwrap();
    let mut till = Till::on(store, dir, |_, _| {});
    till.sign_in("이서준", "2222");
    assert!(till.sees_part("#0001 판매는 저장됐고"), "{:?}", till.texts());
    assert!(till.sees("나눔이 멈출 때 인쇄하던 중이라 이미 나왔을 수도 있어요. 다시 인쇄하면 재발행으로 찍혀요."));
    assert!(till.sees("이 다음에도 1건이 더 있어요."), "{:?}", till.texts());
    till.click("인쇄");
    let lines = nanum::hardware::decode::text_lines(&decode_whole(&till));
    assert!(lines.iter().any(|l| l.contains("[재발행]")), "{lines:?}");
    till.settle();
    assert!(till.sees_part("#0002 판매는 저장됐고"), "{:?}", till.texts());
    till.click("건너뛰기");
    assert!(!till.sees("영수증을 아직 인쇄하지 않았어요"), "{:?}", till.texts());
    let skipped = till.journal("receipt.skipped");
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0]["sale"], sales[1].uuid);
    let owed = till.app.store().owed_receipts(&till_id).unwrap();
    assert!(owed.is_empty(), "{owed:?}");
}

/// Another program holds the store file's write lock for longer than the store waits (10 s):
/// the cart save is tried again in the background until it gets through, so the cart on screen
/// becomes crash-safe as soon as the file is free. It used to fail once ("not saved") and stay
/// unsaved until the next change.
#[test]
fn a_cart_save_that_meets_a_busy_file_is_tried_again_until_it_is_saved() {
    let mut till = till();
    till.sign_in("이서준", "2222");
    let path = till.app.store().path().to_path_buf();
    let (locked, is_locked) = std::sync::mpsc::channel();
    let holder = std::thread::spawn(move || {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        locked.send(()).unwrap();
        std::thread::sleep(std::time::Duration::from_secs(12));
        conn.execute_batch("COMMIT").unwrap();
    });
    is_locked.recv().unwrap();
    // The scan is added at once; its save waits, is refused as busy, and is tried again.
    till.enter(checkout::SCAN_INPUT, &tag(1, 3500, 0));
    holder.join().unwrap();
    assert!(till.sees("담은 상품을 저장했어요."), "{:?}", till.texts());
    let kept = till.app.store().open_cart(&nanum::store::TillId("1".into())).unwrap().expect("the cart is on disk");
    assert_eq!(kept.cart.total().get(), 3500);
}
