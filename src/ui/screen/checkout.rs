//! Ringing up a sale. The scan field always has the focus, so a keyboard-wedge scanner (or a
//! cashier typing a code and Enter) adds items wherever the pointer is. Category keys sell
//! untagged items at a typed price. Cash shows the change in large type; a committed sale's
//! receipt goes to the printer without holding up the next customer.

use std::time::Instant;

use chrono::{DateTime, FixedOffset, NaiveDate};
use iced::widget::{button, column, container, operation, row, scrollable, text, text_input};
use iced::{Center, Element, Fill, FillPortion, Task};

use crate::domain::{Cart, Line, LineKind, Payment, TenderKind, Won, likely_tenders};
use crate::hardware::Document;
use crate::hardware::queue::{JobId, JobState, JobView};
use crate::hardware::receipt::{ReceiptOptions, sale_receipt};
use crate::i18n::{Lang, language};
use crate::store::{Category, NewSale, Role, StaffMember, Store, category_line};
use crate::ui::preview::Paper;
use crate::ui::wedge::Burst;
use crate::ui::{theme, widgets};
use crate::{messages, t};

pub const SCAN_INPUT: &str = "scan";
pub const ENTRY_INPUT: &str = "entry";
const KEYS_PER_ROW: usize = 5;
pub const LINES: &str = "lines";
/// The largest price a tag can carry; anything above is a typo.
const MAX_PRICE: i64 = 9_999_999;
const MAX_TENDER: i64 = 10_000_000;

#[derive(Debug, Clone)]
pub enum Message {
    ScanChanged(String),
    ScanSubmitted,
    Remove(usize),
    CategoryKey(usize),
    EntryChanged(String),
    EntryDigits(&'static str),
    EntryBackspace,
    EntryClear,
    EntrySubmitted,
    /// A guide price or a likely tender, tapped.
    Quick(Won),
    PayCash,
    PayCard,
    ConfirmCard,
    Back,
    CancelSale,
    NewSale,
    Escape,
    /// Print the failed receipt again.
    RetryPrint,
    /// A copy of the last sale's receipt, marked 재발행.
    Reprint,
    /// Open the drawer without a sale (needs a manager's PIN).
    NoSale,
    NoSaleManager(usize),
    NoSaleSubmit,
    /// Show the last receipt on screen, as printed (or back to the lines).
    ToggleReceipt,
}

pub enum Action {
    None,
    Run(Task<Message>),
    /// Queue `paper` for the printer (telling the checkout its job with [`Checkout::printing`]),
    /// then run `then`.
    Print {
        title: String,
        paper: Document,
        then: Task<Message>,
    },
    Retry(JobId),
    /// A manager approved: kick the drawer open.
    OpenDrawer,
}

/// Everything the checkout needs from outside for one update.
pub struct Context<'a> {
    pub store: &'a mut Store,
    pub staff: &'a StaffMember,
    pub now: DateTime<FixedOffset>,
}

#[derive(Debug, Clone, PartialEq)]
enum Mode {
    Scanning,
    Price { key: usize, input: String },
    Cash { input: String },
    Card,
    NoSale { manager: Option<usize>, input: String, problem: Option<String> },
    Done(Finished),
}

#[derive(Debug, Clone, PartialEq)]
struct Finished {
    date: NaiveDate,
    sale_no: u32,
    total: Won,
    kind: TenderKind,
    tendered: Won,
    change: Won,
    job: Option<JobId>,
    print: Option<JobState>,
}

#[derive(Debug, Clone, PartialEq)]
struct Notice {
    text: String,
    is_error: bool,
}

pub struct Checkout {
    cart: Cart,
    scan: String,
    notice: Option<Notice>,
    keys: Vec<Category>,
    managers: Vec<StaffMember>,
    mode: Mode,
    demo_codes: Vec<String>,
    /// Tells a keyboard-wedge scanner typing into the price or cash field from a person.
    burst: Burst,
    /// The finished sale's receipt, and its on-screen copy while shown.
    receipt: Option<Document>,
    preview: Option<Paper>,
    columns: usize,
}

fn name(line: &Line) -> &str {
    if language() == Lang::En { &line.name_en } else { &line.name_ko }
}

fn focus(id: &'static str) -> Action {
    Action::Run(operation::focus(id))
}

/// Back to the scan field, with the line just added in view.
fn show_last_line() -> Action {
    Action::Run(Task::batch([operation::focus(SCAN_INPUT), operation::snap_to_end(LINES)]))
}

impl Checkout {
    pub fn new(store: &Store, demo_codes: Vec<String>, burst: Burst, columns: usize) -> Checkout {
        let (keys, notice) = match store.categories() {
            Ok(all) => (all.into_iter().filter(|c| c.key_position.is_some()).collect(), None),
            Err(e) => (Vec::new(), Some(Notice { text: messages::store_error(&e), is_error: true })),
        };
        let managers = store.staff().unwrap_or_default().into_iter().filter(|s| s.role == Role::Manager).collect();
        Checkout {
            cart: Cart::new(),
            scan: String::new(),
            notice,
            keys,
            managers,
            mode: Mode::Scanning,
            demo_codes,
            burst,
            receipt: None,
            preview: None,
            columns,
        }
    }

    pub fn focus() -> Task<Message> {
        operation::focus(SCAN_INPUT)
    }

    pub fn cart(&self) -> &Cart {
        &self.cart
    }

    /// The receipt of the sale just finished went to the printer as `job`.
    pub fn printing(&mut self, job: JobId) {
        if let Mode::Done(finished) = &mut self.mode
            && finished.job.is_none()
        {
            finished.job = Some(job);
            finished.print = Some(JobState::Waiting);
        }
    }

    /// The receipt job the screen is following, if any.
    pub fn receipt_job(&self) -> Option<JobId> {
        match &self.mode {
            Mode::Done(finished) => finished.job,
            _ => None,
        }
    }

    /// How the receipt's job is doing, from the print queue.
    pub fn print_state(&mut self, job: Option<JobView>) {
        if let Mode::Done(finished) = &mut self.mode {
            finished.print = job.map(|j| j.state);
        }
    }

    /// A code from a scanner that did not come through the scan field (a serial scanner, or a
    /// keyboard-wedge scanner typing while another field or nothing had the focus). Whatever
    /// was being entered is set aside: a scan is never taken as a price or an amount.
    pub fn scanned(&mut self, code: &str, ctx: Context<'_>) -> Action {
        if !matches!(self.mode, Mode::Scanning | Mode::Done(_)) {
            self.mode = Mode::Scanning;
        }
        self.scan.clear();
        self.scan_code(code.trim(), ctx)
    }

    fn scan_code(&mut self, code: &str, ctx: Context<'_>) -> Action {
        if matches!(self.mode, Mode::Done(_)) {
            self.start_new_sale();
            if code.is_empty() {
                return focus(SCAN_INPUT);
            }
        }
        if self.mode != Mode::Scanning || code.is_empty() {
            return focus(SCAN_INPUT);
        }
        match ctx.store.price_scan(code, ctx.now.date_naive()) {
            Ok(priced) => {
                self.add(priced.line);
                return show_last_line();
            }
            Err(e) => {
                tracing::info!(code, "scan refused: {e}");
                self.error(messages::scan_error(&e));
            }
        }
        focus(SCAN_INPUT)
    }

    fn error(&mut self, text: String) {
        self.notice = Some(Notice { text, is_error: true });
    }

    fn info(&mut self, text: String) {
        self.notice = Some(Notice { text, is_error: false });
    }

    fn entry(&mut self) -> Option<&mut String> {
        match &mut self.mode {
            Mode::Price { input, .. } | Mode::Cash { input } | Mode::NoSale { input, .. } => Some(input),
            _ => None,
        }
    }

    pub fn update(&mut self, message: Message, ctx: Context<'_>) -> Action {
        match message {
            Message::ScanChanged(text) => {
                self.scan = text;
                Action::None
            }
            Message::ScanSubmitted => {
                let code = std::mem::take(&mut self.scan);
                self.scan_code(code.trim(), ctx)
            }
            Message::Remove(index) => {
                if self.mode == Mode::Scanning
                    && let Some(line) = self.cart.remove(index)
                {
                    self.info(t!("checkout-removed", name = name(&line).to_string()));
                }
                focus(SCAN_INPUT)
            }
            Message::CategoryKey(key) => {
                if matches!(self.mode, Mode::Done(_)) {
                    self.start_new_sale();
                }
                if self.mode != Mode::Scanning || key >= self.keys.len() {
                    return Action::None;
                }
                self.mode = Mode::Price { key, input: String::new() };
                self.notice = None;
                focus(ENTRY_INPUT)
            }
            Message::EntryChanged(text) => {
                if let Mode::Price { input, .. } | Mode::Cash { input } | Mode::NoSale { input, .. } = &mut self.mode
                    && text.chars().count() <= 32
                {
                    self.burst.changed(input, Instant::now());
                    *input = text;
                }
                Action::None
            }
            Message::EntryDigits(digits) => {
                if let Some(input) = self.entry()
                    && input.len() < 10
                {
                    input.push_str(digits);
                }
                focus(ENTRY_INPUT)
            }
            Message::EntryBackspace => {
                if let Some(input) = self.entry() {
                    input.pop();
                }
                focus(ENTRY_INPUT)
            }
            Message::EntryClear => {
                if let Some(input) = self.entry() {
                    input.clear();
                }
                focus(ENTRY_INPUT)
            }
            Message::EntrySubmitted => {
                let value = self.entry().cloned().unwrap_or_default();
                if let Some((before, code)) = self.burst.submitted(&value, Instant::now()) {
                    if let Some(input) = self.entry() {
                        *input = before;
                    }
                    return self.scanned(&code, ctx);
                }
                self.entry_submitted(ctx)
            }
            Message::Quick(amount) => match self.mode.clone() {
                Mode::Price { key, .. } => self.price_entered(key, &amount.get().to_string()),
                Mode::Cash { .. } => self.cash(ctx, amount),
                _ => Action::None,
            },
            Message::PayCash | Message::PayCard if self.mode != Mode::Scanning => Action::None,
            Message::PayCash | Message::PayCard if self.cart.is_empty() => {
                self.error(t!("error-empty-sale"));
                focus(SCAN_INPUT)
            }
            Message::PayCash => {
                self.mode = Mode::Cash { input: String::new() };
                self.notice = None;
                focus(ENTRY_INPUT)
            }
            Message::PayCard => {
                self.mode = Mode::Card;
                self.notice = None;
                Action::None
            }
            Message::ConfirmCard => match Payment::card(self.cart.total()) {
                Ok(payment) if self.mode == Mode::Card => self.commit(ctx, payment),
                Ok(_) => Action::None,
                Err(e) => {
                    self.error(messages::payment_error(&e));
                    Action::None
                }
            },
            Message::RetryPrint => match &self.mode {
                Mode::Done(Finished { job: Some(job), print: Some(JobState::Failed(_)), .. }) => Action::Retry(*job),
                _ => Action::None,
            },
            Message::Reprint => {
                let Mode::Done(finished) = &mut self.mode else { return Action::None };
                match ctx.store.sale(finished.date, finished.sale_no) {
                    Ok(Some(sale)) => {
                        finished.job = None;
                        finished.print = None;
                        Action::Print {
                            title: t!("job-reprint", number = format!("{:04}", sale.sale_no)),
                            paper: sale_receipt(ctx.store.info(), &sale, ReceiptOptions { reprint: true }),
                            then: operation::focus(SCAN_INPUT),
                        }
                    }
                    Ok(None) => Action::None,
                    Err(e) => {
                        self.error(messages::store_error(&e));
                        Action::None
                    }
                }
            }
            Message::NoSale => {
                if self.mode != Mode::Scanning || !self.cart.is_empty() {
                    return Action::None;
                }
                let only = (self.managers.len() == 1).then_some(0);
                self.mode = Mode::NoSale { manager: only, input: String::new(), problem: None };
                self.notice = None;
                if only.is_some() { focus(ENTRY_INPUT) } else { Action::None }
            }
            Message::NoSaleManager(index) => {
                if let Mode::NoSale { manager, problem, .. } = &mut self.mode {
                    *manager = Some(index);
                    *problem = None;
                }
                focus(ENTRY_INPUT)
            }
            Message::NoSaleSubmit => self.no_sale(ctx),
            Message::ToggleReceipt => {
                if self.preview.take().is_none()
                    && let Some(receipt) = &self.receipt
                {
                    let profile = crate::hardware::PrinterProfile { columns: self.columns, ..Default::default() };
                    match crate::hardware::render(receipt, &profile).map(|r| crate::hardware::decode::decode(&r.bytes))
                    {
                        Ok(Ok(events)) => self.preview = Some(Paper::new(&events, self.columns)),
                        Ok(Err(e)) => self.error(e.to_string()),
                        Err(e) => self.error(e.to_string()),
                    }
                }
                focus(SCAN_INPUT)
            }
            Message::Back => {
                if matches!(self.mode, Mode::Price { .. } | Mode::Cash { .. } | Mode::Card | Mode::NoSale { .. }) {
                    self.mode = Mode::Scanning;
                    self.notice = None;
                }
                focus(SCAN_INPUT)
            }
            Message::CancelSale => {
                if self.mode == Mode::Scanning {
                    self.cart.clear();
                    self.notice = None;
                }
                focus(SCAN_INPUT)
            }
            Message::NewSale => {
                self.start_new_sale();
                focus(SCAN_INPUT)
            }
            Message::Escape => match self.mode {
                Mode::Scanning => {
                    self.scan.clear();
                    self.notice = None;
                    focus(SCAN_INPUT)
                }
                Mode::Done(_) => {
                    self.start_new_sale();
                    focus(SCAN_INPUT)
                }
                _ => self.update(Message::Back, ctx),
            },
        }
    }

    fn entry_submitted(&mut self, ctx: Context<'_>) -> Action {
        match self.mode.clone() {
            Mode::Price { key, input } => self.price_entered(key, &input),
            Mode::NoSale { .. } => self.no_sale(ctx),
            Mode::Cash { input } if input.trim().is_empty() => self.cash(ctx, self.cart.total()),
            Mode::Cash { input } => match input.parse::<Won>() {
                Ok(tendered) if tendered.get() <= MAX_TENDER => self.cash(ctx, tendered),
                Ok(_) => {
                    self.error(t!("error-price-too-high"));
                    focus(ENTRY_INPUT)
                }
                Err(_) => {
                    self.error(t!("error-not-a-price", input = input.clone()));
                    focus(ENTRY_INPUT)
                }
            },
            _ => Action::None,
        }
    }

    fn no_sale(&mut self, ctx: Context<'_>) -> Action {
        let Mode::NoSale { manager, input, .. } = &mut self.mode else { return Action::None };
        let pin = std::mem::take(input);
        let Some(manager) = (*manager).and_then(|i| self.managers.get(i)) else { return Action::None };
        let problem = match ctx.store.approve_no_sale(ctx.staff, manager.id, &pin, ctx.now) {
            Ok(_) => {
                self.mode = Mode::Scanning;
                self.info(t!("nosale-opened"));
                return Action::OpenDrawer;
            }
            Err(e) => messages::sign_in_error(&e, ctx.now),
        };
        if let Mode::NoSale { problem: slot, .. } = &mut self.mode {
            *slot = Some(problem);
        }
        focus(ENTRY_INPUT)
    }

    fn start_new_sale(&mut self) {
        self.receipt = None;
        self.preview = None;
        self.cart.clear();
        self.mode = Mode::Scanning;
        self.notice = None;
    }

    fn add(&mut self, line: Line) {
        let (shown, price) = (name(&line).to_string(), line.unit_price);
        match self.cart.add(line) {
            Ok(_) => self.info(t!("checkout-added", name = shown, price = price.to_string())),
            Err(e) => self.error(messages::cart_error(&e)),
        }
    }

    fn price_entered(&mut self, key: usize, input: &str) -> Action {
        let Some(category) = self.keys.get(key) else { return Action::None };
        match input.parse::<Won>() {
            Ok(price) if price.get() > MAX_PRICE => self.error(t!("error-price-too-high")),
            Ok(price) if !price.is_positive() => self.error(t!("error-zero-price")),
            Ok(price) => {
                let line = category_line(category, price);
                self.mode = Mode::Scanning;
                self.add(line);
                return show_last_line();
            }
            Err(_) if input.trim().is_empty() => self.error(t!("error-zero-price")),
            Err(_) => self.error(t!("error-not-a-price", input = input.to_string())),
        }
        focus(ENTRY_INPUT)
    }

    fn cash(&mut self, ctx: Context<'_>, tendered: Won) -> Action {
        match Payment::cash(self.cart.total(), tendered) {
            Ok(payment) => self.commit(ctx, payment),
            Err(e) => {
                self.error(messages::payment_error(&e));
                focus(ENTRY_INPUT)
            }
        }
    }

    /// Saves the sale. On failure the cart stays as it is, so nothing the cashier rang up is lost.
    fn commit(&mut self, ctx: Context<'_>, payment: Payment) -> Action {
        let sale =
            ctx.store.commit_sale(NewSale { cart: &self.cart, payment: &payment, staff: ctx.staff, at: ctx.now });
        match sale {
            Ok(sale) => {
                let tender = &payment.tenders[0];
                self.mode = Mode::Done(Finished {
                    date: sale.business_date,
                    sale_no: sale.sale_no,
                    total: sale.total,
                    kind: tender.kind,
                    tendered: tender.tendered,
                    change: payment.change,
                    job: None,
                    print: None,
                });
                self.notice = None;
                let receipt = sale_receipt(ctx.store.info(), &sale, ReceiptOptions::default());
                self.receipt = Some(receipt.clone());
                Action::Print {
                    title: t!("job-receipt", number = format!("{:04}", sale.sale_no)),
                    paper: receipt,
                    then: operation::focus(SCAN_INPUT),
                }
            }
            Err(e) => {
                tracing::error!("sale not committed: {e}");
                self.error(messages::store_error(&e));
                Action::None
            }
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let scanning = matches!(self.mode, Mode::Scanning | Mode::Done(_));
        let mut scan =
            text_input(&t!("checkout-scan-placeholder"), &self.scan).id(SCAN_INPUT).size(theme::LARGE).padding(14);
        if scanning {
            scan = scan.on_input(Message::ScanChanged).on_submit(Message::ScanSubmitted);
        }
        let mut left = column![scan].spacing(12);
        if let Some(notice) = &self.notice {
            left = left.push(widgets::banner(notice.text.as_str(), notice.is_error));
        }
        left = left
            .push(container(self.view_lines()).style(theme::card).height(Fill).width(Fill))
            .push(widgets::muted(t!("checkout-category-keys")))
            .push(self.view_keys(scanning));
        let right = container(match &self.mode {
            Mode::Scanning => self.view_totals(),
            Mode::Price { key, input } => self.view_price(*key, input),
            Mode::Cash { input } => self.view_cash(input),
            Mode::Card => self.view_card(),
            Mode::NoSale { manager, input, problem } => self.view_no_sale(*manager, input, problem.as_deref()),
            Mode::Done(finished) => self.view_done(finished),
        })
        .padding(20)
        .height(Fill)
        .width(FillPortion(2))
        .style(theme::panel);
        row![left.width(FillPortion(3)), right].spacing(16).padding(16).into()
    }

    fn view_lines(&self) -> Element<'_, Message> {
        if let Some(paper) = &self.preview {
            return scrollable(container(paper.view()).center_x(Fill).padding(12)).height(Fill).into();
        }
        if self.cart.is_empty() {
            let mut hint = column![widgets::label(t!("checkout-empty")).color(theme::MUTED)].spacing(10);
            if !self.demo_codes.is_empty() {
                hint = hint.push(widgets::muted(t!("checkout-demo-codes", codes = self.demo_codes.join("  "))));
            }
            return container(hint).padding(20).into();
        }
        let removable = self.mode == Mode::Scanning;
        let rows = self.cart.lines().iter().enumerate().map(|(i, line)| {
            let remove = button(text(t!("checkout-remove")).size(theme::SMALL))
                .padding([8, 12])
                .style(theme::key)
                .on_press_maybe(removable.then_some(Message::Remove(i)));
            container(
                row![
                    column![text(name(line)).size(theme::BODY), widgets::muted(detail(line))].spacing(4).width(Fill),
                    text(t!("won", amount = line.amount().to_string())).size(theme::LARGE).font(theme::BOLD),
                    remove,
                ]
                .spacing(14)
                .align_y(Center),
            )
            .padding([10, 14])
            .into()
        });
        scrollable(column(rows).spacing(2)).id(LINES).height(Fill).into()
    }

    fn view_keys(&self, enabled: bool) -> Element<'_, Message> {
        let rows = self.keys.chunks(KEYS_PER_ROW).enumerate().map(|(r, chunk)| {
            let keys = chunk.iter().enumerate().map(|(c, category)| {
                let label = if language() == Lang::En { category.name_en.as_str() } else { category.name_ko.as_str() };
                widgets::key(label, theme::BODY - 2.0, enabled.then_some(Message::CategoryKey(r * KEYS_PER_ROW + c)))
                    .height(50)
                    .into()
            });
            let mut line = row(keys).spacing(8);
            for _ in chunk.len()..KEYS_PER_ROW {
                line = line.push(iced::widget::space().width(Fill));
            }
            line.into()
        });
        column(rows).spacing(8).into()
    }

    fn view_totals(&self) -> Element<'_, Message> {
        let mut totals = column![
            widgets::label(t!("checkout-total")).color(theme::MUTED),
            text(t!("won", amount = self.cart.total().to_string())).size(theme::HUGE).font(theme::BOLD),
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
        let pay = |label: String,
                   key: &'static str,
                   message: Message,
                   style: fn(&iced::Theme, button::Status) -> button::Style| {
            button(
                row![text(label).size(theme::LARGE).font(theme::BOLD), widgets::spacer(), text(key).size(theme::SMALL)]
                    .align_y(Center),
            )
            .padding([22, 20])
            .width(Fill)
            .style(style)
            .on_press(message)
        };
        column![
            totals,
            iced::widget::space().height(Fill),
            pay(t!("checkout-pay-cash"), "F9", Message::PayCash, theme::success),
            pay(t!("checkout-pay-card"), "F10", Message::PayCard, theme::primary),
            row![
                button(text(t!("checkout-cancel-sale")).size(theme::BODY).align_x(Center).width(Fill))
                    .padding(12)
                    .width(Fill)
                    .style(theme::key)
                    .on_press_maybe((!self.cart.is_empty()).then_some(Message::CancelSale)),
                button(text(t!("nosale-button")).size(theme::BODY).align_x(Center).width(Fill))
                    .padding(12)
                    .width(Fill)
                    .style(theme::key)
                    .on_press_maybe(self.cart.is_empty().then_some(Message::NoSale)),
            ]
            .spacing(8),
        ]
        .spacing(12)
        .into()
    }

    fn entry_input<'a>(&self, placeholder: String, value: &'a str) -> Element<'a, Message> {
        text_input(&placeholder, value)
            .id(ENTRY_INPUT)
            .size(theme::HUGE * 0.7)
            .padding(12)
            .align_x(iced::alignment::Horizontal::Right)
            .on_input(Message::EntryChanged)
            .on_submit(Message::EntrySubmitted)
            .into()
    }

    fn view_price<'a>(&'a self, key: usize, input: &'a str) -> Element<'a, Message> {
        let Some(category) = self.keys.get(key) else { return column![].into() };
        let label = if language() == Lang::En { &category.name_en } else { &category.name_ko };
        let guide = row(category.guide.iter().map(|g| {
            widgets::key(t!("won", amount = g.price.to_string()), theme::BODY, Some(Message::Quick(g.price)))
                .height(52)
                .into()
        }))
        .spacing(8);
        column![
            text(t!("price-title", category = label.clone())).size(theme::LARGE).font(theme::BOLD),
            self.entry_input(t!("price-placeholder"), input),
            widgets::muted(t!("price-guide")),
            guide,
            pad_and_buttons(
                t!("price-cancel"),
                t!("price-add"),
                theme::success,
                Some(Message::EntrySubmitted),
                Some("000")
            ),
        ]
        .spacing(12)
        .into()
    }

    fn view_cash<'a>(&'a self, input: &'a str) -> Element<'a, Message> {
        let total = self.cart.total();
        let quick = likely_tenders(total).into_iter().take(4).enumerate().map(|(i, amount)| {
            let label = if i == 0 { t!("pay-exact") } else { amount.to_string() };
            widgets::key(label, theme::BODY, Some(Message::Quick(amount))).height(52).into()
        });
        column![
            text(t!("pay-cash-title")).size(theme::LARGE).font(theme::BOLD),
            amount_row(t!("pay-due"), total),
            self.entry_input(t!("pay-tendered-placeholder"), input),
            row(quick).spacing(8),
            pad_and_buttons(
                t!("pay-back"),
                t!("pay-confirm"),
                theme::success,
                Some(Message::EntrySubmitted),
                Some("000")
            ),
        ]
        .spacing(12)
        .into()
    }

    fn view_card(&self) -> Element<'_, Message> {
        let total = self.cart.total();
        column![
            text(t!("pay-card-title")).size(theme::LARGE).font(theme::BOLD),
            amount_row(t!("pay-due"), total),
            widgets::label(t!("pay-card-hint", amount = total.to_string())),
            iced::widget::space().height(Fill),
            button(text(t!("pay-card-confirm")).size(theme::LARGE).align_x(Center).width(Fill))
                .padding(20)
                .width(Fill)
                .style(theme::primary)
                .on_press(Message::ConfirmCard),
            widgets::key(t!("pay-back"), theme::BODY, Some(Message::Back)).height(56),
        ]
        .spacing(16)
        .into()
    }

    fn view_no_sale<'a>(
        &'a self,
        manager: Option<usize>,
        input: &'a str,
        problem: Option<&'a str>,
    ) -> Element<'a, Message> {
        let mut panel = column![
            text(t!("nosale-title")).size(theme::LARGE).font(theme::BOLD),
            widgets::label(t!("nosale-hint")),
            row(self.managers.iter().enumerate().map(|(i, m)| {
                let chosen = manager == Some(i);
                button(text(m.name.clone()).size(theme::BODY).align_x(Center).width(Fill))
                    .padding(12)
                    .width(Fill)
                    .style(if chosen { theme::primary } else { theme::key })
                    .on_press(Message::NoSaleManager(i))
                    .into()
            }))
            .spacing(8),
        ]
        .spacing(12);
        if manager.is_some() {
            panel = panel.push(
                text_input(&t!("login-pin-placeholder"), input)
                    .id(ENTRY_INPUT)
                    .secure(true)
                    .size(theme::LARGE)
                    .padding(12)
                    .on_input(Message::EntryChanged)
                    .on_submit(Message::EntrySubmitted),
            );
        }
        if let Some(problem) = problem {
            panel = panel.push(widgets::banner(problem, true));
        }
        panel
            .push(pad_and_buttons(
                t!("pay-back"),
                t!("nosale-confirm"),
                theme::danger,
                manager.map(|_| Message::NoSaleSubmit),
                None,
            ))
            .into()
    }

    fn view_done<'a>(&'a self, finished: &'a Finished) -> Element<'a, Message> {
        let mut done = column![
            text(t!("pay-done")).size(theme::LARGE).font(theme::BOLD).color(theme::GREEN),
            widgets::muted(t!("pay-sale-no", number = format!("{:04}", finished.sale_no))),
            amount_row(t!("checkout-total"), finished.total),
        ]
        .spacing(10);
        if finished.kind == TenderKind::Cash {
            done = done
                .push(amount_row(t!("pay-tendered"), finished.tendered))
                .push(widgets::label(t!("pay-change")).color(theme::MUTED))
                .push(text(t!("won", amount = finished.change.to_string())).size(theme::HUGE * 1.4).font(theme::BOLD));
        }
        match &finished.print {
            Some(JobState::Printed) => done = done.push(widgets::banner(t!("pay-printed"), false)),
            Some(JobState::Waiting | JobState::Printing) => done = done.push(widgets::muted(t!("pay-printing"))),
            Some(JobState::Failed(e)) => {
                done = done.push(widgets::banner(t!("pay-print-failed", reason = messages::print_error(e)), true)).push(
                    row![
                        widgets::key(t!("pay-print-retry"), theme::BODY, Some(Message::RetryPrint)).height(52),
                        widgets::key(t!("pay-reprint"), theme::BODY, Some(Message::Reprint)).height(52),
                    ]
                    .spacing(8),
                )
            }
            None => {}
        }
        let show = if self.preview.is_some() { t!("pay-hide-receipt") } else { t!("pay-show-receipt") };
        if matches!(finished.print, Some(JobState::Printed) | None) {
            done = done.push(
                row![
                    widgets::key(show, theme::BODY, Some(Message::ToggleReceipt)).height(52),
                    widgets::key(t!("pay-reprint"), theme::BODY, Some(Message::Reprint)).height(52),
                ]
                .spacing(8),
            );
        } else {
            done = done.push(widgets::key(show, theme::BODY, Some(Message::ToggleReceipt)).height(52));
        }
        done.push(iced::widget::space().height(Fill))
            .push(
                button(text(t!("pay-new-sale")).size(theme::LARGE).align_x(Center).width(Fill))
                    .padding(20)
                    .width(Fill)
                    .style(theme::success)
                    .on_press(Message::NewSale),
            )
            .into()
    }
}

/// The number pad with a back key and the confirming button under it, for every panel that
/// takes a number (price, cash received, a manager's PIN).
fn pad_and_buttons<'a>(
    back: String,
    confirm: String,
    style: fn(&iced::Theme, button::Status) -> button::Style,
    on_confirm: Option<Message>,
    extra_key: Option<&'static str>,
) -> Element<'a, Message> {
    column![
        widgets::number_pad(Message::EntryDigits, Message::EntryClear, Message::EntryBackspace, extra_key),
        row![
            widgets::key(back, theme::BODY, Some(Message::Back)).height(56),
            button(text(confirm).size(theme::LARGE).align_x(Center).width(Fill))
                .padding(12)
                .width(Fill)
                .style(style)
                .on_press_maybe(on_confirm),
        ]
        .spacing(8),
    ]
    .spacing(12)
    .into()
}

fn amount_row<'a>(label: String, amount: Won) -> Element<'a, Message> {
    row![widgets::label(label), widgets::spacer(), widgets::label(t!("won", amount = amount.to_string()))].into()
}

/// The small print under a line: its code, and why its price is what it is.
fn detail(line: &Line) -> String {
    let mut parts = Vec::new();
    if let Some(code) = &line.code {
        parts.push(code.clone());
    }
    if line.quantity > 1 {
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
    parts.join(" · ")
}
