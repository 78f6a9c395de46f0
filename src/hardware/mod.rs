//! Everything that touches a device's bytes: papers as [`document::Document`]s, their ESC/POS
//! rendering, the decoder that reads them back, and the transports that carry them to a
//! printer. Only this module knows ESC/POS.

pub mod cause;
pub mod decode;
pub mod document;
pub mod donation_slip;
pub mod escpos;
pub mod queue;
pub mod receipt;
pub mod scanner;
pub mod selftest;
pub mod tags;
pub mod till_report;
pub mod transport;

pub use cause::Cause;
pub use document::Document;
pub use escpos::{PrinterProfile, Rendered, render};
pub use transport::{PrintError, PrinterSpec};
