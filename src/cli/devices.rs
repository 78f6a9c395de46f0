//! Commands for the counter's devices: a receipt to a file or a printer, the printer's test
//! page, and reading a serial scanner.

use std::io::Write;
use std::path::PathBuf;

use chrono::{Local, NaiveDate};

use super::{Cx, Failure, open, today};
use crate::hardware::receipt::{ReceiptOptions, sale_receipt};
use crate::hardware::scanner::{self, Framing, ScannerEvent, ScannerSettings, Suffix};
use crate::hardware::selftest::self_test;
use crate::hardware::{PrinterSpec, transport};
use crate::{explain, t};

pub(super) fn receipt(
    cx: &Cx<'_>,
    sale_no: u32,
    date: Option<NaiveDate>,
    out: Option<PathBuf>,
    printer: Option<String>,
    reprint: bool,
) -> Result<(), Failure> {
    let Cx { db, paths, config } = *cx;
    let store = open(db, paths)?;
    let date = date.unwrap_or_else(today);
    let sale = store
        .sale(date, sale_no)?
        .ok_or_else(|| Failure::User(t!("cli-no-sale", number = sale_no, date = date.to_string())))?;
    let doc = sale_receipt(store.info(), &sale, ReceiptOptions { reprint, ..ReceiptOptions::default() });
    let rendered = crate::hardware::render(&doc, &config.printer.profile())?;
    match (out, printer) {
        (Some(out), _) => std::fs::write(&out, &rendered.bytes).map_err(|e| {
            Failure::User(t!("cli-cannot-write", path = out.display().to_string(), reason = explain::io_error(&e)))
        })?,
        (None, Some(spec)) => {
            let spec: PrinterSpec = spec.parse()?;
            transport::print(&spec, &rendered.bytes).map_err(|e| Failure::User(explain::print_error(&e)))?;
        }
        (None, None) => unreachable!("clap requires --out or --printer"),
    }
    Ok(())
}

pub(super) fn print_test(cx: &Cx<'_>, printer: Option<String>) -> Result<(), Failure> {
    let Cx { db, paths, config } = *cx;
    let spec = match printer {
        Some(spec) => spec.parse::<PrinterSpec>()?,
        None => config.printer.spec(paths)?,
    };
    let store_name = open(db, paths).ok().map(|s| s.info().name.clone());
    let now = Local::now().fixed_offset();
    let doc = self_test(store_name.as_deref(), &spec.to_string(), config.printer.columns, now);
    let rendered = crate::hardware::render(&doc, &config.printer.profile())?;
    let status = transport::print(&spec, &rendered.bytes).map_err(|e| Failure::User(explain::print_error(&e)))?;
    println!("{}", t!("cli-printed", printer = spec.to_string()));
    if let Some(status) = status {
        println!("{status:?}");
    }
    Ok(())
}

pub(super) fn scan(port: String, baud: u32, suffix: Suffix, stx_etx: bool, count: Option<u64>) -> Result<(), Failure> {
    let settings = ScannerSettings {
        port: port.clone(),
        baud,
        framing: Framing { suffix, stx_etx, ..Framing::default() },
        ..ScannerSettings::default()
    };
    // A port that cannot be opened at all is a mistake in the command, not an unplugged
    // scanner: say so and stop.
    serialport::new(&port, baud).open().map_err(|e| {
        Failure::User(t!(
            "cli-no-port",
            port = port.clone(),
            reason = explain::cause(&crate::hardware::Cause::serial(&e))
        ))
    })?;
    let (mut seen, mut lost) = (0u64, false);
    let mut stdout = std::io::stdout();
    scanner::read_loop(&settings, |event| {
        match event {
            ScannerEvent::Scan(code) => {
                seen += 1;
                if writeln!(stdout, "{code}").and_then(|()| stdout.flush()).is_err() {
                    return false;
                }
            }
            ScannerEvent::Disconnected { reason, .. } => {
                lost = true;
                eprintln!("{}", t!("cli-scanner-lost", reason = explain::cause(&reason)));
            }
            ScannerEvent::Connected { .. } if std::mem::take(&mut lost) => {
                eprintln!("{}", t!("cli-scanner-back"))
            }
            _ => {}
        }
        count.is_none_or(|n| seen < n)
    });
    Ok(())
}

/// `nanum drill-sales` (hidden): rings up sales one after another as the till does (the cart
/// saved, the sale committed with the cart's removal, its receipt's print job kept) and prints
/// each sale's date and number once it is committed, until stopped. The crash test kills it at
/// random moments and checks that every sale it printed is whole and nothing is half written.
pub(super) fn drill_sales(cx: &Cx<'_>) -> Result<(), Failure> {
    use crate::domain::{Cart, IsoWeek, Payment, PriceTag, Won};
    use crate::store::{NewSale, TillId};
    let Cx { db, paths, config } = *cx;
    let mut store = open(db, paths)?;
    let till = TillId("1".into());
    let staff = store
        .staff()?
        .into_iter()
        .find(|s| s.role == crate::domain::Role::Manager)
        .ok_or_else(|| Failure::User("no manager".into()))?;
    let now = Local::now().fixed_offset();
    let session = match store.current_session(&till)? {
        Some(open) => open,
        None => store
            .open_session(&till, &staff, crate::domain::till::Count::of(Won::ZERO), now)
            .map_err(|e| Failure::User(explain::till_error(&e)))?,
    };
    let week = IsoWeek::of(now.date_naive());
    let mut out = std::io::stdout().lock();
    for i in 0u64.. {
        let now = Local::now().fixed_offset();
        let mut cart = Cart::new();
        for (category, price) in [(1 + (i % 5) as u16, 1000 + (i % 7) as i64 * 500), (7, 1500)] {
            let code = PriceTag::new(category, Won::new(price), week).map(|t| t.code()).unwrap_or_default();
            let line = store.price_scan(&code, now.date_naive()).map_err(|e| Failure::User(explain::scan_error(&e)))?;
            cart.add(line.line).map_err(|e| Failure::User(e.to_string()))?;
            store.save_cart(&till, &staff, &cart, now)?;
        }
        let payment = Payment::cash(cart.total(), Won::new(50_000)).map_err(|e| Failure::User(e.to_string()))?;
        let mut sale = NewSale::new(&cart, &payment, &staff, &session, now);
        sale.till = Some(&till);
        let sale = store.commit_sale(sale).map_err(|e| Failure::User(explain::sale_error(&e)))?;
        let doc = sale_receipt(store.info(), &sale, ReceiptOptions::default());
        let rendered = crate::hardware::render(&doc, &config.printer.profile())?;
        store.add_paper(&till, "receipt", &rendered.bytes, None, true, Some(sale.id), now)?;
        writeln!(out, "{} {}", sale.business_date, sale.sale_no)?;
        out.flush()?;
    }
    Ok(())
}
