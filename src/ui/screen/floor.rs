//! The shop floor's back office: the pull list (which colour comes off today, and per category
//! how many of its tags are still out there), recording what was pulled and where it went
//! (outlet, recycling, upcycling, another store), and the fair-trade stock: what is low, and
//! receiving a delivery.

use crate::ui::pressable::button;
use iced::Task;
use iced::widget::{column, operation, row, text, text_input};
use iced::{Center, Element, Fill};

use crate::domain::donation::OutFlow;
use crate::domain::{IsoWeek, StockItem};
use crate::reports::pull::{colour_name, week_name};
use crate::store::{NewOutFlow, PullLine, Store, StoreError};
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};
use crate::{explain, t};

pub const COUNT_INPUT: &str = "floor-count";
pub const WEIGHT_INPUT: &str = "floor-weight";

#[derive(Debug, Clone)]
pub enum Message {
    Pick(usize),
    Kind(OutFlow),
    CountChanged(String),
    WeightChanged(String),
    RecordPull,
    Pulled(Result<(), StoreError>),
    Product(usize),
    Receive,
    Received(Result<StockItem, StoreError>),
    Back,
}

/// What this screen asks the app to do.
pub type Action = super::Action<Message>;

pub use super::BackRoom as Context;

enum Chosen {
    Nothing,
    Pull(usize),
    Product(usize),
}

pub struct Floor {
    lines: Vec<PullLine>,
    stock: Vec<StockItem>,
    low: Vec<String>,
    chosen: Chosen,
    kind: OutFlow,
    count: String,
    weight: String,
    busy: bool,
    notice: Option<(String, bool)>,
    /// A pull of more than the records say is left, asked about once: recorded if asked again
    /// for the same count.
    over_asked: Option<u32>,
}

fn out_flow_name(o: OutFlow) -> String {
    match o {
        OutFlow::Outlet => t!("out-outlet"),
        OutFlow::Recycling => t!("out-recycling"),
        OutFlow::Upcycling => t!("out-upcycling"),
        OutFlow::Transfer => t!("out-transfer"),
    }
}

impl Floor {
    /// The language changed: what was said in the other one goes (the screen draws the rest
    /// in the new language).
    pub fn language_changed(&mut self) {
        self.notice = None;
    }

    pub fn new(store: &Store, today: chrono::NaiveDate) -> Floor {
        let mut floor = Floor {
            lines: Vec::new(),
            stock: Vec::new(),
            low: Vec::new(),
            chosen: Chosen::Nothing,
            kind: OutFlow::Outlet,
            count: String::new(),
            weight: String::new(),
            busy: false,
            notice: None,
            over_asked: None,
        };
        floor.load(store, today);
        floor
    }

    fn load(&mut self, store: &Store, today: chrono::NaiveDate) {
        let loaded = store.pull_list(today).and_then(|lines| Ok((lines, store.stock_items()?, store.low_stock()?)));
        match loaded {
            Ok((lines, stock, low)) => {
                self.lines = lines;
                self.stock = stock;
                self.low = low.into_iter().map(|s| s.ean).collect();
            }
            Err(e) => self.notice = Some((explain::store_error(&e), true)),
        }
    }

    pub fn update(&mut self, message: Message, ctx: Context<'_>) -> Action {
        match message {
            Message::Pick(i) => {
                if let Some(line) = self.lines.get(i) {
                    self.count = line.left().to_string();
                    self.weight.clear();
                    self.chosen = Chosen::Pull(i);
                    self.notice = None;
                    self.over_asked = None;
                }
                Action::Run(operation::focus(COUNT_INPUT))
            }
            Message::Product(i) => {
                self.chosen = Chosen::Product(i);
                self.count.clear();
                self.notice = None;
                Action::Run(operation::focus(COUNT_INPUT))
            }
            Message::Kind(kind) => {
                self.kind = kind;
                Action::None
            }
            Message::CountChanged(text) => {
                self.count = text.chars().filter(char::is_ascii_digit).take(5).collect();
                self.over_asked = None;
                Action::None
            }
            Message::WeightChanged(text) => {
                self.weight = text.chars().filter(|c| c.is_ascii_digit() || *c == '.').take(7).collect();
                Action::None
            }
            Message::RecordPull => {
                let Chosen::Pull(i) = self.chosen else { return Action::None };
                let (Some(line), Ok(count)) = (self.lines.get(i), self.count.parse::<u32>()) else {
                    self.notice = Some((t!("error-floor-count"), true));
                    return Action::Run(operation::focus(COUNT_INPUT));
                };
                let grams = match self.weight.trim() {
                    "" => None,
                    kg => match kg.parse::<rust_decimal::Decimal>() {
                        Ok(kg) => rust_decimal::prelude::ToPrimitive::to_u32(
                            &(kg * rust_decimal::Decimal::from(1000)).round(),
                        ),
                        Err(_) => {
                            self.notice = Some((t!("error-weight"), true));
                            return Action::Run(operation::focus(WEIGHT_INPUT));
                        }
                    },
                };
                if self.busy {
                    return Action::None;
                }
                // More than the records say is out there: ask once, saying how many are left.
                let left = u32::try_from(line.left()).unwrap_or(0);
                if count > left && self.over_asked != Some(count) {
                    self.over_asked = Some(count);
                    self.notice = Some((t!("floor-pull-over", count = count, left = left), true));
                    return Action::Run(operation::focus(COUNT_INPUT));
                }
                self.busy = true;
                let (kind, category, week) = (self.kind, line.category.clone(), IsoWeek::from_yyww(&line.week));
                let (staff, now) = (ctx.staff.clone(), ctx.now);
                let write = ctx.worker.call(move |store| {
                    store.record_out_flow(&NewOutFlow {
                        kind,
                        category,
                        count,
                        grams,
                        week,
                        note: String::new(),
                        staff: &staff,
                        at: now,
                    })
                });
                Action::Run(Task::perform(write, Message::Pulled))
            }
            Message::Pulled(result) => {
                self.busy = false;
                match result {
                    Ok(()) => {
                        self.notice = Some((t!("floor-pulled"), false));
                        self.chosen = Chosen::Nothing;
                        self.load(ctx.store, ctx.now.date_naive());
                    }
                    Err(e) => self.notice = Some((explain::store_error(&e), true)),
                }
                Action::None
            }
            Message::Receive => {
                let Chosen::Product(i) = self.chosen else { return Action::None };
                let (Some(product), Ok(count)) = (self.stock.get(i), self.count.parse::<u32>()) else {
                    self.notice = Some((t!("error-floor-count"), true));
                    return Action::Run(operation::focus(COUNT_INPUT));
                };
                if count == 0 || self.busy {
                    self.notice = Some((t!("error-floor-count"), true));
                    return Action::None;
                }
                self.busy = true;
                let (ean, staff, now) = (product.ean.clone(), ctx.staff.clone(), ctx.now);
                let write = ctx.worker.call(move |store| store.receive_stock(&ean, count, &staff, now));
                Action::Run(Task::perform(write, Message::Received))
            }
            Message::Received(result) => {
                self.busy = false;
                match result {
                    Ok(item) => {
                        self.notice =
                            Some((t!("floor-received", name = item.name_ko.clone(), on_hand = item.on_hand), false));
                        self.chosen = Chosen::Nothing;
                        self.load(ctx.store, ctx.now.date_naive());
                    }
                    Err(e) => self.notice = Some((explain::store_error(&e), true)),
                }
                Action::None
            }
            Message::Back => {
                if !matches!(self.chosen, Chosen::Nothing) {
                    self.chosen = Chosen::Nothing;
                    return Action::None;
                }
                Action::Leave
            }
        }
    }

    pub fn view(&self, layout: Layout) -> Element<'_, Message> {
        let gap = if layout.short() { 8 } else { 12 };
        let mut rows = column![].spacing(4);
        let mut week = "";
        for (i, line) in self.lines.iter().enumerate() {
            if line.week != week {
                week = &line.week;
                rows = rows.push(
                    text(t!("report-pull-week", week = week_name(&line.week), colour = colour_name(line)))
                        .size(theme::BODY)
                        .font(theme::BOLD),
                );
            }
            let name = crate::i18n::local(&line.name_ko, &line.name_en);
            let chosen = matches!(self.chosen, Chosen::Pull(c) if c == i);
            rows = rows.push(
                button(
                    row![
                        text(name).size(theme::BODY).width(Fill),
                        {
                            let counts =
                                t!("floor-line", printed = line.printed, sold = line.sold, pulled = line.pulled);
                            // Grey on the chosen row's blue would not read: it takes the button's white.
                            if chosen { text(counts).size(theme::SMALL) } else { widgets::muted(counts) }
                        },
                        text(t!("floor-left", left = line.left())).size(theme::BODY).font(theme::BOLD).width(80),
                    ]
                    .spacing(10)
                    .height(Fill)
                    .align_y(Center),
                )
                .padding(iced::Padding { top: 6.0, bottom: 6.0, left: 10.0, right: 18.0 })
                .width(Fill)
                .height(48)
                .style(if chosen { theme::primary } else { theme::key })
                .on_press(Message::Pick(i)),
            );
        }
        if self.lines.is_empty() {
            rows = rows.push(widgets::muted(t!("report-pull-none")));
        } else if self.lines.iter().all(|l| l.left() == 0) {
            // Every tag of today's colour is accounted for: nothing to go and look for.
            rows = rows.push(widgets::label(t!("floor-nothing-left")));
        }
        let stock = self.stock.iter().enumerate().map(|(i, s)| {
            let low = self.low.contains(&s.ean);
            let name = crate::i18n::local(&s.name_ko, &s.name_en);
            let chosen = matches!(self.chosen, Chosen::Product(c) if c == i);
            button(
                row![text(name).size(theme::SMALL + 1.0).width(Fill), {
                    let on_hand = text(t!("floor-on-hand", count = s.on_hand)).size(theme::SMALL + 1.0);
                    if low && !chosen { on_hand.color(theme::RED) } else { on_hand }
                },]
                .spacing(8)
                .height(Fill)
                .align_y(Center),
            )
            .padding(iced::Padding { top: 4.0, bottom: 4.0, left: 10.0, right: 18.0 })
            .height(crate::ui::layout::TOUCH)
            .width(Fill)
            .style(if chosen { theme::primary } else { theme::key })
            .on_press(Message::Product(i))
            .into()
        });
        let mut left = column![widgets::title(t!("floor-title"))].spacing(gap);
        if let Some((notice, is_error)) = &self.notice {
            left = left.push(widgets::banner(notice.as_str(), *is_error));
        }
        left = left
            .push(widgets::card_list(rows, 3))
            .push(text(t!("floor-stock", low = self.low.len())).size(theme::BODY).font(theme::BOLD))
            .push(widgets::card_list(column(stock).spacing(4), 2));
        widgets::lists_and_panel(left, self.view_side(layout), layout)
    }

    fn view_side(&self, layout: Layout) -> Element<'_, Message> {
        let back = widgets::key(t!("intake-back"), theme::BODY, Some(Message::Back)).height(layout.key_height());
        let count = text_input("0", &self.count)
            .id(COUNT_INPUT)
            .size(theme::LARGE)
            .padding(10)
            .align_x(iced::alignment::Horizontal::Right)
            .on_input(Message::CountChanged);
        match self.chosen {
            Chosen::Pull(i) => {
                let Some(line) = self.lines.get(i) else { return back.into() };
                let name = crate::i18n::local(&line.name_ko, &line.name_en);
                let kinds = OutFlow::ALL.map(|k| {
                    widgets::choice(
                        out_flow_name(k),
                        theme::SMALL,
                        self.kind == k,
                        Some(Message::Kind(k)),
                        layout.key_height(),
                    )
                    .into()
                });
                column![
                    widgets::title(t!("floor-pull-title", name = name, colour = colour_name(line))),
                    widgets::label(t!("floor-pull-hint")),
                    row(kinds).spacing(6),
                    count.on_submit(Message::RecordPull),
                    text_input(&t!("intake-weight-placeholder"), &self.weight)
                        .id(WEIGHT_INPUT)
                        .size(theme::BODY)
                        .padding(8)
                        .on_input(Message::WeightChanged)
                        .on_submit(Message::RecordPull),
                    iced::widget::space().height(Fill),
                    widgets::choice(
                        match self.over_asked {
                            Some(count) => t!("floor-record-pull-anyway", count = count),
                            None => t!("floor-record-pull"),
                        },
                        theme::BODY,
                        true,
                        (!self.busy).then_some(Message::RecordPull),
                        layout.key_height() + 8.0
                    ),
                    back,
                ]
                .spacing(10)
                .into()
            }
            Chosen::Product(i) => {
                let Some(product) = self.stock.get(i) else { return back.into() };
                let name = crate::i18n::local(&product.name_ko, &product.name_en);
                column![
                    widgets::title(t!("floor-receive-title", name = name)),
                    widgets::muted(t!("floor-on-hand", count = product.on_hand)),
                    widgets::label(t!("floor-receive-hint")),
                    count.on_submit(Message::Receive),
                    iced::widget::space().height(Fill),
                    widgets::choice(
                        t!("floor-receive"),
                        theme::BODY,
                        true,
                        (!self.busy).then_some(Message::Receive),
                        layout.key_height() + 8.0
                    ),
                    back,
                ]
                .spacing(10)
                .into()
            }
            Chosen::Nothing => {
                column![widgets::label(t!("floor-hint")), iced::widget::space().height(Fill), back,].spacing(10).into()
            }
        }
    }
}
