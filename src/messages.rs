//! Plain words for what went wrong, for the screen and the command line. The error types stay
//! precise (and English in logs); this is where they become a sentence a volunteer can act on.

use crate::domain::codes::{CodeError, CodeKind};
use crate::domain::{CartError, PaymentError};
use crate::store::{ScanError, StoreError};
use crate::t;

pub fn code_kind(kind: CodeKind) -> String {
    match kind {
        CodeKind::PriceTag => t!("code-kind-price-tag"),
        CodeKind::ItemTag => t!("code-kind-item-tag"),
        CodeKind::Ean13 => t!("code-kind-ean13"),
        CodeKind::Receipt => t!("code-kind-receipt"),
    }
}

pub fn code_error(e: &CodeError) -> String {
    match e {
        CodeError::Empty => t!("error-code-empty"),
        CodeError::Unknown { code } => t!("error-code-unknown", code = code.clone()),
        CodeError::Length { kind, expected, found } => {
            t!("error-code-length", kind = code_kind(*kind), expected = *expected, found = *found)
        }
        CodeError::NotDigits { kind } => t!("error-code-digits", kind = code_kind(*kind)),
        CodeError::CheckDigit { kind, .. } => t!("error-code-check", kind = code_kind(*kind)),
        CodeError::Week { yyww } => t!("error-code-week", week = yyww.clone()),
        CodeError::Date { yyyymmdd } => t!("error-code-date", date = yyyymmdd.clone()),
        CodeError::ZeroPrice => t!("error-code-zero"),
    }
}

pub fn scan_error(e: &ScanError) -> String {
    match e {
        ScanError::Code(e) => code_error(e),
        ScanError::UnknownCategory { code } => t!("error-unknown-category", code = code.clone()),
        ScanError::UnknownItem { code } => t!("error-unknown-item", code = code.clone()),
        ScanError::AlreadySold { code } => t!("error-already-sold", code = code.clone()),
        ScanError::OtherStore { code, store } => {
            t!("error-other-store", code = code.clone(), store = format!("{store:03}"))
        }
        ScanError::UnknownProduct { ean } => t!("error-unknown-product", code = ean.clone()),
        ScanError::Receipt(_) => t!("error-receipt-scanned"),
        ScanError::Store(e) => store_error(e),
    }
}

pub fn store_error(e: &StoreError) -> String {
    match e {
        StoreError::DiskFull => t!("error-disk-full"),
        StoreError::Busy => t!("error-db-busy"),
        StoreError::Exists { path } => t!("error-db-exists", path = path.display().to_string()),
        StoreError::TooNew { path, found, supported } => {
            t!("error-db-too-new", path = path.display().to_string(), found = *found, supported = *supported)
        }
        StoreError::NotAStore { path } => t!("error-db-not-a-store", path = path.display().to_string()),
        StoreError::Open { path, source } => {
            t!("error-db-open", path = path.display().to_string(), reason = source.to_string())
        }
        other => t!("error-store", reason = other.to_string()),
    }
}

pub fn sign_in_error(e: &crate::store::SignInError, now: chrono::DateTime<chrono::FixedOffset>) -> String {
    use crate::store::SignInError;
    match e {
        SignInError::WrongPin { attempts_left } => t!("login-wrong-pin", left = *attempts_left),
        SignInError::LockedOut { until } => {
            let seconds = ((*until - now).num_milliseconds() + 999) / 1000;
            t!("login-locked", seconds = seconds.max(1))
        }
        SignInError::NotAManager => t!("error-not-a-manager"),
        SignInError::Store(e) => store_error(e),
        SignInError::Unknown => t!("login-error", reason = e.to_string()),
    }
}

pub fn cart_error(e: &CartError) -> String {
    match e {
        CartError::AlreadyInCart { .. } => t!("error-already-in-sale"),
        CartError::ZeroPrice => t!("error-zero-price"),
    }
}

pub fn payment_error(e: &PaymentError) -> String {
    match e {
        PaymentError::EmptySale => t!("error-empty-sale"),
        PaymentError::NotEnough { short } => t!("error-not-enough", short = short.to_string()),
    }
}

/// What `nanum price` prints: the code, what it is, and how its price was reached.
pub fn price_explanation(priced: &crate::store::Priced, date: chrono::NaiveDate) -> String {
    use crate::i18n::{Lang, language};
    let line = &priced.line;
    let mut out = String::new();
    let name = if language() == Lang::Ko { &line.name_ko } else { &line.name_en };
    let kind = match line.kind {
        crate::domain::LineKind::PriceTag => code_kind(CodeKind::PriceTag),
        crate::domain::LineKind::ItemTag => code_kind(CodeKind::ItemTag),
        crate::domain::LineKind::Stock => code_kind(CodeKind::Ean13),
        crate::domain::LineKind::CategoryKey => String::new(),
    };
    out.push_str(&format!("{} ({kind})\n", line.code.clone().unwrap_or_default()));
    out.push_str(&format!(
        "{}\n",
        t!(
            "price-explain-item",
            name = name.clone(),
            category = line.category.clone().unwrap_or_default(),
            class = tax_label(line.tax_rate_percent)
        )
    ));
    if let Some(intake) = priced.intake {
        let colour = priced
            .colour
            .as_ref()
            .map(|c| if language() == Lang::Ko { c.name_ko.clone() } else { c.name_en.clone() })
            .unwrap_or_default();
        out.push_str(&format!("{}\n", t!("price-explain-intake", week = intake.to_string(), colour = colour)));
    }
    out.push_str(&format!("{}\n", t!("price-explain-list", price = line.list_price.to_string())));
    if let Some(m) = &line.markdown {
        let key = if m.pull {
            "price-explain-pull"
        } else if m.is_reduced() {
            "price-explain-markdown"
        } else {
            "price-explain-full"
        };
        out.push_str(&format!(
            "{}\n",
            crate::i18n::tr_in(
                language(),
                key,
                &[
                    ("date", date.to_string().into()),
                    ("weeks", m.weeks_on_floor.into()),
                    ("percent", m.percent_off.normalize().to_string().into()),
                ],
            )
        ));
    }
    out.push_str(&format!("{}\n", t!("price-explain-charge", price = line.unit_price.to_string())));
    out
}

/// `과세 10%` or `면세`.
pub fn tax_label(rate_percent: rust_decimal::Decimal) -> String {
    if rate_percent.is_zero() { t!("tax-exempt") } else { t!("tax-rate", rate = rate_percent.normalize().to_string()) }
}

/// Why a print job failed, in words a cashier can act on.
pub fn print_error(e: &crate::hardware::PrintError) -> String {
    use crate::hardware::PrintError;
    match e {
        PrintError::NotReady { status, .. } if status.paper_out => t!("printer-paper-out"),
        PrintError::NotReady { status, .. } if status.cover_open => t!("printer-cover-open"),
        PrintError::NotReady { .. } => t!("printer-offline"),
        PrintError::NoAnswer { .. } => t!("printer-no-answer"),
        PrintError::Unreachable { reason, .. } => t!("printer-unreachable", reason = reason.clone()),
        PrintError::Interrupted { reason, .. } => t!("printer-interrupted", reason = reason.clone()),
        PrintError::Spec(e) => t!("printer-bad-setting", reason = e.to_string()),
    }
}
