//! What the till shows: the status bar, any notice, and the screen (or the print jobs panel in
//! its place).

use iced::widget::{column, container};
use iced::{Element, Fill};

use super::{App, Message};
use crate::domain::Role;
use crate::ui::screen::{Screen, menu};
use crate::ui::widgets;

impl App {
    pub fn view(&self) -> Element<'_, Message> {
        // The print jobs panel, while open, takes the screen's place: it is short work (print
        // again, set aside, a manager's PIN) and the screen under it waits as it was.
        let body = match (&self.jobs, &self.screen) {
            (Some(panel), _) => {
                container(panel.view(&self.queue, self.on_duty.is_some(), self.layout).map(Message::Jobs))
                    .padding(self.layout.padding())
                    .into()
            }
            (None, Screen::Login(login)) => login.view(self.now, self.layout).map(Message::Login),
            (None, Screen::Checkout(checkout)) => checkout.view(self.layout).map(Message::Checkout),
            (None, Screen::Devices(devices)) => devices.view(self.layout).map(Message::Devices),
            (None, Screen::Till(screen)) => screen.view(self.layout).map(Message::Till),
            (None, Screen::Audit(screen)) => screen.view(self.layout).map(Message::Audit),
            (None, Screen::Intake(screen)) => screen.view(self.layout).map(Message::Intake),
            (None, Screen::Floor(screen)) => screen.view(self.layout).map(Message::Floor),
            (None, Screen::Volunteers(screen)) => screen.view(self.layout).map(Message::Volunteers),
            (None, Screen::Reports(screen)) => screen.view(self.layout).map(Message::Reports),
            (None, Screen::Settings(screen)) => screen.view(self.layout).map(Message::Settings),
            (None, Screen::Staff(screen)) => screen.view(self.layout).map(Message::Staff),
            (None, Screen::Menu) => {
                let role = self.on_duty.as_ref().map_or(Role::Volunteer, |s| s.role);
                let keys = menu::view(role, self.layout).map(opened);
                if role == Role::Manager {
                    column![keys, container(self.sync_panel()).padding([0.0, self.layout.padding() * 2.0])].into()
                } else {
                    keys
                }
            }
            (None, Screen::Pricing(screen)) => {
                screen.view(&self.store, self.now.date_naive(), self.layout).map(Message::Pricing)
            }
        };
        let mut page = column![self.status_bar()];
        if let Some(notice) = &self.notice {
            page = page.push(container(widgets::banner(notice.as_str(), true)).padding([8, 16]));
        }
        page.push(container(body).height(Fill).width(Fill)).into()
    }
}

/// What a key of the work menu asks the app to do.
fn opened(choice: menu::Choice) -> Message {
    match choice {
        menu::Choice::Sell => Message::CloseMenu,
        menu::Choice::Intake => Message::OpenIntake,
        menu::Choice::Pricing => Message::OpenPricing,
        menu::Choice::Floor => Message::OpenFloor,
        menu::Choice::Till => Message::OpenTill,
        menu::Choice::Reports => Message::OpenReports,
        menu::Choice::Volunteers => Message::OpenVolunteers,
        menu::Choice::Audit => Message::OpenAudit,
        menu::Choice::Settings => Message::OpenSettings,
    }
}
