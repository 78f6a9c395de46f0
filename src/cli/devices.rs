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
