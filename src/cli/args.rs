//! The `nanum` command line's words: every command, argument and default (design.md §7), as
//! clap reads them. What each command does is in the sibling files.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::hardware::scanner::Suffix;

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
        /// The store's code, three digits (1 to 999, as on its tags); each code gets its own
        /// history.
        #[arg(long, value_name = "CODE", requires = "name", value_parser = clap::value_parser!(u16).range(1..=999))]
        store: Option<u16>,
        /// The store's name, with --store.
        #[arg(long, value_name = "NAME", requires = "store", value_parser = parse_name)]
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
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        date: Option<NaiveDate>,
    },
    /// A report for one day (volunteers: or days up to --to), as text or CSV.
    Report {
        kind: ReportKind,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        date: Option<NaiveDate>,
        /// The last day of a range (volunteers).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        to: Option<NaiveDate>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// A sale's receipt as ESC/POS bytes, to a file or a printer.
    #[command(group = clap::ArgGroup::new("target").required(true).args(["out", "printer"]))]
    Receipt {
        sale_no: u32,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
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
        #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(i64::from(FIRST_YEAR)..=i64::from(LAST_YEAR)))]
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
    /// Print the journal's events as JSON lines, as sync sends them: each payload is the exact
    /// text its hash covers (the file keeps it packed; see README).
    Journal {
        /// Only events after this number.
        #[arg(long, value_name = "SEQ", default_value_t = 0)]
        after: i64,
        /// Only events of this kind (sale.committed, donation.recorded, …).
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
    },
    /// Write what support needs to FILE: version, store, settings (the token masked), sync,
    /// what check finds, the last log lines.
    Diagnostics {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The manual page, as roff on stdout (for the Debian package).
    #[command(hide = true)]
    Man,
    /// For the crash test: ring up sales one after another, printing each one's date and
    /// number once committed, until killed. Not for a real store.
    #[command(hide = true)]
    DrillSales,
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

/// The years a date on the command line may fall in: a two-digit year (`26-12-01`) or a typo
/// (`20026`) is refused rather than read as the year 26 or 20026.
const FIRST_YEAR: i32 = 2000;
const LAST_YEAR: i32 = 2099;

/// A day written `YYYY-MM-DD`, four digits for the year.
fn parse_day(s: &str) -> Result<NaiveDate, String> {
    let bad = || format!("'{s}' is not a day like 2026-11-25 (four-digit year, {FIRST_YEAR} to {LAST_YEAR})");
    let shaped = s.len() == 10
        && s.chars().enumerate().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
    let day = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().filter(|_| shaped).ok_or_else(bad)?;
    if (FIRST_YEAR..=LAST_YEAR).contains(&chrono::Datelike::year(&day)) { Ok(day) } else { Err(bad()) }
}

fn parse_month(s: &str) -> Result<NaiveDate, String> {
    parse_day(&format!("{s}-01"))
        .map_err(|_| format!("'{s}' is not a month like 2026-11 (four-digit year, {FIRST_YEAR} to {LAST_YEAR})"))
}

/// A name with something in it.
fn parse_name(s: &str) -> Result<String, String> {
    let name = s.trim();
    if name.is_empty() { Err("the name is empty".into()) } else { Ok(name.to_string()) }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Csv,
}
