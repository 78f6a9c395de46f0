//! What the window shows: the first-run setup while the till has no store file, then the till.
//! One iced application for both, since a process can open its event loop only once.

use iced::{Element, Subscription, Task, Theme};

use super::app::{App, Clock, Message};
use super::layout::Layout;
use super::screen::first_run::{self, FirstRun};
use super::theme;
use crate::config::{Config, Paths};
use crate::store::Store;
use crate::{explain, i18n, t};

#[derive(Debug, Clone)]
pub enum RootMessage {
    Setup(first_run::Message),
    /// Boxed: the till's messages are large, the setup's small.
    Till(Box<Message>),
    Resized(iced::Size),
    /// The screen the window opened on, to fit the window to it.
    Monitor(iced::window::Id, Option<iced::Size>),
}

enum Shown {
    Setup(Box<FirstRun>),
    Till(Box<App>),
}

pub struct Root {
    shown: Shown,
    paths: Paths,
    config: Config,
    clock: Clock,
    /// A problem with the settings file, for the till to show once it is open.
    notice: Option<String>,
    layout: Layout,
}

impl Root {
    /// The till on `store`.
    pub fn till(app: App, boot: Task<Message>) -> (Root, Task<RootMessage>) {
        let (paths, config, clock) = (app.paths().clone(), app.config().clone(), app.clock());
        let root =
            Root { shown: Shown::Till(Box::new(app)), paths, config, clock, notice: None, layout: Layout::default() };
        (root, boot.map(till))
    }

    /// The first-run setup, for a store file to be made at `path`.
    pub fn setup(path: std::path::PathBuf, paths: Paths, config: Config, clock: Clock, notice: Option<String>) -> Root {
        let today = clock().date_naive();
        let shown = Shown::Setup(Box::new(FirstRun::new(path, today)));
        Root { shown, paths, config, clock, notice, layout: Layout::default() }
    }

    /// What the setup asks of the window when it opens: its screen and its size.
    pub fn boot() -> Task<RootMessage> {
        super::app::measure_window(RootMessage::Monitor, RootMessage::Resized)
    }

    /// A demo chosen at setup gets `days` of history (30 unless a test wants fewer).
    pub fn with_demo_days(mut self, days: u32) -> Root {
        if let Shown::Setup(setup) = self.shown {
            self.shown = Shown::Setup(Box::new(setup.with_demo_days(days)));
        }
        self
    }

    /// The till, once it is showing.
    pub fn app(&self) -> Option<&App> {
        match &self.shown {
            Shown::Till(app) => Some(app),
            Shown::Setup(_) => None,
        }
    }

    pub fn title(&self) -> String {
        match &self.shown {
            Shown::Till(app) => app.title(),
            Shown::Setup(_) => t!("app-title"),
        }
    }

    pub fn theme(&self) -> Theme {
        theme::theme()
    }

    pub fn update(&mut self, message: RootMessage) -> Task<RootMessage> {
        match (message, &mut self.shown) {
            (RootMessage::Till(message), Shown::Till(app)) => app.update(*message).map(till),
            (RootMessage::Setup(message), Shown::Setup(setup)) => match setup.update(message) {
                first_run::Action::None => Task::none(),
                first_run::Action::Run(task) => task.map(RootMessage::Setup),
                first_run::Action::ToggleLanguage => {
                    self.config.ui.language = i18n::language().other();
                    i18n::set_language(self.config.ui.language);
                    if let Err(e) = self.config.save(&self.paths.config_file) {
                        tracing::warn!("language not saved: {e}");
                    }
                    Task::none()
                }
                first_run::Action::Join { central, token, manager } => {
                    let job = Joining {
                        path: setup.path().to_path_buf(),
                        paths: self.paths.clone(),
                        config: self.config.clone(),
                        central,
                        token,
                        manager,
                        now: (self.clock)(),
                    };
                    Task::perform(super::off_thread(move || job.run()), |joined| {
                        RootMessage::Setup(first_run::Message::Joined(joined))
                    })
                }
                first_run::Action::OpenJoined(config, manager) => {
                    self.config = *config;
                    let path = setup.path().to_path_buf();
                    self.open(&path, manager, true)
                }
                first_run::Action::Open(manager) => {
                    let path = setup.path().to_path_buf();
                    self.open(&path, manager, false)
                }
            },
            (RootMessage::Monitor(id, size), _) => super::app::fit_window(id, size, self.config.ui.fullscreen),
            (RootMessage::Resized(size), shown) => {
                self.layout = Layout::from(size);
                match shown {
                    Shown::Till(app) => app.update(Message::Resized(size)).map(till),
                    Shown::Setup(_) => Task::none(),
                }
            }
            // A message for a part no longer showing (a Task that finished after the switch).
            _ => Task::none(),
        }
    }

    /// Opens the till on the store just made: a real store's first manager signed in and on
    /// the device settings, so the printer and scanner are tried before the first sale.
    /// A store joined to head office (`joined`) may have no manager signed in yet: head office's
    /// managers sign in themselves, and the first of them is taken to the device settings.
    fn open(
        &mut self,
        path: &std::path::Path,
        manager: Option<crate::domain::StaffMember>,
        joined: bool,
    ) -> Task<RootMessage> {
        let opened = Store::open(path)
            .and_then(|store| App::new(store, self.paths.clone(), self.config.clone(), self.clock.clone()));
        let (app, boot) = match opened {
            Ok(opened) => opened,
            Err(e) => {
                tracing::error!("opening the new store {}: {e}", path.display());
                let message = first_run::Message::Made(Err(explain::store_error(&e)));
                return self.update(RootMessage::Setup(message));
            }
        };
        let mut app = app.with_notice(self.notice.take());
        let mut tasks = vec![boot];
        match manager {
            Some(manager) => tasks.push(app.begin_with(manager)),
            None if joined => app = app.devices_at_first_sign_in(),
            None => {}
        }
        self.shown = Shown::Till(Box::new(app));
        Task::batch(tasks).map(till)
    }

    pub fn view(&self) -> Element<'_, RootMessage> {
        match &self.shown {
            Shown::Till(app) => app.view().map(till),
            // In a stack of its own: the widgets' state (a scrolled form) is not carried over
            // into the till's screens when the setup gives way to them.
            Shown::Setup(setup) => iced::widget::stack![setup.view(self.layout).map(RootMessage::Setup)].into(),
        }
    }

    pub fn subscription(&self) -> Subscription<RootMessage> {
        match &self.shown {
            Shown::Till(app) => app.subscription().map(till),
            Shown::Setup(_) => iced::window::resize_events().map(|(_, size)| RootMessage::Resized(size)),
        }
    }
}

fn till(message: Message) -> RootMessage {
    RootMessage::Till(Box::new(message))
}

/// Joining head office from the setup screen, on a thread of its own (it waits on the network).
struct Joining {
    path: std::path::PathBuf,
    paths: Paths,
    config: Config,
    central: String,
    token: String,
    manager: Option<(String, crate::domain::Pin)>,
    now: chrono::DateTime<chrono::FixedOffset>,
}

type Joined = Result<(Box<Config>, Option<crate::domain::StaffMember>), first_run::JoinProblem>;

impl Joining {
    /// The store made from head office and head office remembered in the settings, or the
    /// sentence to show (and whether a first manager must be named). Nothing stays on failure.
    fn run(mut self) -> Joined {
        use crate::sync::join::{JoinError, join};
        let client = crate::sync::client::Client::new(self.config.sync.settings(&self.central, &self.token));
        let first = self.manager.as_ref().map(|(name, pin)| (name.as_str(), pin));
        let joined = join(&client, &self.path, first, self.now).map_err(|e| {
            tracing::warn!("joining head office at {}: {e}", self.central);
            first_run::JoinProblem(explain::join_error(&e), matches!(e, JoinError::NeedsManager { .. }))
        })?;
        drop(joined.store);
        if let Err(e) = self.config.remember_head_office(&self.paths, &self.central, &self.token) {
            crate::store::remove_files(&self.path);
            return Err(first_run::JoinProblem(explain::config_error(&e), false));
        }
        Ok((Box::new(self.config), joined.manager))
    }
}
