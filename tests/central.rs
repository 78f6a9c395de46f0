//! Head office's guard and its other duties, on a real PostgreSQL and `nanum-central`: tokens,
//! refused uploads (each leaving nothing changed), reference data from CSV to the till, the
//! head-office page, and what `nanum sync` says when it cannot sync.

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use chrono::Local;
use common::central::*;
use nanum::store::Store;
use nanum::sync::client::{Client, Settings, SyncError};
use nanum::sync::protocol::Batch;

struct Shop {
    dir: tempfile::TempDir,
    path: PathBuf,
    token: String,
}

fn shop(db_url: &str, code: u16, name: &str, days: u32) -> Shop {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    nanum::demo::create_store(&path, days, Local::now().date_naive(), code, name).unwrap();
    Shop { token: add_store(db_url, code, name), dir, path }
}

fn client(central: &Central, token: &str) -> Client {
    Client::new(Settings { retries: 0, ..Settings::new(&central.url(), token) })
}

fn sync(shop: &Shop, central: &Central, token: &str) -> Result<nanum::sync::client::Summary, SyncError> {
    let mut store = Store::open(&shop.path).unwrap();
    client(central, token).sync(&mut store, || Local::now().fixed_offset(), |_| {})
}

fn count(pg: &Pg, sql: &str) -> i64 {
    pg.sql("central", sql).parse().unwrap()
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).max_redirects(0).build().into()
}

/// Status and body of a raw POST to the journal endpoint.
fn post(central: &Central, token: Option<&str>, body: Vec<u8>) -> (u16, String) {
    let mut request = agent().post(format!("{}/api/v1/journal", central.url())).content_type("application/json");
    if let Some(token) = token {
        request = request.header("Authorization", format!("Bearer {token}"));
    }
    let mut response = request.send(&body[..]).unwrap();
    (response.status().as_u16(), response.body_mut().read_to_string().unwrap())
}

#[test]
fn tokens_guard_each_store_and_refused_uploads_change_nothing() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let a = shop(&db_url, 601, "나눔가게 종로점", 3);
    let b = shop(&db_url, 602, "나눔가게 마포점", 3);
    let events = Store::open(&a.path).unwrap().events_after(0, 50).unwrap();
    let body = serde_json::to_vec(&Batch { events: events.clone() }).unwrap();

    // No token, a wrong token: 401, nothing stored.
    let (status, text) = post(&central, None, body.clone());
    assert_eq!(status, 401, "{text}");
    assert!(text.contains("\"unauthorized\""));
    assert_eq!(post(&central, Some("nanum_0000"), body.clone()).0, 401);
    assert!(matches!(sync(&a, &central, "nanum_wrong"), Err(SyncError::Unauthorized)));
    assert_eq!(count(&pg, "SELECT count(*) FROM journal"), 0);

    // Malformed JSON, an altered event, a body over the limit: refused, nothing stored.
    let (status, text) = post(&central, Some(&a.token), b"{\"events\": [".to_vec());
    assert_eq!((status, text.contains("\"malformed\"")), (400, true), "{text}");
    let mut altered = events.clone();
    // One character more: still JSON, no longer what was hashed.
    altered[10].payload.push(' ');
    assert_ne!(altered[10].payload, events[10].payload);
    let (status, text) = post(&central, Some(&a.token), serde_json::to_vec(&Batch { events: altered }).unwrap());
    assert_eq!((status, text.contains("\"altered\"")), (400, true), "{text}");
    // One byte over the limit (all of it read, so the answer is not lost to a reset connection).
    let limit = nanum::sync::protocol::MAX_BODY_BYTES;
    let (status, text) = post(&central, Some(&a.token), vec![b' '; limit + 1]);
    assert_eq!((status, text.contains("\"too_large\"")), (413, true), "{text}");
    assert_eq!(count(&pg, "SELECT count(*) FROM journal"), 0);

    // A's token writes A's journal only, and reads A's place only.
    sync(&a, &central, &a.token).unwrap();
    let a_events = local_chain(&a.path).len() as i64;
    assert_eq!(
        count(&pg, "SELECT count(*) FROM journal j JOIN stores s ON s.id = j.store_id WHERE s.code = 601"),
        a_events
    );
    assert_eq!(count(&pg, "SELECT count(*) FROM journal j JOIN stores s ON s.id = j.store_id WHERE s.code = 602"), 0);
    assert_eq!(client(&central, &a.token).ack().unwrap().seq, a_events);
    assert_eq!(client(&central, &b.token).ack().unwrap().seq, 0);

    // B's events under A's token: a different event under A's acknowledged numbers. Refused
    // loudly, kept on record, nothing changed.
    let b_events = Store::open(&b.path).unwrap().events_after(0, 50).unwrap();
    let (status, text) = post(&central, Some(&a.token), serde_json::to_vec(&Batch { events: b_events }).unwrap());
    assert_eq!((status, text.contains("\"conflict\"")), (409, true), "{text}");
    // Kept on record: the altered batch and this one.
    assert_eq!(count(&pg, "SELECT count(*) FROM refused_uploads"), 2);
    assert_eq!(count(&pg, "SELECT count(*) FROM refused_uploads WHERE reason LIKE '%differs from the event%'"), 1);
    assert_eq!(central_chain(&pg, "central", 601), local_chain(&a.path));
    // The whole of B's file with A's token: the till sees it is not the file head office knows.
    let err = sync(&b, &central, &a.token).unwrap_err();
    assert!(matches!(err, SyncError::Diverged { .. } | SyncError::Behind { .. }), "{err:?}");
    assert_eq!(central_chain(&pg, "central", 601), local_chain(&a.path));

    // Rotation: with no grace the old token stops at once; the new one works.
    let new = stdout(&central_cli(&db_url, &["store", "rotate", "601", "--grace-hours", "0"])).trim().to_string();
    assert_ne!(new, a.token);
    assert!(matches!(client(&central, &a.token).ack(), Err(SyncError::Unauthorized)));
    assert_eq!(client(&central, &new).ack().unwrap().seq, a_events);
    // With a grace period both work for a while.
    let newer = stdout(&central_cli(&db_url, &["store", "rotate", "601"])).trim().to_string();
    assert_eq!(client(&central, &new).ack().unwrap().seq, a_events);
    assert_eq!(client(&central, &newer).ack().unwrap().seq, a_events);
    // Only hashes are kept.
    assert_eq!(count(&pg, &format!("SELECT count(*) FROM stores WHERE token_hash = '{newer}'")), 0);
}

#[test]
fn an_older_copy_of_the_store_file_is_refused_and_nothing_is_lost() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let a = shop(&db_url, 611, "나눔가게 일산점", 3);
    let old_copy = a.dir.path().join("old.db");
    {
        let store = Store::open(&a.path).unwrap();
        store.reader().execute("VACUUM INTO ?1", [old_copy.display().to_string()]).unwrap();
    }
    {
        let mut store = Store::open(&a.path).unwrap();
        common::sell_some(&mut store, 5);
    }
    sync(&a, &central, &a.token).unwrap();
    let held = central_chain(&pg, "central", 611);
    // The manager puts back last week's copy: head office holds events it lacks.
    std::fs::remove_file(&a.path).unwrap();
    std::fs::copy(&old_copy, &a.path).unwrap();
    let err = sync(&a, &central, &a.token).unwrap_err();
    assert!(matches!(err, SyncError::Behind { .. }), "{err:?}");
    assert_eq!(central_chain(&pg, "central", 611), held, "head office keeps every event it had");
    let message = nanum::explain::sync_error(&err);
    assert!(message.contains("예전 백업"), "{message}");
}

#[test]
fn nanum_sync_says_plainly_when_it_cannot_sync() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("store.db");
    nanum::demo::create_store(&db, 2, Local::now().date_naive(), 621, "나눔가게 춘천점").unwrap();
    std::fs::write(home.path().join("config.toml"), "[sync]\nretries = 1\nfirst_pause_ms = 10\n").unwrap();
    std::fs::write(home.path().join("sync-token"), "nanum_token\n").unwrap();
    let before = local_chain(&db);
    let run = |args: &[&str]| {
        Command::new(NANUM).arg("--db").arg(&db).args(args).env("NANUM_HOME", home.path()).output().unwrap()
    };
    // Nobody listens at that port.
    let port = free_port();
    let out = run(&["sync", "--central", &format!("http://127.0.0.1:{port}")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("본부(http://127.0.0.1:{port})에 연결하지 못했어요: 본부 서버가 연결을 받지 않아요.")),
        "{stderr}"
    );
    assert!(stderr.contains("기록은 이 컴퓨터에 그대로 있어요"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert_eq!(local_chain(&db), before);
    assert_eq!(Store::open(&db).unwrap().sync_status().unwrap().unsynced, before.len() as i64);
    // No address anywhere: a usage error.
    let out = run(&["sync"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("본부 주소가 없어요"));
    // A token file that is not there.
    let out = run(&["sync", "--central", "http://127.0.0.1:9", "--token-file", "/nonexistent/token"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("인증 토큰 파일을 읽지 못했어요"));
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn reference_data_imported_at_head_office_reaches_the_till_in_one_go() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let a = shop(&db_url, 631, "나눔가게 전주점", 2);
    let files = tempfile::tempdir().unwrap();
    let categories = write(
        &files,
        "categories.csv",
        "code,name_ko,name_en,tax_class,key_position,like_new,good,fair,donation_value,counting_unit,active\n\
         001,여성 의류 (겨울),Women's winter clothing,standard,0,9000,6000,3000,2500,1,true\n\
         020,반려동물 용품,Pet supplies,standard,,5000,3000,1000,1000,1,true\n",
    );
    let staff = write(&files, "staff.csv", "name,role,pin\n최본부,manager,4321\n");
    let settings = write(&files, "settings.csv", "key,value\nclosing_time,21:00\n");
    let import = |section: &str, file: &str| central_cli(&db_url, &["import", section, file]);
    assert_eq!(stdout(&import("categories", &categories)).trim(), "reference data version 1");
    assert_eq!(stdout(&import("staff", &staff)).trim(), "reference data version 2");
    assert_eq!(stdout(&import("settings", &settings)).trim(), "reference data version 3");
    // Mistakes are refused whole, with where they are; the version stays.
    let bad = write(
        &files,
        "bad.csv",
        "code,name_ko,name_en,tax_class,key_position,like_new,good,fair,donation_value,counting_unit,active\n001,옷,Clothes,standard,0,lots,1,1,0,1,true\n",
    );
    let out = import("categories", &bad);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"), "{}", String::from_utf8_lossy(&out.stderr));
    let out = import("settings", &write(&files, "bad-setting.csv", "key,value\nclosing_time,9pm\n"));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("'9pm' is not a valid closing_time"));
    let out = import(
        "categories",
        &write(
            &files,
            "bad-class.csv",
            "code,name_ko,name_en,tax_class,key_position,like_new,good,fair,donation_value,counting_unit,active\n021,책,Books,luxury,,1,1,1,0,1,true\n",
        ),
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown tax class 'luxury'"));
    assert_eq!(count(&pg, "SELECT max(version) FROM reference_versions"), 3);

    let summary = sync(&a, &central, &a.token).unwrap();
    assert_eq!(summary.reference_applied, Some(3));
    let mut store = Store::open(&a.path).unwrap();
    let winter = store.category("001").unwrap().unwrap();
    assert_eq!(winter.name_ko, "여성 의류 (겨울)");
    assert_eq!(winter.guide[0].price.get(), 9000);
    assert_eq!(store.category("020").unwrap().unwrap().name_en, "Pet supplies");
    assert_eq!(store.sync_status().unwrap().reference_version, 3);
    let closing: String =
        store.reader().query_row("SELECT value FROM settings WHERE key = 'closing_time'", [], |r| r.get(0)).unwrap();
    assert_eq!(closing, "21:00");
    // The new manager signs in at the till with the PIN head office gave.
    let manager = common::staff(&store, "최본부");
    assert!(store.sign_in(manager.id, "4321", Local::now().fixed_offset()).is_ok());
    drop(store);
    // Nothing newer: nothing applied.
    assert_eq!(sync(&a, &central, &a.token).unwrap().reference_applied, None);
}

#[test]
fn the_head_office_page_shows_each_store_behind_a_login() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let a = shop(&db_url, 641, "나눔가게 청주점", 4);
    let _never = shop(&db_url, 642, "나눔가게 제주점", 1);
    sync(&a, &central, &a.token).unwrap();
    let mut add = Command::new(CENTRAL)
        .args(["--database-url", &db_url, "user", "add", "본부담당"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    add.stdin.take().unwrap().write_all(b"correct horse battery\n").unwrap();
    assert!(add.wait().unwrap().success());

    let agent = agent();
    let page = agent.get(format!("{}/", central.url())).call().unwrap();
    assert_eq!(page.status().as_u16(), 303);
    assert_eq!(page.headers()["location"], "/login");
    let login = |password: &str| {
        agent
            .post(format!("{}/login", central.url()))
            .send_form([("name", "본부담당"), ("password", password)])
            .unwrap()
    };
    let mut wrong = login("wrong password");
    assert_eq!(wrong.status().as_u16(), 401);
    assert!(wrong.body_mut().read_to_string().unwrap().contains("이름이나 비밀번호가 맞지 않아요"));
    let right = login("correct horse battery");
    assert_eq!(right.status().as_u16(), 303);
    let cookie = right.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();

    let yesterday = Local::now().date_naive() - chrono::Duration::days(1);
    let from = yesterday - chrono::Duration::days(2);
    let mut page =
        agent.get(format!("{}/?from={from}&to={yesterday}", central.url())).header("Cookie", &cookie).call().unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let html = page.body_mut().read_to_string().unwrap();
    let store = Store::open(&a.path).unwrap();
    let report = nanum::reports::daily::daily(&store, yesterday).unwrap();
    assert!(html.contains("나눔가게 청주점"));
    // The store that never synced is listed as overdue; the one that did is not.
    let overdue = &html[html.find("36시간 넘게").unwrap()..html.find("<h2>매장 <small>").unwrap()];
    assert!(overdue.contains("642 나눔가게 제주점") && !overdue.contains("청주점"), "{overdue}");
    let row = format!(
        "<td>{yesterday}</td><td>641 나눔가게 청주점</td><td class=\"n\">{}</td><td class=\"n\">{}</td>",
        report.sales, report.gross
    );
    assert!(html.contains(&row), "no row {row} in the page");

    let mut csv = agent
        .get(format!("{}/days.csv?from={from}&to={yesterday}", central.url()))
        .header("Cookie", &cookie)
        .call()
        .unwrap();
    let text = csv.body_mut().read_to_string().unwrap();
    assert!(text.starts_with('\u{feff}'));
    let line = format!("{yesterday},641,나눔가게 청주점,{},{},", report.sales, report.gross.get());
    assert!(text.lines().any(|l| l.starts_with(&line)), "no {line} in {text}");
    // Signed out, the CSV is not given.
    let csv = agent.get(format!("{}/days.csv", central.url())).call().unwrap();
    assert_eq!(csv.status().as_u16(), 303);
}
