//! Figures for managers, read from the store database (read-only: only `store` writes), and
//! their text and CSV forms.

pub mod daily;
pub mod donations;
pub mod impact;
pub mod production;
pub mod pull;
pub mod sales;
pub mod sheet;
pub mod till;
pub mod volunteers;

/// `2026-11-25`, or `2026-11-01 ~ 2026-11-30` for a range.
pub fn range_name(from: chrono::NaiveDate, to: chrono::NaiveDate) -> String {
    if from == to { from.to_string() } else { format!("{from} ~ {to}") }
}

/// A report in its two written forms: text for a person, CSV for a spreadsheet or a script. The
/// command line and the reports screen write every report through this.
pub trait Report {
    fn text(&self, out: &mut dyn std::io::Write) -> std::io::Result<()>;
    fn csv(&self, out: &mut dyn std::io::Write) -> Result<(), csv::Error>;
}

macro_rules! written {
    ($($ty:ty),+ $(,)?) => {$(
        impl Report for $ty {
            fn text(&self, mut out: &mut dyn std::io::Write) -> std::io::Result<()> {
                self.write_text(&mut out)
            }
            fn csv(&self, out: &mut dyn std::io::Write) -> Result<(), csv::Error> {
                self.write_csv(out)
            }
        }
    )+};
}

written!(
    daily::DailyReport,
    daily::Days,
    donations::DonationsReport,
    impact::ImpactReport,
    production::ProductionReport,
    pull::PullReport,
    sales::SalesReport,
    till::TillReport,
    volunteers::VolunteersReport,
);
