//! Settings (`config.toml`) and where Nanum keeps its files.
//!
//! Files live in the user's data and config directories, or all under `$NANUM_HOME` when it is
//! set (a till run from a USB stick, or a test that must not touch the real home).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::hardware::Cause;
use crate::hardware::escpos::{DrawerPulse, PrinterProfile};
use crate::hardware::scanner::ScannerSettings;
use crate::hardware::tags::ZplLabel;
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub data_dir: PathBuf,
    pub config_file: PathBuf,
}

impl Paths {
    pub fn discover() -> Paths {
        if let Some(home) = std::env::var_os("NANUM_HOME").filter(|h| !h.is_empty()) {
            let home = PathBuf::from(home);
            return Paths { config_file: home.join("config.toml"), data_dir: home };
        }
        match directories::ProjectDirs::from("kr", "Nanum", "nanum") {
            Some(dirs) => {
                Paths { data_dir: dirs.data_dir().to_path_buf(), config_file: dirs.config_dir().join("config.toml") }
            }
            None => {
                Paths { data_dir: PathBuf::from("nanum-data"), config_file: PathBuf::from("nanum-data/config.toml") }
            }
        }
    }

    /// Where the till's logs are written, a file a day.
    pub fn log_dir(&self) -> PathBuf {
        self.data_dir.join("logs")
    }

    /// The store database `nanum` opens without `--db`.
    pub fn default_db(&self) -> PathBuf {
        self.data_dir.join("store.db")
    }

    /// Where receipts go when no printer is set up: a file that can be looked at with
    /// `nanum`'s decoder, so a demo till never fails to "print".
    pub fn default_printer_file(&self) -> PathBuf {
        self.data_dir.join("printer-output.bin")
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    pub ui: UiConfig,
    pub till: TillConfig,
    pub printer: PrinterConfig,
    pub scanner: ScannerConfig,
    pub labels: LabelConfig,
    pub sync: SyncConfig,
    pub backup: BackupConfig,
}

/// Where the nightly backup (`nanum backup --nightly`, run by the package's timer) goes and how
/// many are kept: the last `keep_daily` days, and the first of each of the last `keep_monthly`
/// months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupConfig {
    /// A folder (a USB stick's mount point works); empty: `backups` in the data directory.
    pub folder: String,
    pub keep_daily: u32,
    pub keep_monthly: u32,
}

impl Default for BackupConfig {
    fn default() -> BackupConfig {
        BackupConfig { folder: String::new(), keep_daily: 30, keep_monthly: 12 }
    }
}

impl BackupConfig {
    pub fn folder(&self, paths: &Paths) -> PathBuf {
        if self.folder.trim().is_empty() { paths.data_dir.join("backups") } else { PathBuf::from(self.folder.trim()) }
    }
}

/// Where head office's `nanum-central` is, and the file holding this store's token (given once
/// by `nanum-central store add`). Empty `central` means the store does not sync yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SyncConfig {
    pub central: String,
    /// Empty means `sync-token` beside the store database.
    pub token_file: String,
    /// How often network trouble is retried, and the first pause between tries (it doubles).
    pub retries: u32,
    pub first_pause_ms: u64,
}

impl Default for SyncConfig {
    fn default() -> SyncConfig {
        SyncConfig { central: String::new(), token_file: String::new(), retries: 5, first_pause_ms: 500 }
    }
}

impl SyncConfig {
    pub fn token_file(&self, paths: &Paths) -> PathBuf {
        if self.token_file.is_empty() { paths.data_dir.join("sync-token") } else { PathBuf::from(&self.token_file) }
    }

    pub fn settings(&self, central: &str, token: &str) -> crate::sync::client::Settings {
        crate::sync::client::Settings {
            retries: self.retries,
            first_pause: std::time::Duration::from_millis(self.first_pause_ms),
            ..crate::sync::client::Settings::new(central, token)
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiConfig {
    pub language: Lang,
    /// Fill the whole screen with no window frame (kiosk tills). Otherwise the window opens
    /// maximized.
    pub fullscreen: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TillConfig {
    /// Which counter this is. Tills sharing one store file need different ids: each keeps its
    /// own open cart and print jobs.
    pub id: String,
}

impl Default for TillConfig {
    fn default() -> TillConfig {
        TillConfig { id: "1".into() }
    }
}

impl TillConfig {
    pub fn till(&self) -> crate::store::TillId {
        crate::store::TillId(self.id.trim().to_string())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PrinterConfig {
    /// `serial:…`, `usb:…`, `tcp:…` or `file:…` (design.md §6). Empty: the data directory's
    /// printer-output.bin, so a till with no printer yet still works.
    pub spec: String,
    /// Characters per line: 32 for 58 mm paper, 42 or 48 for 80 mm.
    pub columns: usize,
    /// The drawer connector pin the drawer is wired to: 2 or 5.
    pub drawer_pin: u8,
    pub drawer_pulse_ms: u16,
}

impl Default for PrinterConfig {
    fn default() -> PrinterConfig {
        PrinterConfig { spec: String::new(), columns: 42, drawer_pin: 2, drawer_pulse_ms: 50 }
    }
}

impl PrinterConfig {
    /// The printer spec, with the data directory's file when none is set.
    pub fn spec(&self, paths: &Paths) -> Result<crate::hardware::PrinterSpec, crate::hardware::transport::SpecError> {
        if self.spec.trim().is_empty() {
            return Ok(crate::hardware::PrinterSpec::File(paths.default_printer_file()));
        }
        self.spec.parse()
    }

    pub fn profile(&self) -> PrinterProfile {
        PrinterProfile {
            columns: self.columns.clamp(24, 64),
            drawer: DrawerPulse { pin5: self.drawer_pin == 5, on_ms: self.drawer_pulse_ms, ..DrawerPulse::default() },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScannerConfig {
    /// A serial scanner (port, baud, framing, debounce); no port means keyboard-wedge only.
    #[serde(flatten)]
    pub serial: ScannerSettings,
    /// Keys arriving faster than this, one after another, come from a scanner, not a person.
    pub wedge_gap_ms: u64,
    /// And there are at least this many of them before the Enter.
    pub wedge_min_len: usize,
}

impl Default for ScannerConfig {
    fn default() -> ScannerConfig {
        ScannerConfig { serial: ScannerSettings::default(), wedge_gap_ms: 35, wedge_min_len: 8 }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LabelLanguage {
    /// Tags on an ESC/POS printer, one cut per tag.
    #[default]
    Escpos,
    /// Tags on a ZPL label printer.
    Zpl,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LabelConfig {
    /// The tag printer's spec; empty: tags go to the receipt printer.
    pub spec: String,
    pub language: LabelLanguage,
    pub width_dots: u32,
    pub height_dots: u32,
    /// A Hangul font stored on the ZPL printer.
    pub zpl_font: String,
}

impl Default for LabelConfig {
    fn default() -> LabelConfig {
        let zpl = ZplLabel::default();
        LabelConfig {
            spec: String::new(),
            language: LabelLanguage::Escpos,
            width_dots: zpl.width,
            height_dots: zpl.height,
            zpl_font: zpl.font,
        }
    }
}

impl LabelConfig {
    pub fn zpl(&self) -> ZplLabel {
        ZplLabel { width: self.width_dots, height: self.height_dots, font: self.zpl_font.clone() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {cause}")]
    Read { path: PathBuf, cause: Cause },
    /// The file is not valid settings; `line` is where the problem starts (from 1).
    #[error("{path} is not valid settings (line {line})")]
    Parse { path: PathBuf, line: usize },
    #[error("cannot save {path}: {cause}")]
    Write { path: PathBuf, cause: Cause },
}

impl Config {
    /// Reads the settings; a missing file means the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => return Err(ConfigError::Read { path: path.to_path_buf(), cause: Cause::io(&e) }),
        };
        toml::from_str(&text).map_err(|e| {
            tracing::warn!("{}: {}", path.display(), e.message());
            let line = e.span().map_or(1, |span| text[..span.start.min(text.len())].lines().count().max(1));
            ConfigError::Parse { path: path.to_path_buf(), line }
        })
    }

    /// Remembers head office for the nightly sync: its address in `[sync]`, and the store's token
    /// in the token file (readable by this user only; written through a temporary file).
    pub fn remember_head_office(&mut self, paths: &Paths, central: &str, token: &str) -> Result<(), ConfigError> {
        use std::os::unix::fs::OpenOptionsExt;
        let path = self.sync.token_file(paths);
        let write_error = |e: &std::io::Error| ConfigError::Write { path: path.clone(), cause: Cause::io(e) };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| write_error(&e))?;
        }
        let tmp = path.with_extension("tmp");
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)
            .and_then(|mut f| {
                use std::io::Write;
                f.write_all(token.trim().as_bytes())?;
                f.sync_all()
            })
            .and_then(|()| std::fs::rename(&tmp, &path));
        written.map_err(|e| write_error(&e))?;
        self.sync.central = central.trim().to_string();
        self.save(&paths.config_file)
    }

    /// Writes the settings through a temporary file, so a full disk never leaves half a file.
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        let write_error = |e: &std::io::Error| ConfigError::Write { path: path.to_path_buf(), cause: Cause::io(e) };
        let text = toml::to_string_pretty(self).expect("settings always serialize");
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| write_error(&e))?;
        }
        crate::files::write_whole(path, text.as_bytes()).map_err(|e| write_error(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_defaults_missing_fields() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        assert_eq!(Config::load(&path).unwrap(), Config::default());
        let mut config = Config::default();
        config.ui.language = Lang::En;
        config.printer.columns = 32;
        config.save(&path).unwrap();
        assert_eq!(Config::load(&path).unwrap(), config);
        std::fs::write(&path, "[printer]\ncolumns = 48\n").unwrap();
        let partial = Config::load(&path).unwrap();
        assert_eq!((partial.printer.columns, partial.printer.drawer_pin, partial.ui.language), (48, 2, Lang::Ko));
    }

    #[test]
    fn a_broken_file_is_reported_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[ui\nlanguage = ").unwrap();
        assert!(matches!(Config::load(&path), Err(ConfigError::Parse { .. })));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "[ui\nlanguage = ");
    }
}
