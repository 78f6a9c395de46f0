//! Where print jobs go. A printer is named by a spec (design.md §6), in the config file and on
//! the command line:
//!
//! - `serial:/dev/ttyUSB0?baud=9600&flow=rtscts` (8N1; `flow` is `none`, `rtscts` or `xonxoff`),
//! - `usb:/dev/usb/lp0` (the USB printer class device),
//! - `tcp:192.168.0.50:9100` (raw port 9100; the port may be left off),
//! - `file:/path/out.bin` (appends each job: for tests, demos and looking at the bytes).
//!
//! Serial, USB and TCP take `status=on|off`: whether to ask the printer how it is (`DLE EOT`)
//! before and after each job. On by default for serial and TCP, whose printers answer; off for
//! USB, where many do not. Each job opens the device afresh, so a printer that was unplugged and
//! plugged back in is simply found again.

use std::fmt;
use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::PathBuf;
use std::str::FromStr;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

pub use super::cause::Cause;

pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a printer has to answer a status request.
pub const STATUS_TIMEOUT: Duration = Duration::from_millis(1500);

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Flow {
    #[default]
    None,
    RtsCts,
    XonXoff,
}

impl Flow {
    pub const ALL: [Flow; 3] = [Flow::None, Flow::RtsCts, Flow::XonXoff];

    pub fn as_str(self) -> &'static str {
        match self {
            Flow::None => "none",
            Flow::RtsCts => "rtscts",
            Flow::XonXoff => "xonxoff",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PrinterSpec {
    File(PathBuf),
    Serial { path: String, baud: u32, flow: Flow, status: bool },
    Usb { path: PathBuf, status: bool },
    Tcp { host: String, port: u16, status: bool },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum SpecError {
    #[error("'{0}' is not a printer: use serial:PATH, usb:PATH, tcp:HOST[:PORT] or file:PATH")]
    Unknown(String),
    #[error("'{0}' has no path or address")]
    NoPath(String),
    /// An option that is unknown or has a value that does not fit (`baud=fast`).
    #[error("'{spec}': the option '{option}' is not understood")]
    Option { spec: String, option: String },
}

fn parse_options(spec: &str, query: Option<&str>) -> Result<Vec<(String, String)>, SpecError> {
    let mut out = Vec::new();
    for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair
            .split_once('=')
            .ok_or_else(|| SpecError::Option { spec: spec.to_string(), option: pair.to_string() })?;
        out.push((k.to_string(), v.to_string()));
    }
    Ok(out)
}

fn on_off(spec: &str, value: &str) -> Result<bool, SpecError> {
    match value {
        "on" | "true" | "1" => Ok(true),
        "off" | "false" | "0" => Ok(false),
        _ => Err(SpecError::Option { spec: spec.to_string(), option: format!("status={value}") }),
    }
}

impl FromStr for PrinterSpec {
    type Err = SpecError;

    fn from_str(s: &str) -> Result<PrinterSpec, SpecError> {
        let s = s.trim();
        let (scheme, rest) = s.split_once(':').ok_or_else(|| SpecError::Unknown(s.to_string()))?;
        let (target, query) = match rest.split_once('?') {
            Some((t, q)) => (t, Some(q)),
            None => (rest, None),
        };
        if target.is_empty() {
            return Err(SpecError::NoPath(s.to_string()));
        }
        let options = parse_options(s, query)?;
        let bad = |option: String| SpecError::Option { spec: s.to_string(), option };
        match scheme {
            "file" => Ok(PrinterSpec::File(PathBuf::from(target))),
            "serial" => {
                let (mut baud, mut flow, mut status) = (9600, Flow::None, true);
                for (k, v) in options {
                    match k.as_str() {
                        "baud" => baud = v.parse().map_err(|_| bad(format!("baud={v}")))?,
                        "flow" => {
                            flow = Flow::ALL
                                .into_iter()
                                .find(|f| f.as_str() == v)
                                .ok_or_else(|| bad(format!("flow={v}")))?
                        }
                        "status" => status = on_off(s, &v)?,
                        _ => return Err(bad(format!("{k}={v}"))),
                    }
                }
                Ok(PrinterSpec::Serial { path: target.to_string(), baud, flow, status })
            }
            "usb" => {
                let mut status = false;
                for (k, v) in options {
                    match k.as_str() {
                        "status" => status = on_off(s, &v)?,
                        _ => return Err(bad(format!("{k}={v}"))),
                    }
                }
                Ok(PrinterSpec::Usb { path: PathBuf::from(target), status })
            }
            "tcp" => {
                let mut status = true;
                for (k, v) in options {
                    match k.as_str() {
                        "status" => status = on_off(s, &v)?,
                        _ => return Err(bad(format!("{k}={v}"))),
                    }
                }
                // An IPv6 address is written in brackets, as in a URL: tcp:[::1]:9100.
                let (host, port) = match target.strip_prefix('[').and_then(|t| t.split_once(']')) {
                    Some((h, "")) => (h, None),
                    Some((h, rest)) => (h, Some(rest.strip_prefix(':').ok_or_else(|| bad(rest.to_string()))?)),
                    None => match target.rsplit_once(':') {
                        Some((h, p)) => (h, Some(p)),
                        None => (target, None),
                    },
                };
                let port = match port {
                    Some(p) => p.parse().map_err(|_| bad(format!("port={p}")))?,
                    None => 9100,
                };
                Ok(PrinterSpec::Tcp { host: host.to_string(), port, status })
            }
            _ => Err(SpecError::Unknown(s.to_string())),
        }
    }
}

impl fmt::Display for PrinterSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrinterSpec::File(path) => write!(f, "file:{}", path.display()),
            PrinterSpec::Serial { path, baud, flow, status } => {
                write!(f, "serial:{path}?baud={baud}&flow={}", flow.as_str())?;
                if !status {
                    f.write_str("&status=off")?;
                }
                Ok(())
            }
            PrinterSpec::Usb { path, status } => {
                write!(f, "usb:{}", path.display())?;
                if *status {
                    f.write_str("?status=on")?;
                }
                Ok(())
            }
            PrinterSpec::Tcp { host, port, status } => {
                if host.contains(':') {
                    write!(f, "tcp:[{host}]:{port}")?;
                } else {
                    write!(f, "tcp:{host}:{port}")?;
                }
                if !status {
                    f.write_str("?status=off")?;
                }
                Ok(())
            }
        }
    }
}

impl PrinterSpec {
    /// The same printer without `DLE EOT` status requests: for label printers that speak ZPL,
    /// to which those bytes mean nothing.
    pub fn without_status(self) -> PrinterSpec {
        match self {
            PrinterSpec::Serial { path, baud, flow, .. } => PrinterSpec::Serial { path, baud, flow, status: false },
            PrinterSpec::Usb { path, .. } => PrinterSpec::Usb { path, status: false },
            PrinterSpec::Tcp { host, port, .. } => PrinterSpec::Tcp { host, port, status: false },
            file @ PrinterSpec::File(_) => file,
        }
    }
}

/// What a printer said about itself (`DLE EOT 1`, `2` and `4`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrinterStatus {
    pub offline: bool,
    pub cover_open: bool,
    pub paper_out: bool,
    pub paper_low: bool,
    /// The drawer's sensor (connector pin 3); wiring varies, so this is only shown.
    pub drawer_open: bool,
}

impl PrinterStatus {
    /// Whether a job can be printed now.
    pub fn ready(&self) -> bool {
        !self.offline && !self.cover_open && !self.paper_out
    }

    /// Reads the three answers; `None` if one is not a valid status byte.
    pub fn from_replies(printer: u8, offline: u8, paper: u8) -> Option<PrinterStatus> {
        // Every status byte has bit 1 and bit 4 set and bits 0 and 7 clear.
        let valid = |b: u8| b & 0b1001_0011 == 0b0001_0010;
        if !(valid(printer) && valid(offline) && valid(paper)) {
            return None;
        }
        Some(PrinterStatus {
            drawer_open: printer & 0x04 != 0,
            offline: printer & 0x08 != 0,
            cover_open: offline & 0x04 != 0,
            paper_low: paper & 0x0C != 0,
            paper_out: paper & 0x60 != 0,
        })
    }
}

/// `DLE EOT n`.
pub fn status_request(n: u8) -> [u8; 3] {
    [0x10, 0x04, n]
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum PrintError {
    #[error("cannot reach the printer {printer}: {reason}")]
    Unreachable { printer: String, reason: Cause },
    #[error("the printer {printer} stopped mid-job: {reason}")]
    Interrupted { printer: String, reason: Cause },
    #[error("the printer {printer} does not answer")]
    NoAnswer { printer: String },
    #[error("the printer {printer} is not ready: {status:?}")]
    NotReady { printer: String, status: PrinterStatus },
    #[error("{0}")]
    Spec(#[from] SpecError),
    /// The till stopped before this paper printed; one that opens the drawer is not sent again
    /// on its own.
    #[error("the till restarted before this printed")]
    Restarted,
}

/// Something that takes a whole print job.
pub trait Transport: Send {
    fn send(&mut self, bytes: &[u8]) -> Result<(), PrintError>;

    /// Asks the printer how it is; `Ok(None)` when this connection cannot tell.
    fn status(&mut self) -> Result<Option<PrinterStatus>, PrintError>;
}

/// Sends a job: checks the printer is ready, writes the bytes, and checks again (a printer that
/// ran out of paper or was unplugged mid-job fails the job, so it can be printed again).
pub fn print(spec: &PrinterSpec, bytes: &[u8]) -> Result<Option<PrinterStatus>, PrintError> {
    let mut transport = open(spec)?;
    let printer = spec.to_string();
    let not_ready = |status: PrinterStatus| PrintError::NotReady { printer: printer.clone(), status };
    if let Some(status) = transport.status()?
        && !status.ready()
    {
        return Err(not_ready(status));
    }
    transport.send(bytes)?;
    match transport.status()? {
        Some(status) if !status.ready() => Err(not_ready(status)),
        status => Ok(status),
    }
}

pub fn open(spec: &PrinterSpec) -> Result<Box<dyn Transport>, PrintError> {
    let printer = spec.to_string();
    let unreachable = |reason: Cause| PrintError::Unreachable { printer: printer.clone(), reason };
    Ok(match spec {
        PrinterSpec::File(path) => {
            // A folder that is not there is a mistyped path: said, never made.
            let file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .map_err(|e| unreachable(Cause::io(&e)))?;
            Box::new(Device { printer, io: DeviceIo::File(file), status: false })
        }
        PrinterSpec::Usb { path, status } => {
            let file = std::fs::OpenOptions::new()
                .read(*status)
                .write(true)
                .open(path)
                .map_err(|e| unreachable(Cause::io(&e)))?;
            Box::new(Device { printer, io: DeviceIo::File(file), status: *status })
        }
        PrinterSpec::Serial { path, baud, flow, status } => {
            let port = serialport::new(path, *baud)
                .data_bits(serialport::DataBits::Eight)
                .parity(serialport::Parity::None)
                .stop_bits(serialport::StopBits::One)
                .flow_control(match flow {
                    Flow::None => serialport::FlowControl::None,
                    Flow::RtsCts => serialport::FlowControl::Hardware,
                    Flow::XonXoff => serialport::FlowControl::Software,
                })
                .timeout(WRITE_TIMEOUT)
                .open()
                .map_err(|e| unreachable(Cause::serial(&e)))?;
            Box::new(Device { printer, io: DeviceIo::Serial(port), status: *status })
        }
        PrinterSpec::Tcp { host, port, status } => {
            let addr = (host.as_str(), *port)
                .to_socket_addrs()
                .map_err(|_| unreachable(Cause::NoAddress))?
                .next()
                .ok_or_else(|| unreachable(Cause::NoAddress))?;
            let stream = TcpStream::connect_timeout(&addr, CONNECT_TIMEOUT).map_err(|e| unreachable(Cause::io(&e)))?;
            stream.set_write_timeout(Some(WRITE_TIMEOUT)).map_err(|e| unreachable(Cause::io(&e)))?;
            stream.set_nodelay(true).map_err(|e| unreachable(Cause::io(&e)))?;
            Box::new(Device { printer, io: DeviceIo::Tcp(stream), status: *status })
        }
    })
}

enum DeviceIo {
    File(std::fs::File),
    Serial(Box<dyn serialport::SerialPort>),
    Tcp(TcpStream),
}

struct Device {
    printer: String,
    io: DeviceIo,
    status: bool,
}

impl Device {
    fn writer(&mut self) -> &mut dyn Write {
        match &mut self.io {
            DeviceIo::File(f) => f,
            DeviceIo::Serial(p) => p,
            DeviceIo::Tcp(s) => s,
        }
    }

    /// Reads one status byte, or `None` if the printer stays silent.
    fn read_reply(&mut self) -> Result<Option<u8>, PrintError> {
        let deadline = Instant::now() + STATUS_TIMEOUT;
        let mut byte = [0u8; 1];
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(None);
            }
            let read = match &mut self.io {
                DeviceIo::Serial(p) => {
                    let _ = p.set_timeout(left);
                    p.read(&mut byte)
                }
                DeviceIo::Tcp(s) => {
                    let _ = s.set_read_timeout(Some(left));
                    s.read(&mut byte)
                }
                DeviceIo::File(f) => f.read(&mut byte),
            };
            match read {
                Ok(1) => return Ok(Some(byte[0])),
                Ok(_) => {
                    if matches!(self.io, DeviceIo::File(_)) {
                        std::thread::sleep(Duration::from_millis(20));
                        continue;
                    }
                    return Err(PrintError::Interrupted { printer: self.printer.clone(), reason: Cause::Closed });
                }
                Err(e) if matches!(e.kind(), std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock) => {
                    return Ok(None);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(PrintError::Interrupted { printer: self.printer.clone(), reason: Cause::io(&e) }),
            }
        }
    }
}

impl Transport for Device {
    fn send(&mut self, bytes: &[u8]) -> Result<(), PrintError> {
        let printer = self.printer.clone();
        let w = self.writer();
        // Small pieces, so a printer pulled mid-job is noticed at the next piece.
        for chunk in bytes.chunks(256) {
            w.write_all(chunk)
                .map_err(|e| PrintError::Interrupted { printer: printer.clone(), reason: Cause::io(&e) })?;
        }
        w.flush().map_err(|e| PrintError::Interrupted { printer: printer.clone(), reason: Cause::io(&e) })?;
        if let DeviceIo::File(f) = &self.io {
            f.sync_data().map_err(|e| PrintError::Interrupted { printer, reason: Cause::io(&e) })?;
        }
        Ok(())
    }

    fn status(&mut self) -> Result<Option<PrinterStatus>, PrintError> {
        if !self.status {
            return Ok(None);
        }
        if let DeviceIo::Serial(p) = &mut self.io {
            let _ = p.clear(serialport::ClearBuffer::Input);
        }
        let mut replies = [0u8; 3];
        for (slot, n) in replies.iter_mut().zip([1, 2, 4]) {
            let printer = self.printer.clone();
            self.writer()
                .write_all(&status_request(n))
                .and_then(|()| self.writer().flush())
                .map_err(|e| PrintError::Interrupted { printer, reason: Cause::io(&e) })?;
            *slot = self.read_reply()?.ok_or_else(|| PrintError::NoAnswer { printer: self.printer.clone() })?;
        }
        PrinterStatus::from_replies(replies[0], replies[1], replies[2])
            .map(Some)
            .ok_or_else(|| PrintError::NoAnswer { printer: self.printer.clone() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_read_and_write_back() {
        let check = |text: &str, expected: PrinterSpec| {
            let spec: PrinterSpec = text.parse().unwrap();
            assert_eq!(spec, expected, "{text}");
            assert_eq!(spec.to_string().parse::<PrinterSpec>().unwrap(), expected);
        };
        check(
            "serial:/dev/ttyUSB0?baud=19200&flow=rtscts",
            PrinterSpec::Serial { path: "/dev/ttyUSB0".into(), baud: 19200, flow: Flow::RtsCts, status: true },
        );
        check(
            "serial:/dev/ttyS0",
            PrinterSpec::Serial { path: "/dev/ttyS0".into(), baud: 9600, flow: Flow::None, status: true },
        );
        check("usb:/dev/usb/lp0", PrinterSpec::Usb { path: "/dev/usb/lp0".into(), status: false });
        check("tcp:192.168.0.50:9100", PrinterSpec::Tcp { host: "192.168.0.50".into(), port: 9100, status: true });
        check("tcp:[::1]:9100", PrinterSpec::Tcp { host: "::1".into(), port: 9100, status: true });
        check("tcp:[fe80::1]", PrinterSpec::Tcp { host: "fe80::1".into(), port: 9100, status: true });
        check(
            "tcp:printer.local?status=off",
            PrinterSpec::Tcp { host: "printer.local".into(), port: 9100, status: false },
        );
        check("file:/tmp/out.bin", PrinterSpec::File("/tmp/out.bin".into()));
        for bad in [
            "lpt:1",
            "serial:",
            "serial:/dev/x?baud=fast",
            "serial:/dev/x?flow=dtr",
            "tcp:host:port",
            "usb:/x?speed=1",
            "nothing",
        ] {
            assert!(bad.parse::<PrinterSpec>().is_err(), "{bad}");
        }
    }

    #[test]
    fn status_bytes() {
        assert_eq!(PrinterStatus::from_replies(0x12, 0x12, 0x12), Some(PrinterStatus::default()));
        let paper_out = PrinterStatus::from_replies(0x12, 0x12, 0x72).unwrap();
        assert!(paper_out.paper_out && !paper_out.ready());
        let cover = PrinterStatus::from_replies(0x1A, 0x16, 0x12).unwrap();
        assert!(cover.offline && cover.cover_open);
        assert_eq!(PrinterStatus::from_replies(0x00, 0x12, 0x12), None);
    }
}
