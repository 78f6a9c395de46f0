//! The screens of the till; the app shows one at a time.

pub mod audit;
pub mod checkout;
pub mod devices;
pub mod first_run;
pub mod floor;
pub mod intake;
pub mod login;
pub mod menu;
pub mod pricing;
pub mod reports;
pub mod settings;
pub mod staff;
pub mod till;
pub mod volunteers;

use chrono::{DateTime, FixedOffset};
use iced::Task;

use crate::domain::StaffMember;
use crate::hardware::Document;
use crate::store::{Store, TillId, Worker};

/// What a screen asks the app to do after a message. Screens that need more (the checkout, the
/// till, pricing, settings) have an `Action` of their own.
pub enum Action<M> {
    None,
    /// Run the screen's task; its messages come back to the screen.
    Run(Task<M>),
    /// Queue a paper for the printer.
    Print {
        title: String,
        paper: Document,
    },
    /// Back to where the screen was opened from.
    Leave,
}

/// What the intake, pricing and floor screens work with: the store to read, the worker to
/// write through, who is signed in and the time.
#[derive(Clone, Copy)]
pub struct BackRoom<'a> {
    pub store: &'a Store,
    pub worker: &'a Worker,
    pub staff: &'a StaffMember,
    pub now: DateTime<FixedOffset>,
}

/// What the checkout and the till screen work with: the back room's, and which till this is.
#[derive(Clone, Copy)]
pub struct Counter<'a> {
    pub store: &'a Store,
    pub worker: &'a Worker,
    pub staff: &'a StaffMember,
    pub till: &'a TillId,
    pub now: DateTime<FixedOffset>,
}

pub enum Screen {
    Login(login::Login),
    Checkout(checkout::Checkout),
    Devices(devices::Devices),
    Till(till::TillScreen),
    Audit(audit::Audit),
    Intake(intake::Intake),
    Pricing(pricing::Pricing),
    Floor(floor::Floor),
    Volunteers(volunteers::Volunteers),
    Reports(reports::Reports),
    /// 매장 설정 (managers).
    Settings(settings::Settings),
    /// 직원 관리 (managers, from 매장 설정).
    Staff(staff::Staff),
    /// The work menu.
    Menu,
}

impl Screen {
    /// The language changed: each screen drops what it said in the other one.
    pub fn language_changed(&mut self) {
        match self {
            Screen::Login(s) => s.language_changed(),
            Screen::Checkout(s) => s.language_changed(),
            Screen::Devices(s) => s.language_changed(),
            Screen::Till(s) => s.language_changed(),
            Screen::Audit(s) => s.language_changed(),
            Screen::Intake(s) => s.language_changed(),
            Screen::Pricing(s) => s.language_changed(),
            Screen::Floor(s) => s.language_changed(),
            Screen::Volunteers(s) => s.language_changed(),
            Screen::Reports(s) => s.language_changed(),
            Screen::Settings(s) => s.language_changed(),
            Screen::Staff(s) => s.language_changed(),
            Screen::Menu => {}
        }
    }
}
