//! Every message the code asks for exists in Korean and in English, and the two files hold the
//! same messages.

use std::collections::BTreeSet;
use std::path::Path;

fn ids(ftl: &str) -> BTreeSet<String> {
    ftl.lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
        .collect()
}

fn used_in(dir: &Path, found: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            used_in(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let source = std::fs::read_to_string(&path).unwrap();
            for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for marker in ["t!(", "t_ko!("] {
                    for (at, _) in line.match_indices(marker) {
                        let before = line[..at].chars().next_back();
                        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                            continue; // format!( and friends
                        }
                        let rest = line[at + marker.len()..].trim_start();
                        if let Some(literal) = rest.strip_prefix('"') {
                            found.insert(literal[..literal.find('"').unwrap()].to_string());
                        }
                    }
                }
            }
            // Messages picked at run time by name.
            for prefix in ["\"price-explain-", "\"discount-reason-"] {
                for (at, _) in source.match_indices(prefix) {
                    let literal = &source[at + 1..];
                    found.insert(literal[..literal.find('"').unwrap()].to_string());
                }
            }
        }
    }
}

#[test]
fn korean_and_english_have_the_same_messages() {
    let ko = ids(nanum::i18n::KO_FTL);
    let en = ids(nanum::i18n::EN_FTL);
    assert!(ko.len() > 100);
    assert_eq!(ko.difference(&en).collect::<Vec<_>>(), Vec::<&String>::new(), "in ko.ftl only");
    assert_eq!(en.difference(&ko).collect::<Vec<_>>(), Vec::<&String>::new(), "in en.ftl only");
}

#[test]
fn each_message_is_defined_once() {
    for ftl in [nanum::i18n::KO_FTL, nanum::i18n::EN_FTL] {
        let mut seen = BTreeSet::new();
        let twice: Vec<_> = ftl
            .lines()
            .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim()))
            .filter(|id| !seen.insert(*id))
            .collect();
        assert!(twice.is_empty(), "defined twice: {twice:?}");
    }
}

#[test]
fn every_message_the_code_uses_exists() {
    let mut used = BTreeSet::new();
    used_in(Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path(), &mut used);
    assert!(used.len() > 100, "found only {} uses", used.len());
    let known = ids(nanum::i18n::KO_FTL);
    let missing: Vec<_> = used.difference(&known).collect();
    assert!(missing.is_empty(), "used but not in the .ftl files: {missing:?}");
}

#[test]
fn an_intake_week_is_said_in_words() {
    use nanum::domain::IsoWeek;
    use nanum::i18n::{Lang, set_language, words::week_in_words};
    set_language(Lang::Ko);
    // 2026-W49 runs from Monday 30 November; its Thursday is 3 December.
    assert_eq!(week_in_words(IsoWeek::new(2026, 49).unwrap()), "12월 첫째 주");
    assert_eq!(week_in_words(IsoWeek::new(2026, 44).unwrap()), "10월 다섯째 주");
    assert_eq!(week_in_words(IsoWeek::new(2026, 45).unwrap()), "11월 첫째 주");
    // 2026-W53's Thursday is 31 December; 2027-W01 starts 4 January.
    assert_eq!(week_in_words(IsoWeek::new(2026, 53).unwrap()), "12월 다섯째 주");
    assert_eq!(week_in_words(IsoWeek::new(2027, 2).unwrap()), "1월 둘째 주");
    set_language(Lang::En);
    assert_eq!(week_in_words(IsoWeek::new(2026, 49).unwrap()), "1st week of December");
    assert_eq!(week_in_words(IsoWeek::new(2027, 2).unwrap()), "2nd week of January");
    set_language(Lang::Ko);
}

#[test]
fn money_and_counts_read_as_english_writes_them() {
    use nanum::domain::Won;
    use nanum::i18n::{Lang, set_language, won, won_signed};
    set_language(Lang::En);
    assert_eq!(won(Won::new(-18_300)), "−₩18,300");
    assert_eq!(won(Won::new(18_300)), "₩18,300");
    assert_eq!(won_signed(Won::new(1_000)), "+₩1,000");
    assert_eq!(won_signed(Won::ZERO), "₩0");
    assert_eq!(
        nanum::t!("till-counts", sales = 1, refunds = 1, voids = 2, receipts = 0),
        "1 sale · 1 refund · 2 voids · 0 cash receipts"
    );
    set_language(Lang::Ko);
    assert_eq!(won(Won::new(-18_300)), "-18,300원");
    assert_eq!(won_signed(Won::new(1_000)), "+1,000원");
}
