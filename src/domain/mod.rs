//! The shop's rules, with no IO: money, VAT, tag codes, the colour rotation, the cart, the
//! register's limits, staff and their PINs, and the shared types every layer speaks (a store,
//! its categories, a committed sale).
//!
//! Everything here is plain data and pure functions so it can be tested exhaustively and used
//! unchanged by the GUI, the command line and the central service.

pub mod business_no;
pub mod cart;
pub mod cash_receipt;
pub mod catalog;
pub mod codes;
pub mod discount;
pub mod donation;
pub mod hangul;
pub mod money;
pub mod payment;
pub mod phone;
pub mod reference;
pub mod register;
pub mod rotation;
pub mod sale;
pub mod staff;
pub mod tax;
pub mod till;
pub mod volunteer;

pub use business_no::{BusinessNo, BusinessNoError};
pub use cart::{Cart, CartError, Line, LineKind, vat_of};
pub use cash_receipt::CashReceipt;
pub use catalog::{Category, Condition, GuidePrice, ItemRecord, StockItem, StoreInfo};
pub use codes::{Code, CodeError, CreditCode, Ean13, IsoWeek, ItemTag, PriceTag, ReceiptCode};
pub use discount::Discount;
pub use money::Won;
pub use payment::{Payment, PaymentError, Tender, TenderKind, Tendering, likely_tenders};
pub use phone::Phone;
pub use rotation::{Markdown, MarkdownStep, Rotation, TagColour};
pub use sale::{Customer, Sale, SaleKind};
pub use staff::{BootMark, Lockout, Pin, Role, StaffMember};
pub use tax::{TaxClass, VatLine, vat_breakdown};
