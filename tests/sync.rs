//! Sync to head office on a real PostgreSQL (started by the test) and a real `nanum-central`
//! process: every scenario ends with head office holding exactly the store's events, once each,
//! and its figures equal to the store's own reports.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use chrono::{Local, NaiveDate};
use common::central::*;
use nanum::store::Store;
use nanum::sync::client::{Client, Settings, SyncError};
use nanum::sync::protocol::Batch;

struct Shop {
    _dir: tempfile::TempDir,
    path: PathBuf,
    code: u16,
    token: String,
}

impl Shop {
    /// A demo store of `days` days, known to head office.
    fn new(db_url: &str, code: u16, name: &str, days: u32) -> Shop {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.db");
        nanum::demo::create_store(&path, days, Local::now().date_naive(), code, name).unwrap();
        let token = add_store(db_url, code, name);
        Shop { _dir: dir, path, code, token }
    }

    fn open(&self) -> Store {
        Store::open(&self.path).unwrap()
    }

    fn client(&self, central: &str) -> Client {
        Client::new(quick(central, &self.token))
    }

    fn days(&self) -> Vec<NaiveDate> {
        let conn = rusqlite::Connection::open(&self.path).unwrap();
        let mut stmt = conn.prepare("SELECT DISTINCT business_date FROM sales ORDER BY 1").unwrap();
        stmt.query_map([], |r| r.get::<_, String>(0)).unwrap().map(|d| d.unwrap().parse().unwrap()).collect()
    }
}

/// Retries quickly, so a test of network trouble does not take minutes.
fn quick(central: &str, token: &str) -> Settings {
    Settings {
        batch_size: 200,
        retries: 8,
        first_pause: Duration::from_millis(100),
        timeout: Duration::from_secs(3),
        ..Settings::new(central, token)
    }
}

fn sync(shop: &Shop, central: &str) -> Result<nanum::sync::client::Summary, SyncError> {
    let mut store = shop.open();
    shop.client(central).sync(&mut store, || Local::now().fixed_offset(), |_| {})
}

/// A sync in batches of `batch_size` on a thread of its own, as `nanum sync` runs beside the till.
fn sync_on_a_thread(
    shop: &Shop,
    url: &str,
    batch_size: u32,
) -> std::thread::JoinHandle<Result<nanum::sync::client::Summary, SyncError>> {
    let (path, settings) = (shop.path.clone(), Settings { batch_size, ..quick(url, &shop.token) });
    std::thread::spawn(move || {
        let mut store = Store::open(&path).unwrap();
        Client::new(settings).sync(&mut store, || Local::now().fixed_offset(), |_| {})
    })
}

/// Head office holds exactly the store's events, and its daily figures are the store's, day by day.
fn assert_in_step(pg: &Pg, db: &str, shop: &Shop) {
    let local = local_chain(&shop.path);
    assert!(!local.is_empty());
    assert_eq!(central_chain(pg, db, shop.code), local, "head office's journal for store {}", shop.code);
    let pool = nanum::sync::central::pool(&pg.url(db), 2).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let store = shop.open();
    for day in shop.days() {
        let mut ours = Vec::new();
        nanum::reports::daily::daily(&store, day).unwrap().write_csv(&mut ours).unwrap();
        let central = runtime.block_on(nanum::sync::central::figures::daily(&pool, shop.code, day)).unwrap();
        let mut theirs = Vec::new();
        central.write_csv(&mut theirs).unwrap();
        assert_eq!(
            String::from_utf8(theirs).unwrap(),
            String::from_utf8(ours).unwrap(),
            "store {} on {day}",
            shop.code
        );
    }
    let status = store.sync_status().unwrap();
    assert_eq!(status.unsynced, 0);
    assert_eq!(status.acked_seq, local.len() as i64);
}

fn count(pg: &Pg, db: &str, table: &str) -> i64 {
    pg.sql(db, &format!("SELECT count(*) FROM {table}")).parse().unwrap()
}

#[test]
fn two_demo_stores_sync_with_the_command_and_head_office_reports_match() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let home = tempfile::tempdir().unwrap();
    let mut shops = Vec::new();
    for (code, name) in [(101u16, "나눔가게 신촌점"), (102, "나눔가게 부산점")] {
        let path = home.path().join(format!("store-{code}.db"));
        let made = Command::new(NANUM)
            .args([
                "--db",
                &path.display().to_string(),
                "demo",
                "--days",
                "30",
                "--store",
                &code.to_string(),
                "--name",
                name,
            ])
            .env("NANUM_HOME", home.path())
            .output()
            .unwrap();
        stdout(&made);
        let token = add_store(&db_url, code, name);
        let token_file = home.path().join(format!("token-{code}"));
        std::fs::write(&token_file, format!("{token}\n")).unwrap();
        shops.push((code, path, token_file));
    }
    let run_sync = |path: &Path, token_file: &Path| {
        let out = Command::new(NANUM)
            .args(["--db", &path.display().to_string(), "sync", "--central", &central.url()])
            .arg("--token-file")
            .arg(token_file)
            .env("NANUM_HOME", home.path())
            .output()
            .unwrap();
        stdout(&out)
    };
    for (code, path, token_file) in &shops {
        let line = run_sync(path, token_file);
        let events = nanum::domain::Won::new(local_chain(path).len() as i64).grouped();
        assert_eq!(line.trim(), format!("동기화했어요: 기록 {events}건을 보냈고, 본부가 {events}번까지 받았어요."));
        assert_eq!(central_chain(&pg, "central", *code), local_chain(path));
    }
    // Every day of both histories, as the two commands print them.
    for (code, path, _) in &shops {
        let today = Local::now().date_naive();
        for back in 1..=31 {
            let day = (today - chrono::Duration::days(back)).to_string();
            assert_eq!(central_daily_csv(&db_url, *code, &day), store_daily_csv(path, &day), "store {code} on {day}");
        }
        // The stores differ, so equal reports are not an accident of one history.
        let day = (today - chrono::Duration::days(3)).to_string();
        assert_ne!(store_daily_csv(&shops[0].1, &day), store_daily_csv(&shops[1].1, &day));
    }
    let before =
        (count(&pg, "central", "journal"), count(&pg, "central", "sales"), count(&pg, "central", "sale_lines"));
    for (_, path, token_file) in &shops {
        let events = nanum::domain::Won::new(local_chain(path).len() as i64).grouped();
        assert_eq!(
            run_sync(path, token_file).trim(),
            format!("동기화했어요: 기록 0건을 보냈고, 본부가 {events}번까지 받았어요.")
        );
    }
    let after = (count(&pg, "central", "journal"), count(&pg, "central", "sales"), count(&pg, "central", "sale_lines"));
    assert_eq!(after, before, "syncing again changes nothing");
}

#[test]
fn network_faults_end_with_every_event_once() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let shop = Shop::new(&db_url, 201, "나눔가게 대전점", 8);
    let faults = vec![
        Fault::CutBefore,
        Fault::CutMidway,
        Fault::CutAfterCommit,
        // Longer than the till waits: it gives up, head office takes it in later.
        Fault::Delay(Duration::from_secs(4)),
        Fault::CutAfterCommit,
        Fault::Delay(Duration::from_millis(300)),
        Fault::CutMidway,
    ];
    // The faults that fail a request (all but the short delay).
    let failing = faults.iter().filter(|f| !matches!(f, Fault::Delay(d) if *d < Duration::from_secs(3))).count();
    let proxy = Proxy::start(central.port, faults);
    let mut retries = Vec::new();
    let mut store = shop.open();
    let summary = shop
        .client(&proxy.url())
        .sync(
            &mut store,
            || Local::now().fixed_offset(),
            |p| {
                if let nanum::sync::client::Progress::Retrying { reason, .. } = p {
                    retries.push(reason)
                }
            },
        )
        .unwrap();
    assert_eq!(proxy.faults_left(), 0, "every fault was met");
    // Two batches are in flight, so one try can meet two of them before it pauses.
    assert!(retries.len() >= failing.div_ceil(2), "the till retried after the cuts: {retries:?}");
    assert_eq!(summary.acked_seq, local_chain(&shop.path).len() as i64);
    assert_in_step(&pg, "central", &shop);
}

#[test]
fn head_office_restarting_mid_sync_loses_and_doubles_nothing() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let mut central = Central::start(&db_url);
    let shop = Shop::new(&db_url, 301, "나눔가게 광주점", 12);
    let syncing = sync_on_a_thread(&shop, &central.url(), 50);
    // Once head office holds some of the journal, kill it (no graceful stop) and start it again.
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while pg.sql("central", "SELECT acked_seq FROM stores WHERE code = 301").parse::<i64>().unwrap() < 300 {
        assert!(std::time::Instant::now() < deadline, "the sync never got going");
        std::thread::sleep(Duration::from_millis(5));
    }
    central.restart();
    syncing.join().unwrap().unwrap();
    assert_in_step(&pg, "central", &shop);

    // PostgreSQL itself goes away while a batch is on its way to head office, and comes back.
    {
        let mut store = shop.open();
        common::sell_some(&mut store, 30);
    }
    let (arrived_tx, arrived) = std::sync::mpsc::channel();
    let (go, go_rx) = std::sync::mpsc::channel();
    let proxy = Proxy::start(central.port, vec![Fault::Hold { arrived: arrived_tx, go: go_rx }]);
    let syncing = sync_on_a_thread(&shop, &proxy.url(), 5);
    arrived.recv_timeout(Duration::from_secs(60)).expect("an upload reached head office's door");
    pg.restart();
    go.send(()).unwrap();
    syncing.join().unwrap().unwrap();
    assert_eq!(proxy.faults_left(), 0);
    assert_in_step(&pg, "central", &shop);
}

#[test]
fn the_same_batch_twice_and_two_stores_at_once() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let a = Shop::new(&db_url, 401, "나눔가게 인천점", 6);
    let b = Shop::new(&db_url, 402, "나눔가게 수원점", 6);
    // Two stores at once, each on its own thread.
    let url = central.url();
    std::thread::scope(|s| {
        let ta = s.spawn(|| sync(&a, &url));
        let tb = s.spawn(|| sync(&b, &url));
        ta.join().unwrap().unwrap();
        tb.join().unwrap().unwrap();
    });
    assert_in_step(&pg, "central", &a);
    assert_in_step(&pg, "central", &b);
    // The first 100 events again, exactly as before: the same answer, nothing stored twice.
    let store = a.open();
    let batch = Batch { events: store.events_after(0, 100).unwrap() };
    let client = a.client(&central.url());
    let journal = count(&pg, "central", "journal");
    let first = client.send(&batch).unwrap();
    let second = client.send(&batch).unwrap();
    assert_eq!(first, second);
    assert_eq!(first.seq, local_chain(&a.path).len() as i64);
    assert_eq!(count(&pg, "central", "journal"), journal);
    // A's token speaks for A only: head office answers A's place, not B's.
    assert_eq!(a.client(&central.url()).ack().unwrap().seq, local_chain(&a.path).len() as i64);
    assert_eq!(b.client(&central.url()).ack().unwrap().seq, local_chain(&b.path).len() as i64);
}

#[test]
fn the_till_keeps_selling_while_it_syncs() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let shop = Shop::new(&db_url, 501, "나눔가게 대구점", 10);
    let url = central.url();
    let (sales, synced) = std::thread::scope(|s| {
        let selling = s.spawn(|| {
            // The till: its own connection, committing sale after sale.
            let mut till = shop.open();
            common::sell_some(&mut till, 120)
        });
        let syncing = s.spawn(|| {
            let mut store = shop.open();
            let settings = Settings { batch_size: 20, ..quick(&url, &shop.token) };
            Client::new(settings).sync(&mut store, || Local::now().fixed_offset(), |_| {})
        });
        (selling.join().unwrap(), syncing.join().unwrap().unwrap())
    });
    assert_eq!(sales, 120, "every sale committed");
    // What the sync did not see yet is counted as waiting, to the event.
    let status = shop.open().sync_status().unwrap();
    assert_eq!(status.acked_seq, synced.acked_seq);
    assert_eq!(status.unsynced, local_chain(&shop.path).len() as i64 - synced.acked_seq);
    assert!(status.last_good_sync.is_some());
    sync(&shop, &central.url()).unwrap();
    assert_in_step(&pg, "central", &shop);
}

#[test]
fn restoring_an_older_backup_over_unsynced_records_needs_a_manager_and_keeps_the_replaced_file() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let shop = Shop::new(&db_url, 701, "나눔가게 원주점", 3);
    let home = shop.path.parent().unwrap().to_path_buf();
    let backup = home.join("backup.db");
    let nanum = |args: &[&str], stdin: &str| {
        use std::io::Write;
        let mut child = Command::new(NANUM)
            .arg("--db")
            .arg(&shop.path)
            .args(args)
            .env("NANUM_HOME", &home)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let out = nanum(&["backup", "--out", &backup.display().to_string()], "");
    assert!(stdout(&out).contains("백업했어요"));
    // The day goes on: five sales, none sent to head office yet.
    sell_in(&shop, 5);
    let before = local_chain(&shop.path);
    let waiting = shop.open().sync_status().unwrap().unsynced;
    assert!(waiting > 0);

    // Without a manager: a warning, a refusal, and the file exactly as it was.
    let out = nanum(&["restore", &backup.display().to_string()], "");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&format!("본부로 아직 보내지 않은 기록이 {waiting}건")), "{stderr}");
    assert!(stderr.contains("매니저의 승인이 있어야"), "{stderr}");
    assert_eq!(local_chain(&shop.path), before);
    // A cashier's name or a wrong PIN does not do.
    let out = nanum(&["restore", &backup.display().to_string(), "--manager", "김민지"], "0000\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PIN"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(local_chain(&shop.path), before);
    assert!(!home.join("store.db.restoring").exists(), "the checked copy is cleared away");

    // With the manager: restored, and the replaced file kept whole.
    let kept_chain = local_chain(&shop.path);
    let out = nanum(&["restore", &backup.display().to_string(), "--manager", "김민지"], "1234\n");
    let said = stdout(&out);
    assert!(said.contains("에서 복원했어요"), "{said}");
    let kept: PathBuf = std::fs::read_dir(&home)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.display().to_string().contains(".replaced-"))
        .expect("the replaced file is kept");
    // The kept file has every record it had, and the manager's approval after them.
    let kept_now = local_chain(&kept);
    assert_eq!(&kept_now[..kept_chain.len()], &kept_chain[..]);
    assert_eq!(kept_now.len(), kept_chain.len() + 1);
    let restored = local_chain(&shop.path);
    assert!(restored.len() < kept_chain.len());
    assert_eq!(common::count(&shop.path, "SELECT count(*) FROM journal WHERE kind = 'store.restored'"), 1);
    // Nothing was synced, so head office takes the restored file's journal as it is.
    sync(&shop, &central.url()).unwrap();
    assert_eq!(central_chain(&pg, "central", 701), local_chain(&shop.path));
}

fn sell_in(shop: &Shop, n: usize) {
    let mut store = shop.open();
    assert_eq!(common::sell_some(&mut store, n), n);
}
