//! The window fits every till from 800×600 to 1,920×1,080: at each size, on each screen, every
//! word is inside the window and no two pieces of text lie on top of each other (which is what
//! a collapsing layout looks like).

mod common;

use common::till::Till;
use common::*;
use iced::Rectangle;
use nanum::ui::Message;
use nanum::ui::screen::checkout;

const SIZES: [(f32, f32); 5] = [(800.0, 600.0), (1024.0, 768.0), (1280.0, 800.0), (1366.0, 768.0), (1920.0, 1080.0)];

fn placed(till: &Till) -> Vec<(String, Option<Rectangle>, Rectangle)> {
    common::till::placed(till.sim())
}

fn fits(till: &Till, screen: &str) {
    let (w, h) = till.size;
    let window = Rectangle::new(iced::Point::ORIGIN, iced::Size::new(w, h));
    let all = placed(till);
    for (text, _, room) in &all {
        // A layout that collapses squeezes text to nothing before it pushes it off screen.
        // (The smallest text is 16 px; a line of it needs about 19.)
        assert!(room.height >= 16.0 && room.width >= 8.0, "{screen} at {w}×{h}: {text:?} is squeezed to {room:?}");
    }
    let texts: Vec<(String, Rectangle)> = all.into_iter().filter_map(|(t, visible, _)| Some((t, visible?))).collect();
    assert!(texts.len() > 5, "{screen} at {w}×{h}: hardly anything on screen");
    for (text, bounds) in &texts {
        let inside = bounds.x >= -0.5
            && bounds.y >= -0.5
            && bounds.x + bounds.width <= window.width + 0.5
            && bounds.y + bounds.height <= window.height + 0.5;
        assert!(inside, "{screen} at {w}×{h}: {text:?} is cut off at {bounds:?}");
    }
    for (i, (a, ra)) in texts.iter().enumerate() {
        for (b, rb) in &texts[i + 1..] {
            let overlap = ra.intersection(rb).is_some_and(|o| o.width > 2.0 && o.height > 2.0);
            assert!(!overlap, "{screen} at {w}×{h}: {a:?} {ra:?} overlaps {b:?} {rb:?}");
        }
    }
}

#[test]
fn every_screen_fits_every_till_size() {
    for size in SIZES {
        let mut till = Till::new(|_, _| {});
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
        till.click("승인 완료");
        fits(&till, "paid");
        till.send(Message::Checkout(checkout::Message::NewSale));
        till.click("돈통 열기");
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
        till.click("직원 관리");
        fits(&till, "staff");
        till.click("이서준");
        fits(&till, "a person on the staff");
    }
}

#[test]
fn the_print_jobs_panel_and_a_drawer_approval_fit_every_till_size() {
    for size in SIZES {
        let mut till = Till::new(|c, d| c.printer.spec = format!("usb:{}", d.join("no-printer").display()));
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
        assert!(till.sees_part("다시 인쇄 (돈통이 열려요)"));
        fits(&till, "drawer approval");
    }
}

#[test]
fn the_till_day_panels_fit_every_till_size() {
    use nanum::ui::app::Hotkey;
    for size in SIZES {
        let mut till = Till::new(|_, _| {});
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
        till.click("현금영수증");
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
        till.click("적립금");
        till.send(Message::Checkout(checkout::Message::ReturnQty(0, 1)));
        till.click("반품하기 (매니저 승인)");
        fits(&till, "refund approval");
        till.enter(nanum::ui::approval::PIN_INPUT, "1234");
        fits(&till, "refunded");
        till.send(Message::Checkout(checkout::Message::NewSale));
        till.send(Message::Hotkey(Hotkey::Return));
        till.click("영수증 없이 반품 (매니저 승인)");
        fits(&till, "return without a receipt");
        till.send(Message::Hotkey(Hotkey::Escape));
        till.send(Message::Hotkey(Hotkey::Today));
        till.click("0001");
        fits(&till, "today with a sale picked");
        till.send(Message::Hotkey(Hotkey::Escape));
        till.send(Message::Hotkey(Hotkey::Till));
        fits(&till, "till open");
        till.click("돈 꺼내기 (출금)");
        fits(&till, "cash out");
        till.send(Message::Till(nanum::ui::screen::till::Message::Back));
        till.click("마감하기");
        fits(&till, "till count");
        till.click("다 셌어요");
        fits(&till, "till counted");
        till.click("마감하고 Z 정산 인쇄");
        fits(&till, "till closed");
        till.click("지난 마감 정정 (매니저 승인)");
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

#[test]
fn the_back_room_screens_fit_every_till_size() {
    for size in SIZES {
        let mut till = Till::new(|_, _| {});
        till.resize(size);
        till.sign_in("김민지", "1234");
        till.send(Message::OpenMenu);
        fits(&till, "menu");
        // The sync strip with where sync stands and a message under it (no head office set).
        till.send(Message::Tick);
        till.send(Message::Sync(nanum::ui::app::SyncMessage::Start));
        assert!(till.sees_part("본부와 연결되지 않은 매장이에요"), "{:?}", till.texts());
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

#[test]
fn the_volunteer_screens_fit_every_till_size() {
    use nanum::ui::screen::{login, volunteers};
    for size in SIZES {
        let mut till = Till::new(|_, _| {});
        till.resize(size);
        till.send(Message::Login(login::Message::Shifts(true)));
        fits(&till, "shift sign-in names");
        till.click("박순자");
        fits(&till, "shift duties and PIN");
        till.click("분류");
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
    }
}

#[test]
fn every_report_tab_fits_every_till_size() {
    use nanum::ui::screen::reports::{Message as Reports, Span, Tab};
    let dir = tempfile::tempdir().unwrap();
    let (store, _) =
        nanum::demo::create(&dir.path().join("store.db"), 3, chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())
            .unwrap();
    let mut till = Till::on(store, dir, |_, _| {});
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
#[test]
fn the_status_bar_at_its_fullest_fits_every_till_size() {
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
    for lang in ["ko", "en"] {
        for size in SIZES {
            let mut till = Till::new(|c, d| {
                c.printer.spec = format!("tcp:127.0.0.1:{port}");
                c.scanner.serial.port = d.join("no-scanner").display().to_string();
            });
            if lang == "en" {
                till.send(Message::ToggleLanguage);
            }
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
            let (printing, failed) = if lang == "ko" {
                ("인쇄 대기 1건", "인쇄 실패 1건")
            } else {
                ("1 waiting to print", "1 not printed")
            };
            assert!(till.sees_part(printing), "{size:?}: {:?}", till.texts());
            fits(&till, &format!("status bar, printing ({lang})"));
            till.settle();
            assert!(till.sees_part(failed), "{size:?}: {:?}", till.texts());
            fits(&till, &format!("status bar, print failed ({lang})"));
        }
    }
}
