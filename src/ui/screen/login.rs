//! Signing in: tap your name, type your PIN on the pad or the keyboard. A wrong PIN says how
//! many tries are left; the fifth locks that person out for a minute, with a countdown.

use chrono::{DateTime, FixedOffset};
use iced::widget::{button, column, container, operation, row, text, text_input};
use iced::{Center, Element, Fill, Task};

use std::time::Instant;

use crate::store::{Role, SignInError, StaffMember, Store};
use crate::ui::wedge::Burst;
use crate::ui::{theme, widgets};
use crate::{messages, t};

pub const PIN_INPUT: &str = "pin";
const MAX_PIN: usize = 8;

#[derive(Debug, Clone)]
pub enum Message {
    Choose(usize),
    PinChanged(String),
    Digits(&'static str),
    Backspace,
    Clear,
    Submit,
    Back,
}

pub enum Action {
    None,
    Run(Task<Message>),
    SignedIn(StaffMember),
}

#[derive(Debug, Clone, PartialEq)]
enum Problem {
    WrongPin { left: u32 },
    Locked { until: DateTime<FixedOffset> },
    Other(String),
}

pub struct Login {
    staff: Vec<StaffMember>,
    chosen: Option<usize>,
    pin: String,
    problem: Option<Problem>,
    demo: bool,
    /// A scanner typing into the PIN field is not a wrong PIN.
    burst: Burst,
}

pub fn role_name(role: Role) -> String {
    match role {
        Role::Manager => t!("role-manager"),
        Role::Cashier => t!("role-cashier"),
        Role::Volunteer => t!("role-volunteer"),
    }
}

impl Login {
    /// A scan arrived while nobody is signed in.
    pub fn scanned(&mut self) {
        self.pin.clear();
        self.problem = Some(Problem::Other(t!("login-scan-first")));
    }

    pub fn new(store: &Store, burst: Burst) -> Login {
        let (staff, problem) = match store.staff() {
            Ok(staff) => (staff, None),
            Err(e) => (Vec::new(), Some(Problem::Other(messages::store_error(&e)))),
        };
        Login { staff, chosen: None, pin: String::new(), problem, demo: store.info().is_demo, burst }
    }

    pub fn update(&mut self, message: Message, store: &mut Store, now: DateTime<FixedOffset>) -> Action {
        match message {
            Message::Choose(index) => {
                self.chosen = Some(index);
                self.pin.clear();
                self.problem = self
                    .staff
                    .get(index)
                    .and_then(|s| store.locked_until(s.id, now).ok().flatten())
                    .map(|until| Problem::Locked { until });
                Action::Run(operation::focus(PIN_INPUT))
            }
            Message::PinChanged(pin) => {
                self.burst.changed(&self.pin, Instant::now());
                if pin.len() <= MAX_PIN && pin.chars().all(|c| c.is_ascii_digit()) {
                    self.pin = pin;
                }
                Action::None
            }
            Message::Digits(d) => {
                if self.pin.len() + d.len() <= MAX_PIN {
                    self.pin.push_str(d);
                }
                Action::Run(operation::focus(PIN_INPUT))
            }
            Message::Backspace => {
                self.pin.pop();
                Action::Run(operation::focus(PIN_INPUT))
            }
            Message::Clear => {
                self.pin.clear();
                Action::Run(operation::focus(PIN_INPUT))
            }
            Message::Back => {
                self.chosen = None;
                self.pin.clear();
                self.problem = None;
                Action::None
            }
            Message::Submit => {
                if self.burst.submitted(&self.pin, Instant::now()).is_some() {
                    self.pin.clear();
                    self.problem = Some(Problem::Other(t!("login-scan-first")));
                    return Action::Run(operation::focus(PIN_INPUT));
                }
                let Some(member) = self.chosen.and_then(|i| self.staff.get(i)) else { return Action::None };
                if self.pin.is_empty() {
                    return Action::Run(operation::focus(PIN_INPUT));
                }
                let pin = std::mem::take(&mut self.pin);
                match store.sign_in(member.id, &pin, now) {
                    Ok(member) => {
                        self.problem = None;
                        self.chosen = None;
                        Action::SignedIn(member)
                    }
                    Err(e) => {
                        self.problem = Some(match e {
                            SignInError::WrongPin { attempts_left } => Problem::WrongPin { left: attempts_left },
                            SignInError::LockedOut { until } => Problem::Locked { until },
                            other => Problem::Other(messages::sign_in_error(&other, now)),
                        });
                        Action::Run(operation::focus(PIN_INPUT))
                    }
                }
            }
        }
    }

    fn locked(&self, now: DateTime<FixedOffset>) -> Option<i64> {
        match &self.problem {
            Some(Problem::Locked { until }) if *until > now => Some(((*until - now).num_milliseconds() + 999) / 1000),
            _ => None,
        }
    }

    pub fn view(&self, now: DateTime<FixedOffset>) -> Element<'_, Message> {
        let body: Element<'_, Message> = match self.chosen.and_then(|i| self.staff.get(i)) {
            None => self.view_staff(),
            Some(member) => self.view_pin(member, now),
        };
        let mut page =
            column![text(t!("app-title")).size(theme::HUGE * 0.8).font(theme::BOLD), body].spacing(24).align_x(Center);
        if self.demo {
            page = page.push(widgets::banner(t!("login-demo-hint"), false));
        }
        container(page.max_width(760)).center_x(Fill).padding(32).into()
    }

    fn view_staff(&self) -> Element<'_, Message> {
        let tiles = self.staff.iter().enumerate().map(|(i, s)| {
            button(
                column![text(&s.name).size(theme::LARGE).font(theme::BOLD), widgets::muted(role_name(s.role))]
                    .spacing(6)
                    .align_x(Center)
                    .width(Fill),
            )
            .padding(20)
            .width(220)
            .style(theme::key)
            .on_press(Message::Choose(i))
            .into()
        });
        let mut page =
            column![widgets::label(t!("login-title")).size(theme::LARGE), widgets::muted(t!("login-choose"))]
                .spacing(8)
                .align_x(Center);
        page = page.push(row(tiles).spacing(16).wrap());
        if let Some(Problem::Other(message)) = &self.problem {
            page = page.push(widgets::banner(message.clone(), true));
        }
        page.spacing(20).into()
    }

    fn view_pin(&self, member: &StaffMember, now: DateTime<FixedOffset>) -> Element<'_, Message> {
        let locked = self.locked(now);
        let problem = match (&self.problem, locked) {
            (_, Some(seconds)) => Some(t!("login-locked", seconds = seconds)),
            (Some(Problem::WrongPin { left }), None) => Some(t!("login-wrong-pin", left = *left)),
            (Some(Problem::Other(message)), None) => Some(message.clone()),
            _ => None,
        };
        let mut pin = text_input(&t!("login-pin-placeholder"), &self.pin)
            .id(PIN_INPUT)
            .secure(true)
            .size(theme::HUGE * 0.6)
            .padding(14);
        if locked.is_none() {
            pin = pin.on_input(Message::PinChanged).on_submit(Message::Submit);
        }
        let mut entry =
            column![widgets::label(t!("login-pin-for", name = member.name.clone())).size(theme::LARGE), pin,]
                .spacing(16)
                .width(360);
        if let Some(problem) = problem {
            entry = entry.push(widgets::banner(problem, true));
        }
        let ok = button(text(t!("login-ok")).size(theme::LARGE).align_x(Center).width(Fill))
            .padding(14)
            .width(Fill)
            .style(theme::success)
            .on_press_maybe(locked.is_none().then_some(Message::Submit));
        let back = button(text(t!("login-back")).size(theme::BODY).align_x(Center).width(Fill))
            .padding(10)
            .width(Fill)
            .style(theme::key)
            .on_press(Message::Back);
        entry = entry.push(ok).push(back);
        let pad = container(widgets::number_pad(Message::Digits, Message::Clear, Message::Backspace, None)).width(320);
        row![entry, pad].spacing(40).into()
    }
}
