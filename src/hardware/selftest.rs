//! The printer self-test page: who is printing, the paper's width as a ruler, Korean and the won
//! sign as the printer will print them, a barcode and a cut. It never opens the drawer.

use chrono::{DateTime, FixedOffset};

use super::document::Document;
use super::receipt::korean_time;
use crate::t_ko;

pub fn self_test(store: Option<&str>, printer: &str, columns: usize, now: DateTime<FixedOffset>) -> Document {
    let mut doc = Document::new();
    doc.title(t_ko!("selftest-title"));
    if let Some(store) = store {
        doc.center(store);
    }
    doc.double_rule();
    doc.row(t_ko!("selftest-printer"), printer.to_string());
    doc.row(t_ko!("selftest-width"), t_ko!("selftest-columns", columns = columns));
    doc.row(t_ko!("selftest-time"), korean_time(now));
    doc.rule();
    let ruler: String = (1..=columns).map(|i| char::from(b'0' + (i % 10) as u8)).collect();
    doc.text(ruler);
    doc.text(t_ko!("selftest-pangram"));
    doc.text(t_ko!("selftest-symbols"));
    doc.row(t_ko!("selftest-left"), t_ko!("selftest-right"));
    doc.bold_row(t_ko!("receipt-total"), "₩1,234,500");
    doc.rule();
    doc.barcode("NANUM-TEST-0123");
    doc.center(t_ko!("selftest-end"));
    doc.cut();
    doc
}
