//! The till's X report (the session so far, any time, nothing changes) and Z report (printed
//! once at close, numbered, with the count by denomination and the difference), always in
//! Korean. Both are printed from a [`SessionReport`], which is read from the documents and
//! cash moves themselves.

use chrono::{DateTime, FixedOffset};

use super::document::Document;
use super::receipt::{header, korean_time};
use crate::domain::money::signed;
use crate::domain::till::{Count, DENOMINATIONS};
use crate::domain::{StoreInfo, Won};
use crate::store::SessionReport;
use crate::t_ko;

/// The X report (till still open) or the Z report. `for_manager` is false when a cashier prints
/// an X report: the cash the drawer should hold is left off, so the closing count stays blind.
pub fn till_report(
    store: &StoreInfo,
    report: &SessionReport,
    printed_at: DateTime<FixedOffset>,
    for_manager: bool,
) -> Document {
    let mut doc = Document::new();
    header(&mut doc, store);
    let session = &report.session;
    match &session.closed {
        Some(closed) => doc.title(t_ko!("report-z-title", number = closed.z_no)),
        None => doc.title(t_ko!("report-x-title")),
    };
    doc.row(t_ko!("report-till"), session.till.clone());
    doc.row(t_ko!("report-printed-at"), korean_time(printed_at));
    doc.row(t_ko!("report-opened"), format!("{} {}", session.opened_at.format("%m-%d %H:%M"), session.opened_by));
    if let Some(closed) = &session.closed {
        doc.row(t_ko!("report-closed"), format!("{} {}", closed.at.format("%m-%d %H:%M"), closed.by));
    }
    doc.rule();
    doc.row(t_ko!("report-sales-count"), report.sales.to_string());
    doc.row(t_ko!("report-refunds-count"), report.refunds.to_string());
    doc.row(t_ko!("report-voids-count"), report.voids.to_string());
    doc.row(t_ko!("report-goods"), report.goods.to_string());
    doc.row(t_ko!("report-discounts"), report.discounts.to_string());
    doc.row(t_ko!("receipt-donation"), report.donations.to_string());
    doc.row(t_ko!("report-card"), report.card.to_string());
    doc.row(t_ko!("report-credit"), report.credit.to_string());
    doc.row(t_ko!("report-cash-receipts"), report.cash_receipts.to_string());
    doc.rule();
    let cash = &report.cash;
    doc.row(t_ko!("report-float"), cash.float.to_string());
    doc.row(t_ko!("report-cash-sales"), cash.cash_sales.to_string());
    doc.row(t_ko!("report-cash-refunds"), (-cash.cash_refunds).to_string());
    doc.row(t_ko!("report-cash-in"), cash.cash_in.to_string());
    doc.row(t_ko!("report-cash-out"), (-cash.cash_out).to_string());
    if for_manager || session.closed.is_some() {
        doc.bold_row(t_ko!("report-expected"), cash.expected().to_string());
    }
    for m in &report.moves {
        let kind = match m.kind {
            crate::domain::till::MoveKind::In => t_ko!("report-cash-in"),
            crate::domain::till::MoveKind::Out => t_ko!("report-cash-out"),
        };
        doc.text(format!("  {} {} {} ({})", m.at.format("%H:%M"), kind, m.amount, m.reason));
    }
    if let Some(closed) = &session.closed {
        doc.rule();
        counts(&mut doc, &closed.counts);
        doc.bold_row(t_ko!("report-counted"), closed.counted.to_string());
        for c in &report.corrections {
            doc.row(t_ko!("report-correction", reason = c.reason.clone()), signed(c.amount));
        }
        doc.big_row(
            t_ko!("report-difference"),
            signed(report.difference().unwrap_or(closed.counted - closed.expected)),
        );
        doc.row(t_ko!("report-kept"), closed.kept.to_string());
        if closed.blind {
            doc.text(t_ko!("report-blind"));
        }
    }
    doc.feed(1);
    doc.cut();
    doc
}

/// A slip for money put in or taken out of the drawer, which it opens.
pub fn cash_move_slip(
    store: &StoreInfo,
    out: bool,
    amount: Won,
    reason: &str,
    staff: &str,
    approved_by: Option<&str>,
    at: DateTime<FixedOffset>,
) -> Document {
    let mut doc = Document::new();
    doc.drawer_kick();
    header(&mut doc, store);
    doc.title(if out { t_ko!("report-cash-out") } else { t_ko!("report-cash-in") });
    doc.row(t_ko!("receipt-sold-at"), korean_time(at));
    doc.big_row(t_ko!("voucher-amount"), amount.to_string());
    doc.row(t_ko!("slip-reason"), reason.to_string());
    doc.row(t_ko!("receipt-cashier"), staff.to_string());
    if let Some(manager) = approved_by {
        doc.row(t_ko!("receipt-approved-by"), manager.to_string());
    }
    doc.feed(1);
    doc.cut();
    doc
}

fn counts(doc: &mut Document, count: &Count) {
    for (n, d) in count.0.iter().zip(DENOMINATIONS) {
        if *n > 0 {
            doc.row(format!("{} × {n}", Won::new(d)), Won::new(d * i64::from(*n)).to_string());
        }
    }
}
