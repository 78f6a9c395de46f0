//! Plain words for what went wrong, for the screen and the command line. The error types stay
//! precise (and English in logs); this is where they become a sentence a volunteer can act on,
//! in the screen's language. The operating system's and SQLite's own words are English, so they
//! are turned into kinds first (`hardware::Cause`, SQLite result codes) and never shown as-is.

use chrono::{DateTime, Duration, FixedOffset};

use crate::config::ConfigError;
use crate::domain::codes::{CodeError, CodeKind};
use crate::domain::{CartError, PaymentError};
use crate::hardware::transport::SpecError;
use crate::hardware::{Cause, PrintError};
use crate::store::sql::UnknownValue;
use crate::store::{ScanError, SignInError, StoreError};
use crate::t;

pub fn code_kind(kind: CodeKind) -> String {
    match kind {
        CodeKind::PriceTag => t!("code-kind-price-tag"),
        CodeKind::ItemTag => t!("code-kind-item-tag"),
        CodeKind::Ean13 => t!("code-kind-ean13"),
        CodeKind::Receipt => t!("code-kind-receipt"),
        CodeKind::Credit => t!("code-kind-credit"),
    }
}

pub fn code_error(e: &CodeError) -> String {
    match e {
        CodeError::Empty => t!("error-code-empty"),
        CodeError::Unknown { code } => t!("error-code-unknown", code = redact(code)),
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

/// Text typed into the scan field that looks like a PIN (a few digits) is shown and logged
/// only as its length: someone typed their PIN in the wrong place.
pub fn redact(typed: &str) -> String {
    let t = typed.trim();
    if (1..=8).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
        "*".repeat(t.len())
    } else {
        t.to_string()
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
        ScanError::Credit(_) => t!("error-credit-scanned"),
        ScanError::Store(e) => store_error(e),
    }
}

pub fn store_error(e: &StoreError) -> String {
    let path = |p: &std::path::Path| p.display().to_string();
    match e {
        StoreError::DiskFull => t!("error-disk-full"),
        StoreError::Busy => t!("error-db-busy"),
        StoreError::Missing { path: p } => t!("error-db-missing", path = path(p)),
        StoreError::Exists { path: p } => t!("error-db-exists", path = path(p)),
        StoreError::TooNew { path: p, found, supported } => {
            t!("error-db-too-new", path = path(p), found = *found, supported = *supported)
        }
        StoreError::NotAStore { path: p } => t!("error-db-not-a-store", path = path(p)),
        StoreError::Damaged { path: p, what } => {
            tracing::error!("{}: {what}", p.display());
            t!("error-db-damaged", path = path(p))
        }
        StoreError::ReadOnly { path: p } => t!("error-db-read-only", path = path(p)),
        StoreError::NoWal { path: p, .. } => t!("error-db-no-wal", path = path(p)),
        StoreError::Open { path: p, source } => t!("error-db-open", path = path(p), reason = sqlite_reason(source)),
        StoreError::Migration(_) => t!("error-db-migration"),
        StoreError::Sqlite(e) => t!("error-store", reason = sqlite_reason(e)),
        StoreError::WriterStopped => t!("error-writer-stopped"),
        StoreError::JobCrashed => t!("error-job-crashed"),
        StoreError::Approval(refused) => match refused {
            crate::store::Refused::Missing => t!("error-approval-missing"),
            crate::store::Refused::ForAnother => t!("error-approval-for-another"),
            crate::store::Refused::Used => t!("error-approval-used"),
            crate::store::Refused::SignedOut => t!("error-approval-signed-out"),
        },
        StoreError::TillNotOpen { till } => t!("error-session-not-open", till = till.clone()),
        StoreError::Unreadable(detail) => {
            tracing::error!("store: something stored cannot be read: {detail}");
            t!("error-store-unreadable")
        }
        StoreError::Refused(detail) => {
            tracing::warn!("store: refused: {detail}");
            t!("error-store-refused")
        }
        StoreError::File { what, source } => {
            tracing::error!("store: {what}: {source}");
            t!("error-store-file", reason = io_error(source))
        }
        StoreError::FromHeadOffice(detail) => {
            tracing::error!("store: head office sent {detail}");
            t!("error-store-from-head-office")
        }
        StoreError::Bug(detail) => {
            tracing::error!("store: {detail}");
            t!("error-store-invalid")
        }
    }
}

/// What SQLite's error means for the person at the till.
pub fn sqlite_reason(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode;
    if let rusqlite::Error::FromSqlConversionFailure(_, _, inner) = e
        && let Some(unknown) = inner.downcast_ref::<UnknownValue>()
    {
        let what = match unknown.what {
            "staff role" => t!("value-role"),
            "condition" => t!("value-condition"),
            "line kind" => t!("value-line-kind"),
            "tender kind" => t!("value-tender-kind"),
            "percentage" => t!("value-percentage"),
            "document kind" => t!("value-document-kind"),
            "customer" => t!("value-customer"),
            "donation channel" => t!("value-channel"),
            "rejection reason" => t!("value-reject-reason"),
            "out-flow" => t!("value-out-flow"),
            "time" => t!("value-time"),
            "date" => t!("value-date"),
            _ => t!("value-number"),
        };
        return t!("error-db-unknown-value", what = what, value = unknown.value.clone());
    }
    tracing::warn!("sqlite: {e}");
    if crate::store::is_disk_full(e) {
        return t!("sqlite-disk-full");
    }
    match e.sqlite_error_code() {
        Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => t!("sqlite-read-only"),
        Some(ErrorCode::CannotOpen) => t!("sqlite-cannot-open"),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => t!("sqlite-corrupt"),
        Some(ErrorCode::SystemIoFailure) => t!("sqlite-io"),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => t!("sqlite-busy"),
        Some(ErrorCode::ConstraintViolation) => t!("sqlite-constraint"),
        _ => t!("sqlite-other"),
    }
}

/// What the operating system said about a device or file, in the person's language.
pub fn cause(c: &Cause) -> String {
    match c {
        Cause::NotFound => t!("cause-not-found"),
        Cause::PermissionDenied => t!("cause-permission"),
        Cause::Busy => t!("cause-busy"),
        Cause::Refused => t!("cause-refused"),
        Cause::TimedOut => t!("cause-timed-out"),
        Cause::Closed => t!("cause-closed"),
        Cause::NoAddress => t!("cause-no-address"),
        Cause::DiskFull => t!("sqlite-disk-full"),
        Cause::Other(detail) => {
            tracing::warn!("device: {detail}");
            t!("cause-other")
        }
    }
}

pub fn io_error(e: &std::io::Error) -> String {
    cause(&Cause::io(e))
}

pub fn config_error(e: &ConfigError) -> String {
    match e {
        ConfigError::Read { path, cause: c } => t!("config-read", path = path.display().to_string(), reason = cause(c)),
        ConfigError::Parse { path, line } => t!("config-parse", path = path.display().to_string(), line = *line),
        ConfigError::Write { path, cause: c } => {
            t!("config-write", path = path.display().to_string(), reason = cause(c))
        }
    }
}

/// How long until a lock ends: "45초", "2분", "1분 30초".
pub fn duration(d: Duration) -> String {
    let seconds = d.num_seconds().max(1);
    match (seconds / 60, seconds % 60) {
        (0, s) => t!("duration-seconds", seconds = s),
        (m, 0) => t!("duration-minutes", minutes = m),
        (m, s) => t!("duration-minutes-seconds", minutes = m, seconds = s),
    }
}

/// The time left on a lock at `now`, rounded up to the second.
pub fn locked_for(until: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> Duration {
    Duration::seconds(((until - now).num_milliseconds() + 999) / 1000)
}

pub fn sign_in_error(e: &SignInError, now: DateTime<FixedOffset>) -> String {
    match e {
        SignInError::WrongPin { attempts_left, next_lock } => {
            t!("login-wrong-pin", left = *attempts_left, lock = duration(*next_lock))
        }
        SignInError::LockedOut { until } => t!("login-locked", time = duration(locked_for(*until, now))),
        SignInError::NotAManager => t!("error-not-a-manager"),
        SignInError::ApprovalTries => t!("error-approval-tries"),
        SignInError::UnreadablePin(name) => t!("error-unreadable-pin", name = name.clone()),
        SignInError::Store(e) => store_error(e),
        SignInError::Unknown => t!("login-unknown"),
    }
}

pub fn shift_error(e: &crate::store::ShiftError, now: DateTime<FixedOffset>) -> String {
    use crate::store::ShiftError;
    match e {
        ShiftError::SignIn(e) => sign_in_error(e, now),
        ShiftError::AlreadyIn(since) => t!("shift-already-in", since = since.format("%H:%M").to_string()),
        ShiftError::NotIn => t!("shift-not-in"),
        ShiftError::NotTheirDuty(d) => t!("shift-not-their-duty", duty = crate::reports::volunteers::duty_name(*d)),
        ShiftError::EndsBeforeStart => t!("shift-ends-before-start"),
        ShiftError::NoReason => t!("shift-no-reason"),
        ShiftError::Store(e) => store_error(e),
    }
}

pub fn cart_error(e: &CartError) -> String {
    match e {
        CartError::AlreadyInCart { .. } => t!("error-already-in-sale"),
        CartError::ZeroPrice => t!("error-zero-price"),
        CartError::OneOfAKind => t!("error-one-of-a-kind"),
        CartError::Quantity { max } => t!("error-quantity", max = *max),
        CartError::NoLine { .. } => t!("error-no-line"),
        CartError::DiscountTooLarge => t!("error-discount-too-large"),
    }
}

pub fn payment_error(e: &PaymentError) -> String {
    match e {
        PaymentError::EmptySale => t!("error-empty-sale"),
        PaymentError::NotEnough { short } => t!("error-not-enough", short = short.to_string()),
        PaymentError::MoreThanLeft { left } => t!("error-more-than-left", left = left.to_string()),
        PaymentError::NoBalance => t!("error-no-balance"),
        PaymentError::Approval => t!("error-approval-number"),
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
        crate::domain::LineKind::CategoryKey | crate::domain::LineKind::Donation => String::new(),
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
        out.push_str(&format!(
            "{}\n",
            t!("price-explain-intake", week = crate::i18n::words::week_in_words(intake), colour = colour)
        ));
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

/// A printer setting that cannot be read.
pub fn spec_error(e: &SpecError) -> String {
    match e {
        SpecError::Unknown(spec) => t!("printer-spec-unknown", spec = spec.clone()),
        SpecError::NoPath(spec) => t!("printer-spec-no-path", spec = spec.clone()),
        SpecError::Option { spec, option } => t!("printer-spec-option", spec = spec.clone(), option = option.clone()),
    }
}

/// Why a document was refused.
pub fn sale_error(e: &crate::store::SaleError) -> String {
    use crate::store::SaleError;
    match e {
        SaleError::OnHold { code, hours } => t!("error-on-hold", code = code.clone(), hours = *hours),
        SaleError::CannotVoid(number) => t!("error-cannot-void", number = format!("{number:04}")),
        SaleError::NothingLeftToReturn => t!("error-nothing-to-return"),
        SaleError::AlreadySold { code } => t!("error-sold-elsewhere", code = code.clone()),
        SaleError::CreditSpent { code, balance } => {
            t!("error-credit-spent", code = code.clone(), balance = balance.to_string())
        }
        SaleError::Store(e) => store_error(e),
    }
}

pub fn till_error(e: &crate::store::TillError) -> String {
    use crate::store::TillError;
    match e {
        TillError::AlreadyOpen(_) => t!("error-till-open"),
        TillError::AlreadyClosed => t!("error-till-closed"),
        TillError::KeptTooMuch => t!("error-kept-too-much"),
        TillError::NotClosed => t!("error-till-not-closed"),
        TillError::Store(e) => store_error(e),
    }
}

pub fn cash_receipt_error(e: &crate::domain::cash_receipt::CashReceiptError) -> String {
    use crate::domain::cash_receipt::CashReceiptError;
    match e {
        CashReceiptError::Unknown(typed) => t!("error-cash-receipt", typed = typed.clone()),
        CashReceiptError::BusinessCheck => t!("error-business-number"),
    }
}

/// One break in the journal's chain, naming the event.
pub fn chain_problem(e: &crate::store::ChainError) -> String {
    use crate::store::ChainError;
    match e {
        ChainError::Broken { seq } => t!("check-chain-broken", seq = *seq),
        ChainError::Altered { seq } => t!("check-chain-altered", seq = *seq),
        ChainError::Gap { seq } => t!("check-chain-gap", seq = *seq),
        ChainError::Dictionary { id } => t!("check-chain-dictionary", id = *id),
    }
}

/// A sale that does not match its journal event, naming the sale and the event.
pub fn sale_problem(e: &crate::store::SaleProblem) -> String {
    use crate::store::{SalePart, SaleProblem};
    match e {
        SaleProblem::Differs { seq, date, sale_no, what } => {
            let what = match what {
                SalePart::Lines => t!("check-part-lines"),
                SalePart::Vat => t!("check-part-vat"),
                SalePart::Tenders => t!("check-part-tenders"),
                SalePart::Total => t!("check-part-total"),
                SalePart::Header => t!("check-part-header"),
            };
            t!("check-sale-differs", date = date.to_string(), number = format!("{sale_no:04}"), seq = *seq, what = what)
        }
        SaleProblem::NotJournaled { date, sale_no } => {
            t!("check-sale-unjournaled", date = date.to_string(), number = format!("{sale_no:04}"))
        }
        SaleProblem::Missing { seq, uuid } => t!("check-sale-missing", seq = *seq, uuid = uuid.clone()),
        SaleProblem::Unreadable { seq, .. } => t!("check-sale-unreadable", seq = *seq),
        SaleProblem::BadDate { sale_no, stored } => {
            t!("check-sale-bad-date", number = format!("{sale_no:04}"), stored = stored.clone())
        }
    }
}

/// Why a print job failed, in words a cashier can act on.
pub fn print_error(e: &PrintError) -> String {
    match e {
        PrintError::NotReady { status, .. } if status.paper_out => t!("printer-paper-out"),
        PrintError::NotReady { status, .. } if status.cover_open => t!("printer-cover-open"),
        PrintError::NotReady { .. } => t!("printer-offline"),
        PrintError::NoAnswer { .. } => t!("printer-no-answer"),
        PrintError::Unreachable { reason, .. } => t!("printer-unreachable", reason = cause(reason)),
        PrintError::Interrupted { reason, .. } => t!("printer-interrupted", reason = cause(reason)),
        PrintError::Spec(e) => spec_error(e),
        PrintError::Restarted => t!("printer-restarted"),
    }
}

/// Why a sync stopped, in the person's language: what happened and that nothing was lost.
pub fn sync_error(e: &crate::sync::client::SyncError) -> String {
    use crate::sync::client::SyncError;
    match e {
        SyncError::Unreachable { central, trouble, reason } => {
            use crate::sync::client::Trouble;
            let why = match trouble {
                Trouble::Refused => t!("sync-trouble-refused"),
                Trouble::TimedOut => t!("sync-trouble-timeout"),
                Trouble::NoSuchHost => t!("sync-trouble-host"),
                Trouble::Cut => t!("sync-trouble-cut"),
                Trouble::Tls => t!("sync-trouble-tls"),
                Trouble::Other => reason.clone(),
            };
            t!("sync-unreachable", central = central.clone(), reason = why)
        }
        SyncError::Unauthorized => t!("sync-unauthorized"),
        // Head office words its refusals in English for its log; the till says them in its own
        // language, by the refusal's stable word, and keeps head office's sentence in its log.
        SyncError::Refused { error, message, .. } => {
            tracing::warn!(error, message, "head office refused the sync");
            match error.as_str() {
                // Too many connections from the store's address: as busy, for now.
                "unavailable" | "too_many" => t!("sync-central-unavailable"),
                "conflict" | "gap" | "altered" => t!("sync-central-conflict"),
                "too_large" | "malformed" | "wrong_type" | "not_found" | "not_allowed" => t!("sync-central-malformed"),
                _ => t!("sync-refused", message = message.clone()),
            }
        }
        SyncError::Behind { theirs, ours } => t!("sync-behind", theirs = *theirs, ours = *ours),
        SyncError::Diverged { seq } => t!("sync-diverged", seq = *seq),
        SyncError::Store(e) => store_error(e),
    }
}

/// The one line `nanum sync` ends with.
pub fn sync_summary(s: &crate::sync::client::Summary) -> String {
    let grouped = |n: i64| crate::domain::Won::new(n).grouped();
    let mut line = t!("sync-done", uploaded = grouped(s.uploaded), acked = grouped(s.acked_seq));
    if let Some(version) = s.reference_applied {
        line.push(' ');
        line.push_str(&t!("sync-reference-applied", version = version));
    }
    if !s.staff_news.is_empty() {
        line.push('\n');
        line.push_str(&t!("sync-staff-news"));
        for news in &s.staff_news {
            line.push_str("\n- ");
            line.push_str(&staff_news(news));
        }
    }
    line
}

/// One thing head office changed about one of the store's people.
pub fn staff_news(n: &crate::store::StaffNews) -> String {
    use crate::store::StaffChange;
    let role = crate::ui::screen::login::role_name;
    let name = n.name.clone();
    match &n.change {
        StaffChange::Added(r) => t!("staff-news-added", name = name, role = role(*r)),
        StaffChange::Renamed { from } => t!("staff-news-renamed", name = name, from = from.clone()),
        StaffChange::Role { from, to } => t!("staff-news-role", name = name, from = role(*from), to = role(*to)),
        StaffChange::Active(true) => t!("staff-news-active", name = name),
        StaffChange::Active(false) => t!("staff-news-inactive", name = name),
        StaffChange::NewPin => t!("staff-news-new-pin", name = name),
        StaffChange::NoPin => t!("staff-news-no-pin", name = name),
    }
}

pub fn join_error(e: &crate::sync::join::JoinError) -> String {
    use crate::sync::join::JoinError;
    match e {
        JoinError::Sync(crate::sync::client::SyncError::Unauthorized) => t!("join-unauthorized"),
        JoinError::Sync(e) => sync_error(e),
        JoinError::NeedsManager { .. } => t!("join-needs-manager"),
        JoinError::Code(code) => t!("join-bad-code", code = *code),
        JoinError::Setup(e) => setup_error(e),
    }
}

pub fn setup_error(e: &crate::store::SetupError) -> String {
    use crate::domain::BusinessNoError;
    use crate::store::SetupError;
    match e {
        SetupError::Code => t!("setup-error-code"),
        SetupError::Name => t!("setup-error-name"),
        SetupError::BusinessNo(BusinessNoError::Length(found)) => t!("setup-error-business-no-length", found = *found),
        SetupError::BusinessNo(BusinessNoError::CheckDigit) => t!("setup-error-business-no-check"),
        SetupError::Phone(typed) => t!("setup-error-phone", phone = typed.clone()),
        SetupError::Manager => t!("setup-error-manager"),
        SetupError::Pin => t!("setup-error-pin"),
        SetupError::Store(e) => store_error(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_typed_into_the_scan_field_are_not_shown() {
        let typed =
            crate::ui::screen::checkout::Message::ScanChanged(crate::ui::screen::checkout::Typed("4821".into()));
        assert_eq!(format!("{typed:?}"), "ScanChanged(Typed(\"****\"))");
        let pin =
            crate::ui::screen::login::Message::Pin(crate::ui::pin_pad::Key::Typed(crate::domain::Pin::typed("4821")));
        assert!(!format!("{pin:?}").contains("4821"));
        assert_eq!(redact("1234"), "****");
        assert_eq!(redact(" 20261125 "), "********");
        assert_eq!(redact("P012000350026267"), "P012000350026267");
        assert_eq!(redact("abc"), "abc");
    }

    #[test]
    fn head_offices_refusals_are_said_in_the_tills_language() {
        use crate::sync::client::SyncError;
        let refused = |error: &str| SyncError::Refused {
            status: 503,
            error: error.into(),
            message: "head office's database is not available; try again later".into(),
        };
        let said = sync_error(&refused("unavailable"));
        assert!(said.starts_with("본부 서버가 지금 기록을 받을 수 없어요.") && !said.contains("database"), "{said}");
        assert!(!sync_error(&refused("conflict")).contains("database"));
        assert!(sync_error(&refused("too_many")).starts_with("본부 서버가 지금 기록을 받을 수 없어요."));
    }
}
