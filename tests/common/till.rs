//! The till as a test drives it: a real `App` on a demo store file, a clock the test sets, and
//! iced_test to click, type and read the screen.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use iced::keyboard::key::Named;
use iced_test::selector::Candidate;
use iced_test::{Simulator, selector};
use nanum::config::{Config, Paths};
use nanum::ui::screen::login;
use nanum::ui::{App, Message};

use super::{TempStore, at, demo_without_history};

pub struct Till {
    pub app: App,
    pub clock: Arc<Mutex<DateTime<FixedOffset>>>,
    pub dir: tempfile::TempDir,
}

impl Till {
    /// A till on a fresh demo store at 2026-11-25 14:03, printing to `printer.bin` in its folder
    /// unless `configure` says otherwise.
    pub fn new(configure: impl FnOnce(&mut Config, &Path)) -> Till {
        let TempStore { dir, store } = demo_without_history();
        let paths = Paths { data_dir: dir.path().to_path_buf(), config_file: dir.path().join("config.toml") };
        let mut config = Config::default();
        config.printer.spec = format!("file:{}", dir.path().join("printer.bin").display());
        configure(&mut config, dir.path());
        let clock = Arc::new(Mutex::new(at(14, 3)));
        let reading = clock.clone();
        let (app, _) = App::new(store, paths, config, Arc::new(move || *reading.lock().unwrap()));
        Till { app, clock, dir }
    }

    pub fn sim(&self) -> Simulator<'_, Message> {
        Simulator::with_size(nanum::ui::settings(), (1280.0, 800.0), self.app.view())
    }

    /// Does `f` on the screen, then gives the app the messages it produced.
    pub fn act(&mut self, f: impl FnOnce(&mut Simulator<'_, Message>)) {
        let mut ui = self.sim();
        f(&mut ui);
        let messages: Vec<_> = ui.into_messages().collect();
        for message in messages {
            let _ = self.app.update(message);
        }
    }

    pub fn click(&mut self, label: &str) {
        self.act(|ui| {
            ui.click(label).unwrap_or_else(|e| panic!("nothing to click labelled {label:?}: {e:?}"));
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
        self.sim().find(text).is_ok()
    }

    /// Whether some text on screen contains `part` (small print joins several facts).
    pub fn sees_part(&self, part: &str) -> bool {
        let part = part.to_string();
        self.sim()
            .find(move |c: Candidate<'_>| match c {
                Candidate::Text { content, .. } if content.contains(&part) => Some(()),
                _ => None,
            })
            .is_ok()
    }

    /// Every text on screen, for a failing assertion's message.
    pub fn texts(&self) -> Vec<String> {
        let found = Mutex::new(Vec::new());
        let _ = self.sim().find(|c: Candidate<'_>| {
            match c {
                Candidate::Text { content, .. } => found.lock().unwrap().push(content.to_string()),
                Candidate::TextInput { state, .. } => found.lock().unwrap().push(format!("[{}]", state.text())),
                _ => {}
            }
            None::<()>
        });
        found.into_inner().unwrap()
    }

    pub fn sign_in(&mut self, name: &str, pin: &str) {
        self.click(name);
        self.enter(login::PIN_INPUT, pin);
    }

    pub fn lines(&self) -> usize {
        self.app.checkout().map_or(0, |c| c.cart().lines().len())
    }

    /// Lets the print queue finish and the screen catch up.
    pub fn settle(&mut self) {
        assert!(self.app.queue().wait_idle(Duration::from_secs(20)));
        let _ = self.app.update(Message::Tick);
    }

    pub fn printer_file(&self) -> PathBuf {
        self.dir.path().join("printer.bin")
    }

    /// The printer file once a whole paper (ending in a cut) is in it.
    pub fn wait_for_printer(&self) -> Vec<u8> {
        let start = Instant::now();
        loop {
            if let Ok(bytes) = std::fs::read(self.printer_file())
                && nanum::hardware::decode::decode(&bytes)
                    .is_ok_and(|e| e.iter().any(|e| matches!(e, nanum::hardware::decode::Event::Cut { .. })))
            {
                return bytes;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "the receipt never reached the printer file");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}
