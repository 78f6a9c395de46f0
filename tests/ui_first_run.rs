//! The first run in the window: a till with no store file shows the setup, never a demo store
//! silently. A person sets up a real store by typing through the real fields and clicking the
//! real buttons; the till then opens on it with the first manager on the device settings.

mod common;

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use common::till::shown;
use iced::{Rectangle, Task};
use iced_test::{Simulator, selector};
use nanum::config::{Config, Paths};
use nanum::i18n::{self, Lang};
use nanum::store::Store;
use nanum::ui::{Root, RootMessage};

/// The language is the process's: tests that read the screen take turns.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

const SIZES: [(f32, f32); 5] = [(800.0, 600.0), (1024.0, 768.0), (1280.0, 800.0), (1366.0, 768.0), (1920.0, 1080.0)];

struct Window {
    root: Root,
    dir: tempfile::TempDir,
    size: (f32, f32),
}

impl Window {
    fn new(size: (f32, f32)) -> Window {
        i18n::set_language(Lang::Ko);
        // (The caller holds ONE_AT_A_TIME.)
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths { data_dir: dir.path().to_path_buf(), config_file: dir.path().join("config.toml") };
        let mut config = Config::default();
        config.printer.spec = format!("file:{}", dir.path().join("printer.bin").display());
        let clock: nanum::ui::Clock = std::sync::Arc::new(|| common::at(9, 30));
        // A demo chosen here gets 2 days of history: enough to see it is one, quick in debug.
        let root = Root::setup(dir.path().join("store.db"), paths, config, clock, None).with_demo_days(2);
        Window { root, dir, size }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("store.db")
    }

    fn sim(&self) -> Simulator<'_, RootMessage> {
        Simulator::with_size(nanum::ui::settings(), self.size, self.root.view())
    }

    fn send(&mut self, message: RootMessage) {
        let task = self.root.update(message);
        self.run(task);
    }

    /// Runs a Task as the runtime would, its messages back into `update`.
    fn run(&mut self, task: Task<RootMessage>) {
        let Some(stream) = iced_runtime::task::into_stream(task) else { return };
        let (done, outputs) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            use futures::StreamExt;
            // A window or widget action is dropped as it comes: its reply channel closes, so a
            // Task waiting on it (fitting the window to the screen) ends instead of hanging.
            let messages: Vec<RootMessage> = futures::executor::block_on(
                stream
                    .filter_map(|a| async move {
                        match a {
                            iced_runtime::Action::Output(m) => Some(m),
                            _ => None,
                        }
                    })
                    .collect(),
            );
            let _ = done.send(messages);
        });
        for message in outputs.recv_timeout(Duration::from_secs(60)).expect("the Task finishes") {
            self.send(message);
        }
    }

    fn act(&mut self, f: impl FnOnce(&mut Simulator<'_, RootMessage>)) {
        let mut ui = self.sim();
        f(&mut ui);
        let messages: Vec<_> = ui.into_messages().collect();
        for message in messages {
            self.send(message);
        }
    }

    fn click(&mut self, label: &str) {
        self.act(|ui| {
            ui.click(shown(label)).unwrap_or_else(|e| panic!("nothing to click labelled {label:?}: {e:?}"));
        });
    }

    /// Clicks into the field `id`, backspaces what it holds and types `text`, as a person would.
    fn type_into(&mut self, id: &'static str, text: &str) {
        let held = self.field(id);
        self.act(|ui| {
            ui.click(selector::id(id)).unwrap_or_else(|e| panic!("no field {id}: {e:?}"));
            for _ in 0..held.chars().count() {
                let _ = ui.tap_key(iced::keyboard::key::Named::Backspace);
            }
            let _ = ui.typewrite(text);
        });
    }

    fn field(&self, id: &'static str) -> String {
        match self.sim().find(selector::id(id)) {
            Ok(iced_test::selector::Target::TextInput { content, .. }) => content,
            other => panic!("no field {id}: {other:?}"),
        }
    }

    fn sees(&self, text: &str) -> bool {
        self.sim().find(shown(text)).is_ok()
    }

    fn sees_part(&self, part: &str) -> bool {
        self.texts().iter().any(|t| t.contains(part))
    }

    fn texts(&self) -> Vec<String> {
        placed(self).into_iter().map(|(t, _, _)| t).collect()
    }

    /// Where the text `label` is drawn.
    fn where_is(&self, label: &str) -> Rectangle {
        placed(self)
            .into_iter()
            .find(|(t, _, _)| t == label)
            .and_then(|(_, visible, _)| visible)
            .unwrap_or_else(|| panic!("{label:?} is not on screen: {:?}", self.texts()))
    }
}

fn placed(window: &Window) -> Vec<(String, Option<Rectangle>, Rectangle)> {
    common::till::placed(window.sim())
}

/// Every visible text inside the window and none on top of another.
fn fits(window: &Window, what: &str) {
    let (w, h) = window.size;
    let all = placed(window);
    let texts: Vec<(String, Rectangle)> = all.into_iter().filter_map(|(t, v, _)| Some((t, v?))).collect();
    assert!(texts.len() > 4, "{what} at {w}×{h}: hardly anything on screen");
    for (text, b) in &texts {
        let inside = b.x >= -0.5 && b.y >= -0.5 && b.x + b.width <= w + 0.5 && b.y + b.height <= h + 0.5;
        assert!(inside, "{what} at {w}×{h}: {text:?} is cut off at {b:?}");
    }
    for (i, (a, ra)) in texts.iter().enumerate() {
        for (b, rb) in &texts[i + 1..] {
            let overlap = ra.intersection(rb).is_some_and(|o| o.width > 2.0 && o.height > 2.0);
            assert!(!overlap, "{what} at {w}×{h}: {a:?} {ra:?} overlaps {b:?} {rb:?}");
        }
    }
}

const GOOD: [(&str, &str); 9] = [
    ("setup-code", "214"),
    ("setup-name", "나눔가게 전주점"),
    ("setup-business-no", "102-82-03497"),
    ("setup-representative", "홍길동"),
    ("setup-address", "전라북도 전주시 완산구 팔달로 1"),
    ("setup-phone", "063-123-4567"),
    ("setup-footer", "월~토 10:00~19:00"),
    ("setup-manager", "최영희"),
    ("setup-pin", "4826"),
];

#[test]
fn a_new_store_is_set_up_by_typing_and_opens_on_the_device_settings() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let mut window = Window::new((1024.0, 768.0));
    assert!(window.sees("나눔 POS를 시작해요"), "{:?}", window.texts());
    assert!(window.sees("체험용 매장"), "the demo is offered, never made silently");
    window.click("새 매장 시작");
    for (id, text) in GOOD {
        window.type_into(id, text);
    }
    window.type_into("setup-pin-again", "4862");

    // A PIN typed differently the second time: said, the second field emptied, nothing made.
    let create = window.where_is("매장 만들기");
    window.click("매장 만들기");
    assert!(window.sees_part("두 번 입력한 PIN이 달라요"), "{:?}", window.texts());
    assert_eq!(window.where_is("매장 만들기"), create, "the button stays under the finger when a message comes");
    assert_eq!(window.field("setup-pin-again"), "");
    assert!(!window.db().exists());

    // A mistyped business number: said plainly, and still nothing made.
    window.type_into("setup-pin-again", "4826");
    window.type_into("setup-business-no", "102-82-03479");
    window.click("매장 만들기");
    assert!(window.sees_part("사업자등록번호가 맞지 않아요"), "{:?}", window.texts());
    assert!(!window.db().exists());

    // Letters in the PIN field are not taken.
    window.type_into("setup-business-no", "102-82-03497");
    let typed = window.field("setup-pin");
    window.act(|ui| {
        let _ = ui.click(selector::id("setup-pin"));
        let _ = ui.typewrite("ab");
    });
    assert_eq!(window.field("setup-pin"), typed, "a PIN takes digits only");

    window.click("매장 만들기");
    let app = window.root.app().expect("the till opens on the new store");
    assert_eq!(app.on_duty().map(|m| m.name.as_str()), Some("최영희"), "the first manager is signed in");
    assert!(window.sees("영수증 프린터"), "the device settings come first: {:?}", window.texts());
    assert!(window.sees("나눔가게 전주점"), "the store's name in the status bar");
    assert!(!window.sees("체험용"), "a real store is not marked as a demo");

    let store = Store::open(&window.db()).unwrap();
    let info = store.info();
    assert_eq!((info.code, info.business_no.as_str(), info.is_demo), (214, "102-82-03497", false));
    assert_eq!(info.receipt_footer, "월~토 10:00~19:00");
    assert_eq!(common::count(&window.db(), "SELECT count(*) FROM sales"), 0);
    let staff = store.staff().unwrap();
    assert_eq!(staff.len(), 1, "{staff:?}");
}

#[test]
fn the_demo_is_made_only_when_chosen_and_is_marked_as_a_demo() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let mut window = Window::new((1366.0, 768.0));
    assert!(!window.db().exists());
    window.click("체험용 매장");
    assert!(window.root.app().is_some(), "{:?}", window.texts());
    assert!(window.sees("체험용"), "the status bar says it is a demo: {:?}", window.texts());
    assert!(Store::open(&window.db()).unwrap().info().is_demo);
    assert!(common::count(&window.db(), "SELECT count(*) FROM sales") > 0, "a demo has practice history");
}

#[test]
fn the_setup_fits_every_till_size_in_korean_and_english() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    for lang in [Lang::Ko, Lang::En] {
        for size in SIZES {
            let mut window = Window::new(size);
            i18n::set_language(lang);
            fits(&window, "choose");
            let new_store = if lang == Lang::Ko { "새 매장 시작" } else { "Set up a new store" };
            window.click(new_store);
            fits(&window, "form");
            let create = if lang == Lang::Ko { "매장 만들기" } else { "Make the store" };
            let before = window.where_is(create);
            window.click(create);
            assert!(
                window.sees_part(if lang == Lang::Ko { "매장 코드는" } else { "The store code" }),
                "{:?}",
                window.texts()
            );
            fits(&window, "form with a problem");
            assert_eq!(window.where_is(create), before, "{size:?}: the button moved when the message came");
            window.click(if lang == Lang::Ko { "뒤로" } else { "Back" });
            window.click(if lang == Lang::Ko { "본부에 연결" } else { "Join head office" });
            fits(&window, "join");
        }
    }
    i18n::set_language(Lang::Ko);
}

#[test]
fn the_language_button_switches_the_setup_to_english() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let mut window = Window::new((1024.0, 768.0));
    window.click("English");
    assert!(window.sees("Welcome to Nanum POS"), "{:?}", window.texts());
    assert!(window.sees("Set up a new store"));
    window.click("한국어");
    assert!(window.sees("나눔 POS를 시작해요"));
}

#[test]
fn joining_head_office_from_the_screen_asks_for_a_first_manager_where_it_has_none() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let pg = common::pg::Pg::start();
    let db_url = pg.database("central");
    let central = common::central::Central::start(&db_url);
    let token = common::central::add_store(&db_url, 216, "나눔가게 익산점");

    let mut window = Window::new((1024.0, 768.0));
    window.click("본부에 연결");
    window.type_into("setup-central", &central.url());
    window.type_into("setup-token", "wrong-token");
    window.click("연결하기");
    assert!(window.sees_part("토큰"), "a refused token is said: {:?}", window.texts());
    assert!(!window.db().exists());

    window.type_into("setup-token", &token);
    window.click("연결하기");
    assert!(window.sees_part("매니저가 아직 없어요"), "{:?}", window.texts());
    assert!(!window.db().exists(), "nothing is made until a manager is named");
    window.type_into("setup-manager", "윤지호");
    window.type_into("setup-pin", "7531");
    window.type_into("setup-pin-again", "7531");
    window.click("연결하기");

    let app = window.root.app().expect("the till opens on the joined store");
    assert_eq!(app.store().info().code, 216);
    assert_eq!(app.store().info().name, "나눔가게 익산점");
    assert_eq!(app.on_duty().map(|m| m.name.as_str()), Some("윤지호"));
    assert_eq!(app.config().sync.central, central.url(), "head office is remembered for the nightly sync");
    let saved = std::fs::read_to_string(window.dir.path().join("config.toml")).unwrap();
    assert!(saved.contains(&central.url()), "{saved}");
    assert_eq!(std::fs::read_to_string(window.dir.path().join("sync-token")).unwrap(), token);
}

#[test]
fn a_store_joined_with_head_offices_manager_takes_them_to_the_devices_when_they_sign_in() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let pg = common::pg::Pg::start();
    let db_url = pg.database("central");
    let central = common::central::Central::start(&db_url);
    let token = common::central::add_store(&db_url, 217, "나눔가게 정읍점");
    let files = tempfile::tempdir().unwrap();
    let staff = files.path().join("staff.csv");
    std::fs::write(&staff, "store,name,role,pin\n217,최본부,manager,5931\n").unwrap();
    common::central::stdout(&common::central::central_cli(&db_url, &["import", "staff", staff.to_str().unwrap()]));

    let mut window = Window::new((1024.0, 768.0));
    window.click("본부에 연결");
    window.type_into("setup-central", &central.url());
    window.type_into("setup-token", &token);
    window.click("연결하기");
    let app = window.root.app().expect("the till opens on the joined store");
    assert_eq!(app.on_duty(), None, "head office's manager signs in with their own PIN");
    window.click("최본부");
    // On the pad, as a person does (typing as fast as a test can reads as a scanner).
    for key in ["5", "9", "3", "1", "확인"] {
        window.click(key);
    }
    assert!(window.sees("영수증 프린터"), "the device settings come first: {:?}", window.texts());
}
