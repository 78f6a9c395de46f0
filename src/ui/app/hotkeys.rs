//! The till's keys: F2–F12 and Esc (design.md §1's hotkeys), what each does on each screen, and
//! the keys no field took, watched for a keyboard-wedge scanner's burst.

use std::time::Instant;

use iced::{Subscription, Task, event, keyboard};

use super::{App, Message};
use crate::ui::screen::{Screen, audit, checkout, floor, intake, login, pricing, reports, staff, till, volunteers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hotkey {
    Park,
    Return,
    Discount,
    Till,
    Today,
    Audit,
    Cash,
    Card,
    Credit,
    Menu,
    Escape,
}

/// Hotkeys and loose keys, each stamped with when it came (the wedge tells a scanner from a
/// person by the gaps between keys, which `update` may reach late).
pub fn keys() -> Subscription<Message> {
    event::listen_with(|event, status, _window| {
        let iced::Event::Keyboard(keyboard::Event::KeyPressed { key, text, .. }) = event else { return None };
        let loose = status == event::Status::Ignored;
        match key {
            keyboard::Key::Named(named) => {
                use keyboard::key::Named;
                let hotkey = match named {
                    Named::F2 => Hotkey::Park,
                    Named::F3 => Hotkey::Return,
                    Named::F4 => Hotkey::Discount,
                    Named::F6 => Hotkey::Till,
                    Named::F7 => Hotkey::Today,
                    Named::F8 => Hotkey::Audit,
                    Named::F9 => Hotkey::Cash,
                    Named::F10 => Hotkey::Card,
                    Named::F11 => Hotkey::Credit,
                    Named::F12 => Hotkey::Menu,
                    Named::Escape => Hotkey::Escape,
                    Named::Enter if loose => return Some(Message::LooseEnter(Instant::now())),
                    _ => return None,
                };
                Some(Message::Hotkey(hotkey))
            }
            _ if loose => text
                .filter(|t| !t.chars().any(char::is_control))
                .map(|t| Message::LooseKey(t.to_string(), Instant::now())),
            _ => None,
        }
    })
}

impl App {
    /// A hotkey: on the checkout it is the checkout's own key; elsewhere Esc goes back and F12
    /// opens the work menu.
    pub(super) fn hotkey(&mut self, key: Hotkey) -> Task<Message> {
        let to_checkout = match key {
            Hotkey::Park => checkout::Message::Park,
            Hotkey::Return => checkout::Message::Return,
            Hotkey::Discount => checkout::Message::Discount,
            Hotkey::Till => checkout::Message::OpenTill,
            Hotkey::Today => checkout::Message::Today,
            Hotkey::Audit => return self.open_audit(),
            Hotkey::Menu => return self.open_menu(),
            Hotkey::Cash => checkout::Message::PayCash,
            Hotkey::Card => checkout::Message::PayCard,
            Hotkey::Credit => checkout::Message::PayCredit,
            Hotkey::Escape => checkout::Message::Escape,
        };
        if self.jobs.is_some() {
            return Task::none();
        }
        match (&self.screen, key) {
            (Screen::Checkout(_), _) => self.update(Message::Checkout(to_checkout)),
            (Screen::Login(_), Hotkey::Escape) => self.update(Message::Login(login::Message::Back)),
            (Screen::Devices(_), Hotkey::Escape) => self.open_checkout(),
            (Screen::Till(_), Hotkey::Escape) => self.till_update(till::Message::Back),
            (Screen::Audit(_), Hotkey::Escape) => self.update(Message::Audit(audit::Message::Back)),
            (Screen::Intake(_), Hotkey::Escape) => self.intake_update(intake::Message::Back),
            (Screen::Pricing(_), Hotkey::Escape) => self.pricing_update(pricing::Message::Back),
            (Screen::Floor(_), Hotkey::Escape) => self.update(Message::Floor(floor::Message::Back)),
            (Screen::Reports(_), Hotkey::Escape) => self.update(Message::Reports(reports::Message::Back)),
            (Screen::Settings(_), Hotkey::Escape) => self.open_menu(),
            (Screen::Staff(_), Hotkey::Escape) => self.update(Message::Staff(staff::Message::Back)),
            (Screen::Volunteers(_), Hotkey::Escape) => self.update(Message::Volunteers(volunteers::Message::Back)),
            (Screen::Menu, Hotkey::Escape) => self.open_checkout(),
            (_, Hotkey::Menu) => self.open_menu(),
            _ => Task::none(),
        }
    }
}
