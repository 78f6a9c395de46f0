//! How the volunteers screen looks: the day's shifts and the roster, with the panel for the one
//! chosen.

use crate::ui::pressable::button;
use iced::widget::{column, container, row, text, text_input};
use iced::{Center, Element, Fill, FillPortion};

use super::{END_INPUT, Message, Mode, NAME_INPUT, REASON_INPUT, START_INPUT, Volunteers};
use crate::domain::volunteer::Duty;
use crate::reports::volunteers::duty_name;
use crate::store::Shift;
use crate::t;
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};

impl Volunteers {
    pub fn view(&self, layout: Layout) -> Element<'_, Message> {
        let gap = if layout.short() { 8 } else { 12 };
        let shift_row = |i: usize, s: &Shift| -> Element<'_, Message> {
            let end = s.ended.map(|e| e.format("%H:%M").to_string()).unwrap_or_else(|| "…".into());
            let chosen = matches!(self.mode, Mode::Shift { index, .. } if index == i);
            let mut note = duty_name(s.duty);
            if s.needs_confirmation() {
                note = format!("{note} · {}", t!("volunteers-closed-by-store"));
            }
            let line = row![
                text(s.name.clone()).size(theme::BODY).width(90),
                text(format!("{} {}–{end}", s.day.format("%m-%d"), s.started.format("%H:%M")))
                    .size(theme::SMALL)
                    .width(150),
                if chosen { text(note).size(theme::SMALL) } else { widgets::muted(note) }.width(Fill),
            ]
            .spacing(8)
            .align_y(Center);
            button(container(line).center_y(Fill))
                .padding(iced::Padding { top: 6.0, bottom: 6.0, left: 10.0, right: 18.0 })
                .width(Fill)
                .height(crate::ui::layout::TOUCH + 4.0)
                .style(if chosen { theme::primary } else { theme::key })
                .on_press(Message::Pick(i))
                .into()
        };
        let mut shifts = column![].spacing(4);
        if self.waiting > 0 {
            shifts =
                shifts.push(text(t!("volunteers-waiting", count = self.waiting)).size(theme::BODY).font(theme::BOLD));
        }
        for (i, s) in self.shifts.iter().enumerate() {
            if i == self.waiting {
                shifts = shifts.push(text(t!("volunteers-today")).size(theme::BODY).font(theme::BOLD));
            }
            shifts = shifts.push(shift_row(i, s));
        }
        if self.shifts.len() == self.waiting {
            shifts = shifts.push(text(t!("volunteers-today")).size(theme::BODY).font(theme::BOLD));
            shifts = shifts.push(widgets::muted(t!("volunteers-none-today")));
        }
        let people = self.roster.iter().enumerate().map(|(i, v)| {
            let duties: Vec<String> = v.duties.iter().map(|d| duty_name(*d)).collect();
            let state = if v.active { t!("volunteers-active") } else { t!("volunteers-inactive") };
            row![
                button(text(v.member.name.clone()).size(theme::SMALL + 1.0).align_y(Center).height(Fill))
                    .style(theme::key)
                    .padding([4, 8])
                    .height(crate::ui::layout::TOUCH)
                    .width(FillPortion(2))
                    .on_press_maybe((!self.busy).then_some(Message::Edit(i))),
                widgets::muted(duties.join(", ")).width(FillPortion(4)),
                widgets::key(state, theme::SMALL, (!self.busy).then_some(Message::Active(i)))
                    .width(90)
                    .height(crate::ui::layout::TOUCH),
            ]
            .spacing(8)
            .align_y(Center)
            .into()
        });
        let mut left = column![widgets::title(t!("volunteers-title"))].spacing(gap);
        if let Some((notice, is_error)) = &self.notice {
            left = left.push(widgets::banner(notice.as_str(), *is_error));
        }
        let active = self.roster.iter().filter(|v| v.active).count();
        left = left
            .push(widgets::card_list(shifts, 3))
            .push(text(t!("volunteers-roster", count = active)).size(theme::BODY).font(theme::BOLD))
            .push(widgets::card_list(
                column(people).spacing(4).padding(iced::Padding { right: 14.0, ..iced::Padding::ZERO }),
                2,
            ));
        // The keyboard takes the lists' place while it types the name.
        let left = match &self.keyboard {
            Some(keyboard) if matches!(self.mode, Mode::NewVolunteer(_) | Mode::EditVolunteer(..)) => {
                column![widgets::title(t!("volunteers-title")), keyboard.view(Message::Keyboard, layout.key_height())]
                    .spacing(gap)
            }
            _ => left,
        };
        widgets::lists_and_panel(left, self.view_side(layout), layout)
    }

    pub(super) fn view_side(&self, layout: Layout) -> Element<'_, Message> {
        let label = if matches!(self.mode, Mode::Nothing) { t!("intake-back") } else { t!("pay-back") };
        let back = widgets::key(label, theme::BODY, Some(Message::Back)).height(layout.key_height());
        let field = |placeholder: String, value: &str, id: &'static str, on: fn(String) -> Message| {
            text_input(&placeholder, value).id(id).size(theme::BODY).padding(10).on_input(on)
        };
        match &self.mode {
            Mode::Nothing => column![
                widgets::label(t!("volunteers-hint")),
                iced::widget::space().height(Fill),
                widgets::choice(
                    t!("volunteers-new"),
                    theme::BODY,
                    false,
                    Some(Message::NewVolunteer),
                    layout.key_height()
                ),
                back,
            ]
            .spacing(10)
            .into(),
            Mode::Shift { index, start, end, reason } => {
                let Some(shift) = self.shifts.get(*index) else { return back.into() };
                let mut panel = column![
                    widgets::title(t!("volunteers-shift-title", name = shift.name.clone())),
                    widgets::muted(t!(
                        "volunteers-shift-day",
                        day = shift.day.to_string(),
                        duty = duty_name(shift.duty)
                    )),
                    row![
                        column![
                            widgets::label(t!("volunteers-start")),
                            field(String::from("09:00"), start, START_INPUT, Message::StartChanged)
                        ]
                        .spacing(4),
                        column![
                            widgets::label(t!("volunteers-end")),
                            field(String::from("18:00"), end, END_INPUT, Message::EndChanged)
                        ]
                        .spacing(4),
                    ]
                    .spacing(10),
                    field(t!("volunteers-reason"), reason, REASON_INPUT, Message::ReasonChanged)
                        .on_submit(Message::SaveTimes),
                ]
                .spacing(10);
                panel = panel.push(iced::widget::space().height(Fill));
                if shift.needs_confirmation() {
                    panel = panel.push(widgets::choice(
                        t!("volunteers-confirm"),
                        theme::BODY,
                        true,
                        (!self.busy).then_some(Message::Confirm),
                        layout.key_height(),
                    ));
                }
                panel
                    .push(widgets::choice(
                        t!("volunteers-save-times"),
                        theme::BODY,
                        false,
                        (!self.busy).then_some(Message::SaveTimes),
                        layout.key_height(),
                    ))
                    .push(back)
                    .into()
            }
            Mode::NewVolunteer(form) | Mode::EditVolunteer(_, form) => {
                let editing = matches!(self.mode, Mode::EditVolunteer(..));
                let keys = Duty::ALL.map(|d| {
                    let chosen = form.duties.contains(&d);
                    widgets::choice(duty_name(d), theme::BODY, chosen, Some(Message::Duty(d)), layout.key_height())
                        .into()
                });
                let duties = widgets::grid(keys.into(), 2);
                let (title, pin_hint) = if editing {
                    (t!("volunteers-edit"), t!("volunteers-pin-keep"))
                } else {
                    (t!("volunteers-new"), t!("volunteers-pin"))
                };
                column![
                    widgets::title(title),
                    row![
                        field(t!("intake-name-placeholder"), &form.name, NAME_INPUT, Message::NameChanged),
                        widgets::key(
                            if self.keyboard.is_some() { t!("intake-keyboard-hide") } else { t!("intake-keyboard") },
                            theme::SMALL,
                            Some(Message::ShowKeyboard)
                        )
                        .width(150)
                        .height(crate::ui::layout::TOUCH),
                    ]
                    .spacing(6)
                    .align_y(Center),
                    field(t!("intake-phone-placeholder"), &form.phone, "volunteer-phone", Message::PhoneChanged),
                    field(t!("volunteers-portal"), &form.portal_id, "volunteer-portal", Message::PortalChanged),
                    field(pin_hint, &form.pin, "volunteer-pin", Message::PinChanged).secure(true),
                    widgets::label(t!("volunteers-duties")),
                    duties,
                    iced::widget::space().height(Fill),
                    widgets::choice(
                        if editing { t!("volunteers-save-changes") } else { t!("volunteers-save") },
                        theme::BODY,
                        true,
                        (!self.busy).then_some(Message::SaveVolunteer),
                        layout.key_height()
                    ),
                    back,
                ]
                .spacing(8)
                .into()
            }
        }
    }
}
