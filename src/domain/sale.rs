//! A committed document: a sale, a refund or a void, as the receipt, the reports and the journal
//! see it. Once committed it is history. A refund and a void are documents of their own with
//! negative quantities and amounts, referring to the sale they reverse, so every sum over a day
//! nets them out by itself.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{CashReceipt, Line, LineKind, Payment, ReceiptCode, VatLine, Won};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SaleKind {
    #[default]
    Sale,
    /// Some or all of a sale's goods brought back (or, without a receipt, an amount a manager
    /// allowed).
    Refund,
    /// A whole sale undone the same day, while its till is still open.
    Void,
}

impl SaleKind {
    pub const ALL: [SaleKind; 3] = [SaleKind::Sale, SaleKind::Refund, SaleKind::Void];

    pub fn as_str(self) -> &'static str {
        match self {
            SaleKind::Sale => "sale",
            SaleKind::Refund => "refund",
            SaleKind::Void => "void",
        }
    }

    pub fn parse(s: &str) -> Option<SaleKind> {
        SaleKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The journal's name for committing one.
    pub fn event(self) -> &'static str {
        match self {
            SaleKind::Sale => "sale.committed",
            SaleKind::Refund => "sale.refunded",
            SaleKind::Void => "sale.voided",
        }
    }
}

/// Who bought: staff and volunteers buy like anyone else, marked, and may not buy goods still in
/// their hold period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Customer {
    #[default]
    Public,
    Staff,
    Volunteer,
}

impl Customer {
    pub const ALL: [Customer; 3] = [Customer::Public, Customer::Staff, Customer::Volunteer];

    pub fn as_str(self) -> &'static str {
        match self {
            Customer::Public => "public",
            Customer::Staff => "staff",
            Customer::Volunteer => "volunteer",
        }
    }

    pub fn parse(s: &str) -> Option<Customer> {
        Customer::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The sale a refund or void reverses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaleRef {
    pub uuid: String,
    pub business_date: NaiveDate,
    pub sale_no: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sale {
    /// The row id in this store's database (not in the journal: it means nothing elsewhere).
    #[serde(skip)]
    pub id: i64,
    pub uuid: String,
    #[serde(default)]
    pub kind: SaleKind,
    pub business_date: NaiveDate,
    pub sale_no: u32,
    pub sold_at: DateTime<FixedOffset>,
    #[serde(skip)]
    pub staff_id: i64,
    pub staff_name: String,
    /// The manager who approved a refund or void.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<SaleRef>,
    #[serde(default)]
    pub customer: Customer,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cash_receipt: Option<CashReceipt>,
    /// The till session (its UUID) the document's cash went through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    pub lines: Vec<Line>,
    pub vat: Vec<VatLine>,
    pub payment: Payment,
    pub total: Won,
}

impl Sale {
    pub fn receipt_code(&self, store_code: u16) -> ReceiptCode {
        ReceiptCode { store: store_code, date: self.business_date, sale_no: self.sale_no }
    }

    pub fn as_ref(&self) -> SaleRef {
        SaleRef { uuid: self.uuid.clone(), business_date: self.business_date, sale_no: self.sale_no }
    }

    /// The goods: the store's revenue (negative on a refund).
    pub fn goods_total(&self) -> Won {
        self.lines.iter().filter(|l| l.is_goods()).map(Line::amount).sum()
    }

    /// The round-up donation.
    pub fn donation(&self) -> Won {
        self.lines.iter().filter(|l| l.kind == LineKind::Donation).map(Line::amount).sum()
    }

    pub fn discounts(&self) -> Won {
        self.lines.iter().map(|l| l.discount).sum()
    }
}
