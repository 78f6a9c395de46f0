//! A committed sale, as the receipt, the reports and the journal see it. Once committed it is
//! history: refunds and voids will be new records, never edits.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Line, Payment, ReceiptCode, VatLine, Won};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sale {
    /// The row id in this store's database (not in the journal: it means nothing elsewhere).
    #[serde(skip)]
    pub id: i64,
    pub uuid: String,
    pub business_date: NaiveDate,
    pub sale_no: u32,
    pub sold_at: DateTime<FixedOffset>,
    #[serde(skip)]
    pub staff_id: i64,
    pub staff_name: String,
    pub lines: Vec<Line>,
    pub vat: Vec<VatLine>,
    pub payment: Payment,
    pub total: Won,
}

impl Sale {
    pub fn receipt_code(&self, store_code: u16) -> ReceiptCode {
        ReceiptCode { store: store_code, date: self.business_date, sale_no: self.sale_no }
    }
}
