//! The screens of the till; the app shows one at a time.

pub mod audit;
pub mod checkout;
pub mod devices;
pub mod login;
pub mod till;

pub enum Screen {
    Login(login::Login),
    Checkout(checkout::Checkout),
    Devices(devices::Devices),
    Till(till::TillScreen),
    Audit(audit::Audit),
}
