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
use crate::{demo, messages, t};

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
        }
    }

    fn placeholder(self) -> String {
        match self {
            Field::Code => "101".into(),
            Field::BusinessNo => "123-45-67891".into(),
            Field::Phone => "02-123-4567".into(),
            _ => String::new(),
        }
    }

    fn is_pin(self) -> bool {
        matches!(self, Field::Pin | Field::PinAgain)
    }

    fn next(self) -> Option<Field> {
        Field::ALL.iter().position(|f| *f == self).and_then(|i| Field::ALL.get(i + 1)).copied()
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
    /// The store was made: its first manager, or why not.
    Made(Result<StaffMember, String>),
    DemoMade(Result<(), String>),
    ToggleLanguage,
}

pub enum Action {
    None,
    Run(Task<Message>),
    /// The store file exists now: open the till on it, with the first manager signed in when
    /// the store is a real one.
    Open(Option<StaffMember>),
    ToggleLanguage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Choose,
    NewStore,
}

pub struct FirstRun {
    path: PathBuf,
    today: NaiveDate,
    step: Step,
    values: [String; 10],
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
        if self.making.is_some() && !matches!(message, Message::Made(_) | Message::DemoMade(_)) {
            return Action::None;
        }
        match message {
            Message::NewStore => {
                self.step = Step::NewStore;
                self.problem = None;
                Action::Run(operation::focus(Field::Code.id()))
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
            Message::Next(field) => match field.next() {
                // Keep the field coming into focus in sight on a short screen.
                Some(next) => {
                    let down = Field::ALL.iter().position(|f| *f == next).unwrap_or(0) as f32 / 9.0;
                    let keep_in_sight = operation::snap_to(FORM, operation::RelativeOffset { x: 0.0, y: down });
                    Action::Run(Task::batch([operation::focus(next.id()), keep_in_sight]))
                }
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
                    self.problem = Some(messages::setup_error(&e));
                    return Action::None;
                }
                self.problem = None;
                self.making = Some(t!("setup-making"));
                let path = self.path.clone();
                Action::Run(Task::perform(
                    off_thread(move || {
                        Store::init(&path, &new).map(|(_, manager)| manager).map_err(|e| {
                            tracing::warn!("setting up {}: {e}", path.display());
                            messages::setup_error(&e)
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
                        demo::create(&path, days, today).map(|_| ()).map_err(|e| messages::store_error(&e))
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
        };
        let top = row![widgets::title(heading).width(Fill), language].spacing(16).align_y(Center);
        let body = match self.step {
            Step::Choose => self.view_choose(layout),
            Step::NewStore => self.view_form(layout),
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
            .padding(20)
            .width(Fill)
            .height(if layout.short() { 150 } else { 190 })
            .style(theme::key)
            .on_press_maybe(enabled.then_some(message))
        };
        let tiles = row![
            tile(t!("setup-new"), t!("setup-new-detail"), Message::NewStore),
            tile(t!("setup-demo"), t!("setup-demo-detail"), Message::Demo),
        ]
        .spacing(16);
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

    fn view_form(&self, layout: Layout) -> Element<'_, Message> {
        let field = |f: Field| -> Element<'_, Message> {
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
        };
        // Three fields a row where there is room, so the whole form fits 1,024×768 unscrolled.
        let columns = if layout.width >= 1000.0 { 3 } else { 2 };
        let section = |title: String, fields: &[Field]| {
            let items: Vec<Element<'_, Message>> = fields.iter().map(|f| field(*f)).collect();
            column![
                text(widgets::keep_words(&title)).size(theme::BODY).font(theme::BOLD),
                widgets::grid(items, columns)
            ]
            .spacing(8)
        };
        let form = column![
            section(t!("setup-store"), &Field::ALL[..Field::Manager as usize]),
            section(t!("setup-manager-title"), &Field::ALL[Field::Manager as usize..]),
            widgets::muted(t!("setup-defaults")),
        ]
        .spacing(20)
        .padding([0, 16]);
        let enabled = self.making.is_none();
        let buttons = row![
            widgets::key(t!("setup-back"), theme::BODY, enabled.then_some(Message::Back)).width(160).height(56),
            widgets::spacer(),
            widgets::key(t!("setup-create"), theme::BODY, enabled.then_some(Message::Create))
                .style(theme::primary)
                .width(240)
                .height(56),
        ]
        .align_y(Center);
        column![scrollable(form).id(FORM).height(Fill), self.status_line(), buttons].spacing(12).into()
    }
}
