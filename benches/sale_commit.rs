//! What a sale costs to commit, as the till does it: a five-line cash sale with its VAT split,
//! tenders and journal event, taking the till's saved cart away in the same transaction,
//! against the cheapest durable write SQLite can do on the same settings (WAL,
//! synchronous=FULL): a one-row insert in its own transaction. Both wait for one fsync, so the
//! ratio shows what Nanum adds on top of the disk, whatever the disk. (Saving the cart happens
//! as items are scanned, before paying, and is not timed.) Then the sale's receipt on the wire:
//! its ESC/POS bytes against the bytes of its words (goal ≤ 1.1×).

mod common;

use std::cell::Cell;
use std::time::{Duration, Instant};

use chrono::{FixedOffset, TimeZone};
use criterion::Criterion;
use nanum::domain::till::Count;
use nanum::domain::{Cart, IsoWeek, Payment, PriceTag, Won};
use nanum::store::{NewSale, Store, StoreSetup, TillId};

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let dir = tempfile::tempdir().expect("temp dir");

    let mut store = Store::create(&dir.path().join("store.db"), &StoreSetup::minimal("벤치마크")).expect("store");
    let cashier = store.staff().expect("staff").into_iter().find(|s| s.name == "계산원").expect("cashier");
    let at = FixedOffset::east_opt(9 * 3600).unwrap().with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
    let week = IsoWeek::of(at.date_naive());
    let mut cart = Cart::new();
    for (category, price) in [(1, 3500), (1, 5000), (7, 2000), (1, 1500), (7, 4000)] {
        let code = PriceTag::new(category, Won::new(price), week).expect("tag").code();
        cart.add(store.price_scan(&code, at.date_naive()).expect("price").line).expect("add");
    }
    let payment = Payment::cash(cart.total(), Won::new(20_000)).expect("payment");

    let bare = rusqlite::Connection::open(dir.path().join("bare.db")).expect("bare db");
    bare.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0)).expect("wal");
    bare.pragma_update(None, "synchronous", "FULL").expect("sync");
    bare.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)").expect("table");

    let sale_time = Cell::new((Duration::ZERO, 0u64));
    let bare_time = Cell::new((Duration::ZERO, 0u64));
    let mut group = c.benchmark_group("commit");
    let till = TillId("1".into());
    let session = store.open_session(&till, &cashier, Count::of(Won::ZERO), at).expect("till opened");
    group.bench_function("five-line cash sale with journal", |b| {
        b.iter_custom(|iters| {
            let mut took = Duration::ZERO;
            for _ in 0..iters {
                store.save_cart(&till, &cashier, &cart, at).expect("cart saved");
                let start = Instant::now();
                store
                    .commit_sale(NewSale::new(&cart, &payment, &cashier, &session, at).at_till(&till))
                    .expect("commit");
                took += start.elapsed();
            }
            let (total, n) = sale_time.get();
            sale_time.set((total + took, n + iters));
            took
        })
    });
    // The same sale without a till: no saved cart to take away, no receipt owed. Not what a
    // till does; it shows what those two crash guards add.
    let plain_time = Cell::new((Duration::ZERO, 0u64));
    group.bench_function("five-line cash sale, no cart or receipt owed", |b| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            for _ in 0..iters {
                store.commit_sale(NewSale::new(&cart, &payment, &cashier, &session, at)).expect("commit");
            }
            let took = start.elapsed();
            let (total, n) = plain_time.get();
            plain_time.set((total + took, n + iters));
            took
        })
    });
    group.bench_function("bare one-row insert transaction", |b| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            for i in 0..iters {
                bare.execute_batch(&format!("BEGIN; INSERT INTO t (v) VALUES ({i}); COMMIT;")).expect("insert");
            }
            let took = start.elapsed();
            let (total, n) = bare_time.get();
            bare_time.set((total + took, n + iters));
            took
        })
    });
    group.finish();
    c.final_summary();

    let mean = |(total, n): (Duration, u64)| total.as_secs_f64() / n.max(1) as f64;
    let (sale, baseline) = (mean(sale_time.get()), mean(bare_time.get()));
    common::record(
        "Committing a five-line cash sale against a bare one-row insert (WAL, synchronous=FULL)",
        &format!("{:.3} ms vs {:.3} ms: {:.2}×", sale * 1e3, baseline * 1e3, sale / baseline),
        "≤ 0.5 ms and ≤ 3×",
        Some(sale <= 0.000_5 && sale / baseline <= 3.0),
    );

    let plain = mean(plain_time.get());
    common::record(
        "The same sale without a till's saved cart to take away and receipt owed",
        &format!(
            "{:.3} ms: {:.2}× the bare insert; the till's crash guards add {:.3} ms",
            plain * 1e3,
            plain / baseline,
            (sale - plain) * 1e3
        ),
        "(what the ratio above is made of)",
        None,
    );

    // What each writes to the disk: the pages one commit appends to the WAL, emptied through a
    // connection of its own just before it.
    let wal_pages = |db: &std::path::Path, conn: &rusqlite::Connection, commit: &mut dyn FnMut()| {
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).expect("checkpoint");
        commit();
        let wal = std::fs::metadata(db.with_extension("db-wal")).map_or(0, |m| m.len());
        let page: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0)).expect("page size");
        wal.saturating_sub(32) / (page as u64 + 24)
    };
    let store_path = dir.path().join("store.db");
    store.save_cart(&till, &cashier, &cart, at).expect("cart saved");
    let mut sold = None;
    let sale_pages = wal_pages(&store_path, &rusqlite::Connection::open(&store_path).expect("reader"), &mut || {
        let sale = NewSale::new(&cart, &payment, &cashier, &session, at).at_till(&till);
        sold = Some(store.commit_sale(sale).expect("commit"));
    });
    let bare_pages = wal_pages(&dir.path().join("bare.db"), &bare, &mut || {
        bare.execute_batch("BEGIN; INSERT INTO t (v) VALUES (0); COMMIT;").expect("insert");
    });
    common::record(
        "Pages a commit writes to the WAL",
        &format!("{sale_pages} for the sale, {bare_pages} for the bare insert"),
        "(what the ratio above is made of)",
        None,
    );

    // That sale's receipt, as the printer gets it.
    let sold = sold.expect("the sale was committed");
    let doc = nanum::hardware::receipt::sale_receipt(store.info(), &sold, Default::default());
    let bytes = nanum::hardware::escpos::render(&doc, &Default::default()).expect("rendered").bytes;
    let lines = nanum::hardware::decode::text_lines(&nanum::hardware::decode::decode(&bytes).expect("decoded"));
    let words: usize = lines.iter().map(|l| encoding_rs::EUC_KR.encode(l.trim_end()).0.len() + 1).sum();
    let ratio = bytes.len() as f64 / words as f64;
    common::record(
        "A five-line receipt on the wire against its words",
        &format!("{} bytes for {words} bytes of words: {ratio:.3}×", bytes.len()),
        "≤ 1.1×",
        Some(ratio <= 1.1),
    );
}
