//! Donations and pricing through the screen: a walk-in donation with a rejection and its slip,
//! tags priced at the guide and sold five weeks later at the colour's markdown, a price outside
//! the band waiting for a manager, the on-screen Hangul keyboard, the pull list.

mod common;

use common::till::Till;
use common::*;
use nanum::domain::{Phone, Won};
use nanum::hardware::decode::{decode, row_value, text_lines};
use nanum::store::{NewDonor, Store};
use nanum::ui::Message;
use nanum::ui::approval;
use nanum::ui::screen::{checkout, intake, pricing};

fn printed_since(till: &mut Till, before: usize) -> Vec<String> {
    till.settle();
    let bytes = std::fs::read(till.printer_file()).unwrap_or_default();
    text_lines(&decode(&bytes[before..]).unwrap())
}

fn printer_len(till: &Till) -> usize {
    std::fs::read(till.printer_file()).map_or(0, |b| b.len())
}

/// 김민지 (010-1234-5678), registered by 박순자 this morning.
fn a_regular_donor(store: &mut Store) {
    let volunteer = staff(store, "박순자");
    let donor = NewDonor {
        name: "김민지".into(),
        phone: Phone::parse("010-1234-5678"),
        wants_receipt: true,
        wants_messages: false,
    };
    store.add_donor(&donor, &volunteer, at(9, 0)).unwrap();
}

/// 박순자 starts her shift at intake and signs in to the till.
fn volunteer_signs_in(till: &mut Till) {
    till.start_shift("박순자", "3333", "기증 받기");
    till.sign_in("박순자", "3333");
}

#[test]
fn a_walk_in_donation_with_a_rejection_prints_its_slip() {
    let TempStore { dir, mut store } = demo_without_history();
    a_regular_donor(&mut store);
    let clothes = store.category("001").unwrap().unwrap().donation.value;
    let books = store.category("007").unwrap().unwrap().donation.value;
    let mut till = Till::on(store, dir, |_, _| {});
    volunteer_signs_in(&mut till);
    till.send(Message::OpenMenu);
    assert!(till.sees("무엇을 할까요?"));
    till.click("기증 받기");
    assert!(till.sees("누가 기증하나요?"));
    till.enter(intake::SEARCH_INPUT, "+82 10 1234 5678");
    assert!(till.sees("김민지"), "one match by phone is taken: {:?}", till.texts());
    assert!(till.sees_part("010-****-5678"));

    // Five pieces of women's clothing, seven books; one of the clothes stained.
    for _ in 0..5 {
        till.click("여성 의류");
    }
    for _ in 0..7 {
        till.click("도서");
    }
    // The clothes line is tapped (the last key touched was the books'), then 얼룩.
    till.send(Message::Intake(intake::Message::Select(0)));
    till.click("얼룩");
    assert!(till.sees_part("받지 않음 · 얼룩 · 여성 의류 1점"), "{:?}", till.texts());
    // The stained piece is not among the five taken: both counts are said.
    assert!(till.sees("받은 물건 12점 · 받지 않은 물건 1점"), "{:?}", till.texts());
    till.click("방문");
    till.send(Message::Intake(intake::Message::Bags(1)));
    till.send(Message::Intake(intake::Message::Bags(1)));
    let expected = clothes * 5 + books;
    assert!(till.sees(&format!("{}원", expected)), "the value as counted: {:?}", till.texts());
    till.picture("intake");
    let before = printer_len(&till);
    till.click("기증 받기");
    assert!(till.sees("기증을 받았어요"), "{:?}", till.texts());

    let lines = printed_since(&mut till, before);
    assert!(lines.iter().any(|l| l.contains("기증 확인증")), "{lines:?}");
    assert_eq!(row_value(&lines, "기증자").as_deref(), Some("김민지"));
    assert_eq!(row_value(&lines, "연락처").as_deref(), Some("010-****-5678"));
    assert_eq!(row_value(&lines, "여성 의류 5점"), Some((clothes * 5).to_string()), "{lines:?}");
    assert_eq!(row_value(&lines, "도서 7점"), Some(books.to_string()), "seven books are one unit");
    assert!(lines.iter().any(|l| l.contains("얼룩 1점")), "the rejection and its reason: {lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("포장") && l.ends_with("봉투 2개")), "{lines:?}");
    assert_eq!(row_value(&lines, "기증 가치"), Some(expected.to_string()));

    let donations = till.journal("donation.recorded");
    assert_eq!(donations.len(), 1);
    assert_eq!(donations[0]["rejected"][0]["reason"], "stained");
    assert_eq!(donations[0]["value"].as_i64(), Some(expected.get()));

    // Only a manager changes the value.
    till.click("기증 가치 바꾸기 (매니저)");
    // The field emptied with backspace is not a value of 0 to approve.
    till.act(|ui| {
        ui.click(iced_test::selector::id(intake::VALUE_INPUT)).unwrap();
        let _ = ui.tap_key(iced::keyboard::key::Named::End);
        for _ in 0..8 {
            let _ = ui.tap_key(iced::keyboard::key::Named::Backspace);
        }
        let _ = ui.tap_key(iced::keyboard::key::Named::Enter);
    });
    assert!(till.sees("바꿀 금액을 먼저 적어 주세요. 가치가 없으면 0을 적어요."), "{:?}", till.texts());
    assert!(!till.sees_part("→ 0원"), "no manager is asked to approve 0: {:?}", till.texts());
    till.enter(intake::VALUE_INPUT, "30000");
    assert!(till.sees_part(&format!("기증 가치 {}원 → 30,000원", expected)), "{:?}", till.texts());
    till.click("김민지");
    till.enter(approval::PIN_INPUT, "1234");
    assert!(till.sees("기증을 받았어요"));
    let changed = till.journal("donation.value_changed");
    assert_eq!(changed.len(), 1, "the approved change is journaled with both names");
    assert_eq!(changed[0]["to"].as_i64(), Some(30_000), "{changed:?}");
}

#[test]
fn ten_tags_at_the_guide_price_and_one_sold_five_weeks_later_at_half() {
    let TempStore { dir, store } = demo_without_history();
    let mut till = Till::on(store, dir, |_, _| {});
    // Five weeks ago at the pricing bench.
    *till.clock.lock().unwrap() = at(10, 0) - chrono::Duration::weeks(5);
    volunteer_signs_in(&mut till);
    till.send(Message::OpenMenu);
    till.click("가격 매기기");
    assert!(till.sees_part("이번 주 색:"), "{:?}", till.texts());
    till.click("여성 의류");
    till.click("좋음 5,000");
    assert!(till.sees("5,000"), "the guide price fills in: {:?}", till.texts());
    till.click("10장");
    till.picture("pricing");
    till.click("가격택 10장 인쇄");
    assert!(till.sees("가격택 10장(5,000원)을 인쇄해요."), "{:?}", till.texts());
    till.settle();
    let printed = till.journal("tags.printed");
    assert_eq!(printed[0]["batch"]["count"], 10);
    let code = printed[0]["batch"]["code"].as_str().unwrap().to_string();
    let bytes = std::fs::read(till.printer_file()).unwrap();
    let barcodes = decode(&bytes)
        .unwrap()
        .into_iter()
        .filter(|e| matches!(e, nanum::hardware::decode::Event::Barcode { data, .. } if *data == code))
        .count();
    assert_eq!(barcodes, 10, "ten tags in one job");

    // Five weeks later, at the checkout.
    *till.clock.lock().unwrap() = at(14, 0);
    till.send(Message::SignOut);
    till.sign_in("이서준", "2222");
    till.enter(checkout::SCAN_INPUT, &code);
    assert!(till.sees_part("정가 5,000원 · 5주 경과 50% 할인"), "{:?}", till.texts());
    assert_eq!(till.app.checkout().unwrap().cart().total(), Won::new(2500));
    let rotation = till.app.store().rotation().clone();
    let intake = nanum::domain::IsoWeek::of(today()).plus_weeks(-5);
    let markdown = rotation.markdown(Won::new(5000), intake, today(), Won::new(100));
    assert_eq!(markdown.price, Won::new(2500), "the colour calendar says the same for that intake week");
}

#[test]
fn a_price_outside_the_band_waits_for_a_manager() {
    let mut till = Till::new(|_, _| {});
    volunteer_signs_in(&mut till);
    till.send(Message::OpenPricing);
    till.click("신발");
    till.click("좋음 6,000");
    for _ in 0..4 {
        till.click("←");
    }
    // Three tags: + twice from one, − once and + again.
    till.click("+");
    till.click("+");
    till.click("−");
    till.click("+");
    assert!(till.sees("가격택 3장 인쇄"), "{:?}", till.texts());
    till.enter(pricing::PRICE_INPUT, "9000");
    assert!(till.sees("신발 9,000원: 안내 가격 6,000원에서 벗어나요"), "{:?}", till.texts());
    assert!(till.journal("tags.printed").is_empty(), "nothing printed before the manager");
    till.click("김민지");
    till.enter(approval::PIN_INPUT, "1234");
    assert!(till.sees("가격택 3장(9,000원)을 인쇄해요."), "{:?}", till.texts());
    let printed = till.journal("tags.printed");
    assert_eq!(printed[0]["batch"]["count"], 3, "{printed:?}");
    assert!(printed[0]["approved_by"].is_string(), "the batch names the manager");
    let approval = till.journal("approval").pop().unwrap();
    assert_eq!(approval["approval"]["action"], "price_band");

    // Within the band no one is asked.
    till.click("좋음 6,000");
    till.click("5장");
    till.click("가격택 5장 인쇄");
    assert_eq!(till.journal("tags.printed").len(), 2);
    assert_eq!(till.journal("approval").len(), 1);
}

#[test]
fn the_on_screen_keyboard_types_nanumgage() {
    let mut till = Till::new(|_, _| {});
    volunteer_signs_in(&mut till);
    till.send(Message::OpenIntake);
    till.click("새 기증자");
    till.click("⌨ 한글 자판");
    for key in ["ㄴ", "ㅏ", "ㄴ", "ㅜ", "ㅁ", "ㄱ", "ㅏ", "ㄱ", "ㅔ"] {
        till.click(key);
    }
    assert!(till.sees("나눔가게"), "{:?}", till.texts());
    till.click("← 지우기");
    assert!(till.sees("나눔가ㄱ"), "Backspace takes back one key: {:?}", till.texts());
    till.click("ㅔ");
    till.click("완료");
    till.enter(intake::PHONE_INPUT, "010 5555 6666");
    assert!(till.sees("나눔가게님을 기증자로 등록했어요."), "{:?}", till.texts());
    let found = till.app.store().find_donors("01055556666", 5).unwrap();
    assert_eq!(found[0].donor.name, "나눔가게");
}

#[test]
fn the_pull_list_shows_what_is_left_of_the_colour_due_and_records_the_pull() {
    let TempStore { dir, mut store } = demo_without_history();
    tags_due_for_pull(&mut store, "002", 8);
    let mut till = Till::on(store, dir, |_, _| {});
    volunteer_signs_in(&mut till);
    till.send(Message::OpenMenu);
    till.click("회수·재고");
    assert!(till.sees("남음 8"), "{:?}", till.texts());
    till.picture("floor");
    till.click("남성 의류");
    till.enter(nanum::ui::screen::floor::WEIGHT_INPUT, "2.5");
    assert!(till.sees("회수를 기록했어요."), "{:?}", till.texts());
    assert!(till.sees("남음 0"), "{:?}", till.texts());
    let out = till.journal("goods.out");
    assert_eq!((out[0]["count"].as_i64(), out[0]["grams"].as_i64()), (Some(8), Some(2500)));
    assert_eq!(out[0]["kind"], "outlet");
}

#[test]
fn a_donor_with_a_new_phone_is_put_right_and_found_by_it() {
    let TempStore { dir, mut store } = demo_without_history();
    a_regular_donor(&mut store);
    let mut till = Till::on(store, dir, |_, _| {});
    volunteer_signs_in(&mut till);
    till.send(Message::OpenIntake);
    till.enter(intake::SEARCH_INPUT, "민지");
    assert!(till.sees_part("010-****-5678"), "{:?}", till.texts());
    till.click("정보 고치기");
    assert!(till.sees("정보 고치기"), "{:?}", till.texts());
    till.act(|sim| {
        sim.click(iced_test::selector::id(intake::PHONE_INPUT)).unwrap();
        sim.tap_key(iced::keyboard::key::Named::End);
        for _ in 0..13 {
            sim.tap_key(iced::keyboard::key::Named::Backspace);
        }
        sim.typewrite("010-9876-5432");
    });
    till.click("고친 내용 저장");
    assert!(till.sees("김민지님의 정보를 고쳤어요."), "{:?}", till.texts());
    assert!(till.sees_part("010-****-5432"), "{:?}", till.texts());
    let found = till.app.store().find_donors("01098765432", 5).unwrap();
    assert_eq!(found.len(), 1);
    assert!(till.app.store().find_donors("01012345678", 5).unwrap().is_empty());
    let changed = till.journal("donor.changed");
    assert_eq!(changed[0]["from"]["phone"], "01012345678");
    assert_eq!(changed[0]["to"]["phone"], "01098765432");
}

/// A pull of more than the records say is left asks first, saying how many are left; once all
/// are accounted for, the floor says there is nothing to pull today.
#[test]
fn a_pull_beyond_what_is_left_asks_first() {
    let TempStore { dir, mut store } = demo_without_history();
    tags_due_for_pull(&mut store, "001", 4);
    let mut till = Till::on(store, dir, |_, _| {});
    till.sign_in("김민지", "1234");
    till.send(Message::OpenMenu);
    till.click("회수·재고");
    till.click("여성 의류");
    assert!(till.sees("남음 4"), "{:?}", till.texts());
    let count = |till: &mut Till, n: &str| {
        till.act(|ui| {
            ui.click(iced_test::selector::id(nanum::ui::screen::floor::COUNT_INPUT)).unwrap();
            let _ = ui.tap_key(iced::keyboard::key::Named::End);
            for _ in 0..3 {
                let _ = ui.tap_key(iced::keyboard::key::Named::Backspace);
            }
            let _ = ui.typewrite(n);
        });
    };
    count(&mut till, "5");
    till.click("회수 기록하기");
    assert!(till.sees_part("기록상 남은 것은 4개인데 5개를 적었어요"), "{:?}", till.texts());
    assert!(till.journal("goods.out").is_empty(), "nothing recorded yet");
    count(&mut till, "4");
    till.click("회수 기록하기");
    assert_eq!(till.journal("goods.out").len(), 1, "{:?}", till.texts());
    assert!(till.sees_part("오늘 회수할 것이 없어요"), "{:?}", till.texts());
    // Asked again and confirmed, a pull beyond the floor is recorded as counted.
    till.click("여성 의류");
    count(&mut till, "2");
    till.click("회수 기록하기");
    till.click("그래도 2개 기록하기");
    assert_eq!(till.journal("goods.out").len(), 2);
    assert_eq!(till.journal("goods.out")[1]["count"], 2);
}

/// `count` price tags of `category` printed five weeks ago: the colour the demo pulls today.
fn tags_due_for_pull(store: &mut Store, category: &str, count: u32) {
    let volunteer = staff(store, "박순자");
    store
        .record_tags(nanum::store::NewTags {
            category: category.into(),
            condition: nanum::domain::Condition::Good,
            price: Won::new(5000),
            count,
            intake: nanum::domain::IsoWeek::of(today()).plus_weeks(-5),
            item: None,
            staff: &volunteer,
            approved_by: None,
            donation: None,
            at: at(9, 0) - chrono::Duration::weeks(5),
        })
        .unwrap();
}

/// A returning donor's bag at the counter, counted as a volunteer does it: the menu's tile, the
/// phone, the pieces, the one turned away (it is of the kind just counted), and 기증 받기 — seven
/// actions, the phone typed as one.
#[test]
fn a_returning_donor_with_one_piece_turned_away_takes_seven_actions() {
    let TempStore { dir, mut store } = demo_without_history();
    a_regular_donor(&mut store);
    let mut till = Till::on(store, dir, |_, _| {});
    volunteer_signs_in(&mut till);
    till.send(Message::OpenMenu);
    let mut actions = 0;
    let mut tap = |till: &mut Till, what: &str| {
        till.click(what);
        actions += 1;
    };
    tap(&mut till, "기증 받기");
    till.enter(intake::SEARCH_INPUT, "010-1234-5678");
    assert!(till.sees("김민지"), "the one match is taken: {:?}", till.texts());
    tap(&mut till, "도서");
    tap(&mut till, "여성 의류");
    tap(&mut till, "여성 의류");
    tap(&mut till, "얼룩");
    assert!(till.sees_part("받지 않음 · 얼룩 · 여성 의류 1점"), "{:?}", till.texts());
    assert!(till.sees("받은 물건 3점 · 받지 않은 물건 1점"), "{:?}", till.texts());
    tap(&mut till, "기증 받기");
    assert!(till.sees("기증을 받았어요"), "{:?}", till.texts());
    assert_eq!(actions + 1, 7, "with the phone");
    let donation = till.journal("donation.recorded").pop().unwrap();
    assert_eq!(donation["rejected"][0]["reason"], "stained");
    assert_eq!(donation["donor"]["name"], "김민지", "the returning donor's, not a new one");
    assert_eq!((donation["lines"][0]["count"].as_i64(), donation["lines"][1]["count"].as_i64()), (Some(2), Some(1)));
}
