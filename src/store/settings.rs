//! The store's own settings, as a manager changes them on 매장 설정: the details printed on
//! every receipt, the closing time, the discount a cashier may give, how long new goods are
//! held back from staff, the pricing band and the low-stock level. Every change is journaled
//! with its value before and after; a value out of range is refused whole, with the field.

use chrono::{DateTime, FixedOffset, NaiveTime};
use rusqlite::params;
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use super::{Result, Store, StoreError, journal};
use crate::domain::reference::{hold_hours_ok, percent_ok};
use crate::domain::{BusinessNo, Phone, StaffMember};

/// Everything 매장 설정 shows, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreSettings {
    pub name: String,
    pub business_no: String,
    pub representative: String,
    pub address: String,
    pub phone: String,
    pub receipt_footer: String,
    pub closing_time: NaiveTime,
    pub discount_limit_percent: Decimal,
    pub hold_hours: i64,
    pub price_band_percent: Decimal,
    pub low_stock: i64,
}

/// Which setting is wrong, so the screen can say it by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BadSetting {
    #[error("the store needs a name (up to 40 characters)")]
    Name,
    #[error("the business registration number does not check out")]
    BusinessNo,
    #[error("not a phone number")]
    Phone,
    #[error("a percentage is 0 to 100")]
    Percent,
    #[error("the hold is 0 to 2,160 hours (90 days)")]
    Hold,
    #[error("the low-stock level is a count, 0 or more")]
    LowStock,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum SettingsError {
    #[error(transparent)]
    Bad(#[from] BadSetting),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for SettingsError {
    fn from(e: rusqlite::Error) -> SettingsError {
        SettingsError::Store(e.into())
    }
}

impl StoreSettings {
    /// The settings as they will be kept (trimmed, numbers in their written form), or what is
    /// wrong with them. A business number is checked when it is changed: one kept from before
    /// (a demo's, an older store's) is not refused for being there.
    pub fn checked(&self, before: &StoreSettings) -> std::result::Result<StoreSettings, BadSetting> {
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 40 {
            return Err(BadSetting::Name);
        }
        let business_no = match self.business_no.trim() {
            "" => String::new(),
            same if same == before.business_no => same.to_string(),
            typed => BusinessNo::parse(typed).map_err(|_| BadSetting::BusinessNo)?.to_string(),
        };
        let phone = match self.phone.trim() {
            "" => String::new(),
            typed => Phone::parse(typed).ok_or(BadSetting::Phone)?.formatted(),
        };
        if !percent_ok(self.discount_limit_percent) || !percent_ok(self.price_band_percent) {
            return Err(BadSetting::Percent);
        }
        if !hold_hours_ok(self.hold_hours) {
            return Err(BadSetting::Hold);
        }
        if self.low_stock < 0 {
            return Err(BadSetting::LowStock);
        }
        Ok(StoreSettings {
            name: name.to_string(),
            business_no,
            representative: self.representative.trim().to_string(),
            address: self.address.trim().to_string(),
            phone,
            receipt_footer: self.receipt_footer.trim().to_string(),
            discount_limit_percent: self.discount_limit_percent.normalize(),
            price_band_percent: self.price_band_percent.normalize(),
            ..self.clone()
        })
    }

    /// Each setting by its stored key, as text: what the journal records before and after.
    fn fields(&self) -> [(&'static str, String); 11] {
        [
            ("name", self.name.clone()),
            ("business_no", self.business_no.clone()),
            ("representative", self.representative.clone()),
            ("address", self.address.clone()),
            ("phone", self.phone.clone()),
            ("receipt_footer", self.receipt_footer.clone()),
            ("closing_time", self.closing_time.format("%H:%M").to_string()),
            ("discount_limit_percent", self.discount_limit_percent.normalize().to_string()),
            ("hold_hours", self.hold_hours.to_string()),
            ("price_band_percent", self.price_band_percent.normalize().to_string()),
            ("low_stock", self.low_stock.to_string()),
        ]
    }
}

impl Store {
    pub fn store_settings(&self) -> Result<StoreSettings> {
        let policy = self.policy()?;
        let band = super::catalog::setting(&self.conn, "price_band_percent")?;
        let low = super::catalog::setting(&self.conn, "low_stock")?;
        let info = &self.info;
        Ok(StoreSettings {
            name: info.name.clone(),
            business_no: info.business_no.clone(),
            representative: info.representative.clone(),
            address: info.address.clone(),
            phone: info.phone.clone(),
            receipt_footer: info.receipt_footer.clone(),
            closing_time: self.closing_time()?,
            discount_limit_percent: policy.discount_limit_percent,
            hold_hours: policy.hold.num_hours(),
            price_band_percent: band
                .parse()
                .map_err(|_| StoreError::Unreadable(format!("the price band '{band}' is not a percentage")))?,
            low_stock: low
                .parse()
                .map_err(|_| StoreError::Unreadable(format!("the low-stock level '{low}' is not a count")))?,
        })
    }

    /// Changes what differs from the stored settings, in one transaction journaled with each
    /// value before and after and the manager who changed them; returns the keys that changed.
    pub fn change_settings(
        &mut self,
        new: &StoreSettings,
        manager: &StaffMember,
        at: DateTime<FixedOffset>,
    ) -> std::result::Result<Vec<&'static str>, SettingsError> {
        if manager.role != crate::domain::Role::Manager {
            return Err(StoreError::Refused(format!("{} is not a manager", manager.name)).into());
        }
        let before = self.store_settings()?;
        let new = new.checked(&before)?;
        let mut changes = Map::new();
        let mut changed = Vec::new();
        for ((key, from), (_, to)) in before.fields().into_iter().zip(new.fields()) {
            if from != to {
                changes.insert(key.to_string(), json!({ "from": from, "to": to }));
                changed.push(key);
            }
        }
        if changed.is_empty() {
            return Ok(changed);
        }
        let fields = new.fields();
        self.write::<_, StoreError>(|tx| {
            tx.execute(
                "UPDATE store SET name = ?1, business_no = ?2, representative = ?3, address = ?4, phone = ?5,
                     receipt_footer = ?6 WHERE id = 1",
                params![new.name, new.business_no, new.representative, new.address, new.phone, new.receipt_footer],
            )?;
            let mut set = tx.prepare_cached("UPDATE settings SET value = ?2 WHERE key = ?1")?;
            for (key, value) in &fields[6..] {
                set.execute(params![key, value])?;
            }
            let payload = Value::Object(Map::from_iter([
                ("by".to_string(), json!(manager.uuid)),
                ("changes".to_string(), Value::Object(changes)),
            ]));
            journal::append(tx, "store.settings_changed", &payload, Some(manager.id), at)?;
            Ok(())
        })?;
        self.reload_info()?;
        Ok(changed)
    }

    /// Reads the store's details again (after they changed, here or on another connection).
    pub fn reload_info(&mut self) -> Result<()> {
        self.info =
            super::catalog::store_info(&self.conn)?.ok_or_else(|| StoreError::NotAStore { path: self.path.clone() })?;
        Ok(())
    }
}
