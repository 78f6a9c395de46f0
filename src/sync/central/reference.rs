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
    Ok(classes_of(&latest(pool).await?))
}

fn classes_of(reference: &Reference) -> Vec<TaxClass> {
    let mut classes = match reference.tax_classes.clone() {
        Some(classes) => classes
            .into_iter()
            .map(|t| TaxClass { code: t.code, name_ko: t.name_ko, name_en: t.name_en, rate_percent: t.rate_percent })
            .collect(),
        None => TaxClass::korean_defaults(),
    };
    classes.sort_by(|a, b| a.code.cmp(&b.code));
    classes
}

/// The rows of a CSV with one header row, each with the line of the file it starts on. A value
/// that does not fit is named by its line and column.
pub(super) fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<(u64, T)>, CentralError> {
    let shown = path.display();
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| CentralError::User(format!("cannot read {shown}: {e}")))?;
    let headers = reader.headers().map_err(|e| CentralError::User(format!("{shown}: {e}")))?.clone();
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => return Ok(rows),
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                return Err(CentralError::User(format!("{shown} line {line}: {}", csv_reason(&e))));
            }
        }
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let row = record.deserialize(Some(&headers)).map_err(|e| {
            let column = match e.kind() {
                csv::ErrorKind::Deserialize { err, .. } => {
                    err.field().and_then(|i| headers.get(i as usize)).map(|h| format!(", column {h}"))
                }
                _ => None,
            };
            CentralError::User(format!("{shown} line {line}{}: {}", column.unwrap_or_default(), csv_reason(&e)))
        })?;
        rows.push((line, row));
    }
}

/// What is wrong, without the csv crate's own position (the caller names the line).
fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Deserialize { err, .. } => err.kind().to_string(),
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("{len} fields where the header has {expected_len}")
        }
        _ => e.to_string(),
    }
}

fn check(ok: bool, what: impl FnOnce() -> String) -> Result<(), CentralError> {
    if ok { Ok(()) } else { Err(CentralError::User(what())) }
}

/// Refuses a second row with the same `key`, naming both lines.
fn unique<K: Eq + std::hash::Hash + std::fmt::Display>(
    path: &Path,
    what: &str,
    keys: impl IntoIterator<Item = (u64, K)>,
) -> Result<(), CentralError> {
    let mut seen = std::collections::HashMap::new();
    for (line, key) in keys {
        if let Some(first) = seen.get(&key) {
            return Err(CentralError::User(format!(
                "{} line {line}: {what} {key} is already on line {first}",
                path.display()
            )));
        }
        seen.insert(key, line);
    }
    Ok(())
}

/// Reads `section` from the CSV at `path` into the newest reference and, unless `dry_run`, stores
/// it as a new version, which it returns (none for a dry run). A file with no rows would take
/// the section away from every till: refused unless `allow_empty`.
pub async fn import(
    pool: &Pool,
    section: &str,
    path: &Path,
    dry_run: bool,
    allow_empty: bool,
) -> Result<Option<i64>, CentralError> {
    let reference = latest(pool).await?;
    // The tax classes sales use must stay, or head office's reports could not name them.
    let mut used = Vec::new();
    if section == "tax-classes" {
        let client = pool.get().await?;
        for r in client.query("SELECT DISTINCT tax_class FROM sale_vat ORDER BY 1", &[]).await? {
            used.push(r.get(0));
        }
    }
    let reference = with_section(reference, section, path, &used, allow_empty)?;
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

/// `reference` with `section` read from the CSV at `path` in place of its own, or the first
/// mistake in the file, with its line. `used_classes` are the tax classes sales already name.
pub fn with_section(
    mut reference: Reference,
    section: &str,
    path: &Path,
    used_classes: &[String],
    allow_empty: bool,
) -> Result<Reference, CentralError> {
    let shown = path.display();
    let at = |line: u64, what: String| format!("{shown} line {line}: {what}");
    let percent =
        |p: rust_decimal::Decimal| p >= rust_decimal::Decimal::ZERO && p <= rust_decimal::Decimal::ONE_HUNDRED;
    let empty = |rows: usize| {
        check(rows > 0 || allow_empty, || {
            format!(
                "{shown} has no rows: importing it would leave every till with no {section} (--allow-empty if that is meant)"
            )
        })
    };
    match section {
        "tax-classes" => {
            let rows: Vec<(u64, RefTaxClass)> = read(path)?;
            empty(rows.len())?;
            for (line, t) in &rows {
                check(!t.code.is_empty() && percent(t.rate_percent), || {
                    at(*line, format!("tax class '{}': a code and a rate from 0 to 100 are needed", t.code))
                })?;
            }
            unique(path, "tax class", rows.iter().map(|(l, t)| (*l, t.code.clone())))?;
            // A class still named by a category or by a sale head office holds must stay.
            let kept: Vec<&str> = rows.iter().map(|(_, t)| t.code.as_str()).collect();
            for c in reference.categories.iter().flatten() {
                check(kept.contains(&c.tax_class.as_str()), || {
                    format!(
                        "{shown}: category {} uses the tax class '{}', which the file leaves out",
                        c.code, c.tax_class
                    )
                })?;
            }
            for used in used_classes {
                check(kept.contains(&used.as_str()), || {
                    format!(
                        "{shown}: sales use the tax class '{used}', which the file leaves out (their reports need it)"
                    )
                })?;
            }
            reference.tax_classes = Some(rows.into_iter().map(|(_, t)| t).collect());
        }
        "categories" => {
            let rows: Vec<(u64, RefCategory)> = read(path)?;
            empty(rows.len())?;
            let classes: Vec<String> = classes_of(&reference).into_iter().map(|t| t.code).collect();
            for (line, c) in &rows {
                let line = *line;
                check(c.code.chars().count() == 3, || {
                    at(line, format!("category '{}': a code has three characters", c.code))
                })?;
                check(classes.contains(&c.tax_class), || {
                    at(line, format!("category {}: unknown tax class '{}'", c.code, c.tax_class))
                })?;
                check(c.like_new > 0 && c.good > 0 && c.fair > 0, || {
                    at(line, format!("category {}: guide prices must be above 0", c.code))
                })?;
                check(c.donation_value >= 0 && c.counting_unit >= 1, || {
                    at(line, format!("category {}: a donation value of 0 or more per 1 or more pieces", c.code))
                })?;
            }
            unique(path, "category", rows.iter().map(|(l, c)| (*l, c.code.clone())))?;
            unique(path, "key", rows.iter().filter_map(|(l, c)| c.key_position.map(|k| (*l, k))))?;
            reference.categories = Some(rows.into_iter().map(|(_, c)| c).collect());
        }
        "colours" => {
            let rows: Vec<(u64, RefColour)> = read(path)?;
            empty(rows.len())?;
            for (line, c) in &rows {
                let rgb = c.rgb.strip_prefix('#').unwrap_or(&c.rgb);
                check(rgb.len() == 6 && rgb.chars().all(|ch| ch.is_ascii_hexdigit()), || {
                    at(*line, format!("colour {}: '{}' is not a colour like #1E88E5", c.key, c.rgb))
                })?;
            }
            unique(path, "position", rows.iter().map(|(l, c)| (*l, c.position)))?;
            unique(path, "colour", rows.iter().map(|(l, c)| (*l, c.key.clone())))?;
            reference.colours = Some(rows.into_iter().map(|(_, c)| c).collect());
        }
        "markdowns" => {
            let rows: Vec<(u64, RefMarkdown)> = read(path)?;
            empty(rows.len())?;
            for (line, m) in &rows {
                check(m.from_week >= 0 && percent(m.percent_off), || {
                    at(
                        *line,
                        format!("markdown from week {}: the week is 0 or more and the percent 0 to 100", m.from_week),
                    )
                })?;
            }
            unique(path, "week", rows.iter().map(|(l, m)| (*l, m.from_week)))?;
            reference.markdowns = Some(rows.into_iter().map(|(_, m)| m).collect());
        }
        "staff" => {
            return Err(CentralError::User("staff are imported by staff::import, store by store".into()));
        }
        "settings" => {
            let rows: Vec<(u64, RefSetting)> = read(path)?;
            empty(rows.len())?;
            for (line, s) in &rows {
                check_setting(&s.key, &s.value).map_err(|why| CentralError::User(at(*line, why)))?;
            }
            unique(path, "setting", rows.iter().map(|(l, s)| (*l, s.key.clone())))?;
            reference.settings = Some(rows.into_iter().map(|(_, s)| s).collect());
        }
        other => {
            return Err(CentralError::User(format!("there is no section '{other}' (one of: {})", SECTIONS.join(", "))));
        }
    }
    Ok(reference)
}
