//! What a scanner reads. Donated goods carry Nanum's own CODE128 tags, catalogue goods carry
//! EAN-13, and receipts carry their sale's code (design.md §3):
//!
//! - price-point tag `P` + category (3) + price in won (7) + intake ISO week `YYWW` + check digit,
//! - item tag `I` + store (3) + serial (8) + check digit,
//! - EAN-13 (a 12-digit UPC-A is read as EAN-13 with a leading zero),
//! - receipt `S` + store (3) + date `YYYYMMDD` + sale number (4),
//! - store-credit voucher `C` + store (3) + serial (8) + check digit.
//!
//! Tags use the GS1 mod-10 check digit, which catches every single-digit error. A bad read is
//! rejected with the reason, never guessed at.

use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::Won;

/// What a code turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Code {
    Price(PriceTag),
    Item(ItemTag),
    Ean13(Ean13),
    Receipt(ReceiptCode),
    Credit(CreditCode),
}

impl Code {
    pub fn kind(&self) -> CodeKind {
        match self {
            Code::Price(_) => CodeKind::PriceTag,
            Code::Item(_) => CodeKind::ItemTag,
            Code::Ean13(_) => CodeKind::Ean13,
            Code::Receipt(_) => CodeKind::Receipt,
            Code::Credit(_) => CodeKind::Credit,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CodeKind {
    PriceTag,
    ItemTag,
    Ean13,
    Receipt,
    Credit,
}

impl fmt::Display for CodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CodeKind::PriceTag => "price tag",
            CodeKind::ItemTag => "item tag",
            CodeKind::Ean13 => "EAN-13",
            CodeKind::Receipt => "receipt",
            CodeKind::Credit => "store credit voucher",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("nothing was scanned")]
    Empty,
    #[error("'{code}' is not a Nanum tag, receipt or EAN-13 barcode")]
    Unknown { code: String },
    #[error("a {kind} has {expected} characters, this one has {found}")]
    Length { kind: CodeKind, expected: usize, found: usize },
    #[error("a {kind} has only digits after its letter")]
    NotDigits { kind: CodeKind },
    #[error("the {kind}'s check digit is {found}, it should be {expected}: a misread or a typo")]
    CheckDigit { kind: CodeKind, expected: u8, found: u8 },
    #[error("the intake week {yyww} does not exist")]
    Week { yyww: String },
    #[error("the receipt date {yyyymmdd} does not exist")]
    Date { yyyymmdd: String },
    #[error("the price on the tag is zero")]
    ZeroPrice,
}

impl CodeError {
    pub fn kind(&self) -> Option<CodeKind> {
        match self {
            CodeError::Length { kind, .. } | CodeError::NotDigits { kind } | CodeError::CheckDigit { kind, .. } => {
                Some(*kind)
            }
            CodeError::Week { .. } | CodeError::ZeroPrice => Some(CodeKind::PriceTag),
            CodeError::Date { .. } => Some(CodeKind::Receipt),
            CodeError::Empty | CodeError::Unknown { .. } => None,
        }
    }
}

/// GS1 mod-10 check digit: weights 3, 1, 3, … from the rightmost digit.
pub fn gs1_check_digit(digits: &[u8]) -> u8 {
    let sum: u32 = digits.iter().rev().enumerate().map(|(i, d)| u32::from(*d) * if i % 2 == 0 { 3 } else { 1 }).sum();
    ((10 - sum % 10) % 10) as u8
}

/// An ISO 8601 week (Monday to Sunday), as printed on a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct IsoWeek {
    year: i32,
    week: u32,
}

impl IsoWeek {
    pub fn new(year: i32, week: u32) -> Option<IsoWeek> {
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
        Some(IsoWeek { year, week })
    }

    pub fn of(date: NaiveDate) -> IsoWeek {
        let w = date.iso_week();
        IsoWeek { year: w.year(), week: w.week() }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn week(self) -> u32 {
        self.week
    }

    pub fn monday(self) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon).expect("checked when made")
    }

    /// Whole weeks from `self` to `later` (negative when `later` is earlier).
    pub fn weeks_until(self, later: IsoWeek) -> i64 {
        (later.monday() - self.monday()).num_weeks()
    }

    pub fn plus_weeks(self, weeks: i64) -> IsoWeek {
        IsoWeek::of(self.monday() + chrono::Duration::weeks(weeks))
    }

    /// `YYWW`, as a tag carries it. Tags only hold years 2000–2099.
    pub fn yyww(self) -> String {
        format!("{:02}{:02}", self.year.rem_euclid(100), self.week)
    }

    pub fn from_yyww(yyww: &str) -> Option<IsoWeek> {
        let yy: i32 = yyww.get(0..2)?.parse().ok()?;
        let ww: u32 = yyww.get(2..4)?.parse().ok()?;
        IsoWeek::new(2000 + yy, ww)
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-W{:02}", self.year, self.week)
    }
}

/// A donated item priced by tag alone: the scan says category, price and intake week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceTag {
    pub category: u16,
    pub price: Won,
    pub intake: IsoWeek,
}

impl PriceTag {
    pub const LEN: usize = 16;
    pub const MAX_PRICE: i64 = 9_999_999;

    /// `None` if a part does not fit in its field.
    pub fn new(category: u16, price: Won, intake: IsoWeek) -> Option<PriceTag> {
        let fits =
            category <= 999 && (1..=Self::MAX_PRICE).contains(&price.get()) && (2000..=2099).contains(&intake.year());
        fits.then_some(PriceTag { category, price, intake })
    }

    pub fn category_code(&self) -> String {
        format!("{:03}", self.category)
    }

    pub fn code(&self) -> String {
        let body = format!("{:03}{:07}{}", self.category, self.price.get(), self.intake.yyww());
        format!("P{body}{}", gs1_check_digit(&digits(&body)))
    }
}

/// A unique item with its own row in the store (description, price, condition, donation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ItemTag {
    pub store: u16,
    pub serial: u32,
}

impl ItemTag {
    pub const LEN: usize = 13;

    pub fn new(store: u16, serial: u32) -> Option<ItemTag> {
        (store <= 999 && serial <= 99_999_999).then_some(ItemTag { store, serial })
    }

    pub fn code(&self) -> String {
        let body = format!("{:03}{:08}", self.store, self.serial);
        format!("I{body}{}", gs1_check_digit(&digits(&body)))
    }
}

/// A store-credit voucher, printed when a refund goes to store credit (or a manager issues
/// one); the balance lives in the store's records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CreditCode {
    pub store: u16,
    pub serial: u32,
}

impl CreditCode {
    pub const LEN: usize = 13;

    pub fn new(store: u16, serial: u32) -> Option<CreditCode> {
        (store <= 999 && serial <= 99_999_999).then_some(CreditCode { store, serial })
    }

    pub fn code(&self) -> String {
        let body = format!("{:03}{:08}", self.store, self.serial);
        format!("C{body}{}", gs1_check_digit(&digits(&body)))
    }
}

/// A catalogue product's EAN-13 (fair-trade coffee, tea, crafts).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Ean13(String);

impl Ean13 {
    /// Completes twelve digits with their check digit.
    pub fn from_body(body: &str) -> Option<Ean13> {
        (body.len() == 12 && body.bytes().all(|b| b.is_ascii_digit()))
            .then(|| Ean13(format!("{body}{}", gs1_check_digit(&digits(body)))))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Ean13 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The code printed under a receipt: which store, which day, which sale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptCode {
    pub store: u16,
    pub date: NaiveDate,
    pub sale_no: u32,
}

impl ReceiptCode {
    pub const LEN: usize = 16;

    pub fn code(&self) -> String {
        format!("S{:03}{}{:04}", self.store, self.date.format("%Y%m%d"), self.sale_no)
    }
}

fn digits(s: &str) -> Vec<u8> {
    s.bytes().map(|b| b - b'0').collect()
}

fn check_length(kind: CodeKind, code: &str, expected: usize) -> Result<(), CodeError> {
    let found = code.chars().count();
    if found == expected { Ok(()) } else { Err(CodeError::Length { kind, expected, found }) }
}

/// Splits an all-digit body into its digits and verifies the last one as the check digit.
fn checked_digits(kind: CodeKind, body: &str) -> Result<Vec<u8>, CodeError> {
    if !body.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CodeError::NotDigits { kind });
    }
    let all = digits(body);
    let (data, check) = all.split_at(all.len() - 1);
    let expected = gs1_check_digit(data);
    if check[0] != expected {
        return Err(CodeError::CheckDigit { kind, expected, found: check[0] });
    }
    Ok(data.to_vec())
}

/// The keys on a Korean (두벌식) keyboard that type each jamo.
fn jamo_keys(jamo: char) -> Option<&'static str> {
    const JAMO: &[(char, &str)] = &[
        ('ㄱ', "r"),
        ('ㄲ', "R"),
        ('ㄳ', "rt"),
        ('ㄴ', "s"),
        ('ㄵ', "sw"),
        ('ㄶ', "sg"),
        ('ㄷ', "e"),
        ('ㄸ', "E"),
        ('ㄹ', "f"),
        ('ㄺ', "fr"),
        ('ㄻ', "fa"),
        ('ㄼ', "fq"),
        ('ㄽ', "ft"),
        ('ㄾ', "fx"),
        ('ㄿ', "fv"),
        ('ㅀ', "fg"),
        ('ㅁ', "a"),
        ('ㅂ', "q"),
        ('ㅃ', "Q"),
        ('ㅄ', "qt"),
        ('ㅅ', "t"),
        ('ㅆ', "T"),
        ('ㅇ', "d"),
        ('ㅈ', "w"),
        ('ㅉ', "W"),
        ('ㅊ', "c"),
        ('ㅋ', "z"),
        ('ㅌ', "x"),
        ('ㅍ', "v"),
        ('ㅎ', "g"),
        ('ㅏ', "k"),
        ('ㅐ', "o"),
        ('ㅑ', "i"),
        ('ㅒ', "O"),
        ('ㅓ', "j"),
        ('ㅔ', "p"),
        ('ㅕ', "u"),
        ('ㅖ', "P"),
        ('ㅗ', "h"),
        ('ㅘ', "hk"),
        ('ㅙ', "ho"),
        ('ㅚ', "hl"),
        ('ㅛ', "y"),
        ('ㅜ', "n"),
        ('ㅝ', "nj"),
        ('ㅞ', "np"),
        ('ㅟ', "nl"),
        ('ㅠ', "b"),
        ('ㅡ', "m"),
        ('ㅢ', "ml"),
        ('ㅣ', "l"),
    ];
    JAMO.iter().find(|(j, _)| *j == jamo).map(|(_, keys)| *keys)
}

/// Undoes the Korean input mode: a keyboard-wedge scanner "typing" `P0120…` while the till is in
/// 한글 mode arrives as `ㅔ0120…` (or composed syllables); this gives back the keys pressed.
pub fn as_typed_keys(text: &str) -> String {
    const LEADS: &[char] = &[
        'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ',
        'ㅎ',
    ];
    const VOWELS: &[char] = &[
        'ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅘ', 'ㅙ', 'ㅚ', 'ㅛ', 'ㅜ', 'ㅝ', 'ㅞ', 'ㅟ', 'ㅠ',
        'ㅡ', 'ㅢ', 'ㅣ',
    ];
    const TAILS: &[char] = &[
        'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ', 'ㅂ', 'ㅄ',
        'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ',
    ];
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some(keys) = jamo_keys(c) {
            out.push_str(keys);
        } else if ('가'..='힣').contains(&c) {
            let index = c as u32 - '가' as u32;
            let (lead, vowel, tail) = (index / (21 * 28), index % (21 * 28) / 28, index % 28);
            for jamo in [
                Some(LEADS[lead as usize]),
                Some(VOWELS[vowel as usize]),
                tail.checked_sub(1).map(|t| TAILS[t as usize]),
            ]
            .into_iter()
            .flatten()
            {
                out.push_str(jamo_keys(jamo).unwrap_or_default());
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Reads a scanned or typed code. Surrounding whitespace and control characters (scanner
/// suffixes) are ignored, a lower-case prefix letter is accepted, and a code typed with the
/// Korean input mode on is read as the keys it was typed with.
pub fn parse(raw: &str) -> Result<Code, CodeError> {
    let typed;
    let raw = if raw.chars().any(|c| ('ㄱ'..='ㅣ').contains(&c) || ('가'..='힣').contains(&c)) {
        typed = as_typed_keys(raw);
        typed.as_str()
    } else {
        raw
    };
    let code = raw.trim_matches(|c: char| c.is_whitespace() || c.is_control());
    let mut chars = code.chars();
    let Some(first) = chars.next() else { return Err(CodeError::Empty) };
    let rest = chars.as_str();
    match first.to_ascii_uppercase() {
        'P' => parse_price_tag(code, rest).map(Code::Price),
        'I' => parse_item_tag(code, rest).map(Code::Item),
        'S' => parse_receipt(code, rest).map(Code::Receipt),
        'C' => parse_credit(code, rest).map(Code::Credit),
        d if d.is_ascii_digit() => parse_ean(code).map(Code::Ean13),
        _ => Err(CodeError::Unknown { code: code.to_string() }),
    }
}

fn parse_price_tag(code: &str, body: &str) -> Result<PriceTag, CodeError> {
    let kind = CodeKind::PriceTag;
    check_length(kind, code, PriceTag::LEN)?;
    checked_digits(kind, body)?;
    let category: u16 = body[0..3].parse().expect("digits");
    let price = Won::new(body[3..10].parse().expect("digits"));
    let yyww = &body[10..14];
    let intake = IsoWeek::from_yyww(yyww).ok_or_else(|| CodeError::Week { yyww: yyww.to_string() })?;
    if !price.is_positive() {
        return Err(CodeError::ZeroPrice);
    }
    Ok(PriceTag { category, price, intake })
}

fn parse_item_tag(code: &str, body: &str) -> Result<ItemTag, CodeError> {
    let kind = CodeKind::ItemTag;
    check_length(kind, code, ItemTag::LEN)?;
    checked_digits(kind, body)?;
    Ok(ItemTag { store: body[0..3].parse().expect("digits"), serial: body[3..11].parse().expect("digits") })
}

fn parse_credit(code: &str, body: &str) -> Result<CreditCode, CodeError> {
    let kind = CodeKind::Credit;
    check_length(kind, code, CreditCode::LEN)?;
    checked_digits(kind, body)?;
    Ok(CreditCode { store: body[0..3].parse().expect("digits"), serial: body[3..11].parse().expect("digits") })
}

fn parse_ean(code: &str) -> Result<Ean13, CodeError> {
    let kind = CodeKind::Ean13;
    // UPC-A is EAN-13 with the leading zero left off.
    let full = if code.len() == 12 && code.bytes().all(|b| b.is_ascii_digit()) {
        format!("0{code}")
    } else {
        code.to_string()
    };
    check_length(kind, &full, 13)?;
    checked_digits(kind, &full)?;
    Ok(Ean13(full))
}

fn parse_receipt(code: &str, body: &str) -> Result<ReceiptCode, CodeError> {
    let kind = CodeKind::Receipt;
    check_length(kind, code, ReceiptCode::LEN)?;
    if !body.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CodeError::NotDigits { kind });
    }
    let yyyymmdd = &body[3..11];
    let date = NaiveDate::parse_from_str(yyyymmdd, "%Y%m%d")
        .map_err(|_| CodeError::Date { yyyymmdd: yyyymmdd.to_string() })?;
    Ok(ReceiptCode { store: body[0..3].parse().expect("digits"), date, sale_no: body[11..15].parse().expect("digits") })
}

/// `2026-W01`.
pub fn parse_week(text: &str) -> Option<IsoWeek> {
    let (year, week) = text.split_once("-W")?;
    IsoWeek::new(year.parse().ok()?, week.parse().ok()?)
}

#[cfg(test)]
mod tests;
