//! The sale receipt (영수증), always in Korean: store, date, sale number, lines with their
//! markdowns, total, 공급가액/부가세 per tax class, tenders and change, a thank-you line and the
//! sale's barcode. A cash sale's receipt opens the drawer first; a reprint never does.

use chrono::{DateTime, Datelike, FixedOffset};

use super::document::Document;
use crate::domain::{Line, TenderKind};
use crate::domain::{Sale, StoreInfo};
use crate::t_ko;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReceiptOptions {
    /// A copy printed later: marked 재발행 and never opens the drawer.
    pub reprint: bool,
}

pub fn sale_receipt(store: &StoreInfo, sale: &Sale, options: ReceiptOptions) -> Document {
    let mut doc = Document::new();
    if sale.payment.has_cash() && !options.reprint {
        doc.drawer_kick();
    }
    header(&mut doc, store);
    if options.reprint {
        doc.title(t_ko!("receipt-reprint"));
    }
    doc.row(t_ko!("receipt-sold-at"), korean_time(sale.sold_at));
    doc.row(t_ko!("receipt-sale-no"), format!("{} #{:04}", sale.business_date, sale.sale_no));
    doc.row(t_ko!("receipt-cashier"), sale.staff_name.clone());
    doc.rule();
    doc.row(t_ko!("receipt-item"), t_ko!("receipt-amount"));
    doc.rule();
    for line in &sale.lines {
        item_lines(&mut doc, line);
    }
    doc.rule();
    doc.big_row(t_ko!("receipt-total"), sale.total.to_string());
    let taxed = sale.vat.iter().filter(|v| !v.is_exempt()).count();
    for v in &sale.vat {
        if v.is_exempt() {
            doc.row(t_ko!("receipt-exempt"), v.gross.to_string());
        } else if taxed > 1 {
            doc.row(t_ko!("receipt-supply-rate", rate = v.rate_percent.to_string()), v.supply.to_string());
            doc.row(t_ko!("receipt-vat-rate", rate = v.rate_percent.to_string()), v.vat.to_string());
        } else {
            doc.row(t_ko!("receipt-supply"), v.supply.to_string());
            doc.row(t_ko!("receipt-vat"), v.vat.to_string());
        }
    }
    doc.rule();
    for tender in &sale.payment.tenders {
        match tender.kind {
            TenderKind::Cash => doc.row(t_ko!("receipt-cash-tendered"), tender.tendered.to_string()),
            TenderKind::Card => doc.row(t_ko!("receipt-card"), tender.amount.to_string()),
        };
    }
    if sale.payment.has_cash() {
        doc.bold_row(t_ko!("receipt-change"), sale.payment.change.to_string());
    }
    doc.double_rule();
    doc.center(t_ko!("receipt-thanks"));
    doc.center(t_ko!("receipt-charity"));
    doc.feed(1);
    doc.barcode(sale.receipt_code(store.code).code());
    doc.cut();
    doc
}

/// Store name, address and numbers: the top of every paper the store prints.
pub fn header(doc: &mut Document, store: &StoreInfo) {
    doc.title(store.name.clone());
    if !store.address.is_empty() {
        doc.center(store.address.clone());
    }
    let mut ids = Vec::new();
    if !store.business_no.is_empty() {
        ids.push(t_ko!("receipt-business-no", number = store.business_no.clone()));
    }
    if !store.phone.is_empty() {
        ids.push(t_ko!("receipt-phone", number = store.phone.clone()));
    }
    if !ids.is_empty() {
        doc.center(ids.join("  "));
    }
    doc.double_rule();
}

fn item_lines(doc: &mut Document, line: &Line) {
    doc.row(line.name_ko.clone(), line.amount().to_string());
    if line.quantity > 1 {
        doc.text(format!("  {} x {}", line.unit_price, line.quantity));
    }
    if let Some(markdown) = line.markdown.as_ref().filter(|m| m.is_reduced()) {
        doc.text(format!(
            "  {}",
            t_ko!(
                "receipt-markdown",
                list = line.list_price.to_string(),
                weeks = markdown.weeks_on_floor,
                percent = markdown.percent_off.normalize().to_string()
            )
        ));
    }
}

/// `2026-11-25 (수) 14:03`.
pub fn korean_time(at: DateTime<FixedOffset>) -> String {
    format!("{} ({}) {}", at.format("%Y-%m-%d"), korean_weekday(at.weekday()), at.format("%H:%M"))
}

pub fn korean_weekday(day: chrono::Weekday) -> String {
    use chrono::Weekday::*;
    match day {
        Mon => t_ko!("weekday-mon"),
        Tue => t_ko!("weekday-tue"),
        Wed => t_ko!("weekday-wed"),
        Thu => t_ko!("weekday-thu"),
        Fri => t_ko!("weekday-fri"),
        Sat => t_ko!("weekday-sat"),
        Sun => t_ko!("weekday-sun"),
    }
}
