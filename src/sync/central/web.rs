//! The head-office pages: a login, then every store's days (sales, donations, volunteer hours),
//! when each store last synced and which have not for 36 hours, with the same figures as CSV.
//! Server-rendered HTML in Korean with English beside the headings; no script.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::Instant;

use argon2::{Argon2, PasswordHash, PasswordVerifier};
use axum::Router;
use axum::extract::{ConnectInfo, Form, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use chrono::{Datelike, Duration, FixedOffset, NaiveDate, Utc};
use serde::Deserialize;

use super::{AppState, CentralError, figures, stores};
use crate::sync::protocol::OVERDUE_HOURS;

const COOKIE: &str = "nanum_office";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(days_page))
        .route("/days.csv", get(days_csv))
        .route("/store/{code}", get(store_page))
        .route("/login", get(login_page).post(login))
        .route("/logout", axum::routing::post(logout))
        .route("/fonts/NanumGothic.ttf", get(|| font(super::font::regular())))
        .route("/fonts/NanumGothicBold.ttf", get(|| font(super::font::bold())))
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .layer(axum::middleware::map_response(page_headers))
}

/// What every page tells the browser: nothing from elsewhere, not inside another site's frame,
/// and (figures and donors' totals being private) not kept in a cache, fonts apart.
async fn page_headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        header::HeaderValue::from_static(
            "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(header::X_FRAME_OPTIONS, header::HeaderValue::from_static("DENY"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, header::HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, header::HeaderValue::from_static("no-referrer"));
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    }
    response
}

/// The till's own Korean font, so the page reads the same on a PC without Korean fonts.
async fn font(bytes: &'static [u8]) -> Response {
    ([(header::CONTENT_TYPE, "font/ttf"), (header::CACHE_CONTROL, "public, max-age=604800")], bytes).into_response()
}

/// Adds or changes a person who may read the pages.
pub async fn add_user(pool: &deadpool_postgres::Pool, name: &str, password: &str) -> Result<(), CentralError> {
    if name.trim().is_empty() || password.chars().count() < 8 {
        return Err(CentralError::User("a name and a password of 8 or more characters are needed".into()));
    }
    let hash = crate::store::hash_pin(password).map_err(|e| CentralError::User(e.to_string()))?;
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    tx.execute(
        "INSERT INTO office_users (name, password_hash) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash",
        &[&name.trim(), &hash],
    )
    .await?;
    // A changed password (a leaked one, most likely) ends every session signed in with the old.
    tx.execute("DELETE FROM office_sessions WHERE name = $1", &[&name.trim()]).await?;
    tx.commit().await?;
    Ok(())
}

/// Takes a person off the pages: their account and every session they have.
pub async fn remove_user(pool: &deadpool_postgres::Pool, name: &str) -> Result<(), CentralError> {
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    tx.execute("DELETE FROM office_sessions WHERE name = $1", &[&name.trim()]).await?;
    let removed = tx.execute("DELETE FROM office_users WHERE name = $1", &[&name.trim()]).await?;
    if removed == 0 {
        return Err(CentralError::User(format!("there is no user '{}'", name.trim())));
    }
    tx.commit().await?;
    Ok(())
}

fn korea() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).expect("UTC+9")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A number with thousands separators (amounts and counts alike).
fn grouped(amount: i64) -> String {
    crate::domain::Won::new(amount).grouped()
}

fn page(title: &str, body: &str) -> Html<String> {
    Html(format!(
        r#"<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
@font-face {{ font-family: "NanumGothic"; src: url("/fonts/NanumGothic.ttf") format("truetype"); font-weight: normal; }}
@font-face {{ font-family: "NanumGothic"; src: url("/fonts/NanumGothicBold.ttf") format("truetype"); font-weight: bold; }}
body {{ font-family: "NanumGothic", sans-serif; margin: 2rem; color: #222; font-size: 17px; }}
h1 {{ font-size: 1.6rem; margin: 0 0 1rem; }} h2 {{ font-size: 1.25rem; margin: 2rem 0 .5rem; }}
table {{ border-collapse: collapse; min-width: 40rem; }}
th, td {{ border-bottom: 1px solid #ddd; padding: .45rem .8rem; text-align: left; }}
td.n, th.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
th {{ background: #f4f4f4; }}
tr.late td {{ background: #fff3cd; }}
.late-badge {{ color: #8a5300; font-weight: bold; }}
tr.total td {{ font-weight: bold; background: #eef5f0; }}
.chain {{ display: flex; flex-wrap: wrap; gap: 1rem; }} .card {{ border: 1px solid #ddd; border-radius: 8px; padding: .2rem 1.2rem 1rem; min-width: 16rem; }}
.card dl {{ display: grid; grid-template-columns: auto auto; gap: .3rem 1.5rem; margin: 0; }} .card dd {{ margin: 0; text-align: right; font-weight: bold; }}
table.report {{ min-width: 24rem; }} td.sub {{ padding-left: 2rem; color: #555; }}
body {{ word-break: keep-all; }}
@media (max-width: 700px) {{ body {{ margin: .8rem; }} table {{ min-width: 0; display: block; overflow-x: auto; }} td, th {{ white-space: nowrap; }} }}
form.inline {{ display: inline; }}
.bar {{ display: flex; gap: 1rem; align-items: center; justify-content: space-between; }}
input, button {{ font-family: inherit; font-size: 1rem; padding: .4rem .6rem; }}
.error {{ color: #b00020; font-weight: bold; }}
</style></head><body>{body}</body></html>"#
    ))
}

/// The session token in the request's cookies, if any.
fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(&format!("{COOKIE}=")).map(str::to_string))
}

/// Who is signed in, from a session that has not expired.
async fn signed_in(state: &AppState, headers: &HeaderMap) -> Result<Option<String>, CentralError> {
    let Some(token) = session_token(headers) else { return Ok(None) };
    let client = state.pool.get().await?;
    let row = client
        .query_opt(
            "SELECT name FROM office_sessions WHERE token_hash = $1 AND expires_at > now()",
            &[&stores::token_hash(&token)],
        )
        .await?;
    Ok(row.map(|r| r.get(0)))
}

async fn login_page() -> Html<String> {
    login_form(None, "")
}

/// The sign-in form; after a wrong password it says so and keeps the name typed.
fn login_form(error: Option<&str>, name: &str) -> Html<String> {
    let name = escape(name);
    let error = error.map(|e| format!(r#"<p class="error" role="alert">{}</p>"#, escape(e))).unwrap_or_default();
    page(
        "나눔 본부 로그인",
        &format!(
            r#"<h1>나눔 본부 <small>Head office</small></h1>{error}
<form method="post" action="/login">
<p><label>이름 (Name)<br><input name="name" value="{name}" autocomplete="username" required autofocus></label></p>
<p><label>비밀번호 (Password)<br><input name="password" type="password" autocomplete="current-password" required></label></p>
<p><button type="submit">로그인</button></p></form>"#
        ),
    )
}

#[derive(Deserialize)]
struct Login {
    name: String,
    password: String,
}

/// A password check: the stored hash (none for an unknown name), the password typed, and where
/// the answer goes.
type Check = (Option<String>, String, tokio::sync::oneshot::Sender<bool>);

/// Two threads check passwords, one at a time each, with at most `WAITING` checks queued. argon2
/// takes 19 MiB a check and a thread's allocator keeps what it used: checked on the runtime's
/// blocking pool, a burst of logins spread over a hundred threads kept half a gigabyte.
static CHECKER: std::sync::LazyLock<Option<std::sync::mpsc::SyncSender<Check>>> = std::sync::LazyLock::new(|| {
    let (sender, jobs) = std::sync::mpsc::sync_channel::<Check>(WAITING);
    let jobs = std::sync::Arc::new(Mutex::new(jobs));
    let mut started = false;
    for i in 0..2 {
        let jobs = jobs.clone();
        let thread = std::thread::Builder::new().name(format!("password-check-{i}")).spawn(move || {
            loop {
                let next = jobs.lock().unwrap_or_else(|p| p.into_inner()).recv();
                let Ok((hash, password, answer)) = next else { return };
                let _ = answer.send(password_is(hash, &password));
            }
        });
        match thread {
            Ok(_) => started = true,
            Err(e) => tracing::error!("cannot start a password-check thread: {e}"),
        }
    }
    started.then_some(sender)
});

const WAITING: usize = 64;

/// Whether `password` is the one `hash` was made from. Someone unknown costs the same check
/// against a stand-in hash, so the time taken does not tell who has an account.
fn password_is(hash: Option<String>, password: &str) -> bool {
    let known = hash.is_some();
    let hash = hash.unwrap_or_else(|| STAND_IN.clone());
    let right =
        PasswordHash::new(&hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok());
    known && right
}

/// A hash of no one's password, checked for names with no account.
static STAND_IN: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    use argon2::password_hash::PasswordHasher;
    Argon2::default().hash_password(b"no such person").map(|h| h.to_string()).unwrap_or_default()
});

/// Wrong passwords lately, by name and by address. From the third in a row, each one doubles
/// the wait before the next try (1 s, 2 s, 4 s … up to 15 minutes), the right password
/// included, so guessing stays slow; a good login clears its name and address.
#[derive(Default)]
struct Throttle {
    failures: HashMap<String, (u32, Instant)>,
}

const FREE_TRIES: u32 = 3;
const LONGEST_WAIT: std::time::Duration = std::time::Duration::from_secs(15 * 60);
/// How many names and addresses are remembered at most (older ones go first).
const REMEMBERED: usize = 10_000;

impl Throttle {
    fn wait_left(&self, key: &str, now: Instant) -> Option<std::time::Duration> {
        let (failures, last) = self.failures.get(key)?;
        let wait = (failures.checked_sub(FREE_TRIES).map(|n| std::time::Duration::from_secs(1u64 << n.min(10))))?
            .min(LONGEST_WAIT);
        (*last + wait).checked_duration_since(now).filter(|left| !left.is_zero())
    }

    fn failed(&mut self, key: String, now: Instant) {
        if self.failures.len() >= REMEMBERED {
            self.failures.retain(|_, (_, last)| now.duration_since(*last) < LONGEST_WAIT);
            if self.failures.len() >= REMEMBERED {
                self.failures.clear();
            }
        }
        let entry = self.failures.entry(key).or_insert((0, now));
        *entry = (entry.0.saturating_add(1), now);
    }
}

static THROTTLE: std::sync::LazyLock<Mutex<Throttle>> = std::sync::LazyLock::new(Mutex::default);

async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    axum::Extension(proxy): axum::Extension<super::server::Proxy>,
    headers: axum::http::HeaderMap,
    Form(form): Form<Login>,
) -> Result<Response, CentralError> {
    // Through the proxy, the person's own address: one stranger's guesses must not slow
    // everyone's logins.
    let from = proxy.client(peer.ip(), &headers);
    let keys = [format!("name:{}", form.name.trim().to_lowercase()), format!("addr:{from}")];
    let now = Instant::now();
    let wait = {
        let throttle = THROTTLE.lock().unwrap_or_else(|p| p.into_inner());
        keys.iter().filter_map(|k| throttle.wait_left(k, now)).max()
    };
    if let Some(wait) = wait {
        let seconds = wait.as_secs().max(1);
        tracing::warn!(name = form.name.trim(), %from, seconds, "login throttled");
        let said = format!(
            "틀린 비밀번호가 여러 번 들어왔어요. {seconds}초 뒤에 다시 해 주세요. (Too many wrong passwords: try again in {seconds} s.)"
        );
        return Ok((StatusCode::TOO_MANY_REQUESTS, login_form(Some(&said), &form.name)).into_response());
    }
    let client = state.pool.get().await?;
    let row = client.query_opt("SELECT password_hash FROM office_users WHERE name = $1", &[&form.name.trim()]).await?;
    let hash: Option<String> = row.map(|r| r.get(0));
    // argon2 takes a moment and 19 MiB: on the two checking threads, off the async ones; a
    // burst beyond what may wait is told to come back rather than held.
    let (answer, checked) = tokio::sync::oneshot::channel();
    let queued = CHECKER.as_ref().is_some_and(|c| c.try_send((hash, form.password.clone(), answer)).is_ok());
    if !queued {
        let said = "지금은 로그인이 많아요. 잠시 뒤에 다시 해 주세요. (Too many logins at once: try again shortly.)";
        return Ok((StatusCode::SERVICE_UNAVAILABLE, login_form(Some(said), &form.name)).into_response());
    }
    let ok = checked.await.unwrap_or(false);
    {
        let mut throttle = THROTTLE.lock().unwrap_or_else(|p| p.into_inner());
        for key in keys {
            if ok {
                throttle.failures.remove(&key);
            } else {
                throttle.failed(key, Instant::now());
            }
        }
    }
    if !ok {
        return Ok((
            StatusCode::UNAUTHORIZED,
            login_form(Some("이름이나 비밀번호가 맞지 않아요. (Wrong name or password.)"), &form.name),
        )
            .into_response());
    }
    let token = stores::new_token();
    client
        .execute(
            "INSERT INTO office_sessions (token_hash, name, expires_at) VALUES ($1, $2, now() + interval '12 hours')",
            &[&stores::token_hash(&token), &form.name.trim()],
        )
        .await?;
    // Secure: the service sits behind a TLS proxy (nanum-central.service); browsers still keep
    // such a cookie for http://localhost.
    let cookie = format!("{COOKIE}={token}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=43200");
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to("/")).into_response())
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, CentralError> {
    if let Some(token) = session_token(&headers) {
        let client = state.pool.get().await?;
        client.execute("DELETE FROM office_sessions WHERE token_hash = $1", &[&stores::token_hash(&token)]).await?;
    }
    let cookie = format!("{COOKIE}=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0");
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to("/login")).into_response())
}

#[derive(Deserialize)]
struct Range {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    /// The stores' table: by which column, largest first unless `up`, and only those whose
    /// code or name holds `q`.
    sort: Option<String>,
    #[serde(default)]
    up: bool,
    q: Option<String>,
    /// One store's days only (the store page's CSV).
    store: Option<u16>,
}

/// One store over the page's range: its totals and when it last synced.
struct StoreTotal<'a> {
    store: &'a stores::StoreRow,
    totals: figures::Totals,
}

impl Range {
    /// The days asked for; the last seven days by default.
    fn days(&self) -> (NaiveDate, NaiveDate) {
        let today = Utc::now().with_timezone(&korea()).date_naive();
        let to = self.to.unwrap_or(today);
        (self.from.unwrap_or(to - Duration::days(6)).min(to), to)
    }
}

async fn days_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(range): Query<Range>,
) -> Result<Response, CentralError> {
    let Some(user) = signed_in(&state, &headers).await? else {
        return Ok(Redirect::to("/login").into_response());
    };
    let (from, to) = range.days();
    let stores = stores::all(&state.pool).await?;
    let days = figures::store_days(&state.pool, from, to).await?;
    let now = Utc::now();
    let mut body = format!(
        r#"<div class="bar"><h1>나눔 본부: 매장별 하루 <small>Stores by day</small></h1>
<form class="inline" method="post" action="/logout"><span>{}</span> <button>로그아웃</button></form></div>"#,
        escape(&user)
    );
    // What head office reads first: the chain's last day with records, and its month so far.
    let day = days.first().map_or(to, |d| d.date);
    let month_start = day.with_day(1).unwrap_or(day);
    let month = figures::store_days(&state.pool, month_start, day).await?;
    let of_day: Vec<_> = days.iter().filter(|d| d.date == day).cloned().collect();
    body.push_str(r#"<div class="chain">"#);
    body.push_str(&chain_card(&format!("{day} 하루 <small>The day</small>"), &of_day));
    body.push_str(&chain_card(&format!("{month_start} ~ {day} 이번 달 <small>The month</small>"), &month));
    body.push_str("</div>");
    let late: Vec<_> =
        stores.iter().filter(|s| s.last_sync_at.is_none_or(|t| now - t > Duration::hours(OVERDUE_HOURS))).collect();
    let late_ids: Vec<i32> = late.iter().map(|s| s.id).collect();
    body.push_str(&format!(
        "<h2>{OVERDUE_HOURS}시간 넘게 동기화하지 않은 매장 <small>Not synced for {OVERDUE_HOURS} hours</small></h2>"
    ));
    if late.is_empty() {
        body.push_str("<p>모든 매장이 제때 동기화했어요.</p>");
    } else {
        body.push_str(r#"<ul class="late-list">"#);
        for s in &late {
            // Since when: a store silent for a day reads differently from one never heard from.
            let since = match s.last_sync_at {
                Some(t) => {
                    format!("{} ({}시간 전)", t.with_timezone(&korea()).format("%m-%d %H:%M"), (now - t).num_hours())
                }
                None => "한 번도 없음".to_string(),
            };
            let _ =
                write!(body, r#"<li class="late-badge">{} {} · 마지막 동기화 {since}</li>"#, s.code, escape(&s.name));
        }
        body.push_str("</ul>");
    }
    // Uploads head office refused lately: each is a till that is not getting through.
    let refused = stores::refused_lately(&state.pool, 20).await?;
    if !refused.is_empty() {
        body.push_str(
            r#"<h2>최근 받지 않은 업로드 <small>Refused uploads</small></h2><table><thead><tr><th>시각 (KST)</th><th>매장</th><th>까닭</th></tr></thead><tbody>"#,
        );
        for r in &refused {
            let _ = write!(
                body,
                r#"<tr><td>{}</td><td>{} {}</td><td>{}</td></tr>"#,
                r.at.with_timezone(&korea()).format("%Y-%m-%d %H:%M"),
                r.code,
                escape(&r.name),
                escape(&r.reason)
            );
        }
        body.push_str("</tbody></table>");
    }
    body.push_str(&stores_table(&stores, &days, &late_ids, &range, from, to));
    let _ = write!(
        body,
        r#"<h2>매장별 하루 <small>By store and day</small></h2>
<form method="get" action="/"><label>부터 <input type="date" name="from" value="{from}"></label>
<label>까지 <input type="date" name="to" value="{to}"></label> <button>보기</button>
<a href="/days.csv?from={from}&amp;to={to}">CSV로 받기</a></form>
<table><thead><tr><th>날짜</th><th>매장</th><th class="n">판매 건수</th><th class="n">매출</th><th class="n">기증 건수</th><th class="n">기증 물품</th><th class="n">기증 가액</th><th class="n">봉사 시간</th></tr></thead><tbody>"#
    );
    if days.is_empty() {
        body.push_str(r#"<tr><td colspan="8">이 기간에 받은 기록이 없어요.</td></tr>"#);
    } else {
        // The chain's total over the range first: what head office reads before any one store.
        let t = figures::Totals::of(&days);
        let _ = write!(
            body,
            r#"<tr class="total"><td>{from} ~ {to}</td><td>체인 합계 ({}개 매장)</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
            t.stores,
            grouped(t.sales),
            grouped(t.takings),
            grouped(t.donations),
            grouped(t.donated_pieces),
            grouped(t.donated_value),
            crate::i18n::words::hours_and_minutes(t.volunteer_minutes)
        );
    }
    for d in &days {
        let _ = write!(
            body,
            r#"<tr><td>{}</td><td>{} {}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
            d.date,
            d.code,
            escape(&d.name),
            grouped(d.sales),
            grouped(d.takings),
            grouped(d.donations),
            grouped(d.donated_pieces),
            grouped(d.donated_value),
            crate::i18n::words::hours_and_minutes(d.volunteer_minutes)
        );
    }
    body.push_str("</tbody></table>");
    Ok(page("나눔 본부", &body).into_response())
}

async fn days_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(range): Query<Range>,
) -> Result<Response, CentralError> {
    if signed_in(&state, &headers).await?.is_none() {
        return Ok(Redirect::to("/login").into_response());
    }
    let (from, to) = range.days();
    let days = figures::store_days(&state.pool, from, to).await?;
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::Writer::from_writer(&mut out);
        // A manager opens it in a spreadsheet: Korean headers, plain numbers.
        let _ = w.write_record([
            "날짜",
            "매장 코드",
            "매장",
            "판매 건수",
            "매출(원)",
            "기증 건수",
            "기증 물품(점)",
            "기증 가액(원)",
            "봉사 시간(분)",
        ]);
        for d in days.iter().filter(|d| range.store.is_none_or(|code| d.code == code)) {
            let _ = w.write_record([
                d.date.to_string(),
                d.code.to_string(),
                d.name.clone(),
                d.sales.to_string(),
                d.takings.to_string(),
                d.donations.to_string(),
                d.donated_pieces.to_string(),
                d.donated_value.to_string(),
                d.volunteer_minutes.to_string(),
            ]);
        }
        let _ = w.flush();
    }
    let name = format!("attachment; filename=\"nanum-stores-{from}-{to}.csv\"");
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()), (header::CONTENT_DISPOSITION, name)], out)
        .into_response())
}

/// The stores over the range, one row each, sorted and filtered as asked: a chain's 130 stores
/// read as a table a manager can order by takings or narrow to a region's names.
fn stores_table(
    stores: &[stores::StoreRow],
    days: &[figures::StoreDay],
    late: &[i32],
    range: &Range,
    from: NaiveDate,
    to: NaiveDate,
) -> String {
    let q = range.q.as_deref().unwrap_or("").trim().to_string();
    let mut rows: Vec<StoreTotal<'_>> = stores
        .iter()
        .filter(|s| q.is_empty() || s.name.contains(&q) || s.code.to_string().starts_with(&q))
        .map(|store| StoreTotal { store, totals: figures::Totals::of(days.iter().filter(|d| d.code == store.code)) })
        .collect();
    let sort = range.sort.as_deref().unwrap_or("code");
    match sort {
        "name" => rows.sort_by(|a, b| a.store.name.cmp(&b.store.name)),
        "sync" => rows.sort_by_key(|r| r.store.last_sync_at),
        "sales" => rows.sort_by_key(|r| r.totals.sales),
        "takings" => rows.sort_by_key(|r| r.totals.takings),
        "donations" => rows.sort_by_key(|r| r.totals.donations),
        "volunteers" => rows.sort_by_key(|r| r.totals.volunteer_minutes),
        _ => rows.sort_by_key(|r| r.store.code),
    }
    // Text and the code read up; amounts read largest first, unless asked otherwise.
    let ascending = matches!(sort, "code" | "name" | "sync");
    if ascending == range.up {
        rows.reverse();
    }
    let q_escaped = escape(&q);
    let heading = |key: &str, label: &str, numeric: bool| {
        let up = if sort == key { !range.up } else { false };
        let mark = if sort == key { if ascending != range.up { " ▲" } else { " ▼" } } else { "" };
        format!(
            r#"<th{}><a href="/?from={from}&amp;to={to}&amp;sort={key}&amp;up={up}&amp;q={q_escaped}">{label}{mark}</a></th>"#,
            if numeric { r#" class="n""# } else { "" }
        )
    };
    let mut out = format!(
        r#"<h2>매장 <small>Stores, {from} ~ {to}</small></h2>
<form method="get" action="/"><input type="hidden" name="from" value="{from}"><input type="hidden" name="to" value="{to}">
<label>매장 찾기 <input type="search" name="q" value="{q_escaped}" placeholder="코드나 이름 (예: 부산)"></label> <button>찾기</button></form>
<table class="stores"><thead><tr>{}{}{}{}{}{}{}</tr></thead><tbody>"#,
        heading("code", "코드", false),
        heading("name", "매장", false),
        heading("sync", "마지막 동기화 (KST)", false),
        heading("sales", "판매 건수", true),
        heading("takings", "매출", true),
        heading("donations", "기증 건수", true),
        heading("volunteers", "봉사 시간", true),
    );
    if rows.is_empty() {
        out.push_str(r#"<tr><td colspan="7">찾는 매장이 없어요.</td></tr>"#);
    }
    for r in &rows {
        let last = r
            .store
            .last_sync_at
            .map(|t| t.with_timezone(&korea()).format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_else(|| "아직 없음".into());
        let class = if late.contains(&r.store.id) { r#" class="late""# } else { "" };
        let _ = write!(
            out,
            r#"<tr{class}><td>{code}</td><td><a href="/store/{code}?from={from}&amp;to={to}">{}</a></td><td>{last}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
            escape(&r.store.name),
            grouped(r.totals.sales),
            grouped(r.totals.takings),
            grouped(r.totals.donations),
            crate::i18n::words::hours_and_minutes(r.totals.volunteer_minutes),
            code = r.store.code,
        );
    }
    out.push_str("</tbody></table>");
    out
}

/// One store: its days over the range, its daily report for the last day (the same figures the
/// store's own `nanum report daily` prints) and its tills' counts against what they should hold.
async fn store_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::Path(code): axum::extract::Path<u16>,
    Query(range): Query<Range>,
) -> Result<Response, CentralError> {
    if signed_in(&state, &headers).await?.is_none() {
        return Ok(Redirect::to("/login").into_response());
    }
    let (from, to) = range.days();
    let store = match stores::by_code(&state.pool, code).await {
        Ok(store) => store,
        Err(_) => return Ok((StatusCode::NOT_FOUND, page("나눔 본부", "<p>그런 매장이 없어요.</p>")).into_response()),
    };
    let days: Vec<_> =
        figures::store_days(&state.pool, from, to).await?.into_iter().filter(|d| d.code == code).collect();
    // The report of the range's last day with records (today's is empty until tonight's sync).
    let day = days.first().map_or(to, |d| d.date);
    let report = figures::daily(&state.pool, code, day).await?;
    let mut text = Vec::new();
    report.write_text(&mut text).map_err(|e| CentralError::User(e.to_string()))?;
    let text = String::from_utf8_lossy(&text);
    let tills = figures::till_differences(&state.pool, store.id, from, to).await?;
    let mut body = format!(
        r#"<div class="bar"><h1>{} {} <small>Store</small></h1><a href="/?from={from}&amp;to={to}">모든 매장</a></div>
<form method="get" action="/store/{code}"><label>부터 <input type="date" name="from" value="{from}"></label>
<label>까지 <input type="date" name="to" value="{to}"></label> <button>보기</button>
<a href="/days.csv?from={from}&amp;to={to}&amp;store={code}">CSV로 받기</a></form>
<h2>날마다 <small>By day</small></h2><table><thead><tr><th>날짜</th><th class="n">판매 건수</th><th class="n">매출</th><th class="n">기증 건수</th><th class="n">기증 가액</th><th class="n">봉사 시간</th></tr></thead><tbody>"#,
        store.code,
        escape(&store.name)
    );
    if days.is_empty() {
        body.push_str(r#"<tr><td colspan="6">이 기간에 받은 기록이 없어요.</td></tr>"#);
    }
    for d in &days {
        let _ = write!(
            body,
            r#"<tr><td>{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
            d.date,
            grouped(d.sales),
            grouped(d.takings),
            grouped(d.donations),
            grouped(d.donated_value),
            crate::i18n::words::hours_and_minutes(d.volunteer_minutes)
        );
    }
    body.push_str("</tbody></table>");
    // The report's lines are laid out for a receipt's fixed columns; a page's font is not fixed
    // width, so each becomes a row of label and figure.
    let _ = write!(body, r#"<h2>{day} 일일 보고 <small>Daily report</small></h2><table class="report"><tbody>"#);
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let sub = if line.starts_with(' ') { r#" class="sub""# } else { "" };
        match line.trim_end().rsplit_once("  ") {
            Some((label, value)) => {
                let _ = write!(
                    body,
                    r#"<tr><td{sub}>{}</td><td class="n">{}</td></tr>"#,
                    escape(label.trim()),
                    escape(value.trim())
                );
            }
            None => {
                let _ = write!(body, r#"<tr><td colspan="2">{}</td></tr>"#, escape(line.trim()));
            }
        }
    }
    body.push_str("</tbody></table>");
    body.push_str(
        r#"<h2>계산대 마감 <small>Till counts</small></h2><table><thead><tr><th>날짜</th><th>계산대</th><th class="n">있어야 할 현금</th><th class="n">센 현금</th><th class="n">차액</th></tr></thead><tbody>"#,
    );
    if tills.is_empty() {
        body.push_str(r#"<tr><td colspan="5">이 기간에 마감한 계산대가 없어요.</td></tr>"#);
    }
    for t in &tills {
        let difference = t.counted - t.expected;
        let class = if difference != 0 { r#" class="late""# } else { "" };
        let _ = write!(
            body,
            r#"<tr{class}><td>{}</td><td>{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
            t.date,
            escape(&t.till),
            grouped(t.expected),
            grouped(t.counted),
            if difference > 0 { format!("+{}", grouped(difference)) } else { grouped(difference) }
        );
    }
    body.push_str("</tbody></table>");
    Ok(page(&format!("{} · 나눔 본부", store.name), &body).into_response())
}

/// The chain's figures over `days` as a card: sales, takings, donations, volunteer hours.
fn chain_card(title: &str, days: &[figures::StoreDay]) -> String {
    let t = figures::Totals::of(days);
    format!(
        r#"<section class="card"><h2>{title}</h2><dl>
<dt>판매 건수</dt><dd class="chain-sales">{}</dd><dt>매출</dt><dd class="chain-takings">{}원</dd>
<dt>기증</dt><dd>{}건 · {}원</dd><dt>봉사 시간</dt><dd>{}</dd><dt>매장</dt><dd>{}곳</dd></dl></section>"#,
        grouped(t.sales),
        grouped(t.takings),
        grouped(t.donations),
        grouped(t.donated_value),
        crate::i18n::words::hours_and_minutes(t.volunteer_minutes),
        t.stores,
    )
}
