//! Cash receipts (현금영수증). On a cash sale the buyer may give a mobile number or a cash-receipt
//! card number (for their income deduction, 소득공제) or a business registration number (as
//! proof of expense, 지출증빙). The till checks the format, records it with the sale, prints it
//! masked on the receipt, and counts it in the day's figures; issuing it with the tax office
//! goes through the card terminal's VAN or head office, not Nanum.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    Phone,
    Business,
    Card,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// 소득공제: an individual's income deduction.
    Deduction,
    /// 지출증빙: a business's proof of expense.
    Proof,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CashReceipt {
    pub kind: IdKind,
    /// Digits only.
    pub id: String,
    pub purpose: Purpose,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CashReceiptError {
    #[error("'{0}' is not a mobile number, a business number or a cash-receipt card number")]
    Unknown(String),
    #[error("the business number's check digit is wrong")]
    BusinessCheck,
}

/// The check digit rule for a business registration number (사업자등록번호).
pub fn business_number_valid(digits: &[u8; 10]) -> bool {
    const WEIGHTS: [u32; 9] = [1, 3, 7, 1, 3, 7, 1, 3, 5];
    let d: Vec<u32> = digits.iter().map(|b| u32::from(*b)).collect();
    let sum: u32 = d.iter().zip(WEIGHTS).map(|(a, w)| a * w).sum::<u32>() + d[8] * 5 / 10;
    (10 - sum % 10) % 10 == d[9]
}

impl CashReceipt {
    /// Reads what the cashier typed: `010-1234-5678`, `123-45-67890`, or 13 to 19 card digits.
    pub fn parse(typed: &str) -> Result<CashReceipt, CashReceiptError> {
        let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
        let only_digits_and_separators = typed.chars().all(|c| c.is_ascii_digit() || " -".contains(c));
        if !only_digits_and_separators || digits.is_empty() {
            return Err(CashReceiptError::Unknown(typed.trim().to_string()));
        }
        let phone = digits.starts_with("01") && (10..=11).contains(&digits.len());
        if phone {
            return Ok(CashReceipt { kind: IdKind::Phone, id: digits, purpose: Purpose::Deduction });
        }
        if digits.len() == 10 {
            let mut d = [0u8; 10];
            for (slot, c) in d.iter_mut().zip(digits.bytes()) {
                *slot = c - b'0';
            }
            if !business_number_valid(&d) {
                return Err(CashReceiptError::BusinessCheck);
            }
            return Ok(CashReceipt { kind: IdKind::Business, id: digits, purpose: Purpose::Proof });
        }
        if (13..=19).contains(&digits.len()) {
            return Ok(CashReceipt { kind: IdKind::Card, id: digits, purpose: Purpose::Deduction });
        }
        Err(CashReceiptError::Unknown(typed.trim().to_string()))
    }

    /// As printed on the receipt: the middle hidden (`010-****-5678`, `123-45-*****`,
    /// `1234-****-****-5678`).
    pub fn masked(&self) -> String {
        let id = &self.id;
        match self.kind {
            IdKind::Phone => format!("{}-****-{}", &id[..3], &id[id.len() - 4..]),
            IdKind::Business => format!("{}-{}-*****", &id[..3], &id[3..5]),
            IdKind::Card => format!("{}-****-****-{}", &id[..4], &id[id.len() - 4..]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_buyers_give_and_masks_it() {
        let check = |typed: &str, kind: IdKind, purpose: Purpose, masked: &str| {
            let r = CashReceipt::parse(typed).unwrap_or_else(|e| panic!("{typed}: {e}"));
            assert_eq!((r.kind, r.purpose, r.masked().as_str()), (kind, purpose, masked), "{typed}");
        };
        check("010-1234-5678", IdKind::Phone, Purpose::Deduction, "010-****-5678");
        check("01012345678", IdKind::Phone, Purpose::Deduction, "010-****-5678");
        check("011 234 5678", IdKind::Phone, Purpose::Deduction, "011-****-5678");
        check("010-000-1234", IdKind::Phone, Purpose::Deduction, "010-****-1234");
        check("220-81-62517", IdKind::Business, Purpose::Proof, "220-81-*****");
        check("1234567890123456", IdKind::Card, Purpose::Deduction, "1234-****-****-3456");
    }

    #[test]
    fn refuses_what_it_cannot_be() {
        assert_eq!(CashReceipt::parse("220-81-62518"), Err(CashReceiptError::BusinessCheck));
        assert!(matches!(CashReceipt::parse("12345"), Err(CashReceiptError::Unknown(_))));
        assert!(matches!(CashReceipt::parse("010-1234-567a"), Err(CashReceiptError::Unknown(_))));
        assert!(matches!(CashReceipt::parse(""), Err(CashReceiptError::Unknown(_))));
    }
}
