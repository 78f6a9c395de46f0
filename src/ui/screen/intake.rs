//! The intake counter: find the donor by phone or name (or add them, or take the donation
//! anonymously), count what is accepted per category with the category keys, note what is turned
//! away and why, bags and boxes, and take the donation in. Its value (the categories' guide
//! values per counting unit) shows as it is counted; only a manager may change it. The donation
//! is written off the UI thread and its slip goes to the printer. A donor's past donations show
//! beside them; a manager can merge a donor registered twice.

mod donor;
mod view;

use iced::Task;
use iced::widget::operation;

use crate::domain::donation::{Accepted, Channel, RejectReason, Rejected};
use crate::domain::{Category, StaffMember, Won};
use crate::hardware::donation_slip::donation_slip;
use crate::store::{Approval, Donation, DonationError, Donor, DonorMatch, NewDonation, Store};
use crate::ui::approval::{self, ApprovalPanel, Outcome};
use crate::ui::keyboard::{Key, Keyboard};
use crate::{explain, t};

pub const SEARCH_INPUT: &str = "intake-search";
pub const NAME_INPUT: &str = "intake-name";
pub const PHONE_INPUT: &str = "intake-phone";
pub const WEIGHT_INPUT: &str = "intake-weight";
pub const VALUE_INPUT: &str = "intake-value";
pub const NOTE_INPUT: &str = "intake-note";

#[derive(Debug, Clone)]
pub enum Message {
    SearchChanged(String),
    Search,
    Choose(usize),
    Anonymous,
    ChangeDonor,
    NewDonor,
    NameChanged(String),
    PhoneChanged(String),
    WantsReceipt(bool),
    WantsMessages(bool),
    SaveDonor,
    DonorSaved(Result<Donor, DonationError>),
    EditDonor,
    ShowKeyboard,
    Keyboard(Key),
    Channel(Channel),
    Category(usize),
    NextKeys,
    Select(usize),
    More(usize),
    Fewer(usize),
    Reject(RejectReason),
    RemoveRejected(usize),
    NoteChanged(String),
    Bags(i32),
    Boxes(i32),
    WeightChanged(String),
    ChangeValue,
    ValueChanged(String),
    ConfirmValue,
    Merge,
    MergeInto(usize),
    Approval(approval::Message),
    Take,
    Taken(Result<Donation, DonationError>),
    ValueSaved(Result<Donation, DonationError>),
    Merged(Result<(), DonationError>),
    NewDonation,
    Back,
}

/// What this screen asks the app to do.
pub type Action = super::Action<Message>;

pub use super::BackRoom as Context;

/// Who is giving.
enum Giver {
    /// Not chosen yet: the search is showing.
    Unknown,
    Anonymous,
    Donor(Box<DonorMatch>, Vec<Donation>),
}

#[derive(Debug, Clone, Default)]
struct DonorForm {
    /// The donor being put right, when not a new one.
    editing: Option<i64>,
    name: String,
    phone: String,
    wants_receipt: bool,
    wants_messages: bool,
}

/// A typed text that the on-screen keyboard is editing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Note,
}

enum Mode {
    Counting,
    /// A new donor being typed in.
    NewDonor(DonorForm),
    /// A manager's new value for the donation just taken.
    Value(String),
    /// A donor to merge the chosen one into, being searched for.
    Merging,
    Approving {
        panel: ApprovalPanel,
        then: Then,
    },
    Saving,
    Done(Box<Donation>),
}

enum Then {
    Value { donation: Box<Donation>, value: Won },
    Merge { from: Box<Donor>, into: Box<Donor> },
}

pub struct Intake {
    search: String,
    matches: Vec<DonorMatch>,
    giver: Giver,
    channel: Channel,
    keys: Vec<Category>,
    key_page: usize,
    /// Accepted pieces per category (an index into `keys`), in the order first counted.
    accepted: Vec<(usize, u32)>,
    selected: Option<usize>,
    rejected: Vec<Rejected>,
    note: String,
    bags: u32,
    boxes: u32,
    weight: String,
    keyboard: Option<(Field, Keyboard)>,
    mode: Mode,
    notice: Option<(String, bool)>,
    is_manager: bool,
    /// The donation just taken (for a manager's change of its value).
    taken: Option<Donation>,
}

impl Intake {
    /// The language changed: what was said in the other one goes (the screen draws the rest
    /// in the new language).
    pub fn language_changed(&mut self) {
        self.notice = None;
    }

    pub fn new(store: &Store, staff: &StaffMember) -> (Intake, Task<Message>) {
        let mut notice = None;
        let keys = store
            .categories()
            .map(|all| all.into_iter().filter(|c| c.key_position.is_some() && c.donation.value > Won::ZERO).collect())
            .unwrap_or_else(|e| {
                notice = Some((explain::store_error(&e), true));
                Vec::new()
            });
        let intake = Intake {
            search: String::new(),
            matches: Vec::new(),
            giver: Giver::Unknown,
            channel: Channel::WalkIn,
            keys,
            key_page: 0,
            accepted: Vec::new(),
            selected: None,
            rejected: Vec::new(),
            note: String::new(),
            bags: 0,
            boxes: 0,
            weight: String::new(),
            keyboard: None,
            mode: Mode::Counting,
            notice,
            is_manager: staff.role == crate::domain::Role::Manager,
            taken: None,
        };
        (intake, operation::focus(SEARCH_INPUT))
    }

    /// What the donation comes to so far.
    fn value(&self) -> Won {
        self.accepted.iter().filter_map(|(k, n)| self.keys.get(*k).map(|c| c.donation.of(*n))).sum()
    }

    fn error(&mut self, text: String) {
        self.notice = Some((text, true));
    }

    fn info(&mut self, text: String) {
        self.notice = Some((text, false));
    }

    pub fn update(&mut self, message: Message, ctx: Context<'_>) -> Action {
        match message {
            Message::SearchChanged(_)
            | Message::Search
            | Message::Choose(_)
            | Message::Anonymous
            | Message::ChangeDonor
            | Message::NewDonor
            | Message::EditDonor
            | Message::NameChanged(_)
            | Message::PhoneChanged(_)
            | Message::WantsReceipt(_)
            | Message::WantsMessages(_)
            | Message::SaveDonor
            | Message::DonorSaved(_)
            | Message::Merge
            | Message::MergeInto(_)
            | Message::Merged(_) => self.update_donor(message, ctx),
            Message::ShowKeyboard => {
                self.keyboard = match (&self.keyboard, &self.mode) {
                    (Some(_), _) => None,
                    (None, Mode::NewDonor(form)) => Some((Field::Name, Keyboard::new(&form.name))),
                    (None, _) => Some((Field::Note, Keyboard::new(&self.note))),
                };
                Action::None
            }
            Message::Keyboard(key) => {
                let Some((field, keyboard)) = &mut self.keyboard else { return Action::None };
                let open = keyboard.press(key);
                let text = keyboard.text();
                match (field, &mut self.mode) {
                    (Field::Name, Mode::NewDonor(form)) => form.name = text,
                    (Field::Note, _) => self.note = text,
                    _ => {}
                }
                if !open {
                    self.keyboard = None;
                }
                Action::None
            }
            Message::Channel(c) => {
                self.channel = c;
                Action::None
            }
            Message::Category(key) => {
                if !matches!(self.mode, Mode::Counting) || key >= self.keys.len() {
                    return Action::None;
                }
                match self.accepted.iter().position(|(k, _)| *k == key) {
                    Some(line) => {
                        self.accepted[line].1 += 1;
                        self.selected = Some(line);
                    }
                    None => {
                        self.accepted.push((key, 1));
                        self.selected = Some(self.accepted.len() - 1);
                    }
                }
                Action::None
            }
            Message::NextKeys => {
                self.key_page += 1;
                Action::None
            }
            Message::Select(line) => {
                self.selected = Some(line);
                Action::None
            }
            Message::More(line) => {
                if let Some((_, n)) = self.accepted.get_mut(line) {
                    *n += 1;
                    self.selected = Some(line);
                }
                Action::None
            }
            Message::Fewer(line) => {
                if let Some((_, n)) = self.accepted.get_mut(line) {
                    *n = n.saturating_sub(1);
                    if *n == 0 {
                        self.accepted.remove(line);
                        self.selected = None;
                    }
                }
                Action::None
            }
            Message::Reject(reason) => {
                // One piece of the selected category turned away, for this reason.
                let category = self.selected.and_then(|l| self.accepted.get(l)).and_then(|(k, _)| self.keys.get(*k));
                let category = category.map(|c| c.code.clone());
                match self.rejected.iter_mut().find(|r| r.category == category && r.reason == reason) {
                    Some(r) => r.count += 1,
                    None => self.rejected.push(Rejected { category, count: 1, reason, note: String::new() }),
                }
                if reason == RejectReason::Other && self.note.is_empty() {
                    self.info(t!("intake-other-note"));
                    return Action::Run(operation::focus(NOTE_INPUT));
                }
                Action::None
            }
            Message::RemoveRejected(i) => {
                if i < self.rejected.len() {
                    self.rejected.remove(i);
                }
                Action::None
            }
            Message::NoteChanged(text) => {
                self.note = text;
                Action::None
            }
            Message::Bags(step) => {
                self.bags = self.bags.saturating_add_signed(step);
                Action::None
            }
            Message::Boxes(step) => {
                self.boxes = self.boxes.saturating_add_signed(step);
                Action::None
            }
            Message::WeightChanged(text) => {
                self.weight = text.chars().filter(|c| c.is_ascii_digit() || *c == '.').take(7).collect();
                Action::None
            }
            Message::Take => self.take(ctx),
            Message::Taken(result) => match result {
                Ok(donation) => {
                    let paper = donation_slip(ctx.store.info(), &donation);
                    self.info(t!("intake-taken", value = donation.value.to_string()));
                    self.refresh_donor(ctx);
                    self.taken = Some(donation.clone());
                    self.mode = Mode::Done(Box::new(donation));
                    Action::Print { title: t!("job-donation-slip"), paper }
                }
                Err(e) => {
                    self.mode = Mode::Counting;
                    self.error(t!("error-donation-not-saved", reason = donation_error(&e)));
                    Action::None
                }
            },
            Message::ChangeValue => {
                let Mode::Done(donation) = &self.mode else { return Action::None };
                self.mode = Mode::Value(donation.value.get().to_string());
                Action::Run(operation::focus(VALUE_INPUT))
            }
            Message::ValueChanged(text) => {
                if let Mode::Value(digits) = &mut self.mode {
                    *digits = crate::domain::register::edit_amount(digits, &text);
                }
                Action::Run(operation::move_cursor_to_end(VALUE_INPUT))
            }
            Message::ConfirmValue => self.confirm_value(ctx),
            Message::Approval(message) => self.approval(message, ctx),
            Message::ValueSaved(result) => match result {
                Ok(donation) => {
                    self.info(t!("intake-value-changed", value = donation.value.to_string()));
                    self.refresh_donor(ctx);
                    let paper = donation_slip(ctx.store.info(), &donation);
                    self.taken = Some(donation.clone());
                    self.mode = Mode::Done(Box::new(donation));
                    Action::Print { title: t!("job-donation-slip"), paper }
                }
                Err(e) => {
                    self.mode = self.after_taken();
                    self.error(donation_error(&e));
                    Action::None
                }
            },
            Message::NewDonation => {
                *self = Intake { keys: std::mem::take(&mut self.keys), ..Intake::new(ctx.store, ctx.staff).0 };
                Action::Run(operation::focus(SEARCH_INPUT))
            }
            Message::Back => match self.mode {
                Mode::Value(_) => {
                    self.mode = self.after_taken();
                    Action::None
                }
                Mode::NewDonor(_) | Mode::Merging => {
                    self.mode = Mode::Counting;
                    self.keyboard = None;
                    Action::None
                }
                Mode::Approving { .. } | Mode::Saving => Action::None,
                Mode::Counting | Mode::Done(_) => {
                    if self.keyboard.take().is_some() {
                        return Action::None;
                    }
                    Action::Leave
                }
            },
        }
    }

    /// The panel showing the donation just taken, or counting when there is none.
    fn after_taken(&self) -> Mode {
        match &self.taken {
            Some(d) => Mode::Done(Box::new(d.clone())),
            None => Mode::Counting,
        }
    }

    fn take(&mut self, ctx: Context<'_>) -> Action {
        if !matches!(self.mode, Mode::Counting) {
            return Action::None;
        }
        if matches!(self.giver, Giver::Unknown) {
            self.error(t!("error-donor-first"));
            return Action::Run(operation::focus(SEARCH_INPUT));
        }
        if self.accepted.is_empty() && self.rejected.is_empty() {
            self.error(t!("error-donation-empty"));
            return Action::None;
        }
        if self.rejected.iter().any(|r| r.reason == RejectReason::Other) && self.note.trim().is_empty() {
            self.error(t!("intake-other-note"));
            return Action::Run(operation::focus(NOTE_INPUT));
        }
        let grams = match self.weight.trim() {
            "" => None,
            kg => match kg.parse::<rust_decimal::Decimal>() {
                Ok(kg) => rust_decimal::prelude::ToPrimitive::to_u32(&(kg * rust_decimal::Decimal::from(1000)).round()),
                Err(_) => {
                    self.error(t!("error-weight"));
                    return Action::Run(operation::focus(WEIGHT_INPUT));
                }
            },
        };
        let accepted: Vec<Accepted> = self
            .accepted
            .iter()
            .filter_map(|(k, n)| self.keys.get(*k).map(|c| Accepted { category: c.code.clone(), count: *n }))
            .collect();
        let mut rejected = self.rejected.clone();
        for r in rejected.iter_mut().filter(|r| r.reason == RejectReason::Other) {
            r.note = self.note.trim().to_string();
        }
        let donor = match &self.giver {
            Giver::Donor(found, _) => Some(found.donor.clone()),
            _ => None,
        };
        let (channel, bags, boxes, note) = (self.channel, self.bags, self.boxes, self.note.trim().to_string());
        let (staff, now) = (ctx.staff.clone(), ctx.now);
        self.mode = Mode::Saving;
        let write = ctx.worker.call(move |store| {
            store.record_donation(NewDonation {
                donor: donor.as_ref(),
                channel,
                accepted,
                rejected,
                bags,
                boxes,
                grams,
                note,
                staff: &staff,
                at: now,
            })
        });
        Action::Run(Task::perform(write, Message::Taken))
    }

    fn confirm_value(&mut self, ctx: Context<'_>) -> Action {
        let Mode::Value(digits) = &self.mode else { return Action::None };
        // An emptied field is not a value of 0: a manager would be asked to approve what nobody typed.
        let Ok(value) = digits.parse::<i64>().map(Won::new) else {
            self.error(t!("intake-value-empty"));
            return Action::Run(operation::focus(VALUE_INPUT));
        };
        let Some(donation) = self.taken.clone() else { return Action::None };
        let title = t!("intake-value-approval", from = donation.value.to_string(), to = value.to_string());
        let action = Approval::DonationValue { donation: donation.uuid.clone(), from: donation.value, amount: value };
        self.ask_manager(action, title, Then::Value { donation: Box::new(donation), value }, ctx)
    }

    fn ask_manager(&mut self, action: Approval, title: String, then: Then, ctx: Context<'_>) -> Action {
        let panel = ApprovalPanel::new(ctx.store, action, title);
        let focus = panel.focus().map(Message::Approval);
        self.mode = Mode::Approving { panel, then };
        Action::Run(focus)
    }

    fn approval(&mut self, message: approval::Message, ctx: Context<'_>) -> Action {
        let Mode::Approving { panel, .. } = &mut self.mode else { return Action::None };
        match panel.update(message, ctx.worker, ctx.staff, ctx.now) {
            Outcome::None => Action::None,
            Outcome::Run(task) => Action::Run(task.map(Message::Approval)),
            Outcome::Cancelled => {
                self.mode = self.after_taken();
                Action::None
            }
            Outcome::Approved(approved) => {
                let Mode::Approving { then, .. } = std::mem::replace(&mut self.mode, Mode::Saving) else {
                    return Action::None;
                };
                let (staff, now) = (ctx.staff.clone(), ctx.now);
                match then {
                    Then::Value { donation, value } => {
                        let reason = t_ko_reason();
                        let write = ctx.worker.call(move |store| {
                            store.change_donation_value(&donation, value, &reason, &staff, &approved, now)
                        });
                        Action::Run(Task::perform(write, Message::ValueSaved))
                    }
                    Then::Merge { from, into } => {
                        let write = ctx.worker.call(move |store| store.merge_donors(&from, &into, &approved, now));
                        Action::Run(Task::perform(write, Message::Merged))
                    }
                }
            }
        }
    }
}

/// The reason recorded with a manager's change of value.
fn t_ko_reason() -> String {
    crate::t_ko!("intake-value-reason")
}

pub fn donation_error(e: &DonationError) -> String {
    match e {
        DonationError::Empty => t!("error-donation-empty"),
        DonationError::UnknownCategory(code) => t!("error-unknown-category", code = code.clone()),
        DonationError::NoName => t!("error-donor-name"),
        DonationError::BadMerge => t!("error-merge-same"),
        DonationError::Store(e) => explain::store_error(e),
    }
}
