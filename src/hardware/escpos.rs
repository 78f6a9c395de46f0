//! Turning a [`Document`] into ESC/POS bytes for a Korean-capable thermal printer.
//!
//! The `escpos` crate builds the ordinary commands; what it lacks is added raw (design.md §6):
//! Korean mode (`ESC t 0`, `FS &`, `ESC R 13`) with EUC-KR text, CODE128 through `GS k 73`,
//! and the full five-byte drawer kick `ESC p m t1 t2` (the crate's is three bytes and makes the
//! printer eat the next two bytes of data as timings).
//!
//! A printer's Korean ROM holds KS X 1001 only. Text outside it is printed as `?` and reported,
//! never sent as bytes the printer would print as garbage. `₩` is sent as `0x5C`, which
//! `ESC R 13` prints as the won sign.

use std::sync::{Arc, Mutex};

use escpos::driver::Driver;
use escpos::printer::Printer;
use escpos::utils::{JustifyMode, Protocol};

use super::document::{Block, Document};
use crate::i18n::columns::{pad_row, place};

/// `ESC t 0` (PC437 for single bytes), `FS &` (two-byte mode on), `ESC R 13` (Korea).
pub const KOREAN_MODE: &[u8] = &[0x1B, b't', 0, 0x1C, b'&', 0x1B, b'R', 13];

/// How a particular printer is set up: paper width and drawer wiring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrinterProfile {
    /// Characters per line in font A: 32 on 58 mm paper, 42 or 48 on 80 mm.
    pub columns: usize,
    pub drawer: DrawerPulse,
}

impl Default for PrinterProfile {
    fn default() -> PrinterProfile {
        PrinterProfile { columns: 42, drawer: DrawerPulse::default() }
    }
}

/// Which connector pin fires the drawer (2 or 5) and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DrawerPulse {
    pub pin5: bool,
    pub on_ms: u16,
    pub off_ms: u16,
}

impl Default for DrawerPulse {
    fn default() -> DrawerPulse {
        DrawerPulse { pin5: false, on_ms: 50, off_ms: 500 }
    }
}

impl DrawerPulse {
    /// `ESC p m t1 t2`, times in units of 2 ms.
    pub fn command(self) -> [u8; 5] {
        let units = |ms: u16| (ms / 2).clamp(1, 255) as u8;
        [0x1B, b'p', u8::from(self.pin5), units(self.on_ms), units(self.off_ms)]
    }
}

/// `GS k 73` CODE128 in code set B, with its human-readable text under the bars.
pub fn code128(data: &str) -> Vec<u8> {
    let mut payload = b"{B".to_vec();
    for b in data.bytes().filter(|b| (0x20..0x7F).contains(b)) {
        if b == b'{' {
            payload.push(b'{'); // "{{" is a literal brace in GS k 73
        }
        payload.push(b);
    }
    payload.truncate(255);
    let mut cmd = vec![
        0x1D,
        b'h',
        80, // height in dots
        0x1D,
        b'w',
        2, // module width
        0x1D,
        b'H',
        2, // text below
        0x1D,
        b'f',
        0, // text in font A
        0x1D,
        b'k',
        73,
        payload.len() as u8,
    ];
    cmd.extend(payload);
    cmd
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// Characters the printer cannot print that were sent as `?`.
    pub replaced: Vec<char>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot build the print job: {0}")]
pub struct RenderError(String);

impl From<escpos::errors::PrinterError> for RenderError {
    fn from(e: escpos::errors::PrinterError) -> RenderError {
        RenderError(e.to_string())
    }
}

/// Collects what the `escpos` printer writes.
#[derive(Clone, Default)]
struct Memory(Arc<Mutex<Vec<u8>>>);

impl Driver for Memory {
    fn name(&self) -> String {
        "memory".into()
    }
    fn write(&self, data: &[u8]) -> escpos::errors::Result<()> {
        self.0.lock().expect("not poisoned").extend_from_slice(data);
        Ok(())
    }
    fn read(&self, _buf: &mut [u8]) -> escpos::errors::Result<usize> {
        Ok(0)
    }
    fn flush(&self) -> escpos::errors::Result<()> {
        Ok(())
    }
}

/// Makes `text` printable by a KS X 1001 printer: `₩` becomes `\` (printed as ₩ under
/// `ESC R 13`), a real backslash becomes `/`, and anything else outside ASCII and KS X 1001 is
/// replaced by `?` and recorded in `replaced`.
pub fn printable(text: &str, replaced: &mut Vec<char>) -> String {
    text.chars()
        .map(|c| match c {
            '₩' | '￦' => '\\',
            '\\' => '/',
            c if c.is_ascii_graphic() || c == ' ' => c,
            c if in_ks_x_1001(c) => c,
            c => {
                replaced.push(c);
                '?'
            }
        })
        .collect()
}

/// Whether `c` is one of KS X 1001's two-byte characters (both EUC-KR bytes ≥ 0xA1).
/// `encoding_rs`'s EUC-KR is really CP949, whose extra syllables would be garbage on the printer.
pub fn in_ks_x_1001(c: char) -> bool {
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(c.encode_utf8(&mut buf));
    !unmappable && bytes.len() == 2 && bytes[0] >= 0xA1 && bytes[1] >= 0xA1
}

pub fn render(doc: &Document, profile: &PrinterProfile) -> Result<Rendered, RenderError> {
    let memory = Memory::default();
    let mut replaced = Vec::new();
    let mut p = Printer::new(memory.clone(), Protocol::new(escpos::utils::Encoder::new(encoding_rs::EUC_KR)), None);
    p.init()?.custom(KOREAN_MODE)?;
    let columns = profile.columns;
    // Styles are sent only when they change: a receipt's lines are mostly plain and left, and
    // every byte is paper time at 9,600 baud.
    let mut now = Style { bold: false, scale: 1, centred: false };
    for block in doc.blocks() {
        match block {
            Block::Text { text, align, bold, scale } => {
                let width = columns / usize::from((*scale).max(1));
                let text = printable(text, &mut replaced);
                now.set(&mut p, Style { bold: *bold, scale: *scale, centred: false })?;
                line(&mut p, place(&text, *align, width).trim_end())?;
            }
            Block::Row { left, right, bold, scale } => {
                let width = columns / usize::from((*scale).max(1));
                let (left, right) = (printable(left, &mut replaced), printable(right, &mut replaced));
                now.set(&mut p, Style { bold: *bold, scale: *scale, centred: false })?;
                line(&mut p, &pad_row(&left, &right, width))?;
            }
            Block::Rule(c) => {
                now.set(&mut p, Style { bold: false, scale: 1, centred: false })?;
                line(&mut p, &c.to_string().repeat(columns))?;
            }
            Block::Barcode(data) => {
                now.set(&mut p, Style { bold: false, scale: 1, centred: true })?;
                p.custom(&code128(data))?.feed()?;
            }
            Block::Feed(n) => {
                p.feeds(*n)?;
            }
            Block::DrawerKick => {
                p.custom(&profile.drawer.command())?;
            }
            Block::Cut => {
                p.feeds(3)?.cut()?;
            }
        }
    }
    p.print()?;
    if !replaced.is_empty() {
        tracing::warn!(?replaced, "characters the printer cannot print were sent as '?'");
    }
    let bytes = std::mem::take(&mut *memory.0.lock().expect("not poisoned"));
    Ok(Rendered { bytes, replaced })
}

/// A line of text ended by LF, one byte (the crate's `writeln` ends a line with the three-byte
/// `ESC d 1`).
fn line(p: &mut Printer<Memory>, text: &str) -> Result<(), RenderError> {
    p.write(&format!("{text}\n"))?;
    Ok(())
}

/// What the printer is set to: bold, size and whether lines are centred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Style {
    bold: bool,
    scale: u8,
    centred: bool,
}

impl Style {
    /// Sends what differs between `self` (the printer's state after `ESC @`: plain, size 1,
    /// left) and `wanted`, and remembers it.
    fn set(&mut self, p: &mut Printer<Memory>, wanted: Style) -> Result<(), RenderError> {
        if self.bold != wanted.bold {
            p.bold(wanted.bold)?;
        }
        let scale = wanted.scale.clamp(1, 8);
        if self.scale != scale {
            p.size(scale, scale)?;
        }
        if self.centred != wanted.centred {
            p.justify(if wanted.centred { JustifyMode::CENTER } else { JustifyMode::LEFT })?;
        }
        *self = Style { scale, ..wanted };
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ks_x_1001_only() {
        assert!(in_ks_x_1001('가'));
        assert!(in_ks_x_1001('합'));
        assert!(!in_ks_x_1001('똠')); // a CP949 extension syllable
        assert!(!in_ks_x_1001('A'));
        let mut replaced = Vec::new();
        assert_eq!(printable("똠양꿍 햏 ₩3,500 C:\\", &mut replaced), "?양꿍 ? \\3,500 C:/");
        assert_eq!(replaced, ['똠', '햏']);
    }

    #[test]
    fn drawer_kick_is_five_bytes() {
        assert_eq!(DrawerPulse::default().command(), [0x1B, b'p', 0, 25, 250]);
        assert_eq!(DrawerPulse { pin5: true, on_ms: 100, off_ms: 200 }.command(), [0x1B, b'p', 1, 50, 100]);
    }

    #[test]
    fn code128_escapes_braces() {
        let cmd = code128("A{B");
        assert_eq!(&cmd[cmd.len() - 7..], b"\x06{BA{{B");
    }
}
