//! Nanum (나눔): the point of sale for charity thrift stores.
//!
//! # Layout
//! Each layer uses only those above it: `domain → store → hardware / reports → sync → ui → cli`.
//! - [`domain`]: the shop's rules with no IO (money, VAT, tags, colour rotation, cart, the
//!   reference data's shape and the settings' ranges).
//! - [`store`]: the store's SQLite database, its migrations and the append-only journal.
//! - `hardware` (till): ESC/POS documents, printer transports, the scanner, the decoder tests
//!   read papers with.
//! - [`reports`]: figures for managers, as text and CSV (the till and head office share them).
//! - [`sync`]: the wire protocol; the till's client (till) and head office's `nanum-central`
//!   (central).
//! - `ui` (till): the iced application; the only module that knows iced.
//! - `cli` (till): the `nanum` command line (design.md §7); `explain` words errors for people.
//! - [`i18n`], [`assets`], [`demo`]: words, the bundled font, the demo store.
//!
//! The `till` and `central` features build each program without the other's stack.

pub mod assets;
pub mod demo;
pub mod domain;
pub mod files;
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
