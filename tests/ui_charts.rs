//! The reports' charts: every text on a chart lies inside it and clear of the others, at every
//! width a reports screen gives a chart, for the labels the reports use (hours, days, till
//! sessions, categories, people), measured in the font the till draws with.

use iced::{Rectangle, Size};
use nanum::ui::chart::{Axis, Bars, Label, measure};

fn bars(labels: &[&str], peak_at: usize) -> Vec<(String, i64)> {
    labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.to_string(), if i == peak_at { 85_100 } else { 1_000 + i as i64 * 700 }))
        .collect()
}

fn owned(labels: Vec<String>) -> Vec<&'static str> {
    labels.into_iter().map(|l| &*Box::leak(l.into_boxed_str())).collect()
}

fn apart(a: &Rectangle, b: &Rectangle) -> bool {
    a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y
}

fn check(name: &str, labels: &[&str], axis: Axis, peak: &str) {
    for peak_at in [0, labels.len() / 2, labels.len() - 1] {
        let chart = Bars { bars: bars(labels, peak_at), peak_label: peak.to_string(), line: false, axis };
        for width in (180..=1400).step_by(23) {
            let size = Size::new(width as f32, 150.0);
            let placed: Vec<Label> = chart.labels(size, &measure);
            let what = format!("{name} at {width} px, peak at {peak_at}");
            for l in &placed {
                // What is drawn is what was measured, and it is inside the chart.
                assert!((measure(&l.text, l.size, l.bold) - l.rect.width).abs() < 0.5, "{what}: {l:?}");
                assert!(
                    l.rect.x >= 0.0 && l.rect.x + l.rect.width <= size.width + 0.01,
                    "{what}: leaves the chart: {l:?}"
                );
                assert!(l.rect.y >= 0.0 && l.rect.y + l.rect.height <= size.height, "{what}: {l:?}");
            }
            for (i, a) in placed.iter().enumerate() {
                for b in &placed[i + 1..] {
                    assert!(apart(&a.rect, &b.rect), "{what}: {a:?} overlaps {b:?}");
                }
            }
            let axis_labels: Vec<&Label> = placed.iter().filter(|l| !l.bold).collect();
            assert!(!axis_labels.is_empty(), "{what}: no label at all");
            let peak_label = placed.iter().find(|l| l.bold).unwrap_or_else(|| panic!("{what}: no peak value"));
            assert_eq!(peak_label.text, peak, "{what}: the peak's value is whole");
            for l in &axis_labels {
                let whole = labels.iter().any(|x| *x == l.text);
                let cut = l.text.ends_with('…') && labels.iter().any(|x| x.starts_with(l.text.trim_end_matches('…')));
                assert!(whole || cut, "{what}: {:?} is neither a label nor its beginning", l.text);
            }
            if axis == Axis::Names && width as usize / labels.len() >= 60 {
                assert_eq!(axis_labels.len(), labels.len(), "{what}: every name is shown when there is room");
            }
            if axis == Axis::Names {
                // The largest bar's name is always there, and no name is a stub.
                assert!(
                    axis_labels.iter().any(|l| labels[peak_at].starts_with(l.text.trim_end_matches('…'))),
                    "{what}"
                );
                let stub = |l: &&Label| l.text.ends_with('…') && l.text.chars().count() < 5;
                assert!(!axis_labels.iter().any(stub), "{what}: {axis_labels:?}");
            }
        }
    }
}

#[test]
fn chart_labels_stay_inside_and_apart() {
    nanum::ui::load_fonts();
    // Three Hangul letters at 13 px are about 13 px each: the measure is the font's, not zero.
    let name = measure("김민지", 13.0, false);
    assert!((30.0..50.0).contains(&name), "{name}");
    let hours = owned((9..=21).map(|h| h.to_string()).collect());
    check("hours", &hours, Axis::Sequence, "85,100원");
    let days = owned((1..=31).map(|d| format!("{d:02}")).collect());
    check("a month's days", &days, Axis::Sequence, "1,234,500원");
    let sessions = owned((0..12).map(|i| format!("{:02}:20", 8 + i)).collect());
    check("till sessions", &sessions, Axis::Sequence, "62,700원");
    let two_tills = owned((0..8).map(|i| format!("{} {:02}:05", 1 + i % 2, 9 + i)).collect());
    check("two tills", &two_tills, Axis::Sequence, "₩62,700");
    let people = [
        "김민지",
        "이서준",
        "박순자",
        "최영희",
        "정다은",
        "강하늘",
        "윤서연",
        "임지호",
        "한지민",
        "오세훈",
        "Sarah Kim",
    ];
    check("volunteers", &people, Axis::Names, "12시간");
    let categories =
        ["여성 의류", "남성 의류", "잡화·액세서리", "공정무역", "도서", "음반·DVD", "Kitchenware", "장난감"];
    check("categories", &categories, Axis::Names, "85,100원");
}

#[test]
fn a_peak_at_the_edge_keeps_its_first_digits() {
    nanum::ui::load_fonts();
    // At 800×600 a chart is about 360 px wide; the peak is the first bar.
    let chart = Bars {
        bars: bars(&["10", "11", "12", "13"], 0),
        peak_label: "62,700원".into(),
        line: false,
        axis: Axis::Sequence,
    };
    let placed = chart.labels(Size::new(360.0, 120.0), &measure);
    let peak = placed.iter().find(|l| l.bold).unwrap();
    assert_eq!(peak.text, "62,700원");
    assert!(peak.rect.x >= 0.0, "{peak:?}");
}
