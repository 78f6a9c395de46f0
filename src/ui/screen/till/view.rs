//! How the till screen looks: the count or the session's figures on the left, what can be done
//! on the right.

use crate::ui::pressable::button;
use iced::widget::{column, container, row, scrollable, text, text_input};
use iced::{Center, Element, Fill, FillPortion};

use super::count::DrawerCount;
use super::{AMOUNT_INPUT, After, Message, Mode, Start, TillScreen};
use crate::domain::{Won, register};
use crate::store::SessionReport;
use crate::t;
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};

impl TillScreen {
    pub fn view(&self, layout: Layout) -> Element<'_, Message> {
        let gap = if layout.short() { 8 } else { 12 };
        let mut left = column![].spacing(gap);
        if let Some((notice, is_error)) = &self.notice {
            left = left.push(widgets::banner(notice.as_str(), *is_error));
        }
        let (main, side): (Element<'_, Message>, Element<'_, Message>) = match &self.mode {
            Mode::Opening { count, start } => {
                (count.view(t!("till-open-title"), true, layout), self.view_open_side(count, *start, layout))
            }
            Mode::Open | Mode::Busy => (self.view_figures(), self.view_actions(layout)),
            Mode::Move { what, digits, reason } => (self.view_figures(), self.view_move(*what, digits, reason, layout)),
            Mode::Approving { panel, then: After::CashOut(_) | After::Credit(_) } => {
                (self.view_figures(), panel.view(layout).map(Message::Approval))
            }
            Mode::Approving { panel, then: After::Correct(plan) } => {
                (figures(&plan.report, true, true), panel.view(layout).map(Message::Approval))
            }
            Mode::Correct(c) => (figures(&c.report, true, true), self.view_correct(c, layout)),
            Mode::Closing { count, blind, counted, kept } => (
                count.view(t!("till-close-title"), !counted, layout),
                self.view_close_side(count, *blind, *counted, kept, layout),
            ),
            Mode::Done(report) => (figures(report, true, true), self.view_done(report, layout)),
        };
        left = left.push(container(main).style(theme::card).padding(16).height(Fill).width(Fill));
        let right = container(side)
            .padding(if layout.short() { 12 } else { 18 })
            .height(Fill)
            .width(FillPortion(2))
            .style(theme::panel);
        row![left.width(FillPortion(3)), right].spacing(gap).padding(layout.padding()).into()
    }

    fn view_open_side<'a>(&'a self, count: &'a DrawerCount, start: Start, layout: Layout) -> Element<'a, Message> {
        let float = count.count().total();
        let hint = match start {
            Start::First => t!("till-open-hint-first"),
            Start::Counted => t!("till-open-hint"),
            Start::Kept(kept) => t!("till-open-hint-kept", kept = kept.to_string()),
            Start::Unknown => t!("till-open-hint-count"),
        };
        column![
            text(t!("till-closed-title")).size(theme::LARGE).font(theme::BOLD),
            widgets::label(hint),
            self.correct_key(layout),
            iced::widget::space().height(Fill),
            row![
                widgets::label(t!("till-float")),
                widgets::spacer(),
                text(crate::i18n::won(float)).size(theme::LARGE).font(theme::BOLD)
            ],
            big_button(t!("till-open-confirm"), theme::success, Some(Message::OpenTill)),
            widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(layout.key_height()),
        ]
        .spacing(12)
        .into()
    }

    fn view_figures(&self) -> Element<'_, Message> {
        match &self.report {
            Some(report) => figures(report, false, self.manager),
            None => widgets::muted(t!("till-no-figures")).into(),
        }
    }

    fn view_actions(&self, layout: Layout) -> Element<'_, Message> {
        let busy = matches!(self.mode, Mode::Busy);
        let key = |label: String, message: Message| {
            widgets::key(label, theme::BODY, (!busy).then_some(message)).height(layout.key_height() + 8.0)
        };
        let mut actions = column![
            text(t!("till-open-now")).size(theme::LARGE).font(theme::BOLD),
            row![key(t!("till-cash-in"), Message::CashIn), key(t!("till-cash-out"), Message::CashOut)].spacing(8),
            key(t!("till-print-x"), Message::PrintX),
        ]
        .spacing(12);
        if self.manager {
            actions =
                actions.push(key(t!("till-credit"), Message::IssueCredit)).push(key(t!("till-audit"), Message::Audit));
        }
        // Back to selling, the likely next step, where the open button was: a second tap on
        // it right after opening must not start closing the till.
        column![
            actions,
            iced::widget::space().height(Fill),
            big_button(t!("till-back"), theme::primary, Some(Message::Back)),
            button(text(t!("till-close")).size(theme::BODY).align_x(Center).align_y(Center).width(Fill).height(Fill))
                .width(Fill)
                .height(layout.key_height())
                .style(theme::danger)
                .on_press_maybe((!busy).then_some(Message::StartClose)),
        ]
        .spacing(12)
        .into()
    }

    fn view_close_side<'a>(
        &'a self,
        count: &'a DrawerCount,
        blind: bool,
        counted: bool,
        kept: &'a str,
        layout: Layout,
    ) -> Element<'a, Message> {
        let total = count.count().total();
        let expected = self.report.as_ref().map_or(Won::ZERO, |r| r.cash.expected());
        let mut side = column![text(t!("till-close-title")).size(theme::LARGE).font(theme::BOLD)].spacing(10);
        if !counted {
            let blind_label = if blind { t!("till-blind-on") } else { t!("till-blind-off") };
            side = side.push(widgets::label(t!("till-close-hint"))).push(
                widgets::key(blind_label, theme::SMALL + 1.0, Some(Message::Blind(!blind)))
                    .height(layout.wrapping_key()),
            );
            if !blind {
                side = side.push(money_row(t!("report-expected"), expected));
            }
            if !self.parked.is_empty() {
                // One key that says it and leads there: the side has no room for a banner and a
                // key at 800×600.
                let said = t!("till-close-parked", count = self.parked.len(), notes = self.parked.join(", "));
                side = side.push(
                    // One line with this padding is a fingertip tall; more lines make it taller.
                    button(text(widgets::keep_words(&said)).size(theme::SMALL + 1.0).color(theme::RED).width(Fill))
                        .padding([12, 12])
                        .width(Fill)
                        .style(theme::key)
                        .on_press(Message::ShowParked),
                );
            }
            return side
                .push(iced::widget::space().height(Fill))
                .push(big_button(t!("till-counted-confirm"), theme::primary, Some(Message::Counted)))
                .push(widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(layout.key_height()))
                .into();
        }
        let difference = total - expected;
        let colour = if difference < Won::ZERO {
            theme::RED
        } else if difference.is_positive() {
            theme::GREEN
        } else {
            theme::INK
        };
        side.push(money_row(t!("report-expected"), expected))
            .push(money_row(t!("till-counted"), total))
            .push(
                row![
                    text(t!("report-difference")).size(theme::LARGE).font(theme::BOLD),
                    widgets::spacer(),
                    text(crate::i18n::won_signed(difference)).size(theme::LARGE).font(theme::BOLD).color(colour)
                ]
                .align_y(Center),
            )
            .push(widgets::muted(t!("till-kept-hint")))
            .push(
                text_input(&t!("till-kept-placeholder"), &register::grouped(kept))
                    .id(AMOUNT_INPUT)
                    .size(theme::BODY)
                    .padding(8)
                    .align_x(iced::alignment::Horizontal::Right)
                    .on_input(Message::KeptChanged)
                    .on_submit(Message::ConfirmClose),
            )
            .push(big_button(t!("till-close-confirm"), theme::danger, Some(Message::ConfirmClose)))
            // Where 다 셌어요 was: a second tap on it counts again rather than closing.
            .push(iced::widget::space().height(Fill))
            .push(big_button(t!("till-recount"), theme::key, Some(Message::Recount)))
            .push(widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(layout.key_height()))
            .into()
    }

    fn view_done<'a>(&'a self, report: &'a SessionReport, layout: Layout) -> Element<'a, Message> {
        let z = report.session.closed.as_ref().map_or(0, |c| c.z_no);
        column![
            text(t!("till-done-title")).size(theme::LARGE).font(theme::BOLD).color(theme::GREEN),
            widgets::label(t!("till-done-hint", number = z)),
            self.correct_key(layout),
            iced::widget::space().height(Fill),
            widgets::key(t!("till-back"), theme::BODY, Some(Message::Back)).height(layout.key_height()),
        ]
        .spacing(12)
        .into()
    }
}

pub(super) fn big_button<'a>(
    label: String,
    style: theme::ButtonStyle,
    message: Option<Message>,
) -> Element<'a, Message> {
    button(text(widgets::keep_words(&label)).size(theme::LARGE).align_x(Center).width(Fill))
        .padding(16)
        .width(Fill)
        .style(style)
        .on_press_maybe(message)
        .into()
}

pub(super) fn money_row<'a>(label: String, amount: Won) -> Element<'a, Message> {
    row![widgets::label(label), widgets::spacer(), widgets::label(crate::i18n::won(amount))].into()
}

/// The X or Z report's figures on screen. A cashier's X view leaves off the cash the drawer
/// should hold (`shows_expected` false), so their closing count stays blind.
pub(super) fn figures(report: &SessionReport, closed: bool, shows_expected: bool) -> Element<'_, Message> {
    let s = &report.session;
    let cash = &report.cash;
    let mut list = column![
        text(if closed { t!("till-z-title") } else { t!("till-x-title") }).size(theme::LARGE).font(theme::BOLD),
        widgets::muted(t!(
            "till-opened-by",
            time = s.opened_at.format("%H:%M").to_string(),
            name = s.opened_by.clone(),
            till = s.till.clone()
        )),
        money_row(t!("report-float"), cash.float),
        money_row(t!("report-cash-sales"), cash.cash_sales),
        money_row(t!("report-cash-refunds"), -cash.cash_refunds),
        money_row(t!("report-cash-in"), cash.cash_in),
        money_row(t!("report-cash-out"), -cash.cash_out),
    ]
    .spacing(6);
    if shows_expected || closed {
        list = list.push(row![
            text(t!("report-expected")).size(theme::BODY).font(theme::BOLD),
            widgets::spacer(),
            text(crate::i18n::won(cash.expected())).size(theme::BODY).font(theme::BOLD)
        ]);
    }
    list = list.extend([
        money_row(t!("report-card"), report.card),
        money_row(t!("report-credit"), report.credit),
        widgets::muted(t!(
            "till-counts",
            sales = report.sales,
            refunds = report.refunds,
            voids = report.voids,
            receipts = report.cash_receipts
        ))
        .into(),
    ]);
    if let Some(c) = &s.closed {
        list = list.push(money_row(t!("till-counted"), c.counted));
        for correction in &report.corrections {
            list = list.push(row![
                widgets::label(t!("report-correction", reason = correction.reason.clone())),
                widgets::spacer(),
                widgets::label(crate::i18n::won_signed(correction.amount)),
            ]);
        }
        let difference = report.difference().unwrap_or(c.counted - c.expected);
        list = list
            .push(row![
                text(t!("report-difference")).size(theme::BODY).font(theme::BOLD),
                widgets::spacer(),
                text(crate::i18n::won_signed(difference)).size(theme::BODY).font(theme::BOLD)
            ])
            .push(money_row(t!("report-kept"), c.kept));
    }
    scrollable(list).height(Fill).into()
}
