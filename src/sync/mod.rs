//! Sync with head office (design.md §5): the till uploads its journal and downloads reference
//! data; `nanum-central` keeps every store's journal on PostgreSQL.
//!
//! - [`protocol`]: what goes over the wire, shared by both ends.
//! - [`client`]: the till's side (`nanum sync` and the manager's button).
//! - [`join`]: a new till set up from head office (본부에 연결, `nanum init --central`).
//! - [`central`]: head office's service.

#[cfg(feature = "central")]
pub mod central;
#[cfg(feature = "till")]
pub mod client;
#[cfg(feature = "till")]
pub mod join;
pub mod protocol;
