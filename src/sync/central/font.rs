//! The till's Korean font, for the head-office page. NanumGothic carries empty VTT hinting
//! source tables (`TSI0`…`TSI5`) that the font sanitizer in browsers refuses ("TSI3:
//! zero-length table"), so the page gets a copy without them, made once.

use std::sync::OnceLock;

/// `font` (a TrueType file) without its `TSI*` tables; the other tables are copied as they are.
pub fn for_browsers(font: &[u8]) -> Option<Vec<u8>> {
    let u16_at = |at: usize| font.get(at..at + 2).map(|b| u16::from_be_bytes([b[0], b[1]]));
    let u32_at = |at: usize| font.get(at..at + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    let count = usize::from(u16_at(4)?);
    let mut tables = Vec::new();
    for i in 0..count {
        let record = 12 + 16 * i;
        let tag = font.get(record..record + 4)?;
        let (checksum, offset, length) =
            (u32_at(record + 4)?, u32_at(record + 8)? as usize, u32_at(record + 12)? as usize);
        if !tag.starts_with(b"TSI") {
            tables.push((tag, checksum, font.get(offset..offset + length)?));
        }
    }
    let kept = tables.len() as u16;
    // The largest power of two not above the table count, as the table directory's header wants.
    let power = 1u16 << (15 - kept.max(1).leading_zeros());
    let mut out = Vec::with_capacity(font.len());
    out.extend_from_slice(font.get(0..4)?);
    out.extend_from_slice(&kept.to_be_bytes());
    out.extend_from_slice(&(power * 16).to_be_bytes());
    out.extend_from_slice(&(power.trailing_zeros() as u16).to_be_bytes());
    out.extend_from_slice(&(kept * 16 - power * 16).to_be_bytes());
    let mut offset = 12 + 16 * tables.len();
    for (tag, checksum, data) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum.to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, _, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    Some(out)
}

pub fn regular() -> &'static [u8] {
    static FONT: OnceLock<Vec<u8>> = OnceLock::new();
    FONT.get_or_init(|| for_browsers(crate::assets::KOREAN_FONT).unwrap_or_else(|| crate::assets::KOREAN_FONT.to_vec()))
}

pub fn bold() -> &'static [u8] {
    static FONT: OnceLock<Vec<u8>> = OnceLock::new();
    FONT.get_or_init(|| {
        for_browsers(crate::assets::KOREAN_FONT_BOLD).unwrap_or_else(|| crate::assets::KOREAN_FONT_BOLD.to_vec())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn drops_the_tsi_tables_and_keeps_the_rest_byte_for_byte() {
        let font = crate::assets::KOREAN_FONT;
        let web = super::for_browsers(font).unwrap();
        let tags = |f: &[u8]| -> Vec<(String, Vec<u8>)> {
            let n = u16::from_be_bytes([f[4], f[5]]) as usize;
            (0..n)
                .map(|i| {
                    let r = 12 + 16 * i;
                    let at = |o: usize| u32::from_be_bytes(f[o..o + 4].try_into().unwrap()) as usize;
                    (String::from_utf8_lossy(&f[r..r + 4]).to_string(), f[at(r + 8)..at(r + 8) + at(r + 12)].to_vec())
                })
                .collect()
        };
        let before = tags(font);
        let after = tags(&web);
        assert!(before.iter().any(|(t, _)| t.starts_with("TSI")), "the bundled font has TSI tables");
        assert!(after.iter().all(|(t, _)| !t.starts_with("TSI")));
        let kept: Vec<_> = before.into_iter().filter(|(t, _)| !t.starts_with("TSI")).collect();
        assert_eq!(after, kept);
    }
}
