//! Reads ESC/POS bytes back into what the printer would do: lines of text (EUC-KR in two-byte
//! mode, `0x5C` as ₩ under `ESC R 13`), barcodes, drawer kicks, cuts and status requests.
//!
//! It knows exactly the commands Nanum sends and refuses anything else, so a stray byte in a
//! receipt fails a test instead of printing garbage in a shop. Tests check receipts through it,
//! and the on-screen preview draws its lines.

use super::document::Align;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedLine {
    pub text: String,
    pub align: Align,
    pub bold: bool,
    /// 1 for normal, 2 for double width and height.
    pub scale: u8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Init,
    Line(PrintedLine),
    /// `GS k`: the symbology (`73` for CODE128) and the data without code-set prefixes.
    Barcode {
        system: u8,
        data: String,
    },
    /// `ESC p m t1 t2`: pin 0 (connector pin 2) or 1 (pin 5), times in 2 ms units.
    Drawer {
        pin: u8,
        on: u8,
        off: u8,
    },
    Cut {
        partial: bool,
    },
    /// `DLE EOT n`: a real-time status request.
    StatusRequest(u8),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("unknown command {bytes:02X?} at byte {offset}")]
    Unknown { offset: usize, bytes: Vec<u8> },
    #[error("command at byte {offset} is cut short")]
    Truncated { offset: usize },
}

struct State {
    kanji: bool,
    korea: bool,
    align: Align,
    bold: bool,
    scale: u8,
    text: Vec<u8>,
}

impl State {
    fn new() -> State {
        State { kanji: false, korea: false, align: Align::Left, bold: false, scale: 1, text: Vec::new() }
    }

    fn take_line(&mut self) -> PrintedLine {
        let bytes = std::mem::take(&mut self.text);
        PrintedLine { text: self.decode_text(&bytes), align: self.align, bold: self.bold, scale: self.scale }
    }

    fn decode_text(&self, bytes: &[u8]) -> String {
        let mut out = String::new();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if self.kanji && b >= 0x80 && i + 1 < bytes.len() {
                let (s, _, _) = encoding_rs::EUC_KR.decode(&bytes[i..i + 2]);
                out.push_str(&s);
                i += 2;
                continue;
            }
            out.push(match b {
                0x5C if self.korea => '₩',
                0x20..=0x7E => char::from(b),
                _ => '\u{FFFD}',
            });
            i += 1;
        }
        out
    }
}

/// Decodes a whole print job.
pub fn decode(bytes: &[u8]) -> Result<Vec<Event>, DecodeError> {
    let mut events = Vec::new();
    let mut s = State::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let unknown = |len: usize| DecodeError::Unknown {
            offset: start,
            bytes: bytes[start..(start + len).min(bytes.len())].to_vec(),
        };
        let truncated = DecodeError::Truncated { offset: start };
        let at = |k: usize| bytes.get(start + k).copied().ok_or(truncated.clone());
        match bytes[i] {
            0x0A => {
                events.push(Event::Line(s.take_line()));
                i += 1;
            }
            0x1B => match at(1)? {
                b'@' => {
                    events.push(Event::Init);
                    s = State::new();
                    i += 2;
                }
                b'd' => {
                    let n = at(2)?;
                    let pending = !s.text.is_empty();
                    if pending {
                        events.push(Event::Line(s.take_line()));
                    }
                    for _ in 0..n.saturating_sub(u8::from(pending)) {
                        events.push(Event::Line(s.take_line()));
                    }
                    i += 3;
                }
                b'a' => {
                    s.align = match at(2)? {
                        0 | b'0' => Align::Left,
                        1 | b'1' => Align::Center,
                        2 | b'2' => Align::Right,
                        _ => return Err(unknown(3)),
                    };
                    i += 3;
                }
                b'E' => {
                    s.bold = at(2)? & 1 == 1;
                    i += 3;
                }
                b'2' => i += 2,
                b't' | b'-' | b'G' | b'M' | b'3' | b'{' | b'V' => {
                    at(2)?;
                    i += 3;
                }
                b'R' => {
                    s.korea = at(2)? == 13;
                    i += 3;
                }
                b'p' => {
                    events.push(Event::Drawer { pin: at(2)?, on: at(3)?, off: at(4)? });
                    i += 5;
                }
                _ => return Err(unknown(2)),
            },
            0x1C => {
                match at(1)? {
                    b'&' => s.kanji = true,
                    b'.' => s.kanji = false,
                    _ => return Err(unknown(2)),
                }
                i += 2;
            }
            0x1D => match at(1)? {
                b'!' => {
                    let n = at(2)?;
                    let (w, h) = ((n >> 4) + 1, (n & 0x0F) + 1);
                    s.scale = w.max(h);
                    i += 3;
                }
                b'h' | b'w' | b'H' | b'f' | b'B' | b'b' => {
                    at(2)?;
                    i += 3;
                }
                b'V' => {
                    let m = at(2)?;
                    let partial = matches!(m, 1 | 49 | 66);
                    match m {
                        0 | 1 | 48 | 49 => i += 3,
                        65 | 66 => {
                            at(3)?;
                            i += 4;
                        }
                        _ => return Err(unknown(3)),
                    }
                    if !s.text.is_empty() {
                        events.push(Event::Line(s.take_line()));
                    }
                    events.push(Event::Cut { partial });
                }
                b'k' => {
                    let system = at(2)?;
                    let (data, next) = if system <= 6 {
                        let end = bytes[start + 3..].iter().position(|b| *b == 0).ok_or(truncated.clone())?;
                        (&bytes[start + 3..start + 3 + end], start + 3 + end + 1)
                    } else if (65..=73).contains(&system) {
                        let n = usize::from(at(3)?);
                        let end = start + 4 + n;
                        if end > bytes.len() {
                            return Err(truncated);
                        }
                        (&bytes[start + 4..end], end)
                    } else {
                        return Err(unknown(3));
                    };
                    let mut text = String::from_utf8_lossy(data).into_owned();
                    if system == 73 {
                        text = strip_code128_sets(&text);
                    }
                    events.push(Event::Barcode { system, data: text });
                    i = next;
                }
                _ => return Err(unknown(2)),
            },
            0x10 => {
                if at(1)? != 0x04 {
                    return Err(unknown(2));
                }
                events.push(Event::StatusRequest(at(2)?));
                i += 3;
            }
            0x0D => i += 1,
            b if b >= 0x20 => {
                s.text.push(b);
                i += 1;
            }
            _ => return Err(unknown(1)),
        }
    }
    if !s.text.is_empty() {
        events.push(Event::Line(s.take_line()));
    }
    Ok(events)
}

/// `{B`, `{A`, `{C` pick a code set; `{{` is a literal brace.
fn strip_code128_sets(data: &str) -> String {
    let mut out = String::new();
    let mut chars = data.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '{' {
            if let Some('{') = chars.next() {
                out.push('{');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The text of every printed line, in order.
pub fn text_lines(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Line(l) => Some(l.text.clone()),
            _ => None,
        })
        .collect()
}

/// The right-hand value of the first row whose text starts with `label` (e.g. `"거스름돈"`).
pub fn row_value(lines: &[String], label: &str) -> Option<String> {
    lines
        .iter()
        .find(|l| l.trim_start().starts_with(label))
        .and_then(|l| l.split_whitespace().last())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_korean_text_and_the_won_sign() {
        let mut bytes = super::super::escpos::KOREAN_MODE.to_vec();
        bytes.extend([0xC7, 0xD5, 0xB0, 0xE8, b' ', 0x5C, b'1', 0x0A]);
        let events = decode(&bytes).unwrap();
        assert_eq!(text_lines(&events), ["합계 ₩1"]);
    }

    #[test]
    fn refuses_unknown_commands() {
        assert_eq!(decode(&[0x1B, b'Z']), Err(DecodeError::Unknown { offset: 0, bytes: vec![0x1B, b'Z'] }));
        assert_eq!(decode(&[0x1B, b'p', 0]), Err(DecodeError::Truncated { offset: 0 }));
    }
}
