//! The till application: which screen is showing, who is on duty, the clock, the devices
//! (print queue, scanner), the window's size and the status bar. Screens do the work; this
//! routes messages, acts on what screens ask for, and sends scans to whichever screen wants
//! them. Nothing here waits: writes go to the store's worker, papers to the print queue.

use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, FixedOffset, Local};
use iced::{Size, Subscription, Task, Theme, window};

mod fit;
mod hotkeys;
mod navigation;
mod screens;
mod serial_scanner;
mod status;
mod sync;
mod view;

pub use fit::{fit_window, measure_window};
pub use hotkeys::Hotkey;
use navigation::Needs;
pub use sync::SyncMessage;

use super::layout::Layout;
use super::screen::{
    Screen, audit, checkout, devices, floor, intake, login, pricing, reports, settings, staff, till, volunteers,
};
use super::wedge::Burst;
use super::{jobs, theme};
use crate::config::{Config, Paths};
use crate::domain::StaffMember;
use crate::hardware::queue::{JobId, Paper, PrintQueue};
use crate::hardware::scanner::ScannerEvent;
use crate::hardware::{Document, render};
use crate::i18n;
use crate::paper_log::{StorePaperLog, kept_papers};
use crate::store::{Store, StoreError, TillId, Worker};
use crate::{explain, t};

/// Where the app gets the time: the wall clock, or a fixed instant in tests.
pub type Clock = Arc<dyn Fn() -> DateTime<FixedOffset> + Send + Sync>;

pub fn wall_clock() -> Clock {
    Arc::new(|| Local::now().fixed_offset())
}

#[derive(Debug, Clone)]
pub enum Message {
    Login(login::Message),
    Checkout(checkout::Message),
    Devices(devices::Message),
    Till(till::Message),
    Audit(audit::Message),
    Intake(intake::Message),
    Pricing(pricing::Message),
    Floor(floor::Message),
    Volunteers(volunteers::Message),
    Reports(reports::Message),
    Settings(settings::Message),
    Staff(staff::Message),
    Jobs(jobs::Message),
    Tick,
    /// Sync with head office: the status bar's count, the manager's button, progress.
    Sync(SyncMessage),
    Hotkey(Hotkey),
    /// A key no field took, for spotting a keyboard-wedge scanner.
    /// Carries when the key came, not when `update` got to it.
    LooseKey(String, Instant),
    LooseEnter(Instant),
    Scanner(ScannerEvent),
    ToggleLanguage,
    SignOut,
    Saved(Result<(), StoreError>),
    OpenDevices,
    /// The till screen: open, count, cash in and out, X report, close.
    OpenTill,
    /// The audit log (managers).
    OpenAudit,
    /// The intake counter: donors and donations.
    OpenIntake,
    /// The pricing bench: tags.
    OpenPricing,
    /// The pull list and stock.
    OpenFloor,
    OpenVolunteers,
    OpenReports,
    /// 매장 설정 (managers).
    OpenSettings,
    /// A manager's 진단 정보 저장: what support needs, to a file in the data folder.
    SaveDiagnostics,
    DiagnosticsSaved(Result<std::path::PathBuf, String>),
    /// The work menu, and back from it to selling.
    OpenMenu,
    CloseMenu,
    ToggleJobs,
    /// The window's size changed (or was first measured).
    Resized(Size),
    /// The screen the window opened on, to fit the window to it.
    Monitor(window::Id, Option<Size>),
}

/// How the serial scanner is, for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScannerState {
    /// No serial scanner set up (a keyboard-wedge scanner needs none).
    None,
    Connected,
    Down,
}

pub struct App {
    /// The UI thread's connection, for point lookups (a scan's price, a sale to reprint).
    store: Store,
    /// Everything that writes, off the UI thread.
    worker: Worker,
    /// Long reads (reports, the sync status) on a connection and thread of their own: a
    /// year's report never holds up the next sale's commit behind it.
    reader: Worker,
    paths: Paths,
    config: Config,
    till: TillId,
    clock: Clock,
    now: DateTime<FixedOffset>,
    layout: Layout,
    screen: Screen,
    on_duty: Option<StaffMember>,
    queue: PrintQueue,
    scanner: ScannerState,
    /// Keys no field took, watched for a scanner's burst.
    loose_keys: Burst,
    jobs: Option<jobs::JobsPanel>,
    /// Something the manager should know that is not about the current screen (a bad config).
    notice: Option<String>,
    sync: sync::SyncState,
    /// The documents whose receipts were owed when the till started (it stopped before they
    /// printed): the checkout asks about them until each is printed or skipped.
    owed_at_start: std::collections::BTreeSet<i64>,
    /// A store just joined to head office, whose managers came from it: the first manager to
    /// sign in is taken to the device settings, as a store's own first manager is.
    devices_first: bool,
    /// Where the diagnostics were saved (or why not), until the menu is left.
    diagnostics: Option<Result<std::path::PathBuf, String>>,
}

impl App {
    /// The till on `store`: opens the worker's and the print queue's own connections, and
    /// brings back the papers that had not printed before the last stop.
    pub fn new(store: Store, paths: Paths, config: Config, clock: Clock) -> Result<(App, Task<Message>), StoreError> {
        i18n::set_language(config.ui.language);
        let now = clock();
        let till = config.till.till();
        let worker = Worker::start(store.reopen()?)?;
        let reader = Worker::start(store.reopen()?)?;
        let log = StorePaperLog::new(store.reopen()?, till.clone());
        let queue = PrintQueue::start(config.printer.spec(&paths), Some(Box::new(log)), kept_papers(&store, &till)?);
        let owed_at_start = store.owed_receipts(&till)?.into_iter().map(|o| o.sale_id).collect();
        let burst = Burst::new(config.scanner.wedge_gap_ms, config.scanner.wedge_min_len);
        let screen = Screen::Login(login::Login::new(&store, burst.clone(), now));
        let scanner = if config.scanner.serial.port.is_empty() { ScannerState::None } else { ScannerState::Down };
        let app = App {
            store,
            worker,
            reader,
            paths,
            config,
            till,
            clock,
            now,
            layout: Layout::default(),
            screen,
            on_duty: None,
            queue,
            scanner,
            loose_keys: burst,
            jobs: None,
            notice: None,
            sync: sync::SyncState::default(),
            diagnostics: None,
            owed_at_start,
            devices_first: false,
        };
        Ok((app, measure_window(Message::Monitor, Message::Resized)))
    }

    /// Head office's new markdowns, categories, staff or settings (brought by a sync, or changed
    /// at another till) are used from the next scan on, without a restart.
    fn see_reference_changes(&mut self) {
        match self.store.refresh() {
            Ok(false) => {}
            Ok(true) => {
                tracing::info!("the reference data changed: read again");
                let today = self.now.date_naive();
                match &mut self.screen {
                    Screen::Checkout(checkout) => checkout.reference_changed(&self.store, today),
                    Screen::Login(login) => login.reload(&self.store, self.now),
                    // The other screens read the store when they open.
                    _ => {}
                }
            }
            // Selling goes on with what was read before; the next look tries again.
            Err(e) => tracing::warn!("cannot read whether the reference data changed: {e}"),
        }
    }

    pub fn with_notice(mut self, notice: Option<String>) -> App {
        self.notice = notice;
        self
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The thread reports are read on (a test holds it up to show a sale does not wait).
    pub fn reader(&self) -> &Worker {
        &self.reader
    }

    pub fn queue(&self) -> &PrintQueue {
        &self.queue
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    pub fn clock(&self) -> Clock {
        self.clock.clone()
    }

    /// The first manager of a store just set up, signed in as they chose their PIN: on to the
    /// device settings, so the printer and scanner are tried before the first sale.
    /// The first manager who signs in goes to the device settings (a store joined to head office).
    pub fn devices_at_first_sign_in(mut self) -> App {
        self.devices_first = true;
        self
    }

    pub fn begin_with(&mut self, manager: StaffMember) -> Task<Message> {
        tracing::info!(staff = %manager.name, "first manager of a new store");
        self.on_duty = Some(manager);
        self.update(Message::OpenDevices)
    }

    pub fn on_duty(&self) -> Option<&StaffMember> {
        self.on_duty.as_ref()
    }

    pub fn scanner_state(&self) -> &ScannerState {
        &self.scanner
    }

    /// Where sync stands, as last read from the file.
    pub fn sync_status(&self) -> Option<&crate::store::SyncStatus> {
        self.sync.status.as_ref()
    }

    pub fn checkout(&self) -> Option<&checkout::Checkout> {
        match &self.screen {
            Screen::Checkout(c) => Some(c),
            _ => None,
        }
    }

    pub fn title(&self) -> String {
        format!("{} · {}", t!("app-title"), self.store.info().name)
    }

    pub fn theme(&self) -> Theme {
        theme::theme()
    }

    fn burst(&self) -> Burst {
        Burst::new(self.config.scanner.wedge_gap_ms, self.config.scanner.wedge_min_len)
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        let on_menu = matches!(self.screen, Screen::Menu);
        let task = self.handle(message);
        // What the last sync said belongs to the menu: it is gone once the menu is left.
        if on_menu && !matches!(self.screen, Screen::Menu) {
            self.sync_said_nothing();
        }
        task
    }

    fn handle(&mut self, message: Message) -> Task<Message> {
        self.now = (self.clock)();
        if matches!(message, Message::Tick | Message::Checkout(_) | Message::Login(_)) {
            self.see_reference_changes();
        }
        match message {
            Message::Tick => {
                match &mut self.screen {
                    Screen::Checkout(checkout) => {
                        if let Some(job) = checkout.receipt_job() {
                            checkout.print_state(self.queue.job(job));
                        }
                    }
                    Screen::Devices(devices) => {
                        if let Some(job) = devices.test_job() {
                            devices.test_state(self.queue.job(job));
                        }
                    }
                    Screen::Login(_)
                    | Screen::Till(_)
                    | Screen::Audit(_)
                    | Screen::Intake(_)
                    | Screen::Pricing(_)
                    | Screen::Floor(_)
                    | Screen::Volunteers(_)
                    | Screen::Reports(_)
                    | Screen::Settings(_)
                    | Screen::Staff(_)
                    | Screen::Menu => {}
                }
                self.sync_tick()
            }
            Message::Sync(message) => self.sync_update(message),
            Message::Login(message) => {
                let Screen::Login(login) = &mut self.screen else { return Task::none() };
                match login.update(message, &self.store, &self.worker, self.now) {
                    login::Action::None => Task::none(),
                    login::Action::Run(task) => task.map(Message::Login),
                    login::Action::SignedIn(member) => {
                        tracing::info!(staff = %member.name, "signed in");
                        let devices = self.devices_first && member.role == crate::domain::Role::Manager;
                        self.on_duty = Some(member);
                        if devices {
                            self.devices_first = false;
                            return self.update(Message::OpenDevices);
                        }
                        self.open_checkout()
                    }
                }
            }
            Message::Checkout(message) => self.checkout_update(|checkout, ctx| checkout.update(message, ctx)),
            Message::Devices(message) => self.devices_update(message),
            Message::Till(message) => self.till_update(message),
            Message::OpenTill => self.open_till(),
            Message::Audit(message) => {
                let Screen::Audit(screen) = &mut self.screen else { return Task::none() };
                let action = screen.update(message, &self.store);
                self.act(action, Message::Audit, App::open_checkout)
            }
            Message::OpenAudit => self.open_audit(),
            Message::Intake(message) => self.intake_update(message),
            Message::Pricing(message) => self.pricing_update(message),
            Message::Floor(message) => {
                let (Screen::Floor(screen), Some(staff)) = (&mut self.screen, &self.on_duty) else {
                    return Task::none();
                };
                let ctx = floor::Context { store: &self.store, worker: &self.worker, staff, now: self.now };
                let action = screen.update(message, ctx);
                self.act(action, Message::Floor, App::open_menu)
            }
            Message::Volunteers(message) => {
                let (Screen::Volunteers(screen), Some(staff)) = (&mut self.screen, &self.on_duty) else {
                    return Task::none();
                };
                let ctx = volunteers::Context { store: &self.store, worker: &self.worker, staff, now: self.now };
                let action = screen.update(message, ctx);
                self.act(action, Message::Volunteers, App::open_menu)
            }
            Message::Reports(message) => {
                let Screen::Reports(screen) = &mut self.screen else { return Task::none() };
                let action = screen.update(message, &self.reader, self.now.naive_local());
                self.act(action, Message::Reports, App::open_menu)
            }
            Message::OpenReports => {
                if !self.can_leave(Needs::Manager) {
                    return Task::none();
                }
                let folder = self.paths.data_dir.join("reports");
                let (screen, task) = reports::Reports::new(&self.reader, self.now.naive_local(), folder);
                self.screen = Screen::Reports(screen);
                task.map(Message::Reports)
            }
            Message::OpenVolunteers => {
                if !self.can_leave(Needs::Manager) {
                    return Task::none();
                }
                self.screen = Screen::Volunteers(volunteers::Volunteers::new(&self.store, self.now));
                Task::none()
            }
            Message::OpenFloor => {
                if !self.can_leave(Needs::Someone) {
                    return Task::none();
                }
                self.screen = Screen::Floor(floor::Floor::new(&self.store, self.now.date_naive()));
                Task::none()
            }
            Message::OpenMenu => self.open_menu(),
            Message::OpenSettings => {
                if !self.can_leave(Needs::Manager) {
                    return Task::none();
                }
                self.screen = Screen::Settings(settings::Settings::new(&self.store));
                Task::none()
            }
            Message::Staff(message) => {
                let (Screen::Staff(screen), Some(manager)) = (&mut self.screen, &self.on_duty) else {
                    return Task::none();
                };
                let ctx = staff::Context { store: &self.store, worker: &self.worker, staff: manager, now: self.now };
                let action = screen.update(message, ctx);
                self.act(action, Message::Staff, |app| app.update(Message::OpenSettings))
            }
            Message::Settings(message) => {
                let (Screen::Settings(screen), Some(staff)) = (&mut self.screen, &self.on_duty) else {
                    return Task::none();
                };
                let ctx = settings::Context { store: &self.store, worker: &self.worker, staff, now: self.now };
                match screen.update(message, ctx) {
                    settings::Action::None => Task::none(),
                    settings::Action::Run(task) => task.map(Message::Settings),
                    settings::Action::Saved => {
                        // The receipts and the status bar read the store's details from here.
                        match self.store.reload_info() {
                            Ok(()) => screen.refresh(&self.store),
                            Err(e) => self.notice = Some(explain::store_error(&e)),
                        }
                        Task::none()
                    }
                    settings::Action::Language(lang) => {
                        if i18n::language() != lang {
                            return self.update(Message::ToggleLanguage);
                        }
                        Task::none()
                    }
                    settings::Action::Devices => self.update(Message::OpenDevices),
                    settings::Action::Staff => {
                        self.screen = Screen::Staff(staff::Staff::new(&self.store));
                        Task::none()
                    }
                    settings::Action::Leave => self.open_menu(),
                }
            }
            Message::SaveDiagnostics => {
                if !self.manager_on_duty() {
                    return Task::none();
                }
                let (path, config, paths) = (self.store.path().to_path_buf(), self.config.clone(), self.paths.clone());
                let now = self.now;
                let save = super::off_thread(move || {
                    let text = crate::diagnostics::gather(&path, &config, &paths, now);
                    let out = paths.data_dir.join(format!("diagnostics-{}.txt", now.format("%Y%m%d-%H%M%S")));
                    crate::diagnostics::save(&text, &out).map(|()| out).map_err(|e| explain::io_error(&e))
                });
                Task::perform(save, Message::DiagnosticsSaved)
            }
            Message::DiagnosticsSaved(saved) => {
                if let Err(e) = &saved {
                    tracing::warn!("diagnostics not saved: {e}");
                }
                self.diagnostics = Some(saved);
                Task::none()
            }
            Message::CloseMenu => self.open_checkout(),
            Message::OpenPricing => {
                if !self.can_leave(Needs::Someone) {
                    return Task::none();
                }
                self.screen = Screen::Pricing(pricing::Pricing::new(&self.store));
                Task::none()
            }
            Message::OpenIntake => {
                if !self.can_leave(Needs::Someone) {
                    return Task::none();
                }
                let Some(staff) = &self.on_duty else { return Task::none() };
                let (screen, task) = intake::Intake::new(&self.store, staff);
                self.screen = Screen::Intake(screen);
                task.map(Message::Intake)
            }
            Message::Jobs(message) => self.jobs_update(|panel, ctx| panel.update(message, ctx)),
            Message::Hotkey(key) => self.hotkey(key),
            Message::LooseKey(text, at) => {
                self.loose_keys.key(&text, at);
                Task::none()
            }
            Message::LooseEnter(at) => match self.loose_keys.enter(at) {
                Some(code) => self.scanned(code),
                None => Task::none(),
            },
            Message::Scanner(event) => self.scanner_event(event),
            Message::ToggleLanguage => {
                self.config.ui.language = i18n::language().other();
                i18n::set_language(self.config.ui.language);
                self.screen.language_changed();
                self.notice = None;
                self.sync_said_nothing();
                self.save_config();
                Task::none()
            }
            Message::SignOut => {
                if let Screen::Checkout(checkout) = &mut self.screen
                    && !checkout.ask_sign_out()
                {
                    return Task::none();
                }
                self.sign_out(Task::none())
            }
            Message::Saved(result) => {
                if let Err(e) = result {
                    tracing::warn!("not journaled: {e}");
                    self.notice = Some(explain::store_error(&e));
                }
                Task::none()
            }
            Message::OpenDevices => {
                if self.manager_on_duty() {
                    let name = self.store.info().name.clone();
                    let (devices, task) = devices::Devices::new(&self.config, &self.paths, name, self.now);
                    self.screen = Screen::Devices(devices);
                    return task.map(Message::Devices);
                }
                Task::none()
            }
            Message::ToggleJobs => {
                self.jobs = match self.jobs {
                    Some(_) => None,
                    None => Some(jobs::JobsPanel::default()),
                };
                Task::none()
            }
            Message::Resized(size) => {
                self.layout = Layout::from(size);
                Task::none()
            }
            Message::Monitor(id, size) => fit_window(id, size, self.config.ui.fullscreen),
        }
    }

    /// Queues a paper for the printer. Returns its job, or `None` (with a notice) if it could
    /// not even be turned into bytes.
    fn print(&mut self, title: String, paper: &Document) -> Option<JobId> {
        self.print_receipt(title, paper, None)
    }

    /// Prints `paper`; `receipt_of` names the document it is the receipt of (see `Paper`).
    fn print_receipt(&mut self, title: String, paper: &Document, receipt_of: Option<i64>) -> Option<JobId> {
        if let Some(id) = receipt_of {
            self.owed_at_start.remove(&id);
        }
        match render(paper, &self.config.printer.profile()) {
            Ok(rendered) => Some(self.queue.submit(Paper {
                title,
                bytes: rendered.bytes,
                opens_drawer: paper.opens_drawer(),
                printer: None,
                receipt_of,
            })),
            Err(e) => {
                tracing::error!("{e}");
                self.notice = Some(t!("cli-render-failed"));
                None
            }
        }
    }

    fn save_config(&mut self) -> bool {
        match self.config.save(&self.paths.config_file) {
            Ok(()) => true,
            Err(e) => {
                tracing::warn!("{e}");
                self.notice = Some(explain::config_error(&e));
                false
            }
        }
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let keys = hotkeys::keys();
        let clock = iced::time::every(std::time::Duration::from_secs(1)).map(|_| Message::Tick);
        let resized = window::resize_events().map(|(_, size)| Message::Resized(size));
        let mut all = vec![keys, clock, resized];
        if !self.config.scanner.serial.port.is_empty() {
            all.push(
                Subscription::run_with(self.config.scanner.serial.clone(), serial_scanner::stream)
                    .map(Message::Scanner),
            );
        }
        Subscription::batch(all)
    }
}
