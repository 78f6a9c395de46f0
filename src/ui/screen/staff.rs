//! 직원 관리 (managers, from 매장 설정): the cashiers and managers on the left; on the right,
//! adding someone (they type their own PIN, twice), or for the person chosen: manager or
//! cashier, a new PIN, leaving or coming back. The rules are `store`'s (a manager only, never
//! without an active manager); every change runs on the worker and is journaled there.

use crate::ui::pressable::button;
use iced::widget::{column, row, text, text_input};
use iced::{Center, Element, Fill, Task};

use crate::domain::{Pin, Role};
use crate::store::{NewStaff, StaffEntry, StaffError, Store};
use crate::ui::layout::Layout;
use crate::ui::screen::login::role_name;
use crate::ui::{theme, widgets};
use crate::{explain, t};

pub use super::BackRoom as Context;

pub const NAME_INPUT: &str = "staff-name";
pub const PIN_INPUT: &str = "staff-pin";
pub const PIN_AGAIN_INPUT: &str = "staff-pin-again";

#[derive(Debug, Clone)]
pub enum Message {
    Choose(i64),
    New,
    Name(String),
    Role(Role),
    /// What a PIN field holds; `None` when something other than digits was typed.
    Pin(Option<Pin>),
    PinAgain(Option<Pin>),
    Add,
    /// A new PIN for the person chosen.
    ResetPin,
    SetRole(Role),
    SetActive(bool),
    /// A change was saved (what to say), or why not.
    Done(Result<String, String>),
    Back,
}

/// What this screen asks the app to do.
pub type Action = super::Action<Message>;

enum Mode {
    Nothing,
    Adding,
    Person(i64),
}

pub struct Staff {
    roster: Vec<StaffEntry>,
    mode: Mode,
    name: String,
    role: Role,
    pin: Pin,
    pin_again: Pin,
    busy: bool,
    said: Option<Result<String, String>>,
}

impl Staff {
    /// The language changed: what was said in the other one goes (the screen draws the rest
    /// in the new language).
    pub fn language_changed(&mut self) {
        self.said = None;
    }

    pub fn new(store: &Store) -> Staff {
        let mut screen = Staff {
            roster: Vec::new(),
            mode: Mode::Nothing,
            name: String::new(),
            role: Role::Cashier,
            pin: Pin::default(),
            pin_again: Pin::default(),
            busy: false,
            said: None,
        };
        screen.reload(store);
        screen
    }

    fn reload(&mut self, store: &Store) {
        match store.staff_roster() {
            Ok(roster) => self.roster = roster,
            Err(e) => self.said = Some(Err(explain::store_error(&e))),
        }
    }

    fn chosen(&self) -> Option<&StaffEntry> {
        match self.mode {
            Mode::Person(id) => self.roster.iter().find(|e| e.member.id == id),
            _ => None,
        }
    }

    fn clear_form(&mut self) {
        self.name.clear();
        self.role = Role::Cashier;
        self.pin.clear();
        self.pin_again.clear();
    }

    /// The PIN typed twice, or what to say.
    fn new_pin(&self) -> Result<Pin, String> {
        if self.pin.len() < Pin::MIN_LEN {
            return Err(staff_error(&StaffError::Pin));
        }
        if self.pin != self.pin_again {
            return Err(t!("setup-pins-differ"));
        }
        Ok(self.pin.clone())
    }

    pub fn update(&mut self, message: Message, ctx: Context<'_>) -> Action {
        let (by, now, worker) = (ctx.staff.clone(), ctx.now, ctx.worker);
        match message {
            Message::Choose(id) => {
                self.mode = Mode::Person(id);
                self.clear_form();
                self.said = None;
                Action::None
            }
            Message::New => {
                self.mode = Mode::Adding;
                self.clear_form();
                self.said = None;
                Action::Run(iced::widget::operation::focus(NAME_INPUT))
            }
            Message::Name(name) => {
                self.name = name;
                Action::None
            }
            Message::Role(role) => {
                self.role = role;
                Action::None
            }
            Message::Pin(Some(pin)) => {
                self.pin = pin;
                Action::None
            }
            Message::PinAgain(Some(pin)) => {
                self.pin_again = pin;
                Action::None
            }
            Message::Pin(None) | Message::PinAgain(None) => Action::None,
            Message::Add | Message::ResetPin | Message::SetRole(_) | Message::SetActive(_) if self.busy => Action::None,
            Message::Add => {
                let pin = match self.new_pin() {
                    Ok(pin) => pin,
                    Err(why) => {
                        // The second PIN is typed again (the message says so).
                        self.pin_again.clear();
                        self.said = Some(Err(why));
                        return Action::None;
                    }
                };
                let new = NewStaff { name: self.name.clone(), role: self.role, pin };
                self.busy = true;
                on_worker(
                    worker,
                    move |store| store.add_staff(&new, &by, now),
                    |m| t!("staff-added", name = m.name, role = role_name(m.role)),
                )
            }
            Message::ResetPin => {
                let (Some(person), pin) = (self.chosen().cloned(), self.new_pin()) else { return Action::None };
                let pin = match pin {
                    Ok(pin) => pin,
                    Err(why) => {
                        // The second PIN is typed again (the message says so).
                        self.pin_again.clear();
                        self.said = Some(Err(why));
                        return Action::None;
                    }
                };
                self.busy = true;
                let id = person.member.id;
                on_worker(
                    worker,
                    move |store| store.reset_staff_pin(id, &pin, &by, now),
                    move |()| t!("staff-pin-reset", name = person.member.name),
                )
            }
            Message::SetRole(role) => {
                let Some(person) = self.chosen().cloned() else { return Action::None };
                self.busy = true;
                let id = person.member.id;
                on_worker(
                    worker,
                    move |store| store.set_staff_role(id, role, &by, now),
                    move |()| t!("staff-role-set", name = person.member.name, role = role_name(role)),
                )
            }
            Message::SetActive(active) => {
                let Some(person) = self.chosen().cloned() else { return Action::None };
                self.busy = true;
                let id = person.member.id;
                let name = person.member.name;
                on_worker(
                    worker,
                    move |store| store.set_staff_active(id, active, &by, now),
                    move |()| {
                        if active { t!("staff-back", name = name) } else { t!("staff-left", name = name) }
                    },
                )
            }
            Message::Done(result) => {
                self.busy = false;
                if result.is_ok() {
                    if matches!(self.mode, Mode::Adding) {
                        self.mode = Mode::Nothing;
                    }
                    self.clear_form();
                    self.reload(ctx.store);
                }
                self.said = Some(result);
                Action::None
            }
            Message::Back => match self.mode {
                Mode::Nothing => Action::Leave,
                _ => {
                    self.mode = Mode::Nothing;
                    self.said = None;
                    Action::None
                }
            },
        }
    }

    pub fn view(&self, layout: Layout) -> Element<'_, Message> {
        let people = self.roster.iter().map(|entry| {
            let m = &entry.member;
            let chosen = matches!(self.mode, Mode::Person(id) if id == m.id);
            // Small print in the button's own colour where the row is chosen (grey on blue is unreadable).
            let small =
                |s: String| if chosen { text(s).size(theme::SMALL).into() } else { Element::from(widgets::muted(s)) };
            let mut line = row![text(m.name.clone()).size(theme::BODY).width(Fill), small(role_name(m.role))]
                .spacing(12)
                .align_y(Center);
            if !entry.active {
                line = line.push(small(t!("staff-inactive")));
            }
            button(line)
                .width(Fill)
                .padding([10, 12])
                .style(if chosen { theme::primary } else { theme::key })
                .on_press(Message::Choose(m.id))
                .into()
        });
        let left = column![
            widgets::title(t!("staff-title")),
            widgets::card_list(
                column(people.collect::<Vec<Element<'_, Message>>>())
                    .spacing(4)
                    .padding(iced::Padding { right: 14.0, ..iced::Padding::ZERO }),
                1
            ),
        ];
        widgets::lists_and_panel(left, self.view_side(layout), layout)
    }

    fn pin_fields(&self) -> Element<'_, Message> {
        let pin = |placeholder: String, value: &Pin, id: &'static str, on: fn(Option<Pin>) -> Message| {
            text_input(&placeholder, value.expose())
                .id(id)
                .secure(true)
                .size(theme::BODY)
                .padding(10)
                .on_input(move |typed| on(Pin::typed(&typed)))
        };
        row![
            pin(String::from("PIN"), &self.pin, PIN_INPUT, Message::Pin),
            pin(t!("setup-pin-again"), &self.pin_again, PIN_AGAIN_INPUT, Message::PinAgain),
        ]
        .spacing(8)
        .into()
    }

    fn view_side(&self, layout: Layout) -> Element<'_, Message> {
        let h = layout.key_height();
        let enabled = |m: Message| (!self.busy).then_some(m);
        let back_label = if matches!(self.mode, Mode::Nothing) { t!("staff-to-settings") } else { t!("pay-back") };
        let back = widgets::key(back_label, theme::BODY, Some(Message::Back)).height(h);
        // The message slot is always there, so the keys under it never move.
        let said: Element<'_, Message> = match &self.said {
            Some(Ok(said)) => widgets::banner(said, false),
            Some(Err(why)) => widgets::banner(why, true),
            None => iced::widget::space().into(),
        };
        let said = iced::widget::container(said).height(72).width(Fill);
        let role_keys = |current: Role, on: fn(Role) -> Message| {
            row![
                widgets::choice(
                    role_name(Role::Cashier),
                    theme::BODY,
                    current == Role::Cashier,
                    enabled(on(Role::Cashier)),
                    h
                ),
                widgets::choice(
                    role_name(Role::Manager),
                    theme::BODY,
                    current == Role::Manager,
                    enabled(on(Role::Manager)),
                    h
                ),
            ]
            .spacing(8)
        };
        let body: Element<'_, Message> = match &self.mode {
            Mode::Nothing => column![
                widgets::label(t!("staff-hint")),
                iced::widget::space().height(Fill),
                widgets::choice(t!("staff-new"), theme::BODY, false, enabled(Message::New), h),
            ]
            .spacing(10)
            .into(),
            Mode::Adding => column![
                widgets::title(t!("staff-new")),
                text_input(&t!("staff-name"), &self.name)
                    .id(NAME_INPUT)
                    .size(theme::BODY)
                    .padding(10)
                    .on_input(Message::Name),
                role_keys(self.role, Message::Role),
                widgets::muted(t!("staff-pin-by-person")),
                self.pin_fields(),
                iced::widget::space().height(Fill),
                widgets::choice(t!("staff-add"), theme::BODY, true, enabled(Message::Add), h),
            ]
            .spacing(10)
            .into(),
            Mode::Person(_) => match self.chosen() {
                None => iced::widget::space().into(),
                Some(entry) => {
                    let m = &entry.member;
                    let active_key = if entry.active {
                        widgets::choice(t!("staff-leave"), theme::BODY, false, enabled(Message::SetActive(false)), h)
                    } else {
                        widgets::choice(t!("staff-return"), theme::BODY, false, enabled(Message::SetActive(true)), h)
                    };
                    column![
                        widgets::title(m.name.clone()),
                        role_keys(m.role, Message::SetRole),
                        widgets::muted(t!("staff-pin-by-person")),
                        self.pin_fields(),
                        widgets::choice(t!("staff-reset-pin"), theme::BODY, false, enabled(Message::ResetPin), h),
                        iced::widget::space().height(Fill),
                        active_key,
                    ]
                    .spacing(10)
                    .into()
                }
            },
        };
        column![body, said, back].spacing(10).into()
    }
}

/// Runs `f` on the store's worker; what comes back is said with `said`, a refusal in the
/// screen's words.
fn on_worker<T: Send + 'static>(
    worker: &crate::store::Worker,
    f: impl FnOnce(&mut Store) -> Result<T, StaffError> + Send + 'static,
    said: impl FnOnce(T) -> String + Send + 'static,
) -> Action {
    let job = worker.call(f);
    Action::Run(Task::perform(async move { job.await.map(said).map_err(|e| staff_error(&e)) }, Message::Done))
}

pub fn staff_error(e: &StaffError) -> String {
    match e {
        StaffError::NotAManager => t!("staff-error-not-manager"),
        StaffError::Name => t!("staff-error-name"),
        StaffError::Pin => t!("setup-error-pin"),
        StaffError::Volunteer => t!("staff-error-volunteer"),
        StaffError::LastManager => t!("staff-error-last-manager"),
        StaffError::NotFound => t!("staff-error-not-found"),
        StaffError::Store(e) => explain::store_error(e),
    }
}
