//! The screens of the till; the app shows one at a time.

pub mod audit;
pub mod checkout;
pub mod devices;
pub mod floor;
pub mod intake;
pub mod login;
pub mod menu;
pub mod pricing;
pub mod till;

pub enum Screen {
    Login(login::Login),
    Checkout(checkout::Checkout),
    Devices(devices::Devices),
    Till(till::TillScreen),
    Audit(audit::Audit),
    Intake(intake::Intake),
    Pricing(pricing::Pricing),
    Floor(floor::Floor),
    /// The work menu.
    Menu,
}
