//! Who is giving: a donor found by phone or two letters of the name, added, put right, or
//! merged into another (a manager's call), or nobody named at all.

use iced::Task;
use iced::widget::operation;

use super::{
    Action, Context, DonorForm, Field, Giver, Intake, Message, Mode, NAME_INPUT, PHONE_INPUT, SEARCH_INPUT, Then,
    donation_error,
};
use crate::domain::{Phone, Won};
use crate::store::{Approval, DonorMatch, NewDonor};
use crate::ui::keyboard::Keyboard;
use crate::{explain, t};

impl Intake {
    pub(super) fn update_donor(&mut self, message: Message, ctx: Context<'_>) -> Action {
        match message {
            Message::SearchChanged(text) => {
                self.search = text;
                self.search_now(ctx);
                Action::None
            }
            Message::Search => {
                self.search_now(ctx);
                // One match: take it.
                if self.matches.len() == 1 {
                    return self.update(Message::Choose(0), ctx);
                }
                Action::None
            }
            Message::Choose(i) => {
                let Some(found) = self.matches.get(i).cloned() else { return Action::None };
                if matches!(self.mode, Mode::Merging) {
                    return self.update(Message::MergeInto(i), ctx);
                }
                self.notice = None;
                self.show_donor(found, ctx);
                self.matches.clear();
                self.search.clear();
                Action::None
            }
            Message::Anonymous => {
                self.giver = Giver::Anonymous;
                self.matches.clear();
                Action::None
            }
            Message::ChangeDonor => {
                self.giver = Giver::Unknown;
                Action::Run(operation::focus(SEARCH_INPUT))
            }
            Message::NewDonor => {
                // What was searched for is likely the name or the phone.
                let mut form = DonorForm { wants_receipt: true, ..DonorForm::default() };
                match Phone::parse(&self.search) {
                    Some(p) => form.phone = p.formatted(),
                    None => form.name = self.search.trim().to_string(),
                }
                self.mode = Mode::NewDonor(form);
                Action::Run(operation::focus(NAME_INPUT))
            }
            Message::EditDonor => {
                let Giver::Donor(found, _) = &self.giver else { return Action::None };
                let d = &found.donor;
                self.mode = Mode::NewDonor(DonorForm {
                    editing: Some(d.id),
                    name: d.name.clone(),
                    phone: d.phone.as_ref().map(|p| p.formatted()).unwrap_or_default(),
                    wants_receipt: d.wants_receipt,
                    wants_messages: d.wants_messages,
                });
                Action::Run(operation::focus(NAME_INPUT))
            }
            Message::NameChanged(text) => {
                if let Mode::NewDonor(form) = &mut self.mode {
                    form.name = text;
                    if let Some((Field::Name, _)) = &self.keyboard {
                        self.keyboard = Some((Field::Name, Keyboard::new(&form.name)));
                    }
                }
                Action::None
            }
            Message::PhoneChanged(text) => {
                if let Mode::NewDonor(form) = &mut self.mode {
                    form.phone = text.chars().filter(|c| c.is_ascii_digit() || " -+()".contains(*c)).collect();
                }
                Action::None
            }
            Message::WantsReceipt(on) => {
                if let Mode::NewDonor(form) = &mut self.mode {
                    form.wants_receipt = on;
                }
                Action::None
            }
            Message::WantsMessages(on) => {
                if let Mode::NewDonor(form) = &mut self.mode {
                    form.wants_messages = on;
                }
                Action::None
            }
            Message::SaveDonor => {
                let Mode::NewDonor(form) = &self.mode else { return Action::None };
                if form.name.trim().is_empty() {
                    self.error(t!("error-donor-name"));
                    return Action::Run(operation::focus(NAME_INPUT));
                }
                let phone = match form.phone.trim() {
                    "" => None,
                    typed => match Phone::parse(typed) {
                        Some(p) => Some(p),
                        None => {
                            self.error(t!("error-donor-phone", typed = typed.to_string()));
                            return Action::Run(operation::focus(PHONE_INPUT));
                        }
                    },
                };
                let new = NewDonor {
                    name: form.name.trim().to_string(),
                    phone,
                    wants_receipt: form.wants_receipt,
                    wants_messages: form.wants_messages,
                };
                let editing = form.editing;
                self.mode = Mode::Saving;
                self.keyboard = None;
                let (staff, now) = (ctx.staff.clone(), ctx.now);
                let write = ctx.worker.call(move |store| match editing {
                    Some(id) => store.update_donor(id, &new, &staff, now),
                    None => store.add_donor(&new, &staff, now),
                });
                Action::Run(Task::perform(write, Message::DonorSaved))
            }
            Message::DonorSaved(result) => {
                self.mode = Mode::Counting;
                match result {
                    Ok(donor) => {
                        let changed = matches!(&self.giver, Giver::Donor(found, _) if found.donor.id == donor.id);
                        if changed {
                            self.info(t!("intake-donor-changed", name = donor.name.clone()));
                            self.refresh_donor(ctx);
                        } else {
                            self.info(t!("intake-donor-added", name = donor.name.clone()));
                            let found = DonorMatch { donor, donations: 0, last: None, value: Won::ZERO };
                            self.giver = Giver::Donor(Box::new(found), Vec::new());
                        }
                        self.search.clear();
                    }
                    Err(e) => self.error(donation_error(&e)),
                }
                Action::None
            }
            Message::Merge => {
                if let Giver::Donor(..) = self.giver
                    && self.is_manager
                {
                    self.mode = Mode::Merging;
                    self.search.clear();
                    self.matches.clear();
                    self.info(t!("intake-merge-hint"));
                    return Action::Run(operation::focus(SEARCH_INPUT));
                }
                Action::None
            }
            Message::MergeInto(i) => {
                let (Giver::Donor(from, _), Some(into)) = (&self.giver, self.matches.get(i)) else {
                    return Action::None;
                };
                if from.donor.id == into.donor.id {
                    self.error(t!("error-merge-same"));
                    return Action::None;
                }
                let title = t!("intake-merge-approval", from = from.donor.name.clone(), into = into.donor.name.clone());
                let then = Then::Merge { from: Box::new(from.donor.clone()), into: Box::new(into.donor.clone()) };
                self.ask_manager(
                    Approval::DonorMerge { from: from.donor.uuid.clone(), into: into.donor.uuid.clone() },
                    title,
                    then,
                    ctx,
                )
            }
            Message::Merged(result) => {
                self.mode = Mode::Counting;
                match result {
                    Ok(()) => {
                        self.info(t!("intake-merged"));
                        self.giver = Giver::Unknown;
                    }
                    Err(e) => self.error(donation_error(&e)),
                }
                Action::None
            }
            _ => Action::None,
        }
    }

    /// The donor chosen, with what they gave before.
    pub(super) fn show_donor(&mut self, found: DonorMatch, ctx: Context<'_>) {
        let history = ctx.store.donations_of(found.donor.id).unwrap_or_else(|e| {
            self.error(explain::store_error(&e));
            Vec::new()
        });
        self.giver = Giver::Donor(Box::new(found), history);
    }

    /// The chosen donor's totals and history again, now counting the donation just taken.
    pub(super) fn refresh_donor(&mut self, ctx: Context<'_>) {
        let Giver::Donor(found, _) = &self.giver else { return };
        match ctx.store.donor(found.donor.id) {
            Ok(Some(found)) => self.show_donor(found, ctx),
            Ok(None) => {}
            Err(e) => self.error(explain::store_error(&e)),
        }
    }

    pub(super) fn search_now(&mut self, ctx: Context<'_>) {
        match ctx.store.find_donors(&self.search, 6) {
            Ok(found) => self.matches = found,
            Err(e) => self.error(explain::store_error(&e)),
        }
    }
}
