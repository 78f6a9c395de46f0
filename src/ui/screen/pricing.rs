//! The pricing bench: tap a category, pick the condition (its guide price fills in), change the
//! price within the band if need be (outside it a manager approves), say how many, and the tags
//! print in one job. A valuable piece gets an item tag with a short description instead. This
//! week's colour and what each colour sells at today are on screen. Every batch is recorded.

mod view;

use iced::Task;
use iced::widget::operation;

use crate::domain::donation::within_band;
use crate::domain::{Category, Condition, IsoWeek, StaffMember, Won, register};
use crate::hardware::tags::TagLabel;
use crate::store::{Approval, NewTags, Store, StoreError, TagBatch};
use crate::ui::approval::{self, ApprovalPanel, Outcome};
use crate::ui::keyboard::{Key, Keyboard};
use crate::{explain, t};

pub const PRICE_INPUT: &str = "pricing-price";
pub const DESCRIPTION_INPUT: &str = "pricing-description";

#[derive(Debug, Clone)]
pub enum Message {
    Category(usize),
    NextKeys,
    Condition(Condition),
    PriceChanged(String),
    Digits(&'static str),
    Backspace,
    Clear,
    Count(u32),
    ItemTag(bool),
    DescriptionChanged(String),
    ShowKeyboard,
    Keyboard(Key),
    Print,
    Approval(approval::Message),
    Printed(Result<TagBatch, StoreError>),
    Back,
}

pub enum Action {
    None,
    Run(Task<Message>),
    /// Print `copies` of the label (one job).
    PrintTags {
        label: TagLabel,
        copies: u32,
    },
    Leave,
}

pub use super::BackRoom as Context;

enum Mode {
    Pricing,
    Approving(ApprovalPanel),
    Saving,
}

pub struct Pricing {
    keys: Vec<Category>,
    key_page: usize,
    chosen: Option<usize>,
    condition: Condition,
    digits: String,
    count: u32,
    item: bool,
    description: String,
    keyboard: Option<Keyboard>,
    band: rust_decimal::Decimal,
    mode: Mode,
    notice: Option<(String, bool)>,
    /// The batch waiting on a manager, with its label.
    pending: Option<(PendingBatch, TagLabel)>,
}

#[derive(Debug, Clone)]
struct PendingBatch {
    category: String,
    condition: Condition,
    price: Won,
    count: u32,
    intake: IsoWeek,
    item: Option<String>,
}

fn condition_name(c: Condition) -> String {
    match c {
        Condition::LikeNew => t!("condition-like-new"),
        Condition::Good => t!("condition-good"),
        Condition::Fair => t!("condition-fair"),
    }
}

/// The condition as printed on the tag (always Korean).
fn condition_ko(c: Condition) -> String {
    match c {
        Condition::LikeNew => crate::t_ko!("condition-like-new"),
        Condition::Good => crate::t_ko!("condition-good"),
        Condition::Fair => crate::t_ko!("condition-fair"),
    }
}

impl Pricing {
    /// The language changed: what was said in the other one goes (the screen draws the rest
    /// in the new language).
    pub fn language_changed(&mut self) {
        self.notice = None;
    }

    pub fn new(store: &Store) -> Pricing {
        let mut notice = None;
        let keys = store
            .categories()
            .map(|all| all.into_iter().filter(|c| c.key_position.is_some()).collect())
            .unwrap_or_else(|e| {
                notice = Some((explain::store_error(&e), true));
                Vec::new()
            });
        let band = store.price_band().unwrap_or_else(|e| {
            notice = Some((explain::store_error(&e), true));
            rust_decimal::Decimal::ZERO
        });
        Pricing {
            keys,
            key_page: 0,
            chosen: None,
            condition: Condition::Good,
            digits: String::new(),
            count: 1,
            item: false,
            description: String::new(),
            keyboard: None,
            band,
            mode: Mode::Pricing,
            notice,
            pending: None,
        }
    }

    fn suggested(&self) -> Option<Won> {
        let c = self.keys.get(self.chosen?)?;
        c.guide.iter().find(|g| g.condition == self.condition).map(|g| g.price)
    }

    pub fn update(&mut self, message: Message, ctx: Context<'_>) -> Action {
        match message {
            Message::Category(i) => {
                if i < self.keys.len() && matches!(self.mode, Mode::Pricing) {
                    self.chosen = Some(i);
                    self.digits = self.suggested().map(|p| p.get().to_string()).unwrap_or_default();
                    self.notice = None;
                }
                Action::None
            }
            Message::NextKeys => {
                self.key_page += 1;
                Action::None
            }
            Message::Condition(c) => {
                self.condition = c;
                self.digits = self.suggested().map(|p| p.get().to_string()).unwrap_or_default();
                Action::None
            }
            Message::PriceChanged(text) => {
                self.digits = register::edit_amount(&self.digits, &text);
                Action::Run(operation::move_cursor_to_end(PRICE_INPUT))
            }
            Message::Digits(d) => {
                self.digits = register::amount_digits(&format!("{}{d}", self.digits));
                Action::None
            }
            Message::Backspace => {
                self.digits.pop();
                Action::None
            }
            Message::Clear => {
                self.digits.clear();
                Action::None
            }
            Message::Count(n) => {
                self.count = n.clamp(1, 200);
                Action::None
            }
            Message::ItemTag(on) => {
                self.item = on;
                if on {
                    return Action::Run(operation::focus(DESCRIPTION_INPUT));
                }
                self.keyboard = None;
                Action::None
            }
            Message::DescriptionChanged(text) => {
                self.description = text;
                if self.keyboard.is_some() {
                    self.keyboard = Some(Keyboard::new(&self.description));
                }
                Action::None
            }
            Message::ShowKeyboard => {
                self.keyboard = match self.keyboard {
                    Some(_) => None,
                    None => Some(Keyboard::new(&self.description)),
                };
                Action::None
            }
            Message::Keyboard(key) => {
                if let Some(keyboard) = &mut self.keyboard {
                    let open = keyboard.press(key);
                    self.description = keyboard.text();
                    if !open {
                        self.keyboard = None;
                    }
                }
                Action::None
            }
            Message::Print => self.print(ctx),
            Message::Approval(message) => {
                let Mode::Approving(panel) = &mut self.mode else { return Action::None };
                match panel.update(message, ctx.worker, ctx.staff, ctx.now) {
                    Outcome::None => Action::None,
                    Outcome::Run(task) => Action::Run(task.map(Message::Approval)),
                    Outcome::Cancelled => {
                        self.mode = Mode::Pricing;
                        self.pending = None;
                        Action::None
                    }
                    Outcome::Approved(approved) => {
                        let manager = approved.manager().clone();
                        let Some((batch, label)) = self.pending.take() else { return Action::None };
                        self.write(batch, label, Some(manager), ctx)
                    }
                }
            }
            Message::Printed(result) => {
                self.mode = Mode::Pricing;
                match result {
                    Ok(batch) => {
                        let Some((_, label)) = self.pending.take() else { return Action::None };
                        self.notice =
                            Some((t!("pricing-printed", count = batch.count, price = batch.price.to_string()), false));
                        if self.item {
                            self.description.clear();
                        }
                        Action::PrintTags { label: TagLabel { code: batch.code, ..label }, copies: batch.count }
                    }
                    Err(e) => {
                        self.pending = None;
                        self.notice = Some((explain::store_error(&e), true));
                        Action::None
                    }
                }
            }
            Message::Back => {
                if self.keyboard.take().is_some() {
                    return Action::None;
                }
                match self.mode {
                    Mode::Approving(_) => {
                        self.mode = Mode::Pricing;
                        self.pending = None;
                        Action::None
                    }
                    Mode::Saving => Action::None,
                    Mode::Pricing => Action::Leave,
                }
            }
        }
    }

    fn print(&mut self, ctx: Context<'_>) -> Action {
        if !matches!(self.mode, Mode::Pricing) {
            return Action::None;
        }
        let Some(category) = self.chosen.and_then(|i| self.keys.get(i)).cloned() else {
            self.notice = Some((t!("error-pricing-category"), true));
            return Action::None;
        };
        let price = match register::price(&self.digits) {
            Ok(p) => p,
            Err(_) => {
                self.notice = Some((t!("error-zero-price"), true));
                return Action::Run(operation::focus(PRICE_INPUT));
            }
        };
        let item = self.item.then(|| self.description.trim().to_string());
        if item.as_deref() == Some("") {
            self.notice = Some((t!("error-pricing-description"), true));
            return Action::Run(operation::focus(DESCRIPTION_INPUT));
        }
        let intake = IsoWeek::of(ctx.now.date_naive());
        let name = match &item {
            Some(d) => d.clone(),
            None => category.name_ko.clone(),
        };
        let colour = ctx.store.rotation().colour_for(intake).map(|c| c.name_ko.clone());
        let label = TagLabel {
            code: String::new(),
            name,
            price,
            colour,
            note: format!("{} · {}", intake, condition_ko(self.condition)),
        };
        let batch = PendingBatch {
            category: category.code.clone(),
            condition: self.condition,
            price,
            count: if item.is_some() { 1 } else { self.count },
            intake,
            item,
        };
        let suggested = self.suggested().unwrap_or(price);
        if !within_band(price, suggested, self.band) {
            let title = t!(
                "pricing-approval-title",
                name = category.name_ko.clone(),
                price = price.to_string(),
                suggested = suggested.to_string()
            );
            let action = Approval::PriceBand { category: category.code.clone(), amount: price, suggested };
            let panel = ApprovalPanel::new(ctx.store, action, title);
            let focus = panel.focus().map(Message::Approval);
            self.pending = Some((batch, label));
            self.mode = Mode::Approving(panel);
            return Action::Run(focus);
        }
        self.write(batch, label, None, ctx)
    }

    fn write(
        &mut self,
        batch: PendingBatch,
        label: TagLabel,
        manager: Option<StaffMember>,
        ctx: Context<'_>,
    ) -> Action {
        self.mode = Mode::Saving;
        self.pending = Some((batch.clone(), label));
        let (staff, now) = (ctx.staff.clone(), ctx.now);
        let write = ctx.worker.call(move |store| {
            store.record_tags(NewTags {
                category: batch.category,
                condition: batch.condition,
                price: batch.price,
                count: batch.count,
                intake: batch.intake,
                item: batch.item,
                staff: &staff,
                approved_by: manager.as_ref(),
                donation: None,
                at: now,
            })
        });
        Action::Run(Task::perform(write, Message::Printed))
    }
}
