//! Device settings, for managers: which receipt printer (and how it is wired), the paper width
//! and drawer, the tag printer, and the serial scanner. Ports come from the list the system
//! reports, or can be typed. A test page, a test tag and the drawer can be tried from here, and
//! a "scan something now" box shows the bytes the scanner sends. Saving writes `config.toml`
//! and takes effect at once.

use std::fmt;

use chrono::{DateTime, FixedOffset};
use iced::Task;

use crate::config::{Config, LabelLanguage, Paths};
use crate::domain::{IsoWeek, PriceTag, Won};
use crate::hardware::PrinterSpec;
use crate::hardware::queue::{JobId, JobState, JobView, Paper};
use crate::hardware::render;
use crate::hardware::scanner::{DropReason, Suffix};
use crate::hardware::selftest::self_test;
use crate::hardware::tags::TagLabel;
use crate::hardware::transport::Flow;
use crate::{explain, t};

mod view;

const BAUDS: [u32; 6] = [4800, 9600, 19200, 38400, 57600, 115200];
const RAW_SHOWN: usize = 48;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connection {
    File,
    Serial,
    Usb,
    Tcp,
}

impl fmt::Display for Connection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            Connection::File => t!("devices-conn-file"),
            Connection::Serial => t!("devices-conn-serial"),
            Connection::Usb => t!("devices-conn-usb"),
            Connection::Tcp => t!("devices-conn-tcp"),
        })
    }
}

/// A choice shown in a list with its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice<T>(pub T);

impl fmt::Display for Choice<Flow> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self.0 {
            Flow::None => t!("devices-flow-none"),
            Flow::RtsCts => "RTS/CTS".into(),
            Flow::XonXoff => "XON/XOFF".into(),
        })
    }
}

impl fmt::Display for Choice<Suffix> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self.0 {
            Suffix::Cr => "CR".into(),
            Suffix::Lf => "LF".into(),
            Suffix::Crlf => "CR+LF".into(),
            Suffix::Tab => "Tab".into(),
            Suffix::None => t!("devices-suffix-none"),
        })
    }
}

impl fmt::Display for Choice<usize> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let paper = if self.0 <= 32 { "58" } else { "80" };
        f.write_str(&t!("devices-paper", mm = paper, columns = self.0))
    }
}

impl fmt::Display for Choice<u8> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&t!("devices-pin", pin = self.0))
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Connection(Connection),
    Target(String),
    PickPort(String),
    Baud(u32),
    Flow(Choice<Flow>),
    AskStatus(bool),
    Columns(Choice<usize>),
    DrawerPin(Choice<u8>),
    Pulse(String),
    ScannerPort(String),
    PickScanner(String),
    ScannerBaud(u32),
    Suffix(Choice<Suffix>),
    StxEtx(bool),
    Debounce(String),
    LabelSpec(String),
    Zpl(bool),
    Rescan,
    PortsFound(Vec<String>),
    Save,
    TestPrint,
    TestTag,
    OpenDrawer,
    Close,
}

pub enum Action {
    None,
    Run(Task<Message>),
    Save(Box<Config>),
    /// Send a test paper through the print queue (to the printer being tried).
    Test(Paper),
    OpenDrawer,
    Close,
}

pub struct Devices {
    base: Config,
    paths: Paths,
    store_name: String,
    now: DateTime<FixedOffset>,
    connection: Connection,
    target: String,
    baud: u32,
    flow: Flow,
    ask_status: bool,
    columns: usize,
    drawer_pin: u8,
    pulse: String,
    ports: Vec<String>,
    scanner_port: String,
    scanner_baud: u32,
    suffix: Suffix,
    stx_etx: bool,
    debounce: String,
    label_spec: String,
    zpl: bool,
    raw: Vec<u8>,
    last_scan: Option<String>,
    dropped: Option<DropReason>,
    notice: Option<(String, bool)>,
    /// The test paper being printed, followed in the print queue.
    testing: Option<JobId>,
    finding_ports: bool,
}

/// Serial ports the system reports, and USB printer devices. It reads the system's device
/// lists, so the screen asks for it off the UI thread.
pub fn detect_ports() -> Vec<String> {
    let mut ports: Vec<String> =
        serialport::available_ports().unwrap_or_default().into_iter().map(|p| p.port_name).collect();
    if let Ok(entries) = std::fs::read_dir("/dev/usb") {
        ports.extend(
            entries
                .flatten()
                .map(|e| e.path().display().to_string())
                .filter(|p| p.rsplit('/').next().is_some_and(|n| n.starts_with("lp"))),
        );
    }
    ports.sort();
    ports
}

impl Devices {
    /// The language changed: what was said in the other one goes (the screen draws the rest
    /// in the new language).
    pub fn language_changed(&mut self) {
        self.notice = None;
    }

    pub fn new(
        config: &Config,
        paths: &Paths,
        store_name: String,
        now: DateTime<FixedOffset>,
    ) -> (Devices, Task<Message>) {
        let printer = &config.printer;
        let (connection, target, baud, flow, ask_status) = match printer.spec.parse::<PrinterSpec>() {
            Ok(PrinterSpec::File(path)) => (Connection::File, path.display().to_string(), 9600, Flow::None, false),
            Ok(PrinterSpec::Serial { path, baud, flow, status }) => (Connection::Serial, path, baud, flow, status),
            Ok(PrinterSpec::Usb { path, status }) => {
                (Connection::Usb, path.display().to_string(), 9600, Flow::None, status)
            }
            Ok(PrinterSpec::Tcp { host, port, status }) => {
                (Connection::Tcp, format!("{host}:{port}"), 9600, Flow::None, status)
            }
            Err(_) => (Connection::File, String::new(), 9600, Flow::None, false),
        };
        let scanner = &config.scanner.serial;
        let devices = Devices {
            base: config.clone(),
            paths: paths.clone(),
            store_name,
            now,
            connection,
            target,
            baud,
            flow,
            ask_status,
            columns: printer.columns,
            drawer_pin: printer.drawer_pin,
            pulse: printer.drawer_pulse_ms.to_string(),
            ports: Vec::new(),
            scanner_port: scanner.port.clone(),
            scanner_baud: scanner.baud,
            suffix: scanner.framing.suffix,
            stx_etx: scanner.framing.stx_etx,
            debounce: scanner.debounce_ms.to_string(),
            label_spec: config.labels.spec.clone(),
            zpl: config.labels.language == LabelLanguage::Zpl,
            raw: Vec::new(),
            last_scan: None,
            dropped: None,
            notice: None,
            testing: None,
            finding_ports: true,
        };
        (devices, find_ports())
    }

    /// Bytes the scanner just sent, for the test box.
    pub fn raw(&mut self, bytes: &[u8]) {
        self.raw.extend_from_slice(bytes);
        let extra = self.raw.len().saturating_sub(RAW_SHOWN);
        self.raw.drain(..extra);
    }

    pub fn scanned(&mut self, code: &str) {
        self.last_scan = Some(code.to_string());
        self.dropped = None;
    }

    pub fn dropped(&mut self, reason: DropReason) {
        self.dropped = Some(reason);
    }

    /// The test paper went to the print queue as `job`.
    pub fn testing(&mut self, job: JobId) {
        self.testing = Some(job);
        self.notice = Some((t!("devices-testing"), false));
    }

    /// The test paper being followed, if any.
    pub fn test_job(&self) -> Option<JobId> {
        self.testing
    }

    /// How the test paper is doing, from the print queue.
    pub fn test_state(&mut self, job: Option<JobView>) {
        let Some(job) = job else { return };
        let outcome = match job.state {
            JobState::Waiting | JobState::Printing => return,
            JobState::Printed => (t!("devices-test-ok"), false),
            JobState::Failed(e) => (explain::print_error(&e), true),
        };
        self.notice = Some(outcome);
        self.testing = None;
    }

    pub fn saved(&mut self, ok: bool) {
        if ok {
            self.notice = Some((t!("devices-saved"), false));
        }
    }

    fn printer_spec(&self) -> String {
        let target = self.target.trim();
        match self.connection {
            Connection::File if target.is_empty() => String::new(),
            Connection::File => format!("file:{target}"),
            Connection::Serial => {
                let status = if self.ask_status { "" } else { "&status=off" };
                format!("serial:{target}?baud={}&flow={}{status}", self.baud, self.flow.as_str())
            }
            Connection::Usb => format!("usb:{target}{}", if self.ask_status { "?status=on" } else { "" }),
            Connection::Tcp => format!("tcp:{target}{}", if self.ask_status { "" } else { "?status=off" }),
        }
    }

    /// The settings on screen, checked.
    fn config(&self) -> Result<Config, String> {
        let mut config = self.base.clone();
        let spec = self.printer_spec();
        if !spec.is_empty() {
            spec.parse::<PrinterSpec>().map_err(|e| explain::spec_error(&e))?;
        }
        config.printer.spec = spec;
        config.printer.columns = self.columns;
        config.printer.drawer_pin = self.drawer_pin;
        config.printer.drawer_pulse_ms = match self.pulse.trim().parse() {
            Ok(ms) if (10..=500).contains(&ms) => ms,
            _ => return Err(t!("devices-bad-pulse")),
        };
        let scanner = &mut config.scanner.serial;
        scanner.port = self.scanner_port.trim().to_string();
        scanner.baud = self.scanner_baud;
        scanner.framing.suffix = self.suffix;
        scanner.framing.stx_etx = self.stx_etx;
        scanner.debounce_ms = match self.debounce.trim().parse() {
            Ok(ms) if ms <= 5000 => ms,
            _ => return Err(t!("devices-bad-debounce")),
        };
        let label = self.label_spec.trim();
        if !label.is_empty() {
            label.parse::<PrinterSpec>().map_err(|e| explain::spec_error(&e))?;
        }
        config.labels.spec = label.to_string();
        config.labels.language = if self.zpl { LabelLanguage::Zpl } else { LabelLanguage::Escpos };
        Ok(config)
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Connection(c) => self.connection = c,
            Message::Target(t) | Message::PickPort(t) => self.target = t,
            Message::Baud(b) => self.baud = b,
            Message::Flow(Choice(f)) => self.flow = f,
            Message::AskStatus(on) => self.ask_status = on,
            Message::Columns(Choice(c)) => self.columns = c,
            Message::DrawerPin(Choice(p)) => self.drawer_pin = p,
            Message::Pulse(p) => self.pulse = p,
            Message::ScannerPort(p) | Message::PickScanner(p) => self.scanner_port = p,
            Message::ScannerBaud(b) => self.scanner_baud = b,
            Message::Suffix(Choice(s)) => self.suffix = s,
            Message::StxEtx(on) => self.stx_etx = on,
            Message::Debounce(d) => self.debounce = d,
            Message::LabelSpec(s) => self.label_spec = s,
            Message::Zpl(on) => self.zpl = on,
            Message::Rescan => {
                self.finding_ports = true;
                return Action::Run(find_ports());
            }
            Message::PortsFound(ports) => {
                self.ports = ports;
                self.finding_ports = false;
            }
            Message::Close => return Action::Close,
            Message::Save => match self.config() {
                Ok(config) => return Action::Save(Box::new(config)),
                Err(problem) => self.notice = Some((problem, true)),
            },
            Message::OpenDrawer => return Action::OpenDrawer,
            Message::TestPrint | Message::TestTag => {
                let config = match self.config() {
                    Ok(config) => config,
                    Err(problem) => {
                        self.notice = Some((problem, true));
                        return Action::None;
                    }
                };
                let job = if matches!(message, Message::TestPrint) {
                    self.test_page(&config)
                } else {
                    self.test_tag(&config)
                };
                return match job {
                    Ok(paper) => Action::Test(paper),
                    Err(problem) => {
                        self.notice = Some((problem, true));
                        Action::None
                    }
                };
            }
        }
        Action::None
    }

    fn test_page(&self, config: &Config) -> Result<Paper, String> {
        let spec = config.printer.spec(&self.paths).map_err(|e| explain::spec_error(&e))?;
        let doc = self_test(Some(&self.store_name), &spec.to_string(), config.printer.columns, self.now);
        let bytes = render(&doc, &config.printer.profile()).map_err(|e| render_problem(&e))?.bytes;
        Ok(Paper { title: t!("job-test"), bytes, opens_drawer: false, printer: Some(spec), receipt_of: None })
    }

    fn test_tag(&self, config: &Config) -> Result<Paper, String> {
        let week = IsoWeek::of(self.now.date_naive());
        let label = TagLabel {
            code: PriceTag::new(1, Won::new(5000), week).map(|t| t.code()).unwrap_or_default(),
            name: t!("devices-sample-tag"),
            price: Won::new(5000),
            colour: None,
            note: week.to_string(),
        };
        crate::ui::tags::tag_paper(config, &self.paths, &label, 1)
    }
}

/// Looks for ports on a thread of its own: listing the system's devices can take a while.
fn find_ports() -> Task<Message> {
    Task::perform(crate::ui::off_thread(|| Ok::<_, String>(detect_ports())), |found| {
        Message::PortsFound(found.unwrap_or_default())
    })
}

fn render_problem(e: &crate::hardware::escpos::RenderError) -> String {
    tracing::error!("{e}");
    t!("cli-render-failed")
}
