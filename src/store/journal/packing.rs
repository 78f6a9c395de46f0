//! How the journal keeps a payload small. The JSON text is compressed with zstd against a
//! dictionary trained on payloads (`examples/journal_dictionary.rs`): a sale's 1.1 KB keeps
//! about 150 bytes. The first byte says how: 0, the text as it is; N, zstd with dictionary N.
//! Dictionaries are only ever added, so every later Nanum reads every event written before,
//! and each one a file uses is kept in it (`journal_dictionaries`) for anyone reading the file
//! with zstd alone. The chain hashes the text, not these bytes: packing changes nothing the
//! journal proves.

use std::cell::RefCell;
use std::sync::LazyLock;

use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;
use zstd::bulk::{Compressor, Decompressor};
use zstd::dict::{DecoderDictionary, EncoderDictionary};

use crate::store::{Result, StoreError};

/// Every dictionary ever shipped, numbered from 1. Never edit or remove one.
pub const DICTIONARIES: &[&[u8]] = &[include_bytes!("../../../assets/journal-1.zdict")];

/// Dictionary `id` as shipped (numbered from 1), if this Nanum has it.
pub fn dictionary(id: i64) -> Option<&'static [u8]> {
    usize::try_from(id).ok().and_then(|n| n.checked_sub(1)).and_then(|i| DICTIONARIES.get(i)).copied()
}

/// What new events are packed with.
const CURRENT: u8 = 1;
const PLAIN: u8 = 0;
/// zstd's level: 3 packs a sale in 3 µs to about 130 bytes; 9 saves 20 bytes for 12 µs, on the
/// commit the cashier waits for.
const LEVEL: i32 = 3;
/// No payload the till writes is near this; a packed one claiming more is damaged.
const LARGEST: usize = 16 << 20;

static ENCODER: LazyLock<EncoderDictionary<'static>> =
    LazyLock::new(|| EncoderDictionary::copy(DICTIONARIES[usize::from(CURRENT - 1)], LEVEL));
static DECODERS: LazyLock<Vec<DecoderDictionary<'static>>> =
    LazyLock::new(|| DICTIONARIES.iter().map(|d| DecoderDictionary::copy(d)).collect());

thread_local! {
    // A zstd context costs more to make than a payload to pack: each thread keeps its own.
    static COMPRESSOR: RefCell<Option<Compressor<'static>>> = const { RefCell::new(None) };
    static DECOMPRESSORS: RefCell<Vec<Option<Decompressor<'static>>>> = const { RefCell::new(Vec::new()) };
}

/// The bytes the journal stores for a payload's text.
pub fn pack(text: &str) -> Result<Vec<u8>> {
    let packed = COMPRESSOR.with_borrow_mut(|c| {
        let compressor = match c {
            Some(c) => c,
            None => {
                let mut made = Compressor::with_prepared_dictionary(&ENCODER)?;
                // The marker byte names the dictionary; the frame need not say it again.
                made.set_parameter(zstd::zstd_safe::CParameter::DictIdFlag(false))?;
                c.insert(made)
            }
        };
        compressor.compress(text.as_bytes())
    });
    let packed = packed.map_err(|e| StoreError::Bug(format!("cannot pack a journal payload: {e}")))?;
    // A payload too short to gain keeps its text (the marker byte is all it costs).
    Ok(if packed.len() < text.len() {
        [&[CURRENT][..], &packed].concat()
    } else {
        [&[PLAIN][..], text.as_bytes()].concat()
    })
}

/// Why a stored payload could not be unpacked; the caller says which event it was.
#[derive(Debug, thiserror::Error)]
#[error("its payload is damaged: {0}")]
pub struct Damaged(String);

/// A stored payload's text, exactly as it was hashed.
pub fn unpack(bytes: &[u8]) -> std::result::Result<String, Damaged> {
    let damaged = Damaged;
    let (&how, rest) = bytes.split_first().ok_or_else(|| damaged("empty".into()))?;
    let text = if how == PLAIN {
        rest.to_vec()
    } else {
        let dictionary = DECODERS
            .get(usize::from(how) - 1)
            .ok_or_else(|| damaged(format!("packed with dictionary {how}, which this Nanum does not have")))?;
        let size = zstd::zstd_safe::get_frame_content_size(rest)
            .ok()
            .flatten()
            .and_then(|n| usize::try_from(n).ok())
            .filter(|n| *n <= LARGEST)
            .ok_or_else(|| damaged("not a zstd frame".into()))?;
        DECOMPRESSORS
            .with_borrow_mut(|kept| {
                let i = usize::from(how) - 1;
                if kept.len() <= i {
                    kept.resize_with(i + 1, || None);
                }
                let decompressor = match &mut kept[i] {
                    Some(d) => d,
                    empty => empty.insert(Decompressor::with_prepared_dictionary(dictionary)?),
                };
                decompressor.decompress(rest, size)
            })
            .map_err(|e| damaged(e.to_string()))?
    };
    String::from_utf8(text).map_err(|_| damaged("not UTF-8 text".into()))
}

/// `journal_text(payload)` and `journal_pack(text)` in SQL, on every connection the store opens,
/// so its own queries (and the migration that packed the older files) can read payloads.
/// `journal_dictionary(n)` gives dictionary n's bytes, which the file keeps.
pub fn add_sql_functions(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    let user = |e: Box<dyn std::error::Error + Send + Sync>| rusqlite::Error::UserFunctionError(e);
    conn.create_scalar_function("journal_text", 1, flags, move |ctx| {
        unpack(&ctx.get::<Vec<u8>>(0)?).map_err(|e| user(e.into()))
    })?;
    conn.create_scalar_function("journal_pack", 1, flags, move |ctx| {
        pack(&ctx.get::<String>(0)?).map_err(|e| user(e.into()))
    })?;
    conn.create_scalar_function("journal_dictionary", 1, flags, |ctx| Ok(dictionary(ctx.get(0)?).map(<[u8]>::to_vec)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payload_comes_back_as_the_same_text() {
        for text in ["{}", r#"{"name":"김나눔","total":18300,"lines":[{"price":3500}]}"#, &"가".repeat(5000)] {
            assert_eq!(unpack(&pack(text).unwrap()).unwrap(), text);
        }
    }

    #[test]
    fn a_damaged_payload_is_an_error_not_a_guess() {
        let mut packed = pack(&r#"{"total":18300}"#.repeat(20)).unwrap();
        assert_eq!(packed[0], CURRENT);
        packed.truncate(packed.len() / 2);
        assert!(unpack(&packed).is_err());
        assert!(unpack(&[9, 1, 2, 3]).unwrap_err().to_string().contains("dictionary 9"));
        assert!(unpack(&[]).is_err());
        assert!(unpack(&[PLAIN, 0xff]).is_err());
    }
}
