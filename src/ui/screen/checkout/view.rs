//! How the checkout looks: the scan field, the sale's lines and the category keys on the left;
//! on the right the totals and pay buttons, or whichever panel is open.

use crate::ui::pressable::button;
use iced::widget::{column, container, row, scrollable, text, text_input};
use iced::{Center, Element, Fill, FillPortion};

use super::parts::{SCAN_INPUT, amount_input, amount_row, name, pad_and_buttons, tender_label};
use super::{Checkout, Finished, Message, Mode};
use crate::domain::{Line, LineKind, SaleKind, TenderKind};
use crate::hardware::queue::JobState;
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};
use crate::{explain, t};

pub const LINES: &str = "lines";

impl Checkout {
    pub fn view(&self, layout: Layout) -> Element<'_, Message> {
        let scanning = matches!(self.mode, Mode::Scanning | Mode::Done(_));
        // On a closed till a scan is taken only to say the till must be opened first.
        let takes_scans = scanning || matches!(self.mode, Mode::Closed);
        let placeholder = if layout.narrow() { t!("checkout-scan-short") } else { t!("checkout-scan-placeholder") };
        let mut scan = text_input(&placeholder, &self.scan).id(SCAN_INPUT).size(theme::LARGE).padding(12);
        if takes_scans {
            scan = scan.on_input(|text| Message::ScanChanged(super::Typed(text))).on_submit(Message::ScanSubmitted);
        }
        let gap = if layout.short() { 8 } else { 12 };
        let mut left = column![scan].spacing(gap);
        if let Some(notice) = &self.notice {
            left = left.push(widgets::banner(notice.text.as_str(), notice.is_error));
        }
        left = left
            .push(container(self.view_lines(layout)).style(theme::card).height(Fill).width(Fill))
            .push(self.view_keys(scanning, layout));
        let right = container(match &self.mode {
            Mode::Scanning => self.view_totals(layout),
            Mode::Left(left) => self.view_left(left),
            Mode::Owed(_) => self.view_owed(),
            Mode::Price { key, digits } => self.view_price(*key, digits, layout),
            Mode::Closed => self.view_closed(layout),
            Mode::Pay(pay) => self.view_pay(pay, layout),
            Mode::Committing(_) => self.view_committing(),
            Mode::Reversing => widgets::banner(t!("pay-saving"), false),
            Mode::Discount(d) => self.view_discount(d, layout),
            Mode::Approving { panel, .. } => panel.view(layout).map(Message::Approval),
            Mode::Park(park) => self.view_park(park, layout),
            Mode::Return(r) => self.view_return(r, layout),
            Mode::ConfirmCancel => self.view_confirm_cancel(),
            Mode::ConfirmSignOut => self.view_confirm_sign_out(),
            Mode::SignOutParked => self.view_sign_out_parked(),
            Mode::Today(today) => today.view(layout),
            Mode::Done(finished) => self.view_done(finished, layout),
        })
        .padding(if layout.short() { 12 } else { 18 })
        .height(Fill)
        .width(FillPortion(if layout.smallest() { 4 } else { 2 }))
        .style(theme::panel);
        // The smallest till gives the panel a little more: its keys' words need it.
        let left = left.width(FillPortion(if layout.smallest() { 5 } else { 3 }));
        row![left, right].spacing(gap).padding(layout.padding()).into()
    }

    fn view_lines(&self, layout: Layout) -> Element<'_, Message> {
        if let Some(paper) = &self.preview {
            return scrollable(container(paper.view()).center_x(Fill).padding(12)).height(Fill).into();
        }
        if self.cart.is_empty() {
            let mut hint = column![].spacing(10);
            // A short till says what waits rather than how to start (the keys below say that).
            if self.parked.is_empty() || !layout.short() {
                hint = hint.push(widgets::label(t!("checkout-empty")).color(theme::MUTED));
            }
            if !self.parked.is_empty() {
                let said = t!("checkout-parked", count = self.parked.len(), notes = self.parked.join(", "));
                hint = hint.push(widgets::banner(said, false));
            }
            if !self.demo_codes.is_empty() {
                hint = hint.push(widgets::muted(t!("checkout-demo-codes", codes = self.demo_codes.join("  "))));
            }
            // On a short till a waiting sale takes the colours' place (they are on the pricing
            // screen and the tags themselves).
            if !self.colours.is_empty() && (self.parked.is_empty() || !layout.short()) {
                hint = hint
                    .push(iced::widget::space().height(Fill))
                    .push(widgets::muted(t!("checkout-colours")))
                    .push(crate::ui::colours::view(&self.colours, theme::SMALL + 1.0));
            }
            return container(hint).padding(16).into();
        }
        let editable = matches!(self.mode, Mode::Scanning);
        let small = |label: &'static str, message: Option<Message>| {
            button(text(label).size(theme::BODY).align_x(Center).align_y(Center).width(Fill).height(Fill))
                .width(44)
                .height(44)
                .style(theme::key)
                .on_press_maybe(message)
        };
        let rows = self.cart.lines().iter().enumerate().map(|(i, line)| {
            let mut controls = row![].spacing(6).align_y(Center);
            if line.kind != LineKind::ItemTag {
                controls = controls
                    .push(small("−", (editable && line.quantity > 1).then_some(Message::Fewer(i))))
                    .push(text(line.quantity.to_string()).size(theme::BODY).width(36).align_x(Center))
                    .push(small("+", editable.then_some(Message::More(i))));
            }
            controls = controls.push(
                button(text(t!("checkout-remove")).size(theme::SMALL).align_y(Center).height(Fill))
                    .height(44)
                    .padding([0, 12])
                    .style(theme::key)
                    .on_press_maybe(editable.then_some(Message::Remove(i))),
            );
            let amount = text(crate::i18n::won(line.amount())).size(theme::LARGE).font(theme::BOLD);
            // On a narrow screen the buttons go under the name and price, beside the small print.
            let row: Element<'_, Message> = if layout.narrow() {
                column![
                    row![widgets::label(name(line)).width(Fill), amount].spacing(8).align_y(Center),
                    row![widgets::muted(detail(line)).width(Fill), controls].spacing(8).align_y(Center),
                ]
                .spacing(4)
                .into()
            } else {
                row![
                    column![widgets::label(name(line)), widgets::muted(detail(line))].spacing(4).width(Fill),
                    amount,
                    controls,
                ]
                .spacing(12)
                .align_y(Center)
                .into()
            };
            container(row).padding([8, 12]).into()
        });
        scrollable(column(rows).spacing(2)).id(LINES).height(Fill).into()
    }

    fn view_keys(&self, enabled: bool, layout: Layout) -> Element<'_, Message> {
        widgets::category_keys(
            &self.keys,
            self.key_page,
            layout.key_grid(),
            None,
            |i| enabled.then_some(Message::CategoryKey(i)),
            enabled.then_some(Message::NextKeys),
        )
    }

    fn view_totals(&self, layout: Layout) -> Element<'_, Message> {
        let mut totals = column![
            widgets::label(t!("checkout-total")).color(theme::MUTED),
            text(crate::i18n::won(self.cart.total())).size(theme::HUGE).font(theme::BOLD),
            widgets::muted(t!("checkout-items", count = self.cart.item_count())),
        ]
        .spacing(6);
        for v in self.cart.vat() {
            if v.is_exempt() {
                totals = totals.push(amount_row(t!("checkout-exempt"), v.gross));
            } else {
                totals = totals
                    .push(amount_row(t!("checkout-supply"), v.supply))
                    .push(amount_row(t!("checkout-vat"), v.vat));
            }
        }
        let pay = |label: String, key: &'static str, message: Message, style: theme::ButtonStyle| {
            button(
                row![text(label).size(theme::LARGE).font(theme::BOLD), widgets::spacer(), text(key).size(theme::SMALL)]
                    .align_y(Center),
            )
            .padding([if layout.short() { 12 } else { 20 }, 18])
            .width(Fill)
            .style(style)
            .on_press(message)
        };
        let side = |label: String, message: Option<Message>| {
            widgets::key(label, theme::SMALL + 1.0, message).height(layout.wrapping_key()).width(Fill)
        };
        if self.cart.discounts().is_positive() {
            totals = totals.push(amount_row(t!("checkout-discounts"), -self.cart.discounts()));
        }
        let empty = self.cart.is_empty();
        column![
            totals,
            iced::widget::space().height(Fill),
            pay(t!("checkout-pay-cash"), "F9", Message::PayCash, theme::success),
            pay(t!("checkout-pay-card"), "F10", Message::PayCard, theme::primary),
            row![
                side(t!("checkout-discount"), (!empty).then_some(Message::Discount)),
                side(t!("checkout-park"), Some(Message::Park)),
                side(t!("checkout-return"), empty.then_some(Message::Return)),
            ]
            .spacing(8),
            row![
                side(t!("checkout-cancel-sale"), (!empty).then_some(Message::CancelSale)),
                side(t!("nosale-button"), empty.then_some(Message::NoSale)),
                side(t!("today-button"), empty.then_some(Message::Today)),
            ]
            .spacing(8),
        ]
        .spacing(if layout.short() { 6 } else { 10 })
        .into()
    }

    fn view_left<'a>(&'a self, left: &'a crate::store::OpenCart) -> Element<'a, Message> {
        let lines = column(left.cart.lines().iter().map(|line| {
            row![text(name(line)).size(theme::BODY).width(Fill), widgets::label(crate::i18n::won(line.amount()))].into()
        }))
        .spacing(4);
        column![
            text(t!("left-title")).size(theme::LARGE).font(theme::BOLD),
            widgets::label(t!(
                "left-hint",
                name = left.staff_name.clone(),
                time = left.updated_at.format("%H:%M").to_string(),
                count = left.cart.item_count()
            )),
            container(scrollable(lines)).padding(10).style(theme::card).height(Fill).width(Fill),
            amount_row(t!("checkout-total"), left.cart.total()),
            button(text(t!("left-resume")).size(theme::LARGE).align_x(Center).width(Fill))
                .padding(16)
                .width(Fill)
                .style(theme::success)
                .on_press(Message::Resume),
            widgets::key(t!("left-discard"), theme::BODY, Some(Message::DiscardLeft)).height(48),
        ]
        .spacing(12)
        .into()
    }

    fn view_price<'a>(&'a self, key: usize, digits: &'a str, layout: Layout) -> Element<'a, Message> {
        let Some(category) = self.keys.get(key) else { return column![].into() };
        let label = crate::i18n::local(&category.name_ko, &category.name_en);
        let guide = row(category.guide.iter().map(|g| {
            widgets::key(crate::i18n::won(g.price), theme::BODY, Some(Message::Quick(g.price)))
                .height(layout.key_height())
                .into()
        }))
        .spacing(8);
        column![
            text(t!("price-title", category = label)).size(theme::LARGE).font(theme::BOLD),
            amount_input(t!("price-placeholder"), digits, theme::HUGE * 0.7),
            widgets::muted(t!("price-guide")),
            guide,
            pad_and_buttons(
                t!("price-cancel"),
                t!("price-add"),
                theme::success,
                Some(Message::EntrySubmitted),
                Some("000"),
                Vec::new(),
                layout
            ),
        ]
        .spacing(if layout.short() { 8 } else { 12 })
        .into()
    }

    fn view_confirm_cancel(&self) -> Element<'_, Message> {
        column![
            text(t!("cancel-title")).size(theme::LARGE).font(theme::BOLD),
            widgets::label(t!("cancel-hint", count = self.cart.item_count(), total = self.cart.total().to_string())),
            iced::widget::space().height(Fill),
            button(text(t!("cancel-confirm")).size(theme::LARGE).align_x(Center).width(Fill))
                .padding(16)
                .width(Fill)
                .style(theme::danger)
                .on_press(Message::ConfirmCancel),
            widgets::key(t!("cancel-keep"), theme::BODY, Some(Message::Back)).height(52),
        ]
        .spacing(12)
        .into()
    }

    fn view_confirm_sign_out(&self) -> Element<'_, Message> {
        column![
            text(t!("signout-title")).size(theme::LARGE).font(theme::BOLD),
            widgets::label(t!("signout-hint", count = self.cart.item_count(), total = self.cart.total().to_string())),
            iced::widget::space().height(Fill),
            wide(t!("signout-keep"), theme::primary, Message::SignOutKeep),
            wide(t!("signout-cancel"), theme::danger, Message::SignOutCancel),
            widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(52),
        ]
        .spacing(12)
        .into()
    }

    fn view_sign_out_parked(&self) -> Element<'_, Message> {
        column![
            text(t!("signout-parked-title")).size(theme::LARGE).font(theme::BOLD),
            widgets::label(t!("signout-parked-hint", count = self.parked.len(), notes = self.parked.join(", "))),
            iced::widget::space().height(Fill),
            wide(t!("signout-parked-take"), theme::primary, Message::SignOutTakeParked),
            widgets::key(t!("signout-parked-leave"), theme::BODY, Some(Message::SignOutKeep)).height(52),
            widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(52),
        ]
        .spacing(12)
        .into()
    }

    fn view_closed(&self, layout: Layout) -> Element<'_, Message> {
        column![
            text(t!("closed-title")).size(theme::LARGE).font(theme::BOLD),
            widgets::label(t!("closed-hint")),
            iced::widget::space().height(Fill),
            button(text(t!("closed-open")).size(theme::LARGE).align_x(Center).width(Fill))
                .padding(18)
                .width(Fill)
                .style(theme::success)
                .on_press(Message::OpenTill),
            row![
                widgets::key(t!("nosale-button"), theme::SMALL + 1.0, Some(Message::NoSale))
                    .height(layout.key_height()),
                widgets::key(t!("today-button"), theme::SMALL + 1.0, Some(Message::Today)).height(layout.key_height()),
            ]
            .spacing(8),
        ]
        .spacing(12)
        .into()
    }

    fn view_done<'a>(&'a self, finished: &'a Finished, layout: Layout) -> Element<'a, Message> {
        let (title, number) = match finished.kind {
            SaleKind::Sale => (t!("pay-done"), t!("pay-sale-no", number = format!("{:04}", finished.sale_no))),
            SaleKind::Refund => (t!("refund-done"), t!("refund-no", number = format!("{:04}", finished.sale_no))),
            SaleKind::Void => (t!("void-done"), t!("void-no", number = format!("{:04}", finished.sale_no))),
        };
        let gap = if layout.short() { 6 } else { 10 };
        let mut done = column![
            text(title).size(theme::LARGE).font(theme::BOLD).color(theme::GREEN),
            widgets::muted(number),
            amount_row(t!("checkout-total"), finished.total),
        ]
        .spacing(gap);
        let big = if layout.short() { theme::HUGE * 0.8 } else { theme::HUGE };
        if finished.kind == SaleKind::Sale {
            if finished.tenders.len() > 1 || finished.tenders.iter().any(|t| t.kind != TenderKind::Cash) {
                for tender in &finished.tenders {
                    done = done.push(amount_row(tender_label(tender.kind), tender.tendered));
                }
            } else if let Some(cash) = finished.tenders.first() {
                done = done.push(amount_row(t!("pay-tendered"), cash.tendered));
            }
            if finished.tenders.iter().any(|t| t.kind == TenderKind::Cash) {
                done = done
                    .push(widgets::label(t!("pay-change")).color(theme::MUTED))
                    .push(text(crate::i18n::won(finished.change)).size(big).font(theme::BOLD));
            }
        } else {
            // What to hand back, and how: cash from the drawer, a card cancelled on the terminal,
            // store credit on the voucher just printed.
            for tender in &finished.tenders {
                let back = -tender.amount;
                let label = match tender.kind {
                    TenderKind::Cash => t!("refund-give-cash"),
                    TenderKind::Card => t!("refund-card-terminal"),
                    TenderKind::StoreCredit => t!("refund-credit"),
                };
                done = done.push(widgets::label(label).color(theme::MUTED)).push(
                    text(crate::i18n::won(back))
                        .size(if tender.kind == TenderKind::Cash { big } else { theme::LARGE })
                        .font(theme::BOLD),
                );
            }
            if let Some(credit) = &finished.credit {
                done = done.push(widgets::muted(t!("refund-voucher-code", code = credit.code.clone())));
            }
        }
        let key = |label: String, message: Message| {
            widgets::key(label, theme::BODY, Some(message)).height(layout.key_height())
        };
        let show = if self.preview.is_some() { t!("pay-hide-receipt") } else { t!("pay-show-receipt") };
        match &finished.print {
            Some(JobState::Printed) => done = done.push(widgets::banner(t!("pay-printed"), false)),
            Some(JobState::Waiting | JobState::Printing) => done = done.push(widgets::muted(t!("pay-printing"))),
            Some(JobState::Failed(e)) => {
                done = done.push(widgets::banner(t!("pay-print-failed", reason = explain::print_error(e)), true)).push(
                    row![key(t!("pay-print-retry"), Message::RetryPrint), key(t!("pay-reprint"), Message::Reprint)]
                        .spacing(8),
                );
            }
            None => {}
        }
        if matches!(finished.print, Some(JobState::Printed) | None) {
            done =
                done.push(row![key(show, Message::ToggleReceipt), key(t!("pay-reprint"), Message::Reprint)].spacing(8));
        } else {
            done = done.push(key(show, Message::ToggleReceipt));
        }
        done.push(iced::widget::space().height(Fill))
            .push(
                button(text(t!("pay-new-sale")).size(theme::LARGE).align_x(Center).width(Fill))
                    .padding(if layout.short() { 12 } else { 18 })
                    .width(Fill)
                    .style(theme::success)
                    .on_press(Message::NewSale),
            )
            .into()
    }
}

/// The small print under a line: its code, and why its price is what it is.
fn detail(line: &Line) -> String {
    let mut parts = Vec::new();
    if let Some(code) = &line.code {
        parts.push(code.clone());
    }
    if line.quantity.abs() > 1 {
        parts.push(t!("checkout-quantity", price = line.unit_price.to_string(), quantity = line.quantity));
    }
    if let Some(m) = &line.markdown {
        if m.is_reduced() {
            parts.push(t!(
                "checkout-markdown",
                list = line.list_price.to_string(),
                weeks = m.weeks_on_floor,
                percent = m.percent_off.normalize().to_string()
            ));
        }
        if m.pull {
            parts.push(t!("checkout-pull-short"));
        }
    }
    if line.kind == LineKind::CategoryKey {
        parts.push(t!("checkout-by-key"));
    }
    if line.discount.is_positive() {
        let reason = line.discount_reason.clone().unwrap_or_default();
        parts.push(t!("checkout-line-discount", amount = line.discount.to_string(), reason = reason));
    }
    parts.join(" · ")
}

/// A full-width choice in a panel's column of them.
fn wide<'a>(label: String, style: theme::ButtonStyle, message: Message) -> Element<'a, Message> {
    button(text(widgets::keep_words(&label)).size(theme::BODY).align_x(Center).width(Fill))
        .padding(14)
        .width(Fill)
        .style(style)
        .on_press(message)
        .into()
}
