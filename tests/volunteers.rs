//! Volunteer shifts on a real store file: signed in and out with a PIN, credited at most eight
//! hours a day on the day they started, closed at closing time when forgotten, confirmed or put
//! right by a manager, and exported for the 1365/VMS portal exactly as the shifts add up.

mod common;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};
use common::*;
use nanum::domain::volunteer::Duty;
use nanum::reports::volunteers::{portal_export, volunteers};
use nanum::store::{NewVolunteer, ShiftError, Store};

fn on(day: u32, hour: u32, minute: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(9 * 3600).unwrap().with_ymd_and_hms(2026, 11, day, hour, minute, 0).unwrap()
}

fn nov(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

/// A volunteer who sorts and prices, PIN 4321.
fn volunteer(store: &mut Store, name: &str) -> i64 {
    let manager = staff(store, "김민지");
    let new = NewVolunteer {
        name: name.into(),
        phone: nanum::domain::Phone::parse("010-2222-3333"),
        portal_id: Some("1365-777".into()),
        pin: "4321".into(),
        duties: vec![Duty::Sorting, Duty::Pricing],
    };
    store.add_volunteer(&new, &manager, on(1, 8, 0)).unwrap().id
}

#[test]
fn a_ten_hour_shift_is_credited_eight_hours() {
    let mut t = demo_without_history();
    let id = volunteer(&mut t.store, "정하늘");
    t.store.start_shift(id, "4321", Duty::Sorting, on(3, 8, 30)).unwrap();
    let ended = t.store.end_shift(id, "4321", on(3, 18, 30)).unwrap();
    assert_eq!(ended.worked().unwrap().minutes(), 600);
    let report = volunteers(&t.store, nov(3), nov(3), on(25, 12, 0).naive_local()).unwrap();
    assert_eq!(report.days.len(), 1);
    assert_eq!((report.days[0].credited.worked_minutes, report.days[0].credited.credited_minutes), (600, 480));
    assert_eq!(t.store.credited_minutes(id).unwrap(), 480);
}

#[test]
fn signing_in_checks_the_pin_the_duty_and_that_nobody_is_in_twice() {
    let mut t = demo_without_history();
    let id = volunteer(&mut t.store, "정하늘");
    assert!(matches!(t.store.start_shift(id, "0000", Duty::Sorting, on(3, 9, 0)), Err(ShiftError::SignIn(_))));
    assert!(matches!(
        t.store.start_shift(id, "4321", Duty::Counter, on(3, 9, 0)),
        Err(ShiftError::NotTheirDuty(Duty::Counter))
    ));
    t.store.start_shift(id, "4321", Duty::Pricing, on(3, 9, 0)).unwrap();
    assert!(matches!(t.store.start_shift(id, "4321", Duty::Sorting, on(3, 10, 0)), Err(ShiftError::AlreadyIn(_))));
    assert_eq!(t.store.here_now().unwrap().iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["정하늘"]);
    t.store.end_shift(id, "4321", on(3, 12, 0)).unwrap();
    assert!(matches!(t.store.end_shift(id, "4321", on(3, 12, 5)), Err(ShiftError::NotIn)));
    assert!(t.store.here_now().unwrap().is_empty());
    let events: i64 = t
        .store
        .reader()
        .query_row("SELECT count(*) FROM journal WHERE kind IN ('shift.started', 'shift.ended')", [], |r| r.get(0))
        .unwrap();
    assert_eq!(events, 2);
}

#[test]
fn a_forgotten_sign_out_ends_at_closing_time_flagged_until_a_manager_confirms() {
    let mut t = demo_without_history();
    let id = volunteer(&mut t.store, "정하늘");
    let manager = staff(&t.store, "김민지");
    t.store.start_shift(id, "4321", Duty::Sorting, on(4, 14, 0)).unwrap();
    // Still the same evening: nothing is closed yet, and the report leaves the open shift out.
    assert!(t.store.close_forgotten_shifts(on(4, 19, 0)).unwrap().is_empty());
    let evening = volunteers(&t.store, nov(4), nov(4), on(4, 19, 0).naive_local()).unwrap();
    assert!(evening.days.is_empty());
    assert_eq!(evening.still_in.len(), 1);
    // The report the next morning counts it to closing time, waiting on a manager.
    let morning = volunteers(&t.store, nov(4), nov(4), on(5, 9, 0).naive_local()).unwrap();
    assert_eq!((morning.days[0].credited.credited_minutes, morning.days[0].to_confirm), (360, true));
    // Signing in the next day closes it at 20:00, flagged.
    t.store.start_shift(id, "4321", Duty::Pricing, on(5, 10, 0)).unwrap();
    t.store.end_shift(id, "4321", on(5, 15, 0)).unwrap();
    let waiting = t.store.shifts_to_confirm().unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].ended, Some(on(4, 20, 0)));
    assert!(waiting[0].flagged);
    let export = portal_export(&t.store, nov(1), on(25, 12, 0).naive_local()).unwrap();
    assert_eq!(export.left_out, 1, "unconfirmed hours are not sent to the portal");
    t.store.confirm_shift(waiting[0].id, &manager, on(5, 11, 0)).unwrap();
    assert!(t.store.shifts_to_confirm().unwrap().is_empty());
    assert!(t.store.confirm_shift(waiting[0].id, &manager, on(5, 11, 1)).is_err(), "confirmed once");
    let confirmations: i64 = t
        .store
        .reader()
        .query_row("SELECT count(*) FROM journal WHERE kind = 'shift.confirmed'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(confirmations, 1);
    let export = portal_export(&t.store, nov(1), on(25, 12, 0).naive_local()).unwrap();
    assert_eq!(export.left_out, 0);
    assert_eq!(export.report.days.iter().find(|d| d.credited.day == nov(4)).unwrap().credited.credited_minutes, 360);
}

#[test]
fn a_shift_across_midnight_is_credited_to_the_day_it_started() {
    let mut t = demo_without_history();
    let id = volunteer(&mut t.store, "정하늘");
    // A late event: in at 19:00 (before closing), out at 01:30 the next night.
    t.store.start_shift(id, "4321", Duty::Sorting, on(6, 19, 0)).unwrap();
    let manager = staff(&t.store, "김민지");
    let shift = t.store.here_now().unwrap().remove(0);
    let edited =
        t.store.edit_shift(shift.id, on(6, 19, 0), on(7, 1, 30), "행사 뒷정리", &manager, on(7, 9, 0)).unwrap();
    assert!(edited.edited);
    assert_eq!(edited.confirmed_by.as_deref(), Some("김민지"));
    let report = volunteers(&t.store, nov(6), nov(7), on(25, 12, 0).naive_local()).unwrap();
    assert_eq!(report.days.len(), 1);
    assert_eq!((report.days[0].credited.day, report.days[0].credited.credited_minutes), (nov(6), 390));
    // The edit keeps the times before and after and why; it is never changed afterwards.
    let (from, reason): (Option<String>, String) = t
        .store
        .reader()
        .query_row("SELECT ended_from, reason FROM shift_edits", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((from, reason.as_str()), (None, "행사 뒷정리"));
    assert!(t.store.reader().execute("UPDATE shift_edits SET reason = 'x'", []).is_err());
    let journaled: String = t
        .store
        .reader()
        .query_row("SELECT journal_text(payload) FROM journal WHERE kind = 'shift.edited'", [], |r| r.get(0))
        .unwrap();
    assert!(journaled.contains("행사 뒷정리") && journaled.contains(&manager.uuid), "{journaled}");
    assert!(matches!(
        t.store.edit_shift(shift.id, on(7, 1, 0), on(6, 19, 0), "거꾸로", &manager, on(7, 9, 0)),
        Err(ShiftError::EndsBeforeStart)
    ));
    assert!(matches!(
        t.store.edit_shift(shift.id, on(6, 19, 0), on(6, 23, 0), "  ", &manager, on(7, 9, 0)),
        Err(ShiftError::NoReason)
    ));
}

#[test]
fn a_volunteer_is_greeted_when_their_total_passes_ten_hours() {
    let mut t = demo_without_history();
    let id = volunteer(&mut t.store, "정하늘");
    for day in 2..=3 {
        let started = t.store.start_shift(id, "4321", Duty::Sorting, on(day, 9, 0)).unwrap();
        assert_eq!(started.milestone, None, "day {day}");
        t.store.end_shift(id, "4321", on(day, 14, 0) + Duration::minutes(i64::from(day))).unwrap();
    }
    let third = t.store.start_shift(id, "4321", Duty::Sorting, on(4, 9, 0)).unwrap();
    assert_eq!((third.milestone, third.total_minutes), (Some(10), 605));
    t.store.end_shift(id, "4321", on(4, 10, 0)).unwrap();
    let fourth = t.store.start_shift(id, "4321", Duty::Sorting, on(5, 9, 0)).unwrap();
    assert_eq!(fourth.milestone, None, "greeted once");
}

#[test]
fn the_months_export_equals_the_shifts_on_a_demo_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let (store, _) = nanum::demo::create(&path, 40, nov(25)).unwrap();
    let export = portal_export(&store, nov(1), on(25, 12, 0).naive_local()).unwrap();
    assert!(export.report.days.len() > 100, "a month of demo shifts");
    // The same figures straight from the shifts: minutes per person per day, capped at 480,
    // for the days with nothing waiting on a manager.
    let expected: Vec<(String, String, i64)> = store
        .reader()
        .prepare(
            "SELECT s.name, h.business_date,
                    min(sum(CAST(round((julianday(h.ended_at) - julianday(h.started_at)) * 1440) AS INTEGER)), 480)
             FROM shifts h JOIN staff s ON s.id = h.staff_id
             WHERE h.business_date BETWEEN '2026-11-01' AND '2026-11-30' AND h.ended_at IS NOT NULL
             GROUP BY h.staff_id, h.business_date
             HAVING NOT max(h.flagged AND h.confirmed_by IS NULL)
             ORDER BY h.business_date, s.name, h.staff_id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let got: Vec<(String, String, i64)> = export
        .report
        .days
        .iter()
        .map(|d| (d.name.clone(), d.credited.day.to_string(), d.credited.credited_minutes))
        .collect();
    assert_eq!(got, expected);
    // Someone worked over eight hours and was credited eight.
    assert!(export.report.days.iter().any(|d| d.credited.worked_minutes > 480 && d.credited.credited_minutes == 480));
    // The files: a BOM, the portal's headers, one row per day, and totals that add up.
    let mut days = Vec::new();
    export.write_days(&mut days).unwrap();
    let text = String::from_utf8(days).unwrap();
    assert!(text.starts_with("\u{feff}ID,이름,활동일,시작,종료,인정시간(분),활동내용\n"), "{}", &text[..80]);
    assert_eq!(text.lines().count(), expected.len() + 1);
    let mut totals = Vec::new();
    export.write_totals(&mut totals).unwrap();
    let minutes: i64 =
        csv::Reader::from_reader(String::from_utf8(totals).unwrap().trim_start_matches('\u{feff}').as_bytes())
            .records()
            .map(|r| r.unwrap()[4].parse::<i64>().unwrap())
            .sum();
    assert_eq!(minutes, expected.iter().map(|e| e.2).sum::<i64>());
}
