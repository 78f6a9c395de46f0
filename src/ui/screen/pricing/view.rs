//! How the pricing bench looks: this week's colour, the category keys, and the price with its
//! condition, count and print button.

use iced::widget::{column, container, row, text, text_input};
use iced::{Center, Element, Fill, FillPortion};

use super::{DESCRIPTION_INPUT, Message, Mode, PRICE_INPUT, Pricing, condition_name};
use crate::domain::donation::price_band;
use crate::domain::{IsoWeek, register};
use crate::store::Store;
use crate::t;
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};

impl Pricing {
    pub fn view<'a>(&'a self, store: &'a Store, today: chrono::NaiveDate, layout: Layout) -> Element<'a, Message> {
        let gap = if layout.short() { 8 } else { 12 };
        let mut left = column![self.view_week(store, today)].spacing(gap);
        if let Some((notice, is_error)) = &self.notice {
            left = left.push(widgets::banner(notice.as_str(), *is_error));
        }
        left = match &self.keyboard {
            Some(keyboard) => left
                .push(iced::widget::space().height(Fill))
                .push(keyboard.view(Message::Keyboard, layout.key_height())),
            None => left.push(self.view_keys(layout)),
        };
        let right = container(match &self.mode {
            Mode::Approving(panel) => panel.view(layout).map(Message::Approval),
            Mode::Saving => widgets::banner(t!("pricing-saving"), false),
            Mode::Pricing => self.view_price(layout),
        })
        .padding(if layout.short() { 10 } else { 16 })
        .height(Fill)
        .width(FillPortion(if layout.smallest() { 4 } else { 2 }))
        .style(theme::panel);
        // The smallest till gives the panel a little more: its keys' words need it.
        let left = left.width(FillPortion(if layout.smallest() { 5 } else { 3 }));
        row![left, right].spacing(gap).padding(layout.padding()).into()
    }

    /// This week's colour, and what each colour on the floor sells at today.
    pub(super) fn view_week<'a>(&'a self, store: &'a Store, today: chrono::NaiveDate) -> Element<'a, Message> {
        let chips = crate::ui::colours::chips(store.rotation(), today);
        let this_week = IsoWeek::of(today);
        let this = chips.first().map(|c| c.name()).unwrap_or_else(|| "-".into());
        column![
            widgets::title(t!("pricing-this-week", colour = this, week = crate::i18n::words::week_in_words(this_week))),
            crate::ui::colours::view(&chips, theme::BODY),
        ]
        .spacing(6)
        .into()
    }

    pub(super) fn view_keys(&self, layout: Layout) -> Element<'_, Message> {
        // The bench has no sale lines to show: twice the checkout's rows of keys, so most stores'
        // categories fit on one page.
        let grid = crate::ui::layout::KeyGrid {
            columns: layout.key_columns(),
            rows: layout.key_rows() * 2,
            height: layout.key_height() + 8.0,
            size: theme::BODY - 1.0,
        };
        let keys = widgets::category_keys(
            &self.keys,
            self.key_page,
            grid,
            self.chosen,
            |i| Some(Message::Category(i)),
            Some(Message::NextKeys),
        );
        column![iced::widget::space().height(Fill), keys].into()
    }

    pub(super) fn view_price(&self, layout: Layout) -> Element<'_, Message> {
        let Some(category) = self.chosen.and_then(|i| self.keys.get(i)) else {
            return column![
                widgets::title(t!("pricing-title")),
                widgets::label(t!("pricing-hint")),
                iced::widget::space().height(Fill),
                widgets::key(t!("intake-back"), theme::BODY, Some(Message::Back)).height(layout.key_height()),
            ]
            .spacing(10)
            .into();
        };
        let name = crate::i18n::local(&category.name_ko, &category.name_en);
        let conditions = row(category.guide.iter().map(|g| {
            widgets::choice(
                format!("{} {}", condition_name(g.condition), g.price),
                theme::SMALL,
                self.condition == g.condition,
                Some(Message::Condition(g.condition)),
                layout.wrapping_key(),
            )
            .into()
        }))
        .spacing(6);
        let suggested = self.suggested();
        let band = suggested.map(|s| {
            let (low, high) = price_band(s, self.band);
            t!("pricing-band", low = low.to_string(), high = high.to_string())
        });
        // − and + for any count; 5, 10 and 20 in one press, as tags come off a sorted pile.
        let step = |label: &'static str, n: u32| {
            widgets::key(label, theme::BODY, (!self.item).then_some(Message::Count(n)))
                .width(layout.key_height())
                .height(layout.key_height())
        };
        let counts = row![
            step("−", self.count.saturating_sub(1)),
            text(t!("pricing-count", count = if self.item { 1 } else { self.count }))
                .size(theme::BODY)
                .font(theme::BOLD)
                .width(Fill)
                .align_x(Center),
            step("+", self.count + 1),
        ]
        .spacing(6)
        .align_y(Center);
        let piles = [5u32, 10, 20].map(|n| {
            Element::from(
                widgets::choice(
                    t!("pricing-count", count = n),
                    theme::SMALL,
                    !self.item && self.count == n,
                    (!self.item).then_some(Message::Count(n)),
                    layout.key_height(),
                )
                .width(Fill),
            )
        });
        // Beside the count where there is room; on the smallest till, beside the number pad.
        let (counts, piles): (Element<'_, Message>, _) = if layout.smallest() {
            (counts.into(), Some(piles))
        } else {
            (counts.push(row(piles).spacing(6).width(FillPortion(3))).into(), None)
        };
        let price = text_input(&t!("price-placeholder"), &register::grouped(&self.digits))
            .id(PRICE_INPUT)
            .size(theme::LARGE)
            .padding(10)
            .align_x(iced::alignment::Horizontal::Right)
            .on_input(Message::PriceChanged)
            .on_submit(Message::Print);
        // On the smallest till the two kinds say one word each, so a key of one line holds them.
        let (tags_label, item_label, kind_height) = if layout.smallest() {
            (t!("pricing-price-tags-short"), t!("pricing-item-tag-short"), layout.key_height())
        } else {
            (t!("pricing-price-tags"), t!("pricing-item-tag"), layout.wrapping_key())
        };
        let kinds = row![
            widgets::choice(tags_label, theme::SMALL + 1.0, !self.item, Some(Message::ItemTag(false)), kind_height),
            widgets::choice(item_label, theme::SMALL + 1.0, self.item, Some(Message::ItemTag(true)), kind_height),
        ]
        .spacing(6);
        // A short screen says the category and the guide range in one small line.
        let mut panel = column![].spacing(if layout.short() { 6 } else { 8 });
        if layout.short() {
            let said = match suggested {
                Some(s) => {
                    let (low, high) = price_band(s, self.band);
                    t!("pricing-band-short", name = name, low = low.to_string(), high = high.to_string())
                }
                None => name.to_string(),
            };
            panel = panel.push(widgets::muted(said));
        } else {
            panel = panel.push(widgets::title(name));
        }
        panel = panel.push(conditions).push(price);
        if !layout.short() {
            panel = panel.push(widgets::muted(band.unwrap_or_default()));
        }
        panel = panel.push(kinds);
        panel = if self.item {
            let keyboard_label =
                if self.keyboard.is_some() { t!("intake-keyboard-hide") } else { t!("intake-keyboard") };
            panel.push(
                row![
                    text_input(&t!("pricing-description-placeholder"), &self.description)
                        .id(DESCRIPTION_INPUT)
                        .size(theme::BODY)
                        .padding(8)
                        .on_input(Message::DescriptionChanged)
                        .on_submit(Message::Print),
                    widgets::key(keyboard_label, theme::SMALL, Some(Message::ShowKeyboard)).width(150).height(44),
                ]
                .spacing(6)
                .align_y(Center),
            )
        } else {
            panel.push(counts)
        };
        let print_label = if self.item { t!("pricing-print-item") } else { t!("pricing-print", count = self.count) };
        let pad =
            widgets::number_pad(Message::Digits, Message::Clear, Message::Backspace, Some("000"), layout.pad_key());
        let pad: Element<'_, Message> = match piles {
            Some(piles) if !self.item => {
                row![iced::widget::container(pad).width(FillPortion(4)), column(piles).spacing(8).width(FillPortion(1))]
                    .spacing(8)
                    .into()
            }
            _ => pad,
        };
        panel
            .push(pad)
            .push(
                row![
                    widgets::key(t!("intake-back"), theme::BODY, Some(Message::Back)).height(layout.pad_key()),
                    widgets::choice(print_label, theme::BODY, true, Some(Message::Print), layout.pad_key()),
                ]
                .spacing(8),
            )
            .into()
    }
}
