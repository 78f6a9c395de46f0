//! Finding a donor at the intake counter in a store with 100,000 donors: by two syllables of
//! the name through the FTS5 index of names' short pieces, against `LIKE '%…%'` over the names
//! (the goal: at least 50× faster), and by phone through `lookup_donors` against a bare indexed
//! select of the same row (the goal: at most 2× its cost). `find_donors`, which the screen
//! calls, adds each match's history; it is timed too. Ratios are measured in this run. Run as a
//! test (`cargo test --benches`, a debug build) it makes 2,000 donors, to stay quick.

mod common;

use std::cell::Cell;

use common::{mean, timed};

use chrono::{FixedOffset, TimeZone};
use criterion::Criterion;
use nanum::domain::Phone;
use nanum::store::{NewDonor, Store, StoreSetup};

const FAMILY: [&str; 20] = [
    "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류",
    "홍",
];
const SYLLABLES: [&str; 24] = [
    "민", "서", "지", "준", "하", "은", "도", "윤", "우", "예", "수", "아", "현", "연", "시", "영", "희", "철", "정",
    "호", "태", "경", "숙", "진",
];

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let count: u32 = if benching { 100_000 } else { 2_000 };
    let mut c = Criterion::default().configure_from_args();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store.db");
    let mut store = Store::create(&path, &StoreSetup::minimal("벤치마크")).expect("store");
    let at = FixedOffset::east_opt(9 * 3600).unwrap().with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
    // A fixed spread of names and phone numbers (no randomness: the same store every run).
    let donors: Vec<NewDonor> = (0..count)
        .map(|i| {
            let given = format!("{}{}", SYLLABLES[(i * 7 % 24) as usize], SYLLABLES[(i * 13 / 24 % 24) as usize]);
            NewDonor {
                name: format!("{}{given}", FAMILY[(i % 20) as usize]),
                phone: Phone::parse(&format!("010{:08}", i * 977 % 100_000_000)),
                wants_receipt: true,
                wants_messages: false,
            }
        })
        .collect();
    store.add_donors(&donors, at).expect("donors");
    let given = "민지";
    // A donor well inside the run (no wrap-around below 100,000,000 for this one).
    let phone = Phone::parse(&format!("010{:08}", (count / 2 + 321) * 977)).expect("phone");
    let found = store.find_donors(given, 20).expect("fts");
    let scanned = store.find_donors_by_like(given, 20).expect("like");
    assert!(!found.is_empty(), "the name is there");
    assert_eq!(found.len(), scanned.len(), "both ways find the same donors");
    assert_eq!(store.find_donors(phone.digits(), 5).expect("phone").len(), 1);
    let bare = rusqlite::Connection::open(&path).expect("bare");

    let (fts, like, by_phone, indexed) = (Cell::default(), Cell::default(), Cell::default(), Cell::default());
    let mut group = c.benchmark_group("donor search");
    let with_history = Cell::default();
    group.bench_function("two syllables, FTS5 pieces", |b| {
        b.iter_custom(|n| timed(&fts, n, || assert!(!store.lookup_donors(given, 20).expect("fts").is_empty())))
    });
    group.bench_function("phone, with history (the screen)", |b| {
        b.iter_custom(|n| {
            timed(&with_history, n, || assert_eq!(store.find_donors(phone.digits(), 5).expect("phone").len(), 1))
        })
    });
    group.bench_function("two syllables, LIKE '%…%'", |b| {
        b.iter_custom(|n| timed(&like, n, || assert!(!store.find_donors_by_like(given, 20).expect("like").is_empty())))
    });
    group.bench_function("phone, lookup_donors", |b| {
        b.iter_custom(|n| {
            timed(&by_phone, n, || assert_eq!(store.lookup_donors(phone.digits(), 5).expect("phone").len(), 1))
        })
    });
    group.bench_function("phone, bare indexed select", |b| {
        b.iter_custom(|n| {
            timed(&indexed, n, || {
                // The same row's columns, as plain values.
                let row: (i64, String, String, Option<String>, bool, bool) = bare
                    .prepare_cached(
                        "SELECT id, uuid, name, phone, wants_receipt, wants_messages FROM donors
                         WHERE phone = ?1 AND merged_into IS NULL",
                    )
                    .expect("prepare")
                    .query_row([phone.digits()], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
                    })
                    .expect("row");
                assert!(row.0 > 0);
            })
        })
    });
    group.finish();
    c.final_summary();
    let (by_name, scanned) = (mean(fts.get()), mean(like.get()));
    let (by_phone, bare) = (mean(by_phone.get()), mean(indexed.get()));
    common::record(
        "Finding a donor by two letters of a name (FTS5) against LIKE over the same donors",
        &format!("{:.3} ms vs {:.3} ms: {:.0}× faster", by_name * 1e3, scanned * 1e3, scanned / by_name),
        "≥ 50× faster",
        Some(scanned / by_name >= 50.0),
    );
    common::record(
        "Finding a donor by phone against a bare indexed SELECT",
        &format!(
            "{:.4} ms vs {:.4} ms: {:.2}×; with their history {:.4} ms",
            by_phone * 1e3,
            bare * 1e3,
            by_phone / bare,
            mean(with_history.get()) * 1e3
        ),
        "≤ 2×",
        Some(by_phone / bare <= 2.0),
    );
}
