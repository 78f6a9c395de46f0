//! 매장 설정: the store's details and rules, changed by a manager through the real fields, saved
//! whole or not at all, journaled with each value before and after, and used at once.

mod common;

use common::till::Till;
use common::*;
use nanum::store::{BadSetting, SettingsError};
use nanum::ui::Message;

#[test]
fn the_store_refuses_what_the_rules_forbid_and_journals_what_changed() {
    let mut t = demo_without_history();
    let manager = staff(&t.store, "김민지");
    let cashier = staff(&t.store, "이서준");
    let before = t.store.store_settings().unwrap();
    assert_eq!(before.business_no, "123-45-67890", "the demo's number, kept though its check digit is off");

    let mut new = before.clone();
    new.closing_time = chrono::NaiveTime::from_hms_opt(21, 30, 0).unwrap();
    assert!(t.store.change_settings(&new, &cashier, at(9, 0)).is_err(), "a cashier cannot");
    for (bad, why) in [
        (nanum::store::StoreSettings { discount_limit_percent: 150.into(), ..before.clone() }, BadSetting::Percent),
        (nanum::store::StoreSettings { hold_hours: -1, ..before.clone() }, BadSetting::Hold),
        (nanum::store::StoreSettings { business_no: "102-82-03494".into(), ..before.clone() }, BadSetting::BusinessNo),
        (nanum::store::StoreSettings { name: " ".into(), ..before.clone() }, BadSetting::Name),
    ] {
        match t.store.change_settings(&bad, &manager, at(9, 0)) {
            Err(SettingsError::Bad(found)) => assert_eq!(found, why),
            other => panic!("{why:?}: {other:?}"),
        }
    }
    assert_eq!(t.store.store_settings().unwrap(), before, "a refused change changes nothing");

    new.receipt_footer = "월~토 10시~19시".into();
    new.phone = "02 987 6543".into();
    let changed = t.store.change_settings(&new, &manager, at(9, 5)).unwrap();
    assert_eq!(changed, ["phone", "receipt_footer", "closing_time"]);
    assert_eq!(t.store.info().phone, "02-987-6543", "kept in its usual shape");
    assert_eq!(t.store.closing_time().unwrap().to_string(), "21:30:00");
    let events = journal_payloads(&t.store, "store.settings_changed");
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["changes"]["closing_time"], serde_json::json!({ "from": "20:00", "to": "21:30" }));
    assert_eq!(events[0]["by"], manager.uuid);
    assert!(t.store.change_settings(&new, &manager, at(9, 6)).unwrap().is_empty(), "saving again changes nothing");
    assert_eq!(journal_payloads(&t.store, "store.settings_changed").len(), 1);
}

fn journal_payloads(store: &nanum::store::Store, kind: &str) -> Vec<serde_json::Value> {
    store
        .reader()
        .prepare("SELECT journal_text(payload) FROM journal WHERE kind = ?1 ORDER BY seq")
        .unwrap()
        .query_map([kind], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|p| serde_json::from_str(&p.unwrap()).unwrap())
        .collect()
}

#[test]
fn a_manager_changes_the_receipt_footer_and_discount_limit_on_the_screen() {
    let mut till = Till::new(|_, _| {});
    till.sign_in("김민지", "1234");
    till.click("메뉴");
    till.click("매장 설정");
    assert!(till.sees("매장 설정"), "{:?}", till.texts());

    // "20" with a 0 typed after it: 200%, refused whole.
    till.act(|ui| {
        ui.click(iced_test::selector::id("settings-discount-limit")).unwrap();
        let _ = ui.typewrite("0");
    });
    till.click("저장하기");
    assert!(till.sees_part("할인 한도와 가격 안내 범위는 0부터 100 사이예요"), "{:?}", till.texts());
    assert_eq!(till.app.store().store_settings().unwrap().discount_limit_percent, 20.into());

    till.act(|ui| {
        let _ = ui.click(iced_test::selector::id("settings-discount-limit"));
        for _ in 0..3 {
            let _ = ui.tap_key(iced::keyboard::key::Named::Backspace);
        }
        let _ = ui.typewrite("25");
        let _ = ui.click(iced_test::selector::id("settings-footer"));
        let _ = ui.typewrite("Open 10-19");
    });
    till.click("저장하기");
    assert!(till.sees_part("저장했어요. 바뀐 것:"), "{:?}", till.texts());
    let info = till.app.store().info().clone();
    assert_eq!(info.receipt_footer, "Open 10-19", "the till uses the new footer at once");
    assert_eq!(till.app.store().store_settings().unwrap().discount_limit_percent, 25.into());

    // Leaving goes back to the work menu.
    till.click("업무 메뉴");
    assert!(till.sees("무엇을 할까요?"));
    till.send(Message::CloseMenu);
}
