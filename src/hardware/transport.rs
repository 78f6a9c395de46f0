//! Where print jobs go. A printer is named by a spec (design.md §6), in the config file and on
//! the command line: `file:/path/out.bin` today; serial, USB and TCP printers speak the same
//! [`Transport`] trait.

use std::fmt;
use std::io::Write;
use std::path::PathBuf;
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrinterSpec {
    /// Appends each job to a file: for tests, demos and looking at the bytes.
    File(PathBuf),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpecError {
    #[error("'{0}' is not a printer; use file:PATH")]
    Unknown(String),
    #[error("'{0}' has no path")]
    NoPath(String),
}

impl FromStr for PrinterSpec {
    type Err = SpecError;

    fn from_str(s: &str) -> Result<PrinterSpec, SpecError> {
        let (scheme, rest) = s.split_once(':').ok_or_else(|| SpecError::Unknown(s.to_string()))?;
        match scheme {
            "file" if rest.is_empty() => Err(SpecError::NoPath(s.to_string())),
            "file" => Ok(PrinterSpec::File(PathBuf::from(rest))),
            _ => Err(SpecError::Unknown(s.to_string())),
        }
    }
}

impl fmt::Display for PrinterSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrinterSpec::File(path) => write!(f, "file:{}", path.display()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrintError {
    #[error("cannot reach the printer {printer}: {reason}")]
    Unreachable { printer: String, reason: String },
    #[error("the printer {printer} stopped mid-job: {reason}")]
    Interrupted { printer: String, reason: String },
}

/// Something that takes a whole print job.
pub trait Transport {
    fn send(&mut self, bytes: &[u8]) -> Result<(), PrintError>;
}

pub struct FileTransport {
    path: PathBuf,
}

impl Transport for FileTransport {
    fn send(&mut self, bytes: &[u8]) -> Result<(), PrintError> {
        let printer = format!("file:{}", self.path.display());
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| PrintError::Unreachable { printer: printer.clone(), reason: e.to_string() })?;
        }
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)
            .map_err(|e| PrintError::Unreachable { printer: printer.clone(), reason: e.to_string() })?;
        file.write_all(bytes)
            .and_then(|()| file.sync_data())
            .map_err(|e| PrintError::Interrupted { printer, reason: e.to_string() })
    }
}

pub fn open(spec: &PrinterSpec) -> Box<dyn Transport + Send> {
    match spec {
        PrinterSpec::File(path) => Box::new(FileTransport { path: path.clone() }),
    }
}
