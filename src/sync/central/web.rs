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
use chrono::{Duration, FixedOffset, NaiveDate, Utc};
use serde::Deserialize;

use super::{AppState, CentralError, figures, stores};
use crate::sync::protocol::OVERDUE_HOURS;

const COOKIE: &str = "nanum_office";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(days_page))
        .route("/days.csv", get(days_csv))
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
    ConnectInfo(from): ConnectInfo<SocketAddr>,
    Form(form): Form<Login>,
) -> Result<Response, CentralError> {
    let keys = [format!("name:{}", form.name.trim().to_lowercase()), format!("addr:{}", from.ip())];
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
    let late: Vec<_> =
        stores.iter().filter(|s| s.last_sync_at.is_none_or(|t| now - t > Duration::hours(OVERDUE_HOURS))).collect();
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
    body.push_str(
        r#"<h2>매장 <small>Stores</small></h2><table><thead><tr><th>코드</th><th>매장</th><th>마지막 동기화 (KST)</th><th class="n">받은 기록</th></tr></thead><tbody>"#,
    );
    for s in &stores {
        let last = s
            .last_sync_at
            .map(|t| t.with_timezone(&korea()).format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_else(|| "아직 없음".into());
        let class = if late.iter().any(|l| l.id == s.id) { r#" class="late""# } else { "" };
        let _ = write!(
            body,
            r#"<tr{class}><td>{}</td><td>{}</td><td>{last}</td><td class="n">{}</td></tr>"#,
            s.code,
            escape(&s.name),
            grouped(s.acked_seq)
        );
    }
    body.push_str("</tbody></table>");
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
        let sum = |f: fn(&figures::StoreDay) -> i64| days.iter().map(f).sum::<i64>();
        let _ = write!(
            body,
            r#"<tr class="total"><td>{from} ~ {to}</td><td>체인 합계 ({}개 매장)</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
            days.iter().map(|d| d.code).collect::<std::collections::BTreeSet<_>>().len(),
            grouped(sum(|d| d.sales)),
            grouped(sum(|d| d.takings)),
            grouped(sum(|d| d.donations)),
            grouped(sum(|d| d.donated_pieces)),
            grouped(sum(|d| d.donated_value)),
            crate::i18n::words::hours_and_minutes(sum(|d| d.volunteer_minutes))
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
        let _ = w.write_record([
            "date",
            "store_code",
            "store",
            "sales",
            "takings",
            "donations",
            "donated_pieces",
            "donated_value",
            "volunteer_minutes",
        ]);
        for d in &days {
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
