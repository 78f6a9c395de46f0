//! Sync from the till: the status bar counts the records not yet at head office; a manager's
//! button on the menu sends them to a real `nanum-central` on a throwaway PostgreSQL, with the
//! result said on the screen; a cashier has no such button; an unreachable head office is said
//! plainly and nothing is lost.

mod common;

use common::central::*;
use common::till::Till;
use common::*;
use nanum::ui::app::Message;

fn unsynced(till: &Till) -> i64 {
    till.app.sync_status().expect("the status was read").unsynced
}

#[test]
fn a_manager_syncs_from_the_menu_and_the_count_goes_to_zero() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let TempStore { dir, mut store } = demo_without_history();
    sell_some(&mut store, 3);
    let token = add_store(&db_url, store.info().code, &store.info().name);
    std::fs::write(dir.path().join("sync-token"), token).unwrap();
    let url = central.url();
    let mut till = Till::on(store, dir, |config, _| config.sync.central = url.clone());
    till.send(Message::Tick);
    let waiting = local_chain(till.app.store().path()).len() as i64;
    assert_eq!(unsynced(&till), waiting);
    assert!(till.sees_part(&format!("보낼 기록 {waiting}건")), "{:?}", till.texts());

    // A cashier's menu has no sync button.
    till.sign_in("이서준", "2222");
    till.send(Message::OpenMenu);
    assert!(!till.sees("본부와 동기화"));
    till.send(Message::SignOut);

    till.sign_in("김민지", "1234");
    till.send(Message::OpenMenu);
    assert!(till.sees_part("동기화한 적 없음"), "{:?}", till.texts());
    till.click("본부와 동기화");
    let events = local_chain(till.app.store().path());
    let sent = nanum::domain::Won::new(events.len() as i64).grouped();
    assert!(
        till.sees(&format!("동기화했어요: 기록 {sent}건을 보냈고, 본부가 {sent}번까지 받았어요.")),
        "{:?}",
        till.texts()
    );
    assert_eq!(unsynced(&till), 0);
    assert!(till.sees_part("보낼 기록 0건"));
    assert!(till.sees_part("마지막 동기화 2026-11-25 14:03"), "{:?}", till.texts());
    assert_eq!(central_chain(&pg, "central", 1), events);

    // A sale later (here from another connection, as another till's) is one more record
    // waiting, counted within the second: the next tick.
    till.send(Message::CloseMenu);
    till.send(Message::Tick);
    {
        let mut store = nanum::store::Store::open(till.app.store().path()).unwrap();
        sell_some(&mut store, 1);
    }
    till.send(Message::Tick);
    assert_eq!(unsynced(&till), 1);
    assert!(till.sees_part("보낼 기록 1건"), "{:?}", till.texts());
}

#[test]
fn an_unreachable_head_office_is_said_plainly_and_nothing_is_lost() {
    let port = free_port();
    let TempStore { dir, store } = demo_without_history();
    std::fs::write(dir.path().join("sync-token"), "nanum_token").unwrap();
    let mut till = Till::on(store, dir, |config, _| {
        config.sync.central = format!("http://127.0.0.1:{port}");
        config.sync.retries = 0;
    });
    till.send(Message::Tick);
    let before = unsynced(&till);
    assert!(before > 0);
    till.sign_in("김민지", "1234");
    till.send(Message::OpenMenu);
    till.click("본부와 동기화");
    assert!(till.sees_part(&format!("본부(http://127.0.0.1:{port})에 연결하지 못했어요")), "{:?}", till.texts());
    assert!(till.sees_part("기록은 이 컴퓨터에 그대로 있어요"));
    // Signing in journaled one more record; none went anywhere.
    assert!(unsynced(&till) > before);
    assert!(till.sees_part("동기화한 적 없음"));
    // The message belongs to the menu: gone when the menu is left and opened again.
    till.click("판매");
    till.send(Message::OpenMenu);
    assert!(!till.sees_part("연결하지 못했어요"), "{:?}", till.texts());
}

#[test]
fn a_store_not_joined_to_head_office_is_told_what_to_do() {
    let TempStore { dir, store } = demo_without_history();
    let mut till = Till::on(store, dir, |config, _| config.sync.central = String::new());
    till.sign_in("김민지", "1234");
    till.send(Message::OpenMenu);
    till.click("본부와 동기화");
    assert!(till.sees("본부와 연결되지 않은 매장이에요. 본부 담당자에게 연결을 부탁하세요."), "{:?}", till.texts());
    assert!(!till.sees_part("--central"), "no command-line words on the screen");
}

/// Head office changes the markdowns while the till stays open all day: once a sync brings
/// them, the next scan is charged the new price, with no restart. The till used to keep
/// charging the old markdowns until it was restarted.
#[test]
fn new_markdowns_from_head_office_are_charged_from_the_next_scan() {
    use nanum::ui::screen::checkout;
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let TempStore { dir, store } = demo_without_history();
    let token = add_store(&db_url, store.info().code, &store.info().name);
    std::fs::write(dir.path().join("sync-token"), token).unwrap();
    let url = central.url();
    let mut till = Till::on(store, dir, |config, _| config.sync.central = url.clone());
    till.sign_in("김민지", "1234");
    let sell = |till: &mut Till, code: &str| {
        till.enter(checkout::SCAN_INPUT, code);
        let price = till.app.checkout().unwrap().cart().lines()[0].unit_price;
        till.send(Message::Hotkey(nanum::ui::app::Hotkey::Cash));
        till.enter(checkout::ENTRY_INPUT, "50000");
        price
    };
    // A 10,000 won tag priced two weeks ago, at today's markdowns.
    let code = tag(1, 10_000, 2);
    let before = sell(&mut till, &code);
    assert_ne!(before.get(), 2_000);
    till.send(Message::Checkout(checkout::Message::NewSale));

    let csv = till.dir.path().join("markdowns.csv");
    std::fs::write(&csv, "from_week,percent_off,pull\n0,0,false\n2,80,false\n").unwrap();
    let imported = central_cli(&db_url, &["import", "markdowns", csv.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", String::from_utf8_lossy(&imported.stderr));
    till.send(Message::OpenMenu);
    till.click("본부와 동기화");
    assert!(till.sees_part("동기화했어요"), "{:?}", till.texts());
    till.send(Message::CloseMenu);

    let after = sell(&mut till, &code);
    assert_eq!(after.get(), 2_000, "80% off from the second week, as head office set");
    let store = till.app.store();
    assert_eq!(store.sale(today(), 1).unwrap().expect("the first sale").total, before);
    assert_eq!(store.sale(today(), 2).unwrap().expect("the sale after the sync").total.get(), 2_000);
}
