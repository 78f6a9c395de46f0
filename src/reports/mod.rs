//! Figures for managers, read from the store database (read-only: only `store` writes), and
//! their text and CSV forms.

pub mod daily;
pub mod donations;
pub mod impact;
pub mod production;
pub mod pull;
pub mod sales;
pub mod till;
pub mod volunteers;

/// `2026-11-25`, or `2026-11-01 ~ 2026-11-30` for a range.
pub fn range_name(from: chrono::NaiveDate, to: chrono::NaiveDate) -> String {
    if from == to { from.to_string() } else { format!("{from} ~ {to}") }
}
