//! The shop's rules, with no IO: money, VAT, tag codes, the colour rotation and the cart.
//!
//! Everything here is plain data and pure functions so it can be tested exhaustively and used
//! unchanged by the GUI, the command line and the central service.

pub mod cart;
pub mod codes;
pub mod money;
pub mod rotation;
pub mod tax;

pub use cart::{Cart, CartError, Line, LineKind, Payment, PaymentError, Tender, TenderKind, likely_tenders};
pub use codes::{Code, CodeError, Ean13, IsoWeek, ItemTag, PriceTag, ReceiptCode};
pub use money::Won;
pub use rotation::{Markdown, MarkdownStep, Rotation, TagColour};
pub use tax::{TaxClass, VatLine, vat_breakdown};
