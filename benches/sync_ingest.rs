//! Head office taking in journals, on a real PostgreSQL (started here, fsync on) through the
//! real HTTP service: 100,000 events from one store in the till's batches, against
//! PostgreSQL's `COPY` of the same rows into a bare table (the goal: within 3× of it); then 130
//! stores each uploading a day (~300 sales) at once, against the same uploads one after another.
//! Run as a test (`cargo test --benches`) it uses 2,000 events and 5 stores, to stay quick.

mod common;
#[allow(dead_code)]
#[path = "../tests/common/pg.rs"]
mod pg;

use std::cell::Cell;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use common::{mean, timed};
use criterion::Criterion;
use nanum::store::JournalEvent;
use nanum::store::journal::{GENESIS, chain_hash};
use nanum::sync::central::{self, stores};
use nanum::sync::client::{Client, Settings};
use nanum::sync::protocol::Batch;

/// `text` with the first 8 hex digits of every UUID in it set to `cycle`, so a journal can be
/// repeated with every sale, donation and shift a new one.
fn renumbered(text: &str, cycle: u32) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let is_uuid = bytes.len() - i >= 36
            && bytes[i..i + 36]
                .iter()
                .enumerate()
                .all(|(j, b)| if [8, 13, 18, 23].contains(&j) { *b == b'-' } else { b.is_ascii_hexdigit() });
        if is_uuid {
            out.push_str(&format!("{cycle:08x}"));
            out.push_str(&text[i + 8..i + 36]);
            i += 36;
        } else {
            let c = text[i..].chars().next().expect("in bounds");
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// `n` chained events made from a demo store's journal, repeated as often as needed.
fn journal(source: &[JournalEvent], n: usize) -> Vec<JournalEvent> {
    let mut prev = GENESIS.to_string();
    (0..n)
        .map(|i| {
            let s = &source[i % source.len()];
            let cycle = (i / source.len()) as u32;
            let (uuid, payload) = if cycle == 0 {
                (s.uuid.clone(), s.payload.clone())
            } else {
                (renumbered(&s.uuid, cycle), renumbered(&s.payload, cycle))
            };
            let seq = i as i64 + 1;
            let hash = chain_hash(&prev, seq, &uuid, &s.kind, &s.at, s.staff_id, &payload);
            let e = JournalEvent {
                seq,
                uuid,
                kind: s.kind.clone(),
                payload,
                at: s.at.clone(),
                staff_id: s.staff_id,
                prev_hash: prev.clone(),
                hash,
            };
            prev = e.hash.clone();
            e
        })
        .collect()
}

/// As a till's sync sends them: batches of its size, two in flight.
fn upload(url: &str, token: &str, events: &[JournalEvent]) {
    let settings = Settings::new(url, token);
    let size = settings.batch_size as usize;
    let client = Client::new(settings);
    let mut acks = Vec::new();
    let next = |_: &Vec<i64>, after: i64| {
        let start = events.partition_point(|e| e.seq <= after);
        let batch = &events[start..(start + size).min(events.len())];
        Ok((!batch.is_empty()).then(|| Batch { events: batch.to_vec() }))
    };
    let last = client
        .send_in_turn(&mut acks, events.first().map_or(0, |e| e.seq - 1), next, |acks, ack| {
            acks.push(ack.seq);
            Ok(())
        })
        .expect("upload");
    assert_eq!(last, events.last().expect("not empty").seq);
    assert_eq!(acks.len(), events.len().div_ceil(size), "one answer a batch, in order: {acks:?}");
    assert!(acks.is_sorted());
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let (n, store_count, days) = if benching { (100_000, 130, 30) } else { (2_000, 5, 3) };
    let mut c = Criterion::default().configure_from_args().sample_size(10).measurement_time(Duration::from_secs(1));

    let dir = tempfile::tempdir().expect("temp dir");
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let (store, _) = nanum::demo::create(&dir.path().join("store.db"), days, today).expect("demo");
    // One journal goes to every store: without the event naming the store it was made as, which
    // head office checks against the token.
    let mut source = store.events_after(0, u32::MAX).expect("journal");
    source.retain(|e| e.kind != "store.created");
    let events = journal(&source, n);

    let pg = pg::Pg::start_durable();
    let url = pg.database("central");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let pool = runtime.block_on(async {
        let pool = central::pool(&url, 32).expect("pool");
        central::migrate(&pool).await.expect("migrate");
        pool
    });
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).expect("listen");
    let http = format!("http://{}", listener.local_addr().expect("address"));
    runtime.spawn(central::server::serve(
        pool.clone(),
        listener,
        // All 130 stores come from this machine, as through the TLS proxy head office runs behind.
        central::server::Proxy(Some(std::net::Ipv4Addr::LOCALHOST.into())),
        std::future::pending(),
    ));
    let db = runtime.block_on(pool.get()).expect("connection");
    runtime
        .block_on(db.batch_execute(
            "CREATE TABLE bare_journal (store_id integer, seq bigint, uuid text, kind text, payload text, at text,
                                        staff_id bigint, prev_hash text, hash text)",
        ))
        .expect("bare table");
    let mut rows = Vec::new();
    {
        let mut w = csv::Writer::from_writer(&mut rows);
        for e in &events {
            let staff = e.staff_id.map(|s| s.to_string()).unwrap_or_default();
            w.write_record([
                "1",
                &e.seq.to_string(),
                &e.uuid,
                &e.kind,
                &e.payload,
                &e.at,
                &staff,
                &e.prev_hash,
                &e.hash,
            ])
            .expect("row");
        }
    }

    let next_code = Cell::new(1u16);
    let new_store = || {
        let code = next_code.get();
        next_code.set(code + 1);
        runtime.block_on(stores::add(&pool, code, &format!("벤치 {code}"), &stores::Details::default())).expect("store")
    };
    let cells: [Cell<(Duration, u64)>; 2] = Default::default();
    let mut group = c.benchmark_group("head office ingest");
    group.bench_function(format!("{n} events through nanum-central"), |b| {
        b.iter_custom(|iters| {
            let tokens: Vec<String> = (0..iters).map(|_| new_store()).collect();
            let mut tokens = tokens.into_iter();
            timed(&cells[0], iters, || upload(&http, &tokens.next().expect("token"), &events))
        })
    });
    group.bench_function(format!("{n} rows by COPY into a bare table"), |b| {
        b.iter_custom(|iters| {
            let mut took = Duration::ZERO;
            for _ in 0..iters {
                runtime.block_on(db.batch_execute("TRUNCATE bare_journal")).expect("truncate");
                took += timed(&cells[1], 1, || {
                    runtime.block_on(async {
                        use futures::SinkExt;
                        let sink = db.copy_in("COPY bare_journal FROM STDIN (FORMAT csv)").await.expect("copy");
                        let mut sink = std::pin::pin!(sink);
                        sink.send(bytes::Bytes::from(rows.clone())).await.expect("send");
                        sink.as_mut().finish().await.expect("finish");
                    })
                });
            }
            took
        })
    });
    group.finish();
    let ingest = mean(cells[0].get());
    let copy = mean(cells[1].get());
    common::record(
        "Head office taking in a store's journal against PostgreSQL COPY of the same rows",
        &format!(
            "{n} events in {ingest:.2} s ({:.0} events/s) vs COPY {copy:.2} s: {:.2}×",
            n as f64 / ingest,
            ingest / copy
        ),
        "≤ 3×",
        Some(ingest / copy <= 3.0),
    );

    // The floor under any ingest that keeps head office's report tables as well as the journal:
    // PostgreSQL writing one store's rows again, from inside the server, into copies of the
    // tables with the same keys and indexes.
    let tables = ["journal", "sales", "sale_lines", "sale_vat", "tenders", "donations", "shifts", "till_sessions"];
    let floor = runtime.block_on(async {
        for t in tables {
            db.batch_execute(&format!("CREATE TABLE floor_{t} (LIKE {t} INCLUDING ALL)")).await.expect("floor table");
        }
        let first: i32 = db.query_one("SELECT min(store_id) FROM journal", &[]).await.expect("a store").get(0);
        let mut took = Vec::new();
        for _ in 0..3 {
            let truncate = tables.map(|t| format!("floor_{t}")).join(", ");
            db.batch_execute(&format!("TRUNCATE {truncate}")).await.expect("truncate");
            let started = Instant::now();
            db.batch_execute("BEGIN").await.expect("begin");
            for t in tables {
                db.execute(&format!("INSERT INTO floor_{t} SELECT * FROM {t} WHERE store_id = $1"), &[&first])
                    .await
                    .expect("copy within");
            }
            db.batch_execute("COMMIT").await.expect("commit");
            took.push(started.elapsed().as_secs_f64());
        }
        took.iter().sum::<f64>() / took.len() as f64
    });
    common::record(
        "Head office taking in a store's journal against PostgreSQL writing the same rows, report tables too, with the same keys",
        &format!("{ingest:.2} s vs {floor:.2} s: {:.2}×", ingest / floor),
        "(what the ratio above is made of)",
        None,
    );

    // 130 stores, a day each: ~300 sales and what goes with them (the demo's events per sale).
    let per_sale = source.len() as f64
        / store.reader().query_row("SELECT count(*) FROM sales", [], |r| r.get::<_, i64>(0)).expect("sales") as f64;
    let day = journal(&source, (300.0 * per_sale) as usize);
    let tokens: Vec<String> = (0..store_count).map(|_| new_store()).collect();
    let started = Instant::now();
    std::thread::scope(|s| {
        for token in &tokens {
            let (http, day) = (&http, &day);
            s.spawn(move || upload(http, token, day));
        }
    });
    let together = started.elapsed();
    let tokens: Vec<String> = (0..store_count).map(|_| new_store()).collect();
    let started = Instant::now();
    for token in &tokens {
        upload(&http, token, &day);
    }
    let one_by_one = started.elapsed();
    common::record(
        "Stores uploading a day each at once against one after another",
        &format!(
            "{store_count} stores ({} events each): {:.2} s at once, {:.2} s one by one: {:.2}×",
            day.len(),
            together.as_secs_f64(),
            one_by_one.as_secs_f64(),
            together.as_secs_f64() / one_by_one.as_secs_f64()
        ),
        "faster at once, or why not",
        None,
    );
}
