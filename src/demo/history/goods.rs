//! Goods coming in and going out over the demo's days: unique items tagged, donations taken
//! in, the tag batches the sold price tags came from, Monday pulls and deliveries, the shelf
//! before the first day and a rail of items still on the floor.

use chrono::{Datelike, Days, Local, NaiveDate, NaiveTime, Weekday};
use rand::RngExt;

use super::{Given, History};
use crate::demo::{UNIQUE_ITEMS, donation_refused, local, pick};
use crate::domain::donation::{Accepted, Channel, OutFlow, RejectReason, Rejected};
use crate::domain::{Condition, IsoWeek, Won};
use crate::store::{ItemSetup, NewDonation, NewOutFlow, NewTags, StoreError};

impl History<'_> {
    /// A few unique items are tagged most mornings.
    pub(super) fn tag_items(&mut self, date: NaiveDate) -> Result<(), StoreError> {
        let tagged: Vec<ItemSetup> = (0..self.rng.random_range(0..3u32))
            .map(|_| {
                self.serial += 1;
                let (category, description, price) = UNIQUE_ITEMS[self.rng.random_range(0..UNIQUE_ITEMS.len())];
                ItemSetup {
                    serial: self.serial,
                    description: description.into(),
                    category: category.into(),
                    price: Won::new(price),
                    condition: *pick(&mut self.rng, &[(Condition::LikeNew, 1), (Condition::Good, 2)]),
                    intake_date: date,
                }
            })
            .collect();
        if !tagged.is_empty() {
            let at = local(date, NaiveTime::from_hms_opt(10, 0, 0).unwrap());
            let codes = self.store.add_items(&tagged, Some(self.manager.id), at)?;
            self.summary.items_tagged += codes.len();
            self.unique_on_floor.extend(codes);
        }
        Ok(())
    }

    /// Donations come in all day: most people give at the counter, some by van or parcel.
    pub(super) fn take_donations(&mut self, date: NaiveDate) -> Result<(), StoreError> {
        let given: Vec<Given> = (0..self.rng.random_range(2..8u32)).map(|_| self.donation()).collect();
        let donations: Vec<NewDonation<'_>> = given
            .iter()
            .enumerate()
            .map(|(i, (donor, channel, accepted, rejected, bags, boxes))| NewDonation {
                donor: donor.map(|d| &self.donors[d]),
                channel: *channel,
                accepted: accepted.clone(),
                rejected: rejected.clone(),
                bags: *bags,
                boxes: *boxes,
                grams: None,
                note: String::new(),
                staff: &self.volunteer,
                at: local(date, NaiveTime::from_hms_opt(10, 40 + i as u32 * 2, 0).unwrap()),
            })
            .collect();
        self.store.record_donations(donations).map_err(donation_refused)?;
        Ok(())
    }

    fn donation(&mut self) -> Given {
        let rng = &mut self.rng;
        let donor = (!rng.random_bool(0.25)).then(|| {
            // A few regulars give again and again.
            if rng.random_bool(0.4) { rng.random_range(0..10) } else { rng.random_range(0..self.donors.len()) }
        });
        let channel = *pick(rng, &[(Channel::WalkIn, 7), (Channel::Pickup, 2), (Channel::Parcel, 1)]);
        let accepted: Vec<Accepted> = (0..rng.random_range(1..4u32))
            .map(|_| Accepted {
                category: self.donated[*pick(rng, &self.weights)].code.clone(),
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
            let reasons = [
                (RejectReason::Stained, 4),
                (RejectReason::Damaged, 3),
                (RejectReason::NotAccepted, 2),
                (RejectReason::Safety, 1),
            ];
            vec![Rejected {
                category: Some(accepted[0].category.clone()),
                count: rng.random_range(1..4),
                reason: *pick(rng, &reasons),
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
    }

    /// The tags those sales came from, printed on the Monday of their intake week with some
    /// still on the floor.
    pub(super) fn print_batches(&mut self) -> Result<(), StoreError> {
        let batches: Vec<NewTags<'_>> = self
            .tags_sold
            .values()
            .map(|(category, condition, price, intake, sold)| {
                let monday =
                    NaiveDate::from_isoywd_opt(intake.year(), intake.week(), Weekday::Mon).unwrap_or(self.first_day);
                NewTags {
                    category: category.clone(),
                    condition: *condition,
                    price: *price,
                    count: sold + sold * self.rng.random_range(10..40u32) / 100 + 1,
                    intake: *intake,
                    item: None,
                    staff: &self.volunteer,
                    approved_by: None,
                    donation: None,
                    at: local(monday, NaiveTime::from_hms_opt(9, 30, 0).unwrap()),
                }
            })
            .collect();
        self.store.record_tag_batches(&batches)?;
        Ok(())
    }

    /// Each Monday's pull of the colour due, to the outlet by weight, and the fair-trade
    /// delivery.
    pub(super) fn mondays(&mut self, today: NaiveDate, days: u32) -> Result<(), StoreError> {
        let mut pulls = Vec::new();
        for offset in (1..=u64::from(days)).rev() {
            let date = today - Days::new(offset);
            if date.weekday() != Weekday::Mon {
                continue;
            }
            for line in self.store.pull_list(date)?.into_iter().filter(|l| l.left() > 0) {
                let Some(week) = IsoWeek::from_yyww(&line.week) else { continue };
                let count = u32::try_from(line.left()).unwrap_or(0);
                pulls.push(NewOutFlow {
                    kind: if self.rng.random_bool(0.8) { OutFlow::Outlet } else { OutFlow::Recycling },
                    category: line.category,
                    count,
                    grams: Some(count * self.rng.random_range(200..600)),
                    week: Some(week),
                    note: String::new(),
                    staff: &self.volunteer,
                    at: local(date, NaiveTime::from_hms_opt(9, 15, 0).unwrap()),
                });
            }
            for product in &self.stock {
                self.store.receive_stock(
                    &product.ean,
                    self.rng.random_range(6..18),
                    &self.manager,
                    local(date, NaiveTime::from_hms_opt(9, 5, 0).unwrap()),
                )?;
            }
        }
        self.store.record_out_flows(&pulls)?;
        Ok(())
    }

    /// What was on the shelf before the first demo day: enough that every product ends with a
    /// few left, two or three of them low.
    pub(super) fn shelf_before(&mut self) -> Result<(), StoreError> {
        for product in &self.stock {
            let Some(now) = self.store.stock_item(&product.ean)? else { continue };
            let left =
                if self.rng.random_bool(0.2) { self.rng.random_range(1..5) } else { self.rng.random_range(8..40) };
            if now.on_hand < left {
                let opening = u32::try_from(left - now.on_hand).unwrap_or(0);
                let at = local(self.first_day, NaiveTime::from_hms_opt(9, 0, 0).unwrap());
                self.store.receive_stock(&product.ean, opening, &self.manager, at)?;
            }
        }
        Ok(())
    }

    /// A rail of unique items still on the floor, for trying the till.
    pub(super) fn rail(&mut self, today: NaiveDate) -> Result<(), StoreError> {
        let floor: Vec<ItemSetup> = UNIQUE_ITEMS
            .iter()
            .take(6)
            .map(|&(category, description, price)| {
                self.serial += 1;
                ItemSetup {
                    serial: self.serial,
                    description: description.into(),
                    category: category.into(),
                    price: Won::new(price),
                    condition: Condition::Good,
                    intake_date: today - Days::new(self.rng.random_range(0..14)),
                }
            })
            .collect();
        let added = self.store.add_items(&floor, Some(self.manager.id), Local::now().fixed_offset())?;
        self.summary.items_tagged += added.len();
        Ok(())
    }
}
