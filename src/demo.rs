//! The demo store: 나눔가게 신촌점, with the categories, price guide, staff and fair-trade stock
//! of a typical charity thrift store, and as many days of history as asked for: each day the
//! till is opened, sales are rung up (some discounted, rounded up, with a cash receipt or paid
//! with a voucher), a line is refunded most days and a sale voided now and then, takings are
//! banked and the till is closed, a little short or over now and then. The history is made
//! through the same pricing, commit and till paths as the till, from a fixed seed, so the same
//! `today` and `days` always give the same figures.

use std::path::Path;

use chrono::{DateTime, Datelike, Days, FixedOffset, Local, NaiveDate, NaiveTime, TimeZone, Weekday};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use rust_decimal::Decimal;

use crate::domain::cash_receipt::{CashReceipt, IdKind, Purpose};
use crate::domain::discount::{Discount, How};
use crate::domain::donation::{Accepted, Channel, OutFlow, RejectReason, Rejected};
use crate::domain::till::{Count, MoveKind};
use crate::domain::{Cart, Condition, IsoWeek, Payment, Phone, PriceTag, Role, StaffMember, StoreInfo, Tendering, Won};
use crate::store::{
    ItemSetup, NewDonation, NewDonor, NewOutFlow, NewRefund, NewSale, NewTags, RefundTo, Returned, StaffSetup,
    StockSetup, Store, StoreError, StoreSetup, TillId, category_line,
};

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
    let summary = history(&mut store, days, today, SEED)?;
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
    let summary = history(&mut store, days, today, SEED ^ u64::from(code).wrapping_mul(0x9E37_79B9))?;
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

fn history(store: &mut Store, days: u32, today: NaiveDate, seed: u64) -> Result<Summary, StoreError> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let categories = store.categories()?;
    let donated: Vec<_> = categories.iter().filter(|c| c.key_position.is_some()).collect();
    let staff = store.staff()?;
    let stock = store.stock_items()?;
    let by_role = |role| staff.iter().find(|s: &&StaffMember| s.role == role).expect("demo staff");
    let rota = [(by_role(Role::Cashier), 6), (by_role(Role::Volunteer), 3), (by_role(Role::Manager), 1)];
    // Clothes and books move most; appliances and bedding least.
    let category_weights: Vec<(usize, u32)> = donated
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (
                i,
                match c.code.as_str() {
                    "001" => 20,
                    "002" | "007" => 10,
                    "003" | "009" => 8,
                    "004" => 7,
                    "005" | "006" | "010" => 6,
                    "011" => 5,
                    _ => 2,
                },
            )
        })
        .collect();
    let mut summary = Summary { days, ..Summary::default() };
    let mut vouchers: Vec<String> = Vec::new();
    let first_day = today - Days::new(u64::from(days));
    let donors = demo_donors(store, &mut rng, local(first_day, NaiveTime::from_hms_opt(9, 0, 0).unwrap()))?;
    // Price tags sold, by code, to print the batches they came from.
    let mut tags_sold: std::collections::BTreeMap<String, (String, Condition, Won, IsoWeek, u32)> = Default::default();
    let mut serial = store.last_item_serial()?;
    let mut unique_on_floor: Vec<String> = Vec::new();

    for offset in (1..=u64::from(days)).rev() {
        let date = today - Days::new(offset);
        // A few unique items are tagged most mornings.
        let tagged: Vec<ItemSetup> = (0..rng.random_range(0..3u32))
            .map(|_| {
                serial += 1;
                let (category, description, price) = UNIQUE_ITEMS[rng.random_range(0..UNIQUE_ITEMS.len())];
                ItemSetup {
                    serial,
                    description: description.into(),
                    category: category.into(),
                    price: Won::new(price),
                    condition: *pick(&mut rng, &[(Condition::LikeNew, 1), (Condition::Good, 2)]),
                    intake_date: date,
                }
            })
            .collect();
        if !tagged.is_empty() {
            let codes = store.add_items(
                &tagged,
                Some(by_role(Role::Manager).id),
                local(date, NaiveTime::from_hms_opt(10, 0, 0).unwrap()),
            )?;
            summary.items_tagged += codes.len();
            unique_on_floor.extend(codes);
        }

        // Donations come in all day: most people give at the counter, some by van or parcel.
        let volunteer = by_role(Role::Volunteer);
        let donated_today: Vec<Given> = (0..rng.random_range(2..8u32))
            .map(|_| {
                let donor = (!rng.random_bool(0.25)).then(|| {
                    // A few regulars give again and again.
                    if rng.random_bool(0.4) { rng.random_range(0..10) } else { rng.random_range(0..donors.len()) }
                });
                let channel = *pick(&mut rng, &[(Channel::WalkIn, 7), (Channel::Pickup, 2), (Channel::Parcel, 1)]);
                let accepted: Vec<Accepted> = (0..rng.random_range(1..4u32))
                    .map(|_| Accepted {
                        category: donated[*pick(&mut rng, &category_weights)].code.clone(),
                        count: rng.random_range(1..15),
                    })
                    .fold(Vec::new(), |mut all: Vec<Accepted>, a| {
                        match all.iter_mut().find(|x| x.category == a.category) {
                            Some(x) => x.count += a.count,
                            None => all.push(a),
                        }
                        all
                    });
                let rejected = if rng.random_bool(0.3) {
                    vec![Rejected {
                        category: Some(accepted[0].category.clone()),
                        count: rng.random_range(1..4),
                        reason: *pick(
                            &mut rng,
                            &[
                                (RejectReason::Stained, 4),
                                (RejectReason::Damaged, 3),
                                (RejectReason::NotAccepted, 2),
                                (RejectReason::Safety, 1),
                            ],
                        ),
                        note: String::new(),
                    }]
                } else {
                    Vec::new()
                };
                let (bags, boxes) = match channel {
                    Channel::WalkIn => (rng.random_range(1..4), 0),
                    _ => (0, rng.random_range(1..6)),
                };
                (donor, channel, accepted, rejected, bags, boxes)
            })
            .collect();
        let donations: Vec<NewDonation<'_>> = donated_today
            .iter()
            .enumerate()
            .map(|(i, (donor, channel, accepted, rejected, bags, boxes))| NewDonation {
                donor: donor.map(|d| &donors[d]),
                channel: *channel,
                accepted: accepted.clone(),
                rejected: rejected.clone(),
                bags: *bags,
                boxes: *boxes,
                grams: None,
                note: String::new(),
                staff: volunteer,
                at: local(date, NaiveTime::from_hms_opt(10, 40 + i as u32 * 2, 0).unwrap()),
            })
            .collect();
        store.record_donations(donations).map_err(donation_refused)?;

        let base = match date.weekday() {
            Weekday::Mon => 45,
            Weekday::Tue | Weekday::Wed => 50,
            Weekday::Thu => 55,
            Weekday::Fri => 65,
            Weekday::Sat => 90,
            Weekday::Sun => 70,
        };
        let count = base * rng.random_range(80..=120u32) / 100;
        // Open 10:30–19:30, busiest over lunch and late afternoon.
        let hours: [(u32, u32); 10] =
            [(10, 5), (11, 8), (12, 12), (13, 13), (14, 11), (15, 10), (16, 11), (17, 12), (18, 10), (19, 4)];
        let mut times: Vec<NaiveTime> = (0..count)
            .map(|_| {
                let hour = *pick(&mut rng, &hours);
                let minute = match hour {
                    10 => rng.random_range(30..60),
                    19 => rng.random_range(0..30),
                    _ => rng.random_range(0..60),
                };
                NaiveTime::from_hms_opt(hour, minute, rng.random_range(0..60)).expect("valid time")
            })
            .collect();
        times.sort();

        // The manager opens the till before the doors open, with what the last close kept.
        let till = TillId("1".into());
        let manager = by_role(Role::Manager);
        let float = store.last_kept(&till)?.filter(|k| k.is_positive()).unwrap_or(Won::new(100_000));
        let session = store
            .open_session(&till, manager, Count::of(float), local(date, NaiveTime::from_hms_opt(10, 20, 0).unwrap()))
            .map_err(till_refused)?;

        let mut day: Vec<Basket> = Vec::new();
        for time in times {
            let mut cart = Cart::new();
            let size = *pick(&mut rng, &[(1, 38), (2, 26), (3, 15), (4, 9), (5, 6), (6, 3), (8, 3)]);
            for _ in 0..size {
                let kind = *pick(&mut rng, &[(0, 68), (1, 12), (2, 12), (3, 8)]);
                let line = match kind {
                    1 => {
                        let category = donated[*pick(&mut rng, &category_weights)];
                        let price = Won::new(rng.random_range(2..=10) * 500);
                        category_line(category, price)
                    }
                    2 => {
                        let product = &stock[rng.random_range(0..stock.len())];
                        store.price_scan(&product.ean, date).map_err(scan_failure)?.line
                    }
                    3 if !unique_on_floor.is_empty() => {
                        let code = unique_on_floor.remove(rng.random_range(0..unique_on_floor.len()));
                        store.price_scan(&code, date).map_err(scan_failure)?.line
                    }
                    _ => {
                        let category = donated[*pick(&mut rng, &category_weights)];
                        let condition = *pick(&mut rng, &[(0usize, 1), (1, 2), (2, 1)]);
                        let price = category.guide.get(condition).map_or(Won::new(3000), |g| g.price);
                        let weeks_ago =
                            *pick(&mut rng, &[(0i64, 25), (1, 22), (2, 18), (3, 14), (4, 11), (5, 6), (6, 4)]);
                        let intake = IsoWeek::of(date).plus_weeks(-weeks_ago);
                        let code = category
                            .code
                            .parse()
                            .ok()
                            .and_then(|c| PriceTag::new(c, price, intake))
                            .expect("demo tag fits")
                            .code();
                        store.price_scan(&code, date).map_err(scan_failure)?.line
                    }
                };
                let _ = cart.add(line);
            }
            if cart.is_empty() {
                continue;
            }
            // Now and then a damaged item is marked down at the counter, within the limit.
            if rng.random_bool(0.06) {
                let discount = Discount { how: How::Percent(Decimal::TEN), reason: "흠집·파손".into() };
                let _ = cart.discount_line(0, &discount, store.info().price_step);
            }
            let cash = rng.random_bool(0.42);
            // Some cash customers round up to the next thousand for the charity.
            if cash && rng.random_bool(0.15) {
                cart.round_up(true);
            }
            let total = cart.total();
            let mut tendering = Tendering::new(total).expect("a demo basket is never empty");
            if cash {
                let step = *pick(&mut rng, &[(1, 3), (1_000, 2), (5_000, 2), (10_000, 2), (50_000, 1)]);
                tendering.cash(Won::new((total.get() + step - 1) / step * step)).expect("enough cash");
            } else {
                tendering.card(total, None).expect("a card pays what is due");
            }
            let cash_receipt = (cash && rng.random_bool(0.3)).then(|| CashReceipt {
                kind: IdKind::Phone,
                id: format!("010{:08}", rng.random_range(0..100_000_000u32)),
                purpose: Purpose::Deduction,
            });
            let who = *pick(&mut rng, &rota);
            day.push(Basket { cart, tendering, staff: who, at: local(date, time), cash_receipt });
        }
        // A customer with a voucher from an earlier refund spends it on one of today's sales.
        if let Some(code) = vouchers.pop()
            && let Some(credit) = store.credit(&code)?.filter(|c| c.balance.is_positive())
            && let Some(basket) = day.iter_mut().find(|b| b.cart.total() >= credit.balance)
        {
            let mut tendering = Tendering::new(basket.cart.total()).expect("not empty");
            tendering.credit(code, credit.balance).expect("a voucher with a balance pays");
            if !tendering.is_paid() {
                tendering.card(tendering.left(), None).expect("the rest on the card");
            }
            basket.tendering = tendering;
            basket.cash_receipt = None;
        }
        let payments: Vec<Payment> =
            day.iter().map(|b| b.tendering.clone().finish().expect("every basket is paid")).collect();
        let committed = store
            .commit_sales(day.iter().zip(&payments).map(|(b, payment)| NewSale {
                cash_receipt: b.cash_receipt.as_ref(),
                ..NewSale::new(&b.cart, payment, b.staff, b.at).at_till(&till, Some(&session))
            }))
            .map_err(demo_refused)?;
        summary.sales += committed.len();
        summary.gross += committed.iter().map(|s| s.total).sum::<Won>();
        for line in committed.iter().flat_map(|s| &s.lines).filter(|l| l.kind == crate::domain::LineKind::PriceTag) {
            let Some(code) = &line.code else { continue };
            let Ok(crate::domain::Code::Price(tag)) = crate::domain::codes::parse(code) else { continue };
            let category = tag.category_code();
            let guide = donated.iter().find(|c| c.code == category).map(|c| c.guide.clone()).unwrap_or_default();
            let condition = guide.iter().find(|g| g.price == tag.price).map_or(Condition::Good, |g| g.condition);
            let entry = tags_sold.entry(code.clone()).or_insert((category, condition, tag.price, tag.intake, 0));
            entry.4 += line.quantity.unsigned_abs();
        }

        // The day's after-sales: a line brought back most days (to the card or cash it was paid
        // with, or to a voucher), and a sale voided now and then (rung up twice by mistake).
        let evening = |h: u32, m: u32| local(date, NaiveTime::from_hms_opt(h, m, 0).unwrap());
        if rng.random_bool(0.6)
            && let Some(sale) = committed.get(rng.random_range(0..committed.len().max(1)))
            && let Some(line) = sale.lines.iter().position(|l| l.is_goods())
        {
            let to = *pick(&mut rng, &[(RefundTo::Original, 3), (RefundTo::Credit, 2)]);
            let refunded = store
                .refund(NewRefund {
                    returned: Returned::Lines { sale: sale.id, lines: vec![(line, 1)] },
                    to,
                    staff: by_role(Role::Cashier),
                    approved_by: manager,
                    session: Some(&session),
                    till: Some(&till),
                    at: evening(19, 10),
                })
                .map_err(demo_refused)?;
            vouchers.extend(refunded.credit.map(|c| c.code));
        }
        if rng.random_bool(0.2)
            && let Some(sale) = committed.iter().rev().find(|s| !store.returnable(s.id).unwrap_or_default().is_empty())
        {
            let untouched = store.sales_of(date)?.iter().any(|s| s.id == sale.id && s.reversed == Won::ZERO);
            if untouched {
                store
                    .void(sale.id, by_role(Role::Cashier), manager, Some(&session), Some(&till), evening(19, 15))
                    .map_err(demo_refused)?;
            }
        }
        // Change bought from the bank some mornings; takings banked most evenings.
        if rng.random_bool(0.3) {
            store.cash_move(&session, MoveKind::In, Won::new(50_000), "잔돈 교환", manager, None, evening(12, 0))?;
        }
        let report = store.session_report(session.id)?;
        let expected = report.cash.expected();
        let banked = Won::new((expected.get() - float.get()).max(0) / 10_000 * 10_000);
        if banked.is_positive() {
            store.cash_move(&session, MoveKind::Out, banked, "은행 입금", manager, Some(manager), evening(19, 40))?;
        }
        // The count is right most days; now and then a coin or a note is off.
        let off = *pick(&mut rng, &[(0i64, 14), (-1_000, 2), (-500, 1), (1_000, 1), (-100, 1)]);
        let counted = expected - banked + Won::new(off);
        store
            .close_session(&session, manager, Count::of(counted), counted.min(float), true, evening(19, 50))
            .map_err(till_refused)?;
    }

    // The tags those sales came from, printed on the Monday of their intake week with some still
    // on the floor; then each Monday's pull of the colour due, to the outlet by weight.
    let pricer = by_role(Role::Volunteer);
    let batches: Vec<NewTags<'_>> = tags_sold
        .values()
        .map(|(category, condition, price, intake, sold)| {
            let monday = NaiveDate::from_isoywd_opt(intake.year(), intake.week(), Weekday::Mon).unwrap_or(first_day);
            NewTags {
                category: category.clone(),
                condition: *condition,
                price: *price,
                count: sold + sold * rng.random_range(10..40u32) / 100 + 1,
                intake: *intake,
                item: None,
                staff: pricer,
                approved_by: None,
                donation: None,
                at: local(monday, NaiveTime::from_hms_opt(9, 30, 0).unwrap()),
            }
        })
        .collect();
    store.record_tag_batches(&batches)?;
    let mut pulls = Vec::new();
    for offset in (1..=u64::from(days)).rev() {
        let date = today - Days::new(offset);
        if date.weekday() != Weekday::Mon {
            continue;
        }
        for line in store.pull_list(date)?.into_iter().filter(|l| l.left() > 0) {
            let Some(week) = IsoWeek::from_yyww(&line.week) else { continue };
            let count = u32::try_from(line.left()).unwrap_or(0);
            pulls.push(NewOutFlow {
                kind: if rng.random_bool(0.8) { OutFlow::Outlet } else { OutFlow::Recycling },
                category: line.category,
                count,
                grams: Some(count * rng.random_range(200..600)),
                week: Some(week),
                note: String::new(),
                staff: pricer,
                at: local(date, NaiveTime::from_hms_opt(9, 15, 0).unwrap()),
            });
        }
        // Fair-trade goods come in on Mondays too.
        for product in &stock {
            store.receive_stock(
                &product.ean,
                rng.random_range(6..18),
                by_role(Role::Manager),
                local(date, NaiveTime::from_hms_opt(9, 5, 0).unwrap()),
            )?;
        }
    }
    store.record_out_flows(&pulls)?;
    // What was on the shelf before the first demo day: enough that every product ends with a
    // few left, two or three of them low.
    for product in &stock {
        let Some(now) = store.stock_item(&product.ean)? else { continue };
        let left = if rng.random_bool(0.2) { rng.random_range(1..5) } else { rng.random_range(8..40) };
        if now.on_hand < left {
            let opening = u32::try_from(left - now.on_hand).unwrap_or(0);
            store.receive_stock(
                &product.ean,
                opening,
                by_role(Role::Manager),
                local(first_day, NaiveTime::from_hms_opt(9, 0, 0).unwrap()),
            )?;
        }
    }

    // A rail of unique items still on the floor, for trying the till.
    let floor: Vec<ItemSetup> = UNIQUE_ITEMS
        .iter()
        .take(6)
        .map(|&(category, description, price)| {
            serial += 1;
            ItemSetup {
                serial,
                description: description.into(),
                category: category.into(),
                price: Won::new(price),
                condition: Condition::Good,
                intake_date: today - Days::new(rng.random_range(0..14)),
            }
        })
        .collect();
    summary.items_tagged +=
        store.add_items(&floor, Some(by_role(Role::Manager).id), Local::now().fixed_offset())?.len();
    demo_shifts(store, &mut rng, first_day, today, by_role(Role::Volunteer), by_role(Role::Manager))?;
    Ok(summary)
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

/// A sale on its way to being committed with the rest of the day's.
struct Basket<'a> {
    cart: Cart,
    tendering: Tendering,
    staff: &'a StaffMember,
    at: DateTime<FixedOffset>,
    cash_receipt: Option<CashReceipt>,
}

/// A demo donation before it is written: the donor (an index into the pool, or anonymous),
/// channel, accepted, rejected, bags, boxes.
type Given = (Option<usize>, Channel, Vec<Accepted>, Vec<Rejected>, u32, u32);

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
        .map(|id| store.donor(id)?.map(|m| m.donor).ok_or_else(|| StoreError::Invalid("a demo donor vanished".into())))
        .collect()
}

fn donation_refused(e: crate::store::DonationError) -> StoreError {
    match e {
        crate::store::DonationError::Store(e) => e,
        other => StoreError::Invalid(format!("the demo made a donation the store refuses: {other}")),
    }
}

fn till_refused(e: crate::store::TillError) -> StoreError {
    match e {
        crate::store::TillError::Store(e) => e,
        other => StoreError::Invalid(format!("the demo's till was refused: {other}")),
    }
}

fn demo_refused(e: crate::store::SaleError) -> StoreError {
    match e {
        crate::store::SaleError::Store(e) => e,
        other => StoreError::Invalid(format!("the demo made a sale the till refuses: {other}")),
    }
}

fn scan_failure(e: crate::store::ScanError) -> StoreError {
    StoreError::Invalid(format!("the demo made a code the till refuses: {e}"))
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
