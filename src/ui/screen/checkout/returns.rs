//! Returns and voids at the counter. A return starts from a receipt's barcode (or a sale picked
//! from today's list): the cashier picks what comes back and how the money goes back (the way it
//! was paid, cash, or a store-credit voucher). Without a receipt, a manager may allow an amount
//! in a category. A void undoes a whole sale of today while its till is still open. Every one
//! needs a manager's PIN, is written off the UI thread, and prints a receipt (and the voucher).

use crate::ui::pressable::button;
use iced::Task;
use iced::widget::{column, container, row, scrollable, text};
use iced::{Center, Element, Fill};

use super::parts::{ENTRY_INPUT, SCAN_INPUT, name, pad_and_buttons};
use super::parts::{amount_input, tender_label};
use super::{Action, Checkout, Context, Message, Mode, Then, focus};
use crate::domain::codes::ReceiptCode;
use crate::domain::{Line, Sale, SaleKind, Won, register};
use crate::hardware::receipt::{ReceiptOptions, credit_voucher, sale_receipt};
use crate::store::{Approval, Approved, NewRefund, RefundTo, Refunded, Returned, SaleError, StoreError};
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};
use crate::{explain, t};

pub struct ReturnState {
    what: What,
    to: RefundTo,
}

enum What {
    /// Waiting for a receipt to be scanned.
    Receipt,
    /// Lines of `sale`, with how many of each are still there to return and how many come back.
    Sale { sale: Box<Sale>, left: Vec<i32>, back: Vec<i32> },
    /// No receipt: an amount in one of the category keys.
    Open { key: Option<usize>, digits: String },
}

/// A refund ready to write once a manager approves it.
#[derive(Debug, Clone)]
pub struct Plan {
    returned: Returned,
    to: RefundTo,
}

impl ReturnState {
    pub fn digits(&mut self) -> Option<&mut String> {
        match &mut self.what {
            What::Open { digits, .. } => Some(digits),
            _ => None,
        }
    }

    /// What goes back to the customer.
    fn amount(&self) -> Won {
        match &self.what {
            What::Receipt => Won::ZERO,
            What::Sale { sale, left, back } => sale
                .lines
                .iter()
                .zip(left.iter().zip(back))
                .enumerate()
                .filter(|(_, (_, (_, q)))| **q > 0)
                .map(|(i, (line, (left, q)))| -line.returned(i as u32 + 1, *q, line.quantity - left).amount())
                .sum(),
            What::Open { digits, .. } => register::price(digits).unwrap_or(Won::ZERO),
        }
    }
}

impl Checkout {
    pub(super) fn update_returns(&mut self, message: Message, ctx: Context<'_>) -> Action {
        match message {
            Message::Return => {
                if !matches!(self.mode, Mode::Scanning | Mode::Today(_)) || !self.cart.is_empty() {
                    return Action::None;
                }
                self.mode = Mode::Return(ReturnState { what: What::Receipt, to: RefundTo::Original });
                self.notice = None;
                focus(SCAN_INPUT)
            }
            Message::ReturnFrom(id) => match ctx.store.sale_by_id(id) {
                Ok(sale) => self.return_from(sale, ctx),
                Err(e) => {
                    self.error(explain::store_error(&e));
                    Action::None
                }
            },
            Message::ReturnQty(index, quantity) => {
                if let Mode::Return(ReturnState { what: What::Sale { left, back, .. }, .. }) = &mut self.mode
                    && let (Some(left), Some(back)) = (left.get(index), back.get_mut(index))
                {
                    *back = quantity.clamp(0, *left);
                }
                Action::None
            }
            Message::ReturnTo(to) => {
                if let Mode::Return(r) = &mut self.mode {
                    r.to = to;
                }
                Action::None
            }
            Message::ReturnOpen => {
                if let Mode::Return(r) = &mut self.mode {
                    r.what = What::Open { key: None, digits: String::new() };
                    r.to = RefundTo::Cash;
                }
                focus(ENTRY_INPUT)
            }
            Message::ReturnCategory(key) => {
                if let Mode::Return(ReturnState { what: What::Open { key: chosen, .. }, .. }) = &mut self.mode {
                    *chosen = Some(key);
                }
                focus(ENTRY_INPUT)
            }
            Message::ConfirmReturn => self.confirm_return(ctx),
            Message::Void(id) => {
                if !matches!(self.mode, Mode::Today(_)) {
                    return Action::None;
                }
                match ctx.store.sale_by_id(id) {
                    Ok(sale) => {
                        let title = t!(
                            "void-approval-title",
                            number = format!("{:04}", sale.sale_no),
                            amount = sale.total.to_string()
                        );
                        let action = Approval::Void { sale: document(&sale), amount: sale.total };
                        self.ask_manager(action, title, Then::Void { sale: id }, ctx)
                    }
                    Err(e) => {
                        self.error(explain::store_error(&e));
                        Action::None
                    }
                }
            }
            Message::Refunded(result) => {
                if !matches!(self.mode, Mode::Reversing) {
                    return Action::None;
                }
                match result {
                    Ok(Refunded { refund, credit }) => {
                        let mut papers = vec![(
                            t!("job-refund", number = format!("{:04}", refund.sale_no)),
                            sale_receipt(ctx.store.info(), &refund, ReceiptOptions::default()),
                        )];
                        if let Some(c) = &credit {
                            papers.push((
                                t!("job-voucher", code = c.code.clone()),
                                credit_voucher(ctx.store.info(), &c.code, c.amount, refund.sold_at),
                            ));
                        }
                        self.notice = None;
                        self.finished(&refund, credit, papers[0].1.clone());
                        Action::Print {
                            papers,
                            then: iced::widget::operation::focus(SCAN_INPUT),
                            receipt_of: Some(refund.id),
                        }
                    }
                    Err(e) => self.reverse_failed(&e),
                }
            }
            Message::Voided(result) => {
                if !matches!(self.mode, Mode::Reversing) {
                    return Action::None;
                }
                match result {
                    Ok(void) => {
                        let receipt = sale_receipt(ctx.store.info(), &void, ReceiptOptions::default());
                        self.notice = None;
                        self.finished(&void, None, receipt.clone());
                        Action::Print {
                            papers: vec![(t!("job-void", number = format!("{:04}", void.sale_no)), receipt)],
                            then: iced::widget::operation::focus(SCAN_INPUT),
                            receipt_of: Some(void.id),
                        }
                    }
                    Err(e) => self.reverse_failed(&e),
                }
            }
            _ => Action::None,
        }
    }

    fn reverse_failed(&mut self, e: &SaleError) -> Action {
        tracing::error!("refund or void not written: {e}");
        self.mode = self.idle();
        self.error(t!("error-reverse-not-saved", reason = explain::sale_error(e)));
        focus(SCAN_INPUT)
    }

    /// A receipt scanned between sales (or in the return panel): return from that sale.
    pub(super) fn return_from_receipt(&mut self, receipt: ReceiptCode, ctx: Context<'_>) -> Action {
        if receipt.store != ctx.store.info().code {
            self.error(t!("error-other-store-receipt"));
            return focus(SCAN_INPUT);
        }
        match ctx.store.sale(receipt.date, receipt.sale_no) {
            Ok(Some(sale)) => self.return_from(sale, ctx),
            Ok(None) => {
                self.error(t!(
                    "error-receipt-unknown",
                    number = format!("{:04}", receipt.sale_no),
                    date = receipt.date.to_string()
                ));
                focus(SCAN_INPUT)
            }
            Err(e) => {
                self.error(explain::store_error(&e));
                focus(SCAN_INPUT)
            }
        }
    }

    fn return_from(&mut self, sale: Sale, ctx: Context<'_>) -> Action {
        if sale.kind != SaleKind::Sale {
            self.error(t!("error-return-not-sale"));
            return focus(SCAN_INPUT);
        }
        let left = match ctx.store.returnable(sale.id) {
            Ok(left) => left,
            Err(e) => {
                self.error(explain::store_error(&e));
                return focus(SCAN_INPUT);
            }
        };
        if left.iter().all(|q| *q <= 0) {
            self.error(t!("error-all-returned", number = format!("{:04}", sale.sale_no)));
            return focus(SCAN_INPUT);
        }
        // A receipt with one line most often comes back whole: that line is picked and the
        // manager asked at once (paid back as it was paid; 돌아가기 on the approval leads to the
        // return panel to change that). Scan, PIN, Enter.
        let one_line = left.iter().filter(|q| **q > 0).count() == 1;
        let back = if one_line { left.clone() } else { vec![0; left.len()] };
        self.mode =
            Mode::Return(ReturnState { what: What::Sale { sale: Box::new(sale), left, back }, to: RefundTo::Original });
        self.notice = None;
        if one_line {
            return self.confirm_return(ctx);
        }
        focus(SCAN_INPUT)
    }

    /// 반품하기: asks a manager to approve what was picked.
    pub(super) fn confirm_return(&mut self, ctx: Context<'_>) -> Action {
        let Mode::Return(r) = &self.mode else { return Action::None };
        let returned = match &r.what {
            What::Receipt => return Action::None,
            What::Sale { sale, back, .. } => {
                let lines: Vec<(usize, i32)> =
                    back.iter().enumerate().filter(|(_, q)| **q > 0).map(|(i, q)| (i, *q)).collect();
                if lines.is_empty() {
                    self.error(t!("error-return-nothing-picked"));
                    return Action::None;
                }
                Returned::Lines { sale: sale.id, lines }
            }
            What::Open { key, digits } => {
                let Some(category) = key.and_then(|k| self.keys.get(k)).cloned() else {
                    self.error(t!("error-return-category"));
                    return focus(ENTRY_INPUT);
                };
                match register::price(digits) {
                    Ok(amount) => Returned::Open { category, amount },
                    Err(problem) => {
                        self.error(super::entry_problem(&problem));
                        return focus(ENTRY_INPUT);
                    }
                }
            }
        };
        // The store says what the refund will give back, so the approval covers exactly that.
        let action = match ctx.store.refund_approval(&returned) {
            Ok(action) => action,
            Err(e) => {
                self.error(explain::sale_error(&e));
                return Action::None;
            }
        };
        let plan = Plan { returned, to: r.to };
        let title = t!("refund-approval-title", amount = action.amount().unwrap_or_default().to_string());
        self.ask_manager(action, title, Then::Refund(plan), ctx)
    }

    pub(super) fn refund(&mut self, plan: Plan, approved: Approved, ctx: Context<'_>) -> Action {
        self.mode = Mode::Reversing;
        let (staff, till, session, now) = (ctx.staff.clone(), ctx.till.clone(), self.session.clone(), ctx.now);
        let write = ctx.worker.call(move |store| {
            let session = session.ok_or_else(|| StoreError::TillNotOpen { till: till.0.clone() })?;
            store.refund(NewRefund {
                returned: plan.returned,
                to: plan.to,
                staff: &staff,
                approved: &approved,
                session: &session,
                till: Some(&till),
                at: now,
            })
        });
        Action::Run(Task::perform(write, Message::Refunded))
    }

    pub(super) fn void(&mut self, sale: i64, approved: Approved, ctx: Context<'_>) -> Action {
        self.mode = Mode::Reversing;
        let (staff, till, session, now) = (ctx.staff.clone(), ctx.till.clone(), self.session.clone(), ctx.now);
        let write = ctx.worker.call(move |store| {
            let session = session.ok_or_else(|| StoreError::TillNotOpen { till: till.0.clone() })?;
            store.void(sale, &staff, &approved, &session, Some(&till), now)
        });
        Action::Run(Task::perform(write, Message::Voided))
    }

    pub(super) fn view_return<'a>(&'a self, r: &'a ReturnState, layout: Layout) -> Element<'a, Message> {
        let choice = |label: String, chosen: bool, message: Option<Message>| {
            widgets::choice(label, theme::SMALL + 1.0, chosen, message, layout.wrapping_key())
        };
        // How the money goes back.
        let to = |to: RefundTo| {
            let label = match to {
                RefundTo::Original => t!("return-to-original"),
                RefundTo::Cash => t!("return-to-cash"),
                RefundTo::Credit => t!("return-to-credit"),
            };
            choice(label, r.to == to, Some(Message::ReturnTo(to)))
        };
        // Two ways back (no receipt) fit one line each; three may take two.
        let two = |to: RefundTo| {
            let label = if to == RefundTo::Cash { t!("return-to-cash") } else { t!("return-to-credit") };
            widgets::choice(label, theme::SMALL + 1.0, r.to == to, Some(Message::ReturnTo(to)), layout.key_height())
        };
        let title = text(t!("return-title")).size(theme::LARGE).font(theme::BOLD);
        let back = widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(layout.wrapping_key());
        let body: Element<'a, Message> = match &r.what {
            What::Receipt => column![
                widgets::label(t!("return-scan-hint")),
                iced::widget::space().height(Fill),
                widgets::key(t!("return-no-receipt"), theme::BODY, Some(Message::ReturnOpen))
                    .height(layout.key_height()),
            ]
            .spacing(10)
            .height(Fill)
            .into(),
            What::Sale { sale, left, back } => {
                let small = |label: &'static str, message: Option<Message>| {
                    button(text(label).size(theme::BODY).align_x(Center).align_y(Center).width(Fill).height(Fill))
                        .width(44)
                        .height(44)
                        .style(theme::key)
                        .on_press_maybe(message)
                };
                let rows = sale.lines.iter().enumerate().filter(|(_, l)| l.is_goods()).map(|(i, line)| {
                    let (left, back) = (left[i], back[i]);
                    let controls: Element<'a, Message> = if left <= 0 {
                        widgets::muted(t!("return-already")).into()
                    } else {
                        row![
                            small("−", (back > 0).then_some(Message::ReturnQty(i, back - 1))),
                            text(format!("{back}/{left}")).size(theme::BODY).width(52).align_x(Center),
                            small("+", (back < left).then_some(Message::ReturnQty(i, back + 1))),
                        ]
                        .spacing(4)
                        .align_y(Center)
                        .into()
                    };
                    row![
                        column![widgets::label(name(line)), widgets::muted(unit_paid(line))].spacing(2).width(Fill),
                        controls
                    ]
                    .spacing(8)
                    .align_y(Center)
                    .into()
                });
                let paid: Vec<String> = sale.payment.tenders.iter().map(|t| tender_label(t.kind)).collect();
                column![
                    widgets::muted(t!(
                        "return-from",
                        number = format!("{:04}", sale.sale_no),
                        date = sale.business_date.to_string(),
                        paid = paid.join("·")
                    )),
                    container(scrollable(column(rows).spacing(6))).style(theme::card).padding(8).height(Fill),
                    row![to(RefundTo::Original), to(RefundTo::Cash), to(RefundTo::Credit)].spacing(8),
                ]
                .spacing(8)
                .height(Fill)
                .into()
            }
            What::Open { key, digits } => {
                let keys = self.keys.iter().enumerate().map(|(i, c)| {
                    let label = crate::i18n::local(&c.name_ko, &c.name_en);
                    choice(label.to_string(), *key == Some(i), Some(Message::ReturnCategory(i))).into()
                });
                let mut grid = column![].spacing(6);
                let keys: Vec<Element<'a, Message>> = keys.collect();
                let mut keys = keys.into_iter().peekable();
                while keys.peek().is_some() {
                    grid = grid.push(row(keys.by_ref().take(3)).spacing(6));
                }
                // A short till has room for the keys, not for the words about them.
                let hint = if layout.short() { String::new() } else { t!("return-open-hint") };
                column![
                    widgets::muted(hint),
                    // One to three rows of categories show, as the till's height allows; the rest scroll.
                    scrollable(grid).height({
                        let rows = match layout.height {
                            h if h < 700.0 => 1.0,
                            h if h < 900.0 => 2.0,
                            _ => 3.0,
                        };
                        layout.wrapping_key() * rows + 6.0 * (rows - 1.0)
                    }),
                    amount_input(t!("return-open-placeholder"), digits, theme::LARGE),
                    row![two(RefundTo::Cash), two(RefundTo::Credit)].spacing(8),
                    pad_and_buttons(
                        t!("pay-back"),
                        // The pad's key holds one line of large text on a narrow till.
                        if layout.narrow() { t!("today-return") } else { t!("return-confirm") },
                        theme::danger,
                        Some(Message::ConfirmReturn),
                        Some("000"),
                        Vec::new(),
                        layout
                    ),
                ]
                .spacing(8)
                .into()
            }
        };
        let mut panel = column![title, body].spacing(10);
        if let What::Sale { .. } = r.what {
            let amount = r.amount();
            panel = panel
                .push(row![
                    widgets::label(t!("return-amount")),
                    widgets::spacer(),
                    text(crate::i18n::won(amount)).size(theme::LARGE).font(theme::BOLD)
                ])
                .push(
                    row![
                        back,
                        button(
                            text(widgets::keep_words(&t!("return-confirm")))
                                .size(theme::SMALL + 1.0)
                                .align_x(Center)
                                .align_y(Center)
                                .width(Fill)
                                .height(Fill)
                        )
                        .height(layout.wrapping_key())
                        .width(Fill)
                        .style(theme::danger)
                        .on_press_maybe(amount.is_positive().then_some(Message::ConfirmReturn)),
                    ]
                    .spacing(8),
                );
        } else if let What::Receipt = r.what {
            panel = panel.push(back);
        }
        panel.into()
    }
}

/// How a manager's approval names a sale: `2026-11-25 #0003`.
fn document(sale: &Sale) -> String {
    crate::store::document_ref(sale.business_date, sale.sale_no)
}

/// What one unit of a sold line came to, its discount shared in.
fn unit_paid(line: &Line) -> String {
    let per_unit = if line.quantity != 0 { line.amount().get() / i64::from(line.quantity) } else { 0 };
    crate::i18n::won(Won::new(per_unit))
}
