//! Reports on years of history: a day's sales report and a year's summary, each against a bare
//! SQL aggregate over the same rows (the goal: within 2× of it). `cargo bench` builds five
//! years of demo history first (and says how long that took: the goal is under a minute in a
//! release build); run as a test (`cargo test --benches`) it builds a month, to stay quick.

mod common;

use std::cell::Cell;
use std::time::{Duration, Instant};

use common::{mean, timed};

use chrono::NaiveDate;
use criterion::Criterion;

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let days = if benching { 1825 } else { 30 };
    let mut c = Criterion::default().configure_from_args();
    let dir = tempfile::tempdir().expect("temp dir");
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let started = Instant::now();
    let (store, summary) = nanum::demo::create(&dir.path().join("store.db"), days, today).expect("demo");
    let built = started.elapsed();
    let day = today.pred_opt().unwrap();
    let (year_from, year_to) =
        (NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
    let bare = rusqlite::Connection::open(dir.path().join("store.db")).expect("bare");
    // What the report reads, as one plain aggregate: the goods, refunds and donations of the days.
    let aggregate = |from: NaiveDate, to: NaiveDate| -> i64 {
        bare.prepare_cached(
            "SELECT coalesce(sum(l.amount), 0) + count(DISTINCT s.id) FROM sale_lines l JOIN sales s ON s.id = l.sale_id
             WHERE s.business_date BETWEEN ?1 AND ?2",
        )
        .expect("prepare")
        .query_row([from.to_string(), to.to_string()], |r| r.get(0))
        .expect("sum")
    };
    let cells: [Cell<(Duration, u64)>; 4] = Default::default();
    let mut group = c.benchmark_group("reports");
    group.bench_function("a day's sales report", |b| {
        b.iter_custom(|n| {
            timed(&cells[0], n, || assert!(nanum::reports::daily::daily(&store, day).expect("daily").sales > 0))
        })
    });
    group.bench_function("a day, bare aggregate", |b| {
        b.iter_custom(|n| timed(&cells[1], n, || assert!(aggregate(day, day) > 0)))
    });
    if benching {
        group.bench_function("a year's summary", |b| {
            b.iter_custom(|n| {
                timed(&cells[2], n, || {
                    assert!(nanum::reports::daily::between(&store, year_from, year_to).expect("year").sales > 0)
                })
            })
        });
        group.bench_function("a year, bare aggregate", |b| {
            b.iter_custom(|n| timed(&cells[3], n, || assert!(aggregate(year_from, year_to) > 0)))
        });
    }
    group.finish();
    c.final_summary();
    common::record(
        "Building demo history",
        &format!("{days} days ({} sales) in {:.1} s", summary.sales, built.as_secs_f64()),
        "1,825 days under 60 s (release)",
        benching.then_some(built.as_secs_f64() < 60.0),
    );
    let ratio = |a: usize, b: usize| mean(cells[a].get()) / mean(cells[b].get()).max(f64::MIN_POSITIVE);
    common::record(
        "A day's sales report against a bare aggregate of the same rows",
        &format!("{:.3} ms vs {:.3} ms: {:.2}×", mean(cells[0].get()) * 1e3, mean(cells[1].get()) * 1e3, ratio(0, 1)),
        "≤ 2×",
        Some(ratio(0, 1) <= 2.0),
    );
    if benching {
        common::record(
            "A year's summary against a bare aggregate",
            &format!(
                "{:.1} ms vs {:.1} ms: {:.2}×",
                mean(cells[2].get()) * 1e3,
                mean(cells[3].get()) * 1e3,
                ratio(2, 3)
            ),
            "≤ 2×",
            Some(ratio(2, 3) <= 2.0),
        );
    }
}
