//! The `nanum` command line (design.md §7). Without a command it opens the till; the
//! commands are for managers, scripts and support staff. Exit codes: 0 success, 1 a user error
//! (one line on stderr), 2 a usage error.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Local, NaiveDate};
use clap::{Parser, Subcommand, ValueEnum};

use crate::config::{Config, Paths};
use crate::hardware::receipt::{ReceiptOptions, sale_receipt};
use crate::hardware::scanner::{self, Framing, ScannerEvent, ScannerSettings, Suffix};
use crate::hardware::selftest::self_test;
use crate::hardware::{PrinterSpec, transport};
use crate::store::Store;
use crate::{demo, explain, i18n, reports, t};

#[derive(Debug, Parser)]
#[command(name = "nanum", version, about = "나눔 POS: the till for charity thrift stores")]
pub struct Cli {
    /// The store database (default: the demo store in the data directory, made on first run).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Set up a real store at --db (which must not exist yet): its identity and first manager,
    /// on Nanum's built-in categories, tax classes and colour calendar, with no history. The
    /// manager's PIN comes on stdin (asked twice on a terminal).
    ///
    /// With --central and --token-file, the store is set up from head office instead: its code
    /// and name, and every piece of reference data head office holds, staff included. --manager
    /// (with the PIN on stdin) is needed only when head office has no manager for the store yet.
    Init {
        /// The store's code: three digits, printed in every receipt code.
        #[arg(long = "store", value_name = "CODE", required_unless_present = "central", conflicts_with = "central")]
        code: Option<String>,
        #[arg(long, value_name = "NAME", required_unless_present = "central", conflicts_with = "central")]
        name: Option<String>,
        /// 사업자등록번호, e.g. 123-45-67891 (its check digit is verified).
        #[arg(long, value_name = "NNN-NN-NNNNN", required_unless_present = "central", conflicts_with = "central")]
        business_no: Option<String>,
        /// The first manager's name.
        #[arg(long, value_name = "NAME", required_unless_present = "central")]
        manager: Option<String>,
        /// Head office's address, e.g. https://central.example.org
        #[arg(long, value_name = "URL", requires = "token_file")]
        central: Option<String>,
        /// The file holding the store's token from head office (a USB stick works: it is copied).
        #[arg(long, value_name = "FILE", requires = "central")]
        token_file: Option<PathBuf>,
        /// 대표자, printed beside the business number.
        #[arg(long, value_name = "NAME", default_value = "")]
        representative: String,
        #[arg(long, value_name = "ADDRESS", default_value = "")]
        address: String,
        #[arg(long, value_name = "PHONE", default_value = "")]
        phone: String,
        /// A line of the store's own under every receipt.
        #[arg(long, value_name = "TEXT", default_value = "")]
        footer: String,
    },
    /// Make a demo store database with N days of realistic history.
    Demo {
        #[arg(long, default_value_t = 30)]
        days: u32,
        /// The store's code (1 to 9999); each code gets its own history.
        #[arg(long, value_name = "CODE", requires = "name", value_parser = clap::value_parser!(u16).range(1..=9999))]
        store: Option<u16>,
        /// The store's name, with --store.
        #[arg(long, value_name = "NAME", requires = "store")]
        name: Option<String>,
    },
    /// Send the journal to head office and fetch its reference data (`[sync]` in the settings
    /// gives both when the options are left out).
    Sync {
        /// Head office's address, e.g. http://central.example:8080
        #[arg(long, value_name = "URL")]
        central: Option<String>,
        /// The file holding this store's token.
        #[arg(long, value_name = "FILE")]
        token_file: Option<PathBuf>,
    },
    /// What the till charges for a scanned code on a day, and why.
    Price {
        code: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
    },
    /// A report for one day (volunteers: or days up to --to), as text or CSV.
    Report {
        kind: ReportKind,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
        /// The last day of a range (volunteers).
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<NaiveDate>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// A sale's receipt as ESC/POS bytes, to a file or a printer.
    #[command(group = clap::ArgGroup::new("target").required(true).args(["out", "printer"]))]
    Receipt {
        sale_no: u32,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[arg(long, value_name = "SPEC")]
        printer: Option<String>,
        /// Mark it 재발행 (reprint); a reprint never opens the drawer.
        #[arg(long)]
        reprint: bool,
    },
    /// Print the printer's test page (Korean sample, barcode; never opens the drawer).
    PrintTest {
        /// The printer (default: the one in the settings).
        #[arg(long, value_name = "SPEC")]
        printer: Option<String>,
    },
    /// Print each scan from a serial scanner on its own line, as it arrives.
    Scan {
        #[arg(long, value_name = "PATH")]
        port: String,
        #[arg(long, default_value_t = 9600)]
        baud: u32,
        #[arg(long, value_enum, default_value_t = Suffix::Cr)]
        suffix: Suffix,
        /// Codes come wrapped in STX … ETX.
        #[arg(long)]
        stx_etx: bool,
        /// Stop after this many scans.
        #[arg(long, value_name = "N")]
        count: Option<u64>,
    },
    /// Write a file for head office, UTF-8 with BOM: `donations --year` = each donor's total
    /// for a year; `volunteers --month` = each volunteer's days in the 1365/VMS upload layout,
    /// and a second file (`…-totals.csv`) with each person's month.
    Export {
        what: ExportKind,
        #[arg(long, value_name = "YYYY")]
        year: Option<i32>,
        #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
        month: Option<NaiveDate>,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Show the store's policy, or change it: the discount a cashier may give without a
    /// manager, and how long newly priced goods are held back from staff and volunteers.
    Policy {
        /// Discounts over this percentage need a manager's PIN.
        #[arg(long, value_name = "PERCENT")]
        discount_limit: Option<rust_decimal::Decimal>,
        /// Goods priced less than this many hours ago cannot be sold to staff or volunteers.
        #[arg(long, value_name = "HOURS")]
        hold_hours: Option<i64>,
    },
    /// Check the database file and the journal chain.
    Check,
    /// Write what support needs to FILE: version, store, settings (the token masked), sync,
    /// what check finds, the last log lines.
    Diagnostics {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The manual page, as roff on stdout (for the Debian package).
    #[command(hide = true)]
    Man,
    /// Copy the store to FILE while it runs (SQLite's online backup).
    /// With --nightly (the package's timer): to store-YYYY-MM-DD.db in the backup folder of the
    /// settings, keeping the last 30 days and the first of each of the last 12 months.
    #[command(group = clap::ArgGroup::new("to").required(true).args(["out", "nightly"]))]
    Backup {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[arg(long)]
        nightly: bool,
    },
    /// Put a backup in the store's place; the file it replaces is kept beside it. If the store
    /// holds records head office has not received, a manager must agree (--manager NAME, the PIN
    /// on the first line of stdin).
    Restore {
        file: PathBuf,
        #[arg(long, value_name = "NAME")]
        manager: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportKind {
    Daily,
    /// One row per till session: float, cash in and out, expected, counted, difference.
    Till,
    /// Donations by channel and category, rejections by reason, new and returning donors.
    Donations,
    /// Which colour comes off the floor, and how many of its tags are left, per category.
    Pull,
    /// Volunteer hours per person per day (credited: at most 8 a day) and each person's total.
    Volunteers,
    /// Tags printed and sold per category, sell-through, median days to sell, markdowns, pulls.
    Production,
    /// Goods given a second life, kg kept from landfill, donations, volunteer hours, money raised.
    Impact,
    /// Sales by hour, category and cashier, with the day's totals added up.
    Sales,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportKind {
    Donations,
    Volunteers,
}

/// `nanum restore`: checks the backup, asks for a manager when records not yet at head office
/// would leave the till, keeps the replaced file.
fn restore(db: Option<&Path>, paths: &Paths, file: &Path, manager: Option<&str>) -> Result<(), Failure> {
    use crate::store::backup;
    let path = db.map(Path::to_path_buf).unwrap_or_else(|| paths.default_db());
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
fn join_head_office(
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
fn nightly_backup(store: &Store, config: &Config, paths: &Paths) -> Result<(), Failure> {
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

fn parse_month(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").map_err(|_| format!("'{s}' is not a month like 2026-11"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Csv,
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
    if let (Some(problem), Some(_)) = (&config_problem, &cli.command) {
        eprintln!("nanum: {problem}");
        return ExitCode::from(1);
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
    match command {
        Command::Diagnostics { out } => {
            let path = db.map(Path::to_path_buf).unwrap_or_else(|| paths.default_db());
            let text = crate::diagnostics::gather(&path, &config, paths, Local::now().fixed_offset());
            crate::diagnostics::save(&text, &out).map_err(|e| {
                Failure::User(t!("cli-cannot-write", path = out.display().to_string(), reason = explain::io_error(&e)))
            })?;
            println!("{}", t!("cli-diagnostics-done", path = out.display().to_string()));
        }
        Command::Man => {
            use clap::CommandFactory;
            clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout().lock())?;
        }
        Command::Init { central: Some(central), token_file: Some(token_file), manager, .. } => {
            let path = db.ok_or_else(|| Failure::Usage(t!("cli-init-needs-db")))?;
            join_head_office(path, paths, config, &central, &token_file, manager.as_deref())?;
        }
        Command::Init { code, name, business_no, manager, representative, address, phone, footer, .. } => {
            let path = db.ok_or_else(|| Failure::Usage(t!("cli-init-needs-db")))?;
            let mut new = crate::store::NewStore {
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
        }
        Command::Demo { days, store, name } => {
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
        }
        Command::Backup { out: None, .. } => nightly_backup(&open(db, paths)?, &config, paths)?,
        Command::Backup { out: Some(out), .. } => {
            let store = open(db, paths)?;
            store.backup(&out)?;
            println!("{}", t!("cli-backup-done", path = out.display().to_string()));
        }
        Command::Restore { file, manager } => restore(db, paths, &file, manager.as_deref())?,
        Command::Sync { central, token_file } => {
            let central = central.unwrap_or_else(|| config.sync.central.clone());
            if central.trim().is_empty() {
                return Err(Failure::Usage(t!("sync-no-central")));
            }
            let token_file = token_file.unwrap_or_else(|| config.sync.token_file(paths));
            let token = std::fs::read_to_string(&token_file).map_err(|e| {
                Failure::User(t!(
                    "sync-no-token",
                    path = token_file.display().to_string(),
                    reason = explain::io_error(&e)
                ))
            })?;
            let mut store = open(db, paths)?;
            let client = crate::sync::client::Client::new(config.sync.settings(&central, &token));
            let summary = client
                .sync(&mut store, || Local::now().fixed_offset(), |p| tracing::debug!("{p:?}"))
                .map_err(|e| Failure::User(explain::sync_error(&e)))?;
            println!("{}", explain::sync_summary(&summary));
        }
        Command::Price { code, date } => {
            let store = open(db, paths)?;
            let date = date.unwrap_or_else(today);
            let priced = store.price_scan(&code, date).map_err(|e| Failure::User(explain::scan_error(&e)))?;
            print!("{}", explain::price_explanation(&priced, date));
        }
        Command::Report { kind, date, to, format } => {
            let from = date.unwrap_or_else(today);
            if matches!(kind, ReportKind::Pull) && to.is_some() {
                return Err(Failure::Usage(t!("cli-report-no-range")));
            }
            let to = to.unwrap_or(from);
            if to < from {
                return Err(Failure::Usage(t!("cli-report-backwards")));
            }
            let store = open(db, paths)?;
            let now = Local::now().naive_local();
            let report: Box<dyn reports::Report> = match kind {
                // Daily: the days' figures together as text, a row for each day as CSV.
                ReportKind::Daily if format == Format::Csv => Box::new(reports::daily::each_day(&store, from, to)?),
                ReportKind::Daily => Box::new(reports::daily::between(&store, from, to)?),
                ReportKind::Till => Box::new(reports::till::between(&store, from, to)?),
                ReportKind::Donations => Box::new(reports::donations::donations_between(&store, from, to)?),
                ReportKind::Pull => Box::new(reports::pull::pull(&store, from)?),
                ReportKind::Volunteers => Box::new(reports::volunteers::volunteers(&store, from, to, now)?),
                ReportKind::Production => Box::new(reports::production::production(&store, from, to)?),
                ReportKind::Impact => Box::new(reports::impact::impact(&store, from, to, now)?),
                ReportKind::Sales => Box::new(reports::sales::sales(&store, from, to)?),
            };
            let mut stdout = std::io::stdout().lock();
            match format {
                Format::Text => report.text(&mut stdout)?,
                Format::Csv => report.csv(&mut stdout)?,
            }
        }
        Command::Policy { discount_limit, hold_hours } => {
            let mut store = open(db, paths)?;
            let mut policy = store.policy().map_err(|e| Failure::User(explain::store_error(&e)))?;
            let limit_ok = discount_limit
                .is_none_or(|l| (rust_decimal::Decimal::ZERO..=rust_decimal::Decimal::ONE_HUNDRED).contains(&l));
            if !limit_ok || hold_hours.is_some_and(|h| !(0..=24 * 90).contains(&h)) {
                return Err(Failure::User(t!("cli-policy-invalid")));
            }
            if discount_limit.is_some() || hold_hours.is_some() {
                if let Some(limit) = discount_limit {
                    policy.discount_limit_percent = limit;
                }
                if let Some(hours) = hold_hours {
                    policy.hold = chrono::Duration::hours(hours);
                }
                store
                    .set_policy(&policy, Local::now().fixed_offset())
                    .map_err(|e| Failure::User(explain::store_error(&e)))?;
            }
            println!(
                "{}",
                t!(
                    "cli-policy",
                    limit = policy.discount_limit_percent.normalize().to_string(),
                    hours = policy.hold.num_hours()
                )
            );
        }
        Command::Export { what: ExportKind::Volunteers, month, out, .. } => {
            let month = month.ok_or_else(|| Failure::Usage(t!("cli-export-needs-month")))?;
            let store = open(db, paths)?;
            let export = reports::volunteers::portal_export(&store, month, Local::now().naive_local())?;
            let totals = totals_path(&out);
            export.write_days(std::io::BufWriter::new(create(&out)?))?;
            export.write_totals(std::io::BufWriter::new(create(&totals)?))?;
            println!(
                "{}",
                t!(
                    "cli-exported-volunteers",
                    path = out.display().to_string(),
                    rows = export.report.days.len(),
                    people = export.report.totals().len(),
                    totals = totals.display().to_string()
                )
            );
            if export.left_out > 0 {
                eprintln!("{}", t!("cli-exported-volunteers-left-out", count = export.left_out));
            }
        }
        Command::Export { what: ExportKind::Donations, year, out, .. } => {
            let year = year.ok_or_else(|| Failure::Usage(t!("cli-export-needs-year")))?;
            let store = open(db, paths)?;
            let export = reports::donations::export(&store, year)?;
            export.write_csv(std::io::BufWriter::new(create(&out)?))?;
            println!(
                "{}",
                t!(
                    "cli-exported-donations",
                    path = out.display().to_string(),
                    donors = export.donors.len(),
                    anonymous = export.anonymous
                )
            );
        }
        Command::Receipt { sale_no, date, out, printer, reprint } => {
            let store = open(db, paths)?;
            let date = date.unwrap_or_else(today);
            let sale = store
                .sale(date, sale_no)?
                .ok_or_else(|| Failure::User(t!("cli-no-sale", number = sale_no, date = date.to_string())))?;
            let doc = sale_receipt(store.info(), &sale, ReceiptOptions { reprint });
            let rendered = crate::hardware::render(&doc, &config.printer.profile())?;
            match (out, printer) {
                (Some(out), _) => std::fs::write(&out, &rendered.bytes).map_err(|e| {
                    Failure::User(t!(
                        "cli-cannot-write",
                        path = out.display().to_string(),
                        reason = explain::io_error(&e)
                    ))
                })?,
                (None, Some(spec)) => {
                    let spec: PrinterSpec = spec.parse()?;
                    transport::print(&spec, &rendered.bytes).map_err(|e| Failure::User(explain::print_error(&e)))?;
                }
                (None, None) => unreachable!("clap requires --out or --printer"),
            }
        }
        Command::PrintTest { printer } => {
            let spec = match printer {
                Some(spec) => spec.parse::<PrinterSpec>()?,
                None => config.printer.spec(paths)?,
            };
            let store_name = open(db, paths).ok().map(|s| s.info().name.clone());
            let now = Local::now().fixed_offset();
            let doc = self_test(store_name.as_deref(), &spec.to_string(), config.printer.columns, now);
            let rendered = crate::hardware::render(&doc, &config.printer.profile())?;
            let status =
                transport::print(&spec, &rendered.bytes).map_err(|e| Failure::User(explain::print_error(&e)))?;
            println!("{}", t!("cli-printed", printer = spec.to_string()));
            if let Some(status) = status {
                println!("{status:?}");
            }
        }
        Command::Scan { port, baud, suffix, stx_etx, count } => {
            let settings = ScannerSettings {
                port: port.clone(),
                baud,
                framing: Framing { suffix, stx_etx, ..Framing::default() },
                ..ScannerSettings::default()
            };
            // A port that cannot be opened at all is a mistake in the command, not an unplugged
            // scanner: say so and stop.
            serialport::new(&port, baud).open().map_err(|e| {
                Failure::User(t!(
                    "cli-no-port",
                    port = port.clone(),
                    reason = explain::cause(&crate::hardware::Cause::serial(&e))
                ))
            })?;
            let (mut seen, mut lost) = (0u64, false);
            let mut stdout = std::io::stdout();
            scanner::read_loop(&settings, |event| {
                match event {
                    ScannerEvent::Scan(code) => {
                        seen += 1;
                        if writeln!(stdout, "{code}").and_then(|()| stdout.flush()).is_err() {
                            return false;
                        }
                    }
                    ScannerEvent::Disconnected { reason, .. } => {
                        lost = true;
                        eprintln!("{}", t!("cli-scanner-lost", reason = explain::cause(&reason)));
                    }
                    ScannerEvent::Connected { .. } if std::mem::take(&mut lost) => {
                        eprintln!("{}", t!("cli-scanner-back"))
                    }
                    _ => {}
                }
                count.is_none_or(|n| seen < n)
            });
        }
        Command::Check => {
            let store = open(db, paths)?;
            let report = store.check()?;
            let mut stdout = std::io::stdout().lock();
            if report.integrity.is_empty() {
                writeln!(stdout, "{}", t!("check-integrity-ok"))?;
            }
            for problem in &report.integrity {
                writeln!(stdout, "{}", t!("check-integrity-problem", problem = problem.clone()))?;
            }
            if report.chain.is_empty() {
                writeln!(stdout, "{}", t!("check-chain-ok", events = report.events))?;
            }
            for problem in &report.chain {
                writeln!(stdout, "{}", explain::chain_problem(problem))?;
            }
            if report.sales.is_empty() {
                writeln!(stdout, "{}", t!("check-sales-ok", sales = report.sales_checked))?;
            }
            for problem in &report.sales {
                writeln!(stdout, "{}", explain::sale_problem(problem))?;
            }
            if report.day_totals.is_empty() {
                writeln!(stdout, "{}", t!("check-day-totals-ok"))?;
            }
            for day in &report.day_totals {
                writeln!(stdout, "{}", t!("check-day-totals", date = day.clone()))?;
            }
            if !report.is_ok() {
                return Err(Failure::User(t!("check-failed")));
            }
        }
    }
    Ok(())
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
