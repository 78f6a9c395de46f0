//! The HTTP side of `nanum-central`: the sync API the tills call (a bearer token names the
//! store) and the head-office pages. Every answer to a till is JSON; every refusal says why.

use std::future::Future;

use axum::Router;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use deadpool_postgres::Pool;
use serde::Deserialize;

use super::{AppState, CentralError, ingest, reference, staff, stores};
use crate::sync::protocol::{
    ACK_PATH, Ack, Batch, HEALTH_PATH, JOURNAL_PATH, MAX_BODY_BYTES, REFERENCE_PATH, STORE_PATH, StoreIdentity,
};

pub fn router(pool: Pool) -> Router {
    Router::new()
        .route(HEALTH_PATH, get(health))
        .route(ACK_PATH, get(ack))
        .route(JOURNAL_PATH, post(upload))
        .route(REFERENCE_PATH, get(reference_data))
        .route(STORE_PATH, get(store_identity))
        .merge(super::web::routes())
        // A wrong address or method gets an answer a till can read, as every other refusal.
        .fallback(|| async { CentralError::NotFound("there is no such address".into()) })
        .method_not_allowed_fallback(|| async {
            CentralError::NotAllowed("that address does not take this method".into())
        })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(AppState { pool })
}

/// How long a client may take to send a request's headers: one that trickles them (or sends
/// none) is cut off rather than held open.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Connections served at once. More wait in the kernel's listen queue until one closes, so a
/// crowd of strangers cannot make head office hold a buffer and a task for each of them. A
/// syncing till holds two (a batch in flight while the one before it is written): 130 stores
/// syncing together and the page's users fit well within it.
pub const MAX_CONNECTIONS: usize = 512;

/// Connections one address may hold at once, so one stranger cannot take every slot and make
/// the tills wait. A syncing till opens two; a head office behind one address (its staff's
/// browsers, or stores behind one NAT syncing together) stays well under it. The next is
/// answered 429 and closed.
pub const MAX_PER_ADDRESS: usize = 64;

/// The answer to a connection over [`MAX_PER_ADDRESS`], written before any request is read.
fn too_many_from_address() -> Vec<u8> {
    let body =
        "{\"error\":\"too_many\",\"message\":\"too many connections from this address; try again in a moment\"}\n";
    format!(
        "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: 10\r\n\
         Connection: close\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// The TLS proxy in front of head office, if it is told of one (`serve --proxy`). Every client
/// reaches head office through it, so its connections are not held to one address's share (it
/// bounds its own clients), and a request through it comes from the address its
/// `X-Forwarded-For` names last: the one the proxy itself saw.
#[derive(Clone, Copy, Debug, Default)]
pub struct Proxy(pub Option<std::net::IpAddr>);

impl Proxy {
    /// Who sent a request that came over a connection from `peer`.
    pub fn client(self, peer: std::net::IpAddr, headers: &HeaderMap) -> std::net::IpAddr {
        if self.0 != Some(peer) {
            return peer;
        }
        headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .last()
            .and_then(|a| a.trim().parse().ok())
            .unwrap_or(peer)
    }
}

/// How many connections each address holds; a [`Slot`] gives its one back when dropped.
#[derive(Clone, Default)]
struct Addresses(std::sync::Arc<std::sync::Mutex<std::collections::HashMap<std::net::IpAddr, usize>>>);

struct Slot {
    addresses: Addresses,
    ip: std::net::IpAddr,
}

impl Addresses {
    fn take(&self, ip: std::net::IpAddr) -> Option<Slot> {
        let mut open = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let count = open.entry(ip).or_insert(0);
        if *count >= MAX_PER_ADDRESS {
            return None;
        }
        *count += 1;
        Some(Slot { addresses: self.clone(), ip })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self.addresses.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(count) = open.get_mut(&self.ip) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

/// Serves until `shutdown` completes, then finishes the requests under way. Connections from
/// `proxy` are its clients' (see [`Proxy`]).
///
/// Its own accept loop rather than `axum::serve`, which gives hyper no timer, so hyper's
/// header-read timeout never fires: each connection is HTTP/1 with a timer, and a semaphore
/// bounds how many are open.
pub async fn serve(
    pool: Pool,
    listener: tokio::net::TcpListener,
    proxy: Proxy,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use std::sync::Arc;
    let router = router(pool);
    let open = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    let addresses = Addresses::default();
    let (closing, closed) = tokio::sync::watch::channel(false);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = open.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    tracing::warn!("cannot accept a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // The proxy carries every client: it is not held to one address's share.
        let slot = if proxy.0 == Some(peer.ip()) {
            None
        } else if let Some(slot) = addresses.take(peer.ip()) {
            Some(slot)
        } else {
            tracing::warn!(%peer, "too many connections from one address");
            tokio::spawn(async move {
                let _permit = permit;
                let mut stream = stream;
                let refuse = async {
                    use tokio::io::{AsyncReadExt, AsyncWriteExt};
                    stream.write_all(&too_many_from_address()).await?;
                    stream.shutdown().await?;
                    // Read what the client sent, so closing does not reset the connection
                    // before it has read the answer.
                    let mut sink = [0u8; 4096];
                    while stream.read(&mut sink).await? > 0 {}
                    Ok::<(), std::io::Error>(())
                };
                let _ = tokio::time::timeout(Duration::from_secs(2), refuse).await;
            });
            continue;
        };
        // The peer's address goes with each request: logins are throttled by address too.
        let service =
            router.clone().layer(axum::Extension(axum::extract::ConnectInfo(peer))).layer(axum::Extension(proxy));
        let service = hyper_util::service::TowerToHyperService::new(service);
        let mut closed = closed.clone();
        tokio::spawn(async move {
            let _held = (permit, slot);
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder.timer(TokioTimer::new()).header_read_timeout(HEADER_TIMEOUT);
            let connection = builder.serve_connection(TokioIo::new(stream), service);
            let mut connection = std::pin::pin!(connection);
            tokio::select! {
                result = connection.as_mut() => {
                    if let Err(e) = result {
                        tracing::debug!(%peer, "connection ended: {e}");
                    }
                }
                _ = closed.changed() => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.await;
                }
            }
        });
    }
    drop(listener);
    let _ = closing.send(true);
    // Every connection has handed its permit back once its last request is answered.
    let _ = open.acquire_many(MAX_CONNECTIONS as u32).await;
    Ok(())
}

async fn health(State(state): State<AppState>) -> Response {
    match state.pool.get().await {
        Ok(client) => match client.query_one("SELECT 1", &[]).await {
            Ok(_) => (StatusCode::OK, "ok\n").into_response(),
            Err(e) => CentralError::from(e).into_response(),
        },
        Err(e) => CentralError::from(e).into_response(),
    }
}

async fn store_of(state: &AppState, headers: &HeaderMap) -> Result<i32, CentralError> {
    let token = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or(CentralError::Unauthorized)?;
    stores::authenticate(&state.pool, token).await
}

async fn store_identity(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<axum::Json<StoreIdentity>, CentralError> {
    let store_id = store_of(&state, &headers).await?;
    let client = state.pool.get().await?;
    let row = client
        .query_one(
            "SELECT code, name, business_no, representative, address, phone FROM stores WHERE id = $1",
            &[&store_id],
        )
        .await?;
    let code: i32 = row.get(0);
    let code = u16::try_from(code).map_err(|_| CentralError::Malformed(format!("store code {code}")))?;
    Ok(axum::Json(StoreIdentity {
        code,
        name: row.get(1),
        business_no: row.get(2),
        representative: row.get(3),
        address: row.get(4),
        phone: row.get(5),
    }))
}

async fn ack(State(state): State<AppState>, headers: HeaderMap) -> Result<axum::Json<Ack>, CentralError> {
    let store_id = store_of(&state, &headers).await?;
    let client = state.pool.get().await?;
    let row = client.query_one("SELECT acked_seq, acked_hash FROM stores WHERE id = $1", &[&store_id]).await?;
    Ok(axum::Json(Ack { seq: row.get(0), hash: row.get(1) }))
}

/// How long a batch that arrived before the one it follows waits for it; then it is a gap.
const TURN_WAIT: Duration = Duration::from_secs(5);
const TURN_FIRST_PAUSE: Duration = Duration::from_millis(2);
const TURN_LONGEST_PAUSE: Duration = Duration::from_millis(50);

/// How long a till may take to send one batch's body: a slow or stalled sender is cut off
/// rather than held (with its buffer) for ever.
const BODY_TIMEOUT: Duration = Duration::from_secs(60);

async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<axum::Json<Ack>, CentralError> {
    // The token first: a stranger's body is never read, so it cannot make head office hold it.
    let store_id = store_of(&state, &headers).await?;
    let json = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("application/json"));
    if !json {
        return Err(CentralError::WrongType("a batch is sent as application/json".into()));
    }
    let too_large =
        || CentralError::TooLarge(format!("the batch is larger than {} MiB", MAX_BODY_BYTES / (1024 * 1024)));
    let body = match tokio::time::timeout(BODY_TIMEOUT, axum::body::to_bytes(body, MAX_BODY_BYTES)).await {
        Err(_) => return Err(CentralError::Malformed("the batch took too long to arrive".into())),
        Ok(Err(e)) if is_too_large(&e) => return Err(too_large()),
        Ok(Err(e)) => return Err(CentralError::Malformed(format!("the batch could not be read: {e}"))),
        Ok(Ok(bytes)) => bytes,
    };
    let batch: Batch = serde_json::from_slice(&body)
        .map_err(|e| CentralError::Malformed(format!("the batch is not valid JSON: {e}")))?;
    let (first, last) = (batch.events.first().map(|e| e.seq), batch.events.last().map(|e| e.seq));
    let taken = match ingest::check(&batch) {
        Ok(checked) => in_turn(&state, store_id, &checked).await,
        Err(e) => Err(e),
    };
    match taken {
        Ok(ack) => {
            tracing::info!(store_id, ?first, ?last, acked = ack.seq, "journal batch taken in");
            Ok(axum::Json(ack))
        }
        Err(e) => {
            if matches!(
                e,
                CentralError::Conflict(_)
                    | CentralError::Altered(_)
                    | CentralError::Gap(_)
                    | CentralError::Malformed(_)
            ) {
                tracing::warn!(store_id, ?first, ?last, error = %e, "journal batch refused");
                // The refusal is already in the log above; a record that cannot be kept is too.
                let recorded = match state.pool.get().await {
                    Ok(client) => client
                        .execute(
                            "INSERT INTO refused_uploads (store_id, reason, first_seq, last_seq) VALUES ($1, $2, $3, $4)",
                            &[&store_id, &e.to_string(), &first, &last],
                        )
                        .await
                        .map(|_| ())
                        .map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                };
                if let Err(record) = recorded {
                    tracing::error!(store_id, ?first, ?last, error = %record, "the refused batch could not be recorded in refused_uploads");
                }
            }
            Err(e)
        }
    }
}

/// Takes the batch in when its turn comes. A till keeps two batches in flight, and the later may
/// reach the store's turn first: it waits for the one before it (holding no database connection)
/// rather than be refused as a gap. Once that one is being written, the store's row lock holds it.
async fn in_turn(state: &AppState, store_id: i32, batch: &ingest::Checked<'_>) -> Result<Ack, CentralError> {
    let asked = tokio::time::Instant::now();
    let mut pause = TURN_FIRST_PAUSE;
    loop {
        let mut client = state.pool.get().await?;
        match ingest::upload(&mut client, store_id, batch).await {
            Err(CentralError::Gap(_)) if asked.elapsed() < TURN_WAIT => {
                drop(client);
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(TURN_LONGEST_PAUSE);
            }
            other => return other,
        }
    }
}

/// Whether reading a body stopped at its limit.
fn is_too_large(e: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if s.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = s.source();
    }
    false
}

#[derive(Deserialize)]
struct Have {
    #[serde(default)]
    have: i64,
}

async fn reference_data(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(have): Query<Have>,
) -> Result<Response, CentralError> {
    let store_id = store_of(&state, &headers).await?;
    let client = state.pool.get().await?;
    // Not a sync: a till that only downloads (its uploads failing) must not look up to date.
    // `last_sync_at` moves only when an upload is taken, even an empty one (nothing new to send).
    let mut latest = reference::latest_on(&**client).await?;
    if latest.version <= have.have {
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    // Only this store's people: no till holds another store's PIN hashes.
    latest.staff = staff::of_store(&**client, store_id).await?;
    Ok(axum::Json(latest).into_response())
}
