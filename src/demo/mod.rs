//! The demo store: 나눔가게 신촌점, with the categories, price guide, staff and fair-trade stock
//! of a typical charity thrift store, and as many days of history as asked for: each day the
//! till is opened, sales are rung up (some discounted, rounded up, with a cash receipt or paid
//! with a voucher), a line is refunded most days and a sale voided now and then, takings are
//! banked and the till is closed, a little short or over now and then. The history is made
//! through the same pricing, commit and till paths as the till, from a fixed seed, so the same
//! `today` and `days` always give the same figures.

use std::path::Path;

use chrono::{DateTime, Datelike, Days, FixedOffset, Local, NaiveDate, NaiveTime, TimeZone};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use crate::domain::{IsoWeek, Phone, PriceTag, Role, StaffMember, StoreInfo, Won};
use crate::store::{NewDonor, StaffSetup, StockSetup, Store, StoreError, StoreSetup};

mod history;

pub const SEED: u64 = 2026;

/// The demo PINs, shown on the login screen of a demo store only.
pub const PINS: [(Role, &str); 3] = [(Role::Manager, "1234"), (Role::Cashier, "2222"), (Role::Volunteer, "3333")];

#[rustfmt::skip]
const STOCK: &[(&str, &str, &str, i64, i64)] = &[
    ("018", "공정무역 커피 원두 200g", "Fair-trade coffee beans 200 g", 12_000, 40),
    ("018", "공정무역 드립백 커피 10개입", "Fair-trade drip coffee, 10 bags", 9_000, 60),
    ("018", "공정무역 커피믹스 30개입", "Fair-trade coffee mix, 30 sticks", 8_500, 50),
    ("019", "공정무역 홍차 20티백", "Fair-trade black tea, 20 bags", 6_000, 30),
    ("019", "공정무역 다크 초콜릿 70%", "Fair-trade dark chocolate 70%", 3_500, 80),
    ("019", "공정무역 캐슈너트 150g", "Fair-trade cashew nuts 150 g", 7_000, 25),
    ("020", "공정무역 면 에코백", "Fair-trade cotton tote bag", 15_000, 20),
    ("020", "공정무역 손뜨개 파우치", "Fair-trade hand-knitted pouch", 8_000, 15),
];

#[rustfmt::skip]
const UNIQUE_ITEMS: &[(&str, &str, i64)] = &[
    ("001", "울 코트 (여성, 66)", 25_000), ("002", "가죽 재킷 (남성, 100)", 35_000),
    ("005", "가죽 숄더백", 30_000), ("004", "등산화 (260)", 18_000), ("014", "전기 포트", 12_000),
    ("015", "아동 자전거 (16인치)", 40_000), ("009", "도자기 찻잔 세트", 15_000),
    ("007", "어린이 과학 전집 (30권)", 25_000), ("017", "원목 스툴", 20_000), ("002", "정장 세트 (남성, 100)", 30_000),
    ("014", "핸드 블렌더", 15_000), ("005", "여행 가방 (24인치)", 28_000),
];

pub fn setup() -> StoreSetup {
    let staff = |name: &str, role: Role| StaffSetup {
        name: name.into(),
        role,
        pin: PINS.iter().find(|(r, _)| *r == role).map(|(_, p)| p.to_string()).unwrap_or_default(),
    };
    let info = StoreInfo {
        uuid: Uuid::now_v7().to_string(),
        code: 1,
        name: "나눔가게 신촌점".into(),
        address: "서울특별시 서대문구 신촌로 123, 1층".into(),
        phone: "02-123-4567".into(),
        business_no: "123-45-67890".into(),
        representative: String::new(),
        receipt_footer: String::new(),
        price_step: Won::new(100),
        is_demo: true,
    };
    let staff = vec![staff("김민지", Role::Manager), staff("이서준", Role::Cashier), staff("박순자", Role::Volunteer)];
    let mut setup = crate::store::defaults::setup(info, staff);
    setup.stock = STOCK
        .iter()
        .enumerate()
        .map(|(i, &(category, name_ko, name_en, price, on_hand))| StockSetup {
            ean: demo_ean(i),
            name_ko: name_ko.into(),
            name_en: name_en.into(),
            category: category.into(),
            price: Won::new(price),
            on_hand,
        })
        .collect();
    setup
}

/// The demo products' EAN-13s: 880 (Korea) 9990000, then a running number and the check digit.
pub fn demo_ean(index: usize) -> String {
    crate::domain::Ean13::from_body(&format!("8809990000{:02}", index + 1)).expect("12 digits").to_string()
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub days: u32,
    pub sales: usize,
    pub gross: Won,
    pub items_tagged: usize,
}

/// Makes a demo store at `path` with `days` days of history ending the day before `today`.
pub fn create(path: &Path, days: u32, today: NaiveDate) -> Result<(Store, Summary), StoreError> {
    let mut store = Store::create(path, &setup())?;
    let summary = history::make(&mut store, days, today, SEED)?;
    Ok((store, summary))
}

/// A demo store with its own code and name, and a history of its own (seeded by the code), so
/// several demo stores can sync to one head office.
pub fn create_store(
    path: &Path,
    days: u32,
    today: NaiveDate,
    code: u16,
    name: &str,
) -> Result<(Store, Summary), StoreError> {
    let mut setup = setup();
    setup.info.code = code;
    setup.info.name = name.to_string();
    let mut store = Store::create(path, &setup)?;
    let summary = history::make(&mut store, days, today, SEED ^ u64::from(code).wrapping_mul(0x9E37_79B9))?;
    Ok((store, summary))
}

fn local(date: NaiveDate, time: NaiveTime) -> DateTime<FixedOffset> {
    let naive = date.and_time(time);
    Local.from_local_datetime(&naive).earliest().unwrap_or_else(|| Local.from_utc_datetime(&naive)).fixed_offset()
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, weighted: &'a [(T, u32)]) -> &'a T {
    let total: u32 = weighted.iter().map(|(_, w)| w).sum();
    let mut roll = rng.random_range(0..total);
    for (value, weight) in weighted {
        if roll < *weight {
            return value;
        }
        roll -= weight;
    }
    &weighted[weighted.len() - 1].0
}

/// About twenty-five volunteers and their shifts: mornings and afternoons, a few whole days,
/// one long day over eight hours each month, and a few forgotten sign-outs the store closed at
/// closing time (confirmed by the manager the next day, except the last week's).
fn demo_shifts(
    store: &mut Store,
    rng: &mut ChaCha8Rng,
    first_day: NaiveDate,
    today: NaiveDate,
    regular: &StaffMember,
    manager: &StaffMember,
) -> Result<(), StoreError> {
    use crate::domain::volunteer::Duty;
    use crate::store::{NewVolunteer, PastShift};
    let people: Vec<NewVolunteer> = (0..24)
        .map(|i| NewVolunteer {
            name: format!("{}{}", FAMILY[(i * 5 + 3) % FAMILY.len()], GIVEN[(i * 7 + 2) % GIVEN.len()]),
            phone: crate::domain::Phone::parse(&format!("010{:08}", 31_000_000 + i * 104_729)),
            portal_id: (i % 3 != 0).then(|| format!("1365-{:06}", 200_000 + i * 37)),
            pin: "3333".into(),
            duties: match i % 4 {
                0 => vec![Duty::Counter, Duty::Sorting, Duty::Pricing, Duty::Intake],
                1 => vec![Duty::Sorting, Duty::Pricing],
                2 => vec![Duty::Counter, Duty::Intake],
                _ => vec![Duty::Sorting, Duty::Intake],
            },
        })
        .collect();
    let added = store.add_volunteers(&people, local(first_day, NaiveTime::from_hms_opt(8, 0, 0).unwrap()))?;
    let mut roster: Vec<(i64, Vec<Duty>)> = vec![(regular.id, Duty::ALL.to_vec())];
    roster.extend(added.iter().zip(&people).map(|(m, p)| (m.id, p.duties.clone())));
    let closing = store.closing_time()?;
    let hm = |h: u32, m: u32| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    let mut shifts = Vec::new();
    let mut date = first_day;
    while date < today {
        let mut here: Vec<usize> = (0..roster.len()).collect();
        // Six to ten people a day.
        for i in (1..here.len()).rev() {
            here.swap(i, rng.random_range(0..=i));
        }
        here.truncate(rng.random_range(6..11));
        for (n, &who) in here.iter().enumerate() {
            let (staff_id, duties) = &roster[who];
            let duty = duties[rng.random_range(0..duties.len())];
            let (start, end) = match n % 3 {
                0 => (hm(9, 50 + rng.random_range(0..10)), hm(13, rng.random_range(0..40))),
                1 => (hm(13, 50 + rng.random_range(0..10)), hm(18, rng.random_range(0..50))),
                _ => (hm(10, rng.random_range(0..30)), hm(16, rng.random_range(0..60))),
            };
            // The first open day of each month, the first volunteer stays on past eight hours.
            let (start, end) = if date.day() == 1 && n == 0 { (hm(9, 30), hm(19, 45)) } else { (start, end) };
            let forgotten = rng.random_bool(0.01);
            let end = if forgotten { closing } else { end };
            let confirmed = (forgotten && today - date > chrono::Duration::days(7))
                .then(|| (manager.id, local(date + Days::new(1), hm(9, 30))));
            shifts.push(PastShift {
                staff_id: *staff_id,
                duty,
                started: local(date, start),
                ended: local(date, end),
                flagged: forgotten,
                confirmed,
            });
        }
        date = date + Days::new(1);
    }
    store.record_shifts(&shifts)
}

/// Family and given names the demo's donors are made from.
const FAMILY: [&str; 12] = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오"];
const GIVEN: [&str; 16] = [
    "민지", "서준", "하은", "도윤", "지우", "예준", "서연", "시우", "지민", "수아", "현우", "순자", "영희", "철수",
    "미숙", "정호",
];

/// A hundred and fifty donors, most with a phone number, ten of them the store's regulars.
fn demo_donors(
    store: &mut Store,
    rng: &mut ChaCha8Rng,
    at: DateTime<FixedOffset>,
) -> Result<Vec<crate::store::Donor>, StoreError> {
    let new: Vec<NewDonor> = (0..150)
        .map(|_| NewDonor {
            name: format!("{}{}", FAMILY[rng.random_range(0..FAMILY.len())], GIVEN[rng.random_range(0..GIVEN.len())]),
            phone: rng
                .random_bool(0.85)
                .then(|| Phone::parse(&format!("010{:08}", rng.random_range(0..100_000_000u32))))
                .flatten(),
            wants_receipt: rng.random_bool(0.7),
            wants_messages: rng.random_bool(0.3),
        })
        .collect();
    let ids = store.add_donors(&new, at)?;
    ids.into_iter()
        .map(|id| store.donor(id)?.map(|m| m.donor).ok_or_else(|| StoreError::Bug("a demo donor vanished".into())))
        .collect()
}

fn donation_refused(e: crate::store::DonationError) -> StoreError {
    match e {
        crate::store::DonationError::Store(e) => e,
        other => StoreError::Bug(format!("the demo made a donation the store refuses: {other}")),
    }
}

fn till_refused(e: crate::store::TillError) -> StoreError {
    match e {
        crate::store::TillError::Store(e) => e,
        other => StoreError::Bug(format!("the demo's till was refused: {other}")),
    }
}

fn demo_refused(e: crate::store::SaleError) -> StoreError {
    match e {
        crate::store::SaleError::Store(e) => e,
        other => StoreError::Bug(format!("the demo made a sale the till refuses: {other}")),
    }
}

fn scan_failure(e: crate::store::ScanError) -> StoreError {
    StoreError::Bug(format!("the demo made a code the till refuses: {e}"))
}

/// Codes to try on a demo till today: price tags of different ages, a product and a unique item.
pub fn sample_codes(store: &Store, today: NaiveDate) -> Vec<String> {
    let this_week = IsoWeek::of(today);
    let tag = |category: u16, price: i64, weeks_ago: i64| {
        PriceTag::new(category, Won::new(price), this_week.plus_weeks(-weeks_ago)).map(|t| t.code())
    };
    let mut codes: Vec<String> = [tag(1, 5000, 0), tag(12, 3500, 4), tag(7, 2000, 1)].into_iter().flatten().collect();
    codes.push(demo_ean(0));
    codes.extend(store.unsold_items(1).unwrap_or_default());
    codes
}
