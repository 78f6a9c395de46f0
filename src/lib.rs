//! Nanum (나눔): the point of sale for charity thrift stores.
//!
//! # Layout
//! - [`domain`]: the shop's rules with no IO (money, VAT, tags, colour rotation, cart).
//! - [`store`]: the store's SQLite database, its migrations and the append-only journal.
//! - [`hardware`]: ESC/POS documents, printer transports and the decoder tests read them with.
//! - [`reports`]: figures for managers (daily sales), as text and CSV.
//! - [`demo`]: a demo store with realistic history.
//! - [`sync`]: the wire protocol, the till's sync client and head office's `nanum-central`.
//! - [`ui`]: the iced application; the only module that knows iced.
//! - [`cli`]: the `nanum` command line (design.md §7).

pub mod assets;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod reports;
pub mod store;
pub mod sync;

#[cfg(feature = "till")]
pub mod cli;
#[cfg(feature = "till")]
pub mod config;
#[cfg(feature = "till")]
pub mod diagnostics;
#[cfg(feature = "till")]
pub mod explain;
#[cfg(feature = "till")]
pub mod hardware;
#[cfg(feature = "till")]
pub mod paper_log;
#[cfg(feature = "till")]
pub mod ui;
