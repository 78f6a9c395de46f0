//! The till's window, built with iced. This is the only module that knows iced: screens turn
//! clicks and scans into calls on `store` and `domain`, and show what comes back. `update`
//! never waits: anything that touches a disk or a device, or hashes a PIN, runs as a Task (on
//! the store's worker, the print queue, or a thread of its own) and reports back by message.
//!
//! The Korean font is bundled and loaded explicitly, so Hangul renders on a machine with no
//! Korean fonts installed.

pub mod app;
pub mod approval;
pub mod chart;
pub mod colours;
pub mod jobs;
pub mod keyboard;
pub mod layout;
pub mod preview;
pub mod screen;
pub mod tags;
pub mod theme;
pub mod wedge;
mod widgets;

use std::future::Future;
use std::path::Path;

use chrono::Local;

pub use app::{App, Clock, Message, wall_clock};

use crate::config::{Config, Paths};
use crate::store::{Store, StoreError};

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

/// Runs `f` on a thread of its own and hands back its result: for work that may wait on the
/// system (listing ports) and must not hold up the screen.
pub fn off_thread<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> impl Future<Output = T> + Send {
    let (done, result) = futures::channel::oneshot::channel();
    std::thread::spawn(move || {
        let _ = done.send(f());
    });
    async move { result.await.expect("the thread sends its result") }
}

/// Opens the till on `db`, or on the default store (made with demo history on first run).
pub fn run(db: Option<&Path>, paths: &Paths, config: Config, config_problem: Option<String>) -> Result<(), String> {
    let store = match db {
        Some(path) => Store::open(path),
        None => {
            let path = paths.default_db();
            if path.exists() {
                Store::open(&path)
            } else {
                tracing::info!("making the demo store at {}", path.display());
                crate::demo::create(&path, 30, Local::now().date_naive()).map(|(store, _)| store)
            }
        }
    };
    let store = store.map_err(|e| match (e, db) {
        (StoreError::Missing { .. }, Some(path)) => crate::t!("cli-no-db", path = path.display().to_string()),
        (e, _) => crate::messages::store_error(&e),
    })?;
    let window = iced::window::Settings {
        size: iced::Size::new(1024.0, 768.0),
        min_size: Some(iced::Size::new(800.0, 600.0)),
        maximized: true,
        fullscreen: config.ui.fullscreen,
        ..iced::window::Settings::default()
    };
    let (app, boot) =
        App::new(store, paths.clone(), config, wall_clock()).map_err(|e| crate::messages::store_error(&e))?;
    let boot = std::sync::Mutex::new(Some((app.with_notice(config_problem), boot)));
    iced::application(
        move || boot.lock().expect("not poisoned").take().expect("the till boots once"),
        App::update,
        App::view,
    )
    .title(App::title)
    .theme(App::theme)
    .subscription(App::subscription)
    .settings(settings())
    .window(window)
    .run()
    .map_err(|e| crate::t!("cli-no-window", reason = e.to_string()))
}
