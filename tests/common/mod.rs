//! Shared set-up for the integration tests: a real store file in a temporary directory, a
//! fixed day, and small helpers that read what a user would read.
#![allow(dead_code)]

#[cfg(all(feature = "till", feature = "central"))]
pub mod central;
#[cfg(feature = "till")]
pub mod devices;
pub mod pg;
#[cfg(feature = "till")]
pub mod sizes;
#[cfg(feature = "till")]
pub mod till;

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use nanum::domain::{Cart, IsoWeek, Payment, PriceTag, Sale, StaffMember, Won};
use nanum::store::{NewSale, Store, StoreSetup, TillId, TillSession};

/// Wednesday of ISO week 2026-W48, mid-afternoon in Seoul.
pub fn at(hour: u32, minute: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(9 * 3600).unwrap().with_ymd_and_hms(2026, 11, 25, hour, minute, 0).unwrap()
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

pub struct TempStore {
    pub dir: tempfile::TempDir,
    pub store: Store,
}

impl TempStore {
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("store.db")
    }
}

pub fn minimal() -> TempStore {
    with_setup(&StoreSetup::minimal("테스트가게"))
}

pub fn demo_without_history() -> TempStore {
    with_setup(&nanum::demo::setup())
}

pub fn with_setup(setup: &StoreSetup) -> TempStore {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create(&dir.path().join("store.db"), setup).unwrap();
    TempStore { dir, store }
}

pub fn staff(store: &Store, name: &str) -> StaffMember {
    store.staff().unwrap().into_iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no staff {name}"))
}

/// A price-point tag for `category` at `price`, taken in `weeks_ago` weeks before [`today`].
pub fn tag(category: u16, price: i64, weeks_ago: i64) -> String {
    PriceTag::new(category, Won::new(price), IsoWeek::of(today()).plus_weeks(-weeks_ago)).unwrap().code()
}

/// Till 1's open session; if nobody has opened it, `staff` opens it with an empty drawer.
pub fn open_till(store: &mut Store, staff: &StaffMember, when: DateTime<FixedOffset>) -> TillSession {
    let till = TillId("1".into());
    match store.current_session(&till).unwrap() {
        Some(open) => open,
        None => store.open_session(&till, staff, nanum::domain::till::Count::of(Won::ZERO), when).unwrap(),
    }
}

/// The demo manager (김민지, PIN 1234) approves `action`, asked by `asked`.
pub fn approve(
    store: &mut Store,
    action: &nanum::store::Approval,
    asked: &StaffMember,
    when: DateTime<FixedOffset>,
) -> nanum::store::Approved {
    let manager = staff(store, "김민지");
    store.approve(action, asked, manager.id, "1234", when).unwrap()
}

/// What a manager approves to void `sale`.
pub fn void_approval(sale: &Sale) -> nanum::store::Approval {
    nanum::store::Approval::Void {
        sale: nanum::store::document_ref(sale.business_date, sale.sale_no),
        amount: sale.total,
    }
}

/// Rings up `codes` on till 1 and pays cash.
pub fn cash_sale(
    store: &mut Store,
    codes: &[&str],
    tendered: i64,
    staff: &StaffMember,
    when: DateTime<FixedOffset>,
) -> Sale {
    let mut cart = Cart::new();
    for code in codes {
        cart.add(store.price_scan(code, when.date_naive()).unwrap().line).unwrap();
    }
    let payment = Payment::cash(cart.total(), Won::new(tendered)).unwrap();
    let session = open_till(store, staff, when);
    store.commit_sale(NewSale::new(&cart, &payment, staff, &session, when)).unwrap()
}

/// Rings up `n` one-item cash sales by the demo cashier; returns how many committed.
pub fn sell_some(store: &mut Store, n: usize) -> usize {
    let cashier = staff(store, "이서준");
    let code = tag(1, 3000, 0);
    (0..n).map(|i| cash_sale(store, &[&code], 5000, &cashier, at(15, (i % 60) as u32))).count()
}

pub fn count(path: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// A monotonic clock the test moves by hand (the wall clock is whatever the test passes).
#[derive(Clone)]
pub struct Uptime(std::sync::Arc<std::sync::Mutex<i64>>);

impl Uptime {
    pub fn clock(&self) -> nanum::store::BootClock {
        let ms = self.0.clone();
        std::sync::Arc::new(move || {
            Some(nanum::domain::BootMark { boot_id: "test-boot".into(), uptime_ms: *ms.lock().unwrap() })
        })
    }

    pub fn advance(&self, seconds: i64) {
        *self.0.lock().unwrap() += seconds * 1000;
    }
}

/// Gives `store` a monotonic clock the test controls, starting an hour after boot.
pub fn boot_clock(store: &mut Store) -> Uptime {
    let uptime = Uptime(std::sync::Arc::new(std::sync::Mutex::new(3_600_000)));
    store.set_boot_clock(uptime.clock());
    uptime
}
