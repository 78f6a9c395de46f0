//! The window fits every till from 800×600 to 1,920×1,080, in Korean and in English: each
//! screen and panel state is walked at every size and [`fits`] checks what a person sees. Every
//! word is inside the window and whole (not cut by the box its layout gave it), no two texts lie
//! on top of each other, every button is at least 44 px tall (a fingertip), no button lies on
//! another, and a button's words are inside it. The flows are shared by `ui_sizes` (Korean) and
//! `ui_sizes_english`, separate test programs because the language is the process's.
#![allow(dead_code)]

use iced::{Rectangle, Size};
use iced_test::selector::Candidate;
use nanum::i18n::Lang;
use nanum::t;
use nanum::ui::Message;
use nanum::ui::pressable::Pressable;
use nanum::ui::screen::checkout;

use super::till::{Till, placed};
use super::{tag, today};

pub const SIZES: [(f32, f32); 5] =
    [(800.0, 600.0), (1024.0, 768.0), (1280.0, 800.0), (1366.0, 768.0), (1920.0, 1080.0)];

/// The least height of a button: a fingertip, as touch guidelines have it.
const FINGER: f32 = 44.0;

/// Every button on the screen: where its layout put it and where it shows.
fn buttons(till: &Till) -> Vec<(Rectangle, Option<Rectangle>)> {
    let found = std::sync::Mutex::new(Vec::new());
    let mut sim = till.sim();
    let _ = sim.find(|c: Candidate<'_>| {
        if let Candidate::Custom { bounds, visible_bounds, state, .. } = c
            && state.downcast_ref::<Pressable>().is_some()
        {
            found.lock().unwrap().push((bounds, visible_bounds));
        }
        None::<()>
    });
    found.into_inner().unwrap()
}

/// Whether `text`, given `room` by its layout, can show whole there: laid out in that width at
/// the smallest size the screens use (16 px), it needs no more width (a word wider than its key
/// is cut, since Korean words are kept whole) and no more lines than the height holds. Text
/// larger than 16 px that is cut only at the bottom can pass this; the buttons' own check (the
/// words inside the key) catches it there.
fn whole(text: &str, room: Rectangle) -> bool {
    use iced::advanced::text::Paragraph as _;
    type Paragraph = <iced::Renderer as iced::advanced::text::Renderer>::Paragraph;
    let laid = Paragraph::with_text(iced::advanced::Text {
        content: text,
        bounds: Size::new(room.width + 0.5, f32::INFINITY),
        size: nanum::ui::theme::SMALL.into(),
        line_height: iced::widget::text::LineHeight::default(),
        font: nanum::ui::theme::FONT,
        align_x: iced::widget::text::Alignment::Left,
        align_y: iced::alignment::Vertical::Top,
        shaping: iced::widget::text::Shaping::Advanced,
        wrapping: iced::widget::text::Wrapping::Word,
    })
    .min_bounds();
    laid.height <= room.height + 1.0 && laid.width <= room.width + 1.0
}

pub fn fits(till: &Till, screen: &str) {
    let (w, h) = till.size;
    let at = format!("{screen} at {w}×{h}");
    let window = Rectangle::new(iced::Point::ORIGIN, Size::new(w, h));
    let scrolled = scrollables(till);
    for (text, raw, visible, room) in texts_as_drawn(till) {
        if visible.is_some() && room.height >= 16.0 {
            assert!(whole(&raw, room), "{at}: {text:?} does not fit the {room:?} its layout gave it");
        }
        // Shown only in part, and not in a list that scrolls: its box cuts it off.
        if let Some(shown) = visible
            && (shown.height < room.height - 1.0 || shown.width < room.width - 1.0)
            && !scrolled.iter().any(|list| list.intersects(&room))
        {
            panic!("{at}: {text:?} is cut to {shown:?} of its {room:?}");
        }
    }
    let all = placed(till.sim());
    for (text, _, room) in &all {
        // A layout that collapses squeezes text to nothing before it pushes it off screen.
        // (The smallest text is 16 px; a line of it needs about 19.)
        assert!(room.height >= 16.0 && room.width >= 8.0, "{at}: {text:?} is squeezed to {room:?}");
    }
    let texts: Vec<(String, Rectangle)> = all.into_iter().filter_map(|(t, visible, _)| Some((t, visible?))).collect();
    assert!(texts.len() > 5, "{at}: hardly anything on screen");
    for (text, bounds) in &texts {
        let inside = bounds.x >= -0.5
            && bounds.y >= -0.5
            && bounds.x + bounds.width <= window.width + 0.5
            && bounds.y + bounds.height <= window.height + 0.5;
        assert!(inside, "{at}: {text:?} is cut off at {bounds:?}");
    }
    for (i, (a, ra)) in texts.iter().enumerate() {
        for (b, rb) in &texts[i + 1..] {
            let overlap = ra.intersection(rb).is_some_and(|o| o.width > 2.0 && o.height > 2.0);
            assert!(!overlap, "{at}: {a:?} {ra:?} overlaps {b:?} {rb:?}");
        }
    }
    let all_buttons = buttons(till);
    // A button's height is its layout's (a list scrolled half out of view still has tall keys);
    // where it lies among the rest is where it shows.
    for (button, _) in all_buttons.iter().filter(|(_, visible)| visible.is_some()) {
        assert!(
            button.height >= FINGER - 0.5,
            "{at}: a button is {} px tall, under a fingertip: {button:?} ({:?})",
            button.height,
            words_in(&texts, button)
        );
    }
    let shown: Vec<Rectangle> = all_buttons.iter().filter_map(|(_, visible)| *visible).collect();
    for (i, a) in shown.iter().enumerate() {
        for b in &shown[i + 1..] {
            let overlap = a.intersection(b).is_some_and(|o| o.width > 1.0 && o.height > 1.0);
            // A button inside another (a row's own key) is not one lying on another.
            let nested = a.intersection(b).is_some_and(|o| o == *a || o == *b);
            assert!(
                !overlap || nested,
                "{at}: buttons {:?} {a:?} and {:?} {b:?} overlap",
                words_in(&texts, a),
                words_in(&texts, b)
            );
        }
    }
    for (text, bounds) in &texts {
        let centre = bounds.center();
        for button in shown.iter().filter(|b| b.contains(centre)) {
            let inside = bounds.x >= button.x - 0.5
                && bounds.y >= button.y - 0.5
                && bounds.x + bounds.width <= button.x + button.width + 0.5
                && bounds.y + bounds.height <= button.y + button.height + 0.5;
            assert!(inside, "{at}: {text:?} {bounds:?} spills out of its button {button:?}");
        }
    }
}

/// Where the lists that scroll are: a text there may be half out of view.
fn scrollables(till: &Till) -> Vec<Rectangle> {
    let found = std::sync::Mutex::new(Vec::new());
    let mut sim = till.sim();
    let _ = sim.find(|c: Candidate<'_>| {
        if let Candidate::Scrollable { bounds, .. } = c {
            found.lock().unwrap().push(bounds);
        }
        None::<()>
    });
    found.into_inner().unwrap()
}

/// Every text with its content as drawn (the word joiners that keep Korean words whole are
/// part of how it wraps), where it shows and the room its layout gave it.
fn texts_as_drawn(till: &Till) -> Vec<(String, String, Option<Rectangle>, Rectangle)> {
    let found = std::sync::Mutex::new(Vec::new());
    let mut sim = till.sim();
    let _ = sim.find(|c: Candidate<'_>| {
        if let Candidate::Text { content, visible_bounds, bounds, .. } = c
            && !content.trim().is_empty()
        {
            found.lock().unwrap().push((super::till::readable(content), content.to_string(), visible_bounds, bounds));
        }
        None::<()>
    });
    found.into_inner().unwrap()
}

fn words_in(texts: &[(String, Rectangle)], button: &Rectangle) -> Vec<String> {
    texts.iter().filter(|(_, r)| button.contains(r.center())).map(|(t, _)| t.clone()).collect()
}

pub fn every_screen_fits_every_till_size(lang: Lang) {
    for size in SIZES {
        let mut till = Till::new(|c, _| c.ui.language = lang);
        till.resize(size);
        fits(&till, "login");
        till.click("김민지");
        fits(&till, "PIN");
        till.enter(nanum::ui::screen::login::PIN_INPUT, "1234");
        fits(&till, "empty checkout");
        for code in [tag(1, 3500, 0), tag(12, 3000, 4), tag(16, 8000, 5), nanum::demo::demo_ean(0)] {
            till.enter(checkout::SCAN_INPUT, &code);
        }
        fits(&till, "checkout with lines");
        till.send(Message::Checkout(checkout::Message::CategoryKey(0)));
        fits(&till, "price entry");
        till.send(Message::Hotkey(nanum::ui::app::Hotkey::Escape));
        till.send(Message::Hotkey(nanum::ui::app::Hotkey::Cash));
        fits(&till, "cash");
        till.send(Message::Hotkey(nanum::ui::app::Hotkey::Escape));
        till.send(Message::Hotkey(nanum::ui::app::Hotkey::Card));
        fits(&till, "card");
        till.click(&t!("pay-card-confirm"));
        fits(&till, "paid");
        till.send(Message::Checkout(checkout::Message::NewSale));
        till.click(&t!("nosale-button"));
        fits(&till, "manager approval");
        till.send(Message::Hotkey(nanum::ui::app::Hotkey::Escape));
        till.send(Message::Hotkey(nanum::ui::app::Hotkey::Today));
        fits(&till, "today's sales");
        till.send(Message::Hotkey(nanum::ui::app::Hotkey::Escape));
        till.send(Message::OpenDevices);
        fits(&till, "device settings");
        till.send(Message::OpenMenu);
        fits(&till, "work menu");
        till.send(Message::OpenSettings);
        fits(&till, "store settings");
        till.click(&t!("staff-title"));
        fits(&till, "staff");
        till.click("이서준");
        fits(&till, "a person on the staff");
    }
}

pub fn the_print_jobs_panel_and_a_drawer_approval_fit_every_till_size(lang: Lang) {
    for size in SIZES {
        let mut till = Till::new(|c, d| {
            c.ui.language = lang;
            c.printer.spec = format!("usb:{}", d.join("no-printer").display());
        });
        till.resize(size);
        till.sign_in("이서준", "2222");
        till.enter(checkout::SCAN_INPUT, &tag(1, 3500, 0));
        till.send(Message::Hotkey(nanum::ui::app::Hotkey::Cash));
        till.enter(checkout::ENTRY_INPUT, "");
        till.settle();
        till.send(Message::ToggleJobs);
        fits(&till, "print jobs");
        let job = till.app.queue().jobs()[0].id;
        till.send(Message::Jobs(nanum::ui::jobs::Message::Retry(job)));

        fits(&till, "drawer approval");
    }
}

pub fn the_till_day_panels_fit_every_till_size(lang: Lang) {
    use nanum::ui::app::Hotkey;
    for size in SIZES {
        let mut till = Till::new(|c, _| c.ui.language = lang);
        till.resize(size);
        till.sign_in("김민지", "1234");
        till.enter(checkout::SCAN_INPUT, &tag(1, 9500, 0));
        till.enter(checkout::SCAN_INPUT, &tag(7, 2000, 0));
        till.send(Message::Hotkey(Hotkey::Discount));
        fits(&till, "discount");
        till.send(Message::Hotkey(Hotkey::Escape));
        till.send(Message::Hotkey(Hotkey::Card));
        for _ in 0..5 {
            till.click("←");
        }
        till.enter(checkout::ENTRY_INPUT, "3000");
        fits(&till, "part paid");
        till.send(Message::Hotkey(Hotkey::Credit));
        fits(&till, "store credit");
        till.click(&t!("pay-cash-receipt"));
        fits(&till, "cash receipt");
        till.send(Message::Hotkey(Hotkey::Cash));
        till.enter(checkout::ENTRY_INPUT, "");
        fits(&till, "paid in two");
        till.send(Message::Checkout(checkout::Message::NewSale));
        till.enter(checkout::SCAN_INPUT, &tag(2, 4000, 0));
        till.send(Message::Hotkey(Hotkey::Park));
        fits(&till, "park");
        till.send(Message::Hotkey(Hotkey::Escape));
        till.send(Message::Checkout(checkout::Message::CancelSale));
        till.send(Message::Checkout(checkout::Message::ConfirmCancel));
        let sale = till.app.store().sale(today(), 1).unwrap().unwrap();
        let receipt = sale.receipt_code(till.app.store().info().code).code();
        till.enter(checkout::SCAN_INPUT, &receipt);
        fits(&till, "return");
        till.click(&t!("return-to-credit"));
        till.send(Message::Checkout(checkout::Message::ReturnQty(0, 1)));
        till.click(&t!("return-confirm"));
        fits(&till, "refund approval");
        till.enter(nanum::ui::approval::PIN_INPUT, "1234");
        fits(&till, "refunded");
        till.send(Message::Checkout(checkout::Message::NewSale));
        till.send(Message::Hotkey(Hotkey::Return));
        fits(&till, "return, waiting for a receipt");
        till.click(&t!("return-no-receipt"));
        fits(&till, "return without a receipt");
        till.send(Message::Hotkey(Hotkey::Escape));
        till.send(Message::Hotkey(Hotkey::Today));
        till.click("0001");
        fits(&till, "today with a sale picked");
        till.send(Message::Hotkey(Hotkey::Escape));
        till.send(Message::Hotkey(Hotkey::Till));
        fits(&till, "till open");
        till.click(&t!("till-cash-out"));
        fits(&till, "cash out");
        till.send(Message::Till(nanum::ui::screen::till::Message::Back));
        till.click(&t!("till-close"));
        fits(&till, "till count");
        // "Counted" is also a figure's name in English: the key's message, not a click on the words.
        till.send(Message::Till(nanum::ui::screen::till::Message::Counted));
        fits(&till, "till counted");
        till.click(&t!("till-close-confirm"));
        fits(&till, "till closed");
        till.click(&t!("till-correct"));
        fits(&till, "correcting the close");
        till.send(Message::Till(nanum::ui::screen::till::Message::Back));
        fits(&till, "till opening");
        till.send(Message::Till(nanum::ui::screen::till::Message::Back));
        fits(&till, "checkout, till closed");
        till.send(Message::Hotkey(Hotkey::Till));
        till.send(Message::Hotkey(Hotkey::Audit));
        fits(&till, "audit log");
    }
}

pub fn a_parked_sale_offered_fits_every_till_size(lang: Lang) {
    use nanum::ui::app::Hotkey;
    for size in SIZES {
        let mut till = Till::new(|c, _| c.ui.language = lang);
        till.resize(size);
        till.sign_in("김민지", "1234");
        till.enter(checkout::SCAN_INPUT, &tag(1, 3500, 0));
        till.send(Message::Hotkey(Hotkey::Park));
        till.enter(checkout::TEXT_INPUT, "빨간 모자 손님");
        fits(&till, "a sale parked");
        till.send(Message::SignOut);
        fits(&till, "signing out with a sale parked");
        till.send(Message::Hotkey(Hotkey::Escape));
        till.send(Message::Hotkey(Hotkey::Till));
        till.click(&t!("till-close"));
        fits(&till, "the till's count with a sale parked");
    }
}

pub fn the_back_room_screens_fit_every_till_size(lang: Lang) {
    for size in SIZES {
        let mut till = Till::new(|c, _| c.ui.language = lang);
        till.resize(size);
        till.sign_in("김민지", "1234");
        till.send(Message::OpenMenu);
        fits(&till, "menu");
        // The sync strip with where sync stands and a message under it (no head office set).
        till.send(Message::Tick);
        till.send(Message::Sync(nanum::ui::app::SyncMessage::Start));
        assert!(till.sees(&t!("sync-not-joined")), "{:?}", till.texts());
        fits(&till, "menu with a sync message");
        till.send(Message::OpenIntake);
        fits(&till, "intake search");
        till.send(Message::Intake(nanum::ui::screen::intake::Message::NewDonor));
        till.send(Message::Intake(nanum::ui::screen::intake::Message::ShowKeyboard));
        fits(&till, "new donor with the keyboard");
        till.send(Message::Intake(nanum::ui::screen::intake::Message::Back));
        till.send(Message::Intake(nanum::ui::screen::intake::Message::Anonymous));
        for key in [0, 0, 6, 3] {
            till.send(Message::Intake(nanum::ui::screen::intake::Message::Category(key)));
        }
        till.send(Message::Intake(nanum::ui::screen::intake::Message::Reject(
            nanum::domain::donation::RejectReason::NotAccepted,
        )));
        fits(&till, "intake counting");
        till.send(Message::Intake(nanum::ui::screen::intake::Message::Take));
        fits(&till, "donation taken");
        till.send(Message::OpenPricing);
        fits(&till, "pricing");
        till.send(Message::Pricing(nanum::ui::screen::pricing::Message::Category(0)));
        fits(&till, "pricing a category");
        till.send(Message::Pricing(nanum::ui::screen::pricing::Message::ItemTag(true)));
        fits(&till, "pricing an item");
        till.send(Message::OpenFloor);
        fits(&till, "floor");
    }
}

pub fn the_volunteer_screens_fit_every_till_size(lang: Lang) {
    use nanum::ui::screen::{login, volunteers};
    for size in SIZES {
        let mut till = Till::new(|c, _| c.ui.language = lang);
        till.resize(size);
        till.send(Message::Login(login::Message::Shifts(true)));
        fits(&till, "shift sign-in names");
        till.click("박순자");
        fits(&till, "shift duties and PIN");
        till.click(&t!("duty-sorting"));
        till.enter(login::PIN_INPUT, "3333");
        fits(&till, "login with someone on shift");
        till.sign_in("김민지", "1234");
        till.send(Message::OpenVolunteers);
        fits(&till, "volunteers");
        till.send(Message::Volunteers(volunteers::Message::Pick(0)));
        fits(&till, "a shift to fix");
        till.send(Message::Volunteers(volunteers::Message::Back));
        till.send(Message::Volunteers(volunteers::Message::NewVolunteer));
        fits(&till, "a new volunteer");
        till.send(Message::Volunteers(volunteers::Message::ShowKeyboard));
        fits(&till, "a new volunteer with the keyboard");
    }
}

pub fn every_report_tab_fits_every_till_size(lang: Lang) {
    use nanum::ui::screen::reports::{Message as Reports, Span, Tab};
    let dir = tempfile::tempdir().unwrap();
    let (store, _) =
        nanum::demo::create(&dir.path().join("store.db"), 3, chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())
            .unwrap();
    let mut till = Till::on(store, dir, |c, _| c.ui.language = lang);
    till.sign_in("김민지", "1234");
    till.send(Message::OpenReports);
    till.send(Message::Reports(Reports::Earlier));
    for size in SIZES {
        till.resize(size);
        for tab in Tab::ALL {
            till.send(Message::Reports(Reports::Tab(tab)));
            fits(&till, &format!("report {tab:?}"));
        }
        till.send(Message::Reports(Reports::Span(Span::Week)));
        fits(&till, "a week's impact");
        till.send(Message::Reports(Reports::Span(Span::Day)));
    }
}

/// The status bar at its fullest (a demo store, the scanner unplugged, records waiting for head
/// office, a manager on duty, and a receipt printing, then failed) keeps every word and button
/// on screen at every size, in Korean and English. At 1,280×800 a receipt printing used to push
/// the language and sign-out buttons off the window.
pub fn the_status_bar_at_its_fullest_fits_every_till_size(lang: Lang) {
    use nanum::hardware::queue::Paper;
    // A network printer that takes the connection and never answers: a paper stays printing
    // until the status times out, then fails.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            held.push(stream);
        }
    });
    {
        for size in SIZES {
            let mut till = Till::new(|c, d| {
                c.ui.language = lang;
                c.printer.spec = format!("tcp:127.0.0.1:{port}");
                c.scanner.serial.port = d.join("no-scanner").display().to_string();
            });
            till.resize(size);
            till.sign_in("김민지", "1234");
            till.send(Message::Tick);
            let paper = Paper {
                title: "영수증 0001".into(),
                bytes: b"\x1b@receipt\n".to_vec(),
                opens_drawer: false,
                printer: None,
                receipt_of: None,
            };
            till.app.queue().submit(paper);
            till.send(Message::Tick);
            let (printing, failed) = if lang == Lang::Ko {
                ("인쇄 대기 1건", "인쇄 실패 1건")
            } else {
                ("1 waiting to print", "1 not printed")
            };
            assert!(till.sees_part(printing), "{size:?}: {:?}", till.texts());
            fits(&till, "status bar, printing");
            till.settle();
            assert!(till.sees_part(failed), "{size:?}: {:?}", till.texts());
            fits(&till, "status bar, print failed");
        }
    }
}
