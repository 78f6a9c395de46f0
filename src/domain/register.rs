//! The register's rules for what a cashier types and presses: a price for a category key, the
//! cash handed over (and the change it makes as it is typed), how many of a line, and when the
//! drawer may open without a sale. Pure, so they are table-tested; the checkout screen only
//! shows what these say.

use super::{Cart, PriceTag, Won};

/// The largest price a tag can carry; anything above is a typo.
pub const MAX_PRICE: Won = Won::new(PriceTag::MAX_PRICE);
/// The most cash a customer hands over for one sale; more is a typo.
pub const MAX_TENDER: Won = Won::new(10_000_000);
/// The most of one line in a sale.
pub const MAX_QUANTITY: u32 = 999;
/// Digits an amount field takes.
pub const MAX_DIGITS: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryProblem {
    #[error("nothing was typed")]
    Empty,
    #[error("'{0}' is not a whole number of won")]
    NotANumber(String),
    #[error("the amount must be more than zero")]
    Zero,
    #[error("the amount is too large")]
    TooHigh,
}

fn amount(input: &str, max: Won) -> Result<Won, EntryProblem> {
    if input.trim().is_empty() {
        return Err(EntryProblem::Empty);
    }
    match input.parse::<Won>() {
        Ok(won) if won > max => Err(EntryProblem::TooHigh),
        Ok(won) if !won.is_positive() => Err(EntryProblem::Zero),
        Ok(won) => Ok(won),
        Err(crate::domain::money::ParseWonError::TooLarge(_)) => Err(EntryProblem::TooHigh),
        Err(_) => Err(EntryProblem::NotANumber(input.trim().to_string())),
    }
}

/// A price typed for an untagged item.
pub fn price(input: &str) -> Result<Won, EntryProblem> {
    amount(input, MAX_PRICE)
}

/// Cash typed at the cash panel; nothing typed means the exact amount due.
pub fn tendered(input: &str, due: Won) -> Result<Won, EntryProblem> {
    match amount(input, MAX_TENDER) {
        Err(EntryProblem::Empty) => Ok(due),
        other => other,
    }
}

/// What the cash panel shows while the amount is being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CashPreview {
    /// Nothing (or nothing readable) typed yet: Enter takes the exact amount.
    Exact,
    Change(Won),
    Short(Won),
    TooHigh,
}

pub fn cash_preview(input: &str, due: Won) -> CashPreview {
    match amount(input, MAX_TENDER) {
        Ok(given) if given >= due => CashPreview::Change(given - due),
        Ok(given) => CashPreview::Short(due - given),
        Err(EntryProblem::TooHigh) => CashPreview::TooHigh,
        Err(_) => CashPreview::Exact,
    }
}

/// Digits as they are typed into an amount field, at most [`MAX_DIGITS`] and no leading zeros.
pub fn amount_digits(typed: &str) -> String {
    let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0');
    digits.chars().take(MAX_DIGITS).collect()
}

/// What an amount field holds after the person changed its text from the grouped `digits` to
/// `typed`. Like a calculator's display, a digit typed anywhere goes on the end and a deletion
/// takes the last digit: the field is regrouped as it is typed, so where the cursor sat in the
/// old text says nothing about what was meant (a 0 typed before "5,000" must not vanish as a
/// leading zero). Anything else (a paste) is read afresh.
pub fn edit_amount(digits: &str, typed: &str) -> String {
    let shown: Vec<char> = grouped(digits).chars().collect();
    let new: Vec<char> = typed.chars().collect();
    let one_inserted = (new.len() == shown.len() + 1)
        .then(|| (0..new.len()).find(|&i| new[..i] == shown[..i] && new[i + 1..] == shown[i..]))
        .flatten()
        .map(|i| new[i]);
    match one_inserted {
        Some(c) if c.is_ascii_digit() => return amount_digits(&format!("{digits}{c}")),
        Some(_) => return digits.to_string(),
        None => {}
    }
    let one_deleted =
        new.len() + 1 == shown.len() && (0..shown.len()).any(|i| shown[..i] == new[..i] && shown[i + 1..] == new[i..]);
    if one_deleted {
        let mut digits = digits.to_string();
        digits.pop();
        return digits;
    }
    amount_digits(typed)
}

/// An amount field's digits shown with thousands separators: `10000` → `10,000`.
pub fn grouped(digits: &str) -> String {
    match digits.parse::<i64>() {
        Ok(n) if !digits.is_empty() => Won::new(n).grouped(),
        _ => String::new(),
    }
}

/// The drawer opens without a sale only between sales, and only with a manager's approval.
pub fn no_sale_allowed(cart: &Cart, paying: bool) -> bool {
    cart.is_empty() && !paying
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_typed_for_a_category_key() {
        let check = |input: &str, expected: Result<i64, EntryProblem>| {
            assert_eq!(price(input).map(Won::get), expected, "{input:?}");
        };
        check("3500", Ok(3500));
        check("3,500", Ok(3500));
        check("9999999", Ok(9_999_999));
        check("10000000", Err(EntryProblem::TooHigh));
        check("99999999999999999999", Err(EntryProblem::TooHigh));
        check("0", Err(EntryProblem::Zero));
        check("", Err(EntryProblem::Empty));
        check("  ", Err(EntryProblem::Empty));
        check("3.5", Err(EntryProblem::NotANumber("3.5".into())));
        check("삼천", Err(EntryProblem::NotANumber("삼천".into())));
    }

    #[test]
    fn cash_handed_over() {
        let due = Won::new(6500);
        let check = |input: &str, expected: Result<i64, EntryProblem>| {
            assert_eq!(tendered(input, due).map(Won::get), expected, "{input:?}");
        };
        check("", Ok(6500));
        check("10000", Ok(10_000));
        check("10,000", Ok(10_000));
        check("3000", Ok(3000));
        check("10000001", Err(EntryProblem::TooHigh));
        check("0", Err(EntryProblem::Zero));
    }

    #[test]
    fn change_shows_as_the_amount_is_typed() {
        let due = Won::new(9500);
        let check = |input: &str, expected: CashPreview| assert_eq!(cash_preview(input, due), expected, "{input:?}");
        check("", CashPreview::Exact);
        check("1", CashPreview::Short(Won::new(9499)));
        check("10000", CashPreview::Change(Won::new(500)));
        check("9500", CashPreview::Change(Won::ZERO));
        check("50000", CashPreview::Change(Won::new(40_500)));
        check("99999999", CashPreview::TooHigh);
    }

    #[test]
    fn amount_fields_keep_digits_and_show_separators() {
        let check = |typed: &str, digits: &str, shown: &str| {
            assert_eq!(amount_digits(typed), digits, "{typed:?}");
            assert_eq!(grouped(&amount_digits(typed)), shown, "{typed:?}");
        };
        check("10000", "10000", "10,000");
        check("10,0000", "100000", "100,000");
        check("007", "7", "7");
        check("abc", "", "");
        check("123456789", "12345678", "12,345,678");
    }

    #[test]
    fn typing_into_an_amount_field_works_like_a_calculator() {
        let check = |digits: &str, typed: &str, expected: &str| {
            assert_eq!(edit_amount(digits, typed), expected, "{digits:?} then {typed:?}");
        };
        check("", "1", "1");
        check("5000", "5,0000", "50000");
        check("5000", "05,000", "50000");
        check("5000", "15,000", "50001");
        check("5000", "5,00", "500");
        check("5000", ",000", "500");
        check("5000", "5,000a", "5000");
        check("5000", "12,345", "12345");
        check("", "", "");
    }

    #[test]
    fn no_sale_only_between_sales() {
        let empty = Cart::new();
        assert!(no_sale_allowed(&empty, false));
        assert!(!no_sale_allowed(&empty, true));
    }
}
