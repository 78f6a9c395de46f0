//! Writing a new store's reference data: what head office sends a new store, and what the demo
//! and the tests start from.

use chrono::{Local, NaiveDate};
use rusqlite::{Connection, params};
use uuid::Uuid;

use super::staff::{hash_demo_pin, hash_pin};
use super::{Result, journal};
use crate::domain::donation::DonationValue;
use crate::domain::{Condition, Role, Rotation, StoreInfo, TaxClass, Won};

#[derive(Debug, Clone)]
pub struct CategorySetup {
    pub code: &'static str,
    pub name_ko: &'static str,
    pub name_en: &'static str,
    pub tax_class: &'static str,
    pub on_key: bool,
    /// Guide prices for like-new, good and fair.
    pub guide: [i64; 3],
    /// What a donated piece is worth on the donor's receipt, per `counting_unit` pieces.
    pub donation: DonationValue,
}

#[derive(Debug, Clone)]
pub struct StaffSetup {
    pub name: String,
    pub role: Role,
    pub pin: String,
}

#[derive(Debug, Clone)]
pub struct StockSetup {
    pub ean: String,
    pub name_ko: String,
    pub name_en: String,
    pub category: String,
    pub price: Won,
    pub on_hand: i64,
}

/// A unique item taken in, to be sold by its item tag.
#[derive(Debug, Clone)]
pub struct ItemSetup {
    pub serial: u32,
    pub description: String,
    pub category: String,
    pub price: Won,
    pub condition: Condition,
    pub intake_date: NaiveDate,
}

#[derive(Debug, Clone)]
pub struct StoreSetup {
    pub info: StoreInfo,
    pub tax_classes: Vec<TaxClass>,
    pub categories: Vec<CategorySetup>,
    pub rotation: Rotation,
    pub staff: Vec<StaffSetup>,
    pub stock: Vec<StockSetup>,
    pub items: Vec<ItemSetup>,
}

pub(super) fn write(conn: &mut Connection, setup: &StoreSetup) -> Result<()> {
    let tx = conn.transaction()?;
    let now = Local::now().fixed_offset();
    let info = &setup.info;
    tx.execute(
        "INSERT INTO store (id, uuid, code, name, address, phone, business_no, price_step, is_demo, created_at,
                            representative, receipt_footer)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            info.uuid,
            info.code,
            info.name,
            info.address,
            info.phone,
            info.business_no,
            info.price_step.get(),
            info.is_demo,
            now.to_rfc3339(),
            info.representative,
            info.receipt_footer
        ],
    )?;
    for t in &setup.tax_classes {
        tx.execute(
            "INSERT INTO tax_classes (code, name_ko, name_en, rate_percent) VALUES (?1, ?2, ?3, ?4)",
            params![t.code, t.name_ko, t.name_en, t.rate_percent.to_string()],
        )?;
    }
    for (position, c) in setup.categories.iter().enumerate() {
        tx.execute(
            "INSERT INTO categories (code, name_ko, name_en, tax_class, key_position, donation_value, counting_unit)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                c.code,
                c.name_ko,
                c.name_en,
                c.tax_class,
                c.on_key.then_some(position as i64),
                c.donation.value,
                c.donation.unit
            ],
        )?;
        for (condition, price) in Condition::ALL.iter().zip(c.guide) {
            tx.execute(
                "INSERT INTO price_guide (category, condition, price) VALUES (?1, ?2, ?3)",
                params![c.code, condition.as_str(), price],
            )?;
        }
    }
    let rotation = &setup.rotation;
    for (position, colour) in rotation.colours.iter().enumerate() {
        tx.execute(
            "INSERT INTO tag_colours (position, key, name_ko, name_en, rgb) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![position as i64, colour.key, colour.name_ko, colour.name_en, colour.rgb],
        )?;
    }
    for step in &rotation.steps {
        tx.execute(
            "INSERT INTO markdown_steps (from_week, percent_off, pull) VALUES (?1, ?2, ?3)",
            params![step.from_week, step.percent_off.to_string(), step.pull],
        )?;
    }
    tx.execute(
        "INSERT INTO settings (key, value) VALUES ('rotation_anchor', ?1)",
        [format!("{}-W{:02}", rotation.anchor.year(), rotation.anchor.week())],
    )?;
    let mut staff_added = Vec::new();
    for s in &setup.staff {
        let uuid = Uuid::now_v7().to_string();
        let hash = if setup.info.is_demo { hash_demo_pin(&s.pin)? } else { hash_pin(&s.pin)? };
        tx.execute(
            "INSERT INTO staff (uuid, name, role, pin_hash) VALUES (?1, ?2, ?3, ?4)",
            params![uuid, s.name, s.role, hash],
        )?;
        // Head office learns of the people a store starts with as of anyone added later.
        staff_added.push(serde_json::json!({ "staff": uuid, "name": s.name, "role": s.role.as_str() }));
    }
    for s in &setup.stock {
        tx.execute(
            "INSERT INTO stock_items (uuid, ean, name_ko, name_en, category, price, on_hand) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![Uuid::now_v7().to_string(), s.ean, s.name_ko, s.name_en, s.category, s.price.get(), s.on_hand],
        )?;
    }
    super::items::insert_items(&tx, info.code, &setup.items, None)?;
    let created = serde_json::json!({ "store": info.uuid, "code": info.code, "name": info.name });
    journal::append(&tx, "store.created", &created, None, now)?;
    for person in &staff_added {
        journal::append(&tx, "staff.added", person, None, now)?;
    }
    tx.commit()?;
    Ok(())
}

impl StoreSetup {
    /// A store with only what a sale needs: one standard class, one exempt class, two
    /// categories and one of each role (PINs 1111, 2222, 3333). For tests and examples.
    pub fn minimal(name: &str) -> StoreSetup {
        let category = |code, name_ko, name_en, tax_class, guide| CategorySetup {
            code,
            name_ko,
            name_en,
            tax_class,
            on_key: true,
            guide,
            donation: DonationValue { value: Won::new(1000), unit: 1 },
        };
        let staff = |name: &str, role, pin: &str| StaffSetup { name: name.into(), role, pin: pin.into() };
        StoreSetup {
            info: StoreInfo {
                uuid: Uuid::now_v7().to_string(),
                code: 1,
                name: name.into(),
                address: String::new(),
                phone: String::new(),
                business_no: String::new(),
                representative: String::new(),
                receipt_footer: String::new(),
                price_step: Won::new(100),
                is_demo: false,
            },
            tax_classes: TaxClass::korean_defaults(),
            categories: vec![
                category("001", "의류", "Clothing", "standard", [10_000, 5_000, 2_000]),
                category("007", "도서", "Books", "exempt", [5_000, 3_000, 1_000]),
            ],
            rotation: Rotation::default(),
            staff: vec![
                staff("관리자", Role::Manager, "1111"),
                staff("계산원", Role::Cashier, "2222"),
                staff("봉사자", Role::Volunteer, "3333"),
            ],
            stock: Vec::new(),
            items: Vec::new(),
        }
    }
}
