//! `nanum-central`: head office's sync service and its admin commands (design.md §7).
//! Exit codes: 0 success, 1 a user error (one line on stderr), 2 a usage error.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use nanum::reports::Report;
use nanum::sync::central::{self, CentralError, figures, reference, staff, stores, web};

#[derive(Debug, Parser)]
#[command(name = "nanum-central", version, about = "나눔 본부: every store's journal on PostgreSQL")]
struct Cli {
    /// PostgreSQL, as a URL (postgresql://user@host:port/db) or key=value pairs.
    #[arg(long, global = true, env = "NANUM_CENTRAL_DATABASE_URL", value_name = "URL")]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the sync API and the head-office pages until stopped (SIGINT or SIGTERM).
    Serve {
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
        listen: String,
        /// Database connections kept open.
        #[arg(long, default_value_t = 16)]
        pool: usize,
        /// The address of the TLS proxy in front (e.g. 127.0.0.1): its connections carry every
        /// client, and its X-Forwarded-For names who sent a request.
        #[arg(long, env = "NANUM_CENTRAL_PROXY", value_name = "IP")]
        proxy: Option<std::net::IpAddr>,
    },
    /// Stores and their tokens.
    Store {
        #[command(subcommand)]
        command: StoreCommand,
    },
    /// A store's figures, worked out from the journal it uploaded.
    Report {
        kind: ReportKind,
        #[arg(long, value_name = "CODE")]
        store: u16,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: NaiveDate,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Make a new version of the reference data from a CSV (one header row): tax-classes,
    /// categories, colours, markdowns, staff or settings. Staff: uuid (optional), store (the
    /// code(s) they work at, space-separated), name, role, pin (hashed here; may be empty for
    /// someone already known), active. A person is matched by uuid, else by name at the store;
    /// people imported before and left out become inactive; people added at a till are kept.
    /// What changes is printed; --dry-run prints it and writes nothing.
    Import {
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(reference::SECTIONS))]
        section: String,
        file: PathBuf,
        /// Check the file and print what would change, without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Take a file with no rows (it empties the section at every till).
        #[arg(long)]
        allow_empty: bool,
    },
    /// People who may sign in to the head-office pages.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// The manual page, as roff on stdout (for the Debian package).
    #[command(hide = true)]
    Man,
}

#[derive(Debug, Subcommand)]
enum StoreCommand {
    /// Add a store; prints its token once, alone on stdout (only a hash is kept).
    Add {
        code: u16,
        name: String,
        #[command(flatten)]
        details: DetailsArgs,
    },
    /// Change a store's business number, representative, address or phone (those given); a till
    /// that joins head office afterwards prints them on its receipts.
    Set {
        code: u16,
        #[command(flatten)]
        details: DetailsArgs,
    },
    /// Give a store a new token (printed once); the old one works for --grace-hours more.
    Rotate {
        code: u16,
        #[arg(long, default_value_t = 72)]
        grace_hours: i64,
    },
    /// Every store, its last sync and how many events head office holds.
    List,
}

/// A store's details for its receipts, each optional.
#[derive(Debug, clap::Args)]
struct DetailsArgs {
    /// 사업자등록번호, NNN-NN-NNNNN (its check digit is verified).
    #[arg(long, value_name = "NNN-NN-NNNNN")]
    business_no: Option<String>,
    #[arg(long, value_name = "NAME")]
    representative: Option<String>,
    #[arg(long, value_name = "ADDRESS")]
    address: Option<String>,
    #[arg(long, value_name = "PHONE")]
    phone: Option<String>,
}

impl DetailsArgs {
    /// `base` with what was given put over it.
    fn over(self, base: stores::Details) -> stores::Details {
        stores::Details {
            business_no: self.business_no.unwrap_or(base.business_no),
            representative: self.representative.unwrap_or(base.representative),
            address: self.address.unwrap_or(base.address),
            phone: self.phone.unwrap_or(base.phone),
        }
    }
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Add a person (or change their password, which ends their sessions); the password is read
    /// from the first line of stdin.
    Add { name: String },
    /// Take a person off the pages: their account and every session they have.
    Remove { name: String },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ReportKind {
    Daily,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Csv,
}

/// Blocks of a megabyte or more come from the system and go back to it when freed. glibc
/// otherwise raises that threshold to the largest block freed (argon2's 19 MiB) and keeps such
/// blocks in per-thread arenas: a burst of logins left half a gigabyte held for good.
fn return_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; called once, before any other thread.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

fn main() -> ExitCode {
    return_large_blocks();
    let cli = Cli::parse();
    if let Command::Man = cli.command {
        use clap::CommandFactory;
        return match clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout().lock()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("nanum-central: {e}");
                ExitCode::from(1)
            }
        };
    }
    // The service logs what it does; an admin command only what went wrong.
    let default = if matches!(cli.command, Command::Serve { .. }) { "info" } else { "warn" };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| default.into());
    // Colours only for a person at a terminal: under systemd they would land in the journal as
    // escape codes.
    use std::io::IsTerminal;
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
    let Some(url) = cli.database_url.clone() else {
        eprintln!("nanum-central: --database-url (or NANUM_CENTRAL_DATABASE_URL) is needed");
        return ExitCode::from(2);
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("nanum-central: cannot start: {e}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(run(cli.command, &url)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("nanum-central: {}", one_line(&e));
            ExitCode::from(1)
        }
    }
}

fn one_line(e: &CentralError) -> String {
    match e {
        CentralError::Db(e) => match e.as_db_error() {
            Some(db) => format!("database: {}", db.message()),
            None => format!("cannot use the database: {e}"),
        },
        CentralError::Pool(e) => format!("cannot connect to the database: {e}"),
        other => other.to_string(),
    }
}

async fn run(command: Command, url: &str) -> Result<(), CentralError> {
    let size = match &command {
        Command::Serve { pool, .. } => *pool,
        _ => 2,
    };
    let pool = central::pool(url, size)?;
    central::migrate(&pool).await?;
    match command {
        Command::Man => unreachable!("printed before the database is opened"),
        Command::Serve { listen, proxy, .. } => {
            let listener = tokio::net::TcpListener::bind(&listen)
                .await
                .map_err(|e| CentralError::User(format!("cannot listen on {listen}: {e}")))?;
            let addr = listener.local_addr().map_err(|e| CentralError::User(e.to_string()))?;
            tracing::info!(%addr, "nanum-central serving");
            central::server::serve(pool, listener, central::server::Proxy(proxy), shutdown())
                .await
                .map_err(|e| CentralError::User(format!("the server stopped: {e}")))?;
            tracing::info!("nanum-central stopped");
        }
        Command::Store { command: StoreCommand::Add { code, name, details } } => {
            println!("{}", stores::add(&pool, code, &name, &details.over(stores::Details::default())).await?);
        }
        Command::Store { command: StoreCommand::Set { code, details } } => {
            let base = stores::details(&pool, code).await?;
            stores::set(&pool, code, &details.over(base)).await?;
        }
        Command::Store { command: StoreCommand::Rotate { code, grace_hours } } => {
            if grace_hours < 0 {
                return Err(CentralError::User("--grace-hours is 0 or more".into()));
            }
            println!("{}", stores::rotate(&pool, code, chrono::Duration::hours(grace_hours)).await?);
        }
        Command::Store { command: StoreCommand::List } => {
            for s in stores::all(&pool).await? {
                let last = s.last_sync_at.map(|t| t.to_rfc3339()).unwrap_or_else(|| "never".into());
                println!("{}\t{}\t{}\t{}", s.code, s.name, s.acked_seq, last);
            }
        }
        Command::Report { kind: ReportKind::Daily, store, date, format } => {
            let report = figures::daily(&pool, store, date).await?;
            let mut out = std::io::stdout().lock();
            let written = match format {
                Format::Csv => report.csv(&mut out).map_err(|e| e.to_string()),
                Format::Text => report.text(&mut out).map_err(|e| e.to_string()),
            };
            written.map_err(|e| CentralError::User(format!("cannot write the report: {e}")))?;
        }
        Command::Import { section, file, dry_run, allow_empty } => {
            let version = if section == "staff" {
                let plan = staff::import(&pool, &file, dry_run, allow_empty).await?;
                print!("{plan}");
                plan.version
            } else {
                reference::import(&pool, &section, &file, dry_run, allow_empty).await?
            };
            match version {
                Some(version) => println!("reference data version {version}"),
                None => println!("dry run: nothing was written"),
            }
        }
        Command::User { command: UserCommand::Add { name } } => {
            let mut password = String::new();
            std::io::stdin()
                .read_line(&mut password)
                .map_err(|e| CentralError::User(format!("cannot read the password: {e}")))?;
            web::add_user(&pool, &name, password.trim_end_matches(['\r', '\n'])).await?;
        }
        Command::User { command: UserCommand::Remove { name } } => web::remove_user(&pool, &name).await?,
    }
    Ok(())
}

/// SIGINT or SIGTERM (systemd's stop).
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
