//! Figures for managers, read from the store database (read-only: only `store` writes), and
//! their text and CSV forms.

pub mod daily;
pub mod donations;
pub mod pull;
pub mod till;
pub mod volunteers;
