//! The first run: the till has no store file yet. Never a demo store silently: the person
//! chooses to set up a real store (its code, name, business number and first manager; the rest
//! of the reference data is Nanum's built-in) or to try the demo. The store is made off the UI
//! thread (the PIN's argon2 hash and the file's first fsyncs take a moment); the checks are
//! `store::NewStore`'s, so the screen and `nanum init` refuse the same mistakes.

mod view;

use std::path::PathBuf;

use chrono::NaiveDate;
use iced::Task;
use iced::widget::operation;

use crate::domain::{Pin, StaffMember};
use crate::store::{NewStore, Store};
use crate::ui::off_thread;
use crate::{demo, explain, t};

/// The fields of the new-store form, in the order a person fills them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Code,
    Name,
    BusinessNo,
    Representative,
    Address,
    Phone,
    Footer,
    Manager,
    Pin,
    PinAgain,
    /// Head office's address and the store's token, for joining head office.
    Central,
    Token,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::Code,
        Field::Name,
        Field::BusinessNo,
        Field::Representative,
        Field::Address,
        Field::Phone,
        Field::Footer,
        Field::Manager,
        Field::Pin,
        Field::PinAgain,
    ];
    /// The join form's fields: the manager's only when head office has none for the store.
    pub const JOIN: [Field; 5] = [Field::Central, Field::Token, Field::Manager, Field::Pin, Field::PinAgain];

    /// The field's widget id, for focus and for tests.
    pub fn id(self) -> &'static str {
        match self {
            Field::Code => "setup-code",
            Field::Name => "setup-name",
            Field::BusinessNo => "setup-business-no",
            Field::Representative => "setup-representative",
            Field::Address => "setup-address",
            Field::Phone => "setup-phone",
            Field::Footer => "setup-footer",
            Field::Manager => "setup-manager",
            Field::Pin => "setup-pin",
            Field::PinAgain => "setup-pin-again",
            Field::Central => "setup-central",
            Field::Token => "setup-token",
        }
    }

    fn label(self) -> String {
        match self {
            Field::Code => t!("setup-code"),
            Field::Name => t!("setup-name"),
            Field::BusinessNo => t!("setup-business-no"),
            Field::Representative => t!("setup-representative"),
            Field::Address => t!("setup-address"),
            Field::Phone => t!("setup-phone"),
            Field::Footer => t!("setup-footer"),
            Field::Manager => t!("setup-manager"),
            Field::Pin => t!("setup-pin"),
            Field::PinAgain => t!("setup-pin-again"),
            Field::Central => t!("setup-central"),
            Field::Token => t!("setup-token"),
        }
    }

    fn placeholder(self) -> String {
        match self {
            Field::Code => "101".into(),
            Field::BusinessNo => "123-45-67891".into(),
            Field::Phone => "02-123-4567".into(),
            Field::Central => "https://central.example.org".into(),
            _ => String::new(),
        }
    }

    fn is_pin(self) -> bool {
        matches!(self, Field::Pin | Field::PinAgain)
    }

    /// A PIN, or the store's token: shown as dots, so nobody at the counter reads them off the screen.
    fn is_secret(self) -> bool {
        matches!(self, Field::Pin | Field::PinAgain | Field::Token)
    }

    /// The field after this one on `form`, and how far down the form it is (0 to 1).
    fn next(self, form: &[Field]) -> Option<(Field, f32)> {
        let i = form.iter().position(|f| *f == self)?;
        form.get(i + 1).map(|next| (*next, (i + 1) as f32 / (form.len() - 1).max(1) as f32))
    }
}

/// The form's scrollable, to keep the focused field in sight.
const FORM: &str = "setup-form";

/// Why joining failed, as the setup screen shows it: the sentence, and whether a first manager
/// must be named.
#[derive(Debug, Clone)]
pub struct JoinProblem(pub String, pub bool);

impl From<crate::ui::Crashed> for JoinProblem {
    fn from(crashed: crate::ui::Crashed) -> JoinProblem {
        JoinProblem(crashed.into(), false)
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    NewStore,
    Demo,
    Back,
    Typed(Field, String),
    /// Enter in a field: on to the next one, or make the store from the last.
    Next(Field),
    Create,
    JoinHeadOffice,
    /// Look on mounted USB sticks for the store's token file.
    FindToken,
    TokenFound(Result<(std::path::PathBuf, String), String>),
    /// Joined head office (the settings that now remember it, the first manager if one was
    /// made here), or why not (and whether a first manager is needed).
    Joined(Result<(Box<crate::config::Config>, Option<StaffMember>), JoinProblem>),
    /// The store was made: its first manager, or why not.
    Made(Result<StaffMember, String>),
    DemoMade(Result<(), String>),
    ToggleLanguage,
}

pub enum Action {
    None,
    Run(Task<Message>),
    /// Join head office: the window's owner knows the settings, so it runs this.
    Join {
        central: String,
        token: String,
        manager: Option<(String, Pin)>,
    },
    /// Joined: the till opens on the new store, with settings that remember head office.
    OpenJoined(Box<crate::config::Config>, Option<StaffMember>),
    /// The store file exists now: open the till on it, with the first manager signed in when
    /// the store is a real one.
    Open(Option<StaffMember>),
    ToggleLanguage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Choose,
    NewStore,
    JoinHeadOffice,
}

pub struct FirstRun {
    path: PathBuf,
    today: NaiveDate,
    step: Step,
    values: [String; 12],
    /// Head office has no manager for the store: the join form asks for one.
    join_needs_manager: bool,
    /// Where the token was read from, once found on a USB stick.
    token_from: Option<std::path::PathBuf>,
    problem: Option<String>,
    /// What is being made, while it is.
    making: Option<String>,
    demo_days: u32,
}

impl FirstRun {
    /// The setup for a store file to be made at `path`.
    pub fn new(path: PathBuf, today: NaiveDate) -> FirstRun {
        FirstRun {
            path,
            today,
            step: Step::Choose,
            values: Default::default(),
            join_needs_manager: false,
            token_from: None,
            problem: None,
            making: None,
            demo_days: 30,
        }
    }

    /// How many days of history the demo store gets (30 unless a test wants fewer).
    pub fn with_demo_days(mut self, days: u32) -> FirstRun {
        self.demo_days = days;
        self
    }

    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// The fields the form of this step shows, in order.
    fn form(&self) -> &'static [Field] {
        match (self.step, self.join_needs_manager) {
            (Step::JoinHeadOffice, true) => &Field::JOIN,
            (Step::JoinHeadOffice, false) => &Field::JOIN[..2],
            _ => &Field::ALL,
        }
    }

    fn value(&self, field: Field) -> &str {
        &self.values[field as usize]
    }

    fn new_store(&self) -> NewStore {
        let v = |f| self.value(f).to_string();
        NewStore {
            code: v(Field::Code),
            name: v(Field::Name),
            business_no: v(Field::BusinessNo),
            representative: v(Field::Representative),
            address: v(Field::Address),
            phone: v(Field::Phone),
            receipt_footer: v(Field::Footer),
            manager: v(Field::Manager),
            pin: Pin::typed(self.value(Field::Pin)).unwrap_or_default(),
        }
    }

    pub fn update(&mut self, message: Message) -> Action {
        if self.making.is_some() && !matches!(message, Message::Made(_) | Message::DemoMade(_) | Message::Joined(_)) {
            return Action::None;
        }
        match message {
            Message::NewStore => {
                self.step = Step::NewStore;
                self.problem = None;
                Action::Run(operation::focus(Field::Code.id()))
            }
            Message::JoinHeadOffice if self.step == Step::Choose => {
                self.step = Step::JoinHeadOffice;
                self.problem = None;
                Action::Run(operation::focus(Field::Central.id()))
            }
            Message::JoinHeadOffice => {
                let central = self.value(Field::Central).trim().to_string();
                let token = self.value(Field::Token).trim().to_string();
                if central.is_empty() || token.is_empty() {
                    self.problem = Some(t!("setup-join-needs"));
                    return Action::None;
                }
                let manager = if self.join_needs_manager {
                    if self.value(Field::Pin) != self.value(Field::PinAgain) {
                        self.problem = Some(t!("setup-pins-differ"));
                        self.values[Field::PinAgain as usize].clear();
                        return Action::None;
                    }
                    Some((
                        self.value(Field::Manager).to_string(),
                        Pin::typed(self.value(Field::Pin)).unwrap_or_default(),
                    ))
                } else {
                    None
                };
                self.problem = None;
                self.making = Some(t!("setup-joining"));
                Action::Join { central, token, manager }
            }
            Message::FindToken => {
                self.problem = None;
                Action::Run(Task::perform(off_thread(find_token), Message::TokenFound))
            }
            Message::TokenFound(Ok((path, token))) => {
                self.values[Field::Token as usize] = token;
                self.token_from = Some(path);
                self.problem = None;
                Action::None
            }
            Message::TokenFound(Err(problem)) => {
                self.token_from = None;
                self.problem = Some(problem);
                Action::None
            }
            Message::Joined(Ok((config, manager))) => Action::OpenJoined(config, manager),
            Message::Joined(Err(JoinProblem(problem, needs_manager))) => {
                self.making = None;
                self.problem = Some(problem);
                if needs_manager && !self.join_needs_manager {
                    self.join_needs_manager = true;
                    return Action::Run(operation::focus(Field::Manager.id()));
                }
                Action::None
            }
            Message::Back => {
                self.step = Step::Choose;
                self.problem = None;
                Action::None
            }
            Message::Typed(field, value) => {
                // A PIN field takes digits only, as the sign-in pad does.
                if field.is_pin() && Pin::typed(&value).is_none() {
                    return Action::None;
                }
                self.values[field as usize] = value;
                Action::None
            }
            Message::Next(field) => match field.next(self.form()) {
                // Keep the field coming into focus in sight on a short screen.
                Some((next, down)) => {
                    let keep_in_sight = operation::snap_to(FORM, operation::RelativeOffset { x: 0.0, y: down });
                    Action::Run(Task::batch([operation::focus(next.id()), keep_in_sight]))
                }
                None if self.step == Step::JoinHeadOffice => self.update(Message::JoinHeadOffice),
                None => self.update(Message::Create),
            },
            Message::Create => {
                if self.value(Field::Pin) != self.value(Field::PinAgain) {
                    self.problem = Some(t!("setup-pins-differ"));
                    self.values[Field::PinAgain as usize].clear();
                    return Action::Run(operation::focus(Field::PinAgain.id()));
                }
                let new = self.new_store();
                // The same checks run again in `Store::init`; here they answer at once.
                if let Err(e) = new.check() {
                    self.problem = Some(explain::setup_error(&e));
                    return Action::None;
                }
                self.problem = None;
                self.making = Some(t!("setup-making"));
                let path = self.path.clone();
                Action::Run(Task::perform(
                    off_thread(move || {
                        Store::init(&path, &new).map(|(_, manager)| manager).map_err(|e| {
                            tracing::warn!("setting up {}: {e}", path.display());
                            explain::setup_error(&e)
                        })
                    }),
                    Message::Made,
                ))
            }
            Message::Demo => {
                self.problem = None;
                self.making = Some(t!("setup-making-demo"));
                let (path, today, days) = (self.path.clone(), self.today, self.demo_days);
                Action::Run(Task::perform(
                    off_thread(move || {
                        demo::create(&path, days, today).map(|_| ()).map_err(|e| explain::store_error(&e))
                    }),
                    Message::DemoMade,
                ))
            }
            Message::Made(Ok(manager)) => Action::Open(Some(manager)),
            Message::DemoMade(Ok(())) => Action::Open(None),
            Message::Made(Err(problem)) | Message::DemoMade(Err(problem)) => {
                self.making = None;
                self.problem = Some(problem);
                Action::None
            }
            Message::ToggleLanguage => Action::ToggleLanguage,
        }
    }
}

/// Where a USB stick is mounted, and how deep under it a token file is looked for.
const MEDIA: [&str; 2] = ["/media", "/run/media"];
const MEDIA_DEPTH: usize = 4;

/// The first token file on a mounted USB stick: named `sync-token`, or `*.token`, or starting
/// with `nanum-token`, small, and holding one line.
fn find_token() -> Result<(PathBuf, String), String> {
    fn walk(dir: &std::path::Path, depth: usize, found: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_lowercase();
            match entry.file_type() {
                Ok(t) if t.is_dir() && depth > 0 => walk(&path, depth - 1, found),
                Ok(t)
                    if t.is_file()
                        && (name == "sync-token" || name.ends_with(".token") || name.starts_with("nanum-token")) =>
                {
                    found.push(path)
                }
                _ => {}
            }
        }
    }
    let mut found = Vec::new();
    for media in MEDIA {
        walk(std::path::Path::new(media), MEDIA_DEPTH, &mut found);
    }
    found.sort();
    for path in found {
        let small = std::fs::metadata(&path).is_ok_and(|m| m.len() <= 1024);
        if let (true, Ok(text)) = (small, std::fs::read_to_string(&path)) {
            let token = text.trim();
            if !token.is_empty() && !token.contains(char::is_whitespace) {
                return Ok((path, token.to_string()));
            }
        }
    }
    Err(t!("setup-no-token-found"))
}
