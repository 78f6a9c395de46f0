//! English as a setting: the language button switches every word on screen and is remembered.

mod common;

use common::till::Till;
use common::*;
use nanum::config::Config;
use nanum::i18n::Lang;
use nanum::ui::screen::{checkout, login};

#[test]
fn the_language_button_switches_to_english_and_remembers_it() {
    let mut till = Till::new(|_, _| {});
    assert!(till.sees("누가 일하나요?"));
    let config_file = till.dir.path().join("config.toml");

    till.click("English");
    assert!(till.sees("Who is working?"));
    assert!(
        till.sees(
            "This is a demo store. PINs: manager 1234 · cashier 2222 · volunteers 3333 (after their shift sign-in)"
        )
    );
    assert_eq!(Config::load(&config_file).unwrap().ui.language, Lang::En);

    till.click("이서준");
    till.enter(login::PIN_INPUT, "1234");
    assert!(till.sees("Wrong PIN. 4 more wrong PINs lock you out for 1 min."), "{:?}", till.texts());
    till.enter(login::PIN_INPUT, "2222");
    till.resize(common::till::WIDE);
    assert!(till.sees("On duty: 이서준 (Cashier)"));
    assert!(till.sees("Yellow") && till.sees("full price"), "the colour chips: {:?}", till.texts());
    till.click("한국어");
    assert!(till.sees("노랑") && till.sees("정가") && !till.sees("Yellow"), "the chips follow: {:?}", till.texts());
    till.click("English");
    till.enter(checkout::SCAN_INPUT, &tag(1, 3500, 0));
    assert!(till.sees("Added Women's clothing, ₩3,500."));
    assert!(till.sees("Cash") && till.sees("Card"));

    // Back to Korean with the same button: nothing stays in English.
    till.click("한국어");
    assert!(till.sees("현금 결제"));
    assert!(!till.sees("Added Women's clothing, ₩3,500."), "no notice left in English: {:?}", till.texts());
    assert!(till.texts().iter().all(|t| !t.contains("Women's")), "{:?}", till.texts());
    assert_eq!(Config::load(&config_file).unwrap().ui.language, Lang::Ko);
}
