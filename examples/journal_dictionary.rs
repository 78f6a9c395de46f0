//! Trains the dictionary the journal compresses its payloads against (`assets/journal-N.zdict`).
//!
//! `cargo run --release --example journal_dictionary -- OUT` makes a year of demo history in a
//! temporary store, takes every event's payload as a sample and writes a 32 KB zstd dictionary
//! to OUT. A dictionary already shipped is never replaced: stores hold payloads packed with it.
//! A better one is added as the next number (see `store/journal/packing.rs`).

use chrono::NaiveDate;
use nanum::store::journal;

/// Big enough to hold every kind's keys and common values; beyond it a sale gains a few bytes.
const SIZE: usize = 32 * 1024;

fn main() {
    let out = std::env::args().nth(1).expect("usage: journal_dictionary OUT");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store.db");
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date");
    let (store, _) = nanum::demo::create(&path, 365, today).expect("demo history");
    let mut samples = Vec::new();
    let mut after = 0;
    loop {
        let events = journal::events_after(store.reader(), after, 10_000).expect("the journal");
        let Some(last) = events.last() else { break };
        after = last.seq;
        samples.extend(events.into_iter().map(|e| e.payload.into_bytes()));
    }
    let dictionary = zstd::dict::from_samples(&samples, SIZE).expect("a dictionary");
    std::fs::write(&out, &dictionary).expect("write the dictionary");
    println!("{out}: {} bytes from {} payloads", dictionary.len(), samples.len());
}
