//! Parking a sale (보류): a customer goes back for one more thing, so the cart is set aside with
//! a note and the till serves the next person. Any till of the store can take it up again; the
//! parked carts are in the database, so a restart loses none of them.

use crate::ui::pressable::button;
use iced::widget::{column, container, row, scrollable, text, text_input};
use iced::{Center, Element, Fill, Task};

use super::parts::{SCAN_INPUT, TEXT_INPUT};
use super::{Action, Checkout, Context, Message, Mode, focus};
use crate::store::ParkedCart;
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};
use crate::{explain, t};

pub struct Park {
    pub note: String,
    parked: Vec<ParkedCart>,
}

impl Checkout {
    pub(super) fn update_park(&mut self, message: Message, ctx: Context<'_>) -> Action {
        match message {
            Message::Park => {
                if !matches!(self.mode, Mode::Scanning) {
                    return Action::None;
                }
                match ctx.store.parked_carts() {
                    Ok(parked) => {
                        if self.cart.is_empty() && parked.is_empty() {
                            self.info(t!("park-none"));
                            return focus(SCAN_INPUT);
                        }
                        self.mode = Mode::Park(Park { note: String::new(), parked });
                        self.notice = None;
                        focus(TEXT_INPUT)
                    }
                    Err(e) => {
                        self.error(explain::store_error(&e));
                        focus(SCAN_INPUT)
                    }
                }
            }
            Message::ParkConfirm => self.park(ctx),
            Message::TakeParked(uuid) => {
                if !matches!(self.mode, Mode::Park(_)) || !self.cart.is_empty() {
                    return Action::None;
                }
                self.mode = Mode::Reversing;
                let (till, staff, now) = (ctx.till.clone(), ctx.staff.clone(), ctx.now);
                let take = ctx.worker.call(move |store| store.take_parked(&uuid, &till, &staff, now));
                Action::Run(Task::perform(take, Message::TookParked))
            }
            Message::ParkedAway(result) => {
                self.mode = self.idle();
                match result {
                    Ok(()) => {
                        let count = self.cart.item_count();
                        self.cart.clear();
                        self.info(t!("park-done", count = count));
                        self.reload_parked(ctx.store);
                    }
                    Err(e) => self.error(t!("error-park", reason = explain::store_error(&e))),
                }
                self.release_held(ctx)
            }
            Message::TookParked(result) => {
                self.mode = self.idle();
                match result {
                    Ok(Some(cart)) => {
                        self.cart = cart;
                        self.reload_parked(ctx.store);
                        self.info(t!("park-taken", count = self.cart.item_count()));
                    }
                    Ok(None) => self.error(t!("error-park-gone")),
                    Err(e) => self.error(explain::store_error(&e)),
                }
                Action::Run(super::show_last_line())
            }
            _ => Action::None,
        }
    }

    /// Scanning if the till is open, else the closed panel.
    pub(super) fn idle(&self) -> Mode {
        if self.session.is_some() { Mode::Scanning } else { Mode::Closed }
    }

    pub(super) fn park(&mut self, ctx: Context<'_>) -> Action {
        let Mode::Park(park) = &self.mode else { return Action::None };
        if self.cart.is_empty() {
            return Action::None;
        }
        let note = park.note.trim().to_string();
        if note.is_empty() {
            self.error(t!("error-park-note"));
            return focus(TEXT_INPUT);
        }
        self.mode = Mode::Reversing;
        let (till, staff, cart, now) = (ctx.till.clone(), ctx.staff.clone(), self.cart.clone(), ctx.now);
        let park = ctx.worker.call(move |store| store.park_cart(&till, &staff, &cart, &note, now));
        Action::Run(Task::perform(park, Message::ParkedAway))
    }

    pub(super) fn view_park<'a>(&'a self, park: &'a Park, layout: Layout) -> Element<'a, Message> {
        let mut panel = column![text(t!("park-title")).size(theme::LARGE).font(theme::BOLD)].spacing(10);
        if !self.cart.is_empty() {
            panel = panel
                .push(widgets::label(t!(
                    "park-hint",
                    count = self.cart.item_count(),
                    total = self.cart.total().to_string()
                )))
                .push(
                    text_input(&t!("park-note-placeholder"), &park.note)
                        .id(TEXT_INPUT)
                        .size(theme::LARGE)
                        .padding(10)
                        .on_input(Message::TextChanged)
                        .on_submit(Message::ParkConfirm),
                )
                .push(
                    button(text(t!("park-confirm")).size(theme::LARGE).align_x(Center).width(Fill))
                        .padding(14)
                        .width(Fill)
                        .style(theme::primary)
                        .on_press(Message::ParkConfirm),
                );
        }
        let can_take = self.cart.is_empty();
        let rows: Vec<Element<'a, Message>> = park
            .parked
            .iter()
            .map(|p| {
                let line = column![
                    row![
                        text(p.note.as_str()).size(theme::BODY).font(theme::BOLD).width(Fill),
                        widgets::label(crate::i18n::won(p.cart.total())),
                    ],
                    widgets::muted(t!(
                        "park-row",
                        time = p.parked_at.format("%H:%M").to_string(),
                        name = p.staff_name.clone(),
                        till = p.till.clone(),
                        count = p.cart.item_count()
                    )),
                ]
                .spacing(2);
                button(line)
                    .padding([8, 12])
                    .width(Fill)
                    .style(theme::key)
                    .on_press_maybe(can_take.then(|| Message::TakeParked(p.uuid.clone())))
                    .into()
            })
            .collect();
        if !rows.is_empty() {
            let heading = if can_take { t!("park-list-take") } else { t!("park-list") };
            panel =
                panel.push(widgets::muted(heading)).push(container(scrollable(column(rows).spacing(6))).height(Fill));
        } else {
            panel = panel.push(iced::widget::space().height(Fill));
        }
        panel.push(widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(layout.key_height())).into()
    }
}
