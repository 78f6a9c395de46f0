//! The demo's days, one step at a time, as a store lives them: unique items tagged in the
//! morning, donations taken in, the till opened, sales rung up and written, the day's refund and
//! void, takings banked and the till closed; then, over all the days, the tag batches those sales
//! came from, Monday pulls and deliveries, the shelf before the first day and a rail of items
//! still on the floor. Every draw from the seeded generator happens in the same order, so the
//! same seed, `today` and `days` always give the same store.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, NaiveTime, Weekday};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;

mod goods;

use super::{Summary, demo_donors, demo_refused, demo_shifts, local, pick, scan_failure, till_refused};
use crate::domain::cash_receipt::{CashReceipt, IdKind, Purpose};
use crate::domain::discount::{Discount, How};
use crate::domain::donation::{Accepted, Channel, Rejected};
use crate::domain::till::{Count, MoveKind};
use crate::domain::{
    Cart, Category, Condition, IsoWeek, LineKind, Payment, PriceTag, Role, Sale, StaffMember, StockItem, Tendering, Won,
};
use crate::store::{
    Approval, Approved, Donor, NewRefund, NewSale, RefundTo, Returned, SignInError, Store, StoreError, TillId,
    TillSession, category_line, document_ref,
};

/// A sale rung up but not yet written.
struct Basket<'a> {
    cart: Cart,
    tendering: Tendering,
    staff: &'a StaffMember,
    at: DateTime<FixedOffset>,
    cash_receipt: Option<CashReceipt>,
}

/// A demo donation before it is written: the donor (an index into the pool, or anonymous),
/// channel, what was accepted and refused, bags and boxes.
type Given = (Option<usize>, Channel, Vec<Accepted>, Vec<Rejected>, u32, u32);

/// A basket rung up: who took it (0 the cashier, 1 the volunteer, 2 the manager) is an index,
/// so the basket can be made while the history is being changed.
struct Rung {
    cart: Cart,
    tendering: Tendering,
    who: usize,
    cash_receipt: Option<CashReceipt>,
}

/// A price tag sold: its category, condition, price, intake week and how many.
type TagSold = (String, Condition, Won, IsoWeek, u32);

/// Makes `days` days of history ending the day before `today` on `store`, from `seed`.
pub fn make(store: &mut Store, days: u32, today: NaiveDate, seed: u64) -> Result<Summary, StoreError> {
    let mut history = History::new(store, days, today, seed)?;
    for offset in (1..=u64::from(days)).rev() {
        history.day(today - Days::new(offset))?;
    }
    history.print_batches()?;
    history.mondays(today, days)?;
    history.shelf_before()?;
    history.rail(today)?;
    demo_shifts(history.store, &mut history.rng, history.first_day, today, &history.volunteer, &history.manager)?;
    // The made-up days' receipts printed back then: the till owes none of them.
    history.store.settle_receipts(&TillId("1".into()))?;
    Ok(history.summary)
}

/// What the history carries from one day to the next.
struct History<'s> {
    store: &'s mut Store,
    rng: ChaCha8Rng,
    /// The categories donated goods are sold under, and how often each sells.
    donated: Vec<Category>,
    weights: Vec<(usize, u32)>,
    stock: Vec<StockItem>,
    cashier: StaffMember,
    volunteer: StaffMember,
    manager: StaffMember,
    donors: Vec<Donor>,
    first_day: NaiveDate,
    summary: Summary,
    /// Vouchers from refunds, to be spent on a later day.
    vouchers: Vec<String>,
    /// Price tags sold, by code, to print the batches they came from.
    tags_sold: BTreeMap<String, TagSold>,
    serial: u32,
    unique_on_floor: Vec<String>,
}

impl<'s> History<'s> {
    /// The manager approves `action` for the cashier, with the demo manager's PIN.
    fn approve(&mut self, action: &Approval, at: DateTime<FixedOffset>) -> Result<Approved, StoreError> {
        let cashier = self.cashier.clone();
        self.approve_for(action, &cashier, at)
    }

    fn approve_for(
        &mut self,
        action: &Approval,
        asked: &StaffMember,
        at: DateTime<FixedOffset>,
    ) -> Result<Approved, StoreError> {
        let pin = super::PINS.iter().find(|(role, _)| *role == crate::domain::Role::Manager).map_or("", |(_, p)| p);
        self.store.approve(action, asked, self.manager.id, pin, at).map_err(|e| match e {
            SignInError::Store(e) => e,
            other => StoreError::Bug(format!("the demo manager could not approve: {other}")),
        })
    }

    fn new(store: &'s mut Store, days: u32, today: NaiveDate, seed: u64) -> Result<History<'s>, StoreError> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let donated: Vec<Category> = store.categories()?.into_iter().filter(|c| c.key_position.is_some()).collect();
        let staff = store.staff()?;
        let by_role = |role| staff.iter().find(|s: &&StaffMember| s.role == role).cloned().expect("demo staff");
        let stock = store.stock_items()?;
        // Clothes and books move most; appliances and bedding least.
        let weights = donated
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let weight = match c.code.as_str() {
                    "001" => 20,
                    "002" | "007" => 10,
                    "003" | "009" => 8,
                    "004" => 7,
                    "005" | "006" | "010" => 6,
                    "011" => 5,
                    _ => 2,
                };
                (i, weight)
            })
            .collect();
        let first_day = today - Days::new(u64::from(days));
        let donors = demo_donors(store, &mut rng, local(first_day, NaiveTime::from_hms_opt(9, 0, 0).unwrap()))?;
        let serial = store.last_item_serial()?;
        Ok(History {
            rng,
            donated,
            weights,
            stock,
            cashier: by_role(Role::Cashier),
            volunteer: by_role(Role::Volunteer),
            manager: by_role(Role::Manager),
            donors,
            first_day,
            summary: Summary { days, ..Summary::default() },
            vouchers: Vec::new(),
            tags_sold: BTreeMap::new(),
            serial,
            unique_on_floor: Vec::new(),
            store,
        })
    }

    fn day(&mut self, date: NaiveDate) -> Result<(), StoreError> {
        self.tag_items(date)?;
        self.take_donations(date)?;
        let times = self.sale_times(date);
        // The manager opens the till before the doors open, with what the last close kept.
        let till = TillId("1".into());
        let float = self.store.last_kept(&till)?.filter(|k| k.is_positive()).unwrap_or(Won::new(100_000));
        let opened = local(date, NaiveTime::from_hms_opt(10, 20, 0).unwrap());
        let session = self.store.open_session(&till, &self.manager, Count::of(float), opened).map_err(till_refused)?;
        let committed = self.sell(date, times, &till, &session)?;
        self.after_sales(date, &committed, &till, &session)?;
        self.close_till(date, &session, float)
    }

    /// When the day's customers come: open 10:30–19:30, busiest over lunch and late afternoon.
    fn sale_times(&mut self, date: NaiveDate) -> Vec<NaiveTime> {
        let base = match date.weekday() {
            Weekday::Mon => 45,
            Weekday::Tue | Weekday::Wed => 50,
            Weekday::Thu => 55,
            Weekday::Fri => 65,
            Weekday::Sat => 90,
            Weekday::Sun => 70,
        };
        let count = base * self.rng.random_range(80..=120u32) / 100;
        let hours: [(u32, u32); 10] =
            [(10, 5), (11, 8), (12, 12), (13, 13), (14, 11), (15, 10), (16, 11), (17, 12), (18, 10), (19, 4)];
        let mut times: Vec<NaiveTime> = (0..count)
            .map(|_| {
                let hour = *pick(&mut self.rng, &hours);
                let minute = match hour {
                    10 => self.rng.random_range(30..60),
                    19 => self.rng.random_range(0..30),
                    _ => self.rng.random_range(0..60),
                };
                NaiveTime::from_hms_opt(hour, minute, self.rng.random_range(0..60)).expect("valid time")
            })
            .collect();
        times.sort();
        times
    }

    /// The day's baskets rung up and written in one go, a voucher from an earlier refund spent
    /// on one of them; the price tags sold are noted for their batches.
    fn sell(
        &mut self,
        date: NaiveDate,
        times: Vec<NaiveTime>,
        till: &TillId,
        session: &TillSession,
    ) -> Result<Vec<Sale>, StoreError> {
        let mut rung: Vec<(Rung, DateTime<FixedOffset>)> = Vec::new();
        for time in times {
            let Some(basket) = self.basket(date)? else { continue };
            rung.push((basket, local(date, time)));
        }
        let rota = [&self.cashier, &self.volunteer, &self.manager];
        let mut day: Vec<Basket<'_>> = rung
            .into_iter()
            .map(|(r, at)| Basket {
                cart: r.cart,
                tendering: r.tendering,
                staff: rota[r.who],
                at,
                cash_receipt: r.cash_receipt,
            })
            .collect();
        // A customer with a voucher from an earlier refund spends it on one of today's sales.
        if let Some(code) = self.vouchers.pop()
            && let Some(credit) = self.store.credit(&code)?.filter(|c| c.balance.is_positive())
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
        let committed = self
            .store
            .commit_sales(day.iter().zip(&payments).map(|(b, payment)| NewSale {
                cash_receipt: b.cash_receipt.as_ref(),
                ..NewSale::new(&b.cart, payment, b.staff, session, b.at).at_till(till)
            }))
            .map_err(demo_refused)?;
        self.summary.sales += committed.len();
        self.summary.gross += committed.iter().map(|s| s.total).sum::<Won>();
        self.note_tags(&committed);
        Ok(committed)
    }

    /// One customer's basket, how they pay and who rang it up; `None` when nothing in it could
    /// be sold.
    fn basket(&mut self, date: NaiveDate) -> Result<Option<Rung>, StoreError> {
        let mut cart = Cart::new();
        let size = *pick(&mut self.rng, &[(1, 38), (2, 26), (3, 15), (4, 9), (5, 6), (6, 3), (8, 3)]);
        for _ in 0..size {
            let kind = *pick(&mut self.rng, &[(0, 68), (1, 12), (2, 12), (3, 8)]);
            let line = match kind {
                1 => {
                    let category = &self.donated[*pick(&mut self.rng, &self.weights)];
                    let price = Won::new(self.rng.random_range(2..=10) * 500);
                    category_line(category, price)
                }
                2 => {
                    let product = &self.stock[self.rng.random_range(0..self.stock.len())];
                    self.store.price_scan(&product.ean, date).map_err(scan_failure)?.line
                }
                3 if !self.unique_on_floor.is_empty() => {
                    let code = self.unique_on_floor.remove(self.rng.random_range(0..self.unique_on_floor.len()));
                    self.store.price_scan(&code, date).map_err(scan_failure)?.line
                }
                _ => {
                    let category = &self.donated[*pick(&mut self.rng, &self.weights)];
                    let condition = *pick(&mut self.rng, &[(0usize, 1), (1, 2), (2, 1)]);
                    let price = category.guide.get(condition).map_or(Won::new(3000), |g| g.price);
                    let weeks_ago =
                        *pick(&mut self.rng, &[(0i64, 25), (1, 22), (2, 18), (3, 14), (4, 11), (5, 6), (6, 4)]);
                    let intake = IsoWeek::of(date).plus_weeks(-weeks_ago);
                    let code = category
                        .code
                        .parse()
                        .ok()
                        .and_then(|c| PriceTag::new(c, price, intake))
                        .expect("demo tag fits")
                        .code();
                    self.store.price_scan(&code, date).map_err(scan_failure)?.line
                }
            };
            let _ = cart.add(line);
        }
        if cart.is_empty() {
            return Ok(None);
        }
        // Now and then a damaged item is marked down at the counter, within the limit.
        if self.rng.random_bool(0.06) {
            let discount = Discount { how: How::Percent(Decimal::TEN), reason: "흠집·파손".into() };
            let _ = cart.discount_line(0, &discount, self.store.info().price_step);
        }
        let cash = self.rng.random_bool(0.42);
        // Some cash customers round up to the next thousand for the charity.
        if cash && self.rng.random_bool(0.15) {
            cart.round_up(true);
        }
        let total = cart.total();
        let mut tendering = Tendering::new(total).expect("a demo basket is never empty");
        if cash {
            let step = *pick(&mut self.rng, &[(1, 3), (1_000, 2), (5_000, 2), (10_000, 2), (50_000, 1)]);
            tendering.cash(Won::new((total.get() + step - 1) / step * step)).expect("enough cash");
        } else {
            tendering.card(total, None).expect("a card pays what is due");
        }
        let cash_receipt = (cash && self.rng.random_bool(0.3)).then(|| CashReceipt {
            kind: IdKind::Phone,
            id: format!("010{:08}", self.rng.random_range(0..100_000_000u32)),
            purpose: Purpose::Deduction,
        });
        let who = *pick(&mut self.rng, &[(0usize, 6), (1, 3), (2, 1)]);
        Ok(Some(Rung { cart, tendering, who, cash_receipt }))
    }

    fn note_tags(&mut self, committed: &[Sale]) {
        for line in committed.iter().flat_map(|s| &s.lines).filter(|l| l.kind == LineKind::PriceTag) {
            let Some(code) = &line.code else { continue };
            let Ok(crate::domain::Code::Price(tag)) = crate::domain::codes::parse(code) else { continue };
            let category = tag.category_code();
            let guide = self.donated.iter().find(|c| c.code == category).map(|c| c.guide.clone()).unwrap_or_default();
            let condition = guide.iter().find(|g| g.price == tag.price).map_or(Condition::Good, |g| g.condition);
            let entry = self.tags_sold.entry(code.clone()).or_insert((category, condition, tag.price, tag.intake, 0));
            entry.4 += line.quantity.unsigned_abs();
        }
    }

    /// The day's after-sales: a line brought back most days (to the card or cash it was paid
    /// with, or to a voucher), and a sale voided now and then (rung up twice by mistake).
    fn after_sales(
        &mut self,
        date: NaiveDate,
        committed: &[Sale],
        till: &TillId,
        session: &TillSession,
    ) -> Result<(), StoreError> {
        let evening = |h: u32, m: u32| local(date, NaiveTime::from_hms_opt(h, m, 0).unwrap());
        if self.rng.random_bool(0.6)
            && let Some(sale) = committed.get(self.rng.random_range(0..committed.len().max(1)))
            && let Some(line) = sale.lines.iter().position(|l| l.is_goods())
        {
            let to = *pick(&mut self.rng, &[(RefundTo::Original, 3), (RefundTo::Credit, 2)]);
            // One unit of a line of today's sale, nothing of it returned before.
            let amount = -sale.lines[line].returned(line as u32 + 1, 1, 0).amount();
            let action = Approval::Refund { sale: Some(document_ref(sale.business_date, sale.sale_no)), amount };
            let approved = self.approve(&action, evening(19, 9))?;
            let refunded = self
                .store
                .refund(NewRefund {
                    returned: Returned::Lines { sale: sale.id, lines: vec![(line, 1)] },
                    to,
                    staff: &self.cashier,
                    approved: &approved,
                    session,
                    till: Some(till),
                    at: evening(19, 10),
                })
                .map_err(demo_refused)?;
            self.vouchers.extend(refunded.credit.map(|c| c.code));
        }
        if self.rng.random_bool(0.2)
            && let Some(sale) =
                committed.iter().rev().find(|s| !self.store.returnable(s.id).unwrap_or_default().is_empty())
        {
            let untouched = self.store.sales_of(date)?.iter().any(|s| s.id == sale.id && s.reversed == Won::ZERO);
            if untouched {
                let action =
                    Approval::Void { sale: document_ref(sale.business_date, sale.sale_no), amount: sale.total };
                let approved = self.approve(&action, evening(19, 14))?;
                self.store
                    .void(sale.id, &self.cashier, &approved, session, Some(till), evening(19, 15))
                    .map_err(demo_refused)?;
            }
        }
        Ok(())
    }

    /// Change bought from the bank some mornings, takings banked most evenings, and the count:
    /// right most days, now and then a coin or a note off.
    fn close_till(&mut self, date: NaiveDate, session: &TillSession, float: Won) -> Result<(), StoreError> {
        let evening = |h: u32, m: u32| local(date, NaiveTime::from_hms_opt(h, m, 0).unwrap());
        let manager = self.manager.clone();
        if self.rng.random_bool(0.3) {
            self.store.cash_move(
                session,
                MoveKind::In,
                Won::new(50_000),
                "잔돈 교환",
                &manager,
                None,
                evening(12, 0),
            )?;
        }
        let expected = self.store.session_report(session.id())?.cash.expected();
        let banked = Won::new((expected.get() - float.get()).max(0) / 10_000 * 10_000);
        if banked.is_positive() {
            let action = Approval::CashOut { amount: banked, reason: "은행 입금".into() };
            let approved = self.approve_for(&action, &manager, evening(19, 39))?;
            self.store.cash_move(
                session,
                MoveKind::Out,
                banked,
                "은행 입금",
                &manager,
                Some(&approved),
                evening(19, 40),
            )?;
        }
        let off = *pick(&mut self.rng, &[(0i64, 14), (-1_000, 2), (-500, 1), (1_000, 1), (-100, 1)]);
        let counted = expected - banked + Won::new(off);
        self.store
            .close_session(session, &manager, Count::of(counted), counted.min(float), true, evening(19, 50))
            .map_err(till_refused)?;
        Ok(())
    }
}
