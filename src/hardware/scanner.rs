//! Barcode scanners on a serial port (RS-232 or USB virtual COM).
//!
//! Bytes arrive in whatever pieces the port hands over. The [`Framer`] puts them back together
//! into scans by the scanner's framing (a suffix such as CR, optional STX/ETX, or silence for
//! scanners that send no suffix), and drops noise and over-long reads with a log line. The
//! [`Debounce`] drops the same code read twice in a moment. [`read_loop`] runs all of it on its
//! own thread, reports when the scanner is unplugged and picks it up again when it comes back.

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::cause::Cause;

const STX: u8 = 0x02;
const ETX: u8 = 0x03;

/// What the scanner sends after each code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Suffix {
    #[default]
    Cr,
    Lf,
    Crlf,
    Tab,
    /// Nothing: a code ends when the scanner goes quiet.
    None,
}

impl Suffix {
    fn ends_frame(self, b: u8) -> bool {
        match self {
            // A scanner set to CR that sends CRLF (or the other way round) still works: the
            // empty frame between CR and LF is skipped.
            Suffix::Cr | Suffix::Lf | Suffix::Crlf => b == b'\r' || b == b'\n',
            Suffix::Tab => b == b'\t',
            Suffix::None => false,
        }
    }

    pub const ALL: [Suffix; 5] = [Suffix::Cr, Suffix::Lf, Suffix::Crlf, Suffix::Tab, Suffix::None];

    pub fn as_str(self) -> &'static str {
        match self {
            Suffix::Cr => "cr",
            Suffix::Lf => "lf",
            Suffix::Crlf => "crlf",
            Suffix::Tab => "tab",
            Suffix::None => "none",
        }
    }
}

/// How one scanner frames its codes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Framing {
    pub suffix: Suffix,
    /// Each code comes between STX (0x02) and ETX (0x03).
    pub stx_etx: bool,
    /// Silence that ends a code when there is no suffix, in milliseconds.
    pub idle_ms: u64,
    /// Longer reads are noise (two codes run together, a cable fault).
    pub max_len: usize,
}

impl Default for Framing {
    fn default() -> Framing {
        Framing { suffix: Suffix::Cr, stx_etx: false, idle_ms: 80, max_len: 64 }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameEvent {
    Scan(String),
    Dropped { reason: DropReason, bytes: Vec<u8> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropReason {
    /// Characters no barcode holds (control bytes, line noise).
    Noise,
    TooLong,
    /// The scanner went quiet before the end of the code.
    Incomplete,
    /// Bytes outside STX … ETX.
    OutsideFrame,
}

/// Reassembles scans from the pieces a port delivers.
#[derive(Debug, Clone)]
pub struct Framer {
    framing: Framing,
    buf: Vec<u8>,
    /// Inside STX … ETX (only with `stx_etx`).
    in_frame: bool,
    too_long: bool,
    last_byte: Option<Instant>,
}

impl Framer {
    pub fn new(framing: Framing) -> Framer {
        Framer { framing, buf: Vec::new(), in_frame: false, too_long: false, last_byte: None }
    }

    pub fn push(&mut self, bytes: &[u8], now: Instant) -> Vec<FrameEvent> {
        let mut out = Vec::new();
        // A long pause inside a code means the rest is not coming.
        if !bytes.is_empty() {
            out.extend(self.idle(now));
        }
        for &b in bytes {
            self.byte(b, &mut out);
        }
        if !bytes.is_empty() {
            self.last_byte = Some(now);
        }
        out
    }

    fn byte(&mut self, b: u8, out: &mut Vec<FrameEvent>) {
        if self.framing.stx_etx {
            match b {
                STX => {
                    if !self.buf.is_empty() {
                        let bytes = std::mem::take(&mut self.buf);
                        out.push(FrameEvent::Dropped { reason: DropReason::OutsideFrame, bytes });
                    }
                    self.in_frame = true;
                    self.too_long = false;
                    return;
                }
                ETX if self.in_frame => {
                    self.in_frame = false;
                    self.finish(out);
                    return;
                }
                _ if !self.in_frame => {
                    // The suffix after ETX is expected; anything else is stray.
                    if !self.framing.suffix.ends_frame(b) && b != b'\r' && b != b'\n' {
                        self.buf.push(b);
                    } else if !self.buf.is_empty() {
                        let bytes = std::mem::take(&mut self.buf);
                        out.push(FrameEvent::Dropped { reason: DropReason::OutsideFrame, bytes });
                    }
                    return;
                }
                _ => {}
            }
        } else if self.framing.suffix.ends_frame(b) {
            self.finish(out);
            return;
        }
        if self.buf.len() >= self.framing.max_len {
            self.too_long = true;
        }
        self.buf.push(b);
    }

    fn finish(&mut self, out: &mut Vec<FrameEvent>) {
        let bytes = std::mem::take(&mut self.buf);
        let too_long = std::mem::take(&mut self.too_long);
        if too_long {
            out.push(FrameEvent::Dropped { reason: DropReason::TooLong, bytes });
            return;
        }
        let printable = bytes.iter().all(|b| (0x20..0x7F).contains(b));
        if !printable {
            out.push(FrameEvent::Dropped { reason: DropReason::Noise, bytes });
            return;
        }
        let text = String::from_utf8_lossy(&bytes).trim().to_string();
        if !text.is_empty() {
            out.push(FrameEvent::Scan(text));
        }
    }

    /// Called when the port has been quiet: ends a suffix-less code, or drops a code whose end
    /// never came.
    pub fn idle(&mut self, now: Instant) -> Vec<FrameEvent> {
        let mut out = Vec::new();
        let quiet = Duration::from_millis(self.framing.idle_ms.max(1));
        let Some(last) = self.last_byte else { return out };
        if now.duration_since(last) < quiet || (self.buf.is_empty() && !self.in_frame) {
            return out;
        }
        if self.framing.suffix == Suffix::None && !self.framing.stx_etx {
            self.finish(&mut out);
        } else if now.duration_since(last) >= quiet * 4 {
            // Scanners send a whole code in a few milliseconds; this much silence means the end
            // of the code was lost.
            let bytes = std::mem::take(&mut self.buf);
            self.in_frame = false;
            self.too_long = false;
            if !bytes.is_empty() {
                out.push(FrameEvent::Dropped { reason: DropReason::Incomplete, bytes });
            }
        }
        out
    }
}

/// Drops a code read again within `window` of the same code (a scanner that double-reads).
#[derive(Debug, Clone)]
pub struct Debounce {
    window: Duration,
    last: Option<(String, Instant)>,
}

impl Debounce {
    pub fn new(window: Duration) -> Debounce {
        Debounce { window, last: None }
    }

    /// Whether `code` read at `now` is a new scan.
    pub fn accept(&mut self, code: &str, now: Instant) -> bool {
        let repeat = self.last.as_ref().is_some_and(|(last, at)| last == code && now.duration_since(*at) < self.window);
        self.last = Some((code.to_string(), now));
        !repeat
    }
}

/// Where and how to read a serial scanner.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct ScannerSettings {
    /// The serial port; empty when the store uses a keyboard-wedge scanner only.
    pub port: String,
    pub baud: u32,
    #[serde(flatten)]
    pub framing: Framing,
    /// The same code again within this many milliseconds is a double read.
    pub debounce_ms: u64,
}

impl Default for ScannerSettings {
    fn default() -> ScannerSettings {
        ScannerSettings { port: String::new(), baud: 9600, framing: Framing::default(), debounce_ms: 300 }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScannerEvent {
    Connected {
        port: String,
    },
    Disconnected {
        port: String,
        reason: Cause,
    },
    /// Bytes as they came off the wire, for the device test screen.
    Raw(Vec<u8>),
    Scan(String),
    Dropped(DropReason),
}

/// Reads the scanner until `emit` returns false (nobody is listening any more). Opening and
/// reading failures are reported once per outage, and the port is tried again every second.
pub fn read_loop(settings: &ScannerSettings, mut emit: impl FnMut(ScannerEvent) -> bool) {
    let retry = Duration::from_millis(500);
    let mut reported_down = false;
    loop {
        let opened = serialport::new(&settings.port, settings.baud)
            .data_bits(serialport::DataBits::Eight)
            .parity(serialport::Parity::None)
            .stop_bits(serialport::StopBits::One)
            .flow_control(serialport::FlowControl::None)
            .timeout(Duration::from_millis(20))
            .open();
        let mut port = match opened {
            Ok(port) => port,
            Err(e) => {
                if !reported_down {
                    tracing::warn!(port = %settings.port, "scanner not available: {e}");
                    reported_down = true;
                    if !emit(ScannerEvent::Disconnected { port: settings.port.clone(), reason: Cause::serial(&e) }) {
                        return;
                    }
                } else if !emit(ScannerEvent::Raw(Vec::new())) {
                    return; // a heartbeat that only checks someone still listens
                }
                std::thread::sleep(retry);
                continue;
            }
        };
        tracing::info!(port = %settings.port, "scanner connected");
        if !emit(ScannerEvent::Connected { port: settings.port.clone() }) {
            return;
        }
        let reason = match read_port(&mut *port, settings, &mut emit) {
            Some(reason) => reason,
            None => return,
        };
        tracing::warn!(port = %settings.port, "scanner disconnected: {reason}");
        reported_down = true;
        if !emit(ScannerEvent::Disconnected { port: settings.port.clone(), reason }) {
            return;
        }
        std::thread::sleep(retry);
    }
}

/// Reads one connection until it fails (returning why) or nobody listens (`None`).
fn read_port(
    port: &mut dyn serialport::SerialPort,
    settings: &ScannerSettings,
    emit: &mut impl FnMut(ScannerEvent) -> bool,
) -> Option<Cause> {
    let mut framer = Framer::new(settings.framing.clone());
    let mut debounce = Debounce::new(Duration::from_millis(settings.debounce_ms));
    let mut buf = [0u8; 256];
    let mut last_check = Instant::now();
    loop {
        let events = match port.read(&mut buf) {
            Ok(0) => return Some(Cause::Closed),
            Ok(n) => {
                if !emit(ScannerEvent::Raw(buf[..n].to_vec())) {
                    return None;
                }
                framer.push(&buf[..n], Instant::now())
            }
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut || e.kind() == std::io::ErrorKind::WouldBlock => {
                framer.idle(Instant::now())
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Some(Cause::io(&e)),
        };
        for event in events {
            let sent = match event {
                FrameEvent::Scan(code) if debounce.accept(&code, Instant::now()) => emit(ScannerEvent::Scan(code)),
                FrameEvent::Scan(code) => {
                    tracing::debug!(code, "double read dropped");
                    true
                }
                FrameEvent::Dropped { reason, bytes } => {
                    tracing::info!(?reason, ?bytes, "scanner read dropped");
                    emit(ScannerEvent::Dropped(reason))
                }
            };
            if !sent {
                return None;
            }
        }
        // A listener that went away is noticed within a second even when nobody scans.
        if last_check.elapsed() > Duration::from_secs(1) {
            last_check = Instant::now();
            if !emit(ScannerEvent::Raw(Vec::new())) {
                return None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scans(framing: Framing, pieces: &[&[u8]]) -> Vec<FrameEvent> {
        let mut framer = Framer::new(framing);
        let start = Instant::now();
        let mut out = Vec::new();
        for (i, piece) in pieces.iter().enumerate() {
            out.extend(framer.push(piece, start + Duration::from_millis(i as u64)));
        }
        out.extend(framer.idle(start + Duration::from_secs(5)));
        out
    }

    fn scan(s: &str) -> FrameEvent {
        FrameEvent::Scan(s.into())
    }

    #[test]
    fn reassembles_split_reads() {
        let cr = Framing::default();
        assert_eq!(
            scans(cr.clone(), &[b"P0120003", b"50026267\rI0010", b"00123454\r"]),
            [scan("P012000350026267"), scan("I001000123454")]
        );
        assert_eq!(scans(cr, &[b"8801234567893\r\n"]), [scan("8801234567893")]);
    }

    #[test]
    fn stx_etx_frames_and_stray_bytes() {
        let framing = Framing { stx_etx: true, ..Framing::default() };
        assert_eq!(scans(framing.clone(), &[b"\x02ABC", b"-123\x03\r"]), [scan("ABC-123")]);
        let events = scans(framing, &[b"zz\x02CODE\x03"]);
        assert_eq!(events[1], scan("CODE"));
        assert!(matches!(events[0], FrameEvent::Dropped { reason: DropReason::OutsideFrame, .. }));
    }

    #[test]
    fn silence_ends_a_code_without_suffix() {
        let none = Framing { suffix: Suffix::None, ..Framing::default() };
        assert_eq!(scans(none, &[b"NOSUF", b"FIX"]), [scan("NOSUFFIX")]);
    }

    #[test]
    fn noise_and_over_long_reads_are_dropped() {
        let events = scans(Framing::default(), &[b"AB\x07C\r", &[b'9'; 70], b"\r", b"OK\r"]);
        assert!(matches!(events[0], FrameEvent::Dropped { reason: DropReason::Noise, .. }));
        assert!(matches!(events[1], FrameEvent::Dropped { reason: DropReason::TooLong, .. }));
        assert_eq!(events[2], scan("OK"));
        let incomplete = scans(Framing::default(), &[b"P0120"]);
        assert!(matches!(incomplete[..], [FrameEvent::Dropped { reason: DropReason::Incomplete, .. }]));
    }

    #[test]
    fn double_reads_inside_the_window_are_dropped() {
        let mut d = Debounce::new(Duration::from_millis(300));
        let t = Instant::now();
        assert!(d.accept("A", t));
        assert!(!d.accept("A", t + Duration::from_millis(100)));
        assert!(d.accept("B", t + Duration::from_millis(150)));
        assert!(d.accept("A", t + Duration::from_millis(200)));
        assert!(d.accept("A", t + Duration::from_millis(900)));
    }
}
