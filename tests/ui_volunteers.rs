//! A volunteer's shift through the login screen: in with a duty and a PIN (a wrong PIN and a
//! missing duty are said plainly), greeted at a milestone, listed as here and on the till's
//! list, then out with the day's hours, which the report credits.

mod common;

use chrono::{Duration, FixedOffset, TimeZone};
use common::till::{SMALL, Till};
use common::*;
use nanum::domain::volunteer::Duty;
use nanum::store::PastShift;
use nanum::ui::screen::{login, volunteers};

#[test]
fn a_volunteer_signs_in_for_a_shift_is_greeted_at_ten_hours_and_signs_out() {
    let TempStore { dir, mut store } = demo_without_history();
    // Nine and a half hours given on two earlier days.
    let volunteer = staff(&store, "박순자");
    let kst = FixedOffset::east_opt(9 * 3600).unwrap();
    let day = |d: u32, h: u32, m: u32| kst.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap();
    let past = |d: u32, to_hour: u32, to_minute: u32| PastShift {
        staff_id: volunteer.id,
        duty: Duty::Sorting,
        started: day(d, 10, 0),
        ended: day(d, to_hour, to_minute),
        flagged: false,
        confirmed: None,
    };
    store.record_shifts(&[past(18, 15, 0), past(20, 14, 30)]).unwrap();
    let mut till = Till::on(store, dir, |_, _| {});

    assert!(till.sees("김민지") && till.sees("이서준"), "{:?}", till.texts());
    assert!(!till.sees("박순자"), "a volunteer is on the till's list only while on shift");
    till.click("봉사 출근·퇴근");
    assert!(till.sees("출근 전"), "{:?}", till.texts());
    till.click("박순자");
    assert!(till.sees("박순자님, 오늘 무슨 일을 하나요?"), "{:?}", till.texts());
    till.enter(login::PIN_INPUT, "3333");
    assert!(till.sees("오늘 할 일을 먼저 골라 주세요."), "{:?}", till.texts());
    till.click("가격 매기기");
    till.picture("volunteer-shift");
    assert!(till.looks_like("volunteer-shift-1024x768"), "the shift sign-in screen changed");
    till.enter(login::PIN_INPUT, "0000");
    assert!(till.sees_part("PIN이 맞지 않아요."), "{:?}", till.texts());
    assert!(till.journal("shift.started").is_empty());
    till.enter(login::PIN_INPUT, "3333");
    // Nine and a half hours so far: the greeting waits for the shift that passes ten.
    assert!(
        till.sees("박순자님, 출근했어요 (가격 매기기). 지금까지 9시간 30분 봉사했어요. 고마워요!"),
        "{:?}",
        till.texts()
    );
    assert!(till.sees("지금 봉사 중 (1명)"), "{:?}", till.texts());
    assert!(till.sees("박순자 가격 매기기 14:03~"), "{:?}", till.texts());
    assert!(till.app.on_duty().is_none(), "a shift is not a till sign-in");
    assert!(till.sees("박순자"), "now on the till's list");

    // Four and a half hours later, out.
    till.wait(Duration::minutes(270));
    till.click("봉사 출근·퇴근");
    assert!(till.sees("14:03부터 봉사 중"), "{:?}", till.texts());
    till.click("박순자");
    assert!(till.sees("박순자님, 퇴근할까요?"), "{:?}", till.texts());
    till.enter(login::PIN_INPUT, "3333");
    assert!(till.sees("박순자님, 퇴근했어요. 오늘 4시간 30분 봉사했어요. 수고했어요!"), "{:?}", till.texts());
    assert!(!till.sees_part("지금 봉사 중"));
    let report = nanum::reports::volunteers::volunteers(
        till.app.store(),
        day(25, 0, 0).date_naive(),
        day(25, 0, 0).date_naive(),
        day(25, 23, 0).naive_local(),
    )
    .unwrap();
    assert_eq!(report.days.len(), 1);
    assert_eq!(report.days[0].credited.credited_minutes, 270);
    assert_eq!(till.journal("shift.ended").len(), 1);

    // The next morning she passes ten hours: greeted at sign-in.
    *till.clock.lock().unwrap() = day(26, 10, 0);
    till.click("봉사 출근·퇴근");
    till.click("박순자");
    till.click("분류");
    till.enter(login::PIN_INPUT, "3333");
    assert!(
        till.sees(
            "박순자님, 출근했어요 (분류). 지금까지 14시간 봉사했어요. 고마워요! 누적 봉사 10시간을 넘었어요. 축하해요!"
        ),
        "{:?}",
        till.texts()
    );
    till.resize(SMALL);
}

#[test]
fn a_manager_puts_a_forgotten_sign_out_right_and_registers_a_volunteer() {
    let TempStore { dir, mut store } = demo_without_history();
    let volunteer = staff(&store, "박순자");
    let kst = FixedOffset::east_opt(9 * 3600).unwrap();
    let day = |d: u32, h: u32, m: u32| kst.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap();
    // Yesterday she forgot to sign out: the store closed the shift at 20:00.
    store
        .record_shifts(&[PastShift {
            staff_id: volunteer.id,
            duty: Duty::Intake,
            started: day(24, 10, 0),
            ended: day(24, 20, 0),
            flagged: true,
            confirmed: None,
        }])
        .unwrap();
    let mut till = Till::on(store, dir, |_, _| {});
    till.sign_in("김민지", "1234");
    till.send(nanum::ui::Message::OpenVolunteers);
    assert!(till.sees("매니저 확인이 필요한 시간 (1건)"), "{:?}", till.texts());
    till.click("박순자");
    assert!(till.sees("박순자님의 봉사 시간"), "{:?}", till.texts());
    // The end time is filled in (20:00): rubbed out and typed again.
    till.act(|sim| {
        sim.click(iced_test::selector::id(volunteers::END_INPUT)).unwrap();
        sim.tap_key(iced::keyboard::key::Named::End);
        for _ in 0..5 {
            sim.tap_key(iced::keyboard::key::Named::Backspace);
        }
        sim.typewrite("17:30");
    });
    till.click("시간 고쳐서 저장");
    assert!(till.sees("시간을 고치는 이유를 적어 주세요."), "{:?}", till.texts());
    till.enter(volunteers::REASON_INPUT, "17시 반에 감");
    assert!(till.sees("박순자님의 시간을 저장했어요 (7시간 30분)."), "{:?}", till.texts());
    assert!(!till.sees_part("매니저 확인이 필요한 시간"));
    let edited = till.journal("shift.edited");
    assert_eq!(edited[0]["reason"], "17시 반에 감");
    let report = nanum::reports::volunteers::volunteers(
        till.app.store(),
        day(24, 0, 0).date_naive(),
        day(24, 0, 0).date_naive(),
        day(25, 12, 0).naive_local(),
    )
    .unwrap();
    assert_eq!((report.days[0].credited.credited_minutes, report.days[0].to_confirm), (450, false));

    // A new volunteer, who can then sign in for a shift.
    till.click("새 봉사자 등록");
    till.click("등록하기");
    assert!(till.sees("이름을 적어 주세요."), "{:?}", till.texts());
    // Typed on the screen's own Hangul keyboard, as at intake.
    till.click("⌨ 한글 자판");
    for key in ["ㄱ", "ㅣ", "ㅁ", "ㄴ", "ㅏ", "ㄴ", "ㅜ", "ㅁ"] {
        till.click(key);
    }
    till.click("완료");
    assert!(till.sees("김나눔"), "{:?}", till.texts());
    till.click("분류");
    till.act(|sim| {
        sim.click(iced_test::selector::id("volunteer-pin")).unwrap();
        sim.typewrite("5678");
    });
    till.click("등록하기");
    assert!(till.sees("김나눔님을 봉사자로 등록했어요."), "{:?}", till.texts());
    assert!(till.sees("김나눔"), "on the roster");
    // Later she takes on pricing too and gives her 1365 ID; her PIN stays.
    till.click("김나눔");
    assert!(till.sees("봉사자 정보 고치기"), "{:?}", till.texts());
    till.click("가격 매기기");
    till.act(|sim| {
        sim.click(iced_test::selector::id("volunteer-portal")).unwrap();
        sim.typewrite("1365-4321");
    });
    till.click("고친 내용 저장");
    assert!(till.sees("김나눔님의 정보를 고쳤어요."), "{:?}", till.texts());
    let roster = till.app.store().roster().unwrap();
    let her = roster.iter().find(|v| v.member.name == "김나눔").unwrap();
    assert_eq!(her.duties, [Duty::Sorting, Duty::Pricing]);
    assert_eq!(her.portal_id.as_deref(), Some("1365-4321"));
    assert_eq!(till.journal("volunteer.changed")[0]["pin_changed"], false);
    till.click("로그아웃");
    till.start_shift("김나눔", "5678", "분류");
    assert!(till.sees("지금 봉사 중 (1명)"), "{:?}", till.texts());
    assert!(till.sees("김나눔"), "on the till's list while on shift");
}

/// The PIN typed before the duty: the message comes and goes without moving 확인 or 다른 사람,
/// so the next tap still starts the shift; leaving with a PIN typed says no shift was started.
#[test]
fn the_shift_buttons_stay_put_when_a_message_comes_or_goes() {
    let mut till = Till::new(|_, _| {});
    let top_of = |till: &Till, label: &str| {
        common::till::placed(till.sim())
            .into_iter()
            .find(|(text, _, _)| text == label)
            .map(|(_, _, b)| b.y)
            .unwrap_or_else(|| panic!("no {label}: {:?}", till.texts()))
    };
    till.click("봉사 출근·퇴근");

    // A PIN typed, then away: told no shift was started.
    till.click("박순자");
    till.click("가격 매기기");
    till.act(|ui| {
        ui.click(iced_test::selector::id(login::PIN_INPUT)).unwrap();
        let _ = ui.typewrite("33");
    });
    till.click("다른 사람");
    assert!(till.sees_part("박순자님의 봉사 출근은 기록되지 않았어요"), "{:?}", till.texts());
    assert!(till.journal("shift.started").is_empty());

    till.click("박순자");
    let (ok, back) = (top_of(&till, "확인"), top_of(&till, "다른 사람"));
    till.enter(login::PIN_INPUT, "3333");
    assert!(till.sees("오늘 할 일을 먼저 골라 주세요."), "{:?}", till.texts());
    assert_eq!((top_of(&till, "확인"), top_of(&till, "다른 사람")), (ok, back), "with the message");
    till.click("가격 매기기");
    assert!(!till.sees("오늘 할 일을 먼저 골라 주세요."));
    assert_eq!((top_of(&till, "확인"), top_of(&till, "다른 사람")), (ok, back), "the message gone");
    till.click("확인");
    assert!(till.sees_part("박순자님, 출근했어요"), "the tap meant for 확인 started the shift: {:?}", till.texts());
    assert_eq!(till.journal("shift.started").len(), 1);
}
