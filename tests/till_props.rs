//! Property tests of the till's money on a real store file: whatever sales, refunds, voids and
//! cash movements happen, the cash the till expects is what the journal says went through it;
//! the day's figures per tax class are the sales less the refunds; and a sale refunded whole
//! gives back exactly the VAT it charged.

mod common;

use common::*;
use nanum::domain::discount::{Discount, How};
use nanum::domain::till::{Count, MoveKind};
use nanum::domain::{Cart, Payment, Sale, SaleKind, TenderKind, Tendering, Won};
use nanum::store::{NewRefund, NewSale, RefundTo, Returned, SaleError, Store, TillId, TillSession};
use proptest::prelude::*;
use rust_decimal::Decimal;

#[derive(Debug, Clone)]
enum Step {
    /// Items (category, price in hundreds of won), a discount percent on the first, paid in
    /// cash (with this much over) or by card, rounded up or not.
    Sale {
        items: Vec<(u16, i64)>,
        discount: u8,
        cash: bool,
        over: i64,
        round_up: bool,
    },
    /// One of the first line of sale `which` (modulo the sales so far), paid back as chosen.
    Refund {
        which: usize,
        to: u8,
    },
    Void {
        which: usize,
    },
    CashIn(i64),
    CashOut(i64),
}

fn step() -> impl Strategy<Value = Step> {
    // Women's clothing (taxed) and books (exempt).
    let item = (prop_oneof![Just(1u16), Just(7u16)], 5i64..=300);
    prop_oneof![
        5 => (prop::collection::vec(item, 1..4), prop_oneof![Just(0u8), Just(10), Just(30)], any::<bool>(), 0i64..20, any::<bool>())
            .prop_map(|(items, discount, cash, over, round_up)| Step::Sale { items, discount, cash, over, round_up }),
        2 => (any::<usize>(), 0u8..3).prop_map(|(which, to)| Step::Refund { which, to }),
        1 => any::<usize>().prop_map(|which| Step::Void { which }),
        1 => (1i64..100).prop_map(|n| Step::CashIn(n * 1000)),
        1 => (1i64..50).prop_map(|n| Step::CashOut(n * 1000)),
    ]
}

struct Day {
    store: TempStore,
    till: TillId,
    session: TillSession,
    sales: Vec<Sale>,
    refunds: Vec<Sale>,
}

fn open_day() -> Day {
    let mut store = demo_without_history();
    let till = TillId("1".into());
    let manager = staff(&store.store, "김민지");
    let session = store.store.open_session(&till, &manager, Count::of(Won::new(87_650)), at(10, 0)).unwrap();
    Day { store, till, session, sales: Vec::new(), refunds: Vec::new() }
}

fn run(day: &mut Day, steps: &[Step]) {
    let store: &mut Store = &mut day.store.store;
    let cashier = staff(store, "이서준");
    for (n, step) in steps.iter().enumerate() {
        let when = at(11, 0) + chrono::Duration::minutes(n as i64);
        match step {
            Step::Sale { items, discount, cash, over, round_up } => {
                let mut cart = Cart::new();
                for (i, (category, hundreds)) in items.iter().enumerate() {
                    // Distinct prices keep each tag a line of its own.
                    let code = tag(*category, hundreds * 100 + i as i64 * 10, 0);
                    let _ = cart.add(store.price_scan(&code, today()).unwrap().line);
                }
                if *discount > 0 {
                    let d = Discount { how: How::Percent(Decimal::from(*discount)), reason: "test".into() };
                    cart.discount_line(0, &d, store.info().price_step).unwrap();
                }
                if *round_up && *cash {
                    cart.round_up(true);
                }
                let mut tendering = Tendering::new(cart.total()).unwrap();
                if *cash {
                    tendering.cash(cart.total() + Won::new(over * 100)).unwrap();
                } else {
                    tendering.card(cart.total(), None).unwrap();
                }
                let payment: Payment = tendering.finish().unwrap();
                let sale = NewSale::new(&cart, &payment, &cashier, &day.session, when).at_till(&day.till);
                day.sales.push(store.commit_sale(sale).unwrap());
            }
            Step::Refund { which, to } if !day.sales.is_empty() => {
                let sale = &day.sales[which % day.sales.len()];
                let to = [RefundTo::Original, RefundTo::Cash, RefundTo::Credit][usize::from(*to)];
                let returned = Returned::Lines { sale: sale.id, lines: vec![(0, 1)] };
                let action = match store.refund_approval(&returned) {
                    Ok(action) => action,
                    Err(SaleError::NothingLeftToReturn) => continue,
                    Err(e) => panic!("{e}"),
                };
                let approved = approve(store, &action, &cashier, when);
                let refund = store.refund(NewRefund {
                    returned,
                    to,
                    staff: &cashier,
                    approved: &approved,
                    session: &day.session,
                    till: Some(&day.till),
                    at: when,
                });
                match refund {
                    Ok(r) => day.refunds.push(r.refund),
                    Err(SaleError::NothingLeftToReturn) => {}
                    Err(e) => panic!("{e}"),
                }
            }
            Step::Void { which } if !day.sales.is_empty() => {
                let sale = &day.sales[which % day.sales.len()];
                let approved = approve(store, &void_approval(sale), &cashier, when);
                match store.void(sale.id, &cashier, &approved, &day.session, Some(&day.till), when) {
                    Ok(void) => day.refunds.push(void),
                    Err(SaleError::CannotVoid(_)) => {}
                    Err(e) => panic!("{e}"),
                }
            }
            Step::CashIn(amount) => {
                store.cash_move(&day.session, MoveKind::In, Won::new(*amount), "잔돈", &cashier, None, when).unwrap();
            }
            Step::CashOut(amount) => {
                let out = Won::new(*amount);
                let action = nanum::store::Approval::CashOut { amount: out, reason: "은행".into() };
                let approved = approve(store, &action, &cashier, when);
                store.cash_move(&day.session, MoveKind::Out, out, "은행", &cashier, Some(&approved), when).unwrap();
            }
            _ => {}
        }
    }
}

/// The cash the journal says went through the session: its float, the cash part of every
/// document in it, and the money put in and taken out.
fn cash_from_journal(store: &Store, session: &TillSession) -> i64 {
    let mut stmt = store.reader().prepare("SELECT kind, journal_text(payload) FROM journal ORDER BY seq").unwrap();
    let events: Vec<(String, serde_json::Value)> = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
        .map(|e| {
            let (kind, payload) = e.unwrap();
            (kind, serde_json::from_str(&payload).unwrap())
        })
        .collect();
    let mut cash = 0;
    for (kind, payload) in events {
        match kind.as_str() {
            "till.opened" if payload["uuid"] == session.uuid.as_str() => cash += payload["float"].as_i64().unwrap(),
            "sale.committed" | "sale.refunded" | "sale.voided" if payload["session"] == session.uuid.as_str() => {
                for t in payload["payment"]["tenders"].as_array().unwrap() {
                    if t["kind"] == "cash" {
                        cash += t["amount"].as_i64().unwrap();
                    }
                }
            }
            "till.cash_in" if payload["session"] == session.uuid.as_str() => {
                cash += payload["amount"].as_i64().unwrap()
            }
            "till.cash_out" if payload["session"] == session.uuid.as_str() => {
                cash -= payload["amount"].as_i64().unwrap()
            }
            _ => {}
        }
    }
    cash
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn the_expected_cash_is_what_the_journal_says(steps in prop::collection::vec(step(), 1..30)) {
        let mut day = open_day();
        run(&mut day, &steps);
        let store = &mut day.store.store;
        let report = store.session_report(day.session.id()).unwrap();
        let from_journal = cash_from_journal(store, &day.session);
        prop_assert_eq!(report.cash.expected().get(), from_journal);
        // The figures add up the way design.md says, from the documents themselves.
        let cash_of = |docs: &[Sale]| -> i64 { docs.iter().map(|s| s.payment.by(TenderKind::Cash).get()).sum() };
        prop_assert_eq!(report.cash.cash_sales.get(), cash_of(&day.sales));
        prop_assert_eq!(report.cash.cash_refunds.get(), -cash_of(&day.refunds));
        // Closing 1,000 short stores that same expected figure and the difference.
        let manager = staff(store, "김민지");
        let counted = (report.cash.expected() - Won::new(1000)).max(Won::ZERO);
        let closed = store.close_session(&day.session, &manager, Count::of(counted), Won::ZERO, true, at(20, 0)).unwrap();
        let c = closed.session.closed.unwrap();
        prop_assert_eq!(c.expected.get(), from_journal);
        prop_assert_eq!((c.counted - c.expected).get(), counted.get() - from_journal);
    }

    #[test]
    fn daily_figures_are_sales_less_refunds_per_tax_class(steps in prop::collection::vec(step(), 1..30)) {
        let mut day = open_day();
        run(&mut day, &steps);
        let report = nanum::reports::daily::daily(&day.store.store, today()).unwrap();
        for class in &report.classes {
            let of = |docs: &[Sale], what: fn(&nanum::domain::VatLine) -> Won| -> i64 {
                docs.iter().flat_map(|s| &s.vat).filter(|v| v.class == class.class).map(|v| what(v).get()).sum()
            };
            prop_assert_eq!(class.gross.get(), of(&day.sales, |v| v.gross) + of(&day.refunds, |v| v.gross));
            prop_assert_eq!(class.vat.get(), of(&day.sales, |v| v.vat) + of(&day.refunds, |v| v.vat));
            prop_assert_eq!(class.supply.get(), of(&day.sales, |v| v.supply) + of(&day.refunds, |v| v.supply));
        }
        let refunded: i64 = day.refunds.iter().map(|r| r.goods_total().get()).sum();
        prop_assert_eq!(report.returned.get(), -refunded);
        prop_assert_eq!(report.sales as usize, day.sales.len());
        prop_assert_eq!((report.refunds + report.voids) as usize, day.refunds.len());
    }

    #[test]
    fn a_sale_refunded_whole_gives_back_exactly_its_vat(
        items in prop::collection::vec((prop_oneof![Just(1u16), Just(7u16)], 5i64..=300, 1u32..4), 1..5),
        discount in prop_oneof![Just(0u8), Just(10), Just(25)],
        whole_sale_discount in any::<bool>(),
    ) {
        let mut day = open_day();
        let store = &mut day.store.store;
        let cashier = staff(store, "이서준");
        let manager = staff(store, "김민지");
        let mut cart = Cart::new();
        for (i, (category, hundreds, quantity)) in items.iter().enumerate() {
            let code = tag(*category, hundreds * 100 + i as i64 * 10, 0);
            let index = cart.add(store.price_scan(&code, today()).unwrap().line).unwrap();
            cart.set_quantity(index, *quantity).unwrap();
        }
        if discount > 0 {
            let d = Discount { how: How::Percent(Decimal::from(discount)), reason: "test".into() };
            if whole_sale_discount {
                cart.discount_sale(&d, store.info().price_step).unwrap();
            } else {
                cart.discount_line(0, &d, store.info().price_step).unwrap();
            }
        }
        let payment = Payment::card(cart.total()).unwrap();
        let session = open_till(store, &manager, at(9, 0));
        let sale = store.commit_sale(NewSale::new(&cart, &payment, &cashier, &session, at(12, 0))).unwrap();
        // Returned in parts: one unit of each line first, then the rest.
        let mut refunds = Vec::new();
        let first: Vec<(usize, i32)> = (0..sale.lines.len()).map(|i| (i, 1)).collect();
        let rest: Vec<(usize, i32)> =
            sale.lines.iter().enumerate().filter(|(_, l)| l.quantity > 1).map(|(i, l)| (i, l.quantity - 1)).collect();
        for lines in [first, rest].into_iter().filter(|l| !l.is_empty()) {
            let returned = Returned::Lines { sale: sale.id, lines };
            let approved = approve(store, &store.refund_approval(&returned).unwrap(), &cashier, at(13, 0));
            let r = store
                .refund(NewRefund {
                    returned,
                    to: RefundTo::Original,
                    staff: &cashier,
                    approved: &approved,
                    session: &session,
                    till: None,
                    at: at(13, 0),
                })
                .unwrap();
            prop_assert_eq!(r.refund.kind, SaleKind::Refund);
            refunds.push(r.refund);
        }
        let total: i64 = refunds.iter().map(|r| r.total.get()).sum();
        prop_assert_eq!(total, -sale.total.get(), "the whole sale comes back to the won");
        for v in &sale.vat {
            let back = |what: fn(&nanum::domain::VatLine) -> Won| -> i64 {
                refunds.iter().flat_map(|r| &r.vat).filter(|b| b.class == v.class).map(|b| what(b).get()).sum()
            };
            prop_assert_eq!(back(|b| b.gross), -v.gross.get());
            prop_assert_eq!(back(|b| b.vat), -v.vat.get(), "VAT given back is VAT charged");
            prop_assert_eq!(back(|b| b.supply), -v.supply.get());
        }
        prop_assert!(store.returnable(sale.id).unwrap().iter().all(|q| *q == 0));
    }
}
