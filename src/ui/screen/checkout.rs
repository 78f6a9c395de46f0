//! Ringing up a sale. The scan field has the focus, so a keyboard-wedge scanner (or a cashier
//! typing a code and Enter) adds items wherever the pointer is. Category keys sell untagged
//! items at a typed price; a line's quantity goes up and down with + and −.
//!
//! The cart is saved to the database after every change (off the UI thread), so a crash loses
//! nothing: the next sign-in at this till offers it back. Taking a line out, lowering a
//! quantity and cancelling the sale are journaled. Paying commits the sale off the UI thread
//! too; the screen says it is saving and ignores another press meanwhile. A scan that arrives
//! while a panel is open is held and added when it closes, never typed into the panel.

mod payment;
mod today;
mod view;

use chrono::{DateTime, FixedOffset, NaiveDate};
use iced::Task;
use iced::widget::operation;

use crate::domain::register::EntryProblem;
use crate::domain::{Cart, Category, Sale, StaffMember, TenderKind, Won};
use crate::hardware::Document;
use crate::hardware::queue::{JobId, JobState, JobView};
use crate::store::{OpenCart, Store, StoreError, TillId, Worker};
use crate::ui::approval::{self, ApprovalPanel};
use crate::ui::preview::Paper;
use crate::ui::wedge::Burst;
use crate::{messages, t};

pub use payment::Pay;
pub use view::{ENTRY_INPUT, LINES, SCAN_INPUT};

/// What is in the scan field. Someone may type their PIN there by mistake, so a debug print
/// shows a PIN-like text only as stars.
#[derive(Clone)]
pub struct Typed(pub String);

impl std::fmt::Debug for Typed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Typed({:?})", messages::redact(&self.0))
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
    /// 전체 취소: asks first.
    CancelSale,
    ConfirmCancel,
    /// Take the cart left on this till, or cancel it.
    Resume,
    DiscardLeft,
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
    /// Today's sales, to find one and reprint its receipt.
    Today,
    TodayQuery(String),
    TodayReprint(NaiveDate, u32),
    /// Signing out with items in the cart: keep it for later, or cancel it.
    SignOutKeep,
    SignOutCancel,
    CartSaved(Result<(), StoreError>),
    CartCancelled(Result<(), StoreError>),
    SaleCommitted(Result<Sale, StoreError>),
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
    /// Print a failed job again (one that opens the drawer needs a manager first).
    Retry(JobId),
    /// A manager approved: kick the drawer open.
    OpenDrawer,
    /// Sign the cashier out, after running the task (cancelling the cart, or nothing: it is kept
    /// for the next sign-in at this till).
    SignOut(Task<Message>),
}

/// Everything the checkout needs from outside for one update.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub store: &'a Store,
    pub worker: &'a Worker,
    pub staff: &'a StaffMember,
    pub till: &'a TillId,
    pub now: DateTime<FixedOffset>,
}

enum Mode {
    Scanning,
    /// A cart left on this till before (a crash, a sign-out), offered back.
    Left(OpenCart),
    Price {
        key: usize,
        digits: String,
    },
    Pay(Pay),
    /// The sale is being written; nothing can change it meanwhile. If it fails, back to paying.
    Committing(Pay),
    NoSale(ApprovalPanel),
    ConfirmCancel,
    ConfirmSignOut,
    Today(today::Today),
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
    /// The code just taken from the scan field. Until the screen has redrawn the empty field, a
    /// scanner's next keys land after it (the field still shows it), so it is cut off again.
    just_scanned: Option<String>,
    notice: Option<Notice>,
    keys: Vec<Category>,
    key_page: usize,
    mode: Mode,
    demo_codes: Vec<String>,
    /// Tells a keyboard-wedge scanner typing into the price or cash field from a person.
    burst: Burst,
    /// The finished sale's receipt, and its on-screen copy while shown.
    receipt: Option<Document>,
    preview: Option<Paper>,
    columns: usize,
    /// Scans that came while a panel was open, added when it closes.
    held: Vec<String>,
}

fn focus(id: &'static str) -> Action {
    Action::Run(operation::focus(id))
}

/// Back to the scan field, with the line just added in view.
fn show_last_line() -> Task<Message> {
    Task::batch([operation::focus(SCAN_INPUT), operation::snap_to_end(LINES)])
}

impl Checkout {
    pub fn new(store: &Store, till: &TillId, demo_codes: Vec<String>, burst: Burst, columns: usize) -> Checkout {
        let mut notice = None;
        let keys = match store.categories() {
            Ok(all) => all.into_iter().filter(|c| c.key_position.is_some()).collect(),
            Err(e) => {
                notice = Some(Notice { text: messages::store_error(&e), is_error: true });
                Vec::new()
            }
        };
        let mode = match store.open_cart(till) {
            Ok(Some(left)) => Mode::Left(left),
            Ok(None) => Mode::Scanning,
            Err(e) => {
                notice = Some(Notice { text: messages::store_error(&e), is_error: true });
                Mode::Scanning
            }
        };
        Checkout {
            cart: Cart::new(),
            scan: String::new(),
            just_scanned: None,
            notice,
            keys,
            key_page: 0,
            mode,
            demo_codes,
            burst,
            receipt: None,
            preview: None,
            columns,
            held: Vec::new(),
        }
    }

    pub fn focus() -> Task<Message> {
        operation::focus(SCAN_INPUT)
    }

    pub fn cart(&self) -> &Cart {
        &self.cart
    }

    /// Whether the screen is waiting for the sale to be written.
    pub fn committing(&self) -> bool {
        matches!(self.mode, Mode::Committing(_))
    }

    /// A cart left on this till is being offered back.
    pub fn offering_left_cart(&self) -> bool {
        matches!(self.mode, Mode::Left(_))
    }

    /// The person asked to sign out. With items in the cart, ask what to do with them first;
    /// `true` means nothing is in the way.
    pub fn ask_sign_out(&mut self) -> bool {
        if self.cart.is_empty() || matches!(self.mode, Mode::Done(_)) {
            return true;
        }
        if matches!(self.mode, Mode::Scanning | Mode::Price { .. } | Mode::Pay(_)) {
            self.mode = Mode::ConfirmSignOut;
        }
        false
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
    /// keyboard-wedge scanner typing while another field or nothing had the focus).
    pub fn scanned(&mut self, code: &str, ctx: Context<'_>) -> Action {
        self.scan.clear();
        self.scan_code(code.trim(), ctx)
    }

    fn scan_code(&mut self, code: &str, ctx: Context<'_>) -> Action {
        if code.is_empty() {
            // Enter on the empty scan field after a sale starts the next one.
            if matches!(self.mode, Mode::Done(_)) {
                self.start_new_sale();
                return self.release_held(ctx);
            }
            return focus(SCAN_INPUT);
        }
        match self.mode {
            Mode::Scanning => {}
            Mode::Done(_) => self.start_new_sale(),
            _ => {
                // A panel is open: keep the scan for when it closes.
                self.held.push(code.to_string());
                self.info(t!("checkout-scan-held", count = self.held.len()));
                return Action::None;
            }
        }
        match ctx.store.price_scan(code, ctx.now.date_naive()) {
            Ok(priced) => {
                let (shown, price) = (view::name(&priced.line).to_string(), priced.line.unit_price);
                match self.cart.add(priced.line) {
                    Ok(_) => {
                        self.info(t!("checkout-added", name = shown, price = price.to_string()));
                        let save = self.save(&ctx);
                        return Action::Run(Task::batch([save, show_last_line()]));
                    }
                    Err(e) => self.error(messages::cart_error(&e)),
                }
            }
            Err(e) => {
                tracing::info!(code = %messages::redact(code), "scan refused: {e}");
                self.error(messages::scan_error(&e));
            }
        }
        focus(SCAN_INPUT)
    }

    /// Adds the scans held while a panel was open.
    fn release_held(&mut self, ctx: Context<'_>) -> Action {
        let held = std::mem::take(&mut self.held);
        let tasks = held.iter().filter_map(|code| match self.scan_code(code, ctx) {
            Action::Run(task) => Some(task),
            _ => None,
        });
        let tasks: Vec<_> = tasks.collect();
        Action::Run(Task::batch(tasks).chain(operation::focus(SCAN_INPUT)))
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
        self.mode = Mode::Scanning;
        self.notice = None;
    }
}

mod update;

/// What a typed amount's problem says on screen.
fn entry_problem(problem: &EntryProblem) -> String {
    match problem {
        EntryProblem::Empty | EntryProblem::Zero => t!("error-zero-price"),
        EntryProblem::TooHigh => t!("error-price-too-high"),
        EntryProblem::NotANumber(input) => t!("error-not-a-price", input = input.clone()),
    }
}
