//! A real store, set up at the counter (the first-run screen) or by `nanum init`: its identity
//! and its first manager, on Nanum's built-in reference data and with no history. The checks
//! live here, so the screen, the command and any script refuse the same mistakes.

use std::path::Path;

use uuid::Uuid;

use super::{Store, StoreError, defaults, setup::StaffSetup};
use crate::domain::{BusinessNo, BusinessNoError, Phone, Pin, Role, StaffMember, StoreInfo, Won};

/// What a person types to set up a store. Optional fields are empty when left out.
#[derive(Debug, Clone, Default)]
pub struct NewStore {
    /// The store code as typed: three digits (it is printed in every receipt code).
    pub code: String,
    pub name: String,
    pub business_no: String,
    pub representative: String,
    pub address: String,
    pub phone: String,
    pub receipt_footer: String,
    /// The first manager, who then adds the rest of the staff.
    pub manager: String,
    pub pin: Pin,
}

/// What is wrong with a [`NewStore`], one thing at a time, in the order of the form.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SetupError {
    #[error("the store code is three digits, 001 to 999")]
    Code,
    #[error("the store needs a name")]
    Name,
    #[error("business registration number: {0}")]
    BusinessNo(BusinessNoError),
    #[error("'{0}' is not a phone number")]
    Phone(String),
    #[error("the first manager needs a name")]
    Manager,
    #[error("a PIN is {min} to {max} digits", min = Pin::MIN_LEN, max = Pin::MAX_LEN)]
    Pin,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The longest name a receipt's title line holds at double width on 58 mm paper.
const NAME_MAX: usize = 40;

impl NewStore {
    /// The store as it will be kept, or the first thing that is wrong.
    pub fn check(&self) -> Result<StoreInfo, SetupError> {
        let info = self.check_details()?;
        if self.pin.len() < Pin::MIN_LEN {
            return Err(SetupError::Pin);
        }
        Ok(info)
    }

    /// Everything but the PIN (which the command line asks for last).
    pub fn check_details(&self) -> Result<StoreInfo, SetupError> {
        let code = self.code.trim();
        let code = (code.len() == 3 && code.bytes().all(|b| b.is_ascii_digit()))
            .then(|| code.parse::<u16>().ok())
            .flatten()
            .filter(|c| *c >= 1)
            .ok_or(SetupError::Code)?;
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > NAME_MAX {
            return Err(SetupError::Name);
        }
        let business_no = BusinessNo::parse(self.business_no.trim()).map_err(SetupError::BusinessNo)?;
        let phone = match self.phone.trim() {
            "" => String::new(),
            typed => Phone::parse(typed).ok_or_else(|| SetupError::Phone(typed.to_string()))?.formatted(),
        };
        if self.manager.trim().is_empty() {
            return Err(SetupError::Manager);
        }
        Ok(StoreInfo {
            uuid: Uuid::now_v7().to_string(),
            code,
            name: name.to_string(),
            address: self.address.trim().to_string(),
            phone,
            business_no: business_no.to_string(),
            representative: self.representative.trim().to_string(),
            receipt_footer: self.receipt_footer.trim().to_string(),
            price_step: Won::new(100),
            is_demo: false,
        })
    }
}

impl Store {
    /// Makes the store `new` describes at `path`, which must not exist yet, and returns it with
    /// its first manager. Hashes the PIN: call it off the UI thread.
    pub fn init(path: &Path, new: &NewStore) -> Result<(Store, StaffMember), SetupError> {
        let info = new.check()?;
        let manager =
            StaffSetup { name: new.manager.trim().to_string(), role: Role::Manager, pin: new.pin.expose().into() };
        let store = Store::create(path, &defaults::setup(info, vec![manager]))?;
        let manager =
            store.staff()?.into_iter().next().ok_or_else(|| StoreError::Bug("the new store has no manager".into()))?;
        Ok((store, manager))
    }
}
