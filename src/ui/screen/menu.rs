//! Where the work is: selling, taking donations in, pricing, the floor (pull list and stock), the
//! till, and for managers the audit log and device settings. Big keys, one tap each, for people
//! who come in one afternoon a week.

use iced::widget::{column, row};
use iced::{Element, Fill};

use crate::domain::Role;
use crate::t;
use crate::ui::app::Message;
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};

pub fn view<'a>(role: Role, layout: Layout) -> Element<'a, Message> {
    let key = |label: String, hint: String, message: Message| -> Element<'a, Message> {
        let body = column![widgets::title(label), widgets::muted(hint)].spacing(6).align_x(iced::Center);
        iced::widget::button(iced::widget::container(body).center(Fill))
            .width(Fill)
            .height(layout.key_height() * 2.4)
            .style(theme::key)
            .on_press(message)
            .into()
    };
    let mut keys = vec![
        key(t!("menu-sell"), t!("menu-sell-hint"), Message::CloseMenu),
        key(t!("menu-intake"), t!("menu-intake-hint"), Message::OpenIntake),
        key(t!("menu-pricing"), t!("menu-pricing-hint"), Message::OpenPricing),
        key(t!("menu-floor"), t!("menu-floor-hint"), Message::OpenFloor),
        key(t!("menu-till"), t!("menu-till-hint"), Message::OpenTill),
    ];
    if role == Role::Manager {
        keys.push(key(t!("menu-reports"), t!("menu-reports-hint"), Message::OpenReports));
        keys.push(key(t!("menu-volunteers"), t!("menu-volunteers-hint"), Message::OpenVolunteers));
        keys.push(key(t!("menu-audit"), t!("menu-audit-hint"), Message::OpenAudit));
        keys.push(key(t!("menu-settings"), t!("menu-settings-hint"), Message::OpenSettings));
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
