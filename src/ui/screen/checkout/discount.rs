//! Giving a discount: on one line or on the whole sale, as a percentage or an amount, with a
//! reason picked from a short list. Above the store's limit a manager approves first. A
//! percentage rounds the price down to the store's price step, never to an odd won.

use iced::widget::{column, container, row, text};
use iced::{Center, Element, FillPortion};

use super::parts::amount_input;
use super::parts::{ENTRY_INPUT, SCAN_INPUT, name, pad_and_buttons};
use super::{Action, Checkout, Context, Message, Mode, Then, focus};
use crate::domain::discount::{self, Discount, How};
use crate::domain::register;
use crate::domain::{Cart, Won};
use crate::i18n::{Lang, language, tr_in};
use crate::store::Approval;
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};
use crate::{explain, t};

/// The reasons a cashier can give, as message ids. The receipt prints the Korean one.
pub const REASONS: [&str; 4] =
    ["discount-reason-damaged", "discount-reason-promotion", "discount-reason-price", "discount-reason-other"];

#[derive(Debug, Clone)]
pub struct DiscountState {
    /// A line of the cart, or the whole sale.
    target: Option<usize>,
    percent: bool,
    pub digits: String,
    reason: usize,
}

/// A discount ready to go on the cart (once a manager has approved it, if it needed that).
#[derive(Debug, Clone)]
pub struct Apply {
    target: Option<usize>,
    discount: Discount,
}

impl Apply {
    /// Puts it on `cart`; returns what it takes off.
    fn on(&self, cart: &mut Cart, step: Won) -> Result<Won, crate::domain::CartError> {
        match self.target {
            Some(index) => cart.discount_line(index, &self.discount, step),
            None => cart.discount_sale(&self.discount, step),
        }
    }

    /// What it is taken off: the line, or the sale's goods before any sale discount.
    fn base(&self, cart: &Cart) -> Won {
        match self.target {
            Some(index) => cart.lines().get(index).map_or(Won::ZERO, |l| l.gross()),
            None => cart.goods_total(),
        }
    }
}

impl Checkout {
    pub(super) fn update_discount(&mut self, message: Message, ctx: Context<'_>) -> Action {
        match message {
            Message::Discount => {
                if !matches!(self.mode, Mode::Scanning) || self.cart.goods_total() <= Won::ZERO {
                    return Action::None;
                }
                // The last line scanned is the likeliest to be damaged.
                let target = self.cart.lines().iter().rposition(|l| l.is_goods());
                self.mode = Mode::Discount(DiscountState { target, percent: true, digits: String::new(), reason: 0 });
                self.notice = None;
                focus(ENTRY_INPUT)
            }
            Message::DiscountTarget(target) => {
                if let Mode::Discount(d) = &mut self.mode {
                    d.target = target;
                }
                focus(ENTRY_INPUT)
            }
            Message::DiscountPercent(percent) => {
                if let Mode::Discount(d) = &mut self.mode {
                    d.percent = percent;
                    d.digits.clear();
                }
                focus(ENTRY_INPUT)
            }
            Message::DiscountReason(reason) => {
                if let Mode::Discount(d) = &mut self.mode {
                    d.reason = reason.min(REASONS.len() - 1);
                }
                focus(ENTRY_INPUT)
            }
            Message::ApplyDiscount => self.discount_entered(ctx),
            _ => Action::None,
        }
    }

    /// Enter or 적용: checks the discount, and applies it or asks a manager.
    pub(super) fn discount_entered(&mut self, ctx: Context<'_>) -> Action {
        let Mode::Discount(d) = &self.mode else { return Action::None };
        let how = if d.percent {
            match d.digits.parse::<u32>() {
                Ok(p) if (1..=100).contains(&p) => How::Percent(p.into()),
                _ => {
                    self.error(t!("error-discount-percent"));
                    return focus(ENTRY_INPUT);
                }
            }
        } else {
            match register::price(&d.digits) {
                Ok(amount) => How::Amount(amount),
                Err(problem) => {
                    self.error(super::entry_problem(&problem));
                    return focus(ENTRY_INPUT);
                }
            }
        };
        let apply =
            Apply { target: d.target, discount: Discount { how, reason: tr_in(Lang::Ko, REASONS[d.reason], &[]) } };
        let step = ctx.store.info().price_step;
        let mut trial = self.cart.clone();
        let off = match apply.on(&mut trial, step) {
            Ok(off) if off.is_positive() => off,
            Ok(_) => {
                self.error(t!("error-discount-nothing"));
                return focus(ENTRY_INPUT);
            }
            Err(e) => {
                self.error(explain::cart_error(&e));
                return focus(ENTRY_INPUT);
            }
        };
        let limit = self.policy.discount_limit_percent;
        let base = apply.base(&self.cart);
        if discount::needs_approval(off, base, limit) {
            let title = t!("discount-approval-title", amount = off.to_string(), limit = limit.normalize().to_string());
            let action = Approval::Discount { amount: off, percent: discount::percent_of(off, base).round_dp(1) };
            return self.ask_manager(action, title, Then::Discount(apply), ctx);
        }
        self.apply_discount(apply, ctx)
    }

    pub(super) fn apply_discount(&mut self, apply: Apply, ctx: Context<'_>) -> Action {
        let step = ctx.store.info().price_step;
        match apply.on(&mut self.cart, step) {
            Ok(off) => {
                self.mode = Mode::Scanning;
                self.info(t!("discount-applied", amount = off.to_string()));
                let save = self.save(&ctx);
                match self.release_held(ctx) {
                    Action::Run(then) => Action::Run(iced::Task::batch([save, then])),
                    _ => Action::Run(iced::Task::batch([save, iced::widget::operation::focus(SCAN_INPUT)])),
                }
            }
            Err(e) => {
                self.mode = Mode::Scanning;
                self.error(explain::cart_error(&e));
                focus(SCAN_INPUT)
            }
        }
    }

    pub(super) fn view_discount<'a>(&'a self, d: &'a DiscountState, layout: Layout) -> Element<'a, Message> {
        let choice = |label: String, chosen: bool, message: Message| {
            widgets::choice(label, theme::SMALL + 1.0, chosen, Some(message), layout.key_height())
        };
        let line_label = match d.target.and_then(|i| self.cart.lines().get(i)) {
            Some(line) => t!("discount-line", name = name(line).to_string()),
            None => t!("discount-line-none"),
        };
        let last_goods = self.cart.lines().iter().rposition(|l| l.is_goods());
        // What the discount is on, and how it is given.
        let on = row![
            choice(line_label, d.target.is_some(), Message::DiscountTarget(d.target.or(last_goods))),
            choice(t!("discount-sale"), d.target.is_none(), Message::DiscountTarget(None)),
        ]
        .spacing(6);
        // Beside the amount on a narrow till, "%" and "원" say it.
        let (percent, amount) = if layout.narrow() {
            (t!("discount-percent-short"), t!("discount-amount-short"))
        } else {
            (t!("discount-percent"), t!("discount-amount"))
        };
        let how = row![
            choice(percent, d.percent, Message::DiscountPercent(true)),
            choice(amount, !d.percent, Message::DiscountPercent(false)),
        ]
        .spacing(6);
        // One row of four where the panel is wide enough for their words; on a narrow till, % and
        // 원 sit beside the amount they change.
        let narrow = layout.narrow();
        let (target, how): (Element<'a, Message>, Option<_>) =
            if narrow { (on.into(), Some(how)) } else { (row![on, how].spacing(6).into(), None) };
        let reason =
            |i: usize| choice(tr_in(language(), REASONS[i], &[]), d.reason == i, Message::DiscountReason(i)).into();
        let reasons: Element<'a, Message> = if layout.narrow() {
            column![row([0, 1].map(reason)).spacing(6), row([2, 3].map(reason)).spacing(6)].spacing(6).into()
        } else {
            row((0..REASONS.len()).map(reason)).spacing(8).into()
        };
        let presets: Vec<Won> =
            if d.percent { [10, 20, 30, 50].map(Won::new).to_vec() } else { [500, 1000, 2000].map(Won::new).to_vec() };
        let quick = row(presets.into_iter().map(|p| {
            let label = if d.percent { format!("{}%", p.get()) } else { crate::i18n::won(p) };
            widgets::key(label, theme::BODY, Some(Message::Quick(p))).height(layout.key_height()).into()
        }))
        .spacing(8);
        let field: Element<'a, Message> = if d.percent {
            iced::widget::text_input(&t!("discount-percent-placeholder"), &d.digits)
                .id(ENTRY_INPUT)
                .size(theme::LARGE)
                .padding(10)
                .align_x(iced::alignment::Horizontal::Right)
                .on_input(Message::EntryChanged)
                .on_submit(Message::EntrySubmitted)
                .into()
        } else {
            amount_input(t!("discount-amount-placeholder"), &d.digits, theme::LARGE)
        };
        let mut panel = column![
            row![
                text(t!("discount-title")).size(theme::LARGE).font(theme::BOLD),
                widgets::spacer(),
                widgets::muted("F4")
            ]
            .align_y(Center),
            target,
            reasons,
            match how {
                Some(how) =>
                    Element::from(row![container(field).width(FillPortion(1)), how.width(FillPortion(1))].spacing(6)),
                None => field,
            },
        ]
        .spacing(if layout.short() { 6 } else { 8 });
        // A short screen has room for the pad or the presets, not both: the pad stays.
        if !layout.short() {
            panel = panel.push(quick);
        }
        panel
            .push(pad_and_buttons(
                t!("pay-back"),
                t!("discount-apply"),
                theme::primary,
                Some(Message::ApplyDiscount),
                None,
                Vec::new(),
                layout,
            ))
            .into()
    }
}
