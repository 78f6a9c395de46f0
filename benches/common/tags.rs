//! Item tags by the million, for the benchmarks and `examples/scan_to_paint.rs` (which takes
//! this file in with `#[path]`).

use std::path::Path;

use nanum::domain::codes::ItemTag;

/// Item tags added to the history, serials from here on (the demo's own are far below).
pub const FIRST_SERIAL: u32 = 10_000_000;

/// `count` item tags on the shelves, put in with one plain transaction (their journal events
/// are not what is measured).
pub fn tag_items(path: &Path, store_code: u16, count: u32) {
    let mut bare = rusqlite::Connection::open(path).expect("bare");
    let tx = bare.transaction().expect("transaction");
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO item_tags (uuid, code, description, category, price, condition, intake_date, tagged_at)
                 VALUES (?1, ?2, ?3, '001', ?4, 'good', '2026-11-02', '2026-11-02T10:00:00+09:00')",
            )
            .expect("prepare");
        for i in 0..count {
            let code = ItemTag::new(store_code, FIRST_SERIAL + i).expect("a serial in range").code();
            let price = 1_000 * (1 + i64::from(i % 30));
            insert
                .execute(rusqlite::params![uuid::Uuid::now_v7().to_string(), code, format!("기증 물품 {i}"), price])
                .expect("insert");
        }
    }
    tx.commit().expect("commit");
}
