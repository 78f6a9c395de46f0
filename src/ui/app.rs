//! The till application: which screen is showing, who is on duty, the clock, the devices
//! (print queue, scanner), the window's size and the status bar. Screens do the work; this
//! routes messages, acts on what screens ask for, and sends scans to whichever screen wants
//! them. Nothing here waits: writes go to the store's worker, papers to the print queue.

use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, FixedOffset, Local};
use iced::widget::{column, container};
use iced::{Element, Fill, Size, Subscription, Task, Theme, event, keyboard, window};

mod serial_scanner;
mod status;
mod sync;

pub use sync::SyncMessage;

use super::layout::Layout;
use super::screen::{
    Screen, audit, checkout, devices, floor, intake, login, menu, pricing, reports, settings, staff, till, volunteers,
};
use super::wedge::Burst;
use super::{jobs, theme, widgets};
use crate::config::{Config, Paths};
use crate::domain::{Role, StaffMember};
use crate::hardware::queue::{JobId, Paper, PrintQueue};
use crate::hardware::scanner::ScannerEvent;
use crate::hardware::{Document, render};
use crate::i18n;
use crate::paper_log::{StorePaperLog, kept_papers};
use crate::store::{Store, StoreError, TillId, Worker};
use crate::{demo, explain, t};

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
    LooseKey(String),
    LooseEnter,
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

/// Asks for the screen the window opened on and the window's size: the first, to fit the window
/// to it (a window manager maximizes it anyway); the second, to lay out for the size it has.
pub fn measure_window<M: Send + 'static>(
    monitor: fn(window::Id, Option<Size>) -> M,
    resized: fn(Size) -> M,
) -> Task<M> {
    window::oldest().then(move |id| match id {
        Some(id) => {
            Task::batch([window::monitor_size(id).map(move |size| monitor(id, size)), window::size(id).map(resized)])
        }
        None => Task::none(),
    })
}

/// Fits the window to the screen it is on (`size`), or makes it full screen on a kiosk till.
pub fn fit_window<M: Send + 'static>(id: window::Id, size: Option<Size>, fullscreen: bool) -> Task<M> {
    let Some(size) = size else { return Task::none() };
    if fullscreen {
        return window::set_mode(id, window::Mode::Fullscreen);
    }
    Task::batch([window::move_to(id, iced::Point::ORIGIN), window::resize(id, size), window::maximize(id, true)])
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hotkey {
    Park,
    Return,
    Discount,
    Till,
    Today,
    Audit,
    Cash,
    Card,
    Credit,
    Menu,
    Escape,
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
        let log = StorePaperLog::new(store.reopen()?, till.clone());
        let queue = PrintQueue::start(config.printer.spec(&paths), Some(Box::new(log)), kept_papers(&store, &till)?);
        let burst = Burst::new(config.scanner.wedge_gap_ms, config.scanner.wedge_min_len);
        let screen = Screen::Login(login::Login::new(&store, burst.clone(), now));
        let scanner = if config.scanner.serial.port.is_empty() { ScannerState::None } else { ScannerState::Down };
        let app = App {
            store,
            worker,
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
        };
        Ok((app, measure_window(Message::Monitor, Message::Resized)))
    }

    pub fn with_notice(mut self, notice: Option<String>) -> App {
        self.notice = notice;
        self
    }

    pub fn store(&self) -> &Store {
        &self.store
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
        self.now = (self.clock)();
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
                        self.on_duty = Some(member);
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
                match screen.update(message, &self.store) {
                    audit::Action::None => Task::none(),
                    audit::Action::Leave => self.open_checkout(),
                }
            }
            Message::OpenAudit => self.open_audit(),
            Message::Intake(message) => self.intake_update(message),
            Message::Pricing(message) => self.pricing_update(message),
            Message::Floor(message) => {
                let (Screen::Floor(screen), Some(staff)) = (&mut self.screen, &self.on_duty) else {
                    return Task::none();
                };
                let ctx = floor::Context { store: &self.store, worker: &self.worker, staff, now: self.now };
                match screen.update(message, ctx) {
                    floor::Action::None => Task::none(),
                    floor::Action::Run(task) => task.map(Message::Floor),
                    floor::Action::Leave => self.open_menu(),
                }
            }
            Message::Volunteers(message) => {
                let (Screen::Volunteers(screen), Some(staff)) = (&mut self.screen, &self.on_duty) else {
                    return Task::none();
                };
                let ctx = volunteers::Context { store: &self.store, worker: &self.worker, staff, now: self.now };
                match screen.update(message, ctx) {
                    volunteers::Action::None => Task::none(),
                    volunteers::Action::Run(task) => task.map(Message::Volunteers),
                    volunteers::Action::Leave => self.open_menu(),
                }
            }
            Message::Reports(message) => {
                let Screen::Reports(screen) = &mut self.screen else { return Task::none() };
                match screen.update(message, &self.worker, self.now.naive_local()) {
                    reports::Action::None => Task::none(),
                    reports::Action::Run(task) => task.map(Message::Reports),
                    reports::Action::Print { title, paper } => {
                        self.print(title, &paper);
                        Task::none()
                    }
                    reports::Action::Leave => self.open_menu(),
                }
            }
            Message::OpenReports => {
                let manager = self.on_duty.as_ref().is_some_and(|s| s.role == crate::domain::Role::Manager);
                if !manager || matches!(&self.screen, Screen::Checkout(c) if !c.cart().is_empty()) {
                    return Task::none();
                }
                let folder = self.paths.data_dir.join("reports");
                let (screen, task) = reports::Reports::new(&self.worker, self.now.naive_local(), folder);
                self.screen = Screen::Reports(screen);
                task.map(Message::Reports)
            }
            Message::OpenVolunteers => {
                let manager = self.on_duty.as_ref().is_some_and(|s| s.role == crate::domain::Role::Manager);
                if !manager || matches!(&self.screen, Screen::Checkout(c) if !c.cart().is_empty()) {
                    return Task::none();
                }
                self.screen = Screen::Volunteers(volunteers::Volunteers::new(&self.store, self.now));
                Task::none()
            }
            Message::OpenFloor => {
                if self.on_duty.is_none() || matches!(&self.screen, Screen::Checkout(c) if !c.cart().is_empty()) {
                    return Task::none();
                }
                self.screen = Screen::Floor(floor::Floor::new(&self.store, self.now.date_naive()));
                Task::none()
            }
            Message::OpenMenu => self.open_menu(),
            Message::OpenSettings => {
                let manager = self.on_duty.as_ref().is_some_and(|s| s.role == Role::Manager);
                if !manager || matches!(&self.screen, Screen::Checkout(c) if !c.cart().is_empty()) {
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
                match screen.update(message, ctx) {
                    staff::Action::None => Task::none(),
                    staff::Action::Run(task) => task.map(Message::Staff),
                    staff::Action::Leave => self.update(Message::OpenSettings),
                }
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
                if !self.on_duty.as_ref().is_some_and(|s| s.role == Role::Manager) {
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
                if self.on_duty.is_none() || matches!(&self.screen, Screen::Checkout(c) if !c.cart().is_empty()) {
                    return Task::none();
                }
                self.screen = Screen::Pricing(pricing::Pricing::new(&self.store));
                Task::none()
            }
            Message::OpenIntake => {
                let Some(staff) = &self.on_duty else { return Task::none() };
                if let Screen::Checkout(c) = &self.screen
                    && !c.cart().is_empty()
                {
                    return Task::none();
                }
                let (screen, task) = intake::Intake::new(&self.store, staff);
                self.screen = Screen::Intake(screen);
                task.map(Message::Intake)
            }
            Message::Jobs(message) => self.jobs_update(|panel, ctx| panel.update(message, ctx)),
            Message::Hotkey(key) => {
                let to_checkout = match key {
                    Hotkey::Park => checkout::Message::Park,
                    Hotkey::Return => checkout::Message::Return,
                    Hotkey::Discount => checkout::Message::Discount,
                    Hotkey::Till => checkout::Message::OpenTill,
                    Hotkey::Today => checkout::Message::Today,
                    Hotkey::Audit => return self.open_audit(),
                    Hotkey::Menu => return self.open_menu(),
                    Hotkey::Cash => checkout::Message::PayCash,
                    Hotkey::Card => checkout::Message::PayCard,
                    Hotkey::Credit => checkout::Message::PayCredit,
                    Hotkey::Escape => checkout::Message::Escape,
                };
                if self.jobs.is_some() {
                    return Task::none();
                }
                match (&self.screen, key) {
                    (Screen::Checkout(_), _) => self.update(Message::Checkout(to_checkout)),
                    (Screen::Login(_), Hotkey::Escape) => self.update(Message::Login(login::Message::Back)),
                    (Screen::Devices(_), Hotkey::Escape) => self.open_checkout(),
                    (Screen::Till(_), Hotkey::Escape) => self.till_update(till::Message::Back),
                    (Screen::Audit(_), Hotkey::Escape) => self.update(Message::Audit(audit::Message::Back)),
                    (Screen::Intake(_), Hotkey::Escape) => self.intake_update(intake::Message::Back),
                    (Screen::Pricing(_), Hotkey::Escape) => self.pricing_update(pricing::Message::Back),
                    (Screen::Floor(_), Hotkey::Escape) => self.update(Message::Floor(floor::Message::Back)),
                    (Screen::Reports(_), Hotkey::Escape) => self.update(Message::Reports(reports::Message::Back)),
                    (Screen::Settings(_), Hotkey::Escape) => self.open_menu(),
                    (Screen::Staff(_), Hotkey::Escape) => self.update(Message::Staff(staff::Message::Back)),
                    (Screen::Volunteers(_), Hotkey::Escape) => {
                        self.update(Message::Volunteers(volunteers::Message::Back))
                    }
                    (Screen::Menu, Hotkey::Escape) => self.open_checkout(),
                    (_, Hotkey::Menu) => self.open_menu(),
                    _ => Task::none(),
                }
            }
            Message::LooseKey(text) => {
                self.loose_keys.key(&text, Instant::now());
                Task::none()
            }
            Message::LooseEnter => match self.loose_keys.enter(Instant::now()) {
                Some(code) => self.scanned(code),
                None => Task::none(),
            },
            Message::Scanner(event) => self.scanner_event(event),
            Message::ToggleLanguage => {
                self.config.ui.language = i18n::language().other();
                i18n::set_language(self.config.ui.language);
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
                if self.on_duty.as_ref().is_some_and(|s| s.role == Role::Manager) {
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

    fn scanner_event(&mut self, event: ScannerEvent) -> Task<Message> {
        match event {
            ScannerEvent::Connected { .. } => self.scanner = ScannerState::Connected,
            ScannerEvent::Disconnected { reason, .. } => {
                tracing::info!("scanner: {reason}");
                self.scanner = ScannerState::Down;
            }
            ScannerEvent::Scan(code) => {
                if self.scanner != ScannerState::None {
                    self.scanner = ScannerState::Connected;
                }
                return self.scanned(code);
            }
            ScannerEvent::Raw(bytes) => {
                if let Screen::Devices(devices) = &mut self.screen
                    && !bytes.is_empty()
                {
                    devices.raw(&bytes);
                }
            }
            ScannerEvent::Dropped(reason) => {
                if let Screen::Devices(devices) = &mut self.screen {
                    devices.dropped(reason);
                }
            }
        }
        Task::none()
    }

    /// Signs the person out (journaled on the worker, after `first`) and shows the login.
    fn sign_out(&mut self, first: Task<checkout::Message>) -> Task<Message> {
        let mut tasks = vec![first.discard()];
        if let Some(member) = self.on_duty.take() {
            let now = self.now;
            tasks.push(Task::perform(self.worker.call(move |store| store.sign_out(&member, now)), Message::Saved));
        }
        self.screen = Screen::Login(login::Login::new(&self.store, self.burst(), self.now));
        Task::batch(tasks)
    }

    fn open_checkout(&mut self) -> Task<Message> {
        let codes =
            if self.store.info().is_demo { demo::sample_codes(&self.store, self.now.date_naive()) } else { Vec::new() };
        self.screen = Screen::Checkout(checkout::Checkout::new(
            &self.store,
            &self.till,
            self.now.date_naive(),
            codes,
            self.burst(),
            self.config.printer.columns,
        ));
        checkout::Checkout::focus().map(Message::Checkout)
    }

    /// A scan from the serial scanner or a keyboard-wedge burst outside the scan field.
    fn scanned(&mut self, code: String) -> Task<Message> {
        match &mut self.screen {
            Screen::Login(login) => {
                login.scanned();
                Task::none()
            }
            Screen::Devices(devices) => {
                devices.scanned(&code);
                Task::none()
            }
            Screen::Checkout(_) => self.checkout_update(|checkout, ctx| checkout.scanned(&code, ctx)),
            Screen::Till(screen) => {
                screen.scanned();
                Task::none()
            }
            Screen::Intake(_)
            | Screen::Pricing(_)
            | Screen::Floor(_)
            | Screen::Volunteers(_)
            | Screen::Reports(_)
            | Screen::Settings(_)
            | Screen::Staff(_)
            | Screen::Menu => {
                self.notice = Some(t!("till-scan-elsewhere"));
                Task::none()
            }
            Screen::Audit(screen) => {
                screen.scanned();
                Task::none()
            }
        }
    }

    fn checkout_update(
        &mut self,
        f: impl FnOnce(&mut checkout::Checkout, checkout::Context<'_>) -> checkout::Action,
    ) -> Task<Message> {
        let (Screen::Checkout(checkout), Some(staff)) = (&mut self.screen, &self.on_duty) else { return Task::none() };
        let ctx =
            checkout::Context { store: &self.store, worker: &self.worker, staff, till: &self.till, now: self.now };
        match f(checkout, ctx) {
            checkout::Action::None => Task::none(),
            checkout::Action::Run(task) => task.map(Message::Checkout),
            checkout::Action::Print { papers, then } => {
                let jobs: Vec<_> = papers.into_iter().map(|(title, paper)| self.print(title, &paper)).collect();
                if let Some(Some(job)) = jobs.first()
                    && let Screen::Checkout(checkout) = &mut self.screen
                {
                    checkout.printing(*job);
                }
                then.map(Message::Checkout)
            }
            checkout::Action::OpenTill => self.open_till(),
            checkout::Action::Retry(job) => {
                self.jobs.get_or_insert_with(jobs::JobsPanel::default);
                self.jobs_update(|panel, ctx| panel.retry(job, ctx))
            }
            checkout::Action::OpenDrawer => {
                let mut kick = Document::new();
                kick.drawer_kick();
                self.print(t!("job-drawer"), &kick);
                Task::none()
            }
            checkout::Action::SignOut(first) => self.sign_out(first),
        }
    }

    fn till_update(&mut self, message: till::Message) -> Task<Message> {
        let (Screen::Till(screen), Some(staff)) = (&mut self.screen, &self.on_duty) else { return Task::none() };
        let ctx = till::Context { store: &self.store, worker: &self.worker, staff, till: &self.till, now: self.now };
        match screen.update(message, ctx) {
            till::Action::None => Task::none(),
            till::Action::Run(task) => task.map(Message::Till),
            till::Action::Print { title, paper, then } => {
                self.print(title, &paper);
                then.map(Message::Till)
            }
            till::Action::Leave => self.open_checkout(),
            till::Action::Audit => self.open_audit(),
        }
    }

    fn intake_update(&mut self, message: intake::Message) -> Task<Message> {
        let (Screen::Intake(screen), Some(staff)) = (&mut self.screen, &self.on_duty) else { return Task::none() };
        let ctx = intake::Context { store: &self.store, worker: &self.worker, staff, now: self.now };
        match screen.update(message, ctx) {
            intake::Action::None => Task::none(),
            intake::Action::Run(task) => task.map(Message::Intake),
            intake::Action::Print { title, paper } => {
                self.print(title, &paper);
                Task::none()
            }
            intake::Action::Leave => self.open_menu(),
        }
    }

    /// The work menu, from a screen with nothing half done.
    fn open_menu(&mut self) -> Task<Message> {
        if self.on_duty.is_none() || matches!(&self.screen, Screen::Checkout(c) if !c.cart().is_empty()) {
            return Task::none();
        }
        self.screen = Screen::Menu;
        self.diagnostics = None;
        Task::none()
    }

    fn pricing_update(&mut self, message: pricing::Message) -> Task<Message> {
        let (Screen::Pricing(screen), Some(staff)) = (&mut self.screen, &self.on_duty) else { return Task::none() };
        let ctx = pricing::Context { store: &self.store, worker: &self.worker, staff, now: self.now };
        match screen.update(message, ctx) {
            pricing::Action::None => Task::none(),
            pricing::Action::Run(task) => task.map(Message::Pricing),
            pricing::Action::PrintTags { label, copies } => {
                match crate::ui::tags::tag_paper(&self.config, &self.paths, &label, copies) {
                    Ok(paper) => {
                        self.queue.submit(paper);
                    }
                    Err(problem) => self.notice = Some(problem),
                }
                Task::none()
            }
            pricing::Action::Leave => self.open_menu(),
        }
    }

    /// The audit log, for a manager on duty, from the checkout between sales or the till screen.
    fn open_audit(&mut self) -> Task<Message> {
        if !self.on_duty.as_ref().is_some_and(|s| s.role == Role::Manager) {
            return Task::none();
        }
        match &self.screen {
            Screen::Checkout(checkout) if checkout.cart().is_empty() => {}
            Screen::Till(_) => {}
            _ => return Task::none(),
        }
        let columns = self.config.printer.columns;
        self.screen = Screen::Audit(audit::Audit::new(&self.store, self.now.date_naive(), columns));
        Task::none()
    }

    /// The till screen, for whoever is on duty (any cashier opens and closes a till).
    fn open_till(&mut self) -> Task<Message> {
        if self.on_duty.is_none() {
            return Task::none();
        }
        if let Screen::Checkout(checkout) = &self.screen
            && !checkout.cart().is_empty()
        {
            return Task::none();
        }
        let manager = self.on_duty.as_ref().is_some_and(|s| s.role == Role::Manager);
        let (screen, task) = till::TillScreen::new(&self.store, &self.till, manager);
        self.screen = Screen::Till(screen);
        task.map(Message::Till)
    }

    fn jobs_update(
        &mut self,
        f: impl FnOnce(&mut jobs::JobsPanel, jobs::Context<'_>) -> jobs::Action,
    ) -> Task<Message> {
        let Some(panel) = &mut self.jobs else { return Task::none() };
        let ctx = jobs::Context {
            store: &self.store,
            worker: &self.worker,
            queue: &self.queue,
            on_duty: self.on_duty.as_ref(),
            now: self.now,
        };
        match f(panel, ctx) {
            jobs::Action::None => Task::none(),
            jobs::Action::Run(task) => task.map(Message::Jobs),
            jobs::Action::Close => {
                self.jobs = None;
                Task::none()
            }
        }
    }

    fn devices_update(&mut self, message: devices::Message) -> Task<Message> {
        let Screen::Devices(screen) = &mut self.screen else { return Task::none() };
        match screen.update(message) {
            devices::Action::None => Task::none(),
            devices::Action::Run(task) => task.map(Message::Devices),
            devices::Action::Close => self.open_checkout(),
            devices::Action::Test(paper) => {
                let job = self.queue.submit(paper);
                if let Screen::Devices(screen) = &mut self.screen {
                    screen.testing(job);
                }
                Task::none()
            }
            devices::Action::Save(config) => {
                self.config = *config;
                self.queue.set_printer(self.config.printer.spec(&self.paths));
                if self.config.scanner.serial.port.is_empty() {
                    self.scanner = ScannerState::None;
                }
                let saved = self.save_config();
                if let Screen::Devices(screen) = &mut self.screen {
                    screen.saved(saved);
                }
                Task::none()
            }
            devices::Action::OpenDrawer => {
                let Some(manager) = self.on_duty.clone() else { return Task::none() };
                let now = self.now;
                let mut kick = Document::new();
                kick.drawer_kick();
                self.print(t!("job-drawer"), &kick);
                Task::perform(self.worker.call(move |store| store.record_drawer_test(&manager, now)), Message::Saved)
            }
        }
    }

    /// Queues a paper for the printer. Returns its job, or `None` (with a notice) if it could
    /// not even be turned into bytes.
    fn print(&mut self, title: String, paper: &Document) -> Option<JobId> {
        match render(paper, &self.config.printer.profile()) {
            Ok(rendered) => Some(self.queue.submit(Paper {
                title,
                bytes: rendered.bytes,
                opens_drawer: paper.opens_drawer(),
                printer: None,
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
        let keys = event::listen_with(|event, status, _window| {
            let iced::Event::Keyboard(keyboard::Event::KeyPressed { key, text, .. }) = event else { return None };
            let loose = status == event::Status::Ignored;
            match key {
                keyboard::Key::Named(named) => {
                    use keyboard::key::Named;
                    let hotkey = match named {
                        Named::F2 => Hotkey::Park,
                        Named::F3 => Hotkey::Return,
                        Named::F4 => Hotkey::Discount,
                        Named::F6 => Hotkey::Till,
                        Named::F7 => Hotkey::Today,
                        Named::F8 => Hotkey::Audit,
                        Named::F9 => Hotkey::Cash,
                        Named::F10 => Hotkey::Card,
                        Named::F11 => Hotkey::Credit,
                        Named::F12 => Hotkey::Menu,
                        Named::Escape => Hotkey::Escape,
                        Named::Enter if loose => return Some(Message::LooseEnter),
                        _ => return None,
                    };
                    Some(Message::Hotkey(hotkey))
                }
                _ if loose => {
                    text.filter(|t| !t.chars().any(char::is_control)).map(|t| Message::LooseKey(t.to_string()))
                }
                _ => None,
            }
        });
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

    pub fn view(&self) -> Element<'_, Message> {
        // The print jobs panel, while open, takes the screen's place: it is short work (print
        // again, set aside, a manager's PIN) and the screen under it waits as it was.
        let body = match (&self.jobs, &self.screen) {
            (Some(panel), _) => {
                container(panel.view(&self.queue, self.on_duty.is_some(), self.layout).map(Message::Jobs))
                    .padding(self.layout.padding())
                    .into()
            }
            (None, Screen::Login(login)) => login.view(self.now, self.layout).map(Message::Login),
            (None, Screen::Checkout(checkout)) => checkout.view(self.layout).map(Message::Checkout),
            (None, Screen::Devices(devices)) => devices.view(self.layout).map(Message::Devices),
            (None, Screen::Till(screen)) => screen.view(self.layout).map(Message::Till),
            (None, Screen::Audit(screen)) => screen.view(self.layout).map(Message::Audit),
            (None, Screen::Intake(screen)) => screen.view(self.layout).map(Message::Intake),
            (None, Screen::Floor(screen)) => screen.view(self.layout).map(Message::Floor),
            (None, Screen::Volunteers(screen)) => screen.view(self.layout).map(Message::Volunteers),
            (None, Screen::Reports(screen)) => screen.view(self.layout).map(Message::Reports),
            (None, Screen::Settings(screen)) => screen.view(self.layout).map(Message::Settings),
            (None, Screen::Staff(screen)) => screen.view(self.layout).map(Message::Staff),
            (None, Screen::Menu) => {
                let role = self.on_duty.as_ref().map_or(Role::Volunteer, |s| s.role);
                let keys = menu::view(role, self.layout);
                if role == Role::Manager {
                    column![keys, container(self.sync_panel()).padding([0.0, self.layout.padding() * 2.0])].into()
                } else {
                    keys
                }
            }
            (None, Screen::Pricing(screen)) => {
                screen.view(&self.store, self.now.date_naive(), self.layout).map(Message::Pricing)
            }
        };
        let mut page = column![self.status_bar()];
        if let Some(notice) = &self.notice {
            page = page.push(container(widgets::banner(notice.as_str(), true)).padding([8, 16]));
        }
        page.push(container(body).height(Fill).width(Fill)).into()
    }
}
