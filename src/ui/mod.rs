//! The till's window, built with iced. This is the only module that knows iced: screens turn
//! clicks and scans into calls on `store` and `domain`, and show what comes back.
//!
//! The Korean font is bundled and loaded explicitly, so Hangul renders on a machine with no
//! Korean fonts installed.

pub mod app;
pub mod preview;
pub mod screen;
pub mod theme;
pub mod wedge;
mod widgets;

use std::path::Path;

use chrono::Local;

pub use app::{App, Clock, Message, wall_clock};

use crate::config::{Config, Paths};
use crate::store::Store;

pub const KOREAN_FONT: &[u8] = include_bytes!("../../assets/fonts/NanumGothic.ttf");
pub const KOREAN_FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/NanumGothicBold.ttf");

/// iced settings with the bundled font as the default: for the window and for `iced_test`.
pub fn settings() -> iced::Settings {
    iced::Settings {
        fonts: vec![KOREAN_FONT.into(), KOREAN_FONT_BOLD.into()],
        default_font: theme::FONT,
        default_text_size: iced::Pixels(theme::BODY),
        antialiasing: true,
        ..iced::Settings::default()
    }
}

/// Opens the till on `db`, or on the default store (made with demo history on first run).
pub fn run(db: Option<&Path>, paths: &Paths, config: Config, config_problem: Option<String>) -> Result<(), String> {
    let store = match db {
        Some(path) if !path.exists() => {
            return Err(crate::t!("cli-no-db", path = path.display().to_string()));
        }
        Some(path) => Store::open(path).map_err(|e| crate::messages::store_error(&e))?,
        None => {
            let path = paths.default_db();
            if path.exists() {
                Store::open(&path).map_err(|e| crate::messages::store_error(&e))?
            } else {
                tracing::info!("making the demo store at {}", path.display());
                crate::demo::create(&path, 30, Local::now().date_naive())
                    .map_err(|e| crate::messages::store_error(&e))?
                    .0
            }
        }
    };
    let paths = paths.clone();
    let boot = std::sync::Mutex::new(Some((store, config, config_problem)));
    iced::application(
        move || {
            let (store, config, problem) = boot.lock().expect("not poisoned").take().expect("the till boots once");
            let (app, task) = App::new(store, paths.clone(), config, wall_clock());
            (app.with_notice(problem), task)
        },
        App::update,
        App::view,
    )
    .title(App::title)
    .theme(App::theme)
    .subscription(App::subscription)
    .settings(settings())
    .window_size((1280.0, 800.0))
    .run()
    .map_err(|e| crate::t!("cli-no-window", reason = e.to_string()))
}
