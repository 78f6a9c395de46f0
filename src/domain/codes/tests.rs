//! Codes read back as written, and every kind of mistake named.

use super::*;

fn check(input: &str, expected: Result<Code, CodeError>) {
    assert_eq!(parse(input), expected, "{input:?}");
}

fn week(year: i32, week: u32) -> IsoWeek {
    IsoWeek::new(year, week).unwrap()
}

#[test]
fn reads_the_design_examples() {
    check(
        "P012000350026267",
        Ok(Code::Price(PriceTag { category: 12, price: Won::new(3500), intake: week(2026, 26) })),
    );
    check("I001000123454", Ok(Code::Item(ItemTag { store: 1, serial: 12345 })));
    check("8801234567893", Ok(Code::Ean13(Ean13("8801234567893".into()))));
    let voucher = CreditCode::new(1, 12345).unwrap();
    assert_eq!(voucher.code(), "C001000123454");
    check("C001000123454", Ok(Code::Credit(voucher)));
    check("C001000123455", Err(CodeError::CheckDigit { kind: CodeKind::Credit, expected: 4, found: 5 }));
}

#[test]
fn tolerates_scanner_noise_and_case() {
    let tag = Ok(Code::Item(ItemTag { store: 1, serial: 12345 }));
    check("I001000123454\r\n", tag.clone());
    check("  i001000123454", tag);
    check("036000291452", Ok(Code::Ean13(Ean13("0036000291452".into()))));
}

#[test]
fn rejects_bad_reads_with_a_reason() {
    use CodeKind::*;
    check("", Err(CodeError::Empty));
    check("\r", Err(CodeError::Empty));
    check("X123", Err(CodeError::Unknown { code: "X123".into() }));
    check("한글", Err(CodeError::Unknown { code: "gksrmf".into() }));
    check("P01200035002626", Err(CodeError::Length { kind: PriceTag, expected: 16, found: 15 }));
    check("P0120003500262A7", Err(CodeError::NotDigits { kind: PriceTag }));
    check("P012000350026268", Err(CodeError::CheckDigit { kind: PriceTag, expected: 7, found: 8 }));
    check("I001000123455", Err(CodeError::CheckDigit { kind: ItemTag, expected: 4, found: 5 }));
    check("8801234567890", Err(CodeError::CheckDigit { kind: Ean13, expected: 3, found: 0 }));
    check("880123456789", Err(CodeError::CheckDigit { kind: Ean13, expected: 2, found: 9 }));
    check("88012345", Err(CodeError::Length { kind: Ean13, expected: 13, found: 8 }));
    // Week 54 never exists; week 53 exists only in long years (2026 has one, 2025 not).
    let with_check = |body: &str| format!("P{body}{}", gs1_check_digit(&digits(body)));
    check(&with_check("00100010002554"), Err(CodeError::Week { yyww: "2554".into() }));
    check(&with_check("00100010002553"), Err(CodeError::Week { yyww: "2553".into() }));
    assert!(parse(&with_check("00100010002653")).is_ok());
    check(&with_check("01200000002626"), Err(CodeError::ZeroPrice));
}

#[test]
fn reads_codes_typed_in_korean_input_mode() {
    assert_eq!(as_typed_keys("ㅔ012000350026267"), "p012000350026267");
    assert_eq!(as_typed_keys("ㅖ0120"), "P0120");
    assert_eq!(as_typed_keys("한글 ABC"), "gksrmf ABC");
    assert_eq!(as_typed_keys("ㅑ001000123454"), "i001000123454");
    check("ㅔ012000350026267", parse("P012000350026267"));
    check("ㅑ001000123454", Ok(Code::Item(ItemTag { store: 1, serial: 12345 })));
    check("ㄴ001202611250042", parse("S001202611250042"));
}

#[test]
fn receipts_round_trip() {
    let receipt = ReceiptCode { store: 1, date: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), sale_no: 42 };
    assert_eq!(receipt.code(), "S001202611250042");
    check(&receipt.code(), Ok(Code::Receipt(receipt)));
    check("S001202613250042", Err(CodeError::Date { yyyymmdd: "20261325".into() }));
}

#[test]
fn encodes_the_design_examples() {
    assert_eq!(PriceTag::new(12, Won::new(3500), week(2026, 26)).unwrap().code(), "P012000350026267");
    assert_eq!(ItemTag::new(1, 12345).unwrap().code(), "I001000123454");
    assert_eq!(self::Ean13::from_body("880123456789").unwrap().as_str(), "8801234567893");
    assert_eq!(PriceTag::new(1000, Won::new(1), week(2026, 1)), None);
    assert_eq!(PriceTag::new(1, Won::new(10_000_000), week(2026, 1)), None);
}

#[test]
fn weeks_count_across_new_year() {
    assert_eq!(week(2025, 52).weeks_until(week(2026, 2)), 2);
    assert_eq!(week(2026, 53).plus_weeks(1), week(2027, 1));
    assert_eq!(IsoWeek::of(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()), week(2026, 48));
}
