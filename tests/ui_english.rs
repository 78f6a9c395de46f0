//! The till in English. Its own test binary: the language is one setting for the whole process.

mod common;

use std::sync::Arc;

use common::*;
use iced::keyboard::key::Named;
use iced_test::{Simulator, selector};
use nanum::config::{Config, Paths};
use nanum::i18n::Lang;
use nanum::ui::screen::{checkout, login};
use nanum::ui::{App, Message};

fn sim(app: &App) -> Simulator<'_, Message> {
    Simulator::with_size(nanum::ui::settings(), (1280.0, 800.0), app.view())
}

fn act(app: &mut App, f: impl FnOnce(&mut Simulator<'_, Message>)) {
    let mut ui = sim(app);
    f(&mut ui);
    let messages: Vec<_> = ui.into_messages().collect();
    for m in messages {
        let _ = app.update(m);
    }
}

#[test]
fn the_language_button_switches_to_english_and_remembers_it() {
    let TempStore { dir, store } = demo_without_history();
    let paths = Paths { data_dir: dir.path().to_path_buf(), config_file: dir.path().join("config.toml") };
    let (mut app, _) = App::new(store, paths.clone(), Config::default(), Arc::new(|| at(10, 30)));
    assert!(sim(&app).find("누가 일하나요?").is_ok());

    act(&mut app, |ui| {
        ui.click("English").unwrap();
    });
    assert!(sim(&app).find("Who is working?").is_ok());
    assert!(sim(&app).find("This is a demo store. PINs: manager 1234 · cashier 2222 · volunteer 3333").is_ok());
    assert_eq!(Config::load(&paths.config_file).unwrap().ui.language, Lang::En);

    act(&mut app, |ui| {
        ui.click("이서준").unwrap();
    });
    act(&mut app, |ui| {
        ui.click(selector::id(login::PIN_INPUT)).unwrap();
        let _ = ui.typewrite("1234");
        let _ = ui.tap_key(Named::Enter);
    });
    assert!(sim(&app).find("Wrong PIN. 4 more wrong PINs lock you out for a minute.").is_ok());
    act(&mut app, |ui| {
        ui.click(selector::id(login::PIN_INPUT)).unwrap();
        let _ = ui.typewrite("2222");
        let _ = ui.tap_key(Named::Enter);
    });
    assert!(sim(&app).find("On duty: 이서준 (Cashier)").is_ok());
    act(&mut app, |ui| {
        ui.click(selector::id(checkout::SCAN_INPUT)).unwrap();
        let _ = ui.typewrite(&tag(1, 3500, 0));
        let _ = ui.tap_key(Named::Enter);
    });
    assert!(sim(&app).find("Added Women's clothing, ₩3,500.").is_ok());
    assert!(sim(&app).find("Cash").is_ok() && sim(&app).find("Card").is_ok());

    // Back to Korean with the same button.
    act(&mut app, |ui| {
        ui.click("한국어").unwrap();
    });
    assert!(sim(&app).find("현금 결제").is_ok());
    assert_eq!(Config::load(&paths.config_file).unwrap().ui.language, Lang::Ko);
}
