//! How the intake counter looks: on the left the donor (search, results, the chosen donor with
//! their past donations, or the new-donor form) over the category keys (or the on-screen
//! keyboard); on the right the channel, the counted lines, what was turned away, bags, boxes,
//! weight, the value and 기증 받기.

use crate::ui::pressable::button;
use iced::widget::{column, container, row, scrollable, text, text_input};
use iced::{Center, Element, Fill, FillPortion};

use super::{
    DonorForm, Giver, Intake, Message, Mode, NAME_INPUT, NOTE_INPUT, PHONE_INPUT, SEARCH_INPUT, VALUE_INPUT,
    WEIGHT_INPUT,
};
use crate::domain::donation::{Channel, RejectReason};
use crate::domain::register;
use crate::reports::donations::{channel_name, reason_name};
use crate::t;
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};

impl Intake {
    pub fn view(&self, layout: Layout) -> Element<'_, Message> {
        let gap = if layout.short() { 8 } else { 12 };
        let mut left = column![].spacing(gap);
        if let Some((notice, is_error)) = &self.notice {
            left = left.push(widgets::banner(notice.as_str(), *is_error));
        }
        left = left.push(container(self.view_giver(layout)).style(theme::card).padding(10).width(Fill).height(Fill));
        left = match &self.keyboard {
            Some((_, keyboard)) => left.push(keyboard.view(Message::Keyboard, layout.key_height())),
            None => left.push(self.view_keys(layout)),
        };
        let right = container(match &self.mode {
            Mode::Approving { panel, .. } => panel.view(layout).map(Message::Approval),
            Mode::Done(donation) => self.view_done(donation, layout),
            Mode::Value(digits) => self.view_value(digits, layout),
            Mode::Saving => widgets::banner(t!("pay-saving"), false),
            _ => self.view_counted(layout),
        })
        .padding(if layout.short() { 10 } else { 16 })
        .height(Fill)
        .width(FillPortion(2))
        .style(theme::panel);
        row![left.width(FillPortion(3)), right].spacing(gap).padding(layout.padding()).into()
    }

    fn view_giver(&self, layout: Layout) -> Element<'_, Message> {
        if let Mode::NewDonor(form) = &self.mode {
            return self.view_form(form, layout);
        }
        let key = |label: String, message: Message| {
            widgets::key(label, theme::SMALL + 1.0, Some(message)).height(layout.key_height())
        };
        match (&self.giver, &self.mode) {
            (Giver::Donor(found, history), mode) if !matches!(mode, Mode::Merging) => {
                let d = &found.donor;
                let phone = d.phone.as_ref().map(|p| p.masked()).unwrap_or_else(|| t!("intake-no-phone"));
                let rows = history.iter().take(20).map(|n| {
                    row![
                        text(n.business_date.to_string()).size(theme::SMALL).width(100),
                        widgets::muted(channel_name(n.channel)).width(60),
                        widgets::muted(t!("intake-pieces", count = n.accepted())).width(Fill),
                        text(crate::i18n::won(n.value)).size(theme::SMALL),
                    ]
                    .spacing(8)
                    .into()
                });
                let mut actions = row![
                    key(t!("intake-change-donor"), Message::ChangeDonor),
                    key(t!("intake-edit-donor"), Message::EditDonor)
                ]
                .spacing(8);
                if self.is_manager {
                    actions = actions.push(key(t!("intake-merge"), Message::Merge));
                }
                column![
                    row![widgets::title(d.name.as_str()), widgets::spacer(), widgets::muted(phone)].align_y(Center),
                    widgets::muted(t!(
                        "intake-history",
                        count = found.donations,
                        value = found.value.to_string(),
                        last = found.last.map(|d| d.to_string()).unwrap_or_else(|| "-".into())
                    )),
                    scrollable(column(rows).spacing(4)).height(Fill),
                    actions,
                ]
                .spacing(6)
                .into()
            }
            (Giver::Anonymous, _) => column![
                widgets::title(t!("intake-anonymous")),
                widgets::muted(t!("intake-anonymous-hint")),
                iced::widget::space().height(Fill),
                key(t!("intake-change-donor"), Message::ChangeDonor),
            ]
            .spacing(6)
            .into(),
            _ => {
                let results = self.matches.iter().enumerate().map(|(i, m)| {
                    let phone = m.donor.phone.as_ref().map(|p| p.masked()).unwrap_or_default();
                    button(
                        row![
                            text(m.donor.name.as_str()).size(theme::BODY).font(theme::BOLD).width(Fill),
                            widgets::muted(phone),
                            widgets::muted(t!("intake-times", count = m.donations)),
                        ]
                        .spacing(10)
                        .align_y(Center),
                    )
                    .padding([8, 10])
                    .width(Fill)
                    .style(theme::key)
                    .on_press(Message::Choose(i))
                    .into()
                });
                let title =
                    if matches!(self.mode, Mode::Merging) { t!("intake-merge-title") } else { t!("intake-who") };
                let mut panel = column![
                    widgets::title(title),
                    text_input(&t!("intake-search-placeholder"), &self.search)
                        .id(SEARCH_INPUT)
                        .size(theme::BODY)
                        .padding(10)
                        .on_input(Message::SearchChanged)
                        .on_submit(Message::Search),
                    scrollable(column(results).spacing(4)).height(Fill),
                ]
                .spacing(8);
                if self.search.trim().is_empty() {
                    panel = panel.push(widgets::muted(t!("intake-search-hint")));
                } else if self.matches.is_empty() {
                    panel = panel.push(widgets::muted(t!("intake-nobody")));
                }
                if matches!(self.mode, Mode::Merging) {
                    panel.push(key(t!("pay-back"), Message::Back)).into()
                } else {
                    panel
                        .push(
                            row![
                                key(t!("intake-new-donor"), Message::NewDonor),
                                key(t!("intake-anonymous-button"), Message::Anonymous)
                            ]
                            .spacing(8),
                        )
                        .into()
                }
            }
        }
    }

    fn view_form<'a>(&'a self, form: &'a DonorForm, layout: Layout) -> Element<'a, Message> {
        let toggle = |label: String, on: bool, message: Message| {
            widgets::choice(label, theme::SMALL + 1.0, on, Some(message), layout.key_height())
        };
        let keyboard_label = if self.keyboard.is_some() { t!("intake-keyboard-hide") } else { t!("intake-keyboard") };
        let title = if form.editing.is_some() { t!("intake-edit-donor") } else { t!("intake-new-donor") };
        column![
            widgets::title(title),
            row![
                text_input(&t!("intake-name-placeholder"), &form.name)
                    .id(NAME_INPUT)
                    .size(theme::BODY)
                    .padding(10)
                    .on_input(Message::NameChanged)
                    .on_submit(Message::SaveDonor),
                widgets::key(keyboard_label, theme::SMALL, Some(Message::ShowKeyboard)).width(110).height(44),
            ]
            .spacing(8),
            text_input(&t!("intake-phone-placeholder"), &form.phone)
                .id(PHONE_INPUT)
                .size(theme::BODY)
                .padding(10)
                .on_input(Message::PhoneChanged)
                .on_submit(Message::SaveDonor),
            row![
                toggle(t!("intake-wants-receipt"), form.wants_receipt, Message::WantsReceipt(!form.wants_receipt)),
                toggle(t!("intake-wants-messages"), form.wants_messages, Message::WantsMessages(!form.wants_messages)),
            ]
            .spacing(8),
            iced::widget::space().height(Fill),
            row![
                widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(layout.key_height()),
                widgets::choice(
                    if form.editing.is_some() { t!("volunteers-save-changes") } else { t!("intake-save-donor") },
                    theme::BODY,
                    true,
                    Some(Message::SaveDonor),
                    layout.key_height()
                ),
            ]
            .spacing(8),
        ]
        .spacing(8)
        .into()
    }

    fn view_keys(&self, layout: Layout) -> Element<'_, Message> {
        let enabled = matches!(self.mode, Mode::Counting);
        widgets::category_keys(
            &self.keys,
            self.key_page,
            layout.key_grid(),
            None,
            |i| enabled.then_some(Message::Category(i)),
            enabled.then_some(Message::NextKeys),
        )
    }

    fn view_counted(&self, layout: Layout) -> Element<'_, Message> {
        let small = |label: &'static str, message: Message| {
            button(text(label).size(theme::BODY).align_x(Center).align_y(Center).width(Fill).height(Fill))
                .width(48)
                .height(48)
                .style(theme::key)
                .on_press(message)
        };
        let channel = |c: Channel| {
            widgets::choice(
                channel_name(c),
                theme::SMALL + 1.0,
                self.channel == c,
                Some(Message::Channel(c)),
                layout.key_height(),
            )
            .into()
        };
        let lines = self.accepted.iter().enumerate().map(|(i, (k, n))| {
            let c = &self.keys[*k];
            let name = crate::i18n::local(&c.name_ko, &c.name_en);
            let chosen = self.selected == Some(i);
            let name = button(text(widgets::keep_words(name)).size(theme::SMALL + 1.0).align_y(Center).height(Fill))
                .padding([4, 6])
                .width(Fill)
                .height(layout.wrapping_key())
                .style(if chosen { theme::primary } else { theme::key })
                .on_press(Message::Select(i));
            let mut line = row![
                name,
                small("−", Message::Fewer(i)),
                text(n.to_string()).size(theme::BODY).width(36).align_x(Center),
                small("+", Message::More(i)),
            ]
            .spacing(6)
            .align_y(Center);
            // The smallest till has no room for each line's value beside its name; the total
            // below says it.
            if !layout.smallest() {
                line = line.push(
                    text(crate::i18n::won(c.donation.of(*n)))
                        .size(theme::SMALL)
                        .width(80)
                        .align_x(iced::alignment::Horizontal::Right),
                );
            }
            line.into()
        });
        let rejected = self.rejected.iter().enumerate().map(|(i, r)| {
            let what = r
                .category
                .as_ref()
                .and_then(|c| self.keys.iter().find(|k| &k.code == c))
                .map(|c| crate::i18n::local(&c.name_ko, &c.name_en).to_string());
            row![
                text(t!(
                    "intake-rejected-line",
                    reason = reason_name(r.reason),
                    what = what.unwrap_or_default(),
                    count = r.count
                ))
                .size(theme::SMALL)
                .color(theme::RED)
                .width(Fill),
                small("×", Message::RemoveRejected(i)),
            ]
            .align_y(Center)
            .into()
        });
        let reject = |reason: RejectReason| {
            let label = match reason {
                RejectReason::NotAccepted => t!("reject-not-accepted-short"),
                RejectReason::Safety => t!("reject-safety-short"),
                other => reason_name(other),
            };
            widgets::key(label, theme::SMALL, Some(Message::Reject(reason))).height(layout.wrapping_key()).into()
        };
        let counter = |label: String, n: u32, less: Message, more: Message| {
            row![
                widgets::label(label).width(Fill),
                small("−", less),
                text(n.to_string()).size(theme::BODY).width(30).align_x(Center),
                small("+", more)
            ]
            .spacing(6)
            .align_y(Center)
        };
        let value = self.value();
        let accepted: u32 = self.accepted.iter().map(|(_, n)| *n).sum();
        let turned_away: u32 = self.rejected.iter().map(|r| r.count).sum();
        column![
            row(Channel::ALL.map(channel)).spacing(6),
            container(scrollable(column(lines.chain(rejected).chain(self.unit_hints())).spacing(4)))
                .style(theme::card)
                .padding(6)
                .height(Fill)
                .width(Fill),
            widgets::muted(t!("intake-reject-hint")),
            // Five reasons in one row leave the keys too small for their words: three to a row.
            widgets::grid(RejectReason::ALL.map(reject).into(), 3),
            {
                let bags = counter(t!("intake-bags"), self.bags, Message::Bags(-1), Message::Bags(1));
                let boxes = counter(t!("intake-boxes"), self.boxes, Message::Boxes(-1), Message::Boxes(1));
                // Side by side they leave no room for their names on a narrow till.
                if layout.narrow() {
                    Element::from(column![bags, boxes].spacing(4))
                } else {
                    row![bags, boxes].spacing(12).into()
                }
            },
            row![
                text_input(&t!("intake-weight-placeholder"), &self.weight)
                    .id(WEIGHT_INPUT)
                    .size(theme::SMALL + 1.0)
                    .padding(8)
                    .on_input(Message::WeightChanged)
                    .width(FillPortion(1)),
                text_input(&t!("intake-note-placeholder"), &self.note)
                    .id(NOTE_INPUT)
                    .size(theme::SMALL + 1.0)
                    .padding(8)
                    .on_input(Message::NoteChanged)
                    .width(FillPortion(2)),
            ]
            .spacing(8),
            row![
                // Both counts, always: a piece turned away is not among those taken, and the
                // value is of those taken only.
                column![
                    widgets::label(t!("intake-value")).color(theme::MUTED),
                    widgets::muted(t!("intake-counts-now", accepted = accepted, rejected = turned_away)),
                ]
                .width(Fill),
                widgets::title(crate::i18n::won(value)),
            ]
            .align_y(Center),
            row![
                widgets::key(t!("intake-back"), theme::SMALL + 1.0, Some(Message::Back))
                    .height(layout.wrapping_key())
                    .width(FillPortion(1)),
                button(
                    text(widgets::keep_words(&t!("intake-take")))
                        .size(layout.big_label(&t!("intake-take")))
                        .align_x(Center)
                        .align_y(Center)
                        .width(Fill)
                        .height(Fill)
                )
                .height(layout.wrapping_key())
                .width(FillPortion(2))
                .style(theme::success)
                .on_press(Message::Take),
            ]
            .spacing(8)
            .align_y(Center),
        ]
        .spacing(if layout.short() { 6 } else { 8 })
        .into()
    }

    /// Why a few books show 0 won: categories counted in units of several pieces say so.
    fn unit_hints(&self) -> impl Iterator<Item = Element<'_, Message>> {
        self.accepted.iter().filter_map(|(k, _)| {
            let c = &self.keys[*k];
            (c.donation.unit > 1).then(|| {
                widgets::muted(t!(
                    "intake-unit-hint",
                    name = crate::i18n::local(&c.name_ko, &c.name_en),
                    unit = c.donation.unit,
                    value = c.donation.value.to_string()
                ))
                .into()
            })
        })
    }

    fn view_done<'a>(&'a self, d: &'a crate::store::Donation, layout: Layout) -> Element<'a, Message> {
        let mut done = column![
            widgets::title(t!("intake-done")).color(theme::GREEN),
            widgets::label(match &d.donor {
                Some(donor) => donor.name.clone(),
                None => t!("intake-anonymous"),
            }),
            widgets::muted(t!("intake-done-counts", accepted = d.accepted(), rejected = d.rejected_count())),
            row![
                widgets::label(t!("intake-value")).color(theme::MUTED),
                widgets::spacer(),
                text(crate::i18n::won(d.value)).size(theme::HUGE * 0.8).font(theme::BOLD),
            ]
            .align_y(Center),
        ]
        .spacing(10);
        // Anyone may ask; a manager's PIN decides.
        done = done.push(
            widgets::key(t!("intake-change-value"), theme::SMALL + 1.0, Some(Message::ChangeValue))
                .height(layout.key_height()),
        );
        done.push(iced::widget::space().height(Fill))
            .push(
                button(text(t!("intake-next")).size(theme::LARGE).align_x(Center).width(Fill))
                    .padding(16)
                    .width(Fill)
                    .style(theme::success)
                    .on_press(Message::NewDonation),
            )
            .push(widgets::key(t!("intake-back"), theme::BODY, Some(Message::Back)).height(layout.key_height()))
            .into()
    }

    fn view_value<'a>(&'a self, digits: &'a str, layout: Layout) -> Element<'a, Message> {
        column![
            widgets::title(t!("intake-change-value")),
            widgets::label(t!("intake-value-hint")),
            text_input("0", &register::grouped(digits))
                .id(VALUE_INPUT)
                .size(theme::LARGE)
                .padding(10)
                .align_x(iced::alignment::Horizontal::Right)
                .on_input(Message::ValueChanged)
                .on_submit(Message::ConfirmValue),
            iced::widget::space().height(Fill),
            widgets::choice(
                t!("intake-value-confirm"),
                theme::BODY,
                true,
                Some(Message::ConfirmValue),
                layout.key_height()
            ),
            widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(layout.key_height()),
        ]
        .spacing(10)
        .into()
    }
}
