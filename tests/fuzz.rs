//! Arbitrary input at every door from the outside world: whatever bytes a scanner, a printer's
//! answer, a settings file, a typed code, phone or business number, an on-screen keyboard or a
//! till's upload or a damaged journal payload bring, the parser answers (a value or an error that
//! says something) and never panics. Proptest drives each with random bytes and strings: 256 cases
//! each here, more with `PROPTEST_CASES=100000 cargo test --test fuzz` (the longer run). Head
//! office's CSV imports are read and checked the way `nanum-central import` does before it touches
//! PostgreSQL.

use std::time::{Duration, Instant};

use nanum::domain::business_no::BusinessNo;
use nanum::domain::cash_receipt::CashReceipt;
use nanum::domain::codes;
use nanum::domain::hangul::Composer;
use nanum::domain::phone::Phone;
use nanum::hardware::decode::decode;
use nanum::hardware::scanner::{FrameEvent, Framer, Framing, Suffix};
use proptest::prelude::*;

/// Text that looks a little like what comes in: code characters, digits, Hangul, controls.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[PIS0-9A-Z\\- \\t]{0,40}", "[0-9+\\- ()]{0,30}", "[가-힣ㄱ-ㅎㅏ-ㅣ ]{0,20}",]
}

proptest! {
    #[test]
    fn a_typed_or_scanned_code_is_a_code_or_says_why(raw in typed()) {
        match codes::parse(&raw) {
            Ok(code) => {
                let shown = format!("{:?}", code);
                prop_assert!(!shown.is_empty());
            }
            Err(e) => prop_assert!(!nanum::explain::code_error(&e).is_empty()),
        }
        let _ = codes::parse_week(&raw);
        let _ = codes::as_typed_keys(&raw);
    }

    #[test]
    fn numbers_people_type_are_read_or_refused(raw in typed()) {
        if let Some(phone) = Phone::parse(&raw) {
            prop_assert!(phone.formatted().chars().filter(char::is_ascii_digit).count() >= 8);
        }
        if let Err(e) = BusinessNo::parse(&raw) {
            prop_assert!(!e.to_string().is_empty());
        }
        if let Err(e) = CashReceipt::parse(&raw) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn the_scanner_framer_takes_any_bytes(chunks in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..80), 0..12),
                                            suffix in 0usize..5, stx_etx: bool) {
        let suffix = [Suffix::Cr, Suffix::Lf, Suffix::Crlf, Suffix::Tab, Suffix::None][suffix];
        let framing = Framing { suffix, stx_etx, ..Framing::default() };
        let mut framer = Framer::new(framing.clone());
        let start = Instant::now();
        let mut events = Vec::new();
        for (i, chunk) in chunks.iter().enumerate() {
            events.extend(framer.push(chunk, start + Duration::from_millis(i as u64 * 30)));
        }
        events.extend(framer.idle(start + Duration::from_secs(10)));
        for event in events {
            if let FrameEvent::Scan(code) = event {
                // What comes out as a scan is a code's characters, never the noise around it.
                prop_assert!(code.len() <= framing.max_len);
                prop_assert!(code.chars().all(|c| !c.is_control()), "{code:?}");
            }
        }
    }

    #[test]
    fn the_esc_pos_decoder_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        match decode(&bytes) {
            Ok(events) => prop_assert!(events.len() <= bytes.len() + 1),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn the_on_screen_keyboard_composes_any_keys(keys in prop::collection::vec(prop_oneof![
        Just('\u{8}'), "[ㄱ-ㅎㅏ-ㅣ a-z0-9]".prop_map(|s| s.chars().next().unwrap())], 0..60)) {
        let mut composer = Composer::new("");
        for key in keys {
            if key == '\u{8}' { composer.backspace() } else { composer.press(key) }
            let _ = composer.text();
        }
        let text = composer.finish();
        let backspace = '\u{8}';
        prop_assert!(!text.contains(backspace), "{:?}", text);
    }

    #[test]
    fn a_settings_file_loads_or_says_which_line(text in prop_oneof![any::<String>(),
        "(\\[(printer|scanner|sync|ui)\\]\n([a-z_]{1,10} = (\"[a-z:/0-9]{0,10}\"|[0-9]{1,4}|true))?\n){0,6}"]) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, &text).unwrap();
        if let Err(e) = nanum::config::Config::load(&path) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn an_upload_body_is_a_batch_or_refused(bytes in prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        "\\{\"events\":\\[(\\{\"seq\":[0-9]{1,3},\"kind\":\"[a-z.]{1,12}\"\\},?){0,3}\\]\\}".prop_map(String::into_bytes)]) {
        let _ = serde_json::from_slice::<nanum::sync::protocol::Batch>(&bytes);
    }

    /// A journal payload as a damaged or hand-edited file may hold it: any bytes, or a packed
    /// payload with some of its bytes changed. Unpacked to text or refused, never a panic; and
    /// any text packs and comes back as itself.
    #[test]
    fn a_journal_payload_unpacks_or_is_refused(text in any::<String>(), flips in prop::collection::vec((any::<usize>(), any::<u8>()), 0..4),
                                               raw in prop::collection::vec(any::<u8>(), 0..200)) {
        use nanum::store::journal::packing::{pack, unpack};
        let packed = pack(&text).unwrap();
        prop_assert_eq!(&unpack(&packed).unwrap(), &text);
        let mut damaged = packed.clone();
        for (at, byte) in flips {
            let at = at % damaged.len();
            damaged[at] = byte;
        }
        if let Err(e) = unpack(&damaged) {
            prop_assert!(!e.to_string().is_empty());
        }
        let _ = unpack(&raw);
    }
}

#[test]
fn a_typed_code_that_is_wrong_says_so_in_words() {
    // Not only no panic: the clerk reads why.
    let e = codes::parse("P0010003500264").unwrap_err();
    assert!(!nanum::explain::code_error(&e).is_empty());
}

/// Head office's CSV files, as `nanum-central import` reads each: whatever a spreadsheet saved,
/// the import is a whole reference or a refusal that names the file (and, for a row, its line),
/// never a panic.
#[cfg(feature = "central")]
mod head_office_imports {
    use nanum::sync::central::reference::{SECTIONS, with_section};
    use nanum::sync::central::{CentralError, staff};
    use nanum::sync::protocol::Reference;
    use proptest::prelude::*;

    const HEADERS: [&str; 6] = [
        "code,name_ko,name_en,rate_percent",
        "code,name_ko,name_en,tax_class,key_position,like_new,good,fair,donation_value,counting_unit,active",
        "position,key,name_ko,name_en,rgb",
        "from_week,percent_off,pull",
        "uuid,store,name,role,pin,active",
        "key,value",
    ];

    /// A cell a person might type into a spreadsheet, or worse.
    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            "[0-9]{0,4}",
            "-?[0-9]{1,3}\\.[0-9]{0,3}",
            "\"[^\"]{0,6}\"?",
            any::<String>().prop_map(|s| s.chars().take(8).collect()),
        ]
    }

    /// What a column usually holds, so that most rows get past the reader to the checks.
    fn column(name: &str) -> BoxedStrategy<String> {
        let usual = match name {
            "code" => "([0-9]{3}|[a-z]{1,4})",
            "name_ko" | "name_en" | "name" => "[가-힣a-zA-Z ]{0,6}",
            "rate_percent" | "percent_off" => "[0-9]{1,2}(\\.[0-9])?",
            "tax_class" => "(standard|exempt|zero)",
            "key_position" => "([0-9]{1,2})?",
            "active" | "pull" => "(true|false)",
            "rgb" => "#?[0-9A-Fa-f]{5,7}",
            "key" => "(closing_time|opening_time|receipt_footer|red|blue|[a-z]{1,6})",
            "uuid" => "",
            "store" => "(101|102|101 102|999)",
            "role" => "(manager|cashier|volunteer|boss)",
            "pin" => "[0-9]{0,6}",
            "value" => "([0-9]{1,2}:[0-9]{2}|[가-힣 ]{0,8})",
            _ => "[0-9]{1,4}",
        };
        prop_oneof![19 => usual.prop_map(|s: String| s), 1 => cell()].boxed()
    }

    /// A file: one of the sections' headers and rows of its columns (now and then short or
    /// long), or raw bytes.
    fn file() -> impl Strategy<Value = Vec<u8>> {
        let sheet = (0..HEADERS.len(), prop_oneof![Just("\n"), Just("\r\n")]).prop_flat_map(|(h, end)| {
            let columns: Vec<BoxedStrategy<String>> = HEADERS[h].split(',').map(column).collect();
            let row = prop_oneof![9 => columns, 1 => prop::collection::vec(cell(), 0..12)];
            prop::collection::vec(row, 0..5).prop_map(move |rows| {
                let mut text = HEADERS[h].to_string();
                for row in rows {
                    text.push_str(end);
                    text.push_str(&row.join(","));
                }
                text.into_bytes()
            })
        });
        prop_oneof![4 => sheet, 1 => prop::collection::vec(any::<u8>(), 0..300)]
    }

    fn said_plainly(e: &CentralError, file: &std::path::Path) -> Result<(), TestCaseError> {
        let said = e.to_string();
        prop_assert!(matches!(e, CentralError::User(_)), "not the user's mistake: {said}");
        prop_assert!(said.contains(&file.display().to_string()), "does not name the file: {said}");
        Ok(())
    }

    proptest! {
        #[test]
        fn a_reference_file_is_read_whole_or_refused_with_its_line(bytes in file(), allow_empty: bool) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("import.csv");
            std::fs::write(&path, &bytes).unwrap();
            for section in SECTIONS.iter().filter(|s| **s != "staff") {
                match with_section(Reference::default(), section, &path, &["standard".to_string()], allow_empty) {
                    Ok(reference) => {
                        let json = serde_json::to_string(&reference).unwrap();
                        prop_assert!(json.len() > 2);
                    }
                    Err(e) => said_plainly(&e, &path)?,
                }
            }
        }

        #[test]
        fn a_staff_file_is_planned_or_refused_with_its_line(bytes in file(), allow_empty: bool) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("staff.csv");
            std::fs::write(&path, &bytes).unwrap();
            match staff::check_file(&path, &[101, 102], allow_empty) {
                Ok(plan) => prop_assert!(plan.made_inactive.is_empty() && plan.changed.is_empty()),
                Err(e) => said_plainly(&e, &path)?,
            }
        }
    }
}
