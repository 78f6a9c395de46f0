//! Property tests of the shop's rules: money adds up, VAT splits add back to the gross, every
//! valid tag reads back as itself, and no single wrong digit slips through.

use nanum::domain::codes::{self, Code, gs1_check_digit};
use nanum::domain::tax::split;
use nanum::domain::{Cart, Ean13, IsoWeek, ItemTag, Line, LineKind, PriceTag, Won};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn week() -> impl Strategy<Value = IsoWeek> {
    (2000i32..=2099, 1u32..=53).prop_filter_map("a real ISO week", |(y, w)| IsoWeek::new(y, w))
}

fn price_tag() -> impl Strategy<Value = PriceTag> {
    (0u16..=999, 1i64..=PriceTag::MAX_PRICE, week()).prop_map(|(c, p, w)| PriceTag::new(c, Won::new(p), w).unwrap())
}

fn line(price: i64, class: &str, rate: i64) -> Line {
    Line {
        kind: LineKind::PriceTag,
        code: None,
        name_ko: "물건".into(),
        name_en: "Item".into(),
        category: None,
        tax_class: class.into(),
        tax_rate_percent: Decimal::from(rate),
        list_price: Won::new(price),
        unit_price: Won::new(price),
        quantity: 1,
        markdown: None,
        discount: Won::ZERO,
        discount_reason: None,
        refers_line: None,
    }
}

/// Every code with one digit changed to each other digit.
fn single_digit_corruptions(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, c) in code.char_indices().filter(|(_, c)| c.is_ascii_digit()) {
        for d in '0'..='9' {
            if d != c {
                let mut bad = code.to_string();
                bad.replace_range(i..i + 1, &d.to_string());
                out.push(bad);
            }
        }
    }
    out
}

proptest! {
    #[test]
    fn cart_total_is_the_sum_of_its_lines(prices in prop::collection::vec((1i64..2_000_000, any::<bool>()), 1..30)) {
        let mut cart = Cart::new();
        for (price, exempt) in &prices {
            let l = if *exempt { line(*price, "exempt", 0) } else { line(*price, "standard", 10) };
            cart.add(l).unwrap();
        }
        let expected: i64 = prices.iter().map(|(p, _)| p).sum();
        prop_assert_eq!(cart.total().get(), expected);
        let vat = cart.vat();
        prop_assert_eq!(vat.iter().map(|v| v.gross.get()).sum::<i64>(), expected);
        for v in &vat {
            prop_assert_eq!(v.supply + v.vat, v.gross);
        }
    }

    #[test]
    fn supply_plus_vat_is_gross(gross in -100_000_000i64..100_000_000, rate in 0u32..=30) {
        let (supply, vat) = split(Won::new(gross), Decimal::from(rate));
        prop_assert_eq!(supply + vat, Won::new(gross));
        // Supply is gross ÷ (1 + rate) rounded half up: within half a won of the exact value.
        let exact = Decimal::from(gross) * Decimal::from(100) / Decimal::from(100 + rate);
        prop_assert!((Decimal::from(supply.get()) - exact).abs() <= Decimal::new(5, 1));
    }

    #[test]
    fn price_tags_round_trip(tag in price_tag()) {
        let code = tag.code();
        prop_assert_eq!(code.len(), PriceTag::LEN);
        prop_assert_eq!(codes::parse(&code), Ok(Code::Price(tag)));
    }

    #[test]
    fn item_tags_round_trip(store in 0u16..=999, serial in 0u32..=99_999_999) {
        let tag = ItemTag::new(store, serial).unwrap();
        prop_assert_eq!(codes::parse(&tag.code()), Ok(Code::Item(tag)));
    }

    #[test]
    fn ean13_round_trips(body in "[0-9]{12}") {
        let ean = Ean13::from_body(&body).unwrap();
        prop_assert_eq!(codes::parse(ean.as_str()), Ok(Code::Ean13(ean.clone())));
    }

    #[test]
    fn no_single_digit_error_gets_through_a_price_tag(tag in price_tag()) {
        for bad in single_digit_corruptions(&tag.code()) {
            prop_assert!(codes::parse(&bad).is_err(), "{} read as {:?}", bad, codes::parse(&bad));
        }
    }

    #[test]
    fn no_single_digit_error_gets_through_an_item_tag(store in 0u16..=999, serial in 0u32..=99_999_999) {
        for bad in single_digit_corruptions(&ItemTag::new(store, serial).unwrap().code()) {
            prop_assert!(codes::parse(&bad).is_err(), "{}", bad);
        }
    }

    #[test]
    fn no_single_digit_error_gets_through_an_ean13(body in "[0-9]{12}") {
        for bad in single_digit_corruptions(Ean13::from_body(&body).unwrap().as_str()) {
            prop_assert!(codes::parse(&bad).is_err(), "{}", bad);
        }
    }

    #[test]
    fn any_text_is_read_or_refused_without_panicking(s in ".{0,40}") {
        let _ = codes::parse(&s);
    }

    #[test]
    fn markdowns_never_raise_a_price(price in 1i64..10_000_000, pct in 0u32..=100) {
        let after = Won::new(price).percent_off(Decimal::from(pct), Won::new(100));
        prop_assert!(after <= Won::new(price));
        prop_assert_eq!(after.get() % 100, 0);
    }
}

#[test]
fn gs1_check_digit_matches_the_design_examples() {
    let digits = |s: &str| s.bytes().map(|b| b - b'0').collect::<Vec<_>>();
    assert_eq!(gs1_check_digit(&digits("01200035002626")), 7);
    assert_eq!(gs1_check_digit(&digits("00100012345")), 4);
    assert_eq!(gs1_check_digit(&digits("880123456789")), 3);
}

/// Any run of Hangul syllables.
fn syllables() -> impl Strategy<Value = String> {
    prop::collection::vec(0xAC00u32..=0xD7A3, 1..8)
        .prop_map(|codes| codes.into_iter().filter_map(char::from_u32).collect())
}

proptest! {
    #[test]
    fn typing_the_keys_of_any_hangul_gives_it_back(text in syllables()) {
        let mut composer = nanum::domain::hangul::Composer::default();
        for key in nanum::domain::hangul::keys_for(&text) {
            composer.press(key);
        }
        prop_assert_eq!(composer.text(), text);
    }

    #[test]
    fn as_many_backspaces_as_keys_leave_nothing(text in syllables(), extra in 0usize..3) {
        let mut composer = nanum::domain::hangul::Composer::default();
        let keys = nanum::domain::hangul::keys_for(&text);
        for key in &keys {
            composer.press(*key);
        }
        let mut lengths = vec![composer.text().chars().count()];
        for _ in 0..keys.len() + extra {
            composer.backspace();
            lengths.push(composer.text().chars().count());
        }
        prop_assert_eq!(composer.text(), "");
        prop_assert!(lengths.windows(2).all(|w| w[1] <= w[0]), "the text never grows on Backspace: {:?}", lengths);
    }

    #[test]
    fn a_mobile_number_reads_the_same_in_every_form(middle in 0u32..10_000, last in 0u32..10_000, prefix in prop::sample::select(vec!["010", "011", "016"])) {
        let national = format!("{prefix}{middle:04}{last:04}");
        let forms = [
            national.clone(),
            format!("{prefix}-{middle:04}-{last:04}"),
            format!("+82 {} {middle:04} {last:04}", &prefix[1..]),
            format!("+82-{}-{middle:04}-{last:04}", &prefix[1..]),
            format!(" ({prefix}) {middle:04}.{last:04} "),
        ];
        for form in forms {
            let phone = nanum::domain::Phone::parse(&form);
            prop_assert_eq!(phone.as_ref().map(|p| p.digits()), Some(national.as_str()), "{}", form);
            prop_assert_eq!(phone.unwrap().masked(), format!("{prefix}-****-{last:04}"));
        }
    }
}

#[test]
fn the_pull_list_crosses_a_year_end_with_iso_week_53() {
    use chrono::NaiveDate;
    use nanum::domain::Rotation;
    let rotation = Rotation::default();
    // 2026 has 53 ISO weeks; 2027-W05 pulls the tags taken in five weeks before: 2026-W53.
    let day = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
    assert_eq!(IsoWeek::of(day).to_string(), "2027-W05");
    let pull = rotation.pull_list(day);
    assert_eq!(pull[0].0.to_string(), "2026-W53");
    assert_eq!(pull[1].0.to_string(), "2026-W52");
    // Colours go round without a jump at the year end.
    let index = |w: IsoWeek| rotation.colours.iter().position(|c| Some(c) == rotation.colour_for(w)).unwrap();
    let (w53, w01) = (IsoWeek::new(2026, 53).unwrap(), IsoWeek::new(2027, 1).unwrap());
    assert_eq!((index(w53) + 1) % rotation.colours.len(), index(w01));
    // A 2026-W53 tag scanned in 2027-W05 is five weeks old: pulled, at the pull step's price.
    let markdown = rotation.markdown(Won::new(5000), w53, day, Won::new(100));
    assert_eq!((markdown.weeks_on_floor, markdown.pull), (5, true));
    // And the tag's code keeps its week across the year end.
    let tag = PriceTag::new(1, Won::new(5000), w53).unwrap();
    assert!(matches!(codes::parse(&tag.code()), Ok(Code::Price(t)) if t.intake == w53));
}
