//! Taking in a batch of a store's journal: checked against the chain head office already holds,
//! stored once, and projected into the tables head office queries, all in one transaction.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::Value;
use tokio_postgres::{Client, Transaction};

use super::CentralError;
use crate::domain::Sale;
use crate::store::JournalEvent;
use crate::sync::protocol::{Ack, Batch, MAX_BATCH_EVENTS};

/// Stores the batch's new events for `store_id` and answers what head office now holds. A batch
/// it already holds changes nothing and gets the same answer.
pub async fn upload(client: &mut Client, store_id: i32, batch: &Batch) -> Result<Ack, CentralError> {
    check_chain(&batch.events)?;
    let tx = client.transaction().await?;
    // Locks the store's row: two uploads for one store take turns.
    let row = tx.query_one("SELECT acked_seq, acked_hash FROM stores WHERE id = $1 FOR UPDATE", &[&store_id]).await?;
    let (acked_seq, acked_hash): (i64, String) = (row.get(0), row.get(1));
    let split = batch.events.partition_point(|e| e.seq <= acked_seq);
    let (held, new) = batch.events.split_at(split);
    if let (Some(first), Some(last)) = (held.first(), held.last()) {
        let rows = tx
            .query(
                "SELECT seq, hash FROM journal WHERE store_id = $1 AND seq BETWEEN $2 AND $3",
                &[&store_id, &first.seq, &last.seq],
            )
            .await?;
        let stored: HashMap<i64, String> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
        if let Some(e) = held.iter().find(|e| stored.get(&e.seq) != Some(&e.hash)) {
            return Err(CentralError::Conflict(format!(
                "event {} differs from the event {} head office already holds for this store (a restored old database, or a changed one)",
                e.seq, e.seq
            )));
        }
    }
    let Some(first) = new.first() else {
        tx.execute("UPDATE stores SET last_sync_at = now() WHERE id = $1", &[&store_id]).await?;
        tx.commit().await?;
        return Ok(Ack { seq: acked_seq, hash: acked_hash });
    };
    if first.seq != acked_seq + 1 {
        return Err(CentralError::Gap(format!(
            "the batch starts at event {} but head office holds up to {acked_seq}",
            first.seq
        )));
    }
    if first.prev_hash != acked_hash {
        return Err(CentralError::Conflict(format!(
            "event {} does not follow event {acked_seq} as head office holds it (a restored old database, or a changed one)",
            first.seq
        )));
    }
    insert_journal(&tx, store_id, new).await?;
    project(&tx, store_id, new).await?;
    let last = new.last().expect("not empty");
    tx.execute(
        "UPDATE stores SET acked_seq = $2, acked_hash = $3, last_sync_at = now() WHERE id = $1",
        &[&store_id, &last.seq, &last.hash],
    )
    .await?;
    tx.commit().await?;
    Ok(Ack { seq: last.seq, hash: last.hash.clone() })
}

/// The batch on its own: not too long, consecutive, each event intact and linked to the one
/// before it.
fn check_chain(events: &[JournalEvent]) -> Result<(), CentralError> {
    if events.len() > MAX_BATCH_EVENTS {
        return Err(CentralError::TooLarge(format!(
            "{} events in one batch; at most {MAX_BATCH_EVENTS}",
            events.len()
        )));
    }
    for (i, e) in events.iter().enumerate() {
        if e.seq < 1 {
            return Err(CentralError::Malformed(format!("event number {} is not a journal number", e.seq)));
        }
        if !e.is_intact() {
            return Err(CentralError::Altered(format!("event {} was changed after it was written", e.seq)));
        }
        if let Some(before) = i.checked_sub(1).map(|j| &events[j])
            && (e.seq != before.seq + 1 || e.prev_hash != before.hash)
        {
            return Err(CentralError::Altered(format!("event {} does not follow event {}", e.seq, before.seq)));
        }
    }
    Ok(())
}

async fn insert_journal(tx: &Transaction<'_>, store_id: i32, events: &[JournalEvent]) -> Result<(), CentralError> {
    let col = |f: fn(&JournalEvent) -> &str| events.iter().map(f).collect::<Vec<&str>>();
    let seqs: Vec<i64> = events.iter().map(|e| e.seq).collect();
    let staff: Vec<Option<i64>> = events.iter().map(|e| e.staff_id).collect();
    tx.execute(
        "INSERT INTO journal (store_id, seq, uuid, kind, payload, at, staff_id, prev_hash, hash)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[])",
        &[
            &store_id,
            &seqs,
            &col(|e| &e.uuid),
            &col(|e| &e.kind),
            &col(|e| &e.payload),
            &col(|e| &e.at),
            &staff,
            &col(|e| &e.prev_hash),
            &col(|e| &e.hash),
        ],
    )
    .await?;
    Ok(())
}

/// Rows for the tables head office queries, gathered over the batch and written a table at a time.
#[derive(Default)]
struct Rows {
    sales: Vec<(Sale, i64)>,
    donations: Vec<DonationRow>,
    donation_values: Vec<(String, i64)>,
    shifts_started: Vec<ShiftRow>,
    shifts_ended: Vec<(String, DateTime<FixedOffset>, bool)>,
    shifts_edited: Vec<(String, DateTime<FixedOffset>, DateTime<FixedOffset>)>,
    tills_opened: Vec<TillRow>,
    tills_closed: Vec<(String, DateTime<FixedOffset>, i64, i64)>,
}

struct DonationRow {
    uuid: String,
    business_date: NaiveDate,
    channel: String,
    donor: Option<String>,
    pieces: i64,
    value: i64,
}

struct ShiftRow {
    uuid: String,
    staff_id: Option<i64>,
    started: DateTime<FixedOffset>,
    ended: Option<DateTime<FixedOffset>>,
    flagged: bool,
}

struct TillRow {
    uuid: String,
    till: String,
    business_date: NaiveDate,
    opened_at: DateTime<FixedOffset>,
    float: i64,
}

fn malformed(e: &JournalEvent, what: &str) -> CentralError {
    CentralError::Malformed(format!("event {} ({}): {what}", e.seq, e.kind))
}

fn text(v: &Value, e: &JournalEvent, key: &str) -> Result<String, CentralError> {
    v[key].as_str().map(str::to_string).ok_or_else(|| malformed(e, &format!("no {key}")))
}

fn time(v: &Value, e: &JournalEvent, key: &str) -> Result<DateTime<FixedOffset>, CentralError> {
    DateTime::parse_from_rfc3339(&text(v, e, key)?).map_err(|_| malformed(e, &format!("{key} is not a time")))
}

fn number(v: &Value, e: &JournalEvent, key: &str) -> Result<i64, CentralError> {
    v[key].as_i64().ok_or_else(|| malformed(e, &format!("{key} is not a number")))
}

fn event_time(e: &JournalEvent) -> Result<DateTime<FixedOffset>, CentralError> {
    DateTime::parse_from_rfc3339(&e.at).map_err(|_| malformed(e, "its time is not a time"))
}

fn gather(events: &[JournalEvent]) -> Result<Rows, CentralError> {
    let mut rows = Rows::default();
    for e in events {
        let json = || serde_json::from_str::<Value>(&e.payload).map_err(|_| malformed(e, "the payload is not JSON"));
        match e.kind.as_str() {
            "sale.committed" | "sale.refunded" | "sale.voided" => {
                let sale: Sale = serde_json::from_str(&e.payload).map_err(|err| malformed(e, &err.to_string()))?;
                rows.sales.push((sale, e.seq));
            }
            "donation.recorded" => {
                let v = json()?;
                let pieces = v["lines"]
                    .as_array()
                    .ok_or_else(|| malformed(e, "no lines"))?
                    .iter()
                    .map(|l| l["count"].as_i64().ok_or_else(|| malformed(e, "a line has no count")))
                    .sum::<Result<i64, _>>()?;
                rows.donations.push(DonationRow {
                    uuid: text(&v, e, "uuid")?,
                    business_date: text(&v, e, "business_date")?
                        .parse()
                        .map_err(|_| malformed(e, "business_date is not a date"))?,
                    channel: text(&v, e, "channel")?,
                    donor: v["donor"]["uuid"].as_str().map(str::to_string),
                    pieces,
                    value: number(&v, e, "value")?,
                });
            }
            "donation.value_changed" => {
                let v = json()?;
                rows.donation_values.push((text(&v, e, "donation")?, number(&v, e, "to")?));
            }
            "shift.started" => {
                let v = json()?;
                rows.shifts_started.push(ShiftRow {
                    uuid: text(&v, e, "shift")?,
                    staff_id: e.staff_id,
                    started: event_time(e)?,
                    ended: None,
                    flagged: false,
                });
            }
            "shift.recorded" => {
                let v = json()?;
                rows.shifts_started.push(ShiftRow {
                    uuid: text(&v, e, "shift")?,
                    staff_id: e.staff_id,
                    started: time(&v, e, "started_at")?,
                    ended: Some(time(&v, e, "ended_at")?),
                    flagged: v["flagged"].as_bool().unwrap_or(false),
                });
            }
            "shift.ended" => rows.shifts_ended.push((text(&json()?, e, "shift")?, event_time(e)?, false)),
            "shift.closed_by_store" => {
                let v = json()?;
                rows.shifts_ended.push((text(&v, e, "shift")?, time(&v, e, "ended_at")?, true));
            }
            "shift.edited" => {
                let v = json()?;
                let to = |i: usize| {
                    v["to"][i]
                        .as_str()
                        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                        .ok_or_else(|| malformed(e, "the new times are not times"))
                };
                rows.shifts_edited.push((text(&v, e, "shift")?, to(0)?, to(1)?));
            }
            "till.opened" => {
                let v = json()?;
                rows.tills_opened.push(TillRow {
                    uuid: text(&v, e, "uuid")?,
                    till: text(&v, e, "till")?,
                    business_date: text(&v, e, "business_date")?
                        .parse()
                        .map_err(|_| malformed(e, "business_date is not a date"))?,
                    opened_at: time(&v, e, "opened_at")?,
                    float: number(&v, e, "float")?,
                });
            }
            "till.closed" => {
                let v = json()?;
                let session = &v["session"];
                let closed = &session["closed"];
                rows.tills_closed.push((
                    text(session, e, "uuid")?,
                    time(closed, e, "at")?,
                    number(closed, e, "expected")?,
                    number(closed, e, "counted")?,
                ));
            }
            // Every other event is kept in the journal only.
            _ => {}
        }
    }
    Ok(rows)
}

async fn project(tx: &Transaction<'_>, store_id: i32, events: &[JournalEvent]) -> Result<(), CentralError> {
    let rows = gather(events)?;
    insert_sales(tx, store_id, &rows.sales).await?;
    for d in &rows.donations {
        tx.execute(
            "INSERT INTO donations (store_id, uuid, business_date, channel, donor_uuid, pieces, value)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[&store_id, &d.uuid, &d.business_date, &d.channel, &d.donor, &d.pieces, &d.value],
        )
        .await?;
    }
    for (uuid, value) in &rows.donation_values {
        tx.execute("UPDATE donations SET value = $3 WHERE store_id = $1 AND uuid = $2", &[&store_id, uuid, value])
            .await?;
    }
    for s in &rows.shifts_started {
        tx.execute(
            "INSERT INTO shifts (store_id, uuid, staff_id, business_date, started_at, ended_at, flagged)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[&store_id, &s.uuid, &s.staff_id, &s.started.date_naive(), &s.started, &s.ended, &s.flagged],
        )
        .await?;
    }
    for (uuid, ended, flagged) in &rows.shifts_ended {
        tx.execute(
            "UPDATE shifts SET ended_at = $3, flagged = $4 WHERE store_id = $1 AND uuid = $2",
            &[&store_id, uuid, ended, flagged],
        )
        .await?;
    }
    for (uuid, started, ended) in &rows.shifts_edited {
        tx.execute(
            "UPDATE shifts SET started_at = $3, ended_at = $4, business_date = $5, flagged = false
             WHERE store_id = $1 AND uuid = $2",
            &[&store_id, uuid, started, ended, &started.date_naive()],
        )
        .await?;
    }
    for t in &rows.tills_opened {
        tx.execute(
            "INSERT INTO till_sessions (store_id, uuid, till, business_date, opened_at, float)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[&store_id, &t.uuid, &t.till, &t.business_date, &t.opened_at, &t.float],
        )
        .await?;
    }
    for (uuid, at, expected, counted) in &rows.tills_closed {
        tx.execute(
            "UPDATE till_sessions SET closed_at = $3, expected = $4, counted = $5 WHERE store_id = $1 AND uuid = $2",
            &[&store_id, uuid, at, expected, counted],
        )
        .await?;
    }
    Ok(())
}

/// Sales, their lines, VAT and tenders: one statement per table for the whole batch.
async fn insert_sales(tx: &Transaction<'_>, store_id: i32, sales: &[(Sale, i64)]) -> Result<(), CentralError> {
    if sales.is_empty() {
        return Ok(());
    }
    let uuids: Vec<&str> = sales.iter().map(|(s, _)| s.uuid.as_str()).collect();
    let kinds: Vec<&str> = sales.iter().map(|(s, _)| s.kind.as_str()).collect();
    let days: Vec<NaiveDate> = sales.iter().map(|(s, _)| s.business_date).collect();
    let numbers: Vec<i32> = sales.iter().map(|(s, _)| s.sale_no as i32).collect();
    let times: Vec<DateTime<FixedOffset>> = sales.iter().map(|(s, _)| s.sold_at).collect();
    let staff: Vec<&str> = sales.iter().map(|(s, _)| s.staff_name.as_str()).collect();
    let totals: Vec<i64> = sales.iter().map(|(s, _)| s.total.get()).collect();
    let receipts: Vec<bool> = sales.iter().map(|(s, _)| s.cash_receipt.is_some()).collect();
    let seqs: Vec<i64> = sales.iter().map(|(_, seq)| *seq).collect();
    tx.execute(
        "INSERT INTO sales (store_id, uuid, kind, business_date, sale_no, sold_at, staff_name, total, cash_receipt, seq)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::date[], $5::int[], $6::timestamptz[], $7::text[],
                                  $8::bigint[], $9::bool[], $10::bigint[])",
        &[&store_id, &uuids, &kinds, &days, &numbers, &times, &staff, &totals, &receipts, &seqs],
    )
    .await?;

    let mut l = LineColumns::default();
    for (sale, _) in sales {
        for (i, line) in sale.lines.iter().enumerate() {
            l.sale.push(&sale.uuid);
            l.line_no.push(i as i32 + 1);
            l.kind.push(line.kind.as_str());
            l.code.push(line.code.as_deref());
            l.name.push(&line.name_ko);
            l.category.push(line.category.as_deref());
            l.tax_class.push(line.is_goods().then_some(line.tax_class.as_str()));
            l.list_price.push(line.list_price.get());
            l.unit_price.push(line.unit_price.get());
            l.quantity.push(i64::from(line.quantity));
            l.amount.push(line.amount().get());
            l.discount.push(line.discount.get());
        }
    }
    tx.execute(
        "INSERT INTO sale_lines (store_id, sale_uuid, line_no, kind, code, name_ko, category, tax_class, list_price,
                                 unit_price, quantity, amount, discount)
         SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                                  $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[])",
        &[
            &store_id,
            &l.sale,
            &l.line_no,
            &l.kind,
            &l.code,
            &l.name,
            &l.category,
            &l.tax_class,
            &l.list_price,
            &l.unit_price,
            &l.quantity,
            &l.amount,
            &l.discount,
        ],
    )
    .await?;

    let (mut v_sale, mut v_class, mut v_gross, mut v_supply, mut v_vat) = (vec![], vec![], vec![], vec![], vec![]);
    for (sale, _) in sales {
        for v in &sale.vat {
            v_sale.push(sale.uuid.as_str());
            v_class.push(v.class.as_str());
            v_gross.push(v.gross.get());
            v_supply.push(v.supply.get());
            v_vat.push(v.vat.get());
        }
    }
    tx.execute(
        "INSERT INTO sale_vat (store_id, sale_uuid, tax_class, gross, supply, vat)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[])",
        &[&store_id, &v_sale, &v_class, &v_gross, &v_supply, &v_vat],
    )
    .await?;

    let (mut t_sale, mut t_no, mut t_kind, mut t_amount) = (vec![], vec![], vec![], vec![]);
    for (sale, _) in sales {
        for (i, t) in sale.payment.tenders.iter().enumerate() {
            t_sale.push(sale.uuid.as_str());
            t_no.push(i as i32 + 1);
            t_kind.push(t.kind.as_str());
            t_amount.push(t.amount.get());
        }
    }
    tx.execute(
        "INSERT INTO tenders (store_id, sale_uuid, tender_no, kind, amount)
         SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::bigint[])",
        &[&store_id, &t_sale, &t_no, &t_kind, &t_amount],
    )
    .await?;
    Ok(())
}

#[derive(Default)]
struct LineColumns<'a> {
    sale: Vec<&'a str>,
    line_no: Vec<i32>,
    kind: Vec<&'a str>,
    code: Vec<Option<&'a str>>,
    name: Vec<&'a str>,
    category: Vec<Option<&'a str>>,
    tax_class: Vec<Option<&'a str>>,
    list_price: Vec<i64>,
    unit_price: Vec<i64>,
    quantity: Vec<i64>,
    amount: Vec<i64>,
    discount: Vec<i64>,
}
