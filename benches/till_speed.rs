//! The till on five years of demo history with a million item tags in it:
//! - **scan to paint**: from the scanner's Enter to the frame that shows the line, through the
//!   real `App` (update, view, layout and a tiny-skia draw of the whole window), its 99th
//!   percentile (goal ≤ 50 ms);
//! - **the scan's store work** (`price_scan` of an item tag) against a bare primary-key SELECT
//!   on the same file (goal ≤ 2×);
//! - **cold start**: opening the file, building the app and drawing its first frame (goal under
//!   300 ms), against the same on a store with no history;
//! - **records per sale**: the file's size over its sales (goal ≤ 1.5 KB), and the journal's
//!   share of it.
//!
//! Run as a test (`cargo test --benches`) it uses a month and 10,000 tags, to stay quick.

mod common;
#[path = "../tests/common/mod.rs"]
mod floor;

use std::cell::Cell;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use common::{mean, quantile, record, timed};
use criterion::Criterion;
use nanum::config::{Config, Paths};
use nanum::domain::codes::ItemTag;
use nanum::hardware::scanner::ScannerEvent;
use nanum::store::Store;
use nanum::ui::{App, Message};

/// Seconds to open `path`, build the till and draw its first frame (the login screen).
fn cold_start(path: &Path, dir: &Path) -> Duration {
    let started = Instant::now();
    let store = Store::open(path).expect("open");
    let paths = Paths { data_dir: dir.to_path_buf(), config_file: dir.join("config.toml") };
    let now = floor::at(9, 0);
    let (app, _) = App::new(store, paths, Config::default(), std::sync::Arc::new(move || now)).expect("the till opens");
    let frame = iced_test::Simulator::with_size(nanum::ui::settings(), floor::till::SMALL, app.view())
        .snapshot(&app.theme())
        .expect("a frame");
    let took = started.elapsed();
    std::hint::black_box(frame);
    took
}

fn file_bytes(store: &Store, table: Option<&str>) -> i64 {
    let sql = match table {
        // The table with its indexes.
        Some(_) => {
            "SELECT coalesce(sum(d.pgsize), 0) FROM dbstat d JOIN sqlite_master m ON m.name = d.name
             WHERE m.tbl_name = ?1"
        }
        None => "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size() WHERE ?1 IS NULL",
    };
    store.reader().query_row(sql, [table], |r| r.get(0)).expect("size")
}

fn main() {
    // SAFETY: set before any thread of this program starts.
    unsafe { std::env::set_var("ICED_TEST_BACKEND", "tiny-skia") };
    let benching = std::env::args().any(|a| a == "--bench");
    let (days, tags, scans) = if benching { (1825, 1_000_000, 600) } else { (30, 10_000, 30) };
    let mut c = Criterion::default().configure_from_args();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store.db");
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let (store, summary) = nanum::demo::create(&path, days, today).expect("demo");
    let store_code = store.info().code;
    drop(store);
    common::tags::tag_items(&path, store_code, tags);
    let store = Store::open(&path).expect("open");

    // Records per sale: the whole file over the sales in it.
    let sales: i64 = store.reader().query_row("SELECT count(*) FROM sales", [], |r| r.get(0)).expect("sales");
    let tag_bytes = file_bytes(&store, Some("item_tags"));
    let (whole, journal) = (file_bytes(&store, None) - tag_bytes, file_bytes(&store, Some("journal")));
    let per_sale = whole as f64 / sales as f64;
    record(
        "Records per sale",
        &format!(
            "{:.2} KB a sale ({} MB for {sales} sales over {days} days, the {tags} item tags' {} MB left out); the journal {:.2} KB a sale, {:.0}% of it",
            per_sale / 1000.0,
            whole / 1_000_000,
            tag_bytes / 1_000_000,
            journal as f64 / sales as f64 / 1000.0,
            100.0 * journal as f64 / whole as f64
        ),
        "≤ 1.5 KB a sale",
        Some(per_sale <= 1500.0),
    );

    // Cold start, against a store with no history.
    let empty_dir = tempfile::tempdir().expect("temp dir");
    let empty = empty_dir.path().join("store.db");
    drop(Store::create(&empty, &nanum::demo::setup()).expect("empty store"));
    drop(store);
    // The first start in this process also loads the fonts, as the till's does.
    let mut starts: Vec<Duration> = (0..5).map(|_| cold_start(&path, dir.path())).collect();
    let first = starts[0];
    let mut bare_starts: Vec<Duration> = (0..5).map(|_| cold_start(&empty, empty_dir.path())).collect();
    let (start, bare_start) = (quantile(&mut starts, 0.5), quantile(&mut bare_starts, 0.5));
    record(
        "Cold start: open the file, build the till, draw its first frame (1,024×768)",
        &format!(
            "first {:.0} ms (fonts loaded), then a median of {:.0} ms on {days} days and {tags} tags; {:.0} ms with no history ({:.2}×)",
            first.as_secs_f64() * 1e3,
            start.as_secs_f64() * 1e3,
            bare_start.as_secs_f64() * 1e3,
            start.as_secs_f64() / bare_start.as_secs_f64()
        ),
        "under 300 ms",
        Some(first < Duration::from_millis(300)),
    );

    // The scan's store work against a bare primary-key read of the same table.
    let store = Store::open(&path).expect("open");
    let bare = rusqlite::Connection::open(&path).expect("bare");
    let pick = Cell::new(12_345u64);
    let next = || {
        // A small LCG: tags from all over the million, the same ones every run.
        pick.set(pick.get().wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407));
        (pick.get() >> 33) as u32 % tags
    };
    let code = |i: u32| ItemTag::new(store_code, common::tags::FIRST_SERIAL + i).expect("serial").code();
    let first_id: i64 =
        bare.query_row("SELECT min(id) FROM item_tags WHERE code = ?1", [code(0)], |r| r.get(0)).expect("first tag");
    let bare_read = |id: i64| -> i64 {
        bare.prepare_cached(
            "SELECT code, description, category, price, condition, intake_date, sold_in FROM item_tags WHERE id = ?1",
        )
        .expect("prepare")
        .query_row([id], |r| r.get(3))
        .expect("row")
    };
    let cells: [Cell<(Duration, u64)>; 2] = Default::default();
    let mut group = c.benchmark_group("scan");
    group.bench_function("price_scan of an item tag", |b| {
        b.iter_custom(|n| {
            let codes: Vec<String> = (0..n).map(|_| code(next())).collect();
            let mut codes = codes.iter();
            timed(&cells[0], n, || {
                let priced = store.price_scan(codes.next().expect("code"), today).expect("priced");
                assert!(priced.line.unit_price.get() > 0);
            })
        })
    });
    group.bench_function("bare primary-key SELECT of a tag", |b| {
        b.iter_custom(|n| {
            let ids: Vec<i64> = (0..n).map(|_| first_id + i64::from(next())).collect();
            let mut ids = ids.iter();
            timed(&cells[1], n, || assert!(bare_read(*ids.next().expect("id")) > 0))
        })
    });
    group.finish();
    c.final_summary();
    // The figure kept: the two taken in turn, each on a tag of its own from all over the
    // million, so both meet the page cache and the processor in the same state (in runs of their
    // own the ratio moved between 1.8× and 2.2× from run to run); medians, as for the sale commit.
    let (mut scan_times, mut read_times) = (Vec::new(), Vec::new());
    for _ in 0..20_000 {
        let (tag, id) = (code(next()), first_id + i64::from(next()));
        let start = Instant::now();
        let priced = store.price_scan(&tag, today).expect("priced");
        scan_times.push(start.elapsed());
        assert!(priced.line.unit_price.get() > 0);
        let start = Instant::now();
        let price = bare_read(id);
        read_times.push(start.elapsed());
        assert!(price > 0);
    }
    let (scan, pk) = (quantile(&mut scan_times, 0.5).as_secs_f64(), quantile(&mut read_times, 0.5).as_secs_f64());
    let (scan_runs, pk_runs) = (mean(cells[0].get()), mean(cells[1].get()));
    record(
        "A scan's store work against a bare primary-key SELECT, medians of 20,000 taken in turn",
        &format!(
            "{:.1} µs vs {:.1} µs: {:.2}× (criterion's runs of their own, means: {:.1} vs {:.1} µs, {:.2}×)",
            scan * 1e6,
            pk * 1e6,
            scan / pk,
            scan_runs * 1e6,
            pk_runs * 1e6,
            scan_runs / pk_runs
        ),
        "≤ 2×",
        Some(scan / pk <= 2.0),
    );
    drop(store);

    // Scan to paint through the real App, a sale of three items at a time.
    let store = Store::open(&path).expect("open");
    let till_dir = tempfile::tempdir().expect("temp dir");
    let mut till = floor::till::Till::on(store, till_dir, |_, _| {});
    till.sign_in("이서준", "2222");
    assert!(till.app.on_duty().is_some(), "signed in");
    let theme = till.app.theme();
    let mut frames = Vec::with_capacity(scans);
    let mut sold = 0;
    for n in 0..scans {
        let scanned = code(next());
        let started = Instant::now();
        let task = till.app.update(Message::Scanner(ScannerEvent::Scan(scanned)));
        let frame = till.sim().snapshot(&theme).expect("a frame");
        frames.push(started.elapsed());
        std::hint::black_box(frame);
        till.run(task);
        if n % 3 == 2 {
            // A tag drawn twice is refused as sold; the line count says how many went in.
            sold += till.lines();
            till.click("카드 결제");
            till.click("승인 완료");
            assert!(till.sees("결제가 끝났어요"), "{:?}", till.texts());
        }
    }
    assert!(sold >= scans * 9 / 10, "the scans became lines ({sold} of {scans})");
    let (p50, p99) = (quantile(&mut frames, 0.5), quantile(&mut frames, 0.99));
    record(
        "Scan to the frame that shows the line (through the App, tiny-skia, 1,024×768)",
        &format!(
            "p99 {:.1} ms, median {:.1} ms, over {scans} scans on {days} days ({} sales) and {tags} tags",
            p99.as_secs_f64() * 1e3,
            p50.as_secs_f64() * 1e3,
            summary.sales
        ),
        "p99 ≤ 50 ms",
        Some(p99 <= Duration::from_millis(50)),
    );
}
