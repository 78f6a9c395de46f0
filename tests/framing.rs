//! Property tests for the byte-level parts: whatever arrives on a scanner's port or is fed to
//! the ESC/POS decoder, nothing panics; and real codes survive any split of their bytes.

use std::time::{Duration, Instant};

use nanum::hardware::decode::decode;
use nanum::hardware::scanner::{FrameEvent, Framer, Framing, Suffix};
use proptest::prelude::*;

fn feed(framing: Framing, pieces: &[Vec<u8>]) -> Vec<FrameEvent> {
    let mut framer = Framer::new(framing);
    let start = Instant::now();
    let mut out = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        out.extend(framer.push(piece, start + Duration::from_millis(i as u64)));
    }
    out.extend(framer.idle(start + Duration::from_secs(60)));
    out
}

/// Splits `bytes` at the given cut points.
fn split(bytes: &[u8], cuts: &[usize]) -> Vec<Vec<u8>> {
    let mut points: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
    points.sort_unstable();
    let mut out = Vec::new();
    let mut last = 0;
    for p in points {
        out.push(bytes[last..p].to_vec());
        last = p;
    }
    out.push(bytes[last..].to_vec());
    out
}

proptest! {
    #[test]
    fn any_bytes_are_framed_without_panicking(
        pieces in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..40), 0..20),
        suffix in prop::sample::select(Suffix::ALL.to_vec()),
        stx_etx in any::<bool>(),
    ) {
        let events = feed(Framing { suffix, stx_etx, ..Framing::default() }, &pieces);
        for event in events {
            if let FrameEvent::Scan(code) = event {
                prop_assert!(!code.is_empty() && code.len() <= 64);
                prop_assert!(code.bytes().all(|b| (0x20..0x7F).contains(&b)));
            }
        }
    }

    #[test]
    fn codes_survive_any_split(
        codes in prop::collection::vec("[A-Z0-9][A-Z0-9-]{0,30}", 1..6),
        cuts in prop::collection::vec(any::<usize>(), 0..12),
        stx_etx in any::<bool>(),
        suffix in prop::sample::select(vec![Suffix::Cr, Suffix::Lf, Suffix::Crlf, Suffix::Tab]),
    ) {
        let end: &[u8] = match suffix { Suffix::Cr => b"\r", Suffix::Lf => b"\n", Suffix::Crlf => b"\r\n", _ => b"\t" };
        let mut stream = Vec::new();
        for code in &codes {
            if stx_etx { stream.push(0x02); }
            stream.extend_from_slice(code.as_bytes());
            if stx_etx { stream.push(0x03); }
            stream.extend_from_slice(end);
        }
        let events = feed(Framing { suffix, stx_etx, ..Framing::default() }, &split(&stream, &cuts));
        let scans: Vec<String> = events.into_iter().filter_map(|e| match e { FrameEvent::Scan(s) => Some(s), _ => None }).collect();
        prop_assert_eq!(scans, codes);
    }

    #[test]
    fn the_decoder_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode(&bytes);
    }

    #[test]
    fn the_decoder_never_panics_on_almost_valid_jobs(
        body in prop::collection::vec(prop::sample::select(vec![0x1b, 0x1d, 0x1c, 0x10, 0x04, 0x0a, b'k', b'p', b'!', b'V', 73, 0xb0, 0xa1, b'A']), 0..200),
    ) {
        let mut bytes = b"\x1b@\x1bt\x00\x1c&\x1bR\x0d".to_vec();
        bytes.extend(body);
        let _ = decode(&bytes);
    }
}
