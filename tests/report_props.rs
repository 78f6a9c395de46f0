//! Report figures against direct SQL on days of a demo store (sales, refunds and voids, donations,
//! tags and shifts), for days picked at random: the screen and the command line read these
//! reports, so a figure wrong here is wrong everywhere.

use std::sync::OnceLock;

use chrono::{Days, NaiveDate};
use nanum::reports;
use nanum::store::Store;
use proptest::prelude::*;

const DAYS: u32 = 30;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// One demo store file for every case (made once; only read). Each case opens it.
fn demo() -> &'static std::path::Path {
    static DEMO: OnceLock<(tempfile::TempDir, std::path::PathBuf)> = OnceLock::new();
    &DEMO
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("store.db");
            nanum::demo::create(&path, DAYS, today()).unwrap();
            (dir, path)
        })
        .1
}

fn sql(store: &Store, query: &str, from: NaiveDate, to: NaiveDate) -> i64 {
    store.reader().query_row(query, [from.to_string(), to.to_string()], |r| r.get(0)).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn sales_by_hour_category_and_cashier_add_up_to_the_goods_sold(start in 1u64..=30, length in 0u64..7) {
        let store = &Store::open(demo()).unwrap();
        let from = today() - Days::new(start);
        let to = (from + Days::new(length)).min(today() - Days::new(1));
        let report = reports::sales::sales(store, from, to).unwrap();
        let direct = sql(
            store,
            "SELECT coalesce(sum(l.amount), 0) FROM sale_lines l JOIN sales s ON s.id = l.sale_id
             WHERE s.business_date BETWEEN ?1 AND ?2 AND l.kind != 'donation'",
            from, to,
        );
        prop_assert_eq!(report.gross().get(), direct);
        prop_assert_eq!(report.by_hour.iter().map(|w| w.get()).sum::<i64>(), direct);
        prop_assert_eq!(report.by_category.iter().map(|c| c.4.get()).sum::<i64>(), direct);
        prop_assert_eq!(report.by_cashier.iter().map(|c| c.2.get()).sum::<i64>(), direct);
        let refunds = sql(store, "SELECT count(*) FROM sales WHERE kind = 'refund' AND business_date BETWEEN ?1 AND ?2", from, to);
        let voids = sql(store, "SELECT count(*) FROM sales WHERE kind = 'void' AND business_date BETWEEN ?1 AND ?2", from, to);
        prop_assert_eq!(report.summary.refunds, refunds);
        prop_assert_eq!(report.summary.voids, voids);
        // The range's figures are its days' figures added up.
        let mut day = from;
        let (mut gross, mut vat) = (0, 0);
        while day <= to {
            let daily = reports::daily::daily(store, day).unwrap();
            gross += daily.gross.get();
            vat += daily.classes.iter().map(|c| c.vat.get()).sum::<i64>();
            day = day + Days::new(1);
        }
        prop_assert_eq!(gross, direct);
        prop_assert_eq!(report.summary.classes.iter().map(|c| c.vat.get()).sum::<i64>(), vat);
        let cash = sql(
            store,
            "SELECT coalesce(sum(t.amount), 0) FROM tenders t JOIN sales s ON s.id = t.sale_id
             WHERE t.kind = 'cash' AND s.business_date BETWEEN ?1 AND ?2",
            from, to,
        );
        prop_assert_eq!(report.summary.cash.get(), cash);
    }

    #[test]
    fn the_kept_day_totals_equal_the_documents(start in 1u64..=30, length in 0u64..10) {
        let store = &Store::open(demo()).unwrap();
        let from = today() - Days::new(start);
        let to = (from + Days::new(length)).min(today() - Days::new(1));
        let kept = reports::daily::between(store, from, to).unwrap();
        let recounted = reports::daily::recounted(store, from, to).unwrap();
        prop_assert_eq!(kept, recounted);
    }

    #[test]
    fn production_donations_and_impact_equal_the_rows(start in 1u64..=30, length in 0u64..7) {
        let store = &Store::open(demo()).unwrap();
        let from = today() - Days::new(start);
        let to = (from + Days::new(length)).min(today() - Days::new(1));
        let production = reports::production::production(store, from, to).unwrap();
        let printed = sql(
            store,
            "SELECT coalesce(sum(count), 0) FROM tag_batches WHERE kind = 'price' AND substr(at, 1, 10) BETWEEN ?1 AND ?2",
            from, to,
        );
        let sold = sql(
            store,
            "SELECT coalesce(sum(l.quantity), 0) FROM sale_lines l JOIN sales s ON s.id = l.sale_id
             WHERE l.kind = 'price_tag' AND s.business_date BETWEEN ?1 AND ?2",
            from, to,
        );
        prop_assert_eq!(production.printed(), printed);
        prop_assert_eq!(production.sold(), sold);
        for c in &production.categories {
            if let Some(p) = c.sell_through {
                prop_assert_eq!(p, c.sold_of_printed * 100 / c.printed);
            }
        }
        let donations = reports::donations::donations_between(store, from, to).unwrap();
        let total = donations.rows.iter().find(|r| r.kind == "total").unwrap();
        prop_assert_eq!(total.donations, sql(store, "SELECT count(*) FROM donations WHERE business_date BETWEEN ?1 AND ?2", from, to));
        prop_assert_eq!(total.value.get(), sql(store, "SELECT coalesce(sum(value), 0) FROM donations WHERE business_date BETWEEN ?1 AND ?2", from, to));
        let now = today().and_hms_opt(12, 0, 0).unwrap();
        let impact = reports::impact::impact(store, from, to, now).unwrap();
        let raised = sql(
            store,
            "SELECT coalesce(sum(l.amount), 0) FROM sale_lines l JOIN sales s ON s.id = l.sale_id
             WHERE s.business_date BETWEEN ?1 AND ?2",
            from, to,
        );
        prop_assert_eq!(impact.raised.get(), raised);
        prop_assert_eq!(impact.kept_grams, sql(store, "SELECT coalesce(sum(grams), 0) FROM out_flows WHERE substr(at, 1, 10) BETWEEN ?1 AND ?2", from, to));
        let minutes = sql(
            store,
            "SELECT coalesce(sum(m), 0) FROM (SELECT min(sum(CAST(round((julianday(ended_at) - julianday(started_at)) * 1440) AS INTEGER)), 480) AS m
             FROM shifts WHERE business_date BETWEEN ?1 AND ?2 GROUP BY staff_id, business_date)",
            from, to,
        );
        prop_assert_eq!(impact.volunteer_minutes, minutes);
    }
}

/// A store that had sales before the day totals existed gets them filled in by the migration.
#[test]
fn the_migration_fills_in_the_day_totals_of_sales_already_there() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.db");
    std::fs::copy(demo(), &path).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("DROP TABLE sales_by_day").unwrap();
    // The table and its triggers as 0006 made them, then the triggers gone as 0015 has it.
    conn.execute_batch(include_str!("../migrations/0006_sales_by_day.sql")).unwrap();
    conn.execute_batch(include_str!("../migrations/0015_day_totals_kept_by_the_store.sql")).unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let (from, to) = (today() - Days::new(u64::from(DAYS)), today());
    assert!(reports::daily::between(&store, from, to).unwrap().sales > 100);
    assert_eq!(
        reports::daily::between(&store, from, to).unwrap(),
        reports::daily::recounted(&store, from, to).unwrap()
    );
    let mut day = from;
    while day <= to {
        assert_eq!(reports::daily::daily(&store, day).unwrap(), reports::daily::recounted(&store, day, day).unwrap());
        day = day + Days::new(1);
    }
}

/// `nanum check` finds a day whose kept totals were changed behind the documents' back.
#[test]
fn check_finds_a_day_total_that_differs_from_the_documents() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.db");
    std::fs::copy(demo(), &path).unwrap();
    assert!(Store::open(&path).unwrap().check().unwrap().is_ok());
    let day = (today() - Days::new(3)).to_string();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE sales_by_day SET amount = amount + 1000 WHERE business_date = ?1 AND figure = 'gross'",
        [&day],
    )
    .unwrap();
    drop(conn);
    let report = Store::open(&path).unwrap().check().unwrap();
    assert_eq!(report.day_totals, [day]);
    assert!(!report.is_ok());
}
