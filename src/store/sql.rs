//! How Nanum's values are written to and read from SQLite columns. Reading is strict: a stored
//! value this version does not know (a tender kind, a role, a percentage that is not one) is an
//! error naming the value, never a quiet default; `unwrap_or(Cash)` would inflate the cash in the
//! drawer.

use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::Row;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rust_decimal::Decimal;

use crate::domain::donation::{Channel, OutFlow, RejectReason};
use crate::domain::volunteer::Duty;
use crate::domain::{Condition, Customer, LineKind, Role, SaleKind, TenderKind, Won};

/// A stored value that is not one this version knows.
#[derive(Debug, thiserror::Error)]
#[error("unknown {what} '{value}' in the database")]
pub struct UnknownValue {
    pub what: &'static str,
    pub value: String,
}

fn unknown(what: &'static str, value: &str) -> FromSqlError {
    FromSqlError::Other(Box::new(UnknownValue { what, value: value.to_string() }))
}

impl ToSql for Won {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.get()))
    }
}

impl FromSql for Won {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Won> {
        i64::column_result(value).map(Won::new)
    }
}

/// The enums stored by name: `as_str` to write, `parse` to read, and what to call them.
macro_rules! stored_by_name {
    ($($ty:ty => $what:literal),+ $(,)?) => {$(
        impl ToSql for $ty {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }
        impl FromSql for $ty {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<$ty> {
                let text = value.as_str()?;
                <$ty>::parse(text).ok_or_else(|| unknown($what, text))
            }
        }
    )+};
}

stored_by_name! {
    Duty => "volunteer duty",
    Role => "staff role",
    Condition => "condition",
    LineKind => "line kind",
    TenderKind => "tender kind",
    SaleKind => "document kind",
    Customer => "customer",
    Channel => "donation channel",
    RejectReason => "rejection reason",
    OutFlow => "out-flow",
}

/// A decimal stored as text (rates, percentages): no float touches it.
#[derive(Debug)]
pub struct Dec(pub Decimal);

impl FromSql for Dec {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Dec> {
        let text = value.as_str()?;
        Decimal::from_str(text).map(Dec).map_err(|_| unknown("decimal number", text))
    }
}

/// A percentage: a decimal from 0 to 100.
#[derive(Debug)]
pub struct Percent(pub Decimal);

impl FromSql for Percent {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Percent> {
        let Dec(d) = Dec::column_result(value)?;
        if (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&d) {
            Ok(Percent(d))
        } else {
            Err(unknown("percentage", &d.to_string()))
        }
    }
}

/// A time stored as RFC 3339 with its offset.
#[derive(Debug)]
pub struct Time(pub DateTime<FixedOffset>);

impl FromSql for Time {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Time> {
        let text = value.as_str()?;
        DateTime::parse_from_rfc3339(text).map(Time).map_err(|_| unknown("time", text))
    }
}

/// A date stored as `YYYY-MM-DD`.
#[derive(Debug)]
pub struct Date(pub NaiveDate);

impl FromSql for Date {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Date> {
        let text = value.as_str()?;
        text.parse().map(Date).map_err(|_| unknown("date", text))
    }
}

pub fn percent(row: &Row<'_>, index: usize) -> rusqlite::Result<Decimal> {
    row.get::<_, Percent>(index).map(|p| p.0)
}

pub fn time(row: &Row<'_>, index: usize) -> rusqlite::Result<DateTime<FixedOffset>> {
    row.get::<_, Time>(index).map(|t| t.0)
}

pub fn date(row: &Row<'_>, index: usize) -> rusqlite::Result<NaiveDate> {
    row.get::<_, Date>(index).map(|d| d.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: FromSql>(sql: &str) -> rusqlite::Result<T> {
        rusqlite::Connection::open_in_memory().unwrap().query_row(sql, [], |r| r.get(0))
    }

    #[test]
    fn known_values_read_back() {
        assert_eq!(read::<TenderKind>("SELECT 'card'").unwrap(), TenderKind::Card);
        assert_eq!(read::<Role>("SELECT 'manager'").unwrap(), Role::Manager);
        assert_eq!(read::<Won>("SELECT 3500").unwrap(), Won::new(3500));
        assert_eq!(read::<Percent>("SELECT '12.5'").unwrap().0, Decimal::new(125, 1));
    }

    #[test]
    fn unknown_values_are_errors_that_name_them() {
        let check = |err: rusqlite::Error, expected: &str| {
            assert!(err.to_string().contains(expected), "{err} should mention {expected}");
        };
        check(read::<TenderKind>("SELECT 'cheque'").unwrap_err(), "unknown tender kind 'cheque'");
        check(read::<Role>("SELECT 'owner'").unwrap_err(), "unknown staff role 'owner'");
        check(read::<Condition>("SELECT 'mint'").unwrap_err(), "unknown condition 'mint'");
        check(read::<LineKind>("SELECT 'gift'").unwrap_err(), "unknown line kind 'gift'");
        check(read::<Percent>("SELECT '150'").unwrap_err(), "unknown percentage '150'");
        check(read::<Percent>("SELECT 'ten'").unwrap_err(), "unknown decimal number 'ten'");
        check(read::<Time>("SELECT 'yesterday'").unwrap_err(), "unknown time 'yesterday'");
        assert!(read::<Won>("SELECT 'abc'").is_err());
    }
}
