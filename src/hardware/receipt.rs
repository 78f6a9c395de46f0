//! The receipt (영수증), always in Korean: store, date, number, lines with their markdowns and
//! discounts, total, 공급가액/부가세 per tax class, the round-up donation, tenders and change, the
//! cash receipt asked for, a thank-you line and the document's barcode. A refund or void is
//! marked as one and names the sale it reverses and the manager who approved it. A receipt that
//! takes or pays back cash opens the drawer first; a reprint never does. A store-credit voucher
//! is a paper of its own with its code as a barcode.

use chrono::{DateTime, Datelike, FixedOffset};

use super::document::Document;
use crate::domain::cash_receipt::Purpose;
use crate::domain::{Line, Sale, SaleKind, StoreInfo, TenderKind, Won};
use crate::i18n::words::korean_weekday;
use crate::t_ko;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReceiptOptions {
    /// A copy printed later: marked 재발행 and never opens the drawer.
    pub reprint: bool,
    /// Printed when the till started again, after the sale's moment: never opens the drawer
    /// (only a manager does that).
    pub after_restart: bool,
}

pub fn sale_receipt(store: &StoreInfo, sale: &Sale, options: ReceiptOptions) -> Document {
    let mut doc = Document::new();
    if sale.payment.has_cash() && !options.reprint && !options.after_restart {
        doc.drawer_kick();
    }
    header(&mut doc, store);
    if options.reprint {
        doc.title(t_ko!("receipt-reprint"));
    }
    match sale.kind {
        SaleKind::Sale => {}
        SaleKind::Refund => {
            doc.title(t_ko!("receipt-refund"));
        }
        SaleKind::Void => {
            doc.title(t_ko!("receipt-void"));
        }
    }
    doc.row(t_ko!("receipt-sold-at"), korean_time(sale.sold_at));
    doc.row(t_ko!("receipt-sale-no"), format!("{} #{:04}", sale.business_date, sale.sale_no));
    if let Some(original) = &sale.refers_to {
        doc.row(t_ko!("receipt-original"), format!("{} #{:04}", original.business_date, original.sale_no));
    }
    doc.row(t_ko!("receipt-cashier"), sale.staff_name.clone());
    if let Some(manager) = &sale.approved_by {
        doc.row(t_ko!("receipt-approved-by"), manager.clone());
    }
    doc.rule();
    doc.row(t_ko!("receipt-item"), t_ko!("receipt-amount"));
    doc.rule();
    for line in sale.lines.iter().filter(|l| l.is_goods()) {
        item_lines(&mut doc, line);
    }
    doc.rule();
    let discounts = sale.discounts();
    if discounts != Won::ZERO {
        doc.row(t_ko!("receipt-discounts"), (-discounts).to_string());
    }
    if sale.donation() != Won::ZERO {
        doc.row(t_ko!("receipt-goods-total"), sale.goods_total().to_string());
        doc.row(t_ko!("receipt-donation"), sale.donation().to_string());
    }
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
    let refund = sale.kind != SaleKind::Sale;
    for tender in &sale.payment.tenders {
        match (tender.kind, refund) {
            (TenderKind::Cash, false) => doc.row(t_ko!("receipt-cash-tendered"), tender.tendered.to_string()),
            (TenderKind::Cash, true) => doc.row(t_ko!("receipt-cash-back"), (-tender.amount).to_string()),
            (TenderKind::Card, false) => doc.row(t_ko!("receipt-card"), tender.amount.to_string()),
            (TenderKind::Card, true) => doc.row(t_ko!("receipt-card-back"), (-tender.amount).to_string()),
            (TenderKind::StoreCredit, false) => doc.row(t_ko!("receipt-credit-used"), tender.amount.to_string()),
            (TenderKind::StoreCredit, true) => doc.row(t_ko!("receipt-credit-back"), (-tender.amount).to_string()),
        };
        match (tender.kind, &tender.reference) {
            (TenderKind::Card, Some(approval)) => {
                doc.text(format!("  {}", t_ko!("receipt-approval-no", number = approval.clone())));
            }
            (TenderKind::StoreCredit, Some(code)) => {
                doc.text(format!("  {code}"));
            }
            _ => {}
        }
    }
    if sale.payment.has_cash() && !refund {
        doc.bold_row(t_ko!("receipt-change"), sale.payment.change.to_string());
    }
    if let Some(receipt) = &sale.cash_receipt {
        let purpose = match receipt.purpose {
            Purpose::Deduction => t_ko!("receipt-cash-receipt-deduction"),
            Purpose::Proof => t_ko!("receipt-cash-receipt-proof"),
        };
        doc.row(t_ko!("receipt-cash-receipt", purpose = purpose), receipt.masked());
    }
    doc.double_rule();
    doc.center(t_ko!("receipt-thanks"));
    doc.center(t_ko!("receipt-charity"));
    if !store.receipt_footer.is_empty() {
        doc.center(store.receipt_footer.clone());
    }
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
    if !store.representative.is_empty() {
        doc.center(t_ko!("receipt-representative", name = store.representative.clone()));
    }
    doc.double_rule();
}

fn item_lines(doc: &mut Document, line: &Line) {
    doc.row(line.name_ko.clone(), line.gross().to_string());
    if line.quantity.abs() > 1 {
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
    if line.discount != Won::ZERO {
        let reason = line.discount_reason.clone().unwrap_or_default();
        doc.row(format!("  {}", t_ko!("receipt-line-discount", reason = reason)), (-line.discount).to_string());
    }
}

/// The voucher printed when a refund goes to store credit (or a manager issues credit): its
/// amount and its code as a barcode, to be scanned when it is spent.
pub fn credit_voucher(store: &StoreInfo, code: &str, amount: Won, at: DateTime<FixedOffset>) -> Document {
    let mut doc = Document::new();
    header(&mut doc, store);
    doc.title(t_ko!("voucher-title"));
    doc.row(t_ko!("receipt-sold-at"), korean_time(at));
    doc.big_row(t_ko!("voucher-amount"), amount.to_string());
    doc.rule();
    doc.center(t_ko!("voucher-hint"));
    doc.feed(1);
    doc.barcode(code.to_string());
    doc.cut();
    doc
}

/// `2026-11-25 (수) 14:03`.
pub fn korean_time(at: DateTime<FixedOffset>) -> String {
    format!("{} ({}) {}", at.format("%Y-%m-%d"), korean_weekday(at.weekday()), at.format("%H:%M"))
}
