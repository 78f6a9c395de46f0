//! Who works at which store (design.md §5). Head office's staff CSV names each person's store(s);
//! a till's own additions and changes come up as journal events. Each person keeps one UUID at
//! every store. Between an import and the till, the later change to a person wins: an import is
//! later than anything a till did before it, so head office's word stands on the next sync, and a
//! till's change made after the import stands too. A till receives only its own people.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::Path;

use chrono::{DateTime, FixedOffset};

use deadpool_postgres::Pool;
use serde::Deserialize;
use tokio_postgres::GenericClient;

use super::CentralError;
use crate::domain::Role;
use crate::sync::protocol::RefStaff;

/// The people of one store, as a till receives them (none: head office has nobody for it yet).
pub async fn of_store(client: &impl GenericClient, store_id: i32) -> Result<Option<Vec<RefStaff>>, CentralError> {
    let rows = client
        .query(
            "SELECT uuid, name, role, pin_hash, active FROM staff WHERE store_id = $1 ORDER BY name, uuid",
            &[&store_id],
        )
        .await?;
    if rows.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        rows.iter()
            .map(|r| RefStaff { uuid: r.get(0), name: r.get(1), role: r.get(2), pin_hash: r.get(3), active: r.get(4) })
            .collect(),
    ))
}

#[derive(Deserialize)]
struct StaffCsv {
    #[serde(default)]
    uuid: String,
    /// The store code(s) the person works at, separated by spaces.
    store: String,
    name: String,
    role: String,
    /// Needed for someone new; left empty, a known person keeps the PIN they have.
    #[serde(default)]
    pin: String,
    #[serde(default = "yes")]
    active: bool,
}

fn yes() -> bool {
    true
}

/// One person at one store as head office holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Held {
    uuid: String,
    name: String,
    role: String,
    pin_hash: Option<String>,
    active: bool,
    from_store: bool,
}

/// What an import does, person by person, before anything is written.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct StaffImport {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub made_inactive: Vec<String>,
    /// Added at a till and left out of the file: kept as the till has them.
    pub kept_from_stores: Vec<String>,
    /// The reference version written (none for a dry run).
    pub version: Option<i64>,
}

impl fmt::Display for StaffImport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lists = [
            ("added", &self.added),
            ("changed", &self.changed),
            ("made inactive", &self.made_inactive),
            ("kept (added at the store)", &self.kept_from_stores),
        ];
        for (what, people) in lists {
            writeln!(f, "{what}: {}", people.len())?;
            for p in people {
                writeln!(f, "  {p}")?;
            }
        }
        Ok(())
    }
}

fn user(what: String) -> CentralError {
    CentralError::User(what)
}

/// Reads the staff CSV at `path` and, unless `dry_run`, writes it as a new reference version in
/// one transaction. Refused whole, with the file's line, for an unknown store or role, a short
/// PIN, a new person without one, a person named twice for one store, an empty file (which
/// would make everyone inactive) unless `allow_empty`, or a store left without an active manager.
pub async fn import(pool: &Pool, path: &Path, dry_run: bool, allow_empty: bool) -> Result<StaffImport, CentralError> {
    let rows: Vec<(u64, StaffCsv)> = super::reference::read(path)?;
    let mut client = pool.get().await?;
    let stores: BTreeMap<i32, i32> =
        client.query("SELECT code, id FROM stores", &[]).await?.iter().map(|r| (r.get(0), r.get(1))).collect();
    let mut held: BTreeMap<(i32, String), Held> = BTreeMap::new();
    for r in client.query("SELECT store_id, uuid, name, role, pin_hash, active, from_store FROM staff", &[]).await? {
        let person = Held {
            uuid: r.get(1),
            name: r.get(2),
            role: r.get(3),
            pin_hash: r.get(4),
            active: r.get(5),
            from_store: r.get(6),
        };
        held.insert((r.get(0), person.uuid.clone()), person);
    }
    let Planned { mut plan, mut next, new_pins } = plan(path, rows, &stores, &held, allow_empty)?;
    if dry_run {
        return Ok(plan);
    }
    // Hashed only now: a dry run of a thousand people should not spend a minute in argon2.
    for (key, pin) in new_pins {
        let hash = crate::store::hash_pin(&pin).map_err(|e| user(e.to_string()))?;
        next.get_mut(&key).expect("a new PIN is someone's").pin_hash = Some(hash);
    }

    let tx = client.transaction().await?;
    let body = serde_json::to_string(&super::reference::latest_on(&*tx).await?).expect("reference serializes");
    let version: i64 = tx
        .query_one(
            "INSERT INTO reference_versions (section, body) VALUES ('staff', $1::text::jsonb) RETURNING version",
            &[&body],
        )
        .await?
        .get(0);
    let upsert = tx
        .prepare(
            "INSERT INTO staff (store_id, uuid, name, role, pin_hash, active, from_store, changed_at)
             VALUES ($1, $2, $3, $4, $5, $6, false, now())
             ON CONFLICT (store_id, uuid) DO UPDATE SET name = excluded.name, role = excluded.role,
                 pin_hash = excluded.pin_hash, active = excluded.active, from_store = false, changed_at = now()",
        )
        .await?;
    for (key, person) in &next {
        if held.get(key) != Some(person) {
            tx.execute(&upsert, &[&key.0, &person.uuid, &person.name, &person.role, &person.pin_hash, &person.active])
                .await?;
        }
    }
    tx.commit().await?;
    plan.version = Some(version);
    Ok(plan)
}

/// What importing a staff file would do at a head office with no one yet, for stores with
/// `store_codes`: the summary, or the file's first mistake with its line (no PIN is hashed).
pub fn check_file(path: &Path, store_codes: &[i32], allow_empty: bool) -> Result<StaffImport, CentralError> {
    let rows: Vec<(u64, StaffCsv)> = super::reference::read(path)?;
    let stores = store_codes.iter().map(|c| (*c, *c)).collect();
    Ok(plan(path, rows, &stores, &BTreeMap::new(), allow_empty)?.plan)
}

/// The people after an import, and the new PINs still to hash.
struct Planned {
    plan: StaffImport,
    next: BTreeMap<(i32, String), Held>,
    new_pins: Vec<((i32, String), String)>,
}

/// Works out an import from the file's `rows` against who head office `held` (by store id and
/// uuid) at `stores` (store code → id), without writing or hashing anything.
fn plan(
    path: &Path,
    rows: Vec<(u64, StaffCsv)>,
    stores: &BTreeMap<i32, i32>,
    held: &BTreeMap<(i32, String), Held>,
    allow_empty: bool,
) -> Result<Planned, CentralError> {
    let shown = path.display();
    let code_of: BTreeMap<i32, i32> = stores.iter().map(|(code, id)| (*id, *code)).collect();
    let mut plan = StaffImport::default();
    let mut next: BTreeMap<(i32, String), Held> = held.clone();
    let mut new_pins = Vec::new();
    let mut named: HashSet<(i32, String)> = HashSet::new();
    for (line, row) in rows {
        let at = |what: String| user(format!("{shown} line {line}: {what}"));
        if row.name.is_empty() {
            return Err(at("a person needs a name".into()));
        }
        if Role::parse(&row.role).is_none() {
            return Err(at(format!("{}: the role '{}' is not manager, cashier or volunteer", row.name, row.role)));
        }
        if !row.pin.is_empty() && (row.pin.len() < 4 || !row.pin.chars().all(|c| c.is_ascii_digit())) {
            return Err(at(format!("{}: a PIN is 4 or more digits", row.name)));
        }
        let mut codes = Vec::new();
        for code in row.store.split_whitespace() {
            let id = code.parse::<i32>().ok().and_then(|c| stores.get(&c)).copied();
            codes.push(id.ok_or_else(|| at(format!("{}: there is no store '{code}'", row.name)))?);
        }
        if codes.is_empty() {
            return Err(at(format!("{}: the store column names the store(s) they work at", row.name)));
        }
        // One UUID for the person at every store of the row: the given one, the one a store
        // already knows them by (matched by name), or a new one.
        let mut uuid = (!row.uuid.is_empty()).then(|| row.uuid.clone());
        if uuid.is_none() {
            for store_id in &codes {
                let same: Vec<&Held> =
                    held.iter().filter(|((s, _), p)| s == store_id && p.name == row.name).map(|(_, p)| p).collect();
                match same.as_slice() {
                    [] => {}
                    [one] => uuid = Some(one.uuid.clone()),
                    _ => {
                        return Err(at(format!(
                            "{} is the name of more than one person at store {}: give their uuid",
                            row.name, code_of[store_id]
                        )));
                    }
                }
            }
        }
        let uuid = uuid.unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
        for store_id in codes {
            let key = (store_id, uuid.clone());
            if !named.insert(key.clone()) {
                return Err(at(format!("{} is named twice for store {}", row.name, code_of[&store_id])));
            }
            let who = format!("{} {} ({})", code_of[&store_id], row.name, row.role);
            let before = held.get(&key);
            let (pin_hash, new_pin) = match (row.pin.as_str(), before) {
                ("", Some(b)) => (b.pin_hash.clone(), false),
                ("", None) => {
                    return Err(at(format!("{} is new at store {}: a PIN is needed", row.name, code_of[&store_id])));
                }
                (pin, Some(b)) if b.pin_hash.as_deref().is_some_and(|h| crate::store::pin_matches(pin, h)) => {
                    (b.pin_hash.clone(), false)
                }
                (pin, _) => {
                    new_pins.push((key.clone(), pin.to_string()));
                    (None, true)
                }
            };
            let after = Held {
                uuid: uuid.clone(),
                name: row.name.clone(),
                role: row.role.clone(),
                pin_hash,
                active: row.active,
                from_store: false,
            };
            match before {
                None => plan.added.push(who),
                Some(b) if *b != after || new_pin => {
                    plan.changed.push(format!("{who}: {}", differences(b, &after, new_pin)))
                }
                Some(_) => {}
            }
            next.insert(key, after);
        }
    }
    if named.is_empty() && !allow_empty {
        return Err(user(format!(
            "{shown} names nobody: it would make everyone head office imported inactive (--allow-empty if that is meant)"
        )));
    }
    for (key, person) in next.iter_mut() {
        if named.contains(key) {
            continue;
        }
        let who = format!("{} {} ({})", code_of[&key.0], person.name, person.role);
        if person.from_store {
            plan.kept_from_stores.push(who);
        } else if person.active {
            person.active = false;
            plan.made_inactive.push(who);
        }
    }
    for (code, id) in stores {
        let manages = |list: &BTreeMap<(i32, String), Held>| {
            list.iter().any(|((s, _), p)| s == id && p.active && p.role == Role::Manager.as_str())
        };
        if manages(held) && !manages(&next) {
            return Err(user(format!("store {code} would have no active manager left: name at least one for it")));
        }
    }
    Ok(Planned { plan, next, new_pins })
}

fn differences(before: &Held, after: &Held, new_pin: bool) -> String {
    let mut said = Vec::new();
    if before.name != after.name {
        said.push(format!("name {} → {}", before.name, after.name));
    }
    if before.role != after.role {
        said.push(format!("role {} → {}", before.role, after.role));
    }
    if before.active != after.active {
        said.push(if after.active { "active again".to_string() } else { "made inactive".to_string() });
    }
    if new_pin || before.pin_hash != after.pin_hash {
        said.push("new PIN".into());
    }
    if before.from_store {
        said.push("now on head office's list".into());
    }
    said.join(", ")
}

/// A change a till made to one of its people, as its journal says.
#[derive(Debug, Clone)]
pub(super) enum TillChange {
    Added {
        name: String,
        role: String,
    },
    Active(bool),
    Role(String),
    /// The person chose a new PIN at the till: head office's old hash must not come back.
    PinReset,
}

/// Applies a till's changes to its people, in journal order, where each is later than what head
/// office holds for the person.
pub(super) async fn take_from_till(
    tx: &tokio_postgres::Transaction<'_>,
    store_id: i32,
    changes: &[(String, DateTime<FixedOffset>, TillChange)],
) -> Result<(), CentralError> {
    for (uuid, at, change) in changes {
        match change {
            TillChange::Added { name, role } => {
                tx.execute(
                    "INSERT INTO staff (store_id, uuid, name, role, pin_hash, active, from_store, changed_at)
                     VALUES ($1, $2, $3, $4, NULL, true, true, $5) ON CONFLICT (store_id, uuid) DO NOTHING",
                    &[&store_id, uuid, name, role, at],
                )
                .await?;
            }
            TillChange::Active(active) => {
                tx.execute(
                    "UPDATE staff SET active = $3, changed_at = $4 WHERE store_id = $1 AND uuid = $2 AND changed_at < $4",
                    &[&store_id, uuid, active, at],
                )
                .await?;
            }
            TillChange::Role(role) => {
                tx.execute(
                    "UPDATE staff SET role = $3, changed_at = $4 WHERE store_id = $1 AND uuid = $2 AND changed_at < $4",
                    &[&store_id, uuid, role, at],
                )
                .await?;
            }
            TillChange::PinReset => {
                tx.execute(
                    "UPDATE staff SET pin_hash = NULL, changed_at = $3 WHERE store_id = $1 AND uuid = $2 AND changed_at < $3",
                    &[&store_id, uuid, at],
                )
                .await?;
            }
        }
    }
    Ok(())
}
