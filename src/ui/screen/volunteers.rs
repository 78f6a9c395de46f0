//! The manager's volunteer screen: shifts the store closed at closing time wait here to be
//! confirmed or put right (new times and why), today's shifts are listed, and the roster is
//! kept: a new volunteer with their PIN and duties, someone taken off or put back. Every change
//! is written by the worker.

mod view;

use chrono::{DateTime, Days, FixedOffset, NaiveTime};
use iced::Task;
use iced::widget::operation;

use crate::domain::volunteer::Duty;
use crate::domain::{Phone, Pin, StaffMember};
use crate::store::{NewVolunteer, Shift, ShiftError, Store, StoreError, Volunteer};
use crate::{explain, t};

pub use super::BackRoom as Context;

pub const START_INPUT: &str = "shift-start";
pub const END_INPUT: &str = "shift-end";
pub const REASON_INPUT: &str = "shift-reason";
pub const NAME_INPUT: &str = "volunteer-name";

#[derive(Debug, Clone)]
pub enum Message {
    Pick(usize),
    Confirm,
    StartChanged(String),
    EndChanged(String),
    ReasonChanged(String),
    SaveTimes,
    ShiftSaved(Result<Shift, ShiftError>),
    NewVolunteer,
    /// The on-screen Hangul keyboard for the name, shown or hidden.
    ShowKeyboard,
    Keyboard(crate::ui::keyboard::Key),
    NameChanged(String),
    PhoneChanged(String),
    PortalChanged(String),
    PinChanged(String),
    Duty(Duty),
    SaveVolunteer,
    VolunteerSaved(Result<StaffMember, StoreError>),
    Active(usize),
    ActiveSaved(Result<(), StoreError>),
    Edit(usize),
    Back,
}

/// What this screen asks the app to do.
pub type Action = super::Action<Message>;

#[derive(Debug, Clone, Default)]
struct Form {
    name: String,
    phone: String,
    portal_id: String,
    pin: String,
    duties: Vec<Duty>,
}

enum Mode {
    Nothing,
    /// A shift chosen: its times as typed, and why they change.
    Shift {
        index: usize,
        start: String,
        end: String,
        reason: String,
    },
    NewVolunteer(Form),
    /// A person on the roster being changed (their staff id); an empty PIN keeps theirs.
    EditVolunteer(i64, Form),
}

pub struct Volunteers {
    /// Waiting on a manager first, then today's.
    shifts: Vec<Shift>,
    waiting: usize,
    roster: Vec<Volunteer>,
    mode: Mode,
    busy: bool,
    notice: Option<(String, bool)>,
    /// The on-screen keyboard typing the form's name (a till with no keyboard, or one that
    /// cannot type Hangul).
    keyboard: Option<crate::ui::keyboard::Keyboard>,
}

impl Volunteers {
    /// The language changed: what was said in the other one goes (the screen draws the rest
    /// in the new language).
    pub fn language_changed(&mut self) {
        self.notice = None;
    }

    pub fn new(store: &Store, now: DateTime<FixedOffset>) -> Volunteers {
        let mut screen = Volunteers {
            shifts: Vec::new(),
            waiting: 0,
            roster: Vec::new(),
            mode: Mode::Nothing,
            busy: false,
            notice: None,
            keyboard: None,
        };
        screen.load(store, now);
        screen
    }

    fn load(&mut self, store: &Store, now: DateTime<FixedOffset>) {
        let today = now.date_naive();
        let loaded = store.shifts_to_confirm().and_then(|waiting| {
            let todays: Vec<Shift> = store
                .shifts_between(today, today)?
                .into_iter()
                .filter(|s| !waiting.iter().any(|w| w.id == s.id))
                .collect();
            Ok((waiting, todays, store.roster()?))
        });
        match loaded {
            Ok((waiting, todays, roster)) => {
                self.waiting = waiting.len();
                self.shifts = waiting.into_iter().chain(todays).collect();
                self.roster = roster;
            }
            Err(e) => self.notice = Some((explain::store_error(&e), true)),
        }
    }

    pub fn update(&mut self, message: Message, ctx: Context<'_>) -> Action {
        match message {
            Message::Pick(index) if !self.busy => {
                let Some(shift) = self.shifts.get(index) else { return Action::None };
                let end = shift.ended.map(|e| e.format("%H:%M").to_string()).unwrap_or_default();
                self.mode =
                    Mode::Shift { index, start: shift.started.format("%H:%M").to_string(), end, reason: String::new() };
                self.notice = None;
                Action::Run(operation::focus(END_INPUT))
            }
            Message::StartChanged(typed) => {
                if let Mode::Shift { start, .. } = &mut self.mode {
                    *start = clock_digits(&typed);
                }
                Action::None
            }
            Message::EndChanged(typed) => {
                if let Mode::Shift { end, .. } = &mut self.mode {
                    *end = clock_digits(&typed);
                }
                Action::None
            }
            Message::ReasonChanged(typed) => {
                if let Mode::Shift { reason, .. } = &mut self.mode {
                    *reason = typed.chars().take(100).collect();
                }
                Action::None
            }
            Message::Confirm if !self.busy => {
                let Mode::Shift { index, .. } = &self.mode else { return Action::None };
                let Some(shift) = self.shifts.get(*index) else { return Action::None };
                let (id, manager, now) = (shift.id, ctx.staff.clone(), ctx.now);
                self.busy = true;
                let write = ctx.worker.call(move |store| Ok(store.confirm_shift(id, &manager, now)?));
                Action::Run(Task::perform(write, Message::ShiftSaved))
            }
            Message::SaveTimes if !self.busy => {
                let Mode::Shift { index, start, end, reason } = &self.mode else { return Action::None };
                let Some(shift) = self.shifts.get(*index) else { return Action::None };
                let times = parse_clock(start).zip(parse_clock(end));
                let Some((start, end)) = times else {
                    self.notice = Some((t!("volunteers-bad-time"), true));
                    return Action::None;
                };
                let day = shift.started.date_naive();
                let offset = *shift.started.offset();
                // An end before the start is after midnight.
                let end_day = if end < start { day + Days::new(1) } else { day };
                let local = |d: chrono::NaiveDate, t: NaiveTime| d.and_time(t).and_local_timezone(offset).single();
                let (Some(started), Some(ended)) = (local(day, start), local(end_day, end)) else {
                    self.notice = Some((t!("volunteers-bad-time"), true));
                    return Action::None;
                };
                let (id, reason, manager, now) = (shift.id, reason.clone(), ctx.staff.clone(), ctx.now);
                self.busy = true;
                let write = ctx.worker.call(move |store| store.edit_shift(id, started, ended, &reason, &manager, now));
                Action::Run(Task::perform(write, Message::ShiftSaved))
            }
            Message::ShiftSaved(result) => {
                self.busy = false;
                match result {
                    Ok(shift) => {
                        let worked = shift.worked().map_or(0, |w| w.minutes());
                        self.notice = Some((
                            t!(
                                "volunteers-shift-saved",
                                name = shift.name.clone(),
                                worked = crate::i18n::words::hours_and_minutes(worked)
                            ),
                            false,
                        ));
                        self.mode = Mode::Nothing;
                        self.load(ctx.store, ctx.now);
                    }
                    Err(e) => self.notice = Some((explain::shift_error(&e, ctx.now), true)),
                }
                Action::None
            }
            Message::NewVolunteer if !self.busy => {
                self.mode = Mode::NewVolunteer(Form::default());
                self.keyboard = None;
                self.notice = None;
                Action::Run(operation::focus(NAME_INPUT))
            }
            Message::NameChanged(typed) => self.form(|f| f.name = typed.chars().take(30).collect()),
            Message::ShowKeyboard => {
                self.keyboard = match (&self.keyboard, &self.mode) {
                    (None, Mode::NewVolunteer(form) | Mode::EditVolunteer(_, form)) => {
                        Some(crate::ui::keyboard::Keyboard::new(&form.name))
                    }
                    _ => None,
                };
                Action::None
            }
            Message::Keyboard(key) => {
                let Some(keyboard) = &mut self.keyboard else { return Action::None };
                let open = keyboard.press(key);
                let name: String = keyboard.text().chars().take(30).collect();
                if !open {
                    self.keyboard = None;
                }
                self.form(|f| f.name = name)
            }
            Message::PhoneChanged(typed) => self.form(|f| f.phone = typed.chars().take(20).collect()),
            Message::PortalChanged(typed) => self.form(|f| f.portal_id = typed.trim().chars().take(30).collect()),
            Message::PinChanged(typed) => {
                self.form(|f| f.pin = typed.chars().filter(char::is_ascii_digit).take(Pin::MAX_LEN).collect())
            }
            Message::Duty(duty) => self.form(|f| {
                if let Some(at) = f.duties.iter().position(|d| *d == duty) {
                    f.duties.remove(at);
                } else {
                    f.duties.push(duty);
                    f.duties.sort();
                }
            }),
            Message::Edit(index) if !self.busy => {
                let Some(v) = self.roster.get(index) else { return Action::None };
                let form = Form {
                    name: v.member.name.clone(),
                    phone: v.phone.as_ref().map(|p| p.formatted()).unwrap_or_default(),
                    portal_id: v.portal_id.clone().unwrap_or_default(),
                    pin: String::new(),
                    duties: v.duties.clone(),
                };
                self.mode = Mode::EditVolunteer(v.member.id, form);
                self.keyboard = None;
                self.notice = None;
                Action::Run(operation::focus(NAME_INPUT))
            }
            Message::SaveVolunteer if !self.busy => {
                let (editing, form) = match &self.mode {
                    Mode::NewVolunteer(form) => (None, form),
                    Mode::EditVolunteer(id, form) => (Some(*id), form),
                    _ => return Action::None,
                };
                let phone = form.phone.trim();
                let problem = if form.name.trim().is_empty() {
                    Some(t!("volunteers-need-name"))
                } else if !phone.is_empty() && Phone::parse(phone).is_none() {
                    Some(t!("volunteers-bad-phone"))
                } else if form.pin.len() < 4 && (editing.is_none() || !form.pin.is_empty()) {
                    Some(t!("volunteers-need-pin"))
                } else if form.duties.is_empty() {
                    Some(t!("volunteers-need-duty"))
                } else {
                    None
                };
                if let Some(problem) = problem {
                    self.notice = Some((problem, true));
                    return Action::None;
                }
                let new = NewVolunteer {
                    name: form.name.trim().to_string(),
                    phone: Phone::parse(phone),
                    portal_id: Some(form.portal_id.clone()).filter(|p| !p.is_empty()),
                    pin: form.pin.clone(),
                    duties: form.duties.clone(),
                };
                let (manager, now) = (ctx.staff.clone(), ctx.now);
                self.busy = true;
                let write = ctx.worker.call(move |store| match editing {
                    Some(id) => store.update_volunteer(id, &new, &manager, now),
                    None => store.add_volunteer(&new, &manager, now),
                });
                Action::Run(Task::perform(write, Message::VolunteerSaved))
            }
            Message::VolunteerSaved(result) => {
                self.busy = false;
                match result {
                    Ok(member) => {
                        let said = if matches!(self.mode, Mode::EditVolunteer(..)) {
                            t!("volunteers-changed", name = member.name)
                        } else {
                            t!("volunteers-added", name = member.name)
                        };
                        self.notice = Some((said, false));
                        self.mode = Mode::Nothing;
                        self.load(ctx.store, ctx.now);
                    }
                    Err(e) => self.notice = Some((explain::store_error(&e), true)),
                }
                Action::None
            }
            Message::Active(index) if !self.busy => {
                let Some(person) = self.roster.get(index) else { return Action::None };
                if person.member.id == ctx.staff.id {
                    self.notice = Some((t!("volunteers-not-yourself"), true));
                    return Action::None;
                }
                let (id, active, manager, now) = (person.member.id, !person.active, ctx.staff.clone(), ctx.now);
                self.busy = true;
                let write = ctx.worker.call(move |store| store.set_active(id, active, &manager, now));
                Action::Run(Task::perform(write, Message::ActiveSaved))
            }
            Message::ActiveSaved(result) => {
                self.busy = false;
                match result {
                    Ok(()) => self.load(ctx.store, ctx.now),
                    Err(e) => self.notice = Some((explain::store_error(&e), true)),
                }
                Action::None
            }
            Message::Back => match self.mode {
                Mode::Nothing => Action::Leave,
                _ if self.busy => Action::None,
                _ => {
                    self.mode = Mode::Nothing;
                    self.keyboard = None;
                    Action::None
                }
            },
            Message::Pick(_)
            | Message::Confirm
            | Message::SaveTimes
            | Message::NewVolunteer
            | Message::SaveVolunteer
            | Message::Edit(_)
            | Message::Active(_) => Action::None,
        }
    }

    fn form(&mut self, change: impl FnOnce(&mut Form)) -> Action {
        if let Mode::NewVolunteer(form) | Mode::EditVolunteer(_, form) = &mut self.mode {
            change(form);
        }
        Action::None
    }
}

/// What was typed into a time field, kept to digits and one colon.
fn clock_digits(typed: &str) -> String {
    typed.chars().filter(|c| c.is_ascii_digit() || *c == ':').take(5).collect()
}

/// `9:05`, `09:05` or `905` as a time of day.
fn parse_clock(typed: &str) -> Option<NaiveTime> {
    let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match (typed.split_once(':'), digits.len()) {
        (Some((h, m)), _) => (h.parse().ok()?, m.parse().ok()?),
        (None, 3 | 4) => (digits[..digits.len() - 2].parse().ok()?, digits[digits.len() - 2..].parse().ok()?),
        _ => return None,
    };
    NaiveTime::from_hms_opt(h, m, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_as_a_person_types_them() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(parse_clock("9:05"), t(9, 5));
        assert_eq!(parse_clock("0905"), t(9, 5));
        assert_eq!(parse_clock("1830"), t(18, 30));
        assert_eq!(parse_clock("25:00"), None);
        assert_eq!(parse_clock("9"), None);
    }
}
