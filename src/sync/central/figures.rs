//! What head office reads back from the projected tables: a store's daily report (the same
//! figures, worked out the same way, as the store's own `nanum report daily`), and each store's
//! day at a glance for the web page.

use chrono::NaiveDate;
use deadpool_postgres::Pool;
use tokio_postgres::Client;

use super::{CentralError, reference};
use crate::domain::Won;
use crate::reports::daily::{ClassTotal, DailyReport};

pub async fn daily(pool: &Pool, code: u16, date: NaiveDate) -> Result<DailyReport, CentralError> {
    let store = super::stores::by_code(pool, code).await?;
    let classes = reference::tax_classes(pool).await?;
    let client = pool.get().await?;
    // One snapshot, as the store reads its own.
    client.batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").await?;
    let report = daily_in(&client, store.id, store.name, date, classes).await;
    client.batch_execute("COMMIT").await?;
    report
}

async fn daily_in(
    db: &Client,
    store_id: i32,
    store: String,
    date: NaiveDate,
    tax_classes: Vec<crate::domain::TaxClass>,
) -> Result<DailyReport, CentralError> {
    let r = db
        .query_one(
            "SELECT count(*) FILTER (WHERE kind = 'sale'), count(*) FILTER (WHERE kind = 'refund'),
                    count(*) FILTER (WHERE kind = 'void'),
                    count(*) FILTER (WHERE kind = 'sale' AND cash_receipt),
                    coalesce(sum(total) FILTER (WHERE kind = 'sale' AND cash_receipt), 0)::bigint
             FROM sales WHERE store_id = $1 AND business_date = $2",
            &[&store_id, &date],
        )
        .await?;
    let (sales, refunds, voids, cash_receipts, cash_receipt_total): (i64, i64, i64, i64, i64) =
        (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4));
    let r = db
        .query_one(
            "SELECT coalesce(sum(l.quantity) FILTER (WHERE l.kind != 'donation'), 0)::bigint,
                    coalesce(sum(l.amount) FILTER (WHERE l.kind != 'donation'), 0)::bigint,
                    (-coalesce(sum(l.amount) FILTER (WHERE l.kind != 'donation' AND s.kind != 'sale'), 0))::bigint,
                    coalesce(sum((l.list_price - l.unit_price) * l.quantity) FILTER (WHERE l.kind != 'donation'), 0)::bigint,
                    coalesce(sum(l.discount), 0)::bigint,
                    coalesce(sum(l.amount) FILTER (WHERE l.kind = 'donation'), 0)::bigint
             FROM sale_lines l JOIN sales s ON s.store_id = l.store_id AND s.seq = l.sale_seq
             WHERE s.store_id = $1 AND s.business_date = $2",
            &[&store_id, &date],
        )
        .await?;
    let (items, gross, returned, markdowns, discounts, donations): (i64, i64, i64, i64, i64, i64) =
        (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5));
    let vat_rows = db
        .query(
            "SELECT v.tax_class, sum(v.gross)::bigint, sum(v.supply)::bigint, sum(v.vat)::bigint
             FROM sale_vat v JOIN sales s ON s.store_id = v.store_id AND s.seq = v.sale_seq
             WHERE s.store_id = $1 AND s.business_date = $2 GROUP BY v.tax_class",
            &[&store_id, &date],
        )
        .await?;
    let mut classes: Vec<ClassTotal> = tax_classes
        .into_iter()
        .map(|t| ClassTotal {
            class: t.code,
            name_ko: t.name_ko,
            name_en: t.name_en,
            gross: Won::ZERO,
            supply: Won::ZERO,
            vat: Won::ZERO,
        })
        .collect();
    for row in &vat_rows {
        let code: String = row.get(0);
        let Some(c) = classes.iter_mut().find(|c| c.class == code) else {
            return Err(CentralError::User(format!(
                "sales use the tax class '{code}', which head office does not know"
            )));
        };
        (c.gross, c.supply, c.vat) = (Won::new(row.get(1)), Won::new(row.get(2)), Won::new(row.get(3)));
    }
    classes.sort_by(|a, b| a.class.cmp(&b.class));
    let r = db
        .query_one(
            "SELECT coalesce(sum(t.amount) FILTER (WHERE t.kind = 'cash'), 0)::bigint,
                    coalesce(sum(t.amount) FILTER (WHERE t.kind = 'card'), 0)::bigint,
                    coalesce(sum(t.amount) FILTER (WHERE t.kind = 'store_credit' AND t.amount > 0), 0)::bigint,
                    (-coalesce(sum(t.amount) FILTER (WHERE t.kind = 'store_credit' AND t.amount < 0), 0))::bigint
             FROM tenders t JOIN sales s ON s.store_id = t.store_id AND s.seq = t.sale_seq
             WHERE s.store_id = $1 AND s.business_date = $2",
            &[&store_id, &date],
        )
        .await?;
    Ok(DailyReport {
        store,
        date,
        to: date,
        sales,
        refunds,
        voids,
        items,
        gross: Won::new(gross),
        returned: Won::new(returned),
        classes,
        markdowns: Won::new(markdowns),
        discounts: Won::new(discounts),
        donations: Won::new(donations),
        cash: Won::new(r.get(0)),
        card: Won::new(r.get(1)),
        credit_used: Won::new(r.get(2)),
        credit_issued: Won::new(r.get(3)),
        cash_receipts,
        cash_receipt_total: Won::new(cash_receipt_total),
    })
}

/// One store's day on the head-office page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreDay {
    pub code: u16,
    pub name: String,
    pub date: NaiveDate,
    pub sales: i64,
    /// Goods sold net of refunds and voids.
    pub takings: i64,
    pub donations: i64,
    pub donated_pieces: i64,
    pub donated_value: i64,
    /// Credited volunteer minutes: each person's time per day, capped at 8 hours.
    pub volunteer_minutes: i64,
}

/// Store days added up: a store over a range, or the chain over a day or a month.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    pub sales: i64,
    pub takings: i64,
    pub donations: i64,
    pub donated_pieces: i64,
    pub donated_value: i64,
    pub volunteer_minutes: i64,
    /// How many stores the days are of.
    pub stores: usize,
}

impl Totals {
    pub fn of<'a>(days: impl IntoIterator<Item = &'a StoreDay>) -> Totals {
        let mut t = Totals::default();
        let mut stores = std::collections::BTreeSet::new();
        for d in days {
            t.sales += d.sales;
            t.takings += d.takings;
            t.donations += d.donations;
            t.donated_pieces += d.donated_pieces;
            t.donated_value += d.donated_value;
            t.volunteer_minutes += d.volunteer_minutes;
            stores.insert(d.code);
        }
        t.stores = stores.len();
        t
    }
}

/// Every store's figures for each day `from`..=`to` that has any.
pub async fn store_days(pool: &Pool, from: NaiveDate, to: NaiveDate) -> Result<Vec<StoreDay>, CentralError> {
    let client = pool.get().await?;
    let rows = client
        .query(
            "WITH s AS (
                 SELECT s.store_id, s.business_date AS day, count(*) FILTER (WHERE s.kind = 'sale') AS sales,
                        coalesce(sum(l.amount), 0) AS takings
                 FROM sales s
                 LEFT JOIN (SELECT store_id, sale_seq, sum(amount) AS amount FROM sale_lines
                            WHERE kind != 'donation' GROUP BY store_id, sale_seq) l
                        ON l.store_id = s.store_id AND l.sale_seq = s.seq
                 WHERE s.business_date BETWEEN $1 AND $2 GROUP BY 1, 2),
             d AS (
                 SELECT store_id, business_date AS day, count(*) AS donations, sum(pieces) AS pieces, sum(value) AS value
                 FROM donations WHERE business_date BETWEEN $1 AND $2 GROUP BY 1, 2),
             v AS (
                 SELECT store_id, day, sum(least(480, minutes)) AS minutes FROM (
                     SELECT store_id, business_date AS day, staff_id,
                            floor(sum(extract(epoch FROM ended_at - started_at)) / 60) AS minutes
                     FROM shifts WHERE ended_at IS NOT NULL AND business_date BETWEEN $1 AND $2
                     GROUP BY 1, 2, 3) per_person
                 GROUP BY 1, 2),
             days AS (SELECT store_id, day FROM s UNION SELECT store_id, day FROM d UNION SELECT store_id, day FROM v)
             SELECT st.code, st.name, days.day, coalesce(s.sales, 0)::bigint, coalesce(s.takings, 0)::bigint,
                    coalesce(d.donations, 0)::bigint, coalesce(d.pieces, 0)::bigint, coalesce(d.value, 0)::bigint,
                    coalesce(v.minutes, 0)::bigint
             FROM days JOIN stores st ON st.id = days.store_id
             LEFT JOIN s ON s.store_id = days.store_id AND s.day = days.day
             LEFT JOIN d ON d.store_id = days.store_id AND d.day = days.day
             LEFT JOIN v ON v.store_id = days.store_id AND v.day = days.day
             ORDER BY days.day DESC, st.code",
            &[&from, &to],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|r| StoreDay {
            code: r.get::<_, i32>(0) as u16,
            name: r.get(1),
            date: r.get(2),
            sales: r.get(3),
            takings: r.get(4),
            donations: r.get(5),
            donated_pieces: r.get(6),
            donated_value: r.get(7),
            volunteer_minutes: r.get(8),
        })
        .collect())
}

/// A till closed at a store: what it should have held and what was counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TillCount {
    pub date: NaiveDate,
    pub till: String,
    pub expected: i64,
    pub counted: i64,
}

/// The store's tills closed `from`..=`to`, newest first.
pub async fn till_differences(
    pool: &Pool,
    store_id: i32,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<TillCount>, CentralError> {
    let client = pool.get().await?;
    let rows = client
        .query(
            "SELECT business_date, till, expected, counted FROM till_sessions
             WHERE store_id = $1 AND business_date BETWEEN $2 AND $3 AND closed_at IS NOT NULL
               AND expected IS NOT NULL AND counted IS NOT NULL
             ORDER BY business_date DESC, opened_at DESC",
            &[&store_id, &from, &to],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|r| TillCount { date: r.get(0), till: r.get(1), expected: r.get(2), counted: r.get(3) })
        .collect())
}
