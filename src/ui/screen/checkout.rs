//! Ringing up a sale. The scan field has the focus, so a keyboard-wedge scanner (or a cashier
//! typing a code and Enter) adds items wherever the pointer is. Category keys sell untagged
//! items at a typed price; a line's quantity goes up and down with + and −.
//!
//! The cart is saved to the database after every change (off the UI thread), so a crash loses
//! nothing: the next sign-in at this till offers it back. Taking a line out, lowering a
//! quantity and cancelling the sale are journaled. Paying (cash, card, store credit or a mix,
//! with a round-up donation and a cash receipt if asked) commits the sale off the UI thread;
//! the screen says it is saving and ignores another press meanwhile. Discounts over the
//! store's limit, refunds, voids and the drawer opened without a sale wait for a manager's PIN.
//! A sale can be parked and taken up again on any till. Nothing is sold while the till is not
//! open. A scan that arrives while a panel is open is held and added when it closes, never typed
//! into the panel (a store-credit voucher scanned while paying pays).

mod discount;
mod finish;
mod owed;
mod parked;
mod parts;
mod pay_view;
mod payment;
mod returns;
mod scan;
mod today;
mod update;
mod view;

use chrono::NaiveDate;
use iced::Task;
use iced::widget::operation;

use crate::domain::register::EntryProblem;
use crate::domain::{Cart, Category, Sale, Won};
use crate::hardware::Document;
use crate::hardware::queue::{JobId, JobState, JobView};
use crate::store::{OpenCart, OwedReceipt, Policy, Refunded, SaleError, Store, StoreError, TillId, TillSession};
use crate::ui::approval::{self, ApprovalPanel};
use crate::ui::preview::Paper;
use crate::ui::wedge::Burst;
use crate::{explain, t};

pub use discount::DiscountState;
pub use parked::Park;
pub use parts::{ENTRY_INPUT, SCAN_INPUT, TEXT_INPUT};
pub use payment::PayState;
pub use returns::ReturnState;
pub use view::LINES;

/// What is in the scan field. Someone may type their PIN there by mistake, so a debug print
/// shows a PIN-like text only as stars.
#[derive(Clone)]
pub struct Typed(pub String);

impl std::fmt::Debug for Typed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Typed({:?})", explain::redact(&self.0))
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    ScanChanged(Typed),
    ScanSubmitted,
    Remove(usize),
    More(usize),
    Fewer(usize),
    CategoryKey(usize),
    NextKeys,
    /// The panel's amount field.
    EntryChanged(String),
    EntryDigits(&'static str),
    EntryBackspace,
    EntryClear,
    EntrySubmitted,
    /// The panel's text field (a note, a reason, an approval number, a cash-receipt number, a
    /// voucher code).
    TextChanged(String),
    TextSubmitted,
    /// A guide price, a likely tender or a preset, tapped.
    Quick(Won),
    PayCash,
    PayCard,
    PayCredit,
    RoundUp(bool),
    Buyer(crate::domain::Customer),
    CashReceipt,
    UndoTender,
    ConfirmCard,
    Discount,
    DiscountTarget(Option<usize>),
    DiscountPercent(bool),
    DiscountReason(usize),
    ApplyDiscount,
    Park,
    ParkConfirm,
    TakeParked(String),
    Return,
    ReturnFrom(i64),
    ReturnQty(usize, i32),
    ReturnTo(crate::store::RefundTo),
    ReturnOpen,
    ReturnCategory(usize),
    ConfirmReturn,
    Void(i64),
    Back,
    /// 전체 취소: asks first.
    CancelSale,
    ConfirmCancel,
    /// Take the cart left on this till, or cancel it.
    Resume,
    DiscardLeft,
    /// A receipt owed from before the till stopped: print it now, or skip it.
    PrintOwed,
    SkipOwed,
    OwedSkipped(i64, Result<(), StoreError>),
    NewSale,
    Escape,
    /// Print the failed receipt again.
    RetryPrint,
    /// A copy of the last sale's receipt, marked 재발행.
    Reprint,
    /// Open the drawer without a sale (needs a manager's PIN).
    NoSale,
    Approval(approval::Message),
    /// Show the last receipt on screen, as printed (or back to the lines).
    ToggleReceipt,
    /// Today's documents, to find a sale and reprint, return from or void it.
    Today,
    TodayQuery(String),
    TodayPick(i64),
    TodayReprint(NaiveDate, u32),
    /// Signing out with items in the cart: keep it for later, or cancel it.
    SignOutKeep,
    SignOutCancel,
    /// Signing out, a parked sale was offered and taken: the parked sales are shown.
    SignOutTakeParked,
    OpenTill,
    CartSaved(Result<(), StoreError>),
    /// The cart could not be saved while another program held the file: try again now.
    RetryCartSave,
    CartCancelled(Result<(), StoreError>),
    SaleCommitted(Result<Sale, SaleError>),
    Refunded(Result<Refunded, SaleError>),
    Voided(Result<Sale, SaleError>),
    ParkedAway(Result<(), StoreError>),
    TookParked(Result<Option<Cart>, StoreError>),
}

pub enum Action {
    None,
    Run(Task<Message>),
    /// Queue `papers` for the printer (telling the checkout the first one's job with
    /// [`Checkout::printing`]), then run `then`.
    Print {
        papers: Vec<(String, Document)>,
        then: Task<Message>,
        /// The document the first paper is the receipt of: printed, it is owed no more.
        receipt_of: Option<i64>,
    },
    /// Print a failed job again (one that opens the drawer needs a manager first).
    Retry(JobId),
    /// A manager approved: kick the drawer open.
    OpenDrawer,
    /// Sign the cashier out, after running the task (cancelling the cart, or nothing: it is kept
    /// for the next sign-in at this till).
    SignOut(Task<Message>),
    /// Go to the till screen (to open it, count it, close it).
    OpenTill,
}

/// Everything the checkout needs from outside for one update.
pub use super::Counter as Context;

/// What a manager's approval is for, and what happens once it is given.
enum Then {
    NoSale,
    /// Add the category line typed outside the guide.
    Price(Box<crate::domain::Line>),
    Discount(discount::Apply),
    Refund(returns::Plan),
    Void {
        sale: i64,
    },
}

enum Mode {
    /// The till is not open: nothing can be sold until it is.
    Closed,
    Scanning,
    /// A cart left on this till before (a crash, a sign-out), offered back.
    Left(OpenCart),
    /// Receipts owed from before the till stopped are asked about first; then `after`.
    Owed(Box<Mode>),
    Price {
        key: usize,
        digits: String,
    },
    Pay(PayState),
    /// The sale is being written; nothing can change it meanwhile. If it fails, back to paying.
    Committing(PayState),
    Discount(DiscountState),
    /// A manager's PIN is asked; `back` is where cancelling returns to.
    Approving {
        panel: ApprovalPanel,
        then: Then,
        back: Box<Mode>,
    },
    /// A refund or void is being written.
    Reversing,
    ConfirmCancel,
    ConfirmSignOut,
    /// Signing out with sales parked: offered to take one up first.
    SignOutParked,
    Park(Park),
    Return(ReturnState),
    Today(today::Today),
    Done(Finished),
}

#[derive(Debug, Clone, PartialEq)]
struct Finished {
    date: NaiveDate,
    sale_no: u32,
    kind: crate::domain::SaleKind,
    total: Won,
    /// How it was paid (or paid back, with negative amounts).
    tenders: Vec<crate::domain::Tender>,
    change: Won,
    /// The voucher a refund issued.
    credit: Option<crate::store::Credit>,
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
    /// The code just taken from the scan field. Until the screen has redrawn the empty field, a
    /// scanner's next keys land after it (the field still shows it), so it is cut off again.
    just_scanned: Option<String>,
    notice: Option<Notice>,
    keys: Vec<Category>,
    key_page: usize,
    mode: Mode,
    session: Option<TillSession>,
    policy: Policy,
    demo_codes: Vec<String>,
    /// Tells a keyboard-wedge scanner typing into the price or cash field from a person.
    burst: Burst,
    /// The finished sale's receipt, and its on-screen copy while shown.
    receipt: Option<Document>,
    preview: Option<Paper>,
    columns: usize,
    /// Scans that came while a panel was open, added when it closes.
    held: Vec<String>,
    /// A cart save waits for the file (another program writing): one retry is on its way.
    cart_retrying: bool,
    /// Receipts owed from before the till stopped, not answered yet (the first is shown).
    owed: Vec<OwedReceipt>,
    /// The colour calendar today, for the empty sale.
    colours: Vec<crate::ui::colours::Chip>,
    /// The notes of the sales parked (보류) at any till, so one waiting is not forgotten.
    parked: Vec<String>,
}

fn focus(id: &'static str) -> Action {
    Action::Run(operation::focus(id))
}

/// Back to the scan field, with the line just added in view.
fn show_last_line() -> Task<Message> {
    Task::batch([operation::focus(SCAN_INPUT), operation::snap_to_end(LINES)])
}

/// The category keys and the rules a sale is checked by; a store that cannot be read gives no
/// keys and the strictest rules, and says why in `notice`.
fn read_reference(store: &Store, notice: &mut Option<Notice>) -> (Vec<Category>, Policy) {
    let mut problem = |e: &StoreError| *notice = Some(Notice { text: explain::store_error(e), is_error: true });
    let keys = store
        .categories()
        .map(|all| all.into_iter().filter(|c| c.key_position.is_some()).collect())
        .unwrap_or_else(|e| {
            problem(&e);
            Vec::new()
        });
    let policy = store.policy().unwrap_or_else(|e| {
        problem(&e);
        Policy { discount_limit_percent: rust_decimal::Decimal::ZERO, hold: chrono::Duration::hours(24) }
    });
    (keys, policy)
}

impl Checkout {
    /// The language changed: what was said in the other one goes (the screen draws the rest
    /// in the new language).
    pub fn language_changed(&mut self) {
        self.notice = None;
    }

    pub fn new(
        store: &Store,
        till: &TillId,
        today: NaiveDate,
        demo_codes: Vec<String>,
        burst: Burst,
        columns: usize,
        owed: Vec<OwedReceipt>,
    ) -> Checkout {
        let mut notice = None;
        let (keys, policy) = read_reference(store, &mut notice);
        let mut problem = |e: &StoreError| notice = Some(Notice { text: explain::store_error(e), is_error: true });
        let session = store.current_session(till).unwrap_or_else(|e| {
            problem(&e);
            None
        });
        let mode = match store.open_cart(till) {
            Ok(Some(left)) => Mode::Left(left),
            Ok(None) if session.is_none() => Mode::Closed,
            Ok(None) => Mode::Scanning,
            Err(e) => {
                problem(&e);
                Mode::Closed
            }
        };
        let mode = owed::ask_first(&owed, mode);
        Checkout {
            cart: Cart::new(),
            scan: String::new(),
            just_scanned: None,
            notice,
            keys,
            key_page: 0,
            mode,
            session,
            policy,
            demo_codes,
            burst,
            receipt: None,
            preview: None,
            columns,
            held: Vec::new(),
            cart_retrying: false,
            owed,
            colours: crate::ui::colours::chips(store.rotation(), today),
            parked: parked_notes(store),
        }
    }

    /// Reads again which sales wait parked.
    pub(super) fn reload_parked(&mut self, store: &Store) {
        self.parked = parked_notes(store);
    }

    /// The reference data changed under the till (a sync, a manager at another till): the
    /// category keys, the discount and hold rules and the colour chips are read again. The cart
    /// keeps the prices it was rung up at; the next scan is priced by the new markdowns.
    pub fn reference_changed(&mut self, store: &Store, today: NaiveDate) {
        let mut notice = None;
        (self.keys, self.policy) = read_reference(store, &mut notice);
        self.key_page = 0;
        self.colours = crate::ui::colours::chips(store.rotation(), today);
        if notice.is_some() {
            self.notice = notice;
        }
    }

    pub fn focus() -> Task<Message> {
        operation::focus(SCAN_INPUT)
    }

    pub fn cart(&self) -> &Cart {
        &self.cart
    }

    pub fn session(&self) -> Option<&TillSession> {
        self.session.as_ref()
    }

    /// Whether the screen is waiting for the sale to be written.
    pub fn committing(&self) -> bool {
        matches!(self.mode, Mode::Committing(_) | Mode::Reversing)
    }

    /// A cart left on this till is being offered back.
    pub fn offering_left_cart(&self) -> bool {
        matches!(self.mode, Mode::Left(_))
    }

    /// The person asked to sign out. With items in the cart, ask what to do with them first;
    /// `true` means nothing is in the way.
    pub fn ask_sign_out(&mut self) -> bool {
        if matches!(self.mode, Mode::SignOutParked) {
            return true;
        }
        if self.cart.is_empty() || matches!(self.mode, Mode::Done(_)) {
            // A parked sale is offered once; a second 로그아웃 leaves it for the next person.
            if !self.parked.is_empty() && matches!(self.mode, Mode::Scanning | Mode::Done(_)) {
                self.mode = Mode::SignOutParked;
                self.notice = None;
                return false;
            }
            return true;
        }
        if matches!(self.mode, Mode::Scanning | Mode::Price { .. } | Mode::Pay(_) | Mode::Discount(_)) {
            self.mode = Mode::ConfirmSignOut;
        }
        false
    }

    /// The first paper of the document just finished went to the printer as `job`.
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
    /// keyboard-wedge scanner typing while another field or nothing had the focus).
    pub fn scanned(&mut self, code: &str, ctx: Context<'_>) -> Action {
        self.scan.clear();
        self.scan_code(code.trim(), ctx)
    }

    fn error(&mut self, text: String) {
        self.notice = Some(Notice { text, is_error: true });
    }

    fn info(&mut self, text: String) {
        self.notice = Some(Notice { text, is_error: false });
    }

    /// Saves the cart as it now is, on the worker.
    fn save(&self, ctx: &Context<'_>) -> Task<Message> {
        let (till, staff, cart, now) = (ctx.till.clone(), ctx.staff.clone(), self.cart.clone(), ctx.now);
        Task::perform(ctx.worker.call(move |store| store.save_cart(&till, &staff, &cart, now)), Message::CartSaved)
    }

    fn start_new_sale(&mut self) {
        self.receipt = None;
        self.preview = None;
        self.cart.clear();
        self.mode = if self.session.is_some() { Mode::Scanning } else { Mode::Closed };
        self.notice = None;
    }

    /// The amount field of the panel that is open, if it has one.
    fn entry(&mut self) -> Option<&mut String> {
        match &mut self.mode {
            Mode::Price { digits, .. } => Some(digits),
            Mode::Pay(pay) => pay.digits(),
            Mode::Discount(discount) => Some(&mut discount.digits),
            Mode::Return(ret) => ret.digits(),
            _ => None,
        }
    }

    /// Whether the amount field still held what the till put there, which the next key replaces;
    /// it no longer does after this.
    fn prefill_taken(&mut self) -> bool {
        match &mut self.mode {
            Mode::Pay(pay) => std::mem::take(&mut pay.prefilled),
            _ => false,
        }
    }

    /// The text field of the panel that is open, if it has one.
    fn text(&mut self) -> Option<&mut String> {
        match &mut self.mode {
            Mode::Pay(pay) => pay.text(),
            Mode::Park(park) => Some(&mut park.note),
            _ => None,
        }
    }
}

/// What a typed amount's problem says on screen.
/// What is wrong with an amount typed for paying (cash handed over, a card's amount).
fn amount_problem(problem: &EntryProblem) -> String {
    match problem {
        EntryProblem::Empty | EntryProblem::Zero => t!("error-zero-amount"),
        EntryProblem::TooHigh => t!("error-amount-too-high"),
        EntryProblem::NotANumber(input) => t!("error-not-an-amount", input = input.clone()),
    }
}

fn entry_problem(problem: &EntryProblem) -> String {
    match problem {
        EntryProblem::Empty | EntryProblem::Zero => t!("error-zero-price"),
        EntryProblem::TooHigh => t!("error-price-too-high"),
        EntryProblem::NotANumber(input) => t!("error-not-a-price", input = input.clone()),
    }
}

/// The notes of the parked sales; none shown (and the reason logged) if they cannot be read,
/// since the 보류 key still lists them. The till's close offers the same ones.
pub(super) fn parked_notes(store: &Store) -> Vec<String> {
    store.parked_carts().map(|carts| carts.into_iter().map(|c| c.note).collect()).unwrap_or_else(|e| {
        tracing::warn!("cannot read the parked sales: {e}");
        Vec::new()
    })
}
