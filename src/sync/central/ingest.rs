//! Taking in a batch of a store's journal: checked against the chain head office already holds,
//! stored once, and projected into the tables head office queries, all in one transaction.

mod rows;

use chrono::{DateTime, FixedOffset, NaiveDate};
use tokio_postgres::types::ToSql;
use tokio_postgres::{Client, Transaction};

use self::rows::{Rows, gather, last_per_key};
use super::CentralError;
use crate::store::JournalEvent;
use crate::sync::protocol::{Ack, Batch, MAX_BATCH_EVENTS};

/// A batch that is one intact chain on its own ([`check`]): what [`upload`] takes.
pub struct Checked<'a>(&'a Batch);

/// Checks the batch on its own, once, however many times it then waits for its turn.
pub fn check(batch: &Batch) -> Result<Checked<'_>, CentralError> {
    check_chain(&batch.events)?;
    Ok(Checked(batch))
}

/// Stores the batch's new events for `store_id` and answers what head office now holds. A batch
/// it already holds changes nothing and gets the same answer.
pub async fn upload(client: &mut Client, store_id: i32, batch: &Checked<'_>) -> Result<Ack, CentralError> {
    let batch = batch.0;
    let tx = client.transaction().await?;
    // Locks the store's row: two uploads for one store take turns.
    let row = tx.query_one("SELECT acked_seq, acked_hash FROM stores WHERE id = $1 FOR UPDATE", &[&store_id]).await?;
    let (acked_seq, acked_hash): (i64, String) = (row.get(0), row.get(1));
    let split = batch.events.partition_point(|e| e.seq <= acked_seq);
    let (held, new) = batch.events.split_at(split);
    // The batch is one chain, so if its last held event is the one head office holds, so is
    // every event before it.
    if let Some(last) = held.last() {
        let stored = tx
            .query_opt("SELECT hash FROM journal WHERE store_id = $1 AND seq = $2", &[&store_id, &last.seq])
            .await?
            .map(|r| r.get::<_, String>(0));
        if stored.as_deref() != Some(last.hash.as_str()) {
            return Err(CentralError::Conflict(format!(
                "event {} differs from the event head office already holds for this store (a restored old database, or a changed one)",
                last.seq
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
    store_and_project(&tx, &store_id, new).await.map_err(|e| match e {
        // A sale, donation, shift or till session the store already sent under another number:
        // the batch is wrong, not head office briefly unavailable (a till would retry it for ever).
        CentralError::Db(db) if db.code() == Some(&tokio_postgres::error::SqlState::UNIQUE_VIOLATION) => {
            CentralError::Conflict(format!(
                "the batch repeats a record head office already holds ({})",
                db.as_db_error().map(|d| d.message().to_string()).unwrap_or_default()
            ))
        }
        other => other,
    })?;
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

type Param<'a> = &'a (dyn ToSql + Sync);

/// Statements run in the order added, in two round trips whatever their number: one to prepare
/// them all, one to run them all (tokio-postgres pipelines requests on a connection; a statement
/// already prepared is sent the moment it is polled, so the order holds and lines follow their sale).
#[derive(Default)]
struct Pipeline<'a> {
    steps: Vec<(&'static str, Vec<Param<'a>>)>,
}

impl<'a> Pipeline<'a> {
    /// Adds `sql` when there is something to write.
    fn add(&mut self, rows: usize, sql: &'static str, params: Vec<Param<'a>>) {
        if rows > 0 {
            self.steps.push((sql, params));
        }
    }

    async fn run(self, tx: &Transaction<'_>) -> Result<(), CentralError> {
        let statements = futures::future::try_join_all(self.steps.iter().map(|(sql, _)| tx.prepare(sql))).await?;
        futures::future::try_join_all(
            statements.iter().zip(&self.steps).map(|(st, (_, params))| tx.execute(st, params)),
        )
        .await?;
        Ok(())
    }
}

/// Every column the batch writes, one vector per column, so each table takes one statement.
#[derive(Default)]
struct Columns<'a> {
    j_seq: Vec<i64>,
    j_uuid: Vec<&'a str>,
    j_kind: Vec<&'a str>,
    j_payload: Vec<&'a str>,
    j_at: Vec<&'a str>,
    j_staff: Vec<Option<i64>>,
    j_prev: Vec<&'a str>,
    j_hash: Vec<&'a str>,
    s_uuid: Vec<&'a str>,
    s_kind: Vec<&'a str>,
    s_day: Vec<NaiveDate>,
    s_no: Vec<i32>,
    s_at: Vec<DateTime<FixedOffset>>,
    s_staff: Vec<&'a str>,
    s_total: Vec<i64>,
    s_receipt: Vec<bool>,
    s_seq: Vec<i64>,
    l_sale: Vec<i64>,
    l_no: Vec<i32>,
    l_kind: Vec<&'a str>,
    l_code: Vec<Option<&'a str>>,
    l_name: Vec<&'a str>,
    l_category: Vec<Option<&'a str>>,
    l_class: Vec<Option<&'a str>>,
    l_list: Vec<i64>,
    l_unit: Vec<i64>,
    l_quantity: Vec<i64>,
    l_amount: Vec<i64>,
    l_discount: Vec<i64>,
    v_sale: Vec<i64>,
    v_class: Vec<&'a str>,
    v_gross: Vec<i64>,
    v_supply: Vec<i64>,
    v_vat: Vec<i64>,
    t_sale: Vec<i64>,
    t_no: Vec<i32>,
    t_kind: Vec<&'a str>,
    t_amount: Vec<i64>,
    d_uuid: Vec<&'a str>,
    d_day: Vec<NaiveDate>,
    d_channel: Vec<&'a str>,
    d_donor: Vec<Option<&'a str>>,
    d_pieces: Vec<i64>,
    d_value: Vec<i64>,
    dv_uuid: Vec<String>,
    dv_value: Vec<i64>,
    h_uuid: Vec<&'a str>,
    h_staff: Vec<Option<i64>>,
    h_day: Vec<NaiveDate>,
    h_start: Vec<DateTime<FixedOffset>>,
    h_end: Vec<Option<DateTime<FixedOffset>>>,
    h_flag: Vec<bool>,
    he_uuid: Vec<String>,
    he_at: Vec<DateTime<FixedOffset>>,
    he_flag: Vec<bool>,
    hx_uuid: Vec<String>,
    hx_start: Vec<DateTime<FixedOffset>>,
    hx_end: Vec<DateTime<FixedOffset>>,
    hx_day: Vec<NaiveDate>,
    o_uuid: Vec<&'a str>,
    o_till: Vec<&'a str>,
    o_day: Vec<NaiveDate>,
    o_at: Vec<DateTime<FixedOffset>>,
    o_float: Vec<i64>,
    c_uuid: Vec<String>,
    c_at: Vec<DateTime<FixedOffset>>,
    c_expected: Vec<i64>,
    c_counted: Vec<i64>,
}

impl<'a> Columns<'a> {
    fn of(events: &'a [JournalEvent], rows: &'a Rows) -> Columns<'a> {
        let mut c = Columns::default();
        for e in events {
            c.j_seq.push(e.seq);
            c.j_uuid.push(&e.uuid);
            c.j_kind.push(&e.kind);
            c.j_payload.push(&e.payload);
            c.j_at.push(&e.at);
            c.j_staff.push(e.staff_id);
            c.j_prev.push(&e.prev_hash);
            c.j_hash.push(&e.hash);
        }
        for (sale, seq) in &rows.sales {
            c.s_uuid.push(&sale.uuid);
            c.s_kind.push(sale.kind.as_str());
            c.s_day.push(sale.business_date);
            c.s_no.push(sale.sale_no as i32);
            c.s_at.push(sale.sold_at);
            c.s_staff.push(&sale.staff_name);
            c.s_total.push(sale.total.get());
            c.s_receipt.push(sale.cash_receipt.is_some());
            c.s_seq.push(*seq);
            for (i, line) in sale.lines.iter().enumerate() {
                c.l_sale.push(*seq);
                c.l_no.push(i as i32 + 1);
                c.l_kind.push(line.kind.as_str());
                c.l_code.push(line.code.as_deref());
                c.l_name.push(&line.name_ko);
                c.l_category.push(line.category.as_deref());
                c.l_class.push(line.is_goods().then_some(line.tax_class.as_str()));
                c.l_list.push(line.list_price.get());
                c.l_unit.push(line.unit_price.get());
                c.l_quantity.push(i64::from(line.quantity));
                c.l_amount.push(line.amount().get());
                c.l_discount.push(line.discount.get());
            }
            for v in &sale.vat {
                c.v_sale.push(*seq);
                c.v_class.push(&v.class);
                c.v_gross.push(v.gross.get());
                c.v_supply.push(v.supply.get());
                c.v_vat.push(v.vat.get());
            }
            for (i, t) in sale.payment.tenders.iter().enumerate() {
                c.t_sale.push(*seq);
                c.t_no.push(i as i32 + 1);
                c.t_kind.push(t.kind.as_str());
                c.t_amount.push(t.amount.get());
            }
        }
        for d in &rows.donations {
            c.d_uuid.push(&d.uuid);
            c.d_day.push(d.business_date);
            c.d_channel.push(&d.channel);
            c.d_donor.push(d.donor.as_deref());
            c.d_pieces.push(d.pieces);
            c.d_value.push(d.value);
        }
        for (uuid, value) in last_per_key(&rows.donation_values, |(uuid, _)| uuid) {
            c.dv_uuid.push(uuid);
            c.dv_value.push(value);
        }
        for s in &rows.shifts_started {
            c.h_uuid.push(&s.uuid);
            c.h_staff.push(s.staff_id);
            c.h_day.push(s.started.date_naive());
            c.h_start.push(s.started);
            c.h_end.push(s.ended);
            c.h_flag.push(s.flagged);
        }
        for (uuid, at, flagged) in last_per_key(&rows.shifts_ended, |(uuid, _, _)| uuid) {
            c.he_uuid.push(uuid);
            c.he_at.push(at);
            c.he_flag.push(flagged);
        }
        for (uuid, started, ended) in last_per_key(&rows.shifts_edited, |(uuid, _, _)| uuid) {
            c.hx_uuid.push(uuid);
            c.hx_day.push(started.date_naive());
            c.hx_start.push(started);
            c.hx_end.push(ended);
        }
        for t in &rows.tills_opened {
            c.o_uuid.push(&t.uuid);
            c.o_till.push(&t.till);
            c.o_day.push(t.business_date);
            c.o_at.push(t.opened_at);
            c.o_float.push(t.float);
        }
        for (uuid, at, expected, counted) in last_per_key(&rows.tills_closed, |(uuid, _, _, _)| uuid) {
            c.c_uuid.push(uuid);
            c.c_at.push(at);
            c.c_expected.push(expected);
            c.c_counted.push(counted);
        }
        c
    }
}

/// The events themselves, and the rows head office queries, in one pipeline: new rows first (a
/// sale before its lines), then changes to rows (which may be this batch's own).
async fn store_and_project(tx: &Transaction<'_>, store_id: &i32, events: &[JournalEvent]) -> Result<(), CentralError> {
    let rows = gather(events)?;
    if let Some(named) = rows.created_as {
        let code: i32 = tx.query_one("SELECT code FROM stores WHERE id = $1", &[store_id]).await?.get(0);
        if named != i64::from(code) {
            return Err(CentralError::Conflict(format!(
                "this journal is store {named}'s, but the token sending it is store {code}'s (a token file from another store?)"
            )));
        }
    }
    let c = Columns::of(events, &rows);
    let mut p = Pipeline::default();
    p.add(
        c.j_seq.len(),
        "INSERT INTO journal (store_id, seq, uuid, kind, payload, at, staff_id, prev_hash, hash)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[])",
        vec![store_id, &c.j_seq, &c.j_uuid, &c.j_kind, &c.j_payload, &c.j_at, &c.j_staff, &c.j_prev, &c.j_hash],
    );
    p.add(
        c.s_uuid.len(),
        "INSERT INTO sales (store_id, uuid, kind, business_date, sale_no, sold_at, staff_name, total, cash_receipt, seq)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::date[], $5::int[], $6::timestamptz[], $7::text[],
                                  $8::bigint[], $9::bool[], $10::bigint[])",
        vec![store_id, &c.s_uuid, &c.s_kind, &c.s_day, &c.s_no, &c.s_at, &c.s_staff, &c.s_total, &c.s_receipt, &c.s_seq],
    );
    p.add(
        c.l_sale.len(),
        "INSERT INTO sale_lines (store_id, sale_seq, line_no, kind, code, name_ko, category, tax_class, list_price,
                                 unit_price, quantity, amount, discount)
         SELECT $1, * FROM unnest($2::bigint[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                                  $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[])",
        vec![
            store_id,
            &c.l_sale,
            &c.l_no,
            &c.l_kind,
            &c.l_code,
            &c.l_name,
            &c.l_category,
            &c.l_class,
            &c.l_list,
            &c.l_unit,
            &c.l_quantity,
            &c.l_amount,
            &c.l_discount,
        ],
    );
    p.add(
        c.v_sale.len(),
        "INSERT INTO sale_vat (store_id, sale_seq, tax_class, gross, supply, vat)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[])",
        vec![store_id, &c.v_sale, &c.v_class, &c.v_gross, &c.v_supply, &c.v_vat],
    );
    p.add(
        c.t_sale.len(),
        "INSERT INTO tenders (store_id, sale_seq, tender_no, kind, amount)
         SELECT $1, * FROM unnest($2::bigint[], $3::int[], $4::text[], $5::bigint[])",
        vec![store_id, &c.t_sale, &c.t_no, &c.t_kind, &c.t_amount],
    );
    p.add(
        c.d_uuid.len(),
        "INSERT INTO donations (store_id, uuid, business_date, channel, donor_uuid, pieces, value)
         SELECT $1, * FROM unnest($2::text[], $3::date[], $4::text[], $5::text[], $6::bigint[], $7::bigint[])",
        vec![store_id, &c.d_uuid, &c.d_day, &c.d_channel, &c.d_donor, &c.d_pieces, &c.d_value],
    );
    p.add(
        c.h_uuid.len(),
        "INSERT INTO shifts (store_id, uuid, staff_id, business_date, started_at, ended_at, flagged)
         SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::date[], $5::timestamptz[], $6::timestamptz[], $7::bool[])",
        vec![store_id, &c.h_uuid, &c.h_staff, &c.h_day, &c.h_start, &c.h_end, &c.h_flag],
    );
    p.add(
        c.o_uuid.len(),
        "INSERT INTO till_sessions (store_id, uuid, till, business_date, opened_at, float)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::date[], $5::timestamptz[], $6::bigint[])",
        vec![store_id, &c.o_uuid, &c.o_till, &c.o_day, &c.o_at, &c.o_float],
    );
    p.add(
        c.dv_uuid.len(),
        "UPDATE donations d SET value = v.value FROM unnest($2::text[], $3::bigint[]) AS v (uuid, value)
         WHERE d.store_id = $1 AND d.uuid = v.uuid",
        vec![store_id, &c.dv_uuid, &c.dv_value],
    );
    p.add(
        c.he_uuid.len(),
        "UPDATE shifts h SET ended_at = e.at, flagged = e.flagged
         FROM unnest($2::text[], $3::timestamptz[], $4::bool[]) AS e (uuid, at, flagged)
         WHERE h.store_id = $1 AND h.uuid = e.uuid",
        vec![store_id, &c.he_uuid, &c.he_at, &c.he_flag],
    );
    p.add(
        c.hx_uuid.len(),
        "UPDATE shifts h SET started_at = e.started, ended_at = e.ended, business_date = e.day, flagged = false
         FROM unnest($2::text[], $3::timestamptz[], $4::timestamptz[], $5::date[]) AS e (uuid, started, ended, day)
         WHERE h.store_id = $1 AND h.uuid = e.uuid",
        vec![store_id, &c.hx_uuid, &c.hx_start, &c.hx_end, &c.hx_day],
    );
    p.add(
        c.c_uuid.len(),
        "UPDATE till_sessions t SET closed_at = c.at, expected = c.expected, counted = c.counted
         FROM unnest($2::text[], $3::timestamptz[], $4::bigint[], $5::bigint[]) AS c (uuid, at, expected, counted)
         WHERE t.store_id = $1 AND t.uuid = c.uuid",
        vec![store_id, &c.c_uuid, &c.c_at, &c.c_expected, &c.c_counted],
    );
    p.run(tx).await?;
    super::staff::take_from_till(tx, *store_id, &rows.staff).await
}
