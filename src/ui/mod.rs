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
pub mod pin_pad;
pub mod pressable;
pub mod preview;
pub mod root;
pub mod screen;
pub mod tags;
pub mod theme;
pub mod wedge;
mod widgets;

use std::future::Future;
use std::path::Path;

pub use app::{App, Clock, Message, wall_clock};
pub use root::{Root, RootMessage};

use crate::config::{Config, Paths};
use crate::store::Store;

use crate::assets::{KOREAN_FONT, KOREAN_FONT_BOLD};

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

/// Puts the bundled fonts where text is measured and drawn, as the window does at start: for
/// what measures text outside a window (the charts' tests).
pub fn load_fonts() {
    let mut fonts = iced::advanced::graphics::text::font_system().write().expect("the font system is not poisoned");
    fonts.load_font(KOREAN_FONT.into());
    fonts.load_font(KOREAN_FONT_BOLD.into());
}

/// A job on a thread of its own that panicked (a bug): logged, and told as a sentence, while the
/// till goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Crashed;

impl From<Crashed> for String {
    fn from(_: Crashed) -> String {
        crate::t!("error-job-crashed")
    }
}

/// Runs `f` on a thread of its own and hands back its result: for work that may wait on the
/// system (listing ports, the network) and must not hold up the screen. A panic in `f` comes
/// back as its error, never as a panic on the screen's thread.
pub fn off_thread<T, E>(f: impl FnOnce() -> Result<T, E> + Send + 'static) -> impl Future<Output = Result<T, E>> + Send
where
    T: Send + 'static,
    E: From<Crashed> + Send + 'static,
{
    let (done, result) = futures::channel::oneshot::channel();
    std::thread::spawn(move || {
        let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
            tracing::error!(
                "a job off the screen's thread panicked: {}",
                crate::store::worker::panic_text(payload.as_ref())
            );
        });
        let _ = done.send(out);
    });
    async move {
        match result.await {
            Ok(Ok(out)) => out,
            Ok(Err(())) | Err(_) => Err(Crashed.into()),
        }
    }
}

/// Opens the till on `db`, or on the default store. When the file does not exist yet, the
/// window shows the first-run setup (a real store, or the demo) instead.
pub fn run(db: Option<&Path>, paths: &Paths, config: Config, config_problem: Option<String>) -> Result<(), String> {
    if let Some(missing) = no_display() {
        tracing::debug!("no display: {missing}");
        return Err(crate::t!("cli-no-display"));
    }
    let path = db.map(Path::to_path_buf).unwrap_or_else(|| paths.default_db());
    let clock = wall_clock();
    let root = if path.exists() {
        let store = Store::open(&path).map_err(|e| crate::explain::store_error(&e))?;
        let (app, boot) =
            App::new(store, paths.clone(), config.clone(), clock).map_err(|e| crate::explain::store_error(&e))?;
        Root::till(app.with_notice(config_problem), boot)
    } else {
        tracing::info!("no store at {}: first-run setup", path.display());
        (Root::setup(path, paths.clone(), config.clone(), clock, config_problem), Root::boot())
    };
    let window = iced::window::Settings {
        size: iced::Size::new(1024.0, 768.0),
        min_size: Some(iced::Size::new(800.0, 600.0)),
        maximized: true,
        fullscreen: config.ui.fullscreen,
        ..iced::window::Settings::default()
    };
    let boot = std::sync::Mutex::new(Some(root));
    iced::application(
        move || boot.lock().expect("not poisoned").take().expect("the till boots once"),
        Root::update,
        Root::view,
    )
    .title(Root::title)
    .theme(Root::theme)
    .subscription(Root::subscription)
    .settings(settings())
    .window(window)
    .run()
    .map_err(|e| crate::t!("cli-no-window", reason = e.to_string()))
}

/// Why no window can be opened here, if that is known before trying: winit panics (with a
/// backtrace) when neither a Wayland compositor nor an X server answers, which a person
/// starting the till over SSH or from a service should not be shown.
fn no_display() -> Option<String> {
    let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(wayland) = set("WAYLAND_DISPLAY") {
        let socket = match set("XDG_RUNTIME_DIR") {
            _ if Path::new(&wayland).is_absolute() => std::path::PathBuf::from(&wayland),
            Some(dir) => Path::new(&dir).join(&wayland),
            None => std::path::PathBuf::from(&wayland),
        };
        if socket.exists() {
            return None;
        }
    }
    let Some(display) = set("DISPLAY") else {
        return Some("neither WAYLAND_DISPLAY nor DISPLAY is set".into());
    };
    let display = display.to_string_lossy().into_owned();
    // A local display `:N` (or `unix:N`) is a socket in /tmp/.X11-unix; a remote one
    // (host:N, SSH forwarding) is left for X itself to try.
    let local = display.strip_prefix(':').or_else(|| display.strip_prefix("unix:"));
    if let Some(number) = local.map(|n| n.split('.').next().unwrap_or(n)) {
        let socket = Path::new("/tmp/.X11-unix").join(format!("X{number}"));
        if !socket.exists() {
            return Some(format!("DISPLAY={display}, but {} does not exist", socket.display()));
        }
    }
    None
}
