//! Where the work is: selling, taking donations in, pricing, the floor (pull list and stock), the
//! till, and for managers the audit log and device settings. Big keys, one tap each, for people
//! who come in one afternoon a week.

use iced::widget::{column, row};
use iced::{Element, Fill};

use crate::domain::Role;
use crate::t;
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};

/// The work a key opens; the app routes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Sell,
    Intake,
    Pricing,
    Floor,
    Till,
    Reports,
    Volunteers,
    Audit,
    Settings,
}

pub fn view<'a>(role: Role, layout: Layout) -> Element<'a, Choice> {
    let key = |label: String, hint: String, message: Choice| -> Element<'a, Choice> {
        let body = column![widgets::title(label), widgets::muted(hint)].spacing(6).align_x(iced::Center);
        crate::ui::pressable::button(iced::widget::container(body).center(Fill))
            .width(Fill)
            .height(layout.key_height() * 2.4)
            .style(theme::key)
            .on_press(message)
            .into()
    };
    let mut keys = vec![
        key(t!("menu-sell"), t!("menu-sell-hint"), Choice::Sell),
        key(t!("menu-intake"), t!("menu-intake-hint"), Choice::Intake),
        key(t!("menu-pricing"), t!("menu-pricing-hint"), Choice::Pricing),
        key(t!("menu-floor"), t!("menu-floor-hint"), Choice::Floor),
        key(t!("menu-till"), t!("menu-till-hint"), Choice::Till),
    ];
    if role == Role::Manager {
        keys.push(key(t!("menu-reports"), t!("menu-reports-hint"), Choice::Reports));
        keys.push(key(t!("menu-volunteers"), t!("menu-volunteers-hint"), Choice::Volunteers));
        keys.push(key(t!("menu-audit"), t!("menu-audit-hint"), Choice::Audit));
        keys.push(key(t!("menu-settings"), t!("menu-settings-hint"), Choice::Settings));
    }
    let mut rows = column![widgets::title(t!("menu-title"))].spacing(12);
    let mut keys = keys.into_iter().peekable();
    while keys.peek().is_some() {
        let mut line = row![].spacing(12);
        for _ in 0..3 {
            line = match keys.next() {
                Some(k) => line.push(k),
                None => line.push(iced::widget::space().width(Fill)),
            };
        }
        rows = rows.push(line);
    }
    rows.padding(layout.padding() * 2.0).into()
}
