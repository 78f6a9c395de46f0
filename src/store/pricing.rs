//! What the register charges for a scan, and why: the code is read by `domain::codes`, the
//! category, item or product is looked up here, and price-point tags get the colour rotation's
//! markdown for the day. Item tags keep the price someone chose for that one item.

use chrono::NaiveDate;

use super::{Store, StoreError};
use crate::domain::codes::{self, Code, CodeError};
use crate::domain::{Category, IsoWeek, Line, LineKind, ReceiptCode, TagColour, Won};

#[derive(Debug, Clone, thiserror::Error)]
pub enum ScanError {
    #[error(transparent)]
    Code(#[from] CodeError),
    #[error("there is no category {code}")]
    UnknownCategory { code: String },
    #[error("item tag {code} is not in this store's records")]
    UnknownItem { code: String },
    #[error("item {code} has already been sold")]
    AlreadySold { code: String },
    #[error("item tag {code} is from store {store}")]
    OtherStore { code: String, store: u16 },
    #[error("no product has the barcode {ean}")]
    UnknownProduct { ean: String },
    #[error("this is a receipt ({})", .0.code())]
    Receipt(ReceiptCode),
    #[error("this is a store-credit voucher ({0})")]
    Credit(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A priced line, with what the screen and `nanum price` show about it.
#[derive(Debug, Clone)]
pub struct Priced {
    pub line: Line,
    pub intake: Option<IsoWeek>,
    pub colour: Option<TagColour>,
}

impl Store {
    pub fn price_scan(&self, raw: &str, today: NaiveDate) -> Result<Priced, ScanError> {
        match codes::parse(raw)? {
            Code::Price(tag) => {
                let category = self.known_category(&tag.category_code())?;
                let markdown = self.rotation.markdown(tag.price, tag.intake, today, self.info.price_step);
                let line = Line {
                    kind: LineKind::PriceTag,
                    code: Some(tag.code()),
                    unit_price: markdown.price,
                    list_price: tag.price,
                    markdown: Some(markdown),
                    ..category_line(&category, tag.price)
                };
                let colour = self.rotation.colour_for(tag.intake).cloned();
                Ok(Priced { line, intake: Some(tag.intake), colour })
            }
            Code::Item(tag) => {
                let code = tag.code();
                if tag.store != self.info.code {
                    return Err(ScanError::OtherStore { code, store: tag.store });
                }
                let item = self.item(&code)?.ok_or_else(|| ScanError::UnknownItem { code: code.clone() })?;
                if item.sold_in.is_some() {
                    return Err(ScanError::AlreadySold { code });
                }
                let category = self.known_category(&item.category)?;
                let line = Line {
                    kind: LineKind::ItemTag,
                    code: Some(code),
                    name_ko: item.description.clone(),
                    name_en: item.description,
                    ..category_line(&category, item.price)
                };
                let intake = IsoWeek::of(item.intake_date);
                Ok(Priced { line, intake: Some(intake), colour: self.rotation.colour_for(intake).cloned() })
            }
            Code::Ean13(ean) => {
                let product =
                    self.stock_item(ean.as_str())?.ok_or_else(|| ScanError::UnknownProduct { ean: ean.to_string() })?;
                let category = self.known_category(&product.category)?;
                let line = Line {
                    kind: LineKind::Stock,
                    code: Some(product.ean),
                    name_ko: product.name_ko,
                    name_en: product.name_en,
                    ..category_line(&category, product.price)
                };
                Ok(Priced { line, intake: None, colour: None })
            }
            Code::Receipt(receipt) => Err(ScanError::Receipt(receipt)),
            Code::Credit(credit) => Err(ScanError::Credit(credit.code())),
        }
    }

    fn known_category(&self, code: &str) -> Result<Category, ScanError> {
        self.category_to_sell(code)?.ok_or_else(|| ScanError::UnknownCategory { code: code.to_string() })
    }
}

/// An untagged item sold with a category key at a typed price.
pub fn category_line(category: &Category, price: Won) -> Line {
    Line {
        kind: LineKind::CategoryKey,
        code: None,
        name_ko: category.name_ko.clone(),
        name_en: category.name_en.clone(),
        category: Some(category.code.clone()),
        tax_class: category.tax_class.clone(),
        tax_rate_percent: category.tax_rate_percent,
        list_price: price,
        unit_price: price,
        quantity: 1,
        markdown: None,
        discount: Won::ZERO,
        discount_reason: None,
        refers_line: None,
    }
}
