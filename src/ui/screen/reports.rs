//! The manager's reports: a day, a week or a month, in tabs for sales (with a bar chart by
//! hour), the till, donations, production and sell-through (a bar chart by category),
//! volunteer hours and impact. Each tab is the same report `nanum report …` prints, read on the
//! till's reader (a thread and connection apart from the writer), so neither the screen nor the
//! next sale's commit waits for it; it saves as CSV (the command's CSV, with a byte-order mark
//! for Excel) and prints as a short summary on the receipt printer.

mod figures;

use std::path::PathBuf;

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime};
use iced::widget::{column, container, row, text};
use iced::{Element, Fill, FillPortion, Task};

use self::figures::view_loaded;
use crate::hardware::document::Document;
use crate::reports::sheet::{ForPeople, Sheet};
use crate::reports::{self, Report, donations::DonationsReport, impact::ImpactReport, production::ProductionReport};
use crate::reports::{sales::SalesReport, till::TillReport, volunteers::VolunteersReport};
use crate::store::{StoreError, Worker};
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};
use crate::{explain, t};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Sales,
    Till,
    Donations,
    Production,
    Volunteers,
    Impact,
}

impl Tab {
    pub const ALL: [Tab; 6] = [Tab::Sales, Tab::Till, Tab::Donations, Tab::Production, Tab::Volunteers, Tab::Impact];

    fn name(self) -> String {
        match self {
            Tab::Sales => t!("reports-tab-sales"),
            Tab::Till => t!("reports-tab-till"),
            Tab::Donations => t!("reports-tab-donations"),
            Tab::Production => t!("reports-tab-production"),
            Tab::Volunteers => t!("reports-tab-volunteers"),
            Tab::Impact => t!("reports-tab-impact"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Day,
    Week,
    Month,
}

#[derive(Debug, Clone)]
pub enum Loaded {
    Sales(Box<SalesReport>),
    Till(Box<TillReport>),
    Donations(Box<DonationsReport>),
    Production(Box<ProductionReport>),
    Volunteers(Box<VolunteersReport>),
    Impact(Box<ImpactReport>),
}

#[derive(Debug, Clone)]
pub enum Message {
    Tab(Tab),
    Span(Span),
    Earlier,
    Later,
    Loaded(u64, Result<Loaded, StoreError>),
    SaveCsv,
    Saved(Result<PathBuf, String>),
    /// The reports folder in the desktop's file manager.
    OpenFolder,
    FolderOpened(Result<(), String>),
    Print,
    Back,
}

/// What this screen asks the app to do.
pub type Action = super::Action<Message>;

pub struct Reports {
    tab: Tab,
    span: Span,
    /// The day the range is around (its first day for a week or a month).
    day: NaiveDate,
    /// The till's clock when last asked: open shifts are counted up to it.
    now: NaiveDateTime,
    loaded: Option<Loaded>,
    /// Which request the screen waits for: an older answer is dropped.
    asked: u64,
    loading: bool,
    folder: PathBuf,
    notice: Option<(String, bool)>,
}

impl Reports {
    /// The language changed: what was said in the other one goes (the screen draws the rest
    /// in the new language).
    pub fn language_changed(&mut self) {
        self.notice = None;
    }

    /// Today's sales, loading. `folder` is where CSV files are saved.
    pub fn new(worker: &Worker, now: NaiveDateTime, folder: PathBuf) -> (Reports, Task<Message>) {
        let mut screen = Reports {
            tab: Tab::Sales,
            span: Span::Day,
            day: now.date(),
            now,
            loaded: None,
            asked: 0,
            loading: false,
            folder,
            notice: None,
        };
        let task = screen.load(worker);
        (screen, task)
    }

    /// The first and last day shown.
    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        match self.span {
            Span::Day => (self.day, self.day),
            Span::Week => {
                let monday = self.day - Days::new(u64::from(self.day.weekday().num_days_from_monday()));
                (monday, monday + Days::new(6))
            }
            Span::Month => {
                let first = self.day.with_day(1).unwrap_or(self.day);
                (first, first + Months::new(1) - Days::new(1))
            }
        }
    }

    fn load(&mut self, worker: &Worker) -> Task<Message> {
        let (from, to) = self.range();
        let tab = self.tab;
        self.asked += 1;
        self.loading = true;
        let asked = self.asked;
        let now = self.now;
        let read = worker.call(move |store| {
            Ok(match tab {
                Tab::Sales => Loaded::Sales(Box::new(reports::sales::sales(store, from, to)?)),
                Tab::Till => Loaded::Till(Box::new(reports::till::between(store, from, to)?)),
                Tab::Donations => Loaded::Donations(Box::new(reports::donations::donations_between(store, from, to)?)),
                Tab::Production => Loaded::Production(Box::new(reports::production::production(store, from, to)?)),
                Tab::Volunteers => Loaded::Volunteers(Box::new(reports::volunteers::volunteers(store, from, to, now)?)),
                Tab::Impact => Loaded::Impact(Box::new(reports::impact::impact(store, from, to, now)?)),
            })
        });
        Task::perform(read, move |result| Message::Loaded(asked, result))
    }

    pub fn update(&mut self, message: Message, worker: &Worker, now: NaiveDateTime) -> Action {
        self.now = now;
        match message {
            Message::Tab(tab) => {
                self.tab = tab;
                self.loaded = None;
                Action::Run(self.load(worker))
            }
            Message::Span(span) => {
                self.span = span;
                Action::Run(self.load(worker))
            }
            Message::Earlier | Message::Later => {
                let back = matches!(message, Message::Earlier);
                self.day = match (self.span, back) {
                    (Span::Day, true) => self.day - Days::new(1),
                    (Span::Day, false) => self.day + Days::new(1),
                    (Span::Week, true) => self.day - Days::new(7),
                    (Span::Week, false) => self.day + Days::new(7),
                    (Span::Month, true) => self.range().0 - Months::new(1),
                    (Span::Month, false) => self.range().0 + Months::new(1),
                };
                // Nothing to see after today.
                self.day = self.day.min(self.now.date());
                Action::Run(self.load(worker))
            }
            Message::Loaded(asked, result) => {
                if asked != self.asked {
                    return Action::None;
                }
                self.loading = false;
                match result {
                    Ok(loaded) => {
                        self.loaded = Some(loaded);
                        self.notice = None;
                    }
                    Err(e) => self.notice = Some((explain::store_error(&e), true)),
                }
                Action::None
            }
            Message::SaveCsv => {
                let Some(loaded) = &self.loaded else { return Action::None };
                let mut bytes = Vec::new();
                if let Err(e) = loaded.sheet().write(&mut bytes) {
                    self.notice = Some((e.to_string(), true));
                    return Action::None;
                }
                let (from, to) = self.range();
                let name = if from == to {
                    format!("{} {from}.csv", self.tab.name())
                } else {
                    format!("{} {from}~{to}.csv", self.tab.name())
                };
                let path = self.folder.join(name);
                let save = async move {
                    let written = path
                        .parent()
                        .map_or(Ok(()), std::fs::create_dir_all)
                        .and_then(|()| crate::files::write_whole(&path, &bytes));
                    written.map(|()| path).map_err(|e| explain::io_error(&e))
                };
                Action::Run(Task::perform(save, Message::Saved))
            }
            Message::Saved(result) => {
                self.notice = Some(match result {
                    Ok(path) => {
                        let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
                        (t!("reports-saved", file = file), false)
                    }
                    Err(reason) => (t!("reports-not-saved", reason = reason), true),
                });
                Action::None
            }
            Message::OpenFolder => {
                let folder = self.folder.clone();
                let open = async move {
                    std::fs::create_dir_all(&folder).map_err(|e| explain::io_error(&e))?;
                    // The desktop's file manager; xdg-open returns at once and the till goes on.
                    std::process::Command::new("xdg-open")
                        .arg(&folder)
                        .stdin(std::process::Stdio::null())
                        .stdout(std::process::Stdio::null())
                        .stderr(std::process::Stdio::null())
                        .spawn()
                        .map(|_| ())
                        .map_err(|e| explain::io_error(&e))
                };
                Action::Run(Task::perform(open, Message::FolderOpened))
            }
            Message::FolderOpened(result) => {
                if let Err(reason) = result {
                    let folder = self.folder.display().to_string();
                    self.notice = Some((t!("reports-folder-not-opened", reason = reason, folder = folder), true));
                }
                Action::None
            }
            Message::Print => {
                let Some(loaded) = &self.loaded else { return Action::None };
                let mut text = Vec::new();
                if loaded.report().text(&mut text).is_err() {
                    return Action::None;
                }
                let mut paper = Document::new();
                let text = String::from_utf8_lossy(&text).into_owned();
                let mut lines = text.lines();
                // The report's name large, its days under it (the text's own title line is too wide).
                let (from, to) = self.range();
                paper.title(self.tab.name());
                paper.center(reports::range_name(from, to));
                paper.rule();
                lines.next();
                // The text report's columns become the paper's rows, as wide as the paper is.
                for line in lines {
                    match line.trim_end().split_once("  ") {
                        Some((left, right)) if !left.trim().is_empty() => paper.row(left.trim_end(), right.trim()),
                        _ => paper.text(line.trim().to_string()),
                    };
                }
                paper.feed(2).cut();
                self.notice = Some((t!("reports-printing"), false));
                Action::Print { title: self.tab.name(), paper }
            }
            Message::Back => Action::Leave,
        }
    }

    pub fn view(&self, layout: Layout) -> Element<'_, Message> {
        let gap = if layout.short() { 8 } else { 12 };
        let tabs = row(Tab::ALL.map(|tab| {
            widgets::choice(
                tab.name(),
                theme::SMALL + 1.0,
                self.tab == tab,
                Some(Message::Tab(tab)),
                layout.key_height(),
            )
            .into()
        }))
        .spacing(6);
        let (from, to) = self.range();
        let spans =
            [(Span::Day, t!("reports-day")), (Span::Week, t!("reports-week")), (Span::Month, t!("reports-month"))].map(
                |(span, label)| {
                    widgets::choice(label, theme::SMALL + 1.0, self.span == span, Some(Message::Span(span)), 48.0)
                        .width(80)
                        .into()
                },
            );
        let dates = row![
            widgets::key("◀", theme::BODY, Some(Message::Earlier)).width(52).height(48),
            text(reports::range_name(from, to)).size(theme::BODY).font(theme::BOLD).width(Fill).align_x(iced::Center),
            widgets::key("▶", theme::BODY, (to < self.now.date()).then_some(Message::Later)).width(52).height(48),
        ]
        .spacing(8)
        .align_y(iced::Center)
        .width(FillPortion(3));
        let controls = row![dates, row(spans).spacing(6)].spacing(12).align_y(iced::Center);
        let actions = row![
            widgets::key(t!("reports-save-csv"), theme::SMALL + 1.0, self.loaded.is_some().then_some(Message::SaveCsv))
                .height(48),
            widgets::key(t!("reports-open-folder"), theme::SMALL + 1.0, Some(Message::OpenFolder)).height(48),
            widgets::key(t!("reports-print"), theme::SMALL + 1.0, self.loaded.is_some().then_some(Message::Print))
                .height(48),
            widgets::key(t!("intake-back"), theme::SMALL + 1.0, Some(Message::Back)).height(48),
        ]
        .spacing(8);
        let mut page = column![tabs, controls].spacing(gap);
        if let Some((notice, is_error)) = &self.notice {
            page = page.push(widgets::banner(notice.as_str(), *is_error));
        }
        let body: Element<'_, Message> = match (&self.loaded, self.loading) {
            (_, true) | (None, _) => container(widgets::label(t!("reports-loading"))).center(Fill).into(),
            (Some(loaded), false) => view_loaded(loaded, layout),
        };
        page.push(container(body).height(Fill).width(Fill).style(theme::page))
            .push(actions)
            .padding(layout.padding())
            .into()
    }
}

impl Loaded {
    fn sheet(&self) -> Sheet {
        match self {
            Loaded::Sales(r) => r.sheet(),
            Loaded::Till(r) => r.sheet(),
            Loaded::Donations(r) => r.sheet(),
            Loaded::Production(r) => r.sheet(),
            Loaded::Volunteers(r) => r.sheet(),
            Loaded::Impact(r) => r.sheet(),
        }
    }

    fn report(&self) -> &dyn Report {
        match self {
            Loaded::Sales(r) => r.as_ref(),
            Loaded::Till(r) => r.as_ref(),
            Loaded::Donations(r) => r.as_ref(),
            Loaded::Production(r) => r.as_ref(),
            Loaded::Volunteers(r) => r.as_ref(),
            Loaded::Impact(r) => r.as_ref(),
        }
    }
}
