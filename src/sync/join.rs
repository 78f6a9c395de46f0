//! A till joining head office at its first run (본부에 연결, `nanum init --central`): head office
//! says which store the token belongs to and sends its reference data (categories, tax classes,
//! colours, markdowns, the staff with their PIN hashes, settings); the store is made from them.
//! Where head office has no manager for the store yet, a first manager is made here, as for a
//! store on its own.

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use super::client::{Client, SyncError};
use super::protocol::{Reference, StoreIdentity};
use crate::domain::{Pin, Role, StaffMember, StoreInfo, Won};
use crate::store::{SetupError, StaffSetup, Store, StoreError, defaults};

#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    #[error(transparent)]
    Sync(#[from] SyncError),
    /// Head office has nobody who may manage this store: the person setting it up must name one.
    #[error("head office has no manager for store {code} yet")]
    NeedsManager { code: u16 },
    /// Head office's code for the store cannot be printed in a receipt code (three digits).
    #[error("head office's code for this store, {0}, is not three digits")]
    Code(u16),
    #[error(transparent)]
    Setup(#[from] SetupError),
}

impl From<StoreError> for JoinError {
    fn from(e: StoreError) -> JoinError {
        JoinError::Setup(SetupError::Store(e))
    }
}

/// A new store at `path`, as head office knows it.
pub struct Joined {
    pub store: Store,
    pub identity: StoreIdentity,
    /// The first manager made here, when head office had none.
    pub manager: Option<StaffMember>,
}

/// Asks head office who the store is and what it holds, then makes the store at `path` (which
/// must not exist). `manager` is the first manager's name and PIN, used only when head office
/// has none; without one, such a store is refused with [`JoinError::NeedsManager`] and nothing
/// is written. Blocks on the network: call it off the UI thread.
pub fn join(
    client: &Client,
    path: &Path,
    manager: Option<(&str, &Pin)>,
    now: DateTime<FixedOffset>,
) -> Result<Joined, JoinError> {
    if path.exists() {
        return Err(StoreError::Exists { path: path.to_path_buf() }.into());
    }
    let identity = client.store()?;
    if !(1..=999).contains(&identity.code) {
        return Err(JoinError::Code(identity.code));
    }
    let reference = client.reference(0)?.unwrap_or_default();
    let first = match (has_manager(&reference), manager) {
        (true, _) => None,
        (false, None) => return Err(JoinError::NeedsManager { code: identity.code }),
        (false, Some((name, pin))) => {
            if name.trim().is_empty() {
                return Err(SetupError::Manager.into());
            }
            if pin.len() < Pin::MIN_LEN {
                return Err(SetupError::Pin.into());
            }
            Some(StaffSetup { name: name.trim().to_string(), role: Role::Manager, pin: pin.expose().to_string() })
        }
    };
    let info = StoreInfo {
        uuid: Uuid::now_v7().to_string(),
        code: identity.code,
        name: identity.name.clone(),
        address: identity.address.clone(),
        phone: identity.phone.clone(),
        business_no: identity.business_no.clone(),
        representative: identity.representative.clone(),
        receipt_footer: String::new(),
        price_step: Won::new(100),
        is_demo: false,
    };
    let made_manager = first.is_some();
    let mut store = Store::create(path, &defaults::setup(info, first.into_iter().collect()))?;
    if let Err(e) = store.apply_reference(&reference, now) {
        drop(store);
        crate::store::remove_files(path);
        return Err(e.into());
    }
    let manager = if made_manager { store.staff()?.into_iter().find(|s| s.role == Role::Manager) } else { None };
    Ok(Joined { store, identity, manager })
}

fn has_manager(reference: &Reference) -> bool {
    // A manager whose PIN was set at another till cannot sign in here.
    reference.staff.iter().flatten().any(|s| s.active && s.role == Role::Manager.as_str() && s.pin_hash.is_some())
}
