//! The sale being rung up: its lines, its total and VAT, and how it is paid. A cart lives only
//! in memory until it is paid; then `store` commits it in one transaction.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Markdown, VatLine, Won, vat_breakdown};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// A donated item priced by its price-point tag.
    PriceTag,
    /// A unique donated item with its own row.
    ItemTag,
    /// A catalogue product sold by EAN-13 (coffee, tea, crafts).
    Stock,
    /// An untagged item sold with a category key at a typed price.
    CategoryKey,
}

impl LineKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LineKind::PriceTag => "price_tag",
            LineKind::ItemTag => "item_tag",
            LineKind::Stock => "stock",
            LineKind::CategoryKey => "category_key",
        }
    }

    pub fn parse(s: &str) -> Option<LineKind> {
        [LineKind::PriceTag, LineKind::ItemTag, LineKind::Stock, LineKind::CategoryKey]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub kind: LineKind,
    /// The scanned tag or EAN-13; `None` for a category key.
    pub code: Option<String>,
    pub name_ko: String,
    pub name_en: String,
    pub category: Option<String>,
    pub tax_class: String,
    pub tax_rate_percent: Decimal,
    /// The price before any markdown.
    pub list_price: Won,
    /// What one unit sells for.
    pub unit_price: Won,
    pub quantity: u32,
    pub markdown: Option<Markdown>,
}

impl Line {
    pub fn amount(&self) -> Won {
        self.unit_price * i64::from(self.quantity)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CartError {
    #[error("{code} is already in this sale")]
    AlreadyInCart { code: String },
    #[error("a price must be more than zero")]
    ZeroPrice,
    #[error("a one-of-a-kind item is sold one at a time")]
    OneOfAKind,
    #[error("a quantity is from 1 to {max}")]
    Quantity { max: u32 },
    #[error("there is no line {index}")]
    NoLine { index: usize },
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cart {
    lines: Vec<Line>,
}

impl Cart {
    pub fn new() -> Cart {
        Cart::default()
    }

    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Adds a line and returns its index. A unique item tag may be in the sale once; scanning
    /// the same catalogue product again adds one to its quantity.
    pub fn add(&mut self, line: Line) -> Result<usize, CartError> {
        if !line.unit_price.is_positive() {
            return Err(CartError::ZeroPrice);
        }
        let same_code = |l: &&mut Line| l.kind == line.kind && l.code.is_some() && l.code == line.code;
        match line.kind {
            LineKind::ItemTag => {
                if self.lines.iter_mut().any(|l| same_code(&l)) {
                    return Err(CartError::AlreadyInCart { code: line.code.unwrap_or_default() });
                }
            }
            LineKind::Stock => {
                if let Some(index) = self.lines.iter_mut().position(|l| same_code(&l)) {
                    self.lines[index].quantity += line.quantity;
                    return Ok(index);
                }
            }
            LineKind::PriceTag | LineKind::CategoryKey => {}
        }
        self.lines.push(line);
        Ok(self.lines.len() - 1)
    }

    pub fn remove(&mut self, index: usize) -> Option<Line> {
        (index < self.lines.len()).then(|| self.lines.remove(index))
    }

    /// Sets how many of line `index` are sold; returns how many there were. A unique item's
    /// line stays at one.
    pub fn set_quantity(&mut self, index: usize, quantity: u32) -> Result<u32, CartError> {
        let max = super::register::MAX_QUANTITY;
        let line = self.lines.get_mut(index).ok_or(CartError::NoLine { index })?;
        if line.kind == LineKind::ItemTag && quantity != 1 {
            return Err(CartError::OneOfAKind);
        }
        if !(1..=max).contains(&quantity) {
            return Err(CartError::Quantity { max });
        }
        Ok(std::mem::replace(&mut line.quantity, quantity))
    }

    pub fn clear(&mut self) {
        self.lines.clear();
    }

    pub fn total(&self) -> Won {
        self.lines.iter().map(Line::amount).sum()
    }

    pub fn item_count(&self) -> u32 {
        self.lines.iter().map(|l| l.quantity).sum()
    }

    pub fn vat(&self) -> Vec<VatLine> {
        vat_breakdown(self.lines.iter().map(|l| (l.tax_class.as_str(), l.tax_rate_percent, l.amount())))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TenderKind {
    Cash,
    /// Paid on the separate card terminal; only the amount is recorded.
    Card,
}

impl TenderKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TenderKind::Cash => "cash",
            TenderKind::Card => "card",
        }
    }

    pub fn parse(s: &str) -> Option<TenderKind> {
        [TenderKind::Cash, TenderKind::Card].into_iter().find(|k| k.as_str() == s)
    }
}

/// One way the customer paid. `amount` is what goes towards the sale; `tendered` is what was
/// handed over (more than `amount` only for cash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tender {
    pub kind: TenderKind,
    pub amount: Won,
    pub tendered: Won,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub tenders: Vec<Tender>,
    /// Given back in cash; only ever computed from cash.
    pub change: Won,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaymentError {
    #[error("the sale has nothing in it")]
    EmptySale,
    #[error("{short} won short")]
    NotEnough { short: Won },
}

impl Payment {
    pub fn cash(total: Won, tendered: Won) -> Result<Payment, PaymentError> {
        if !total.is_positive() {
            return Err(PaymentError::EmptySale);
        }
        if tendered < total {
            return Err(PaymentError::NotEnough { short: total - tendered });
        }
        Ok(Payment {
            tenders: vec![Tender { kind: TenderKind::Cash, amount: total, tendered }],
            change: tendered - total,
        })
    }

    pub fn card(total: Won) -> Result<Payment, PaymentError> {
        if !total.is_positive() {
            return Err(PaymentError::EmptySale);
        }
        Ok(Payment {
            tenders: vec![Tender { kind: TenderKind::Card, amount: total, tendered: total }],
            change: Won::ZERO,
        })
    }

    pub fn paid(&self) -> Won {
        self.tenders.iter().map(|t| t.amount).sum()
    }

    pub fn cash_taken(&self) -> Won {
        self.tenders.iter().filter(|t| t.kind == TenderKind::Cash).map(|t| t.amount).sum()
    }

    pub fn has_cash(&self) -> bool {
        self.tenders.iter().any(|t| t.kind == TenderKind::Cash)
    }
}

/// Amounts a customer is likely to hand over for `total`: the exact sum, then the next round
/// 1,000 / 5,000 / 10,000 / 50,000, without repeats.
pub fn likely_tenders(total: Won) -> Vec<Won> {
    let mut out = vec![total];
    for step in [1_000, 5_000, 10_000, 50_000] {
        let up = Won::new((total.get() + step - 1).div_euclid(step) * step);
        if !out.contains(&up) && up.is_positive() {
            out.push(up);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    pub fn line(kind: LineKind, code: Option<&str>, price: i64) -> Line {
        Line {
            kind,
            code: code.map(str::to_string),
            name_ko: "의류".into(),
            name_en: "Clothing".into(),
            category: Some("001".into()),
            tax_class: "standard".into(),
            tax_rate_percent: dec!(10),
            list_price: Won::new(price),
            unit_price: Won::new(price),
            quantity: 1,
            markdown: None,
        }
    }

    #[test]
    fn totals_and_vat_of_a_small_sale() {
        let mut cart = Cart::new();
        cart.add(line(LineKind::PriceTag, Some("P012000350026267"), 3500)).unwrap();
        cart.add(line(LineKind::PriceTag, Some("P012000350026267"), 3500)).unwrap();
        cart.add(line(LineKind::CategoryKey, None, 1000)).unwrap();
        assert_eq!(cart.total(), Won::new(8000));
        let vat = cart.vat();
        assert_eq!((vat[0].supply.get(), vat[0].vat.get()), (7273, 727));
    }

    #[test]
    fn a_unique_item_is_sold_once() {
        let mut cart = Cart::new();
        cart.add(line(LineKind::ItemTag, Some("I001000123454"), 20_000)).unwrap();
        assert_eq!(
            cart.add(line(LineKind::ItemTag, Some("I001000123454"), 20_000)),
            Err(CartError::AlreadyInCart { code: "I001000123454".into() })
        );
        assert_eq!(cart.lines().len(), 1);
    }

    #[test]
    fn scanning_a_product_again_adds_to_its_quantity() {
        let mut cart = Cart::new();
        cart.add(line(LineKind::Stock, Some("8801234567893"), 12_000)).unwrap();
        assert_eq!(cart.add(line(LineKind::Stock, Some("8801234567893"), 12_000)), Ok(0));
        assert_eq!((cart.lines().len(), cart.item_count(), cart.total().get()), (1, 2, 24_000));
    }

    #[test]
    fn quantities_change_within_limits_and_unique_items_stay_single() {
        let mut cart = Cart::new();
        cart.add(line(LineKind::Stock, Some("8801234567893"), 12_000)).unwrap();
        cart.add(line(LineKind::ItemTag, Some("I001000123454"), 20_000)).unwrap();
        assert_eq!(cart.set_quantity(0, 3), Ok(1));
        assert_eq!(cart.total().get(), 56_000);
        assert_eq!(cart.set_quantity(0, 0), Err(CartError::Quantity { max: 999 }));
        assert_eq!(cart.set_quantity(0, 1000), Err(CartError::Quantity { max: 999 }));
        assert_eq!(cart.set_quantity(1, 2), Err(CartError::OneOfAKind));
        assert_eq!(cart.set_quantity(5, 2), Err(CartError::NoLine { index: 5 }));
        assert_eq!(cart.item_count(), 4);
    }

    #[test]
    fn zero_prices_and_bad_indexes_are_refused() {
        let mut cart = Cart::new();
        assert_eq!(cart.add(line(LineKind::CategoryKey, None, 0)), Err(CartError::ZeroPrice));
        assert_eq!(cart.remove(0), None);
    }

    #[test]
    fn likely_tenders_round_up_to_notes() {
        let check = |total: i64, expected: &[i64]| {
            assert_eq!(likely_tenders(Won::new(total)), expected.iter().map(|w| Won::new(*w)).collect::<Vec<_>>());
        };
        check(6500, &[6500, 7000, 10_000, 50_000]);
        check(10_000, &[10_000, 50_000]);
        check(51_200, &[51_200, 52_000, 55_000, 60_000, 100_000]);
    }

    #[test]
    fn cash_gives_change_card_does_not() {
        let paid = Payment::cash(Won::new(6500), Won::new(10_000)).unwrap();
        assert_eq!((paid.change.get(), paid.cash_taken().get()), (3500, 6500));
        assert_eq!(
            Payment::cash(Won::new(6500), Won::new(5000)),
            Err(PaymentError::NotEnough { short: Won::new(1500) })
        );
        let card = Payment::card(Won::new(6500)).unwrap();
        assert_eq!((card.change, card.has_cash()), (Won::ZERO, false));
        assert_eq!(Payment::card(Won::ZERO), Err(PaymentError::EmptySale));
    }
}
