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
fn a_batch_that_arrives_before_the_one_it_follows_waits_its_turn() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let a = shop(&db_url, 603, "나눔가게 성수점", 3);
    let events = Store::open(&a.path).unwrap().events_after(0, 120).unwrap();
    let body = |range: std::ops::Range<usize>| serde_json::to_vec(&Batch { events: events[range].to_vec() }).unwrap();

    // A till keeps two batches in flight; here the second gets there first.
    let (second, first) = (body(30..60), body(0..30));
    let early = std::thread::scope(|s| {
        let early = s.spawn(|| post(&central, Some(&a.token), second));
        std::thread::sleep(std::time::Duration::from_millis(300));
        assert!(!early.is_finished(), "the later batch waits for the one it follows");
        assert_eq!(count(&pg, "SELECT count(*) FROM journal"), 0);
        let (status, text) = post(&central, Some(&a.token), first);
        assert_eq!(status, 200, "{text}");
        early.join().unwrap()
    });
    assert_eq!(early.0, 200, "{}", early.1);
    assert!(early.1.contains("\"seq\":60"), "{}", early.1);
    assert_eq!(central_chain(&pg, "central", 603), local_chain(&a.path)[..60]);
    assert_eq!(count(&pg, "SELECT count(*) FROM refused_uploads"), 0);

    // A batch whose predecessor never comes is a gap after a few seconds: refused and recorded.
    let started = std::time::Instant::now();
    let (status, text) = post(&central, Some(&a.token), body(90..120));
    assert_eq!((status, text.contains("\"gap\"")), (409, true), "{text}");
    assert!(started.elapsed() >= std::time::Duration::from_secs(4), "{:?}", started.elapsed());
    assert_eq!(count(&pg, "SELECT count(*) FROM refused_uploads WHERE first_seq = 91"), 1);
    assert_eq!(count(&pg, "SELECT count(*) FROM journal"), 60);

    // And the till's own sync, two in flight, sends the rest.
    sync(&a, &central, &a.token).unwrap();
    assert_eq!(central_chain(&pg, "central", 603), local_chain(&a.path));
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
    let staff = write(&files, "staff.csv", "store,name,role,pin\n631,최본부,manager,4321\n");
    let settings = write(&files, "settings.csv", "key,value\nclosing_time,21:00\n");
    let import = |section: &str, file: &str| central_cli(&db_url, &["import", section, file]);
    assert_eq!(stdout(&import("categories", &categories)).trim(), "reference data version 1");
    assert!(stdout(&import("staff", &staff)).ends_with("reference data version 2\n"));
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
    assert_eq!(store.sync_status().unwrap().unsynced, 0, "applying the reference is journaled and sent too");
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

/// Head office's user 본부담당 with the password "correct horse battery", added by the CLI.
fn add_office_user(db_url: &str) {
    let mut add = Command::new(CENTRAL)
        .args(["--database-url", db_url, "user", "add", "본부담당"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    add.stdin.take().unwrap().write_all(b"correct horse battery\n").unwrap();
    assert!(add.wait().unwrap().success());
}

/// A head-office user, signed in: the agent and the session cookie.
fn office(db_url: &str, central: &Central) -> (ureq::Agent, String) {
    add_office_user(db_url);
    let agent = agent();
    let right = agent
        .post(format!("{}/login", central.url()))
        .send_form([("name", "본부담당"), ("password", "correct horse battery")])
        .unwrap();
    assert_eq!(right.status().as_u16(), 303);
    let cookie = right.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
    (agent, cookie)
}

/// The chain's figures on the page are the stores' own: for 30 days of three demo stores, the
/// range's chain total and the month's card equal the sums of each store's own daily reports.
#[test]
fn the_chain_totals_are_the_sums_of_the_stores_own_daily_reports() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let shops: Vec<Shop> = [(661, "나눔가게 강릉점", 30), (662, "나눔가게 목포점", 30), (663, "나눔가게 안동점", 30)]
        .into_iter()
        .map(|(code, name, days)| shop(&db_url, code, name, days))
        .collect();
    for s in &shops {
        sync(s, &central, &s.token).unwrap();
    }
    let (agent, cookie) = office(&db_url, &central);
    let yesterday = Local::now().date_naive() - chrono::Duration::days(1);
    let from = yesterday - chrono::Duration::days(29);
    let mut page =
        agent.get(format!("{}/?from={from}&to={yesterday}", central.url())).header("Cookie", &cookie).call().unwrap();
    let html = page.body_mut().read_to_string().unwrap();
    let (mut sales, mut gross, mut month_sales, mut month_gross) = (0, 0, 0, 0);
    let month_start = chrono::Datelike::with_day(&yesterday, 1).unwrap();
    for s in &shops {
        let store = Store::open(&s.path).unwrap();
        let mut day = from;
        while day <= yesterday {
            let report = nanum::reports::daily::daily(&store, day).unwrap();
            sales += report.sales;
            gross += report.gross.get();
            if day >= month_start {
                month_sales += report.sales;
                month_gross += report.gross.get();
            }
            day += chrono::Duration::days(1);
        }
    }
    assert!(sales > 1000, "thirty days of three stores: {sales}");
    let w = |n: i64| nanum::domain::Won::new(n).to_string();
    let total =
        format!(r#"<td>체인 합계 (3개 매장)</td><td class="n">{}</td><td class="n">{}</td>"#, w(sales), w(gross));
    assert!(html.contains(&total), "no {total}");
    let month = format!(
        r#"<dd class="chain-sales">{}</dd><dt>매출</dt><dd class="chain-takings">{}원</dd>"#,
        w(month_sales),
        w(month_gross)
    );
    let month_card = &html[html.find("이번 달").expect("the month's card")..];
    assert!(month_card.contains(&month), "no {month} in the month's card");
}

#[test]
fn the_head_office_page_shows_each_store_behind_a_login() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let a = shop(&db_url, 641, "나눔가게 청주점", 4);
    let never = shop(&db_url, 642, "나눔가게 제주점", 1);
    sync(&a, &central, &a.token).unwrap();
    // 제주점's file sent with 춘천점's token (a token file from the wrong stick): refused.
    let wrong = add_store(&db_url, 643, "나눔가게 춘천점");
    assert!(sync(&never, &central, &wrong).is_err());
    add_office_user(&db_url);

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
    assert!(overdue.contains("642 나눔가게 제주점 · 마지막 동기화 한 번도 없음"), "{overdue}");
    assert!(!overdue.contains("청주점"), "{overdue}");
    // The refused upload is shown with its store and why.
    let refused = &html[html.find("최근 받지 않은 업로드").expect("the refused uploads")..];
    assert!(refused.contains("643 나눔가게 춘천점") && refused.contains("store 642"), "{refused}");
    let row = format!(
        "<td>{yesterday}</td><td>641 나눔가게 청주점</td><td class=\"n\">{}</td><td class=\"n\">{}</td>",
        report.sales, report.gross
    );
    assert!(html.contains(&row), "no row {row} in the page");
    // The chain's total over the range comes first; here one store's days make it.
    let days: Vec<_> =
        (0..3).map(|n| nanum::reports::daily::daily(&store, yesterday - chrono::Duration::days(n)).unwrap()).collect();
    let total =
        format!("<td>체인 합계 (1개 매장)</td><td class=\"n\">{}</td>", days.iter().map(|d| d.sales).sum::<i64>());
    assert!(html.contains(&total), "no {total} in the page");
    // Donors' names and phones reach head office in the journal (for the yearly receipts); the
    // page shows counts and totals, never a donor.
    let donors: Vec<(String, Option<String>)> = store
        .reader()
        .prepare("SELECT name, phone FROM donors")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(!donors.is_empty(), "the demo store has donors");
    let named = format!("SELECT count(*) FROM journal WHERE payload::text LIKE '%{}%'", donors[0].0);
    assert!(count(&pg, &named) > 0, "head office holds the donor in its journal");
    for (name, phone) in &donors {
        assert!(!html.contains(name.as_str()), "a donor's name on the page: {name}");
        if let Some(phone) = phone {
            assert!(!html.contains(phone.as_str()), "a donor's phone on the page: {phone}");
        }
    }

    let mut csv = agent
        .get(format!("{}/days.csv?from={from}&to={yesterday}", central.url()))
        .header("Cookie", &cookie)
        .call()
        .unwrap();
    let text = csv.body_mut().read_to_string().unwrap();
    assert!(text.starts_with('\u{feff}'));
    let line = format!("{yesterday},641,나눔가게 청주점,{},{},", report.sales, report.gross.get());
    assert!(text.lines().any(|l| l.starts_with(&line)), "no {line} in {text}");
    assert!(text.starts_with("\u{feff}날짜,매장 코드,매장,판매 건수"), "Korean headers: {text}");

    // The stores' table sorts and narrows: by takings the synced store leads; "제주" finds one.
    let get = |path: &str| {
        let mut page = agent.get(format!("{}{path}", central.url())).header("Cookie", &cookie).call().unwrap();
        assert_eq!(page.status().as_u16(), 200, "{path}");
        page.body_mut().read_to_string().unwrap()
    };
    let table = |html: &str| {
        let start = html.find(r#"<table class="stores">"#).expect("the stores' table");
        html[start..start + html[start..].find("</table>").unwrap()].to_string()
    };
    let order = |html: &str| -> Vec<u16> {
        table(html)
            .split("<tr")
            .skip(2)
            .filter_map(|row| row.split("<td>").nth(1)?.split('<').next()?.parse().ok())
            .collect()
    };
    let by_code = get(&format!("/?from={from}&to={yesterday}&sort=code&up=false"));
    assert_eq!(order(&by_code), [641, 642, 643]);
    let by_takings = get(&format!("/?from={from}&to={yesterday}&sort=takings"));
    assert_eq!(order(&by_takings)[0], 641, "the store that sold leads");
    let reversed = get(&format!("/?from={from}&to={yesterday}&sort=code&up=true"));
    assert_eq!(order(&reversed), [643, 642, 641]);
    let found = get(&format!("/?from={from}&to={yesterday}&q=%EC%A0%9C%EC%A3%BC"));
    assert_eq!(order(&found), [642], "{}", table(&found));

    // A store's own page: its days, its daily report as the store prints it, its tills' counts.
    let store_page = get(&format!("/store/641?from={from}&to={yesterday}"));
    assert!(store_page.contains("641 나눔가게 청주점"));
    let gross = format!(r#"<td>상품 매출 (반품·취소 뺀 금액)</td><td class="n">{}</td>"#, report.gross);
    assert!(store_page.contains(&gross), "the day's report as the store prints it: no {gross}");
    let tills = nanum::reports::till::till(&store, yesterday).unwrap();
    let closed = tills.sessions.first().and_then(|s| s.session.closed.clone()).expect("the demo closed its till");
    let till_row = format!(r#"<td class="n">{}</td><td class="n">{}</td>"#, closed.expected, closed.counted);
    assert!(store_page.contains(&till_row), "no {till_row} in the till counts");
    let mut one = agent
        .get(format!("{}/days.csv?from={from}&to={yesterday}&store=641", central.url()))
        .header("Cookie", &cookie)
        .call()
        .unwrap();
    let one = one.body_mut().read_to_string().unwrap();
    assert!(one.lines().skip(1).all(|l| l.contains(",641,")), "{one}");
    let missing = agent.get(format!("{}/store/999", central.url())).header("Cookie", &cookie).call().unwrap();
    assert_eq!(missing.status().as_u16(), 404);

    // Signed out, the CSV is not given.
    let csv = agent.get(format!("{}/days.csv", central.url())).call().unwrap();
    assert_eq!(csv.status().as_u16(), 303);
}

/// Whether `name` works at the till in `shop` as `role`, active or not, as its file says.
fn at_till(shop: &Shop, name: &str) -> Option<(String, bool)> {
    let store = Store::open(&shop.path).unwrap();
    store
        .reader()
        .query_row("SELECT role, active FROM staff WHERE name = ?1", [name], |r| Ok((r.get(0)?, r.get(1)?)))
        .ok()
}

fn staff_at_central(pg: &Pg, code: u16, name: &str) -> String {
    pg.sql(
        "central",
        &format!(
            "SELECT string_agg(role || ' ' || active || ' ' || from_store || ' ' || (pin_hash IS NOT NULL), ';')
             FROM staff JOIN stores ON stores.id = staff.store_id WHERE code = {code} AND staff.name = '{name}'"
        ),
    )
}

#[test]
fn staff_belong_to_their_store_and_the_later_change_to_a_person_wins() {
    use nanum::domain::{Pin, Role, StaffMember};
    use nanum::store::{NewStaff, StaffChange, StaffNews};
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let a = shop(&db_url, 631, "나눔가게 전주점", 1);
    let b = shop(&db_url, 632, "나눔가게 군산점", 1);
    let now = || Local::now().fixed_offset();

    // The people a store starts with, and one its manager adds, reach head office as the
    // store's own: no PIN hash leaves the till.
    {
        let mut store = Store::open(&a.path).unwrap();
        let manager: StaffMember = common::staff(&store, "김민지");
        let new = NewStaff { name: "박하늘".into(), role: Role::Cashier, pin: Pin::typed("5555").unwrap() };
        store.add_staff(&new, &manager, now()).unwrap();
    }
    sync(&a, &central, &a.token).unwrap();
    sync(&b, &central, &b.token).unwrap();
    assert_eq!(staff_at_central(&pg, 631, "박하늘"), "cashier true true false");
    assert_eq!(staff_at_central(&pg, 631, "이서준"), "cashier true true false");
    assert_eq!(staff_at_central(&pg, 632, "박하늘"), "", "another store's people stay with it");

    // Head office names its manager at both stores and makes 이서준 a manager at 631 (matched by
    // name; an empty PIN keeps theirs). A dry run says so and writes nothing.
    let files = tempfile::tempdir().unwrap();
    let first = write(&files, "staff.csv", "store,name,role,pin\n631 632,최본부,manager,4321\n631,이서준,manager,\n");
    let versions = || count(&pg, "SELECT count(*) FROM reference_versions");
    let rows = || count(&pg, "SELECT count(*) FROM staff");
    let (versions_before, rows_before) = (versions(), rows());
    let dry = stdout(&central_cli(&db_url, &["import", "staff", &first, "--dry-run"]));
    assert!(dry.contains("added: 2\n  631 최본부 (manager)\n  632 최본부 (manager)\n"), "{dry}");
    assert!(
        dry.contains("changed: 1\n  631 이서준 (manager): role cashier → manager, now on head office's list\n"),
        "{dry}"
    );
    assert!(dry.contains("made inactive: 0\n"), "{dry}");
    // The stores' own people, each once: kept as their tills have them.
    assert!(
        dry.contains(
            "kept (added at the store): 6\n  631 김민지 (manager)\n  631 박순자 (volunteer)\n  631 박하늘 (cashier)\n  \
             632 김민지 (manager)\n  632 이서준 (cashier)\n  632 박순자 (volunteer)\ndry run"
        ),
        "{dry}"
    );
    assert!(dry.ends_with("dry run: nothing was written\n"), "{dry}");
    assert_eq!((versions(), rows()), (versions_before, rows_before));
    let done = stdout(&central_cli(&db_url, &["import", "staff", &first]));
    assert!(done.contains("added: 2\n") && done.contains("reference data version"), "{done}");

    let summary = sync(&a, &central, &a.token).unwrap();
    let said = |name: &str, change| StaffNews { name: name.into(), change };
    assert_eq!(
        summary.staff_news,
        vec![
            said("이서준", StaffChange::Role { from: Role::Cashier, to: Role::Manager }),
            said("최본부", StaffChange::Added(Role::Manager))
        ],
        "the till is told what head office changed"
    );
    assert!(nanum::explain::sync_summary(&summary).contains("이서준님의 역할이 계산원에서 매니저로 바뀌었어요."));
    let mut store = Store::open(&a.path).unwrap();
    assert_eq!(at_till(&a, "이서준"), Some(("manager".into(), true)));
    let seojun = common::staff(&store, "이서준");
    assert!(store.sign_in(seojun.id, "2222", now()).is_ok(), "the PIN set at the till stays");
    let boss = common::staff(&store, "최본부");
    assert!(store.sign_in(boss.id, "4321", now()).is_ok());
    drop(store);
    assert_eq!(at_till(&a, "박하늘"), Some(("cashier".into(), true)), "the till's own addition is kept");

    // A store receives only its own people.
    let mut response = agent()
        .get(format!("{}/api/v1/reference", central.url()))
        .header("Authorization", format!("Bearer {}", b.token))
        .call()
        .unwrap();
    let reference: nanum::sync::protocol::Reference = response.body_mut().read_json().unwrap();
    let names: Vec<String> = reference.staff.unwrap().into_iter().map(|s| s.name).collect();
    assert!(names.contains(&"최본부".to_string()) && !names.contains(&"박하늘".to_string()), "{names:?}");
    assert!(names.iter().filter(|n| *n == "이서준").count() <= 1, "632's own 이서준 at most: {names:?}");

    // The same file again: nobody twice, nothing to tell.
    let again = stdout(&central_cli(&db_url, &["import", "staff", &first]));
    assert!(again.contains("added: 0\n") && again.contains("changed: 0\n"), "{again}");
    assert_eq!(sync(&a, &central, &a.token).unwrap().staff_news, vec![]);
    assert_eq!(common::count(&a.path, "SELECT count(*) FROM staff WHERE name = '최본부'"), 1);

    // The till's change after the import stands at head office...
    {
        let mut store = Store::open(&a.path).unwrap();
        let manager = common::staff(&store, "김민지");
        let hanul = common::staff(&store, "박하늘");
        store.set_staff_active(hanul.id, false, &manager, now()).unwrap();
    }
    sync(&a, &central, &a.token).unwrap();
    assert_eq!(staff_at_central(&pg, 631, "박하늘"), "cashier false true false");
    // ...and head office's later import wins at the till: 이서준 back to cashier, 최본부 left out
    // of 631 and so made inactive there (still at 632); the till's own people are kept.
    add_store(&db_url, 643, "나눔가게 익산점");
    let second = write(
        &files,
        "staff2.csv",
        "store,name,role,pin\n632,최본부,manager,4321\n631,이서준,cashier,\n643,정매니저,manager,1111\n",
    );
    let out = stdout(&central_cli(&db_url, &["import", "staff", &second]));
    assert!(out.contains("made inactive: 1\n  631 최본부 (manager)\n"), "{out}");
    let news = sync(&a, &central, &a.token).unwrap().staff_news;
    assert_eq!(
        news,
        vec![
            said("이서준", StaffChange::Role { from: Role::Manager, to: Role::Cashier }),
            said("최본부", StaffChange::Active(false))
        ]
    );
    assert_eq!(at_till(&a, "최본부"), Some(("manager".into(), false)));
    assert_eq!(at_till(&a, "박하늘"), Some(("cashier".into(), false)));
    assert_eq!(staff_at_central(&pg, 632, "최본부"), "manager true false true");

    // A new PIN in the file: the dry run says so, the import hashes it and the till takes it.
    let third = write(
        &files,
        "staff3.csv",
        "store,name,role,pin\n632,최본부,manager,9876\n631,이서준,cashier,\n643,정매니저,manager,1111\n",
    );
    let dry = stdout(&central_cli(&db_url, &["import", "staff", &third, "--dry-run"]));
    assert!(dry.contains("changed: 1\n  632 최본부 (manager): new PIN\n"), "{dry}");
    stdout(&central_cli(&db_url, &["import", "staff", &third]));
    sync(&b, &central, &b.token).unwrap();
    let mut store = Store::open(&b.path).unwrap();
    let boss = common::staff(&store, "최본부");
    assert!(store.sign_in(boss.id, "9876", now()).is_ok(), "the new PIN works at the till");
    assert!(store.sign_in(boss.id, "4321", now()).is_err(), "the old one does not");
    drop(store);

    // Refused whole, nothing written: an empty list, an unknown store, a store left without a manager.
    let before = (versions(), rows());
    for (file, says) in [
        ("store,name,role,pin\n", "names nobody"),
        ("store,name,role,pin\n999,누구,cashier,1234\n", "line 2: 누구: there is no store '999'"),
        (
            "store,name,role,pin\n632,최본부,manager,4321\n631,이서준,cashier,\n643,정매니저,cashier,1111\n",
            "store 643 would have no active manager left",
        ),
        ("store,name,role,pin\n632,새사람,cashier,\n", "line 2: 새사람 is new at store 632: a PIN is needed"),
    ] {
        let out = central_cli(&db_url, &["import", "staff", &write(&files, "bad.csv", file)]);
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains(says), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!((versions(), rows()), before);
}

#[test]
fn a_journal_sent_with_another_stores_token_is_refused_and_recorded() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let a = shop(&db_url, 641, "나눔가게 부산서면점", 1);
    let other = add_store(&db_url, 642, "나눔가게 울산점");
    let refused = sync(&a, &central, &other).unwrap_err();
    assert!(
        matches!(&refused, SyncError::Refused { status: 409, message, .. } if message.contains("store 641's, but the token sending it is store 642's")),
        "{refused:?}"
    );
    let said = nanum::explain::sync_error(&refused);
    assert!(said.contains("다른 매장의 토큰") && !said.contains("token"), "one language: {said}");
    assert_eq!(count(&pg, "SELECT count(*) FROM journal"), 0);
    assert_eq!(
        count(&pg, "SELECT count(*) FROM refused_uploads JOIN stores ON stores.id = store_id WHERE code = 642"),
        1
    );
    // With its own token the same journal goes in whole.
    sync(&a, &central, &a.token).unwrap();
    assert!(count(&pg, "SELECT count(*) FROM journal") > 0);
}

#[test]
fn a_store_that_only_downloads_does_not_look_synced() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let a = shop(&db_url, 651, "나눔가게 대구점", 0);
    let last_sync = || pg.sql("central", "SELECT coalesce(last_sync_at::text, 'never') FROM stores WHERE code = 651");
    let response = agent()
        .get(format!("{}/api/v1/reference?have=0", central.url()))
        .header("Authorization", format!("Bearer {}", a.token))
        .call()
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    assert_eq!(last_sync(), "never", "a reference download is not a sync");
    sync(&a, &central, &a.token).unwrap();
    assert_ne!(last_sync(), "never", "an upload taken is");
}

/// A client that sends half a request's headers and then nothing (one of many a stranger can
/// open) is cut off once the header timeout passes, rather than held for ever.
#[test]
fn a_client_that_never_finishes_its_headers_is_cut_off() {
    use std::io::Read;
    use std::time::{Duration, Instant};
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let mut stalled = std::net::TcpStream::connect(("127.0.0.1", central.port)).unwrap();
    stalled.write_all(b"GET /health HTTP/1.1\r\nHost: nanum\r\n").unwrap();
    stalled.set_read_timeout(Some(Duration::from_secs(40))).unwrap();
    let started = Instant::now();
    let mut answer = Vec::new();
    let ended = stalled.read_to_end(&mut answer);
    let waited = started.elapsed();
    assert!(
        !matches!(&ended, Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut)),
        "still held after {waited:?}"
    );
    let limit = nanum::sync::central::server::HEADER_TIMEOUT;
    assert!(waited >= limit - Duration::from_secs(1) && waited < limit * 2, "cut off after {waited:?}");
    // Everyone else is answered meanwhile and after.
    let health = agent().get(format!("{}/health", central.url())).call().unwrap();
    assert_eq!(health.status().as_u16(), 200);
}

/// `n` connections from this machine, each holding a request whose headers never end, once head
/// office has taken them all.
fn half_sent_requests(central: &Central, n: usize) -> Vec<std::net::TcpStream> {
    let held = (0..n)
        .map(|_| {
            let mut stream = std::net::TcpStream::connect(("127.0.0.1", central.port)).unwrap();
            stream.write_all(b"GET /health HTTP/1.1\r\nHost: nanum\r\n").unwrap();
            stream
        })
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(300));
    held
}

/// One address holding its share of connections gets a 429 it can read for the next, and is
/// served again once it lets some go; the tills elsewhere are never crowded out by it.
#[test]
fn one_address_cannot_take_every_connection() {
    use nanum::sync::central::server::MAX_PER_ADDRESS;
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let held = half_sent_requests(&central, MAX_PER_ADDRESS);
    let refused = agent().get(format!("{}/health", central.url())).call().unwrap();
    assert_eq!(refused.status().as_u16(), 429);
    let body = refused.into_body().read_to_string().unwrap();
    assert!(body.contains("too many connections from this address"), "{body}");
    drop(held);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let status = agent().get(format!("{}/health", central.url())).call().unwrap().status().as_u16();
        if status == 200 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "still refused after the connections closed: {status}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn a_body_without_a_token_is_refused_before_it_is_read() {
    use std::io::Read;
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let address = central.url().trim_start_matches("http://").to_string();
    let mut stream = std::net::TcpStream::connect(&address).unwrap();
    stream.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
    // 50 MB announced, a kilobyte sent, and then nothing: head office answers without waiting.
    write!(
        stream,
        "POST /api/v1/journal HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nContent-Length: 52428800\r\n\r\n"
    )
    .unwrap();
    stream.write_all(&[b' '; 1024]).unwrap();
    let mut answer = [0u8; 64];
    let n = stream.read(&mut answer).expect("an answer while the body is still to come");
    let head = String::from_utf8_lossy(&answer[..n]);
    assert!(head.starts_with("HTTP/1.1 401"), "{head}");
}

#[test]
fn imports_that_would_wipe_duplicate_or_orphan_are_refused_whole_with_their_line_and_column() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let a = shop(&db_url, 651, "나눔가게 순천점", 2);
    sync(&a, &central, &a.token).unwrap();
    assert!(count(&pg, "SELECT count(*) FROM sale_vat WHERE tax_class = 'exempt'") > 0, "the demo sells coffee beans");
    let files = tempfile::tempdir().unwrap();
    let header = "code,name_ko,name_en,tax_class,key_position,like_new,good,fair,donation_value,counting_unit,active\n";
    let good = format!("{header}001,여성 의류,Women's clothing,standard,0,9000,6000,3000,2500,1,true\n");
    let import = |section: &str, text: &str, extra: &[&str]| {
        let file = write(&files, &format!("{section}.csv"), text);
        let mut args = vec!["import", section, file.as_str()];
        args.extend_from_slice(extra);
        central_cli(&db_url, &args)
    };
    assert!(stdout(&import("categories", &good, &[])).ends_with("reference data version 1\n"));
    let versions = || count(&pg, "SELECT count(*) FROM reference_versions");

    for (section, text, says) in [
        ("markdowns", "from_week,percent_off,pull\n".to_string(), "markdowns.csv has no rows"),
        ("categories", header.to_string(), "categories.csv has no rows"),
        (
            "categories",
            format!(
                "{header}001,옷,Clothes,standard,0,9000,6000,3000,2500,1,true\n001,책,Books,exempt,1,1,1,1,0,1,true\n"
            ),
            "categories.csv line 3: category 001 is already on line 2",
        ),
        (
            "categories",
            format!(
                "{header}001,옷,Clothes,standard,4,9000,6000,3000,2500,1,true\n002,책,Books,exempt,4,1,1,1,0,1,true\n"
            ),
            "categories.csv line 3: key 4 is already on line 2",
        ),
        (
            "categories",
            format!("{header}001,옷,Clothes,standard,0,lots,6000,3000,2500,1,true\n"),
            "categories.csv line 2, column like_new: invalid digit",
        ),
        (
            "tax-classes",
            "code,name_ko,name_en,rate_percent\nstandard,과세,Taxable,10\n".to_string(),
            "sales use the tax class 'exempt', which the file leaves out",
        ),
        (
            "markdowns",
            "from_week,percent_off,pull\n2,20,false\n2,50,false\n".to_string(),
            "markdowns.csv line 3: week 2 is already on line 2",
        ),
    ] {
        let out = import(section, &text, &[]);
        let said = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(1), "{section}: {said}");
        assert!(said.contains(says), "{section}: {said}");
        assert_eq!(said.lines().count(), 1, "one line: {said}");
        assert_eq!(versions(), 1, "{section}: the version stays");
    }
    // An empty list on purpose is taken.
    let out = import("markdowns", "from_week,percent_off,pull\n", &["--allow-empty"]);
    assert!(stdout(&out).ends_with("reference data version 2\n"));
}

/// What the API answers besides a good batch: JSON a till can read for a wrong address or
/// method, 415 for a batch not sent as JSON, and a forged batch repeating a sale head office
/// holds is refused and recorded, not "try again later" (a till would retry it for ever). The
/// pages carry headers that keep them out of frames and caches.
#[test]
fn the_api_answers_every_refusal_in_json_and_pages_are_kept_private() {
    use nanum::store::journal::chain_hash;
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let a = shop(&db_url, 661, "나눔가게 여수점", 1);
    sync(&a, &central, &a.token).unwrap();

    let mut answer = agent().get(format!("{}/api/v1/nothing-here", central.url())).call().unwrap();
    assert_eq!(answer.status().as_u16(), 404);
    let said: nanum::sync::protocol::ApiError = answer.body_mut().read_json().unwrap();
    assert_eq!(said.error, "not_found");
    let mut answer = agent().delete(format!("{}/api/v1/journal", central.url())).call().unwrap();
    assert_eq!(answer.status().as_u16(), 405);
    assert_eq!(answer.body_mut().read_json::<nanum::sync::protocol::ApiError>().unwrap().error, "not_allowed");

    let text = agent()
        .post(format!("{}/api/v1/journal", central.url()))
        .header("Authorization", format!("Bearer {}", a.token))
        .content_type("text/plain")
        .send("{\"events\": []}")
        .unwrap();
    assert_eq!(text.status().as_u16(), 415);

    // The last sale again, as a new event chained after the last one head office holds.
    let store = Store::open(&a.path).unwrap();
    let events = store.events_after(0, u32::MAX).unwrap();
    let sale = events.iter().rev().find(|e| e.kind == "sale.committed").unwrap().clone();
    let last = events.last().unwrap();
    let mut forged = sale.clone();
    forged.seq = last.seq + 1;
    forged.uuid = "0190c7a2-0000-7000-8000-00000000f0f0".into();
    forged.prev_hash = last.hash.clone();
    forged.hash = chain_hash(
        &forged.prev_hash,
        forged.seq,
        &forged.uuid,
        &forged.kind,
        &forged.at,
        forged.staff_id,
        &forged.payload,
    );
    let (status, body) = post(&central, Some(&a.token), serde_json::to_vec(&Batch { events: vec![forged] }).unwrap());
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("repeats a record head office already holds"), "{body}");
    assert_eq!(count(&pg, "SELECT count(*) FROM refused_uploads"), 1);

    let page = agent().get(format!("{}/login", central.url())).call().unwrap();
    let header = |name: &str| page.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    assert!(header("content-security-policy").contains("frame-ancestors 'none'"));
    assert_eq!(header("x-frame-options"), "DENY");
    assert_eq!(header("cache-control"), "no-store");
}

/// Guessing a head-office password is slow: from the third wrong password in a row the next
/// try waits (the right password included), and the wait grows; a good login clears it.
#[test]
fn wrong_head_office_passwords_are_throttled() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    add_office_user(&db_url);
    let login = |name: &str, password: &str| {
        let mut answer = agent()
            .post(format!("{}/login", central.url()))
            .send_form([("name", name), ("password", password)])
            .unwrap();
        (answer.status().as_u16(), answer.body_mut().read_to_string().unwrap())
    };
    for _ in 0..3 {
        assert_eq!(login("본부담당", "wrong password").0, 401);
    }
    let (status, said) = login("본부담당", "correct horse battery");
    assert_eq!(status, 429, "the right password waits its turn too");
    assert!(said.contains("틀린 비밀번호가 여러 번 들어왔어요"), "{said}");
    // Another name from the same address waits as well.
    assert_eq!(login("someone else", "whatever").0, 429);
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    assert_eq!(login("본부담당", "correct horse battery").0, 303, "after the wait the right password works");
    assert_eq!(login("본부담당", "wrong password").0, 401, "and the count starts again");
}

/// Behind the TLS proxy (`serve --proxy`), the proxy's connections are not held to one
/// address's share, and wrong passwords are counted against the address the proxy names: one
/// stranger guessing does not slow a colleague's login from elsewhere.
#[test]
fn behind_the_proxy_each_person_is_counted_by_their_own_address() {
    use nanum::sync::central::server::MAX_PER_ADDRESS;
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start_with(&db_url, &["--proxy", "127.0.0.1"]);
    add_office_user(&db_url);
    let login = |from: &str, name: &str, password: &str| {
        agent()
            .post(format!("{}/login", central.url()))
            .header("X-Forwarded-For", format!("198.51.100.7, {from}"))
            .send_form([("name", name), ("password", password)])
            .unwrap()
            .status()
            .as_u16()
    };
    for i in 0..4 {
        login("203.0.113.9", &format!("guess{i}"), "wrong password");
    }
    assert_eq!(login("203.0.113.9", "guess9", "wrong password"), 429, "the stranger waits");
    assert_eq!(login("192.0.2.20", "본부담당", "correct horse battery"), 303, "a colleague elsewhere does not");

    let held = half_sent_requests(&central, MAX_PER_ADDRESS + 8);
    let health = agent().get(format!("{}/health", central.url())).call().unwrap();
    assert_eq!(health.status().as_u16(), 200, "the proxy is not held to one address's share");
    drop(held);
}

/// A changed password ends the sessions signed in with the old one; a removed person's
/// sessions end with their account. The session cookie is Secure and HttpOnly.
#[test]
fn a_password_change_or_a_removal_ends_the_sessions() {
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let user = |args: &[&str], stdin: &str| {
        let mut cmd = Command::new(CENTRAL)
            .args(["--database-url", &db_url, "user"])
            .args(args)
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        cmd.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
        cmd.wait_with_output().unwrap()
    };
    assert!(user(&["add", "본부담당"], "correct horse battery\n").status.success());
    let signed_in = || {
        let answer = agent()
            .post(format!("{}/login", central.url()))
            .send_form([("name", "본부담당"), ("password", "correct horse battery")])
            .unwrap();
        let cookie = answer.headers()["set-cookie"].to_str().unwrap().to_string();
        assert!(cookie.contains("HttpOnly") && cookie.contains("Secure"), "{cookie}");
        cookie.split(';').next().unwrap().to_string()
    };
    let page = |cookie: &str| {
        agent().get(format!("{}/", central.url())).header("Cookie", cookie).call().unwrap().status().as_u16()
    };
    let cookie = signed_in();
    assert_eq!(page(&cookie), 200);
    assert!(user(&["add", "본부담당"], "correct horse battery\n").status.success(), "the same password set again");
    assert_eq!(page(&cookie), 303, "the password was set again: the old session is over");
    let cookie = signed_in();
    assert_eq!(page(&cookie), 200);
    assert!(user(&["remove", "본부담당"], "").status.success());
    assert_eq!(page(&cookie), 303, "removed: the session is over");
    let out = user(&["remove", "본부담당"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is no user '본부담당'"));
}

/// Strangers cannot make head office hold their bodies or its password hashing: 40 connections
/// announcing 16 MB each with no token, and 100 wrong logins at once, leave it under 150 MiB at
/// its peak and answering (it reached 643 MB and 2.6 GB before the token came before the body
/// and password checks were bounded).
#[test]
fn bursts_from_strangers_leave_head_office_small_and_answering() {
    use std::io::Read;
    let pg = Pg::start();
    let db_url = pg.database("central");
    let central = Central::start(&db_url);
    let address = central.url().trim_start_matches("http://").to_string();
    let bodies: Vec<_> = (0..40)
        .map(|_| {
            let address = address.clone();
            std::thread::spawn(move || {
                let mut stream = std::net::TcpStream::connect(&address).unwrap();
                stream.set_read_timeout(Some(std::time::Duration::from_secs(20))).unwrap();
                let head = format!(
                    "POST /api/v1/journal HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nContent-Length: 16777216\r\n\r\n"
                );
                stream.write_all(head.as_bytes()).unwrap();
                // A megabyte at a time, until head office stops listening.
                let chunk = vec![b' '; 1 << 20];
                for _ in 0..16 {
                    if stream.write_all(&chunk).is_err() {
                        break;
                    }
                }
                let mut answer = [0u8; 16];
                let n = stream.read(&mut answer).unwrap_or(0);
                String::from_utf8_lossy(&answer[..n]).to_string()
            })
        })
        .collect();
    let logins: Vec<_> = (0..100)
        .map(|i| {
            let url = central.url();
            std::thread::spawn(move || {
                agent()
                    .post(format!("{url}/login"))
                    .send_form([("name", format!("guess{i}").as_str()), ("password", "wrong password")])
                    .map(|r| r.status().as_u16())
                    .unwrap_or(0)
            })
        })
        .collect();
    for body in bodies {
        let answer = body.join().unwrap();
        // 429: over the connections one address may hold (every stranger here is 127.0.0.1).
        assert!(
            answer.is_empty() || answer.starts_with("HTTP/1.1 401") || answer.starts_with("HTTP/1.1 429"),
            "{answer}"
        );
    }
    for login in logins {
        assert!([401, 429].contains(&login.join().unwrap()));
    }
    let peak = central.peak_mib();
    assert!(peak < 150, "head office held {peak} MiB at its peak");
    let health = agent().get(format!("{}/health", central.url())).call().unwrap();
    assert_eq!(health.status().as_u16(), 200, "still answering");
}
