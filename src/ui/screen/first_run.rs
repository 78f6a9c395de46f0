//! The first run: the till has no store file yet. Never a demo store silently: the person
//! chooses to set up a real store (its code, name, business number and first manager; the rest
//! of the reference data is Nanum's built-in) or to try the demo. The store is made off the UI
//! thread (the PIN's argon2 hash and the file's first fsyncs take a moment); the checks are
//! `store::NewStore`'s, so the screen and `nanum init` refuse the same mistakes.

use std::path::PathBuf;

use chrono::NaiveDate;
use iced::widget::{button, column, container, operation, row, scrollable, text, text_input};
use iced::{Center, Element, Fill, Task};

use crate::domain::{Pin, StaffMember};
use crate::store::{NewStore, Store};
use crate::ui::layout::Layout;
use crate::ui::{off_thread, theme, widgets};
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

    /// The field after this one on `form`, and how far down the form it is (0 to 1).
    fn next(self, form: &[Field]) -> Option<(Field, f32)> {
        let i = form.iter().position(|f| *f == self)?;
        form.get(i + 1).map(|next| (*next, (i + 1) as f32 / (form.len() - 1).max(1) as f32))
    }
}

/// The form's scrollable, to keep the focused field in sight.
const FORM: &str = "setup-form";

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
    Joined(Result<(Box<crate::config::Config>, Option<StaffMember>), (String, bool)>),
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
            Message::Joined(Err((problem, needs_manager))) => {
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

    pub fn view(&self, layout: Layout) -> Element<'_, Message> {
        let language = button(text(t!("status-language")).size(theme::BODY).align_y(Center))
            .height(48)
            .padding([0, 16])
            .style(theme::key)
            .on_press_maybe(self.making.is_none().then_some(Message::ToggleLanguage));
        let heading = match self.step {
            Step::Choose => t!("setup-title"),
            Step::NewStore => t!("setup-new"),
            Step::JoinHeadOffice => t!("setup-join"),
        };
        let top = row![widgets::title(heading).width(Fill), language].spacing(16).align_y(Center);
        let body = match self.step {
            Step::Choose => self.view_choose(layout),
            Step::NewStore => self.view_form(layout),
            Step::JoinHeadOffice => self.view_join(layout),
        };
        let page = column![top, body].spacing(if layout.short() { 12 } else { 20 }).max_width(1100);
        container(page).center_x(Fill).height(Fill).padding(layout.padding() * 2.0).style(theme::page).into()
    }

    fn view_choose(&self, layout: Layout) -> Element<'_, Message> {
        let enabled = self.making.is_none();
        let tile = |title: String, detail: String, message: Message| {
            button(
                column![
                    text(widgets::keep_words(&title)).size(theme::LARGE).font(theme::BOLD),
                    widgets::label(detail).color(theme::MUTED),
                ]
                .spacing(10)
                .width(Fill),
            )
            .padding(if layout.short() { 14 } else { 20 })
            .width(Fill)
            .style(theme::key)
            .on_press_maybe(enabled.then_some(message))
        };
        // One above the other, each as tall as its words: side by side, a narrow till cut the
        // longer explanations off.
        let tiles = column![
            tile(t!("setup-join"), t!("setup-join-detail"), Message::JoinHeadOffice),
            tile(t!("setup-new"), t!("setup-new-detail"), Message::NewStore),
            tile(t!("setup-demo"), t!("setup-demo-detail"), Message::Demo),
        ]
        .spacing(if layout.short() { 10 } else { 16 });
        column![widgets::label(t!("setup-intro")), tiles, self.status_line()].spacing(16).into()
    }

    /// The message slot: always there, so nothing below or beside it moves when a message
    /// comes or goes.
    fn status_line(&self) -> Element<'_, Message> {
        let said: Element<'_, Message> = match (&self.making, &self.problem) {
            (Some(making), _) => widgets::banner(making, false),
            (None, Some(problem)) => widgets::banner(problem, true),
            (None, None) => iced::widget::space().into(),
        };
        container(said).height(72).width(Fill).into()
    }

    fn input(&self, f: Field) -> Element<'_, Message> {
        let mut input = text_input(&f.placeholder(), self.value(f))
            .id(f.id())
            .size(theme::BODY)
            .padding(10)
            .secure(f.is_pin())
            .on_submit(Message::Next(f));
        if self.making.is_none() {
            input = input.on_input(move |v| Message::Typed(f, v));
        }
        column![widgets::label(f.label()).size(theme::SMALL), input].spacing(4).width(Fill).into()
    }

    /// A titled group of fields, three a row where there is room (so the new-store form fits
    /// 1,024×768 unscrolled), two where there is not.
    fn section(&self, title: String, fields: &[Field], layout: Layout) -> Element<'_, Message> {
        let columns = if layout.width >= 1000.0 { 3 } else { 2 };
        let items: Vec<Element<'_, Message>> = fields.iter().map(|f| self.input(*f)).collect();
        column![text(widgets::keep_words(&title)).size(theme::BODY).font(theme::BOLD), widgets::grid(items, columns)]
            .spacing(8)
            .into()
    }

    /// The form in a scrollable, the message slot, and Back and `go` at the bottom, where they
    /// stay whatever the form holds.
    fn form_page<'a>(&'a self, form: Element<'a, Message>, go: String, on_go: Message) -> Element<'a, Message> {
        let enabled = self.making.is_none();
        let buttons = row![
            widgets::key(t!("setup-back"), theme::BODY, enabled.then_some(Message::Back)).width(160).height(56),
            widgets::spacer(),
            widgets::key(go, theme::BODY, enabled.then_some(on_go)).style(theme::primary).width(240).height(56),
        ]
        .align_y(Center);
        let form = container(form).padding([0, 16]);
        column![scrollable(form).id(FORM).height(Fill), self.status_line(), buttons].spacing(12).into()
    }

    fn view_form(&self, layout: Layout) -> Element<'_, Message> {
        let form = column![
            self.section(t!("setup-store"), &Field::ALL[..Field::Manager as usize], layout),
            self.section(t!("setup-manager-title"), &Field::ALL[Field::Manager as usize..], layout),
            widgets::muted(t!("setup-defaults")),
        ]
        .spacing(20);
        self.form_page(form.into(), t!("setup-create"), Message::Create)
    }

    fn view_join(&self, layout: Layout) -> Element<'_, Message> {
        let from = match &self.token_from {
            Some(path) => t!("setup-token-from", path = path.display().to_string()),
            None => t!("setup-token-hint"),
        };
        let find =
            widgets::key(t!("setup-find-token"), theme::BODY, self.making.is_none().then_some(Message::FindToken))
                .width(220)
                .height(48);
        let mut form = column![
            self.input(Field::Central),
            self.input(Field::Token),
            row![find, widgets::muted(from).width(Fill)].spacing(16).align_y(Center),
        ]
        .spacing(12);
        if self.join_needs_manager {
            form = form.push(self.section(t!("setup-manager-title"), &Field::JOIN[2..], layout));
        }
        self.form_page(form.into(), t!("setup-join-go"), Message::JoinHeadOffice)
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
