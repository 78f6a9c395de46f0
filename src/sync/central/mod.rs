//! `nanum-central`: head office's service. Stores upload their journals here; head office
//! imports reference data and reads every store's day on a web page (design.md §5).
//!
//! - [`ingest`]: a batch of a store's journal, checked, stored once and projected.
//! - [`stores`]: stores and their tokens.
//! - [`reference`]: reference data imported from CSV, by version; [`staff`]: who works where.
//! - [`figures`]: what head office reads back (the daily report, the per-store day).
//! - [`server`]: the HTTP API and its routes; [`web`]: the head-office pages.

pub mod figures;
mod font;
pub mod ingest;
pub mod reference;
pub mod server;
pub mod staff;
pub mod stores;
pub mod web;

use std::str::FromStr;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::NoTls;

use super::protocol::ApiError;

/// What every handler of the API and of the pages is given: the database's connections.
#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
}

#[derive(Debug, thiserror::Error)]
pub enum CentralError {
    #[error("database: {0}")]
    Db(#[from] tokio_postgres::Error),
    #[error("database pool: {0}")]
    Pool(#[from] deadpool_postgres::PoolError),
    #[error("the token is missing, wrong or no longer valid")]
    Unauthorized,
    #[error("{0}")]
    Malformed(String),
    #[error("{0}")]
    Altered(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Gap(String),
    #[error("{0}")]
    TooLarge(String),
    /// A body in a form the API does not take (a batch is JSON).
    #[error("{0}")]
    WrongType(String),
    /// No such address on the API.
    #[error("{0}")]
    NotFound(String),
    /// The address does not take that method.
    #[error("{0}")]
    NotAllowed(String),
    /// A mistake in what an administrator asked for (an unknown store code, a bad CSV).
    #[error("{0}")]
    User(String),
}

impl CentralError {
    fn status_and_word(&self) -> (StatusCode, &'static str) {
        match self {
            CentralError::Db(_) | CentralError::Pool(_) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
            CentralError::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            CentralError::Malformed(_) | CentralError::User(_) => (StatusCode::BAD_REQUEST, "malformed"),
            CentralError::Altered(_) => (StatusCode::BAD_REQUEST, "altered"),
            CentralError::Conflict(_) => (StatusCode::CONFLICT, "conflict"),
            CentralError::Gap(_) => (StatusCode::CONFLICT, "gap"),
            CentralError::TooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
            CentralError::WrongType(_) => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "wrong_type"),
            CentralError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            CentralError::NotAllowed(_) => (StatusCode::METHOD_NOT_ALLOWED, "not_allowed"),
        }
    }
}

impl IntoResponse for CentralError {
    fn into_response(self) -> Response {
        let (status, word) = self.status_and_word();
        if matches!(self, CentralError::Db(_) | CentralError::Pool(_)) {
            tracing::error!(error = ?self, "database trouble");
        }
        let message = match &self {
            // The database's own words stay in the log.
            CentralError::Db(_) | CentralError::Pool(_) => {
                "head office's database is not available; try again later".into()
            }
            other => other.to_string(),
        };
        (status, axum::Json(ApiError { error: word.into(), message })).into_response()
    }
}

/// A pool of connections to `url` (a PostgreSQL URL or key=value string).
pub fn pool(url: &str, size: usize) -> Result<Pool, CentralError> {
    let config = tokio_postgres::Config::from_str(url)
        .map_err(|e| CentralError::User(format!("the database URL is not valid: {e}")))?;
    let manager = Manager::from_config(config, NoTls, ManagerConfig { recycling_method: RecyclingMethod::Fast });
    Pool::builder(manager)
        .max_size(size)
        .runtime(deadpool_postgres::Runtime::Tokio1)
        .create_timeout(Some(std::time::Duration::from_secs(10)))
        .build()
        .map_err(|e| CentralError::User(format!("cannot set up the database pool: {e}")))
}

const MIGRATIONS: &[&str] = &[
    include_str!("../../../migrations/central/0001_init.sql"),
    include_str!("../../../migrations/central/0002_staff.sql"),
    include_str!("../../../migrations/central/0003_store_details.sql"),
    include_str!("../../../migrations/central/0004_no_store_checks_on_ingest.sql"),
];

/// Applies the migrations in `migrations/central/` not applied yet, each in its own
/// transaction, one server at a time (an advisory lock).
pub async fn migrate(pool: &Pool) -> Result<(), CentralError> {
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock(4242001)", &[]).await?;
    // "already exists, skipping" is not news.
    tx.batch_execute("SET LOCAL client_min_messages = warning").await?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS central_schema (version integer NOT NULL)").await?;
    let done: i64 = tx.query_one("SELECT count(*) FROM central_schema", &[]).await?.get(0);
    if done as usize > MIGRATIONS.len() {
        return Err(CentralError::User(format!(
            "the database has schema {done}, newer than this nanum-central knows ({}); install the newer version",
            MIGRATIONS.len()
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(done as usize) {
        tracing::info!(version = i + 1, "applying central migration");
        tx.batch_execute(sql).await?;
        tx.execute("INSERT INTO central_schema (version) VALUES ($1)", &[&(i as i32 + 1)]).await?;
    }
    tx.commit().await?;
    Ok(())
}
