//! Commands that make, join, sync, back up and restore the store file, and the diagnostics
//! support asks for.

use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};

use super::{Cx, Failure, open, today};
use crate::config::{Config, Paths};
use crate::store::{NewStore, Store};
use crate::{demo, explain, t};

/// `nanum init --store …`: a real store from Nanum's defaults, with its first manager.
pub(super) fn init(cx: &Cx<'_>, mut new: NewStore) -> Result<(), Failure> {
    let path = cx.db.ok_or_else(|| Failure::Usage(t!("cli-init-needs-db")))?;
    // Every mistake in the arguments is told before the PIN is asked for.
    new.check_details().map_err(|e| Failure::User(explain::setup_error(&e)))?;
    if path.exists() {
        return Err(Failure::User(explain::store_error(&crate::store::StoreError::Exists {
            path: path.to_path_buf(),
        })));
    }
    new.pin = read_new_pin()?;
    let (store, manager) =
        crate::store::Store::init(path, &new).map_err(|e| Failure::User(explain::setup_error(&e)))?;
    println!(
        "{}",
        t!(
            "cli-init-done",
            path = path.display().to_string(),
            name = store.info().name.clone(),
            manager = manager.name
        )
    );
    Ok(())
}

pub(super) fn diagnostics(cx: &Cx<'_>, out: PathBuf) -> Result<(), Failure> {
    let Cx { db, paths, config } = *cx;
    let path = db.map(Path::to_path_buf).unwrap_or_else(|| paths.default_db());
    let text = crate::diagnostics::gather(&path, config, paths, Local::now().fixed_offset());
    crate::diagnostics::save(&text, &out).map_err(|e| {
        Failure::User(t!("cli-cannot-write", path = out.display().to_string(), reason = explain::io_error(&e)))
    })?;
    println!("{}", t!("cli-diagnostics-done", path = out.display().to_string()));
    Ok(())
}

pub(super) fn sync(cx: &Cx<'_>, central: Option<String>, token_file: Option<PathBuf>) -> Result<(), Failure> {
    let Cx { db, paths, config } = *cx;
    let central = central.unwrap_or_else(|| config.sync.central.clone());
    if central.trim().is_empty() {
        return Err(Failure::Usage(t!("sync-no-central")));
    }
    let token_file = token_file.unwrap_or_else(|| config.sync.token_file(paths));
    let token = std::fs::read_to_string(&token_file).map_err(|e| {
        Failure::User(t!("sync-no-token", path = token_file.display().to_string(), reason = explain::io_error(&e)))
    })?;
    let mut store = open(db, paths)?;
    let client = crate::sync::client::Client::new(config.sync.settings(&central, &token));
    let summary = client
        .sync(&mut store, || Local::now().fixed_offset(), |p| tracing::debug!("{p:?}"))
        .map_err(|e| Failure::User(explain::sync_error(&e)))?;
    println!("{}", explain::sync_summary(&summary));
    Ok(())
}

pub(super) fn demo(cx: &Cx<'_>, days: u32, store: Option<u16>, name: Option<String>) -> Result<(), Failure> {
    let Cx { db, .. } = *cx;
    let path = db.ok_or_else(|| Failure::Usage(t!("cli-demo-needs-db")))?;
    let made = match (store, name) {
        (Some(code), Some(name)) => demo::create_store(path, days, today(), code, &name),
        _ => demo::create(path, days, today()),
    };
    let (_, summary) = made.map_err(|e| Failure::User(explain::store_error(&e)))?;
    println!(
        "{}",
        t!(
            "cli-demo-made",
            path = path.display().to_string(),
            days = summary.days,
            sales = summary.sales,
            gross = summary.gross.to_string(),
            items = summary.items_tagged
        )
    );
    Ok(())
}

pub(super) fn backup(cx: &Cx<'_>, out: PathBuf) -> Result<(), Failure> {
    let Cx { db, paths, .. } = *cx;
    let store = open(db, paths)?;
    store.backup(&out)?;
    println!("{}", t!("cli-backup-done", path = out.display().to_string()));
    Ok(())
}

/// `nanum restore`: checks the backup, asks for a manager when records not yet at head office
/// would leave the till, keeps the replaced file.
pub(super) fn restore(db: Option<&Path>, paths: &Paths, file: &Path, manager: Option<&str>) -> Result<(), Failure> {
    use crate::store::backup;
    let path = db.map(Path::to_path_buf).unwrap_or_else(|| paths.default_db());
    // Said plainly before anything is opened: a mistyped path or a folder is not a damaged backup.
    let shown = file.display().to_string();
    if file.is_dir() {
        return Err(Failure::User(t!("cli-restore-folder", path = shown)));
    }
    if !file.exists() {
        return Err(Failure::User(t!("cli-restore-no-file", path = shown)));
    }
    if !path.exists() {
        let now = Local::now().fixed_offset();
        backup::restore_missing(&path, file, now).map_err(|e| {
            Failure::User(t!(
                "cli-restore-bad-backup",
                path = file.display().to_string(),
                reason = explain::store_error(&e)
            ))
        })?;
        println!("{}", t!("cli-restore-done-new", path = file.display().to_string()));
        return Ok(());
    }
    let mut store = open(db, paths)?;
    let plan = backup::plan(&store, file).map_err(|e| {
        Failure::User(t!(
            "cli-restore-bad-backup",
            path = file.display().to_string(),
            reason = explain::store_error(&e)
        ))
    })?;
    let now = Local::now().fixed_offset();
    let mut approved_by = None;
    if plan.needs_manager() {
        eprintln!("nanum: {}", t!("cli-restore-warning", unsynced = plan.unsynced, missing = plan.missing_from_backup));
        let Some(name) = manager else {
            backup::abandon(store.path());
            return Err(Failure::User(t!("cli-restore-needs-manager")));
        };
        let mut pin = String::new();
        std::io::stdin().read_line(&mut pin)?;
        match backup::approve(&mut store, &plan, file, name, pin.trim(), now) {
            Ok(member) => approved_by = Some(member),
            Err(e) => {
                backup::abandon(store.path());
                return Err(Failure::User(explain::sign_in_error(&e, now)));
            }
        }
    }
    let kept = backup::restore(store, file, &plan, approved_by.as_ref(), now)?;
    println!("{}", t!("cli-restore-done", path = file.display().to_string(), kept = kept.display().to_string()));
    Ok(())
}

/// `nanum init --central`: the store as head office knows it, then head office remembered for
/// the nightly sync.
pub(super) fn join_head_office(
    path: &Path,
    paths: &Paths,
    mut config: Config,
    central: &str,
    token_file: &Path,
    manager: Option<&str>,
) -> Result<(), Failure> {
    use crate::sync::join::{JoinError, join};
    if path.exists() {
        return Err(Failure::User(explain::store_error(&crate::store::StoreError::Exists {
            path: path.to_path_buf(),
        })));
    }
    let token = std::fs::read_to_string(token_file).map_err(|e| {
        Failure::User(t!("sync-no-token", path = token_file.display().to_string(), reason = explain::io_error(&e)))
    })?;
    let client = crate::sync::client::Client::new(config.sync.settings(central, &token));
    let now = Local::now().fixed_offset();
    let pin = match manager {
        Some(_) => Some(read_new_pin()?),
        None => None,
    };
    let first = manager.zip(pin.as_ref());
    let joined = join(&client, path, first, now).map_err(|e| match e {
        JoinError::NeedsManager { .. } => {
            Failure::User(format!("{} {}", explain::join_error(&e), t!("cli-join-add-manager")))
        }
        e => Failure::User(explain::join_error(&e)),
    })?;
    config.remember_head_office(paths, central, &token).map_err(|e| Failure::User(explain::config_error(&e)))?;
    let staff = joined.store.staff()?.len();
    println!(
        "{}",
        t!(
            "cli-joined",
            name = joined.identity.name.clone(),
            code = format!("{:03}", joined.identity.code),
            staff = staff
        )
    );
    Ok(())
}

/// Today's backup into the backup folder, then the old ones beyond what the settings keep.
pub(super) fn nightly_backup(store: &Store, config: &Config, paths: &Paths) -> Result<(), Failure> {
    use crate::store::backup::{nightly_day, nightly_name, to_prune};
    let folder = config.backup.folder(paths);
    let cannot = |e: std::io::Error| {
        Failure::User(t!("cli-cannot-write", path = folder.display().to_string(), reason = explain::io_error(&e)))
    };
    std::fs::create_dir_all(&folder).map_err(cannot)?;
    let out = folder.join(nightly_name(today()));
    if out.exists() {
        println!("{}", t!("cli-backup-already", path = out.display().to_string()));
    } else {
        store.backup(&out)?;
        println!("{}", t!("cli-backup-done", path = out.display().to_string()));
    }
    let days: Vec<NaiveDate> = std::fs::read_dir(&folder)
        .map_err(cannot)?
        .filter_map(|e| e.ok().and_then(|e| nightly_day(&e.file_name().to_string_lossy())))
        .collect();
    let old = to_prune(&days, config.backup.keep_daily as usize, config.backup.keep_monthly as usize);
    for day in &old {
        let path = folder.join(nightly_name(*day));
        if let Err(e) = std::fs::remove_file(&path) {
            tracing::warn!("cannot remove the old backup {}: {e}", path.display());
        }
    }
    if !old.is_empty() {
        println!("{}", t!("cli-backup-pruned", count = old.len()));
    }
    Ok(())
}

/// The first manager's PIN: typed twice without echo on a terminal, else the first line of stdin.
fn read_new_pin() -> Result<crate::domain::Pin, Failure> {
    use std::io::IsTerminal;
    let parse = |typed: &str| {
        crate::domain::Pin::typed(typed.trim())
            .filter(|p| p.len() >= crate::domain::Pin::MIN_LEN)
            .ok_or_else(|| Failure::User(explain::setup_error(&crate::store::SetupError::Pin)))
    };
    if std::io::stdin().is_terminal() {
        let first = parse(&rpassword::prompt_password(format!("{} ", t!("cli-init-pin")))?)?;
        let again = rpassword::prompt_password(format!("{} ", t!("cli-init-pin-again")))?;
        if again.trim() != first.expose() {
            return Err(Failure::User(t!("cli-init-pins-differ")));
        }
        return Ok(first);
    }
    let mut line = String::new();
    if std::io::stdin().read_line(&mut line)? == 0 {
        return Err(Failure::User(t!("cli-init-no-pin")));
    }
    parse(&line)
}
