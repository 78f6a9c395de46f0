//! Scan to paint in the real window, for `scripts/scan-to-paint` (#21).
//!
//! `scan_to_paint tag DB COUNT SCANS` puts COUNT item tags on the store's shelves in one plain
//! transaction and prints SCANS of their codes, then the float the last close left (to open the
//! till without a difference). `scan_to_paint measure WINDOW CODES` types each code into the
//! till's window (xdotool, as a keyboard-wedge scanner), waits for the window to settle, presses
//! Enter through XTEST and times until the first damage to the window that changes more than a
//! cursor's worth of pixels: the frame that shows the line. It prints the median, p90 and p99.
//! `scan_to_paint cart DB` prints how many lines the till's open cart has saved.

use std::process::Command;
use std::time::{Duration, Instant};

use nanum::domain::codes::ItemTag;
use x11rb::connection::Connection;
use x11rb::protocol::Event;
use x11rb::protocol::damage::{ConnectionExt as _, ReportLevel};
use x11rb::protocol::xproto::{ConnectionExt as _, ImageFormat};
use x11rb::protocol::xtest::ConnectionExt as _;

#[path = "../benches/common/tags.rs"]
mod tags;

/// Pixels a blinking cursor can change; a new line on the list changes thousands.
const CURSOR_PIXELS: usize = 400;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["tag", db, count, scans] => tag(db, count.parse().expect("COUNT"), scans.parse().expect("SCANS")),
        ["measure", window, codes] => measure(window, codes),
        ["cart", db] => {
            let conn = rusqlite::Connection::open(db).expect("the store file");
            let lines: i64 = conn
                .query_row(
                    "SELECT count(*) FROM cart_lines JOIN carts ON carts.uuid = cart WHERE state = 'open'",
                    [],
                    |r| r.get(0),
                )
                .expect("the open cart");
            println!("{lines}");
        }
        _ => {
            eprintln!("usage: scan_to_paint tag DB COUNT SCANS | measure WINDOW CODES_FILE | cart DB");
            std::process::exit(2);
        }
    }
}

fn tag(db: &str, count: u32, scans: u32) {
    let conn = rusqlite::Connection::open(db).expect("the store file");
    let store: u16 = conn.query_row("SELECT code FROM store", [], |r| r.get(0)).expect("store code");
    tags::tag_items(std::path::Path::new(db), store, count);
    // Spread over the shelves, every one different.
    let step = (count / scans.max(1)).max(1);
    for n in 0..scans.min(count) {
        println!("{}", ItemTag::new(store, tags::FIRST_SERIAL + n * step + (n * 7919) % step).expect("serial").code());
    }
    let kept: i64 = conn
        .query_row(
            "SELECT coalesce((SELECT kept FROM till_sessions WHERE closed_at IS NOT NULL ORDER BY id DESC LIMIT 1), 0)",
            [],
            |r| r.get(0),
        )
        .expect("last close");
    println!("float {kept}");
}

fn measure(window: &str, codes: &str) {
    let window = match window.strip_prefix("0x") {
        Some(hex) => u32::from_str_radix(hex, 16),
        None => window.parse(),
    }
    .expect("a window id");
    let codes = std::fs::read_to_string(codes).expect("the codes file");
    let (conn, screen) = x11rb::connect(None).expect("the X display");
    let root = conn.setup().roots[screen].root;
    conn.damage_query_version(1, 1).expect("damage").reply().expect("the DAMAGE extension");
    let damage = conn.generate_id().expect("an id");
    conn.damage_create(damage, window, ReportLevel::NON_EMPTY).expect("damage on the window");
    let geometry = conn.get_geometry(window).expect("geometry").reply().expect("the window's size");
    let setup = conn.setup();
    let keys = conn
        .get_keyboard_mapping(setup.min_keycode, setup.max_keycode - setup.min_keycode + 1)
        .expect("keymap")
        .reply()
        .expect("the keyboard map");
    let per = keys.keysyms_per_keycode as usize;
    let enter = (0..keys.keysyms.len() / per).find(|i| keys.keysyms[i * per] == 0xff0d).expect("a Return key") as u8
        + setup.min_keycode;
    conn.flush().expect("flush");

    let image = || {
        conn.get_image(ImageFormat::Z_PIXMAP, window, 0, 0, geometry.width, geometry.height, !0)
            .expect("image")
            .reply()
            .expect("the window's pixels")
            .data
    };
    let settle = |quiet: Duration| {
        let mut last = Instant::now();
        while last.elapsed() < quiet {
            while let Some(event) = conn.poll_for_event().expect("events") {
                if let Event::DamageNotify(_) = event {
                    last = Instant::now();
                    conn.damage_subtract(damage, 0u32, 0u32).expect("subtract");
                    conn.flush().expect("flush");
                }
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    };

    let mut took = Vec::new();
    for code in codes.lines().filter(|l| !l.starts_with("float")) {
        Command::new("xdotool").args(["type", "--delay", "5", code]).status().expect("xdotool");
        settle(Duration::from_millis(150));
        let before = image();
        const KEY_PRESS: u8 = 2;
        const KEY_RELEASE: u8 = 3;
        conn.xtest_fake_input(KEY_PRESS, enter, 0, root, 0, 0, 0).expect("press");
        conn.xtest_fake_input(KEY_RELEASE, enter, 0, root, 0, 0, 0).expect("release");
        conn.flush().expect("flush");
        let pressed = Instant::now();
        let mut painted = None;
        while painted.is_none() && pressed.elapsed() < Duration::from_secs(2) {
            if let Event::DamageNotify(_) = conn.wait_for_event().expect("an event") {
                let at = pressed.elapsed();
                conn.damage_subtract(damage, 0u32, 0u32).expect("subtract");
                conn.flush().expect("flush");
                let after = image();
                if before.chunks(4).zip(after.chunks(4)).filter(|(a, b)| a != b).count() > CURSOR_PIXELS {
                    painted = Some(at);
                }
            }
        }
        took.push(painted.unwrap_or_else(|| panic!("{code}: the window did not change within 2 s")));
        settle(Duration::from_millis(300));
    }
    let mut ms: Vec<f64> = took.iter().map(|d| d.as_secs_f64() * 1e3).collect();
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    println!(
        "{} scans, Enter to the frame that shows the line: median {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, slowest {:.1} ms",
        ms.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        ms[ms.len() - 1]
    );
}
