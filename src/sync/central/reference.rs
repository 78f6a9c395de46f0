//! Reference data head office sends every store: imported from CSV one section at a time, each
//! import a new version holding the whole reference. A CSV with a mistake is refused whole, with
//! the line it is on, and the version stays as it was.

use std::path::Path;

use deadpool_postgres::Pool;
use tokio_postgres::GenericClient;

use super::CentralError;
use crate::domain::TaxClass;
use crate::sync::protocol::{RefCategory, RefColour, RefMarkdown, RefSetting, RefTaxClass, Reference, check_setting};

/// The sections `nanum-central import` takes, as named on the command line.
pub const SECTIONS: [&str; 6] = ["tax-classes", "categories", "colours", "markdowns", "staff", "settings"];

/// The newest reference (version 0, every section unset, before the first import). Staff are
/// not in it: each store has its own (`staff::of_store`).
pub async fn latest(pool: &Pool) -> Result<Reference, CentralError> {
    let client = pool.get().await?;
    latest_on(&**client).await
}

pub async fn latest_on(client: &impl GenericClient) -> Result<Reference, CentralError> {
    let row = client
        .query_opt("SELECT version, body::text FROM reference_versions ORDER BY version DESC LIMIT 1", &[])
        .await?;
    let Some(row) = row else { return Ok(Reference::default()) };
    let body: String = row.get(1);
    let mut reference: Reference = serde_json::from_str(&body)
        .map_err(|e| CentralError::User(format!("the stored reference data cannot be read: {e}")))?;
    reference.version = row.get(0);
    reference.staff = None;
    Ok(reference)
}

/// The tax classes the chain uses: head office's if it set them, else the Korean defaults every
/// store starts with. Ordered by code, as reports list them.
pub async fn tax_classes(pool: &Pool) -> Result<Vec<TaxClass>, CentralError> {
    let mut classes = match latest(pool).await?.tax_classes {
        Some(classes) => classes
            .into_iter()
            .map(|t| TaxClass { code: t.code, name_ko: t.name_ko, name_en: t.name_en, rate_percent: t.rate_percent })
            .collect(),
        None => TaxClass::korean_defaults(),
    };
    classes.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(classes)
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<T>, CentralError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| CentralError::User(format!("cannot read {}: {e}", path.display())))?;
    reader
        .deserialize()
        .map(|row| {
            row.map_err(|e| {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                CentralError::User(format!("{} line {line}: {e}", path.display()))
            })
        })
        .collect()
}

fn check(ok: bool, what: impl FnOnce() -> String) -> Result<(), CentralError> {
    if ok { Ok(()) } else { Err(CentralError::User(what())) }
}

/// Reads `section` from the CSV at `path` into the newest reference and, unless `dry_run`, stores
/// it as a new version, which it returns (none for a dry run).
pub async fn import(pool: &Pool, section: &str, path: &Path, dry_run: bool) -> Result<Option<i64>, CentralError> {
    let mut reference = latest(pool).await?;
    let percent =
        |p: rust_decimal::Decimal| p >= rust_decimal::Decimal::ZERO && p <= rust_decimal::Decimal::ONE_HUNDRED;
    match section {
        "tax-classes" => {
            let rows: Vec<RefTaxClass> = read(path)?;
            for t in &rows {
                check(!t.code.is_empty() && percent(t.rate_percent), || {
                    format!("tax class '{}': a code and a rate from 0 to 100 are needed", t.code)
                })?;
            }
            reference.tax_classes = Some(rows);
        }
        "categories" => {
            let rows: Vec<RefCategory> = read(path)?;
            let classes: Vec<String> = tax_classes(pool).await?.into_iter().map(|t| t.code).collect();
            for c in &rows {
                check(c.code.chars().count() == 3, || format!("category '{}': a code has three characters", c.code))?;
                check(classes.contains(&c.tax_class), || {
                    format!("category {}: unknown tax class '{}'", c.code, c.tax_class)
                })?;
                check(c.like_new > 0 && c.good > 0 && c.fair > 0, || {
                    format!("category {}: guide prices must be above 0", c.code)
                })?;
                check(c.donation_value >= 0 && c.counting_unit >= 1, || {
                    format!("category {}: a donation value of 0 or more per 1 or more pieces", c.code)
                })?;
            }
            reference.categories = Some(rows);
        }
        "colours" => {
            let rows: Vec<RefColour> = read(path)?;
            for c in &rows {
                let rgb = c.rgb.strip_prefix('#').unwrap_or(&c.rgb);
                check(rgb.len() == 6 && rgb.chars().all(|ch| ch.is_ascii_hexdigit()), || {
                    format!("colour {}: '{}' is not a colour like #1E88E5", c.key, c.rgb)
                })?;
            }
            reference.colours = Some(rows);
        }
        "markdowns" => {
            let rows: Vec<RefMarkdown> = read(path)?;
            for m in &rows {
                check(m.from_week >= 0 && percent(m.percent_off), || {
                    format!("markdown from week {}: the week is 0 or more and the percent 0 to 100", m.from_week)
                })?;
            }
            reference.markdowns = Some(rows);
        }
        "staff" => {
            return Err(CentralError::User("staff are imported by staff::import, store by store".into()));
        }
        "settings" => {
            let rows: Vec<RefSetting> = read(path)?;
            for s in &rows {
                check_setting(&s.key, &s.value).map_err(CentralError::User)?;
            }
            reference.settings = Some(rows);
        }
        other => {
            return Err(CentralError::User(format!("there is no section '{other}' (one of: {})", SECTIONS.join(", "))));
        }
    }
    if dry_run {
        return Ok(None);
    }
    let body = serde_json::to_string(&reference).expect("reference serializes");
    let client = pool.get().await?;
    let row = client
        .query_one(
            "INSERT INTO reference_versions (section, body) VALUES ($1, $2::text::jsonb) RETURNING version",
            &[&section, &body],
        )
        .await?;
    Ok(Some(row.get(0)))
}
