//! `kill -9` at random moments while the till rings up sales: after each kill the file opens,
//! passes SQLite's integrity check and `nanum check` (the journal chain, every sale against its
//! journal event), every sale the till said it made is there whole (lines, tenders, VAT split,
//! its receipt owed or its print job), and no sale is half written. The seller is the `nanum`
//! binary's hidden `drill-sales` command, which does what the till does for each sale (cart saved,
//! sale committed with the cart's removal, receipt queued) and prints each sale once committed.
//! 30 kills here; `NANUM_LONG=1` makes it 300.

mod common;

use std::io::BufRead;
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::NaiveDate;
use common::*;
use nanum::store::Store;

fn kills() -> usize {
    if std::env::var_os("NANUM_LONG").is_some() { 300 } else { 30 }
}

/// The sales a killed seller said it committed: only whole lines (one cut off by the kill is
/// not a sale it said it made).
fn said(out: std::process::ChildStdout) -> Vec<(NaiveDate, u32)> {
    let mut reader = std::io::BufReader::new(out);
    let mut said = Vec::new();
    loop {
        let mut line = Vec::new();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if !line.ends_with(b"\n") => break,
            Ok(_) => {
                let line = String::from_utf8(line).expect("the seller writes UTF-8");
                let (date, no) = line.trim().split_once(' ').expect("'date number'");
                said.push((date.parse().expect("a date"), no.parse().expect("a number")));
            }
        }
    }
    said
}

#[test]
fn killed_at_random_moments_the_store_keeps_every_sale_it_said_it_made() {
    let TempStore { dir, store } = demo_without_history();
    drop(store);
    let path = dir.path().join("store.db");
    let mut all = Vec::new();
    // A fixed seed: a failure can be run again as it was.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for round in 0..kills() {
        let mut seller = Command::new(env!("CARGO_BIN_EXE_nanum"))
            .args(["--db", path.to_str().unwrap(), "drill-sales"])
            .env("NANUM_HOME", dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let out = seller.stdout.take().unwrap();
        let reader = std::thread::spawn(move || said(out));
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(30 + seed % 250));
        seller.kill().unwrap(); // SIGKILL
        seller.wait().unwrap();
        let said = reader.join().unwrap();

        let store = Store::open(&path).unwrap_or_else(|e| panic!("round {round}: the file does not open: {e}"));
        let integrity: String = store.reader().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(integrity, "ok", "round {round}");
        for (date, no) in &said {
            let sale =
                store.sale(*date, *no).unwrap().unwrap_or_else(|| panic!("round {round}: sale {date} #{no} lost"));
            assert_eq!(sale.lines.len(), 2, "round {round}: {date} #{no}");
            assert!(!sale.payment.tenders.is_empty() && !sale.vat.is_empty(), "round {round}: {date} #{no}");
            let queued: i64 = store
                .reader()
                .query_row(
                    "SELECT (SELECT count(*) FROM receipts_owed WHERE sale_id = ?1)
                          + (SELECT count(*) FROM print_jobs WHERE sale_id = ?1)",
                    [sale.id],
                    |r| r.get(0),
                )
                .unwrap();
            assert!(queued > 0, "round {round}: {date} #{no} has neither its receipt owed nor its print job");
        }
        let half: i64 = store
            .reader()
            .query_row(
                "SELECT count(*) FROM sales s
                 WHERE NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)
                    OR NOT EXISTS (SELECT 1 FROM tenders t WHERE t.sale_id = s.id)
                    OR NOT EXISTS (SELECT 1 FROM sale_vat v WHERE v.sale_id = s.id)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(half, 0, "round {round}: a sale is half written");
        drop(store);
        all.extend(said);
    }
    let check = Command::new(env!("CARGO_BIN_EXE_nanum"))
        .args(["--db", path.to_str().unwrap(), "check"])
        .env("NANUM_HOME", dir.path())
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
    assert!(all.len() > kills(), "the seller sold between the kills: {}", all.len());
    let store = Store::open(&path).unwrap();
    let sales: i64 = store.reader().query_row("SELECT count(*) FROM sales", [], |r| r.get(0)).unwrap();
    assert!(sales as usize >= all.len(), "{sales} sales in the file, {} said", all.len());
}
