//! Each report on screen: its figures as a few big numbers and a chart, in the report's own
//! words.

use iced::widget::{column, container, row, scrollable, text};
use iced::{Element, Fill};

use super::{Loaded, Message};
use crate::reports;
use crate::t;
use crate::ui::chart::{self, Axis, Bars};
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};

/// A figure's row: label on the left, value on the right.
pub(super) fn figure<'a>(label: String, value: String) -> Element<'a, Message> {
    row![widgets::label(label).width(Fill), text(value).size(theme::BODY).font(theme::BOLD)].spacing(8).into()
}

pub(super) fn won(amount: crate::domain::Won) -> String {
    crate::i18n::won(amount)
}

pub(super) fn view_loaded(loaded: &Loaded, layout: Layout) -> Element<'_, Message> {
    let chart_height = if layout.short() { 120.0 } else { 170.0 };
    match loaded {
        Loaded::Sales(r) => {
            // Opening hours only: the first to the last hour anything sold.
            let open: Vec<usize> = (0..24).filter(|h| r.by_hour[*h] != crate::domain::Won::ZERO).collect();
            let hours = match (open.first(), open.last()) {
                (Some(a), Some(b)) => (*a..=*b).map(|h| (format!("{h}"), r.by_hour[h].get())).collect(),
                _ => Vec::new(),
            };
            // A day: bars by hour. A week or a month: the trend, a line through the days.
            let (caption, bars, line) = if r.from == r.to {
                (t!("reports-by-hour"), hours, false)
            } else {
                let days = r.by_day.iter().map(|(d, w)| (d.format("%d").to_string(), w.get())).collect();
                (t!("reports-by-day"), days, true)
            };
            let peak = bars.iter().map(|(_, v)| *v).max().unwrap_or(0);
            let chart = chart::view(
                Bars { bars, peak_label: won(crate::domain::Won::new(peak)), line, axis: Axis::Sequence },
                chart_height,
            );
            let totals =
                r.totals().into_iter().map(|(key, label, amount)| figure(label, reports::sales::shown(key, amount)));
            let vat = r.classes().into_iter().map(|(name, _, supply, vat)| {
                figure(t!("reports-supply-vat", class = name), format!("{} / {}", won(supply), won(vat)))
            });
            let categories = r
                .by_category
                .iter()
                .map(|(_, ko, en, n, amount)| figure(format!("{} ({n})", crate::i18n::local(ko, en)), won(*amount)));
            let cashiers = r.by_cashier.iter().map(|(name, n, amount)| figure(format!("{name} ({n})"), won(*amount)));
            let left = column(totals.chain(vat)).spacing(4);
            let right = column![text(t!("report-by-category")).size(theme::BODY).font(theme::BOLD)]
                .extend(categories)
                .push(text(t!("report-by-cashier")).size(theme::BODY).font(theme::BOLD))
                .extend(cashiers)
                .spacing(4);
            column![
                text(caption).size(theme::SMALL).color(theme::MUTED),
                chart,
                scrollable(
                    row![left.width(Fill), right.width(Fill)]
                        .spacing(24)
                        .padding(iced::Padding { right: 14.0, ..iced::Padding::ZERO })
                )
                .height(Fill)
            ]
            .spacing(8)
            .into()
        }
        Loaded::Till(r) => {
            let rows = r.sessions.iter().map(|s| {
                let session = &s.session;
                let closed = session.closed.as_ref();
                let title = format!(
                    "{} · {} {} · {}",
                    t!("report-till"),
                    session.till,
                    session.opened_at.format("%m-%d %H:%M"),
                    session.opened_by
                );
                let closing = match closed {
                    Some(c) => t!("report-till-closed", time = c.at.format("%H:%M").to_string(), name = c.by.clone()),
                    None => t!("report-till-still-open"),
                };
                let difference = closed.map(|c| won(c.counted - c.expected)).unwrap_or_else(|| "-".into());
                let or_dash = |amount: Option<crate::domain::Won>| amount.map(won).unwrap_or_else(|| "-".into());
                // The cash as the Z report has it, from the float to what goes to the bank.
                column![
                    text(title).size(theme::BODY).font(theme::BOLD),
                    widgets::muted(closing),
                    figure(t!("report-float"), won(s.cash.float)),
                    figure(t!("report-cash-sales"), won(s.cash.cash_sales)),
                    figure(t!("report-cash-refunds"), won(-s.cash.cash_refunds)),
                    figure(t!("report-cash-in"), won(s.cash.cash_in)),
                    figure(t!("report-cash-out"), won(-s.cash.cash_out)),
                    figure(t!("report-expected"), won(s.cash.expected())),
                    figure(t!("report-counted"), or_dash(closed.map(|c| c.counted))),
                    figure(t!("report-difference"), difference),
                    figure(t!("report-kept"), or_dash(closed.map(|c| c.kept))),
                    figure(t!("report-to-bank"), or_dash(closed.map(|c| c.counted - c.kept))),
                ]
                .spacing(2)
                .into()
            });
            let list: Vec<Element<'_, Message>> = rows.collect();
            // Each session's cash sales as a bar. (A chart on every tab also keeps the renderer
            // from leaving the last tab's chart labels behind.)
            let one_till =
                r.sessions.iter().all(|s| r.sessions.first().is_some_and(|f| f.session.till == s.session.till));
            let bars: Vec<(String, i64)> = r
                .sessions
                .iter()
                .map(|s| {
                    // A day's sessions by the time they opened; a longer range's by their day.
                    let opened = s.session.opened_at.format(if r.date == r.to { "%H:%M" } else { "%m-%d" });
                    let label = if one_till { opened.to_string() } else { format!("{} {opened}", s.session.till) };
                    (label, s.cash.cash_sales.get())
                })
                .collect();
            let peak = bars.iter().map(|(_, v)| *v).max().unwrap_or(0);
            let mut page = column![
                text(t!("reports-till-cash")).size(theme::SMALL).color(theme::MUTED),
                chart::view(
                    Bars { bars, peak_label: won(crate::domain::Won::new(peak)), line: false, axis: Axis::Sequence },
                    chart_height
                ),
            ]
            .spacing(8);
            if list.is_empty() {
                page = page.push(widgets::label(t!("report-till-none")));
            }
            page.push(
                scrollable(widgets::grid(list, 2).padding(iced::Padding { right: 14.0, ..iced::Padding::ZERO }))
                    .height(Fill),
            )
            .into()
        }
        Loaded::Donations(r) => {
            let categories: Vec<(String, i64)> =
                r.rows.iter().filter(|x| x.kind == "category").map(|x| (x.label.clone(), x.value.get())).collect();
            let peak = categories.iter().map(|(_, v)| *v).max().unwrap_or(0);
            let rows = r.rows.iter().map(|x| figure(x.label.clone(), x.figures()));
            column![
                chart::view(
                    Bars {
                        bars: short_labels(categories),
                        peak_label: won(crate::domain::Won::new(peak)),
                        line: false,
                        axis: Axis::Names
                    },
                    chart_height
                ),
                scrollable(column(rows).spacing(4).padding(iced::Padding { right: 14.0, ..iced::Padding::ZERO }))
                    .height(Fill),
            ]
            .spacing(8)
            .into()
        }
        Loaded::Production(r) => {
            let bars: Vec<(String, i64)> = r
                .categories
                .iter()
                .map(|c| (crate::i18n::local(&c.name_ko, &c.name_en).to_string(), c.sell_through.unwrap_or(0)))
                .collect();
            let peak = bars.iter().map(|(_, v)| *v).max().unwrap_or(0);
            let rows = r
                .categories
                .iter()
                .map(|c| figure(crate::i18n::local(&c.name_ko, &c.name_en).to_string(), c.figures()));
            column![
                text(t!("reports-sell-through")).size(theme::SMALL).color(theme::MUTED),
                chart::view(
                    Bars { bars: short_labels(bars), peak_label: format!("{peak}%"), line: false, axis: Axis::Names },
                    chart_height
                ),
                scrollable(column(rows).spacing(4).padding(iced::Padding { right: 14.0, ..iced::Padding::ZERO }))
                    .height(Fill),
            ]
            .spacing(8)
            .into()
        }
        Loaded::Volunteers(r) => {
            let totals = r.totals();
            let bars: Vec<(String, i64)> = totals.iter().map(|p| (p.name.clone(), p.credited_minutes / 60)).collect();
            let peak = bars.iter().map(|(_, v)| *v).max().unwrap_or(0);
            let rows = totals.iter().map(|p| {
                figure(
                    p.name.clone(),
                    t!(
                        "report-volunteers-total",
                        days = p.days,
                        credited = reports::volunteers::hours(p.credited_minutes)
                    ),
                )
            });
            let days = r.days.iter().map(|d| {
                let duties: Vec<String> = d.duties.iter().map(|x| reports::volunteers::duty_name(*x)).collect();
                figure(
                    format!(
                        "{} {} {}–{} {}",
                        d.credited.day.format("%m-%d"),
                        d.name,
                        d.credited.start.format("%H:%M"),
                        d.credited.end.format("%H:%M"),
                        duties.join(", ")
                    ),
                    reports::volunteers::hours(d.credited.credited_minutes),
                )
            });
            let rows = rows
                .chain(std::iter::once(text(t!("reports-by-day-person")).size(theme::BODY).font(theme::BOLD).into()))
                .chain(days);
            let waiting = r.days.iter().filter(|d| d.to_confirm).count();
            let mut page = column![
                chart::view(
                    Bars { bars, peak_label: t!("reports-hours", hours = peak), line: false, axis: Axis::Names },
                    chart_height
                ),
                figure(t!("report-total"), crate::i18n::words::hours_and_minutes(r.credited_minutes())),
            ]
            .spacing(8);
            if waiting > 0 {
                page = page.push(widgets::banner(t!("reports-volunteers-waiting", count = waiting), true));
            }
            page.push(
                scrollable(column(rows).spacing(4).padding(iced::Padding { right: 14.0, ..iced::Padding::ZERO }))
                    .height(Fill),
            )
            .into()
        }
        Loaded::Impact(r) => {
            let tiles = r.figures().into_iter().map(|(_, label, shown, _)| {
                container(
                    column![widgets::muted(label), text(shown).size(theme::LARGE).font(theme::BOLD)]
                        .spacing(6)
                        .align_x(iced::Center)
                        .width(Fill),
                )
                .padding(16)
                .style(theme::card)
                .width(Fill)
                .into()
            });
            widgets::grid(tiles.collect(), 3).into()
        }
    }
}

/// Labels short enough to sit under a bar: the first word, at most four letters.
pub(super) fn short_labels(bars: Vec<(String, i64)>) -> Vec<(String, i64)> {
    bars.into_iter()
        .map(|(label, v)| {
            let first = label.split(['·', ' ', '(']).next().unwrap_or(&label).to_string();
            (first.chars().take(4).collect(), v)
        })
        .collect()
}
