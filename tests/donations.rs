//! Donors, donations, tag batches, stock and out-flows on a real store file: what a volunteer
//! records at the intake counter and the pricing bench, found again, valued and counted.

mod common;

use common::*;
use nanum::domain::donation::{Accepted, Channel, OutFlow, RejectReason, Rejected};
use nanum::domain::{Condition, IsoWeek, Phone, Won};
use nanum::store::{NewDonation, NewDonor, NewOutFlow, NewTags};

fn donor(name: &str, phone: Option<&str>) -> NewDonor {
    NewDonor { name: name.into(), phone: phone.and_then(Phone::parse), wants_receipt: true, wants_messages: false }
}

#[test]
fn a_donor_is_found_by_phone_in_any_form_and_by_two_syllables_of_the_name() {
    let mut t = demo_without_history();
    let volunteer = staff(&t.store, "박순자");
    let kim = t.store.add_donor(&donor("김민지", Some("010-1234-5678")), &volunteer, at(10, 0)).unwrap();
    t.store.add_donor(&donor("이민호", Some("01099998888")), &volunteer, at(10, 1)).unwrap();
    t.store.add_donor(&donor("Jane Kim", None), &volunteer, at(10, 2)).unwrap();
    for typed in ["01012345678", "+82 10 1234 5678", "010 1234 5678"] {
        let found = t.store.find_donors(typed, 10).unwrap();
        assert_eq!(found.iter().map(|m| m.donor.name.as_str()).collect::<Vec<_>>(), ["김민지"], "{typed}");
    }
    let names = |typed: &str| -> Vec<String> {
        t.store.find_donors(typed, 10).unwrap().into_iter().map(|m| m.donor.name).collect()
    };
    assert_eq!(names("민지"), ["김민지"]);
    assert_eq!(names("민"), Vec::<String>::new(), "one letter finds nobody");
    assert_eq!(names("김민지"), ["김민지"]);
    assert_eq!(names("jane"), ["Jane Kim"], "Latin letters, any case");
    assert!(names("민호").contains(&"이민호".to_string()));
    assert_eq!(names("박지성"), Vec::<String>::new());
    assert_eq!(kim.phone.unwrap().masked(), "010-****-5678");
    let added: i64 = t
        .store
        .reader()
        .query_row("SELECT count(*) FROM journal WHERE kind = 'donor.added'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(added, 3);
}

#[test]
fn a_donation_is_valued_by_counting_units_and_only_a_manager_changes_the_value() {
    let mut t = demo_without_history();
    let volunteer = staff(&t.store, "박순자");
    let manager = staff(&t.store, "김민지");
    let kim = t.store.add_donor(&donor("김민지", Some("010-1234-5678")), &volunteer, at(10, 0)).unwrap();
    let books = t.store.category("007").unwrap().unwrap().donation;
    let clothes = t.store.category("001").unwrap().unwrap().donation;
    assert_eq!(books.unit, 5, "books count five to a unit");
    let recorded = t
        .store
        .record_donation(NewDonation {
            donor: Some(&kim),
            channel: Channel::WalkIn,
            accepted: vec![
                Accepted { category: "001".into(), count: 12 },
                Accepted { category: "007".into(), count: 7 },
            ],
            rejected: vec![Rejected {
                category: Some("001".into()),
                count: 2,
                reason: RejectReason::Stained,
                note: String::new(),
            }],
            bags: 2,
            boxes: 1,
            grams: Some(8_500),
            note: String::new(),
            staff: &volunteer,
            at: at(10, 5),
        })
        .unwrap();
    let expected = clothes.value * 12 + books.value;
    assert_eq!(recorded.value, expected, "12 pieces of clothing and one unit of books (7 books)");
    assert_eq!((recorded.accepted(), recorded.rejected_count()), (19, 2));
    assert_eq!(recorded.lines.iter().find(|l| l.category == "007").map(|l| l.units), Some(1));

    let action = nanum::store::Approval::DonationValue {
        donation: recorded.uuid.clone(),
        from: recorded.value,
        amount: Won::new(30_000),
    };
    let approved = approve(&mut t.store, &action, &volunteer, at(11, 0));
    let changed = t
        .store
        .change_donation_value(&recorded, Won::new(30_000), "좋은 겨울 코트", &volunteer, &approved, at(11, 0))
        .unwrap();
    assert_eq!((changed.valued, changed.value), (expected, Won::new(30_000)));
    let history = t.store.donations_of(kim.id).unwrap();
    assert_eq!(history[0].value, Won::new(30_000));
    let db = t.store.reader();
    assert!(db.execute("UPDATE donations SET value = 1", []).is_err(), "a donation is kept as written");

    // The same person registered twice: merged, the history follows.
    let again = t.store.add_donor(&donor("김 민지", Some("010-5555-6666")), &volunteer, at(12, 0)).unwrap();
    t.store
        .record_donation(NewDonation {
            donor: Some(&again),
            channel: Channel::Parcel,
            accepted: vec![Accepted { category: "001".into(), count: 1 }],
            rejected: Vec::new(),
            bags: 0,
            boxes: 1,
            grams: None,
            note: String::new(),
            staff: &volunteer,
            at: at(12, 5),
        })
        .unwrap();
    let action = nanum::store::Approval::DonorMerge { from: again.uuid.clone(), into: kim.uuid.clone() };
    let approved = approve(&mut t.store, &action, &manager, at(13, 0));
    t.store.merge_donors(&again, &kim, &approved, at(13, 0)).unwrap();
    let found = t.store.find_donors("민지", 10).unwrap();
    assert_eq!(found.len(), 1, "the merged donor no longer shows");
    assert_eq!((found[0].donations, found[0].value), (2, Won::new(30_000) + clothes.value));
}

#[test]
fn tags_printed_less_sold_and_pulled_is_what_the_pull_list_says_is_left() {
    let mut t = demo_without_history();
    let volunteer = staff(&t.store, "박순자");
    let cashier = staff(&t.store, "이서준");
    // Five weeks before today the demo rotation pulls.
    let week = IsoWeek::of(today()).plus_weeks(-5);
    let batch = t
        .store
        .record_tags(NewTags {
            category: "001".into(),
            condition: Condition::Good,
            price: Won::new(5000),
            count: 10,
            intake: week,
            item: None,
            staff: &volunteer,
            approved_by: None,
            donation: None,
            at: at(9, 0) - chrono::Duration::weeks(5),
        })
        .unwrap();
    let code = batch.code.clone();
    assert_eq!(code, tag(1, 5000, 5));
    cash_sale(&mut t.store, &[code.as_str()], 5000, &cashier, at(11, 0));
    cash_sale(&mut t.store, &[code.as_str()], 5000, &cashier, at(11, 5));
    let out = NewOutFlow {
        kind: OutFlow::Outlet,
        category: "001".into(),
        count: 3,
        grams: Some(1_200),
        week: Some(week),
        note: String::new(),
        staff: &volunteer,
        at: at(12, 0),
    };
    t.store.record_out_flow(&out).unwrap();
    let pull = t.store.pull_list(today()).unwrap();
    let line = pull.iter().find(|l| l.category == "001" && l.week == week.yyww()).expect("the week is on the list");
    assert_eq!((line.printed, line.sold, line.pulled, line.left()), (10, 2, 3, 5));
    assert!(line.colour.is_some());

    // An item tag makes its item, sold like any.
    let item = t
        .store
        .record_tags(NewTags {
            category: "005".into(),
            condition: Condition::LikeNew,
            price: Won::new(45_000),
            count: 1,
            intake: IsoWeek::of(today()),
            item: Some("가죽 가방".into()),
            staff: &volunteer,
            approved_by: None,
            donation: None,
            at: at(9, 30),
        })
        .unwrap();
    assert!(item.code.starts_with('I'));
    assert_eq!(t.store.item(&item.code).unwrap().unwrap().description, "가죽 가방");

    let coffee = nanum::demo::demo_ean(0);
    let before = t.store.stock_item(&coffee).unwrap().unwrap().on_hand;
    let after = t.store.receive_stock(&coffee, 12, &volunteer, at(9, 0)).unwrap();
    assert_eq!(after.on_hand, before + 12);
}
