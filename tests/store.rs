//! The store database as a real SQLite file: schema versions, sales with their journal events,
//! the journal's chain, PIN lockout, and what happens when the disk is full.

mod common;

use chrono::Duration;
use common::*;
use nanum::domain::{Cart, ItemTag, Payment, Won};
use nanum::store::{ChainError, NewSale, SaleError, ScanError, SignInError, Store, StoreError};

#[test]
fn a_new_store_is_wal_with_full_sync_and_foreign_keys() {
    let t = minimal();
    let db = t.store.reader();
    let mode: String = db.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    let sync: i64 = db.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    let fk: i64 = db.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!((mode.as_str(), sync, fk), ("wal", 2, 1));
}

#[test]
fn a_database_from_a_newer_nanum_is_refused_and_left_alone() {
    let t = minimal();
    let path = t.path();
    drop(t.store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err:?}");
    assert!(err.to_string().contains("newer version of Nanum"));
    assert_eq!(count(&path, "PRAGMA user_version"), 99);
    assert_eq!(count(&path, "SELECT count(*) FROM staff"), 3);
}

#[test]
fn a_file_that_is_not_a_store_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "이건 데이터베이스가 아니에요 — just some text, long enough to look like a header").unwrap();
    assert!(matches!(Store::open(&path), Err(StoreError::NotAStore { .. })));
    assert!(matches!(Store::open(&dir.path().join("missing.db")), Err(StoreError::Missing { .. })));
}

#[test]
fn creating_over_an_existing_file_is_refused() {
    let t = minimal();
    let again = Store::create(&t.path(), &nanum::store::StoreSetup::minimal("x"));
    assert!(matches!(again, Err(StoreError::Exists { .. })));
}

#[test]
fn a_sale_is_committed_with_its_lines_tenders_vat_and_journal_event() {
    let mut t = minimal();
    let cashier = staff(&t.store, "계산원");
    let clothes = tag(1, 3500, 0);
    let book = tag(7, 2000, 0);
    let sale = cash_sale(&mut t.store, &[&clothes, &book], 10_000, &cashier, at(14, 5));
    assert_eq!((sale.sale_no, sale.total, sale.payment.change), (1, Won::new(5500), Won::new(4500)));

    let reread = t.store.sale(today(), 1).unwrap().unwrap();
    assert_eq!(reread.lines.len(), 2);
    assert_eq!(reread.total, Won::new(5500));
    assert_eq!(reread.staff_name, "계산원");
    let vat: Vec<_> =
        reread.vat.iter().map(|v| (v.class.as_str(), v.gross.get(), v.supply.get(), v.vat.get())).collect();
    assert_eq!(vat, [("standard", 3500, 3182, 318), ("exempt", 2000, 2000, 0)]);
    assert_eq!(reread.payment.tenders[0].tendered, Won::new(10_000));

    let db = t.store.reader();
    let (kind, payload): (String, String) = db
        .query_row("SELECT kind, journal_text(payload) FROM journal ORDER BY seq DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(kind, "sale.committed");
    let payload: serde_json::Value = serde_json::from_str(&payload).unwrap();
    assert_eq!(payload["uuid"], sale.uuid.as_str());
    assert_eq!(payload["total"], 5500);
    assert_eq!(payload["payment"]["change"], 4500);

    let second = cash_sale(&mut t.store, &[&clothes], 3500, &cashier, at(14, 6));
    assert_eq!(second.sale_no, 2, "sale numbers count up within the day");
    let tomorrow = cash_sale(&mut t.store, &[&clothes], 3500, &cashier, at(14, 6) + Duration::days(1));
    assert_eq!(tomorrow.sale_no, 1, "and start again the next day");
}

#[test]
fn committed_sales_and_the_journal_cannot_be_changed_or_deleted() {
    let mut t = minimal();
    let cashier = staff(&t.store, "계산원");
    cash_sale(&mut t.store, &[&tag(1, 3500, 0)], 5000, &cashier, at(10, 0));
    let db = t.store.reader();
    for sql in [
        "UPDATE journal SET payload = '{}' WHERE seq = 1",
        "DELETE FROM journal",
        "UPDATE sales SET total = 1",
        "DELETE FROM sales",
        "DELETE FROM sale_lines",
        "UPDATE tenders SET amount = 0",
    ] {
        let err = db.execute(sql, []).unwrap_err();
        assert!(err.to_string().contains("cannot") || err.to_string().contains("append-only"), "{sql}: {err}");
    }
    let report = t.store.check().unwrap();
    assert_eq!((report.chain.len(), report.events), (0, count(&t.path(), "SELECT count(*) FROM journal") as u64));
}

#[test]
fn a_tampered_journal_is_found_by_check() {
    let mut t = minimal();
    let cashier = staff(&t.store, "계산원");
    cash_sale(&mut t.store, &[&tag(1, 3500, 0)], 5000, &cashier, at(10, 0));
    cash_sale(&mut t.store, &[&tag(1, 4500, 0)], 5000, &cashier, at(10, 5));
    assert!(t.store.check().unwrap().is_ok());
    let path = t.path();
    drop(t.store);

    // Someone with the file, sqlite3 and zstd drops the trigger and edits an amount.
    let conn = rusqlite::Connection::open(&path).unwrap();
    nanum::store::journal::packing::add_sql_functions(&conn).unwrap();
    conn.execute_batch("DROP TRIGGER journal_is_append_only_update").unwrap();
    let seq: i64 =
        conn.query_row("SELECT seq FROM journal WHERE kind = 'sale.committed' LIMIT 1", [], |r| r.get(0)).unwrap();
    conn.execute(
        "UPDATE journal SET payload = journal_pack(replace(journal_text(payload), '3500', '350')) WHERE seq = ?1",
        [seq],
    )
    .unwrap();
    // And someone with sqlite3 alone changes a byte of the other sale's packed payload.
    let other: i64 =
        conn.query_row("SELECT max(seq) FROM journal WHERE kind = 'sale.committed'", [], |r| r.get(0)).unwrap();
    conn.execute(
        "UPDATE journal SET payload = CAST(substr(payload, 1, 20) || x'5a' || substr(payload, 22) AS BLOB) WHERE seq = ?1",
        [other],
    )
    .unwrap();
    drop(conn);

    let report = Store::open(&path).unwrap().check().unwrap();
    assert!(!report.is_ok());
    assert_eq!(report.chain, [ChainError::Altered { seq }, ChainError::Altered { seq: other }]);
}

#[test]
fn a_unique_item_sells_once() {
    let mut t = demo_without_history();
    let manager = staff(&t.store, "김민지");
    let item = nanum::store::ItemSetup {
        serial: 77,
        description: "울 코트".into(),
        category: "001".into(),
        price: Won::new(25_000),
        condition: nanum::domain::Condition::Good,
        intake_date: today(),
    };
    let codes = t.store.add_items(&[item], Some(manager.id), at(9, 0)).unwrap();
    let code = ItemTag::new(1, 77).unwrap().code();
    assert_eq!(codes, std::slice::from_ref(&code));
    let sale = cash_sale(&mut t.store, &[&code], 30_000, &manager, at(11, 0));
    assert_eq!((sale.lines[0].name_ko.as_str(), sale.total.get()), ("울 코트", 25_000));
    assert!(matches!(t.store.price_scan(&code, today()), Err(ScanError::AlreadySold { .. })));
    let other_store = ItemTag::new(2, 77).unwrap().code();
    assert!(matches!(t.store.price_scan(&other_store, today()), Err(ScanError::OtherStore { store: 2, .. })));
    let unknown = ItemTag::new(1, 78).unwrap().code();
    assert!(matches!(t.store.price_scan(&unknown, today()), Err(ScanError::UnknownItem { .. })));
}

#[test]
fn a_unique_item_scanned_on_two_tills_at_once_sells_on_the_first_and_the_second_is_told_why() {
    let mut t = demo_without_history();
    let manager = staff(&t.store, "김민지");
    let item = nanum::store::ItemSetup {
        serial: 78,
        description: "가죽 재킷".into(),
        category: "002".into(),
        price: Won::new(35_000),
        condition: nanum::domain::Condition::Good,
        intake_date: today(),
    };
    let code = t.store.add_items(&[item], Some(manager.id), at(9, 0)).unwrap().remove(0);
    // The second till shares the store file and scans the jacket before the first one pays.
    let mut second = Store::open(&t.path()).unwrap();
    let mut cart = Cart::new();
    cart.add(second.price_scan(&code, today()).unwrap().line).unwrap();
    let payment = Payment::cash(cart.total(), Won::new(40_000)).unwrap();
    cash_sale(&mut t.store, &[&code], 40_000, &manager, at(11, 0));
    let session = common::open_till(&mut second, &manager, at(11, 1));
    let refused = second.commit_sale(NewSale::new(&cart, &payment, &manager, &session, at(11, 1))).unwrap_err();
    assert!(matches!(&refused, SaleError::AlreadySold { code: c } if *c == code), "{refused:?}");
    nanum::i18n::set_language(nanum::i18n::Lang::Ko);
    assert_eq!(
        nanum::explain::sale_error(&refused),
        format!("이 상품은 방금 다른 계산대에서 팔렸어요 ({code}). 판매에서 빼 주세요.")
    );
    // Nothing of the refused sale was written: one sale today, the jacket in it once.
    assert_eq!(t.store.sales_of(today()).unwrap().len(), 1);
    assert!(second.sale(today(), 2).unwrap().is_none());
}

#[test]
fn prices_follow_the_colour_rotation() {
    let t = demo_without_history();
    let check = |weeks_ago: i64, price: i64, pull: bool| {
        let priced = t.store.price_scan(&tag(12, 3500, weeks_ago), today()).unwrap();
        let m = priced.line.markdown.clone().unwrap();
        assert_eq!((priced.line.unit_price.get(), m.pull), (price, pull), "{weeks_ago} weeks");
        assert!(priced.colour.is_some());
    };
    check(0, 3500, false);
    check(3, 3500, false);
    check(4, 1700, false);
    check(5, 1700, true);
    assert!(matches!(t.store.price_scan(&tag(999, 3500, 0), today()), Err(ScanError::UnknownCategory { .. })));
    assert!(matches!(t.store.price_scan("P012000350026268", today()), Err(ScanError::Code(_))));
}

/// A scan takes its category from memory; a change to the categories made elsewhere (a sync,
/// another till) is used once the till looks for reference changes, as it does on every scan.
#[test]
fn a_scan_uses_the_categories_as_head_office_last_changed_them() {
    let mut t = demo_without_history();
    let coat = tag(12, 3500, 0);
    let category = t.store.price_scan(&coat, today()).unwrap().line.category.unwrap();
    let other = t.store.price_scan(&tag(1, 2000, 0), today()).unwrap().line.category.unwrap();
    let conn = rusqlite::Connection::open(t.path()).unwrap();
    conn.execute("UPDATE categories SET name_ko = '겨울 외투', name_en = 'Winter coats' WHERE code = ?1", [&category])
        .unwrap();
    conn.execute("UPDATE categories SET active = 0 WHERE code = ?1", [&other]).unwrap();
    conn.execute("UPDATE tax_classes SET rate_percent = '0' WHERE code = 'standard'", []).unwrap();
    drop(conn);

    assert!(t.store.refresh().unwrap(), "the change is seen");
    let line = t.store.price_scan(&coat, today()).unwrap().line;
    assert_eq!((line.name_ko.as_str(), line.name_en.as_str()), ("겨울 외투", "Winter coats"));
    assert_eq!(line.tax_rate_percent, rust_decimal::Decimal::ZERO);
    assert!(matches!(
        t.store.price_scan(&tag(1, 2000, 0), today()),
        Err(ScanError::UnknownCategory { code }) if code == other
    ));
    assert!(t.store.category(&other).unwrap().is_none());
    assert!(!t.store.refresh().unwrap(), "nothing changed since");
}

#[test]
fn a_pin_hash_that_cannot_be_read_is_said_plainly_and_never_locks_anyone_out() {
    let mut t = minimal();
    let cashier = staff(&t.store, "계산원");
    let manager = staff(&t.store, "관리자");
    let raw = rusqlite::Connection::open(t.path()).unwrap();
    raw.execute("UPDATE staff SET pin_hash = 'not-a-hash' WHERE id = ?1", [cashier.id]).unwrap();
    for _ in 0..7 {
        let refused = t.store.sign_in(cashier.id, "2222", at(9, 0)).unwrap_err();
        assert!(matches!(&refused, SignInError::UnreadablePin(name) if name == "계산원"), "{refused:?}");
    }
    nanum::i18n::set_language(nanum::i18n::Lang::Ko);
    let said = nanum::explain::sign_in_error(&t.store.sign_in(cashier.id, "0000", at(9, 1)).unwrap_err(), at(9, 1));
    assert_eq!(said, "계산원님의 PIN 기록을 읽을 수 없어요. 매니저가 직원 관리에서 PIN을 다시 정해 주세요.");
    // Nothing was counted against them: a new PIN from a manager works at once.
    assert_eq!(t.store.locked_until(cashier.id, at(9, 2)).unwrap(), None);
    let pin = nanum::domain::Pin::typed("5678").unwrap();
    t.store.reset_staff_pin(cashier.id, &pin, &manager, at(9, 2)).unwrap();
    assert_eq!(t.store.sign_in(cashier.id, "5678", at(9, 3)).unwrap().id, cashier.id);
}

#[test]
fn five_wrong_pins_lock_a_person_out_for_a_minute_even_across_a_restart() {
    let mut t = minimal();
    let uptime = boot_clock(&mut t.store);
    let cashier = staff(&t.store, "계산원");
    let now = at(9, 0);
    for left in (1..=4).rev() {
        match t.store.sign_in(cashier.id, "0000", now) {
            Err(SignInError::WrongPin { attempts_left, next_lock }) => {
                assert_eq!((attempts_left, next_lock.num_minutes()), (left, 1))
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(matches!(t.store.sign_in(cashier.id, "0000", now), Err(SignInError::LockedOut { .. })));
    // The right PIN does not help while locked, and reopening the file does not unlock.
    let path = t.path();
    drop(t.store);
    let mut store = Store::open(&path).unwrap();
    store.set_boot_clock(uptime.clock());
    uptime.advance(30);
    assert!(matches!(
        store.sign_in(cashier.id, "2222", now + Duration::seconds(30)),
        Err(SignInError::LockedOut { .. })
    ));
    uptime.advance(31);
    let member = store.sign_in(cashier.id, "2222", now + Duration::seconds(61)).unwrap();
    assert_eq!(member.name, "계산원");
    // Others were never locked.
    assert!(store.sign_in(staff(&store, "관리자").id, "1111", now).is_ok());
    assert_eq!(count(&path, "SELECT count(*) FROM journal WHERE kind = 'staff.signed_in'"), 2);
    assert_eq!(count(&path, "SELECT count(*) FROM journal WHERE kind = 'staff.locked_out'"), 1);
}

#[test]
fn a_full_disk_saves_nothing_and_keeps_every_earlier_sale() {
    let mut t = minimal();
    let cashier = staff(&t.store, "계산원");
    let clothes = tag(1, 3500, 0);
    cash_sale(&mut t.store, &[&clothes], 5000, &cashier, at(10, 0));
    let journal_before = count(&t.path(), "SELECT count(*) FROM journal");

    // Cap the file at its current size: the next write finds the disk full.
    let pages: i64 = t.store.reader().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    t.store.reader().pragma_update(None, "max_page_count", pages).unwrap();
    let mut cart = Cart::new();
    for _ in 0..300 {
        cart.add(t.store.price_scan(&clothes, today()).unwrap().line).unwrap();
    }
    let payment = Payment::card(cart.total()).unwrap();
    let session = common::open_till(&mut t.store, &cashier, at(10, 5));
    let err = t.store.commit_sale(NewSale::new(&cart, &payment, &cashier, &session, at(10, 5))).unwrap_err();
    assert!(matches!(err, nanum::store::SaleError::Store(StoreError::DiskFull)), "{err:?}");
    assert_eq!(cart.lines().len(), 300, "the cart is still there to try again");

    drop(t.store);
    let store = Store::open(&t.dir.path().join("store.db")).unwrap();
    assert_eq!(store.last_sale_no(today()).unwrap(), Some(1));
    assert_eq!(count(&t.dir.path().join("store.db"), "SELECT count(*) FROM journal"), journal_before);
    assert!(store.check().unwrap().is_ok());
}

#[test]
fn a_closed_till_is_corrected_by_a_record_of_its_own_never_by_changing_it() {
    use nanum::domain::till::Count;
    use nanum::store::{TillError, TillId};
    let mut t = demo_without_history();
    let till = TillId("1".into());
    let manager = staff(&t.store, "김민지");
    let cashier = staff(&t.store, "이서준");
    let session = t.store.open_session(&till, &manager, Count::of(Won::new(50_000)), at(9, 0)).unwrap();
    let action = nanum::store::Approval::TillCorrection { z_no: 1, amount: Won::new(1000), reason: "x".into() };
    let approved = approve(&mut t.store, &action, &cashier, at(12, 0));
    let early = t.store.correct_session(&session, Won::new(1000), "x", &cashier, &approved, at(12, 0));
    assert!(matches!(early, Err(TillError::NotClosed)), "an open till is counted at close, not corrected");
    let closed =
        t.store.close_session(&session, &manager, Count::of(Won::new(48_000)), Won::ZERO, true, at(20, 0)).unwrap();
    assert_eq!(closed.difference(), Some(Won::new(-2000)));
    let z_no = closed.session.closed.as_ref().unwrap().z_no;
    let action =
        nanum::store::Approval::TillCorrection {
            z_no, amount: Won::new(1500), reason: "금고에 먼저 넣은 돈".into()
        };
    let correction = approve(&mut t.store, &action, &cashier, at(20, 30));
    let corrected = t
        .store
        .correct_session(&session, Won::new(1500), "금고에 먼저 넣은 돈", &cashier, &correction, at(20, 30))
        .unwrap();
    assert_eq!((corrected.counted(), corrected.difference()), (Some(Won::new(49_500)), Some(Won::new(-500))));
    assert_eq!(corrected.corrections[0].approved_by, "김민지");
    let db = t.store.reader();
    assert!(db.execute("UPDATE till_corrections SET amount = 2000", []).is_err(), "corrections are kept");
    assert!(db.execute("UPDATE till_sessions SET counted = 50000", []).is_err(), "a closed session is kept");
    assert_eq!(t.store.last_closed(&till).unwrap().map(|s| s.id()), Some(session.id()));
}

/// Every document goes through a till session that is open when it is written, or it would be
/// missing from the X and Z reports. The store refuses a sale, a refund, a void, a cash move and
/// a voucher for a session closed meanwhile (here by a second till on the same file), and the
/// schema refuses a sale row with no session from any other writer. A sale used to be committed
/// with no session at all, and was in no till's report.
#[test]
fn a_document_for_a_till_that_is_not_open_is_refused_by_the_store() {
    use nanum::domain::till::{Count, MoveKind};
    use nanum::store::{NewRefund, RefundTo, Returned, TillId};
    let mut t = demo_without_history();
    let till = TillId("1".into());
    let manager = staff(&t.store, "김민지");
    let cashier = staff(&t.store, "이서준");
    let session = t.store.open_session(&till, &manager, Count::of(Won::new(50_000)), at(9, 0)).unwrap();
    let sold = cash_sale(&mut t.store, &[&tag(1, 5000, 0)], 5000, &cashier, at(10, 0));
    // The evening close, on the other till's connection; this one still holds the session.
    let mut other = Store::open(&t.path()).unwrap();
    other.close_session(&session, &manager, Count::of(Won::new(55_000)), Won::ZERO, true, at(20, 0)).unwrap();

    let mut cart = Cart::new();
    cart.add(t.store.price_scan(&tag(1, 3000, 0), today()).unwrap().line).unwrap();
    let payment = Payment::cash(cart.total(), Won::new(3000)).unwrap();
    let refused = t.store.commit_sale(NewSale::new(&cart, &payment, &cashier, &session, at(20, 5)).at_till(&till));
    assert!(
        matches!(refused, Err(SaleError::Store(StoreError::TillNotOpen { ref till })) if till == "1"),
        "{refused:?}"
    );
    let returned = Returned::Lines { sale: sold.id, lines: vec![(0, 1)] };
    let action = t.store.refund_approval(&returned).unwrap();
    let approved = approve(&mut t.store, &action, &cashier, at(20, 6));
    let refund = t.store.refund(NewRefund {
        returned,
        to: RefundTo::Cash,
        staff: &cashier,
        approved: &approved,
        session: &session,
        till: Some(&till),
        at: at(20, 6),
    });
    assert!(matches!(refund, Err(SaleError::Store(StoreError::TillNotOpen { .. }))), "{refund:?}");
    let approved = approve(&mut t.store, &void_approval(&sold), &cashier, at(20, 7));
    let void = t.store.void(sold.id, &cashier, &approved, &session, Some(&till), at(20, 7));
    assert!(
        matches!(void, Err(SaleError::Store(StoreError::TillNotOpen { .. }) | SaleError::CannotVoid(_))),
        "{void:?}"
    );
    let moved = t.store.cash_move(&session, MoveKind::In, Won::new(1000), "잔돈", &cashier, None, at(20, 8));
    assert!(matches!(moved, Err(StoreError::TillNotOpen { .. })), "{moved:?}");
    let approved =
        approve(&mut t.store, &nanum::store::Approval::IssueCredit { amount: Won::new(1000) }, &cashier, at(20, 9));
    let voucher = t.store.issue_credit(&session, Won::new(1000), "사과", &cashier, &approved, at(20, 9));
    assert!(matches!(voucher, Err(StoreError::TillNotOpen { .. })), "{voucher:?}");
    assert_eq!(t.store.last_sale_no(today()).unwrap(), Some(1), "only the sale made while the till was open");
    assert!(t.store.check().unwrap().is_ok());

    // A script writing a sale with no session is refused by the file itself.
    let db = rusqlite::Connection::open(t.path()).unwrap();
    let bare = db.execute(
        "INSERT INTO sales (uuid, kind, business_date, sale_no, sold_at, staff_id, total)
         SELECT 'x', 'sale', business_date, 99, sold_at, staff_id, total FROM sales LIMIT 1",
        [],
    );
    let message = bare.unwrap_err().to_string();
    assert!(message.contains("a document needs an open till session"), "{message}");
}

/// A manager's approval covers one action: the refund of this amount from this sale, once, while
/// both people are still signed in. Handed to a refund of another line, used a second time, or
/// kept past the manager's sign-out, the store refuses it and writes nothing. The store used to
/// take whatever approver it was handed.
#[test]
fn an_approval_covers_one_action_once_and_ends_at_sign_out() {
    use nanum::store::{NewRefund, RefundTo, Refused, Returned};
    let mut t = demo_without_history();
    let manager = staff(&t.store, "김민지");
    let cashier = staff(&t.store, "이서준");
    let coffee = nanum::demo::demo_ean(0);
    let sold = cash_sale(&mut t.store, &[&coffee, &coffee, &tag(1, 3000, 0)], 50_000, &cashier, at(10, 0));
    assert_eq!(sold.lines[0].quantity, 2);
    let session = open_till(&mut t.store, &manager, at(10, 0));
    let one_coffee = || Returned::Lines { sale: sold.id, lines: vec![(0, 1)] };
    let the_tag = || Returned::Lines { sale: sold.id, lines: vec![(1, 1)] };
    let refund = |store: &mut Store, returned: Returned, approved: &nanum::store::Approved, minute: u32| {
        store.refund(NewRefund {
            returned,
            to: RefundTo::Cash,
            staff: &cashier,
            approved,
            session: &session,
            till: None,
            at: at(11, minute),
        })
    };
    let refused = |r: Result<nanum::store::Refunded, SaleError>| match r {
        Err(SaleError::Store(StoreError::Approval(why))) => why,
        other => panic!("not refused for its approval: {other:?}"),
    };

    // Approved for the 3,000 won tag, handed to a coffee's refund (12,000 won).
    let action = t.store.refund_approval(&the_tag()).unwrap();
    assert_eq!(action.amount(), Some(Won::new(3_000)));
    let for_the_tag = approve(&mut t.store, &action, &cashier, at(11, 0));
    assert_eq!(refused(refund(&mut t.store, one_coffee(), &for_the_tag, 1)), Refused::ForAnother);
    // One coffee, approved and refunded; the same approval again for the second coffee (the
    // same amount from the same sale) is refused as used.
    let action = t.store.refund_approval(&one_coffee()).unwrap();
    assert_eq!(action.amount(), Some(Won::new(12_000)));
    let for_a_coffee = approve(&mut t.store, &action, &cashier, at(11, 2));
    refund(&mut t.store, one_coffee(), &for_a_coffee, 3).unwrap();
    assert_eq!(refused(refund(&mut t.store, one_coffee(), &for_a_coffee, 4)), Refused::Used);
    // Approved, then the manager signs out before it is used.
    let action = t.store.refund_approval(&one_coffee()).unwrap();
    let late = approve(&mut t.store, &action, &cashier, at(11, 5));
    t.store.sign_out(&manager, at(11, 6)).unwrap();
    assert_eq!(refused(refund(&mut t.store, one_coffee(), &late, 7)), Refused::SignedOut);

    let refunds = count(&t.path(), "SELECT count(*) FROM sales WHERE kind = 'refund'");
    assert_eq!(refunds, 1, "only the refund its approval covered was written");
    assert_eq!(count(&t.path(), "SELECT count(*) FROM approvals WHERE used_at IS NOT NULL"), 1);
    // The tag's approval, never used, ended at the sign-out too.
    assert_eq!(refused(refund(&mut t.store, the_tag(), &for_the_tag, 8)), Refused::SignedOut);
}
