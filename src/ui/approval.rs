//! A manager's approval at the till: pick the manager, type their PIN on the pad or the
//! keyboard. One panel for every guarded action (opening the drawer without a sale, printing a
//! cash receipt again). The PIN is checked off the UI thread; a wrong one counts toward that
//! manager's lockout; the journal keeps the action with who asked and who approved.

use crate::ui::pressable::button;
use chrono::{DateTime, FixedOffset};
use iced::widget::{column, row, text};
use iced::{Center, Element, Fill, Task};

use crate::domain::{Pin, Role, StaffMember};
use crate::store::{Approval, Approved, SignInError, Store, Worker};
use crate::ui::layout::Layout;
use crate::ui::pin_pad;
use crate::ui::{theme, widgets};
use crate::{explain, t};

pub const PIN_INPUT: &str = "approval-pin";

#[derive(Debug, Clone)]
pub enum Message {
    Choose(usize),
    Pin(pin_pad::Key),
    Submit,
    Cancel,
    Checked(Result<Approved, SignInError>),
}

pub enum Outcome {
    None,
    Run(Task<Message>),
    Approved(Approved),
    Cancelled,
}

pub struct ApprovalPanel {
    pub action: Approval,
    title: String,
    managers: Vec<StaffMember>,
    chosen: Option<usize>,
    pin: Pin,
    problem: Option<String>,
    checking: bool,
}

impl ApprovalPanel {
    /// A panel asking a manager to allow `action`, titled `title`.
    pub fn new(store: &Store, action: Approval, title: String) -> ApprovalPanel {
        let (managers, problem) = match store.staff() {
            Ok(staff) => (staff.into_iter().filter(|s| s.role == Role::Manager).collect::<Vec<_>>(), None),
            Err(e) => (Vec::new(), Some(explain::store_error(&e))),
        };
        let chosen = (managers.len() == 1).then_some(0);
        ApprovalPanel { action, title, managers, chosen, pin: Pin::default(), problem, checking: false }
    }

    /// Where the keyboard goes when the panel opens.
    pub fn focus(&self) -> Task<Message> {
        iced::widget::operation::focus(PIN_INPUT)
    }

    pub fn update(
        &mut self,
        message: Message,
        worker: &Worker,
        requested_by: &StaffMember,
        now: DateTime<FixedOffset>,
    ) -> Outcome {
        let focus = || Outcome::Run(iced::widget::operation::focus(PIN_INPUT));
        match message {
            Message::Choose(index) => {
                self.chosen = Some(index);
                self.problem = None;
                self.pin.clear();
                focus()
            }
            Message::Pin(key) if !self.checking => {
                if pin_pad::press(&mut self.pin, key) {
                    focus()
                } else {
                    Outcome::None
                }
            }
            Message::Submit => {
                let Some(manager) = self.chosen.and_then(|i| self.managers.get(i)) else { return Outcome::None };
                if self.checking || self.pin.is_empty() {
                    return focus();
                }
                self.checking = true;
                self.problem = None;
                let pin = std::mem::take(&mut self.pin);
                let (action, asked, manager_id) = (self.action.clone(), requested_by.clone(), manager.id);
                let check = worker.call(move |store| store.approve(&action, &asked, manager_id, pin.expose(), now));
                Outcome::Run(Task::perform(check, Message::Checked))
            }
            Message::Checked(result) => {
                self.checking = false;
                match result {
                    Ok(approved) => Outcome::Approved(approved),
                    Err(e) => {
                        self.problem = Some(explain::sign_in_error(&e, now));
                        focus()
                    }
                }
            }
            Message::Cancel => Outcome::Cancelled,
            Message::Pin(_) => Outcome::None,
        }
    }

    pub fn view(&self, layout: Layout) -> Element<'_, Message> {
        let pad_key = layout.pad_key();
        let gap = if layout.short() { 6 } else { 12 };
        let managers = row(self.managers.iter().enumerate().map(|(i, m)| {
            let chosen = self.chosen == Some(i);
            button(text(m.name.clone()).size(theme::BODY).align_x(Center).width(Fill))
                .padding(12)
                .width(Fill)
                .style(if chosen { theme::primary } else { theme::key })
                .on_press(Message::Choose(i))
                .into()
        }))
        .spacing(8);
        let mut panel = column![
            text(self.title.clone()).size(if layout.short() { theme::BODY } else { theme::LARGE }).font(theme::BOLD),
            widgets::muted(t!("approval-hint")),
            managers
        ]
        .spacing(gap);
        if self.managers.is_empty() {
            panel = panel.push(widgets::banner(t!("approval-no-manager"), true));
        }
        if let Some(manager) = self.chosen.and_then(|i| self.managers.get(i)) {
            panel = panel.push(pin_pad::field(
                PIN_INPUT,
                &t!("approval-pin-for", name = manager.name.clone()),
                &self.pin,
                theme::LARGE,
                if layout.short() { 6 } else { 12 },
                (!self.checking).then_some((Message::Pin, Message::Submit)),
            ));
        }
        if self.checking {
            panel = panel.push(widgets::muted(t!("approval-checking")));
        }
        if let Some(problem) = &self.problem {
            panel = panel.push(widgets::banner(problem.as_str(), true));
        }
        let ready = self.chosen.is_some() && !self.pin.is_empty() && !self.checking;
        panel
            .push(pin_pad::pad(Message::Pin, pad_key))
            .push(
                row![
                    widgets::key(t!("approval-cancel"), theme::BODY, Some(Message::Cancel)).height(pad_key),
                    button(
                        text(t!("approval-confirm"))
                            .size(theme::LARGE)
                            .align_x(Center)
                            .align_y(Center)
                            .width(Fill)
                            .height(Fill)
                    )
                    .height(pad_key)
                    .width(Fill)
                    .style(theme::danger)
                    .on_press_maybe(ready.then_some(Message::Submit)),
                ]
                .spacing(8),
            )
            .into()
    }
}
