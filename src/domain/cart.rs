//! The sale being rung up: its lines, discounts, a round-up donation, and its totals and VAT.
//! The cart is kept in the database as it is built (see `store`), and committed in one
//! transaction when it is paid.
//!
//! A [`Line`] is also a line of a committed document. A refund's lines have negative quantities,
//! so every sum over a day's documents nets refunds out by itself, and the VAT of a full refund
//! mirrors its sale exactly.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::discount::{Discount, share};
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
    /// The customer's round-up to the next 1,000 won: a gift, not revenue, with no VAT.
    Donation,
}

impl LineKind {
    pub const ALL: [LineKind; 5] =
        [LineKind::PriceTag, LineKind::ItemTag, LineKind::Stock, LineKind::CategoryKey, LineKind::Donation];

    pub fn as_str(self) -> &'static str {
        match self {
            LineKind::PriceTag => "price_tag",
            LineKind::ItemTag => "item_tag",
            LineKind::Stock => "stock",
            LineKind::CategoryKey => "category_key",
            LineKind::Donation => "donation",
        }
    }

    pub fn parse(s: &str) -> Option<LineKind> {
        LineKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub kind: LineKind,
    /// The scanned tag or EAN-13; `None` for a category key or a donation.
    pub code: Option<String>,
    pub name_ko: String,
    pub name_en: String,
    pub category: Option<String>,
    /// Empty for a donation, which has no tax class.
    pub tax_class: String,
    pub tax_rate_percent: Decimal,
    /// The price before any markdown.
    pub list_price: Won,
    /// What one unit sells for, after the colour markdown.
    pub unit_price: Won,
    /// Negative on a refund.
    pub quantity: i32,
    pub markdown: Option<Markdown>,
    /// Taken off the line by a discount (the markdown is already in `unit_price`).
    #[serde(default)]
    pub discount: Won,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_reason: Option<String>,
    /// On a refund or void: the number of the sale's line it takes back (from 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_line: Option<u32>,
}

impl Line {
    /// Before any discount.
    pub fn gross(&self) -> Won {
        self.unit_price * i64::from(self.quantity)
    }

    pub fn amount(&self) -> Won {
        self.gross() - self.discount
    }

    pub fn is_goods(&self) -> bool {
        self.kind != LineKind::Donation
    }

    /// The round-up donation line for `amount`.
    pub fn donation(amount: Won) -> Line {
        Line {
            kind: LineKind::Donation,
            code: None,
            name_ko: "나눔 기부".into(),
            name_en: "Round-up donation".into(),
            category: None,
            tax_class: String::new(),
            tax_rate_percent: Decimal::ZERO,
            list_price: amount,
            unit_price: amount,
            quantity: 1,
            markdown: None,
            discount: Won::ZERO,
            discount_reason: None,
            refers_line: None,
        }
    }

    /// `quantity` of the units of this line (line `line_no` of its sale), as a refund line
    /// (negative), after `already` units came back earlier. Its share of any discount goes with
    /// it, worked out on all the units back so far, so a line returned in parts comes back to
    /// the won.
    pub fn returned(&self, line_no: u32, quantity: i32, already: i32) -> Line {
        let units = |n: i32| share(self.discount, i64::from(n), i64::from(self.quantity));
        Line {
            quantity: -quantity,
            discount: -(units(already + quantity) - units(already)),
            refers_line: Some(line_no),
            ..self.clone()
        }
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
    #[error("the discount is more than the price")]
    DiscountTooLarge,
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
    /// the same catalogue product again adds one to its quantity. The round-up donation stays
    /// last.
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
            LineKind::Donation => {
                self.lines.retain(Line::is_goods);
                self.lines.push(line);
                return Ok(self.lines.len() - 1);
            }
            LineKind::PriceTag | LineKind::CategoryKey => {}
        }
        let at = self.lines.iter().position(|l| !l.is_goods()).unwrap_or(self.lines.len());
        self.lines.insert(at, line);
        Ok(at)
    }

    pub fn remove(&mut self, index: usize) -> Option<Line> {
        (index < self.lines.len()).then(|| self.lines.remove(index))
    }

    /// Sets how many of line `index` are sold; returns how many there were. A unique item's
    /// line stays at one. A discount given as an amount is kept; one given as a percentage
    /// would be out of date, so changing the quantity drops it.
    pub fn set_quantity(&mut self, index: usize, quantity: u32) -> Result<u32, CartError> {
        let max = super::register::MAX_QUANTITY;
        let line = self.lines.get_mut(index).ok_or(CartError::NoLine { index })?;
        if line.kind == LineKind::ItemTag && quantity != 1 {
            return Err(CartError::OneOfAKind);
        }
        if !(1..=max).contains(&quantity) || line.kind == LineKind::Donation {
            return Err(CartError::Quantity { max });
        }
        let before = line.quantity;
        line.quantity = quantity as i32;
        if line.discount > line.gross() {
            line.discount = Won::ZERO;
            line.discount_reason = None;
        }
        Ok(before.unsigned_abs())
    }

    /// Gives line `index` a discount (replacing any it had). Returns the amount taken off.
    pub fn discount_line(&mut self, index: usize, discount: &Discount, step: Won) -> Result<Won, CartError> {
        let line = self.lines.get_mut(index).filter(|l| l.is_goods()).ok_or(CartError::NoLine { index })?;
        let off = discount.off(line.gross(), step);
        if off > line.gross() {
            return Err(CartError::DiscountTooLarge);
        }
        line.discount = off;
        line.discount_reason = Some(discount.reason.clone());
        Ok(off)
    }

    /// A discount on the whole sale, shared out over its goods in proportion to what each line
    /// comes to (so each tax class carries its own part), on top of any line discounts.
    /// Returns the amount taken off.
    pub fn discount_sale(&mut self, discount: &Discount, step: Won) -> Result<Won, CartError> {
        let base = self.goods_total();
        let off = discount.off(base, step);
        if off > base {
            return Err(CartError::DiscountTooLarge);
        }
        let amounts: Vec<Won> = self.lines.iter().filter(|l| l.is_goods()).map(Line::amount).collect();
        let parts = super::discount::allocate(off, &amounts);
        for (line, part) in self.lines.iter_mut().filter(|l| l.is_goods()).zip(parts) {
            if part.is_positive() {
                line.discount += part;
                line.discount_reason = Some(discount.reason.clone());
            }
        }
        Ok(off)
    }

    /// What the discounts take off the sale.
    pub fn discounts(&self) -> Won {
        self.lines.iter().map(|l| l.discount).sum()
    }

    /// What the colour markdowns take off the sale (before discounts).
    pub fn markdowns(&self) -> Won {
        self.lines.iter().filter(|l| l.is_goods()).map(|l| (l.list_price - l.unit_price) * i64::from(l.quantity)).sum()
    }

    /// Rounds the total up to the next 1,000 won with a donation line, or takes the donation
    /// out again (`on` false). Returns the donation.
    pub fn round_up(&mut self, on: bool) -> Won {
        self.lines.retain(Line::is_goods);
        let total = self.goods_total();
        let up = Won::new((1000 - total.get().rem_euclid(1000)) % 1000);
        if on && up.is_positive() && total.is_positive() {
            self.lines.push(Line::donation(up));
            up
        } else {
            Won::ZERO
        }
    }

    pub fn donation(&self) -> Won {
        self.lines.iter().filter(|l| !l.is_goods()).map(Line::amount).sum()
    }

    pub fn clear(&mut self) {
        self.lines.clear();
    }

    /// What the customer pays: goods and any donation.
    pub fn total(&self) -> Won {
        self.lines.iter().map(Line::amount).sum()
    }

    /// The goods alone: the store's revenue.
    pub fn goods_total(&self) -> Won {
        self.lines.iter().filter(|l| l.is_goods()).map(Line::amount).sum()
    }

    pub fn item_count(&self) -> u32 {
        self.lines.iter().filter(|l| l.is_goods()).map(|l| l.quantity.unsigned_abs()).sum()
    }

    pub fn vat(&self) -> Vec<VatLine> {
        vat_of(&self.lines)
    }
}

/// The VAT split of a document's lines: per tax class, the donation left out.
pub fn vat_of(lines: &[Line]) -> Vec<VatLine> {
    vat_breakdown(lines.iter().filter(|l| l.is_goods()).map(|l| (l.tax_class.as_str(), l.tax_rate_percent, l.amount())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::discount::How;
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
            discount: Won::ZERO,
            discount_reason: None,
            refers_line: None,
        }
    }

    fn book(price: i64) -> Line {
        Line { tax_class: "exempt".into(), tax_rate_percent: dec!(0), ..line(LineKind::CategoryKey, None, price) }
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
    fn the_round_up_is_a_donation_outside_revenue_and_vat() {
        let mut cart = Cart::new();
        cart.add(line(LineKind::PriceTag, None, 8700)).unwrap();
        assert_eq!(cart.round_up(true), Won::new(300));
        assert_eq!((cart.total().get(), cart.goods_total().get(), cart.donation().get()), (9000, 8700, 300));
        assert_eq!(cart.vat()[0].gross.get(), 8700, "no VAT on the gift");
        // An item added later goes before the donation; rounding again follows the new total.
        cart.add(book(1500)).unwrap();
        assert_eq!(cart.lines().last().unwrap().kind, LineKind::Donation);
        assert_eq!(cart.round_up(true), Won::new(800));
        assert_eq!(cart.total().get(), 11_000);
        assert_eq!(cart.round_up(false), Won::ZERO);
        assert_eq!(cart.total().get(), 10_200);
        // A round sum has nothing to round.
        let mut even = Cart::new();
        even.add(line(LineKind::PriceTag, None, 5000)).unwrap();
        assert_eq!(even.round_up(true), Won::ZERO);
        assert_eq!(even.lines().len(), 1);
    }

    #[test]
    fn a_sale_discount_is_shared_over_the_tax_classes_to_the_won() {
        let mut cart = Cart::new();
        cart.add(line(LineKind::PriceTag, None, 7000)).unwrap();
        cart.add(book(3000)).unwrap();
        let discount = Discount { how: How::Amount(Won::new(1000)), reason: "단골".into() };
        assert_eq!(cart.discount_sale(&discount, Won::new(100)), Ok(Won::new(1000)));
        let parts: Vec<i64> = cart.lines().iter().map(|l| l.discount.get()).collect();
        assert_eq!(parts, [700, 300]);
        assert_eq!(cart.total().get(), 9000);
        let vat: Vec<(String, i64)> = cart.vat().into_iter().map(|v| (v.class, v.gross.get())).collect();
        assert_eq!(vat, [("standard".into(), 6300), ("exempt".into(), 2700)]);
        assert_eq!(cart.discounts().get(), 1000);
    }

    #[test]
    fn a_line_discount_in_percent_rounds_the_price_down_to_the_step() {
        let mut cart = Cart::new();
        cart.add(line(LineKind::PriceTag, None, 3500)).unwrap();
        let discount = Discount { how: How::Percent(dec!(15)), reason: "흠집".into() };
        // 3,500 less 15% is 2,975, rounded down to 2,900: 600 off.
        assert_eq!(cart.discount_line(0, &discount, Won::new(100)), Ok(Won::new(600)));
        assert_eq!(cart.total().get(), 2900);
        let too_much = Discount { how: How::Amount(Won::new(4000)), reason: "x".into() };
        assert_eq!(cart.discount_line(0, &too_much, Won::new(100)), Err(CartError::DiscountTooLarge));
    }

    #[test]
    fn a_returned_line_carries_its_share_of_the_discount() {
        let mut sold = line(LineKind::Stock, Some("8801234567893"), 1000);
        sold.quantity = 3;
        sold.discount = Won::new(100);
        let back = sold.returned(2, 1, 0);
        assert_eq!((back.quantity, back.discount.get(), back.amount().get()), (-1, -33, -967));
        assert_eq!(back.refers_line, Some(2));
        assert_eq!(sold.returned(2, 3, 0).amount(), -sold.amount(), "a whole line comes back to the won");
        let rest = sold.returned(2, 2, 1);
        assert_eq!((rest.discount.get(), (back.amount() + rest.amount()).get()), (-67, -2900), "in parts too");
    }
}
