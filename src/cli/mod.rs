//! The `nanum` command line (design.md §7). Without a command it opens the till; the
//! commands are for managers, scripts and support staff. Exit codes: 0 success, 1 a user error
//! (one line on stderr), 2 a usage error.
//!
//! - [`args`]: what clap reads.
//! - `setup`: the store file made, joined, synced, backed up, restored; diagnostics.
//! - `papers`: reports, exports, prices, the policy, the check.
//! - `devices`: receipts, the printer's test page, the scanner.

mod args;
mod devices;
mod papers;
mod setup;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Local, NaiveDate};
use clap::Parser;

pub use args::{Cli, Command, ExportKind, Format, ReportKind};

use crate::config::{Config, Paths};
use crate::store::{NewStore, Store};
use crate::{explain, i18n, t};

/// What every command may need: the `--db` given, where things live, the settings.
#[derive(Clone, Copy)]
pub(crate) struct Cx<'a> {
    db: Option<&'a Path>,
    paths: &'a Paths,
    config: &'a Config,
}

/// Why a command failed: `User` exits 1, `Usage` exits 2.
#[derive(Debug)]
pub enum Failure {
    User(String),
    Usage(String),
    /// Whoever read the output stopped reading (`| head`): nothing to say.
    PipeClosed,
}

// Every error a command can meet becomes a sentence in the person's language.
impl From<crate::store::StoreError> for Failure {
    fn from(e: crate::store::StoreError) -> Failure {
        Failure::User(explain::store_error(&e))
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Failure::PipeClosed;
        }
        Failure::User(t!("cli-output-failed", reason = explain::io_error(&e)))
    }
}

impl From<csv::Error> for Failure {
    fn from(e: csv::Error) -> Failure {
        match e.into_kind() {
            csv::ErrorKind::Io(e) => e.into(),
            other => Failure::User(t!("cli-output-failed", reason = format!("{other:?}"))),
        }
    }
}

impl From<crate::hardware::transport::SpecError> for Failure {
    fn from(e: crate::hardware::transport::SpecError) -> Failure {
        Failure::Usage(explain::spec_error(&e))
    }
}

impl From<crate::hardware::escpos::RenderError> for Failure {
    fn from(e: crate::hardware::escpos::RenderError) -> Failure {
        tracing::error!("{e}");
        Failure::User(t!("cli-render-failed"))
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let paths = Paths::discover();
    init_logging(&paths);
    let (config, config_problem) = match Config::load(&paths.config_file) {
        Ok(config) => (config, None),
        Err(e) => (Config::default(), Some(explain::config_error(&e))),
    };
    i18n::set_language(config.ui.language);
    if let (Some(problem), Some(command)) = (&config_problem, &cli.command) {
        eprintln!("nanum: {problem}");
        // Only a command that works from the settings stops; the rest go on with the defaults,
        // as the sentence says.
        if needs_settings(command) {
            return ExitCode::from(1);
        }
    }
    match run(cli, &paths, config, config_problem) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::User(message)) => {
            eprintln!("nanum: {message}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("nanum: {message}");
            ExitCode::from(2)
        }
        Err(Failure::PipeClosed) => ExitCode::SUCCESS,
    }
}

/// Logs go to a file a day in the data directory's `logs/` (the last 14 kept), so a command's
/// stderr holds only its one line for the person. Under systemd (which sets `JOURNAL_STREAM`)
/// they go to stderr, plain, and so to the journal.
fn init_logging(paths: &Paths) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn,nanum=info".into());
    if std::env::var_os("JOURNAL_STREAM").is_some() {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(false)
            .without_time()
            .with_writer(std::io::stderr)
            .try_init();
        return;
    }
    // Made first: the appender reads the folder (to prune old days) before it would make it.
    let file = std::fs::create_dir_all(paths.log_dir()).map_err(|e| e.to_string()).and_then(|()| {
        tracing_appender::rolling::RollingFileAppender::builder()
            .rotation(tracing_appender::rolling::Rotation::DAILY)
            .filename_prefix("nanum")
            .filename_suffix("log")
            .max_log_files(LOG_DAYS)
            .build(paths.log_dir())
            .map_err(|e| e.to_string())
    });
    match file {
        Ok(file) => {
            let _ = tracing_subscriber::fmt().with_env_filter(filter).with_ansi(false).with_writer(file).try_init();
        }
        // No log folder (a read-only home): the till still runs; nothing is logged.
        Err(e) => eprintln!("nanum: {}", t!("cli-no-log", path = paths.log_dir().display().to_string(), reason = e)),
    }
}

/// How many days of logs are kept.
const LOG_DAYS: usize = 14;

fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn open(db: Option<&Path>, paths: &Paths) -> Result<Store, Failure> {
    let path = db.map(Path::to_path_buf).unwrap_or_else(|| paths.default_db());
    Store::open(&path).map_err(|e| match e {
        crate::store::StoreError::Missing { .. } => Failure::User(t!("cli-no-db", path = path.display().to_string())),
        e => Failure::User(explain::store_error(&e)),
    })
}

pub fn run(cli: Cli, paths: &Paths, config: Config, config_problem: Option<String>) -> Result<(), Failure> {
    let db = cli.db.as_deref();
    let Some(command) = cli.command else {
        return crate::ui::run(db, paths, config, config_problem).map_err(Failure::User);
    };
    let cx = Cx { db, paths, config: &config };
    match command {
        Command::Man => {
            use clap::CommandFactory;
            clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout().lock())?;
            Ok(())
        }
        Command::Init { central: Some(central), token_file: Some(token_file), manager, .. } => {
            let path = db.ok_or_else(|| Failure::Usage(t!("cli-init-needs-db")))?;
            setup::join_head_office(path, paths, config.clone(), &central, &token_file, manager.as_deref())
        }
        Command::Init { code, name, business_no, manager, representative, address, phone, footer, .. } => {
            let new = NewStore {
                code: code.unwrap_or_default(),
                name: name.unwrap_or_default(),
                business_no: business_no.unwrap_or_default(),
                representative,
                address,
                phone,
                receipt_footer: footer,
                manager: manager.unwrap_or_default(),
                pin: crate::domain::Pin::default(),
            };
            setup::init(&cx, new)
        }
        Command::Backup { out: None, .. } => setup::nightly_backup(&open(db, paths)?, &config, paths),
        Command::Restore { file, manager } => setup::restore(db, paths, &file, manager.as_deref()),
        Command::Diagnostics { out } => setup::diagnostics(&cx, out),
        Command::Sync { central, token_file } => setup::sync(&cx, central, token_file),
        Command::Demo { days, store, name } => setup::demo(&cx, days, store, name),
        Command::Backup { out: Some(out), .. } => setup::backup(&cx, out),
        Command::Price { code, date } => papers::price(&cx, code, date),
        Command::Report { kind, date, to, format } => papers::report(&cx, kind, date, to, format),
        Command::Policy { discount_limit, hold_hours } => papers::policy(&cx, discount_limit, hold_hours),
        Command::Export { what: ExportKind::Volunteers, month, out, .. } => papers::export_volunteers(&cx, month, out),
        Command::Export { what: ExportKind::Donations, year, out, .. } => papers::export_donations(&cx, year, out),
        Command::Receipt { sale_no, date, out, printer, reprint } => {
            devices::receipt(&cx, sale_no, date, out, printer, reprint)
        }
        Command::PrintTest { printer } => devices::print_test(&cx, printer),
        Command::Scan { port, baud, suffix, stx_etx, count } => devices::scan(port, baud, suffix, stx_etx, count),
        Command::Check => papers::check(&cx),
        Command::Journal { after, kind } => papers::journal(&cx, after, kind.as_deref()),
        Command::DrillSales => devices::drill_sales(&cx),
    }
}

/// Whether `command` works from the settings file (head office, the printer, the backup folder),
/// so a file that cannot be read must stop it rather than be replaced by the defaults.
fn needs_settings(command: &Command) -> bool {
    match command {
        Command::Sync { .. } | Command::Init { .. } | Command::Diagnostics { .. } => true,
        Command::Backup { out, .. } => out.is_none(),
        Command::PrintTest { printer } => printer.is_none(),
        Command::Receipt { printer, out, .. } => printer.is_none() && out.is_none(),
        _ => false,
    }
}

/// Writes `out` whole or not at all: into `<out>.partial` beside it, flushed to disk, then renamed
/// over `out`. A full disk or any other failure leaves no partial or empty file behind.
fn write_whole(
    out: &std::path::Path,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> Result<(), csv::Error>,
) -> Result<(), Failure> {
    let mut partial = out.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let cannot = |e: &std::io::Error| {
        Failure::User(t!("cli-cannot-write", path = out.display().to_string(), reason = explain::io_error(e)))
    };
    let written = (|| {
        let mut file = std::io::BufWriter::new(create(&partial)?);
        write(&mut file)?;
        let file = file.into_inner().map_err(|e| cannot(e.error()))?;
        file.sync_all().map_err(|e| cannot(&e))?;
        std::fs::rename(&partial, out).map_err(|e| cannot(&e))
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}

fn create(path: &std::path::Path) -> Result<std::fs::File, Failure> {
    std::fs::File::create(path).map_err(|e| {
        Failure::User(t!("cli-cannot-write", path = path.display().to_string(), reason = explain::io_error(&e)))
    })
}

/// `hours-2026-11.csv` → `hours-2026-11-totals.csv`, beside it.
fn totals_path(out: &std::path::Path) -> PathBuf {
    let stem = out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    out.with_file_name(format!("{stem}-totals.csv"))
}
