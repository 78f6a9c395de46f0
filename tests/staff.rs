//! 직원 관리: cashiers and managers kept at the store, by a manager, through the real screen;
//! journaled without the PIN; never without an active manager.

mod common;

use common::till::Till;
use common::*;
use iced_test::selector;
use nanum::domain::{Pin, Role};
use nanum::store::{NewStaff, StaffError};

#[test]
fn the_store_keeps_its_rules_whoever_asks() {
    let mut t = minimal();
    let manager = staff(&t.store, "관리자");
    let cashier = staff(&t.store, "계산원");
    let pin = Pin::typed("5678").unwrap();
    let new = NewStaff { name: "한지민".into(), role: Role::Cashier, pin: pin.clone() };
    assert!(matches!(t.store.add_staff(&new, &cashier, at(9, 0)), Err(StaffError::NotAManager)));
    let short = NewStaff { pin: Pin::typed("12").unwrap(), ..new.clone() };
    assert!(matches!(t.store.add_staff(&short, &manager, at(9, 0)), Err(StaffError::Pin)));
    let added = t.store.add_staff(&new, &manager, at(9, 0)).unwrap();
    assert!(t.store.sign_in(added.id, "5678", at(9, 1)).is_ok(), "the PIN they typed works");

    // The last active manager stays, however it is asked.
    assert!(matches!(t.store.set_staff_active(manager.id, false, &manager, at(9, 2)), Err(StaffError::LastManager)));
    assert!(matches!(
        t.store.set_staff_role(manager.id, Role::Cashier, &manager, at(9, 2)),
        Err(StaffError::LastManager)
    ));
    assert!(
        matches!(t.store.set_staff_active(manager.id, false, &added, at(9, 3)), Err(StaffError::NotAManager)),
        "a cashier's own word is not taken"
    );
    t.store.set_staff_role(added.id, Role::Manager, &manager, at(9, 3)).unwrap();
    t.store.set_staff_active(manager.id, false, &added, at(9, 4)).unwrap();
    assert!(t.store.sign_in(manager.id, "1111", at(9, 5)).is_err(), "someone who left cannot sign in");
    assert!(matches!(
        t.store.set_staff_active(staff(&t.store, "봉사자").id, false, &added, at(9, 6)),
        Err(StaffError::Volunteer)
    ));

    let kinds: Vec<(String, String)> = t
        .store
        .reader()
        .prepare(
            // The people the store started with are journaled with no one's name on them.
            "SELECT kind, journal_text(payload) FROM journal WHERE kind LIKE 'staff.%' AND kind != 'staff.signed_in'
                 AND staff_id IS NOT NULL ORDER BY seq",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let names: Vec<&str> = kinds.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["staff.added", "staff.role_changed", "staff.deactivated"]);
    assert!(kinds.iter().all(|(_, p)| !p.contains("5678") && !p.contains("argon2")), "never the PIN: {kinds:?}");
}

#[test]
fn a_manager_adds_a_cashier_who_then_signs_in_and_resets_a_pin() {
    let mut till = Till::new(|_, _| {});
    till.sign_in("김민지", "1234");
    till.click("메뉴");
    till.click("매장 설정");
    till.click("직원 관리");
    till.click("새 직원 추가");
    type_into(&mut till, "staff-name", "한지민");
    type_into(&mut till, "staff-pin", "5678");
    type_into(&mut till, "staff-pin-again", "5687");
    till.click("추가하기");
    assert!(till.sees_part("두 번 입력한 PIN이 달라요"), "{:?}", till.texts());
    // The second field is emptied for the PIN to be typed again.
    type_into(&mut till, "staff-pin-again", "5678");
    till.click("추가하기");
    assert!(till.sees_part("한지민님을 계산원으로 추가했어요"), "{:?}", till.texts());

    // 이서준 forgot his PIN: he types a new one.
    till.click("이서준");
    type_into(&mut till, "staff-pin", "8080");
    type_into(&mut till, "staff-pin-again", "8080");
    till.click("새 PIN으로 바꾸기");
    assert!(till.sees_part("이서준님의 PIN을 바꿨어요"), "{:?}", till.texts());

    till.click("로그아웃");
    assert!(till.sees("한지민"), "the new cashier is on the sign-in screen: {:?}", till.texts());
    till.sign_in("한지민", "5678");
    assert_eq!(till.app.on_duty().map(|m| m.name.as_str()), Some("한지민"));
    till.click("로그아웃");
    till.sign_in("이서준", "8080");
    assert_eq!(till.app.on_duty().map(|m| m.name.as_str()), Some("이서준"));
}

/// Clicks into the field `id` and types `text`, as a person does.
fn type_into(till: &mut Till, id: &'static str, text: &str) {
    till.act(|ui| {
        ui.click(selector::id(id)).unwrap_or_else(|e| panic!("no field {id}: {e:?}"));
        let _ = ui.typewrite(text);
    });
}

#[test]
fn a_demo_stores_pins_cost_little_to_check_and_a_real_stores_the_full_argon2() {
    let hash_of = |t: &TempStore, name: &str| {
        let conn = rusqlite::Connection::open(t.path()).unwrap();
        conn.query_row("SELECT pin_hash FROM staff WHERE name = ?1", [name], |r| r.get::<_, String>(0)).unwrap()
    };
    let mut demo = demo_without_history();
    assert!(hash_of(&demo, "김민지").contains("$m=8,t=1,p=1$"), "{}", hash_of(&demo, "김민지"));
    let manager = staff(&demo.store, "김민지");
    assert!(demo.store.sign_in(manager.id, "1234", at(9, 0)).is_ok());
    assert!(demo.store.sign_in(manager.id, "4321", at(9, 1)).is_err());

    let mut real = minimal();
    assert!(hash_of(&real, "관리자").contains("$m=19456,t=2,p=1$"), "{}", hash_of(&real, "관리자"));
    let manager = staff(&real.store, "관리자");
    assert!(real.store.sign_in(manager.id, "1111", at(9, 0)).is_ok());
    // People a demo store's manager adds get the full cost: only the shown PINs are cheap.
    let new = NewStaff { name: "새직원".into(), role: Role::Cashier, pin: Pin::typed("5678").unwrap() };
    let demo_manager = staff(&demo.store, "김민지");
    demo.store.add_staff(&new, &demo_manager, at(9, 2)).unwrap();
    assert!(hash_of(&demo, "새직원").contains("$m=19456,t=2,p=1$"));
}
