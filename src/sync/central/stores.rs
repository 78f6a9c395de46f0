//! Stores head office knows and their tokens. A token is 32 random bytes shown once; only its
//! SHA-256 is kept (a token is not guessable like a password, so a slow hash adds nothing).
//! Rotating keeps the old token valid for a grace period, so a till that has not read its new
//! token file yet still syncs that night.

use chrono::{DateTime, Utc};
use deadpool_postgres::Pool;
use rand::RngExt;
use sha2::{Digest, Sha256};

use super::CentralError;

pub fn new_token() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    format!("nanum_{}", hex::encode(bytes))
}

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.trim().as_bytes()))
}

/// What head office registers about a store besides its code and name, for its receipts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Details {
    pub business_no: String,
    pub representative: String,
    pub address: String,
    pub phone: String,
}

impl Details {
    /// The same details with the business number checked (check digit) and written NNN-NN-NNNNN,
    /// and the phone checked; empty ones stay empty.
    fn checked(&self) -> Result<Details, CentralError> {
        let business_no = match self.business_no.trim() {
            "" => String::new(),
            typed => crate::domain::BusinessNo::parse(typed)
                .map_err(|e| CentralError::User(format!("business number '{typed}': {e}")))?
                .to_string(),
        };
        let phone = match self.phone.trim() {
            "" => String::new(),
            typed => crate::domain::Phone::parse(typed)
                .ok_or_else(|| CentralError::User(format!("'{typed}' is not a phone number")))?
                .formatted(),
        };
        Ok(Details {
            business_no,
            representative: self.representative.trim().to_string(),
            address: self.address.trim().to_string(),
            phone,
        })
    }
}

/// Adds a store and returns its token.
pub async fn add(pool: &Pool, code: u16, name: &str, details: &Details) -> Result<String, CentralError> {
    if !(1..=9999).contains(&code) {
        return Err(CentralError::User(format!("a store code is 1 to 9999, not {code}")));
    }
    if name.trim().is_empty() {
        return Err(CentralError::User("a store needs a name".into()));
    }
    let d = details.checked()?;
    let token = new_token();
    let client = pool.get().await?;
    let added = client
        .execute(
            "INSERT INTO stores (code, name, token_hash, business_no, representative, address, phone)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING",
            &[
                &i32::from(code),
                &name.trim(),
                &token_hash(&token),
                &d.business_no,
                &d.representative,
                &d.address,
                &d.phone,
            ],
        )
        .await?;
    if added == 0 {
        return Err(CentralError::User(format!(
            "store {code} already exists (to give it a new token: store rotate {code})"
        )));
    }
    Ok(token)
}

/// The details head office holds for store `code`.
pub async fn details(pool: &Pool, code: u16) -> Result<Details, CentralError> {
    let client = pool.get().await?;
    let row = client
        .query_opt(
            "SELECT business_no, representative, address, phone FROM stores WHERE code = $1",
            &[&i32::from(code)],
        )
        .await?
        .ok_or_else(|| CentralError::User(format!("there is no store {code}")))?;
    Ok(Details { business_no: row.get(0), representative: row.get(1), address: row.get(2), phone: row.get(3) })
}

/// Replaces the details of store `code`; a till that joins head office later takes them.
pub async fn set(pool: &Pool, code: u16, details: &Details) -> Result<(), CentralError> {
    let d = details.checked()?;
    let client = pool.get().await?;
    let changed = client
        .execute(
            "UPDATE stores SET business_no = $2, representative = $3, address = $4, phone = $5 WHERE code = $1",
            &[&i32::from(code), &d.business_no, &d.representative, &d.address, &d.phone],
        )
        .await?;
    if changed == 0 {
        return Err(CentralError::User(format!("there is no store {code}")));
    }
    Ok(())
}

/// Gives store `code` a new token; the one it had stays valid for `grace`.
pub async fn rotate(pool: &Pool, code: u16, grace: chrono::Duration) -> Result<String, CentralError> {
    let token = new_token();
    let client = pool.get().await?;
    let changed = client
        .execute(
            "UPDATE stores SET old_token_hash = token_hash, old_token_until = now() + make_interval(secs => $3),
                 token_hash = $2 WHERE code = $1",
            &[&i32::from(code), &token_hash(&token), &(grace.num_seconds() as f64)],
        )
        .await?;
    if changed == 0 {
        return Err(CentralError::User(format!("there is no store {code}")));
    }
    Ok(token)
}

/// The store a bearer token belongs to.
pub async fn authenticate(pool: &Pool, token: &str) -> Result<i32, CentralError> {
    let client = pool.get().await?;
    let hash = token_hash(token);
    let row = client
        .query_opt(
            "SELECT id FROM stores WHERE token_hash = $1 OR (old_token_hash = $1 AND old_token_until > now())",
            &[&hash],
        )
        .await?;
    row.map(|r| r.get(0)).ok_or(CentralError::Unauthorized)
}

#[derive(Debug, Clone)]
pub struct StoreRow {
    pub id: i32,
    pub code: u16,
    pub name: String,
    pub acked_seq: i64,
    pub last_sync_at: Option<DateTime<Utc>>,
}

pub async fn all(pool: &Pool) -> Result<Vec<StoreRow>, CentralError> {
    let client = pool.get().await?;
    let rows = client.query("SELECT id, code, name, acked_seq, last_sync_at FROM stores ORDER BY code", &[]).await?;
    Ok(rows
        .iter()
        .map(|r| StoreRow {
            id: r.get(0),
            code: r.get::<_, i32>(1) as u16,
            name: r.get(2),
            acked_seq: r.get(3),
            last_sync_at: r.get(4),
        })
        .collect())
}

pub async fn by_code(pool: &Pool, code: u16) -> Result<StoreRow, CentralError> {
    all(pool)
        .await?
        .into_iter()
        .find(|s| s.code == code)
        .ok_or_else(|| CentralError::User(format!("there is no store {code}")))
}

/// An upload head office refused, with its store.
#[derive(Debug, Clone)]
pub struct Refused {
    pub at: DateTime<Utc>,
    pub code: u16,
    pub name: String,
    pub reason: String,
}

/// The `limit` latest refused uploads, newest first.
pub async fn refused_lately(pool: &Pool, limit: i64) -> Result<Vec<Refused>, CentralError> {
    let client = pool.get().await?;
    let rows = client
        .query(
            "SELECT r.at, s.code, s.name, r.reason FROM refused_uploads r JOIN stores s ON s.id = r.store_id
             ORDER BY r.at DESC, r.id DESC LIMIT $1",
            &[&limit],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|r| Refused { at: r.get(0), code: r.get::<_, i32>(1) as u16, name: r.get(2), reason: r.get(3) })
        .collect())
}
