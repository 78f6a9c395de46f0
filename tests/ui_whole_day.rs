//! A whole day at one till, through the screen: opened with a counted float, fifty sales of
//! every kind (markdowns, discounts, round-ups, cash, card, split), a parked sale, a refund, a
//! void, money in and out, and a close 500 won short. The Z report the till prints and keeps
//! must equal what the day's journal says, figure by figure.

mod common;

use common::till::Till;
use common::*;
use nanum::hardware::decode::{decode, row_value, text_lines};
use nanum::ui::Message;
use nanum::ui::app::Hotkey;
use nanum::ui::approval;
use nanum::ui::screen::checkout;
use serde_json::Value;

fn scan(till: &mut Till, code: &str) {
    till.enter(checkout::SCAN_INPUT, code);
}

fn type_into(till: &mut Till, field: &'static str, text: &str) {
    till.act(|ui| {
        ui.click(iced_test::selector::id(field)).unwrap();
        let _ = ui.typewrite(text);
    });
}

/// Rings up sale `i` of the day and pays it; the kind of sale follows `i`.
fn ring_up(till: &mut Till, i: i64) {
    let items = 1 + i % 3;
    for n in 0..items {
        // Tags of different ages, so some are marked down by the colour calendar.
        let category = [1, 2, 7, 12][((i + n) % 4) as usize];
        scan(till, &tag(category, 1000 + ((i * 7 + n * 3) % 40) * 100, (i + n) % 6));
    }
    if i % 7 == 3 {
        till.send(Message::Hotkey(Hotkey::Discount));
        till.enter(checkout::ENTRY_INPUT, "10");
    }
    match i % 3 {
        0 => {
            till.send(Message::Hotkey(Hotkey::Card));
            till.click("승인 완료");
        }
        1 => {
            till.send(Message::Hotkey(Hotkey::Cash));
            if i % 5 == 1 && till.app.checkout().unwrap().cart().total().get() % 1000 != 0 {
                let up = 1000 - till.app.checkout().unwrap().cart().total().get() % 1000;
                till.click(&format!("{}원 나눔 기부", nanum::domain::Won::new(up)));
            }
            till.enter(checkout::ENTRY_INPUT, "50000");
        }
        _ => {
            till.send(Message::Hotkey(Hotkey::Card));
            for _ in 0..6 {
                till.click("←");
            }
            till.enter(checkout::ENTRY_INPUT, "1000");
            till.enter(checkout::ENTRY_INPUT, "");
        }
    }
    assert!(till.sees("결제가 끝났어요"), "sale {i}: {:?}", till.texts());
    till.send(Message::Checkout(checkout::Message::NewSale));
}

#[test]
fn a_whole_day_ends_in_a_z_report_equal_to_the_journal() {
    let TempStore { dir, store } = demo_without_history();
    let mut till = Till::closed(store, dir, |_, _| {});
    till.sign_in("김민지", "1234");
    till.click("계산대 열기 (F6)");
    // 1 × 50,000, 4 × 10,000, 2 × 5,000 = 100,000.
    for (field, count) in [("till-count-0", "1"), ("till-count-1", "4"), ("till-count-2", "2")] {
        type_into(&mut till, field, count);
    }
    till.click("이 금액으로 계산대 열기");
    till.click("판매 화면으로");
    till.send(Message::SignOut);
    till.sign_in("이서준", "2222");

    for i in 0..50 {
        if i == 10 {
            // A customer goes back for one more thing: parked, the next one served, then resumed.
            scan(&mut till, &tag(5, 7000, 0));
            till.send(Message::Hotkey(Hotkey::Park));
            till.enter(checkout::TEXT_INPUT, "파란 가방 손님");
            ring_up(&mut till, 99);
            till.send(Message::Hotkey(Hotkey::Park));
            till.click("파란 가방 손님");
            scan(&mut till, &tag(6, 2500, 0));
            till.send(Message::Hotkey(Hotkey::Cash));
            till.enter(checkout::ENTRY_INPUT, "10000");
            assert!(till.sees("결제가 끝났어요"));
            till.send(Message::Checkout(checkout::Message::NewSale));
        }
        if i == 20 {
            // The first line of sale 3 comes back, in cash.
            let sale = till.app.store().sale(today(), 3).unwrap().unwrap();
            let receipt = sale.receipt_code(till.app.store().info().code).code();
            scan(&mut till, &receipt);
            till.send(Message::Checkout(checkout::Message::ReturnQty(0, 1)));
            till.click("현금");
            till.click("반품하기 (매니저 승인)");
            till.click("김민지");
            till.enter(approval::PIN_INPUT, "1234");
            assert!(till.sees("반품했어요"), "{:?}", till.texts());
            till.send(Message::Checkout(checkout::Message::NewSale));
        }
        if i == 30 {
            // The sale just rung up was rung up twice: voided.
            let last = till.app.store().last_sale_no(today()).unwrap().unwrap();
            till.send(Message::Hotkey(Hotkey::Today));
            till.click(&format!("{last:04}"));
            till.click("판매 취소");
            till.click("김민지");
            till.enter(approval::PIN_INPUT, "1234");
            assert!(till.sees("판매를 취소했어요"), "{:?}", till.texts());
            till.send(Message::Checkout(checkout::Message::NewSale));
        }
        if i == 40 {
            till.send(Message::Hotkey(Hotkey::Till));
            till.click("돈 넣기 (입금)");
            type_into(&mut till, "till-amount", "30000");
            till.enter("till-reason", "잔돈 교환");
            till.click("돈 꺼내기 (출금)");
            type_into(&mut till, "till-amount", "50000");
            till.enter("till-reason", "은행 입금");
            till.click("김민지");
            till.enter(approval::PIN_INPUT, "1234");
            till.click("판매 화면으로");
        }
        ring_up(&mut till, i);
    }

    // Close: the drawer is counted 500 won short.
    till.send(Message::Hotkey(Hotkey::Till));
    let session = till.app.store().current_session(&till.app.config().till.till()).unwrap().unwrap();
    let expected = till.app.store().session_report(session.id()).unwrap().cash.expected().get();
    let counted = expected - 500;
    till.click("마감하기");
    let mut left = counted;
    for (i, d) in nanum::domain::till::DENOMINATIONS.iter().enumerate() {
        let n = left / d;
        left %= d;
        if n > 0 {
            let field = common::till::count_field(i);
            type_into(&mut till, field, &n.to_string());
        }
    }
    till.click("다 셌어요");
    assert!(till.sees("-500원"), "{:?}", till.texts());
    till.settle();
    let before = std::fs::read(till.printer_file()).unwrap().len();
    till.click("마감하고 Z 정산 인쇄");
    assert!(till.sees("마감했어요"));
    till.settle();
    let bytes = std::fs::read(till.printer_file()).unwrap();
    let printed = text_lines(&decode(&bytes[before..]).unwrap());

    // The day as the journal tells it.
    let journal = |kind: &str| till.journal(kind);
    let in_session = |p: &Value| p["session"] == session.uuid.as_str();
    let docs: Vec<Value> =
        ["sale.committed", "sale.refunded", "sale.voided"].iter().flat_map(|k| journal(k)).filter(in_session).collect();
    let of_kind = |kind: &str| docs.iter().filter(|d| d["kind"] == kind).count() as i64;
    let tenders = |kind: &str, sign: i64| -> i64 {
        docs.iter()
            .flat_map(|d| d["payment"]["tenders"].as_array().unwrap().clone())
            .filter(|t| t["kind"] == kind && t["amount"].as_i64().unwrap().signum() == sign)
            .map(|t| t["amount"].as_i64().unwrap())
            .sum()
    };
    let lines = |f: &dyn Fn(&Value) -> bool, field: &str| -> i64 {
        docs.iter()
            .flat_map(|d| d["lines"].as_array().unwrap().clone())
            .filter(|l| f(l))
            .map(|l| l[field].as_i64().unwrap_or(0))
            .sum()
    };
    let amount_of = |l: &Value| -> i64 {
        l["unit_price"].as_i64().unwrap() * l["quantity"].as_i64().unwrap() - l["discount"].as_i64().unwrap_or(0)
    };
    let goods: i64 = docs
        .iter()
        .flat_map(|d| d["lines"].as_array().unwrap().clone())
        .filter(|l| l["kind"] != "donation")
        .map(|l| amount_of(&l))
        .sum();
    let donations: i64 = docs
        .iter()
        .flat_map(|d| d["lines"].as_array().unwrap().clone())
        .filter(|l| l["kind"] == "donation")
        .map(|l| amount_of(&l))
        .sum();
    let moved = |kind: &str| -> i64 {
        journal(kind).iter().filter(|p| in_session(p)).map(|p| p["amount"].as_i64().unwrap()).sum()
    };
    let float = journal("till.opened")[0]["float"].as_i64().unwrap();
    let from_journal =
        float + tenders("cash", 1) + tenders("cash", -1) + moved("till.cash_in") - moved("till.cash_out");

    let z = journal("till.closed").pop().expect("the Z is journaled");
    assert_eq!(z["sales"].as_i64(), Some(of_kind("sale")));
    assert_eq!(of_kind("sale"), 52, "fifty sales, the one served while another was parked, and the parked one");
    assert_eq!((z["refunds"].as_i64(), z["voids"].as_i64()), (Some(1), Some(1)));
    assert_eq!(z["cash"]["float"].as_i64(), Some(100_000));
    assert_eq!(z["cash"]["cash_sales"].as_i64(), Some(tenders("cash", 1)));
    assert_eq!(z["cash"]["cash_refunds"].as_i64(), Some(-tenders("cash", -1)));
    assert_eq!(z["cash"]["cash_in"].as_i64(), Some(30_000));
    assert_eq!(z["cash"]["cash_out"].as_i64(), Some(50_000));
    assert_eq!(z["card"].as_i64(), Some(tenders("card", 1) + tenders("card", -1)));
    assert_eq!(z["goods"].as_i64(), Some(goods));
    assert_eq!(z["donations"].as_i64(), Some(donations));
    assert!(donations > 0, "some customers rounded up");
    assert_eq!(z["discounts"].as_i64(), Some(lines(&|_| true, "discount")));
    assert!(lines(&|_| true, "discount") > 0, "some goods were discounted");
    assert!(lines(&|l| l["markdown"].is_object(), "quantity") > 0, "some goods were marked down");
    let closed = &z["session"]["closed"];
    assert_eq!(closed["expected"].as_i64(), Some(from_journal));
    assert_eq!(closed["counted"].as_i64(), Some(from_journal - 500));
    assert_eq!(from_journal, expected);

    let won = |n: i64| nanum::domain::Won::new(n).to_string();
    assert_eq!(row_value(&printed, "있어야 할 현금"), Some(won(from_journal)));
    assert_eq!(row_value(&printed, "센 현금"), Some(won(from_journal - 500)));
    assert_eq!(row_value(&printed, "차액").as_deref(), Some("-500"));
    assert_eq!(row_value(&printed, "현금 매출"), Some(won(tenders("cash", 1))));
    assert_eq!(row_value(&printed, "판매 건수"), Some("52".into()));

    // And the nightly figures agree: the till report's row is the Z.
    let report = nanum::reports::till::till(till.app.store(), today()).unwrap();
    assert_eq!(report.sessions.len(), 1);
    assert_eq!(report.sessions[0].difference().map(|d| d.get()), Some(-500));
}
