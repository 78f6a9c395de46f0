//! Receipts as real ESC/POS bytes, read back with the decoder: what the customer would read,
//! the barcode under it, the drawer kick and the cut.

mod common;

use common::*;
use nanum::domain::Sale;
use nanum::domain::{Cart, Payment, Won};
use nanum::hardware::decode::{Event, decode, row_value, text_lines};
use nanum::hardware::escpos::{PrinterProfile, render};
use nanum::hardware::receipt::{ReceiptOptions, sale_receipt};
use nanum::i18n::columns::display_width;
use nanum::store::NewSale;

fn receipt(t: &TempStore, sale: &Sale, options: ReceiptOptions, columns: usize) -> Vec<Event> {
    let doc = sale_receipt(t.store.info(), sale, options);
    let rendered = render(&doc, &PrinterProfile { columns, ..PrinterProfile::default() }).unwrap();
    assert!(rendered.replaced.is_empty(), "{:?}", rendered.replaced);
    decode(&rendered.bytes).expect("Nanum's receipts use only commands the decoder knows")
}

#[test]
fn a_cash_receipt_reads_right_in_korean() {
    let mut t = demo_without_history();
    let cashier = staff(&t.store, "이서준");
    // 3,500 this week + 3,000 four weeks old (half price, 1,500) + 1,500 by category key.
    let mut cart = Cart::new();
    cart.add(t.store.price_scan(&tag(1, 3500, 0), today()).unwrap().line).unwrap();
    cart.add(t.store.price_scan(&tag(12, 3000, 4), today()).unwrap().line).unwrap();
    let books = t.store.category("007").unwrap().unwrap();
    cart.add(nanum::store::category_line(&books, Won::new(1500))).unwrap();
    let payment = Payment::cash(cart.total(), Won::new(10_000)).unwrap();
    let session = common::open_till(&mut t.store, &cashier, at(14, 3));
    let sale = t.store.commit_sale(NewSale::new(&cart, &payment, &cashier, &session, at(14, 3))).unwrap();

    let events = receipt(&t, &sale, ReceiptOptions::default(), 42);
    let lines = text_lines(&events);
    let text = lines.join("\n");
    assert_eq!(lines.iter().find(|l| !l.trim().is_empty()).unwrap().trim(), "나눔가게 신촌점");
    assert!(text.contains("서울특별시 서대문구 신촌로 123, 1층"));
    assert!(text.contains("사업자 123-45-67890"));
    assert_eq!(row_value(&lines, "거래일시").as_deref(), Some("14:03"));
    assert!(lines.iter().any(|l| l.starts_with("거래일시") && l.contains("2026-11-25 (수) 14:03")));
    assert!(lines.iter().any(|l| l.starts_with("거래번호") && l.ends_with("2026-11-25 #0001")));
    assert!(lines.iter().any(|l| l.starts_with("계산원") && l.ends_with("이서준")));
    assert!(lines.iter().any(|l| l.starts_with("여성 의류") && l.ends_with(" 3,500")));
    assert!(lines.iter().any(|l| l.starts_with("유아용품") && l.ends_with(" 1,500")));
    assert!(lines.iter().any(|l| l.trim() == "정가 3,000 · 4주 경과 50% 할인"));
    assert!(lines.iter().any(|l| l.starts_with("도서") && l.ends_with(" 1,500")));
    assert_eq!(row_value(&lines, "합계").as_deref(), Some("6,500"));
    // The books are exempt: VAT comes from the 5,000 won of taxable goods only.
    assert_eq!(row_value(&lines, "공급가액").as_deref(), Some("4,545"));
    assert_eq!(row_value(&lines, "부가세").as_deref(), Some("455"));
    assert_eq!(row_value(&lines, "면세물품가액").as_deref(), Some("1,500"));
    assert_eq!(row_value(&lines, "받은 금액(현금)").as_deref(), Some("10,000"));
    assert_eq!(row_value(&lines, "거스름돈").as_deref(), Some("3,500"));
    assert!(text.contains("감사합니다"));

    // The total is printed double size: half as many columns.
    let total = events.iter().find_map(|e| match e {
        Event::Line(l) if l.text.starts_with("합계") => Some(l.clone()),
        _ => None,
    });
    assert_eq!(total.map(|l| (l.scale, l.bold, display_width(&l.text))), Some((2, true, 21)));
    for line in &lines {
        assert!(display_width(line) <= 42, "too wide for the paper: {line:?}");
    }
    assert!(events.contains(&Event::Barcode { system: 73, data: "S001202611250001".into() }));
    assert_eq!(
        events.iter().filter(|e| matches!(e, Event::Drawer { .. })).collect::<Vec<_>>(),
        [&Event::Drawer { pin: 0, on: 25, off: 250 }]
    );
    assert!(matches!(events.last(), Some(Event::Cut { .. })));
}

#[test]
fn a_card_receipt_never_opens_the_drawer_and_a_reprint_is_marked() {
    let mut t = demo_without_history();
    let manager = staff(&t.store, "김민지");
    let mut cart = Cart::new();
    cart.add(t.store.price_scan(&nanum::demo::demo_ean(0), today()).unwrap().line).unwrap();
    cart.add(t.store.price_scan(&nanum::demo::demo_ean(0), today()).unwrap().line).unwrap();
    let payment = Payment::card(cart.total()).unwrap();
    let session = common::open_till(&mut t.store, &manager, at(15, 0));
    let sale = t.store.commit_sale(NewSale::new(&cart, &payment, &manager, &session, at(15, 0))).unwrap();

    let events = receipt(&t, &sale, ReceiptOptions::default(), 42);
    let lines = text_lines(&events);
    assert!(!events.iter().any(|e| matches!(e, Event::Drawer { .. })));
    assert!(lines.iter().any(|l| l.starts_with("공정무역 커피 원두 200g") && l.ends_with(" 24,000")));
    assert!(lines.iter().any(|l| l.trim() == "12,000 x 2"));
    assert_eq!(row_value(&lines, "카드 결제").as_deref(), Some("24,000"));
    assert_eq!(row_value(&lines, "거스름돈"), None);

    let cash = cash_sale(&mut t.store, &[&tag(1, 3500, 0)], 5000, &manager, at(15, 5));
    let reprint = receipt(&t, &cash, ReceiptOptions { reprint: true, ..ReceiptOptions::default() }, 42);
    assert!(text_lines(&reprint).iter().any(|l| l.trim() == "[재발행]"));
    assert!(!reprint.iter().any(|e| matches!(e, Event::Drawer { .. })), "a reprint never opens the drawer");
}

#[test]
fn narrow_paper_keeps_every_line_inside_32_columns() {
    let mut t = demo_without_history();
    let manager = staff(&t.store, "김민지");
    let sale = cash_sale(&mut t.store, &[&nanum::demo::demo_ean(6), &tag(21, 15000, 5)], 50_000, &manager, at(16, 0));
    let lines = text_lines(&receipt(&t, &sale, ReceiptOptions::default(), 32));
    for line in &lines {
        assert!(display_width(line) <= 32, "{line:?}");
    }
    assert_eq!(row_value(&lines, "합계").as_deref(), Some("22,500"));
    assert_eq!(row_value(&lines, "거스름돈").as_deref(), Some("27,500"));
}

/// At 9,600 baud every byte is paper time: a receipt is its words and little else. Styles are
/// sent only when they change, a line ends in LF (not `ESC d 1`) and carries no trailing spaces.
/// This receipt was 1,431 bytes for 1,058 of words (1.35×) before; 1,148 (1.085×) after.
#[test]
fn a_receipt_on_the_wire_is_within_a_tenth_of_its_words() {
    let mut t = demo_without_history();
    let cashier = staff(&t.store, "이서준");
    let mut cart = Cart::new();
    for (category, price, weeks) in [(1, 3500, 0), (12, 3000, 4), (2, 5000, 1), (5, 7000, 2), (3, 2000, 0)] {
        cart.add(t.store.price_scan(&tag(category, price, weeks), today()).unwrap().line).unwrap();
    }
    let payment = Payment::cash(cart.total(), Won::new(50_000)).unwrap();
    let session = common::open_till(&mut t.store, &cashier, at(14, 3));
    let sale = t.store.commit_sale(NewSale::new(&cart, &payment, &cashier, &session, at(14, 3))).unwrap();
    let doc = sale_receipt(t.store.info(), &sale, ReceiptOptions::default());
    let bytes = render(&doc, &PrinterProfile::default()).unwrap().bytes;

    let lines = text_lines(&decode(&bytes).unwrap());
    let words: usize = lines.iter().map(|l| encoding_rs::EUC_KR.encode(l.trim_end()).0.len() + 1).sum();
    let ratio = bytes.len() as f64 / words as f64;
    assert!(ratio <= 1.1, "{} bytes for {words} bytes of words: {ratio:.2}×", bytes.len());
}
