//! Text laid out in the columns of a monospaced paper or screen: receipts, tags and the
//! reports' text form all line up Hangul (two columns a syllable) with digits (one).

use unicode_width::UnicodeWidthChar;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// Columns `s` takes on a printer or a monospaced screen: Hangul and other wide characters
/// take two.
pub fn display_width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// The longest start of `s` that fits in `width` columns.
pub fn fit(s: &str, width: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            return &s[..i];
        }
        used += w;
    }
    s
}

/// `left` and `right` on one line of exactly `width` columns (shortening `left` if needed,
/// keeping at least one space between them).
pub fn pad_row(left: &str, right: &str, width: usize) -> String {
    let right = fit(right, width);
    let room = width.saturating_sub(display_width(right) + 1);
    let left = fit(left, room);
    let gap = width - display_width(left) - display_width(right);
    format!("{left}{}{right}", " ".repeat(gap))
}

/// `text` placed in `width` columns by `align` (no trailing spaces).
pub fn place(text: &str, align: Align, width: usize) -> String {
    let text = fit(text, width);
    let spare = width - display_width(text);
    let indent = match align {
        Align::Left => 0,
        Align::Center => spare / 2,
        Align::Right => spare,
    };
    format!("{}{text}", " ".repeat(indent))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_counts_double() {
        assert_eq!(display_width("합계 TOTAL"), 10);
        assert_eq!(display_width("₩3,500"), 6);
        assert_eq!(fit("가나다라", 5), "가나");
    }

    #[test]
    fn rows_fill_the_width_exactly() {
        let row = pad_row("합계", "6,500", 32);
        assert_eq!(display_width(&row), 32);
        assert!(row.starts_with("합계 ") && row.ends_with(" 6,500"));
        let long = pad_row("아주아주아주아주아주아주아주아주긴 상품 이름", "12,000", 32);
        assert_eq!(display_width(&long), 32);
        assert!(long.ends_with(" 12,000"));
    }

    #[test]
    fn centres_by_display_width() {
        assert_eq!(place("나눔", Align::Center, 10), "   나눔");
        assert_eq!(place("ab", Align::Right, 5), "   ab");
    }
}
