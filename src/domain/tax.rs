//! VAT. Prices are VAT-inclusive; VAT is derived once per receipt per tax class from that class's
//! total (design.md §3), never by summing line VATs. Which class a category belongs to, and the
//! class's rate, are data set by head office.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::Won;

/// A tax class as head office defines it: `standard` at 10%, `exempt` at 0%, or any other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxClass {
    pub code: String,
    pub name_ko: String,
    pub name_en: String,
    /// Percent, e.g. `10` for the standard rate.
    pub rate_percent: Decimal,
}

impl TaxClass {
    /// The two classes Korean shops start with: `standard` (10%) and `exempt`.
    pub fn korean_defaults() -> Vec<TaxClass> {
        vec![
            TaxClass {
                code: "standard".into(),
                name_ko: "과세".into(),
                name_en: "Taxable".into(),
                rate_percent: Decimal::TEN,
            },
            TaxClass {
                code: "exempt".into(),
                name_ko: "면세".into(),
                name_en: "Exempt".into(),
                rate_percent: Decimal::ZERO,
            },
        ]
    }
}

/// One tax class's share of a receipt: gross (what the customer paid), supply (공급가액) and
/// VAT (부가세), with `supply + vat == gross` always.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatLine {
    pub class: String,
    pub rate_percent: Decimal,
    pub gross: Won,
    pub supply: Won,
    pub vat: Won,
}

impl VatLine {
    pub fn is_exempt(&self) -> bool {
        self.rate_percent.is_zero()
    }
}

/// Splits a VAT-inclusive amount: supply = round-half-up(gross ÷ (1 + rate)), VAT = the rest.
/// Halves round away from zero so a refund mirrors its sale exactly.
pub fn split(gross: Won, rate_percent: Decimal) -> (Won, Won) {
    if rate_percent.is_zero() {
        return (gross, Won::ZERO);
    }
    let divisor = Decimal::ONE + rate_percent / Decimal::ONE_HUNDRED;
    let supply = (Decimal::from(gross.get()) / divisor)
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .to_i64()
        .expect("a won amount divided by more than one fits in i64");
    let supply = Won::new(supply);
    (supply, gross - supply)
}

/// Puts VAT lines in the order receipts and screens show them: taxable classes first (as
/// Korean receipts print 공급가액/부가세 before 면세), then by class code.
pub fn print_order(lines: &mut [VatLine]) {
    lines.sort_by(|a, b| (a.is_exempt(), &a.class).cmp(&(b.is_exempt(), &b.class)));
}

/// Groups amounts by tax class and splits each class total once, in [`print_order`].
pub fn vat_breakdown<'a>(amounts: impl IntoIterator<Item = (&'a str, Decimal, Won)>) -> Vec<VatLine> {
    let mut totals: Vec<(String, Decimal, Won)> = Vec::new();
    for (class, rate, amount) in amounts {
        match totals.iter_mut().find(|(c, _, _)| c == class) {
            Some((_, _, total)) => *total += amount,
            None => totals.push((class.to_string(), rate, amount)),
        }
    }
    let mut lines: Vec<VatLine> = totals
        .into_iter()
        .map(|(class, rate_percent, gross)| {
            let (supply, vat) = split(gross, rate_percent);
            VatLine { class, rate_percent, gross, supply, vat }
        })
        .collect();
    print_order(&mut lines);
    lines
}

/// The VAT of a refund that follows `earlier` refunds of the same sale (their VAT lines summed
/// per class): each class is split on everything given back so far, less what the earlier ones
/// took, so a sale refunded in parts gives back exactly the VAT it charged, to the won.
pub fn continuing(earlier: &[VatLine], now: Vec<VatLine>) -> Vec<VatLine> {
    now.into_iter()
        .map(|line| {
            let Some(before) = earlier.iter().find(|e| e.class == line.class) else { return line };
            let (supply, vat) = split(before.gross + line.gross, line.rate_percent);
            VatLine { supply: supply - before.supply, vat: vat - before.vat, ..line }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn a_sale_refunded_in_parts_gives_back_its_vat() {
        // 2,700 won of clothing: 245 VAT. Back one at 900, then two at 1,800.
        let sale = vat_breakdown([("standard", dec!(10), Won::new(2700))]);
        let first = vat_breakdown([("standard", dec!(10), Won::new(-900))]);
        let second = continuing(&first, vat_breakdown([("standard", dec!(10), Won::new(-1800))]));
        assert_eq!((first[0].vat + second[0].vat).get(), -sale[0].vat.get());
        assert_eq!((first[0].supply + second[0].supply).get(), -sale[0].supply.get());
        assert_eq!(second[0].supply + second[0].vat, second[0].gross);
    }

    #[test]
    fn splits_like_the_design_example() {
        let check = |gross: i64, supply: i64, vat: i64| {
            assert_eq!(split(Won::new(gross), dec!(10)), (Won::new(supply), Won::new(vat)), "{gross}");
        };
        check(3000, 2727, 273);
        check(6500, 5909, 591);
        check(1100, 1000, 100);
        check(11, 10, 1);
        check(0, 0, 0);
        check(5, 5, 0); // 4.545… rounds up to 5
        check(-3000, -2727, -273);
    }

    #[test]
    fn exempt_has_no_vat() {
        assert_eq!(split(Won::new(12_000), Decimal::ZERO), (Won::new(12_000), Won::ZERO));
    }

    #[test]
    fn vat_is_taken_from_the_class_total_not_the_lines() {
        // Three 1,000 won lines: per line 909 + 91, summed 2,727 + 273 — the same here, but
        // 3 × 5 won lines show the difference: per line 5 + 0 each, per total 14 + 1.
        let lines = [("standard", dec!(10), Won::new(5)); 3];
        let breakdown = vat_breakdown(lines.iter().map(|(c, r, a)| (*c, *r, *a)));
        assert_eq!(breakdown.len(), 1);
        assert_eq!((breakdown[0].supply, breakdown[0].vat), (Won::new(14), Won::new(1)));
    }

    #[test]
    fn classes_are_kept_apart_taxable_first() {
        let lines = [
            ("standard", dec!(10), Won::new(3000)),
            ("exempt", dec!(0), Won::new(2000)),
            ("standard", dec!(10), Won::new(1500)),
        ];
        let breakdown = vat_breakdown(lines.iter().map(|(c, r, a)| (*c, *r, *a)));
        let classes: Vec<_> = breakdown.iter().map(|v| (v.class.as_str(), v.gross.get(), v.vat.get())).collect();
        assert_eq!(classes, [("standard", 4500, 409), ("exempt", 2000, 0)]);
    }
}
