//! What each screen asks the app to do when it answers a message (its `Action`): run a task,
//! print papers, open another screen, leave. Scans go to whichever screen wants them.

use iced::Task;

use super::{App, Message, ScannerState};
use crate::hardware::Document;
use crate::hardware::scanner::ScannerEvent;
use crate::t;
use crate::ui::jobs;
use crate::ui::screen::{self, Screen, checkout, devices, intake, pricing, till};

impl App {
    /// Does what a screen with the common [`screen::Action`] asked: `wrap` takes its task's
    /// messages into the app's, `leave` is where its way back goes.
    pub(super) fn act<M: Send + 'static>(
        &mut self,
        action: screen::Action<M>,
        wrap: fn(M) -> Message,
        leave: fn(&mut App) -> Task<Message>,
    ) -> Task<Message> {
        match action {
            screen::Action::None => Task::none(),
            screen::Action::Run(task) => task.map(wrap),
            screen::Action::Print { title, paper } => {
                self.print(title, &paper);
                Task::none()
            }
            screen::Action::Leave => leave(self),
        }
    }

    pub(super) fn scanner_event(&mut self, event: ScannerEvent) -> Task<Message> {
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

    /// A scan from the serial scanner or a keyboard-wedge burst outside the scan field.
    pub(super) fn scanned(&mut self, code: String) -> Task<Message> {
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

    pub(super) fn checkout_update(
        &mut self,
        f: impl FnOnce(&mut checkout::Checkout, checkout::Context<'_>) -> checkout::Action,
    ) -> Task<Message> {
        let (Screen::Checkout(checkout), Some(staff)) = (&mut self.screen, &self.on_duty) else { return Task::none() };
        let ctx =
            checkout::Context { store: &self.store, worker: &self.worker, staff, till: &self.till, now: self.now };
        match f(checkout, ctx) {
            checkout::Action::None => Task::none(),
            checkout::Action::Run(task) => task.map(Message::Checkout),
            checkout::Action::Print { papers, then, receipt_of } => {
                // The first paper is the document's receipt, where there is a document.
                let jobs: Vec<_> = papers
                    .into_iter()
                    .enumerate()
                    .map(|(i, (title, paper))| self.print_receipt(title, &paper, receipt_of.filter(|_| i == 0)))
                    .collect();
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

    pub(super) fn till_update(&mut self, message: till::Message) -> Task<Message> {
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
            till::Action::ShowParked => {
                let open = self.open_checkout();
                let park = self.checkout_update(|c, ctx| c.update(checkout::Message::Park, ctx));
                Task::batch([open, park])
            }
            till::Action::Audit => self.open_audit(),
        }
    }

    pub(super) fn intake_update(&mut self, message: intake::Message) -> Task<Message> {
        let (Screen::Intake(screen), Some(staff)) = (&mut self.screen, &self.on_duty) else { return Task::none() };
        let ctx = intake::Context { store: &self.store, worker: &self.worker, staff, now: self.now };
        let action = screen.update(message, ctx);
        self.act(action, Message::Intake, App::open_menu)
    }

    pub(super) fn pricing_update(&mut self, message: pricing::Message) -> Task<Message> {
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

    pub(super) fn jobs_update(
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

    pub(super) fn devices_update(&mut self, message: devices::Message) -> Task<Message> {
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
}
