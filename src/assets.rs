//! Files built into both programs: the Korean font the till draws with and head office's page
//! serves (Hangul renders as boxes without it; shared/tech-notes.md).

pub const KOREAN_FONT: &[u8] = include_bytes!("../assets/fonts/NanumGothic.ttf");
pub const KOREAN_FONT_BOLD: &[u8] = include_bytes!("../assets/fonts/NanumGothicBold.ttf");
