//! What support needs to help a store, in one text file (`nanum diagnostics`, or a manager's
//! 진단 정보 저장): the version, the store, the settings with the token masked, where sync stands,
//! what `nanum check` finds, and the last lines of the log. Nothing a donor or customer said is
//! in it, and the token never is.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::config::{Config, Paths};
use crate::store::{LATEST_SCHEMA, Store};

/// How many of the newest log lines go in.
const LOG_LINES: usize = 300;

/// The diagnostics for the store at `store_path`, as text.
pub fn gather(store_path: &Path, config: &Config, paths: &Paths, now: DateTime<FixedOffset>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Nanum diagnostics");
    let _ = writeln!(out, "version: {} (schema {LATEST_SCHEMA})", env!("CARGO_PKG_VERSION"));
    let _ = writeln!(out, "made: {}", now.to_rfc3339());
    let _ = writeln!(out, "store file: {}", store_path.display());
    match Store::open(store_path) {
        Ok(store) => store_part(&mut out, &store),
        Err(e) => {
            let _ = writeln!(out, "cannot open the store: {e}");
        }
    }
    let _ = writeln!(out, "\n[settings: {}]", paths.config_file.display());
    let settings = toml::to_string_pretty(config).unwrap_or_else(|e| format!("cannot show: {e}\n"));
    out.push_str(&settings);
    let token_file = config.sync.token_file(paths);
    let token = match std::fs::read_to_string(&token_file) {
        Ok(token) => mask(token.trim()),
        Err(e) => format!("none ({e})"),
    };
    let _ = writeln!(out, "sync token ({}): {token}", token_file.display());
    let _ = writeln!(out, "\n[log: the last {LOG_LINES} lines]");
    for line in last_log_lines(&paths.log_dir(), LOG_LINES) {
        let _ = writeln!(out, "{line}");
    }
    out
}

fn store_part(out: &mut String, store: &Store) {
    let info = store.info();
    let _ = writeln!(out, "store: {:03} {} {}", info.code, info.name, if info.is_demo { "(demo)" } else { "" });
    let size = std::fs::metadata(store.path()).map(|m| m.len()).unwrap_or(0);
    let _ = writeln!(out, "store file size: {size} bytes");
    match store.sync_status() {
        Ok(s) => {
            let last = s.last_good_sync.map_or_else(|| "never".to_string(), |t| t.to_rfc3339());
            let _ = writeln!(
                out,
                "sync: {} records waiting, head office holds up to {}, last good sync {last}, reference version {}",
                s.unsynced, s.acked_seq, s.reference_version
            );
        }
        Err(e) => {
            let _ = writeln!(out, "sync: cannot read ({e})");
        }
    }
    let _ = writeln!(out, "\n[check]");
    match store.check() {
        Ok(report) => {
            let _ = writeln!(
                out,
                "integrity: {}; journal: {} events, {} problems; sales: {} checked, {} problems; day totals differing: {}",
                if report.integrity.is_empty() { "ok".to_string() } else { report.integrity.join("; ") },
                report.events,
                report.chain.len(),
                report.sales_checked,
                report.sales.len(),
                report.day_totals.len()
            );
        }
        Err(e) => {
            let _ = writeln!(out, "cannot check: {e}");
        }
    }
}

/// A token shown by its first and last four characters only.
pub fn mask(token: &str) -> String {
    let chars: Vec<char> = token.chars().collect();
    if chars.len() <= 12 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail} ({} characters)", chars.len())
}

/// The newest `n` lines across the log files, oldest first.
fn last_log_lines(dir: &Path, n: usize) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    files.sort();
    let mut lines: Vec<String> = Vec::new();
    for file in files.iter().rev() {
        let Ok(text) = std::fs::read_to_string(file) else { continue };
        let mut these: Vec<String> = text.lines().map(str::to_string).collect();
        these.append(&mut lines);
        lines = these;
        if lines.len() >= n {
            break;
        }
    }
    let skip = lines.len().saturating_sub(n);
    lines.split_off(skip)
}

/// Writes the diagnostics to `out` through a temporary name, so a failure leaves no half file.
pub fn save(text: &str, out: &Path) -> std::io::Result<()> {
    crate::files::write_whole(out, text.as_bytes())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_token_never_shows_whole() {
        let token = "nanum_7263eed870206991233993a1f73b8eb3ae07ff9950d2af964c89d4b38fce3154";
        let masked = super::mask(token);
        assert_eq!(masked, "nanu…3154 (70 characters)");
        assert_eq!(super::mask("short"), "*****");
    }
}
