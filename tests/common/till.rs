//! The till as a test drives it: a real `App` on a demo store file, a clock the test sets, and
//! iced_test to click, type and read the screen. The Tasks `update` returns are run as the iced
//! runtime would run them (their messages go back into `update`), so sign-ins, sale commits and
//! cart saves really happen on the store's worker thread; window and focus operations, which
//! need a real window, are dropped.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use iced::Task;
use iced::keyboard::key::Named;
use iced_test::selector::{Candidate, Target};
use iced_test::{Simulator, selector};
use nanum::config::{Config, Paths};
use nanum::domain::BootMark;
use nanum::store::Store;
use nanum::ui::screen::login;
use nanum::ui::{App, Message};

use super::{TempStore, at, demo_without_history};

/// The common till screen sizes.
pub const SMALL: (f32, f32) = (1024.0, 768.0);
pub const WIDE: (f32, f32) = (1366.0, 768.0);

pub struct Till {
    pub app: App,
    pub clock: Arc<Mutex<DateTime<FixedOffset>>>,
    /// The machine's monotonic clock, in milliseconds since boot.
    pub uptime_ms: Arc<Mutex<i64>>,
    pub dir: tempfile::TempDir,
    pub size: (f32, f32),
}

impl Till {
    /// A till on a fresh demo store at 2026-11-25 14:03, printing to `printer.bin` in its folder
    /// unless `configure` says otherwise.
    pub fn new(configure: impl FnOnce(&mut Config, &Path)) -> Till {
        let TempStore { dir, store } = demo_without_history();
        Till::on(store, dir, configure)
    }

    /// A till on `store` (whose folder is `dir`), opened this morning by the manager with a
    /// 100,000 won float, as a store's day usually starts.
    pub fn on(store: Store, dir: tempfile::TempDir, configure: impl FnOnce(&mut Config, &Path)) -> Till {
        Till::start(store, dir, configure, true)
    }

    /// A till on `store` that nobody has opened today.
    pub fn closed(store: Store, dir: tempfile::TempDir, configure: impl FnOnce(&mut Config, &Path)) -> Till {
        Till::start(store, dir, configure, false)
    }

    fn start(mut store: Store, dir: tempfile::TempDir, configure: impl FnOnce(&mut Config, &Path), open: bool) -> Till {
        let paths = Paths { data_dir: dir.path().to_path_buf(), config_file: dir.path().join("config.toml") };
        let mut config = Config::default();
        config.printer.spec = format!("file:{}", dir.path().join("printer.bin").display());
        configure(&mut config, dir.path());
        if open && store.current_session(&config.till.till()).unwrap().is_none() {
            let manager = super::staff(&store, "김민지");
            let float = nanum::domain::till::Count::of(nanum::domain::Won::new(100_000));
            store.open_session(&config.till.till(), &manager, float, at(9, 0)).unwrap();
        }
        let clock = Arc::new(Mutex::new(at(14, 3)));
        let uptime_ms = Arc::new(Mutex::new(3_600_000));
        let reading = uptime_ms.clone();
        store.set_boot_clock(Arc::new(move || {
            Some(BootMark { boot_id: "test-boot".into(), uptime_ms: *reading.lock().unwrap() })
        }));
        let reading = clock.clone();
        let (app, _) =
            App::new(store, paths, config, Arc::new(move || *reading.lock().unwrap())).expect("the till opens");
        let mut till = Till { app, clock, uptime_ms, dir, size: SMALL };
        till.resize(SMALL);
        till
    }

    /// The window is `size` (the screen lays out for it).
    pub fn resize(&mut self, size: (f32, f32)) {
        self.size = size;
        self.send(Message::Resized(iced::Size::new(size.0, size.1)));
    }

    /// Time passes: the wall clock and the monotonic clock move together.
    pub fn wait(&mut self, by: chrono::Duration) {
        *self.clock.lock().unwrap() += by;
        *self.uptime_ms.lock().unwrap() += by.num_milliseconds();
        self.send(Message::Tick);
    }

    pub fn sim(&self) -> Simulator<'_, Message> {
        Simulator::with_size(nanum::ui::settings(), self.size, self.app.view())
    }

    /// Gives the app a message and runs the Tasks that come back, as the runtime would.
    pub fn send(&mut self, message: Message) {
        let task = self.app.update(message);
        self.run(task);
    }

    pub fn run(&mut self, task: Task<Message>) {
        let Some(stream) = iced_runtime::task::into_stream(task) else { return };
        let (done, outputs) = std::sync::mpsc::channel();
        // Run the Task on a thread of its own, so a Task that never ends fails the test.
        std::thread::spawn(move || {
            use futures::StreamExt;
            let actions: Vec<_> = futures::executor::block_on(stream.collect());
            let messages: Vec<Message> = actions
                .into_iter()
                .filter_map(|action| match action {
                    iced_runtime::Action::Output(message) => Some(message),
                    _ => None,
                })
                .collect();
            let _ = done.send(messages);
        });
        let messages = outputs.recv_timeout(Duration::from_secs(30)).expect("a Task of the till finishes");
        for message in messages {
            self.send(message);
        }
    }

    /// Does `f` on the screen, then gives the app the messages it produced.
    pub fn act(&mut self, f: impl FnOnce(&mut Simulator<'_, Message>)) {
        let mut ui = self.sim();
        f(&mut ui);
        let messages: Vec<_> = ui.into_messages().collect();
        for message in messages {
            self.send(message);
        }
    }

    pub fn click(&mut self, label: &str) {
        self.act(|ui| {
            ui.click(shown(label)).unwrap_or_else(|e| panic!("nothing to click labelled {label:?}: {e:?}"));
        });
    }

    /// Clicks into the field `id`, types `text` and presses Enter, as a keyboard-wedge scanner does.
    pub fn enter(&mut self, id: &'static str, text: &str) {
        self.act(|ui| {
            ui.click(selector::id(id)).unwrap_or_else(|e| panic!("no field {id}: {e:?}"));
            let _ = ui.typewrite(text);
            let _ = ui.tap_key(Named::Enter);
        });
    }

    pub fn sees(&self, text: &str) -> bool {
        self.sim().find(shown(text)).is_ok()
    }

    /// Whether some text on screen contains `part` (small print joins several facts).
    pub fn sees_part(&self, part: &str) -> bool {
        let part = part.to_string();
        self.sim()
            .find(move |c: Candidate<'_>| match c {
                Candidate::Text { content, .. } if readable(content).contains(&part) => Some(()),
                _ => None,
            })
            .is_ok()
    }

    /// Every text on screen, for a failing assertion's message.
    pub fn texts(&self) -> Vec<String> {
        let found = Mutex::new(Vec::new());
        let _ = self.sim().find(|c: Candidate<'_>| {
            match c {
                Candidate::Text { content, .. } => found.lock().unwrap().push(readable(content)),
                Candidate::TextInput { state, .. } => found.lock().unwrap().push(format!("[{}]", state.text())),
                _ => {}
            }
            None::<()>
        });
        found.into_inner().unwrap()
    }

    /// Whether the screen matches its committed snapshot. A missing snapshot fails unless
    /// `NANUM_NEW_SNAPSHOTS=1`, so a snapshot nobody looked at and committed never passes.
    pub fn looks_like(&self, name: &str) -> bool {
        let base = format!("tests/snapshots/{name}");
        let file = PathBuf::from(format!("{base}-tiny-skia.png"));
        if !file.exists() && std::env::var_os("NANUM_NEW_SNAPSHOTS").is_none() {
            panic!("no committed snapshot {}: run with NANUM_NEW_SNAPSHOTS=1, look at it, commit it", file.display());
        }
        let snapshot = self.sim().snapshot(&self.app.theme()).expect("a snapshot");
        snapshot.matches_image(&base).expect("the snapshot can be compared")
    }

    /// With `NANUM_PICTURES=dir`, saves the screen as `dir/name-tiny-skia.png` for a person to
    /// look at (nothing is compared).
    pub fn picture(&self, name: &str) {
        let Some(dir) = std::env::var_os("NANUM_PICTURES") else { return };
        let base = PathBuf::from(dir).join(format!("{name}-{}x{}", self.size.0, self.size.1));
        let _ = std::fs::remove_file(format!("{}-tiny-skia.png", base.display()));
        let snapshot = self.sim().snapshot(&self.app.theme()).expect("a snapshot");
        let _ = snapshot.matches_image(&base);
    }

    /// A volunteer signs in for a shift doing `duty` at the login screen (봉사 출근·퇴근), which
    /// puts them on the till's list.
    pub fn start_shift(&mut self, name: &str, pin: &str, duty: &str) {
        self.click("봉사 출근·퇴근");
        self.click(name);
        self.click(duty);
        self.enter(login::PIN_INPUT, pin);
        assert!(self.sees_part("출근했어요"), "{:?}", self.texts());
    }

    pub fn sign_in(&mut self, name: &str, pin: &str) {
        self.click(name);
        self.enter(login::PIN_INPUT, pin);
    }

    /// The journal's payloads of `kind`, oldest first.
    pub fn journal(&self, kind: &str) -> Vec<serde_json::Value> {
        let mut stmt = self
            .app
            .store()
            .reader()
            .prepare("SELECT journal_text(payload) FROM journal WHERE kind = ?1 ORDER BY seq")
            .unwrap();
        stmt.query_map([kind], |r| r.get::<_, String>(0))
            .unwrap()
            .map(|p| serde_json::from_str(&p.unwrap()).unwrap())
            .collect()
    }

    pub fn lines(&self) -> usize {
        self.app.checkout().map_or(0, |c| c.cart().lines().len())
    }

    /// Lets the print queue finish and the screen catch up.
    pub fn settle(&mut self) {
        assert!(self.app.queue().wait_idle(Duration::from_secs(20)));
        self.send(Message::Tick);
    }

    pub fn printer_file(&self) -> PathBuf {
        self.dir.path().join("printer.bin")
    }

    /// The printer file once a whole paper (ending in a cut) is in it.
    pub fn wait_for_printer(&self) -> Vec<u8> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Ok(bytes) = std::fs::read(self.printer_file())
                && nanum::hardware::decode::decode(&bytes)
                    .is_ok_and(|e| e.iter().any(|e| matches!(e, nanum::hardware::decode::Event::Cut { .. })))
            {
                return bytes;
            }
            assert!(Instant::now() < deadline, "the receipt never reached the printer file");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Every text on the screen `sim` shows, with where it is drawn (`None` where it is not visible
/// at all) and the room its layout gave it.
pub fn placed<M>(mut sim: Simulator<'_, M>) -> Vec<(String, Option<iced::Rectangle>, iced::Rectangle)> {
    let found = Mutex::new(Vec::new());
    let _ = sim.find(|c: Candidate<'_>| {
        if let Candidate::Text { content, visible_bounds, bounds, .. } = c
            && !content.trim().is_empty()
        {
            found.lock().unwrap().push((readable(content), visible_bounds, bounds));
        }
        None::<()>
    });
    found.into_inner().unwrap()
}

/// Text as a person reads it: without the invisible word joiners that keep Korean words whole.
pub fn readable(content: &str) -> String {
    content.replace('\u{2060}', "")
}

/// Selects the text (or text field) that reads `label`.
pub fn shown(label: &str) -> impl FnMut(Candidate<'_>) -> Option<Target> + Send + use<> {
    let label = label.to_string();
    move |candidate: Candidate<'_>| {
        let matches = match &candidate {
            Candidate::Text { content, .. } => readable(content) == label,
            Candidate::TextInput { state, .. } => state.text() == label,
            _ => false,
        };
        matches.then(|| Target::from(candidate))
    }
}

/// The id of the drawer count's field for denomination `row` (0 is 50,000원).
pub fn count_field(row: usize) -> &'static str {
    [
        "till-count-0",
        "till-count-1",
        "till-count-2",
        "till-count-3",
        "till-count-4",
        "till-count-5",
        "till-count-6",
        "till-count-7",
    ][row]
}
