//! Signing in: tap your name, type your PIN on the pad or the keyboard. The PIN is checked off
//! the UI thread (argon2 takes a moment); meanwhile the screen says so and ignores another
//! press. A wrong PIN says how many tries are left; the fifth locks that person out, with a
//! countdown.
//!
//! Volunteers also sign in and out for their shift here (봉사 출근·퇴근) without becoming the
//! cashier: name, the shift's duty, PIN. The till's list shows managers, cashiers and the
//! volunteers on shift now, and who is here is listed under it.

use std::time::Instant;

use crate::ui::pressable::button;
use chrono::{DateTime, FixedOffset};
use iced::widget::{column, container, operation, row, scrollable, text};
use iced::{Center, Element, Fill, Task};

use crate::domain::volunteer::{Duty, forgotten_end};
use crate::domain::{Pin, Role, StaffMember};
use crate::reports::volunteers::duty_name;
use crate::store::{Shift, ShiftError, ShiftStarted, SignInError, Store, Volunteer, Worker};
use crate::ui::layout::Layout;
use crate::ui::pin_pad;
use crate::ui::wedge::Burst;
use crate::ui::{theme, widgets};
use crate::{explain, t};

pub const PIN_INPUT: &str = "pin";

#[derive(Debug, Clone)]
pub enum Message {
    Choose(usize),
    Pin(pin_pad::Key),
    Submit,
    Back,
    Checked(Result<StaffMember, SignInError>),
    /// To the volunteers' sign-in and out for a shift, or back to the till's.
    Shifts(bool),
    Duty(Duty),
    ShiftDone(Result<ShiftDone, ShiftError>),
}

#[derive(Debug, Clone)]
pub enum ShiftDone {
    Started(Box<ShiftStarted>),
    Ended(Box<Shift>),
}

pub enum Action {
    None,
    Run(Task<Message>),
    SignedIn(StaffMember),
}

#[derive(Debug, Clone, PartialEq)]
enum Problem {
    Locked {
        until: DateTime<FixedOffset>,
    },
    Said(String),
    /// A volunteer left the shift panel before their shift was written; worded when shown, so
    /// it follows the language.
    NotStarted(String),
}

pub struct Login {
    /// Who may sign in to the till: managers, cashiers, volunteers on shift.
    staff: Vec<StaffMember>,
    /// Who may sign in for a shift, when choosing that.
    roster: Vec<Volunteer>,
    /// On shift now.
    here: Vec<Shift>,
    shifts: bool,
    duty: Option<Duty>,
    /// What the last shift sign-in or out said (a greeting, the hours).
    said: Option<String>,
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
    /// The language changed: what was said in the other one goes (the screen draws the rest
    /// in the new language).
    pub fn language_changed(&mut self) {
        self.said = None;
    }

    pub fn new(store: &Store, burst: Burst, now: DateTime<FixedOffset>) -> Login {
        let mut login = Login {
            staff: Vec::new(),
            roster: Vec::new(),
            here: Vec::new(),
            shifts: false,
            duty: None,
            said: None,
            chosen: None,
            pin: Pin::default(),
            problem: None,
            checking: false,
            demo: store.info().is_demo,
            burst,
        };
        login.reload(store, now);
        login
    }

    /// The lists again from the store (after a shift starts or ends, or the roster changed).
    pub fn reload(&mut self, store: &Store, now: DateTime<FixedOffset>) {
        let lists = (|| {
            let closing = store.closing_time()?;
            // A shift left open past closing time is over, whatever the file says yet.
            let here: Vec<Shift> = store
                .here_now()?
                .into_iter()
                .filter(|s| forgotten_end(s.started.naive_local(), closing) > now.naive_local())
                .collect();
            let staff = store
                .staff()?
                .into_iter()
                .filter(|m| m.role != Role::Volunteer || here.iter().any(|s| s.staff_id == m.id))
                .collect();
            let roster = store.roster()?.into_iter().filter(|v| v.active && !v.duties.is_empty()).collect();
            Ok::<_, crate::store::StoreError>((staff, roster, here))
        })();
        match lists {
            Ok((staff, roster, here)) => (self.staff, self.roster, self.here) = (staff, roster, here),
            Err(e) => self.problem = Some(Problem::Said(explain::store_error(&e))),
        }
    }

    /// The person chosen, as the till or the shift list has them.
    fn chosen_member(&self) -> Option<&StaffMember> {
        let i = self.chosen?;
        if self.shifts { self.roster.get(i).map(|v| &v.member) } else { self.staff.get(i) }
    }

    fn on_shift(&self, member: &StaffMember) -> Option<&Shift> {
        self.here.iter().find(|s| s.staff_id == member.id)
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
                self.said = None;
                self.duty = match self.shifts.then(|| self.roster.get(index)).flatten() {
                    // One duty: nothing to choose.
                    Some(v) if v.duties.len() == 1 => Some(v.duties[0]),
                    _ => None,
                };
                self.problem = match self.chosen_member().map(|s| store.locked_until(s.id, now)) {
                    Some(Ok(Some(until))) => Some(Problem::Locked { until }),
                    Some(Err(e)) => Some(Problem::Said(explain::store_error(&e))),
                    _ => None,
                };
                focus()
            }
            Message::Pin(key) if !self.checking => {
                if let pin_pad::Key::Typed(typed) = &key {
                    let (now, shown) = (Instant::now(), self.pin.expose());
                    match typed {
                        // A deletion is a person: it ends any burst.
                        Some(pin) if pin.expose().len() < shown.len() => self.burst.changed(shown, pin.expose(), now),
                        // A scanner typing letters into the field still counts as keys.
                        _ => self.burst.pressed(shown, now),
                    }
                }
                if pin_pad::press(&mut self.pin, key) { focus() } else { Action::None }
            }
            Message::Back if !self.checking => {
                if self.chosen.is_none() {
                    self.shifts = false;
                }
                // A volunteer who leaves after typing a PIN or picking a duty has not started a
                // shift: say so on the list, or they would think their hours are counting.
                let not_started = match self.chosen_member() {
                    Some(m)
                        if self.shifts
                            && self.on_shift(m).is_none()
                            && (!self.pin.is_empty() || self.duty.is_some()) =>
                    {
                        Some(m.name.clone())
                    }
                    _ => None,
                };
                self.chosen = None;
                self.duty = None;
                self.pin.clear();
                self.problem = not_started.map(Problem::NotStarted);
                Action::None
            }
            Message::Shifts(on) if !self.checking => {
                self.shifts = on;
                self.chosen = None;
                self.duty = None;
                self.pin.clear();
                self.problem = None;
                self.said = None;
                Action::None
            }
            Message::Duty(duty) if !self.checking => {
                self.duty = Some(duty);
                self.problem = None;
                focus()
            }
            Message::ShiftDone(result) => {
                self.checking = false;
                match result {
                    Ok(done) => {
                        self.said = Some(shift_greeting(&done));
                        self.shifts = false;
                        self.chosen = None;
                        self.duty = None;
                        self.problem = None;
                        self.reload(store, now);
                        Action::None
                    }
                    Err(ShiftError::SignIn(SignInError::LockedOut { until })) => {
                        self.problem = Some(Problem::Locked { until });
                        focus()
                    }
                    Err(e) => {
                        self.problem = Some(Problem::Said(explain::shift_error(&e, now)));
                        focus()
                    }
                }
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
                let Some(member) = self.chosen_member().cloned() else { return Action::None };
                if self.pin.is_empty() {
                    return focus();
                }
                if self.shifts {
                    let (id, signing_out) = (member.id, self.on_shift(&member).is_some());
                    let Some(duty) = self.duty.or(signing_out.then_some(Duty::Counter)) else {
                        self.problem = Some(Problem::Said(t!("shift-choose-duty")));
                        return Action::None;
                    };
                    self.checking = true;
                    self.problem = None;
                    let pin = std::mem::take(&mut self.pin);
                    let call = worker.call(move |store| {
                        if signing_out {
                            store.end_shift(id, pin.expose(), now).map(|s| ShiftDone::Ended(Box::new(s)))
                        } else {
                            store.start_shift(id, pin.expose(), duty, now).map(|s| ShiftDone::Started(Box::new(s)))
                        }
                    });
                    return Action::Run(Task::perform(call, Message::ShiftDone));
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
                        self.problem = Some(Problem::Said(explain::sign_in_error(&e, now)));
                        focus()
                    }
                }
            }
            Message::Choose(_) | Message::Pin(_) | Message::Shifts(_) | Message::Duty(_) | Message::Back => {
                Action::None
            }
        }
    }

    fn locked(&self, now: DateTime<FixedOffset>) -> Option<chrono::Duration> {
        match &self.problem {
            Some(Problem::Locked { until }) if *until > now => Some(explain::locked_for(*until, now)),
            _ => None,
        }
    }

    pub fn view(&self, now: DateTime<FixedOffset>, layout: Layout) -> Element<'_, Message> {
        let body: Element<'_, Message> = match self.chosen_member() {
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
        let tile = |i: usize, name: &str, hint: String, width: f32| -> Element<'static, Message> {
            button(
                column![text(name.to_string()).size(theme::LARGE).font(theme::BOLD), widgets::muted(hint)]
                    .spacing(6)
                    .align_x(Center)
                    .width(Fill),
            )
            .padding(if width < 200.0 { 12 } else { 18 })
            .width(width)
            .style(theme::key)
            .on_press(Message::Choose(i))
            .into()
        };
        let (title, tiles): (String, Vec<Element<'_, Message>>) = if self.shifts {
            let tiles = self.roster.iter().enumerate().map(|(i, v)| {
                let hint = match self.on_shift(&v.member) {
                    Some(s) => t!("shift-tile-in", since = s.started.format("%H:%M").to_string()),
                    None => t!("shift-tile-out"),
                };
                tile(i, &v.member.name, hint, 170.0)
            });
            (t!("shift-title"), tiles.collect())
        } else {
            let tiles = self.staff.iter().enumerate().map(|(i, s)| tile(i, &s.name, role_name(s.role), 220.0));
            (t!("login-title"), tiles.collect())
        };
        let hint = if self.shifts { t!("shift-choose") } else { t!("login-choose") };
        let mut page =
            column![widgets::label(title).size(theme::LARGE), widgets::muted(hint)].spacing(8).align_x(Center);
        if let Some(said) = &self.said {
            page = page.push(widgets::banner(said.clone(), false));
        }
        match &self.problem {
            Some(Problem::Said(message)) => page = page.push(widgets::banner(message.clone(), true)),
            Some(Problem::NotStarted(name)) => {
                page = page.push(widgets::banner(t!("shift-not-started", name = name.clone()), true));
            }
            _ => {}
        }
        let switch = if self.shifts {
            widgets::key(t!("shift-back-to-till"), theme::BODY, Some(Message::Shifts(false)))
        } else {
            widgets::key(t!("shift-open"), theme::BODY, Some(Message::Shifts(true)))
        };
        page = page.push(switch.width(300).height(48));
        if !self.here.is_empty() {
            let names: Vec<String> = self
                .here
                .iter()
                .map(|s| {
                    t!(
                        "shift-here-one",
                        name = s.name.clone(),
                        duty = duty_name(s.duty),
                        since = s.started.format("%H:%M").to_string()
                    )
                })
                .collect();
            page = page.push(
                column![
                    text(t!("shift-here", count = self.here.len())).size(theme::BODY).font(theme::BOLD),
                    widgets::muted(names.join(" · ")),
                ]
                .spacing(4)
                .align_x(Center),
            );
        }
        // The names last: a long roster scrolls in the room that is left.
        page = page.push(
            scrollable(
                container(row(tiles).spacing(12).wrap()).padding(iced::Padding { right: 16.0, ..iced::Padding::ZERO }),
            )
            .height(Fill),
        );
        page.spacing(16).into()
    }

    fn view_pin(&self, member: &StaffMember, now: DateTime<FixedOffset>, layout: Layout) -> Element<'_, Message> {
        let locked = self.locked(now);
        let problem = match (&self.problem, locked) {
            (_, Some(left)) => Some(t!("login-locked", time = explain::duration(left))),
            (Some(Problem::Said(message)), None) => Some(message.clone()),
            _ => None,
        };
        let pin = pin_pad::field(
            PIN_INPUT,
            &t!("login-pin-placeholder"),
            &self.pin,
            theme::HUGE * 0.6,
            12,
            (locked.is_none() && !self.checking).then_some((Message::Pin, Message::Submit)),
        );
        let mut entry = column![].spacing(if layout.short() { 8 } else { 14 }).width(360);
        if self.shifts {
            match self.on_shift(member) {
                Some(shift) => {
                    entry = entry.push(widgets::title(t!("shift-end-title", name = member.name.clone())));
                    entry = entry.push(widgets::label(t!(
                        "shift-end-since",
                        duty = duty_name(shift.duty),
                        since = shift.started.format("%H:%M").to_string()
                    )));
                }
                None => {
                    entry = entry.push(widgets::title(t!("shift-start-title", name = member.name.clone())));
                    let duties = self.roster.iter().find(|v| v.member.id == member.id).map(|v| v.duties.clone());
                    // Two to a row, big enough to touch.
                    let keys = duties.unwrap_or_default().into_iter().map(|d| {
                        let chosen = self.duty == Some(d);
                        widgets::choice(duty_name(d), theme::BODY, chosen, Some(Message::Duty(d)), 48.0).into()
                    });
                    entry = entry.push(widgets::grid(keys.collect(), 2));
                }
            }
            entry = entry.push(widgets::label(t!("shift-pin")));
        } else {
            entry = entry.push(widgets::label(t!("login-pin-for", name = member.name.clone())).size(theme::LARGE));
        }
        entry = entry.push(pin);
        // What is said goes under the pad, beside the buttons rather than above them, so 확인
        // and 다른 사람 never move under a finger when a message comes or goes.
        let said: Option<Element<'_, Message>> = match problem {
            Some(problem) => Some(widgets::banner(problem, true)),
            None if self.checking => Some(widgets::muted(t!("login-checking")).into()),
            None => None,
        };
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
        let mut pad = column![pin_pad::pad(Message::Pin, layout.pad_key())].spacing(12).width(320);
        if let Some(said) = said {
            pad = pad.push(said);
        }
        row![entry, pad].spacing(32).into()
    }
}

/// What a volunteer is told after signing in or out for a shift.
fn shift_greeting(done: &ShiftDone) -> String {
    match done {
        ShiftDone::Started(started) => {
            let hello = t!(
                "shift-started",
                name = started.shift.name.clone(),
                duty = duty_name(started.shift.duty),
                total = crate::i18n::words::hours_and_minutes(started.total_minutes)
            );
            match started.milestone {
                Some(h) => format!("{hello} {}", t!("shift-milestone", hours = h)),
                None => hello,
            }
        }
        ShiftDone::Ended(shift) => {
            let minutes = shift.worked().map_or(0, |w| w.minutes());
            t!("shift-ended", name = shift.name.clone(), worked = crate::i18n::words::hours_and_minutes(minutes))
        }
    }
}
