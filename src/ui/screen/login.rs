//! Signing in: tap your name, type your PIN on the pad or the keyboard. The PIN is checked off
//! the UI thread (argon2 takes a moment); meanwhile the screen says so and ignores another
//! press. A wrong PIN says how many tries are left; the fifth locks that person out, with a
//! countdown.

use std::time::Instant;

use chrono::{DateTime, FixedOffset};
use iced::widget::{button, column, container, operation, row, text, text_input};
use iced::{Center, Element, Fill, Task};

use crate::domain::{Pin, Role, StaffMember};
use crate::store::{SignInError, Store, Worker};
use crate::ui::layout::Layout;
use crate::ui::wedge::Burst;
use crate::ui::{theme, widgets};
use crate::{messages, t};

pub const PIN_INPUT: &str = "pin";

#[derive(Debug, Clone)]
pub enum Message {
    Choose(usize),
    /// What the PIN field holds now; `None` when something other than digits was typed.
    PinChanged(Option<Pin>),
    Digits(&'static str),
    Backspace,
    Clear,
    Submit,
    Back,
    Checked(Result<StaffMember, SignInError>),
}

pub enum Action {
    None,
    Run(Task<Message>),
    SignedIn(StaffMember),
}

#[derive(Debug, Clone, PartialEq)]
enum Problem {
    Locked { until: DateTime<FixedOffset> },
    Said(String),
}

pub struct Login {
    staff: Vec<StaffMember>,
    chosen: Option<usize>,
    pin: Pin,
    problem: Option<Problem>,
    checking: bool,
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
    pub fn new(store: &Store, burst: Burst) -> Login {
        let (staff, problem) = match store.staff() {
            Ok(staff) => (staff, None),
            Err(e) => (Vec::new(), Some(Problem::Said(messages::store_error(&e)))),
        };
        Login { staff, chosen: None, pin: Pin::default(), problem, checking: false, demo: store.info().is_demo, burst }
    }

    /// A scan arrived while nobody is signed in.
    pub fn scanned(&mut self) {
        self.pin.clear();
        self.problem = Some(Problem::Said(t!("login-scan-first")));
    }

    pub fn update(&mut self, message: Message, store: &Store, worker: &Worker, now: DateTime<FixedOffset>) -> Action {
        let focus = || Action::Run(operation::focus(PIN_INPUT));
        match message {
            Message::Choose(index) if !self.checking => {
                self.chosen = Some(index);
                self.pin.clear();
                self.problem = match self.staff.get(index).map(|s| store.locked_until(s.id, now)) {
                    Some(Ok(Some(until))) => Some(Problem::Locked { until }),
                    Some(Err(e)) => Some(Problem::Said(messages::store_error(&e))),
                    _ => None,
                };
                focus()
            }
            Message::PinChanged(typed) if !self.checking => {
                // A scanner typing letters into the field still counts as keys for the burst.
                let new = typed.as_ref().map_or(self.pin.expose(), Pin::expose).to_string();
                self.burst.changed(self.pin.expose(), &new, Instant::now());
                if let Some(pin) = typed {
                    self.pin = pin;
                }
                Action::None
            }
            Message::Digits(d) if !self.checking => {
                self.pin.push(d);
                focus()
            }
            Message::Backspace if !self.checking => {
                self.pin.pop();
                focus()
            }
            Message::Clear if !self.checking => {
                self.pin.clear();
                focus()
            }
            Message::Back if !self.checking => {
                self.chosen = None;
                self.pin.clear();
                self.problem = None;
                Action::None
            }
            Message::Submit => {
                if self.checking {
                    return Action::None;
                }
                if self.burst.submitted(Instant::now()).is_some() {
                    self.pin.clear();
                    self.problem = Some(Problem::Said(t!("login-scan-first")));
                    return focus();
                }
                let Some(member) = self.chosen.and_then(|i| self.staff.get(i)) else { return Action::None };
                if self.pin.is_empty() {
                    return focus();
                }
                self.checking = true;
                self.problem = None;
                let (id, pin) = (member.id, std::mem::take(&mut self.pin));
                let check = worker.call(move |store| store.sign_in(id, pin.expose(), now));
                Action::Run(Task::perform(check, Message::Checked))
            }
            Message::Checked(result) => {
                self.checking = false;
                match result {
                    Ok(member) => {
                        self.chosen = None;
                        self.problem = None;
                        Action::SignedIn(member)
                    }
                    Err(SignInError::LockedOut { until }) => {
                        self.problem = Some(Problem::Locked { until });
                        focus()
                    }
                    Err(e) => {
                        self.problem = Some(Problem::Said(messages::sign_in_error(&e, now)));
                        focus()
                    }
                }
            }
            Message::Choose(_)
            | Message::PinChanged(_)
            | Message::Digits(_)
            | Message::Backspace
            | Message::Clear
            | Message::Back => Action::None,
        }
    }

    fn locked(&self, now: DateTime<FixedOffset>) -> Option<chrono::Duration> {
        match &self.problem {
            Some(Problem::Locked { until }) if *until > now => Some(messages::locked_for(*until, now)),
            _ => None,
        }
    }

    pub fn view(&self, now: DateTime<FixedOffset>, layout: Layout) -> Element<'_, Message> {
        let body: Element<'_, Message> = match self.chosen.and_then(|i| self.staff.get(i)) {
            None => self.view_staff(),
            Some(member) => self.view_pin(member, now, layout),
        };
        let title_size = if layout.short() { theme::LARGE } else { theme::HUGE * 0.8 };
        let mut page = column![text(t!("app-title")).size(title_size).font(theme::BOLD), body]
            .spacing(if layout.short() { 12 } else { 24 })
            .align_x(Center);
        if self.demo {
            page = page.push(widgets::banner(t!("login-demo-hint"), false));
        }
        container(page.max_width(780)).center_x(Fill).padding(layout.padding() * 2.0).into()
    }

    fn view_staff(&self) -> Element<'_, Message> {
        let tiles = self.staff.iter().enumerate().map(|(i, s)| {
            button(
                column![text(&s.name).size(theme::LARGE).font(theme::BOLD), widgets::muted(role_name(s.role))]
                    .spacing(6)
                    .align_x(Center)
                    .width(Fill),
            )
            .padding(18)
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
        if let Some(Problem::Said(message)) = &self.problem {
            page = page.push(widgets::banner(message.clone(), true));
        }
        page.spacing(20).into()
    }

    fn view_pin(&self, member: &StaffMember, now: DateTime<FixedOffset>, layout: Layout) -> Element<'_, Message> {
        let locked = self.locked(now);
        let problem = match (&self.problem, locked) {
            (_, Some(left)) => Some(t!("login-locked", time = messages::duration(left))),
            (Some(Problem::Said(message)), None) => Some(message.clone()),
            _ => None,
        };
        let mut pin = text_input(&t!("login-pin-placeholder"), self.pin.expose())
            .id(PIN_INPUT)
            .secure(true)
            .size(theme::HUGE * 0.6)
            .padding(12);
        if locked.is_none() && !self.checking {
            pin = pin.on_input(|typed| Message::PinChanged(Pin::typed(&typed))).on_submit(Message::Submit);
        }
        let mut entry =
            column![widgets::label(t!("login-pin-for", name = member.name.clone())).size(theme::LARGE), pin]
                .spacing(14)
                .width(360);
        if self.checking {
            entry = entry.push(widgets::muted(t!("login-checking")));
        }
        if let Some(problem) = problem {
            entry = entry.push(widgets::banner(problem, true));
        }
        let can_submit = locked.is_none() && !self.checking && !self.pin.is_empty();
        let ok = button(text(t!("login-ok")).size(theme::LARGE).align_x(Center).width(Fill))
            .padding(12)
            .width(Fill)
            .style(theme::success)
            .on_press_maybe(can_submit.then_some(Message::Submit));
        let back = button(text(t!("login-back")).size(theme::BODY).align_x(Center).width(Fill))
            .padding(10)
            .width(Fill)
            .style(theme::key)
            .on_press_maybe((!self.checking).then_some(Message::Back));
        entry = entry.push(ok).push(back);
        let pad =
            container(widgets::number_pad(Message::Digits, Message::Clear, Message::Backspace, None, layout.pad_key()))
                .width(320);
        row![entry, pad].spacing(32).into()
    }
}
