//! The till application: which screen is showing, who is on duty, the clock, and the jobs that
//! run beside the UI (printing). Screens do the work; this only routes messages and acts on
//! what screens ask for.

use std::sync::Arc;

use chrono::{DateTime, Datelike, FixedOffset, Local};
use iced::widget::{button, column, container, row, text};
use iced::{Center, Element, Fill, Subscription, Task, Theme, keyboard};

use super::screen::{Screen, checkout, login};
use super::{theme, widgets};
use crate::config::{Config, Paths};
use crate::hardware::{Document, PrinterSpec, render, transport};
use crate::i18n::{self, Lang};
use crate::store::{StaffMember, Store};
use crate::{demo, t};

/// Where the app gets the time: the wall clock, or a fixed instant in tests.
pub type Clock = Arc<dyn Fn() -> DateTime<FixedOffset> + Send + Sync>;

pub fn wall_clock() -> Clock {
    Arc::new(|| Local::now().fixed_offset())
}

#[derive(Debug, Clone)]
pub enum Message {
    Login(login::Message),
    Checkout(checkout::Message),
    Tick,
    Hotkey(Hotkey),
    ToggleLanguage,
    SignOut,
    Printed(Result<(), String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hotkey {
    Cash,
    Card,
    Escape,
}

pub struct App {
    store: Store,
    paths: Paths,
    config: Config,
    clock: Clock,
    now: DateTime<FixedOffset>,
    screen: Screen,
    on_duty: Option<StaffMember>,
    /// Something the manager should know that is not about the current screen (a bad config).
    notice: Option<String>,
}

impl App {
    pub fn new(store: Store, paths: Paths, config: Config, clock: Clock) -> (App, Task<Message>) {
        i18n::set_language(config.ui.language);
        let now = clock();
        let screen = Screen::Login(login::Login::new(&store));
        (App { store, paths, config, clock, now, screen, on_duty: None, notice: None }, Task::none())
    }

    pub fn with_notice(mut self, notice: Option<String>) -> App {
        self.notice = notice;
        self
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn on_duty(&self) -> Option<&StaffMember> {
        self.on_duty.as_ref()
    }

    pub fn checkout(&self) -> Option<&checkout::Checkout> {
        match &self.screen {
            Screen::Checkout(c) => Some(c),
            Screen::Login(_) => None,
        }
    }

    pub fn title(&self) -> String {
        format!("{} · {}", t!("app-title"), self.store.info().name)
    }

    pub fn theme(&self) -> Theme {
        theme::theme()
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        self.now = (self.clock)();
        match message {
            Message::Tick => Task::none(),
            Message::Login(message) => {
                let Screen::Login(login) = &mut self.screen else { return Task::none() };
                match login.update(message, &mut self.store, self.now) {
                    login::Action::None => Task::none(),
                    login::Action::Run(task) => task.map(Message::Login),
                    login::Action::SignedIn(member) => {
                        tracing::info!(staff = %member.name, "signed in");
                        self.on_duty = Some(member);
                        let codes = if self.store.info().is_demo {
                            demo::sample_codes(&self.store, self.now.date_naive())
                        } else {
                            Vec::new()
                        };
                        self.screen = Screen::Checkout(checkout::Checkout::new(&self.store, codes));
                        checkout::Checkout::focus().map(Message::Checkout)
                    }
                }
            }
            Message::Checkout(message) => self.checkout_update(message),
            Message::Hotkey(key) => match (&self.screen, key) {
                (Screen::Checkout(_), Hotkey::Cash) => self.checkout_update(checkout::Message::PayCash),
                (Screen::Checkout(_), Hotkey::Card) => self.checkout_update(checkout::Message::PayCard),
                (Screen::Checkout(_), Hotkey::Escape) => self.checkout_update(checkout::Message::Escape),
                (Screen::Login(_), Hotkey::Escape) => self.update(Message::Login(login::Message::Back)),
                _ => Task::none(),
            },
            Message::ToggleLanguage => {
                self.config.ui.language = i18n::language().other();
                i18n::set_language(self.config.ui.language);
                if let Err(e) = self.config.save(&self.paths.config_file) {
                    tracing::warn!("{e}");
                    self.notice = Some(e.to_string());
                }
                Task::none()
            }
            Message::SignOut => {
                if let Some(member) = self.on_duty.take()
                    && let Err(e) = self.store.sign_out(&member, self.now)
                {
                    tracing::warn!("sign-out not journaled: {e}");
                }
                self.screen = Screen::Login(login::Login::new(&self.store));
                Task::none()
            }
            Message::Printed(result) => {
                if let Err(reason) = &result {
                    tracing::warn!("receipt not printed: {reason}");
                }
                if let Screen::Checkout(checkout) = &mut self.screen {
                    checkout.printed(result);
                }
                Task::none()
            }
        }
    }

    fn checkout_update(&mut self, message: checkout::Message) -> Task<Message> {
        let (Screen::Checkout(checkout), Some(staff)) = (&mut self.screen, &self.on_duty) else { return Task::none() };
        let ctx = checkout::Context { store: &mut self.store, staff, now: self.now };
        match checkout.update(message, ctx) {
            checkout::Action::None => Task::none(),
            checkout::Action::Run(task) => task.map(Message::Checkout),
            checkout::Action::Print { receipt, then } => {
                Task::batch([self.print(receipt), then.map(Message::Checkout)])
            }
        }
    }

    pub fn printer(&self) -> Result<PrinterSpec, String> {
        if self.config.printer.spec.trim().is_empty() {
            return Ok(PrinterSpec::File(self.paths.default_printer_file()));
        }
        self.config.printer.spec.parse().map_err(|e: crate::hardware::transport::SpecError| e.to_string())
    }

    /// Renders the paper here and sends it on a thread of its own, so a slow or missing printer
    /// never holds up the counter; the answer comes back as [`Message::Printed`].
    fn print(&self, doc: Document) -> Task<Message> {
        let job = render(&doc, &self.config.printer.profile()).map_err(|e| e.to_string());
        let printer = self.printer();
        let (tx, rx) = iced::futures::channel::oneshot::channel();
        std::thread::spawn(move || {
            let result = job.and_then(|rendered| {
                let spec = printer?;
                transport::open(&spec).send(&rendered.bytes).map_err(|e| e.to_string())
            });
            let _ = tx.send(result);
        });
        Task::perform(
            async move { rx.await.unwrap_or_else(|_| Err("the print thread stopped".into())) },
            Message::Printed,
        )
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let hotkeys = keyboard::listen().filter_map(|event| match event {
            keyboard::Event::KeyPressed { key: keyboard::Key::Named(named), .. } => match named {
                keyboard::key::Named::F9 => Some(Message::Hotkey(Hotkey::Cash)),
                keyboard::key::Named::F10 => Some(Message::Hotkey(Hotkey::Card)),
                keyboard::key::Named::Escape => Some(Message::Hotkey(Hotkey::Escape)),
                _ => None,
            },
            _ => None,
        });
        let clock = iced::time::every(std::time::Duration::from_secs(1)).map(|_| Message::Tick);
        Subscription::batch([hotkeys, clock])
    }

    pub fn view(&self) -> Element<'_, Message> {
        let body = match &self.screen {
            Screen::Login(login) => login.view(self.now).map(Message::Login),
            Screen::Checkout(checkout) => checkout.view().map(Message::Checkout),
        };
        let mut page = column![self.status_bar()];
        if let Some(notice) = &self.notice {
            page = page.push(container(widgets::banner(notice.as_str(), true)).padding([8, 16]));
        }
        page.push(container(body).height(Fill).width(Fill)).into()
    }

    fn status_bar(&self) -> Element<'_, Message> {
        let info = self.store.info();
        let mut left = row![text(&info.name).size(theme::BODY).font(theme::BOLD)].spacing(20).align_y(Center);
        if info.is_demo {
            left = left.push(text(t!("status-demo")).size(theme::SMALL).color(theme::warning_on_dark()));
        }
        if let Some(member) = &self.on_duty {
            left = left.push(
                text(t!("status-on-duty", name = member.name.clone(), role = login::role_name(member.role)))
                    .size(theme::BODY),
            );
        }
        let weekday = match i18n::language() {
            Lang::Ko => crate::hardware::receipt::korean_weekday(self.now.weekday()),
            Lang::En => self.now.format("%a").to_string(),
        };
        let time = format!("{} ({weekday}) {}", self.now.format("%Y-%m-%d"), self.now.format("%H:%M"));
        let mut right = row![text(time).size(theme::BODY)].spacing(12).align_y(Center);
        right = right.push(
            button(text(t!("status-language")).size(theme::SMALL))
                .padding([6, 12])
                .style(theme::on_dark)
                .on_press(Message::ToggleLanguage),
        );
        if self.on_duty.is_some() {
            right = right.push(
                button(text(t!("status-sign-out")).size(theme::SMALL))
                    .padding([6, 12])
                    .style(theme::on_dark)
                    .on_press(Message::SignOut),
            );
        }
        container(row![left, widgets::spacer(), right].align_y(Center))
            .padding([10, 16])
            .width(Fill)
            .style(theme::status_bar)
            .into()
    }
}
