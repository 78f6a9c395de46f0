//! Small view pieces more than one screen uses.

use crate::ui::pressable::button;
use iced::widget::{column, container, row, text};
use iced::{Center, Element, Fill, Length};

use super::layout::KeyGrid;
use super::theme;
use crate::domain::Category;
use crate::t;

/// A key with centred text, for touch.
pub fn key<'a, M: Clone + 'a>(
    label: impl AsRef<str>,
    size: f32,
    on_press: Option<M>,
) -> crate::ui::pressable::Button<'a, M> {
    button(text(keep_words(label.as_ref())).size(size).align_x(Center).align_y(Center).width(Fill).height(Fill))
        .style(theme::key)
        .on_press_maybe(on_press)
}

/// One of a few choices side by side (cash/card/credit, line/sale, a reason): the chosen one
/// filled, `height` tall.
pub fn choice<'a, M: Clone + 'a>(
    label: impl AsRef<str>,
    size: f32,
    chosen: bool,
    on_press: Option<M>,
    height: f32,
) -> crate::ui::pressable::Button<'a, M> {
    button(text(keep_words(label.as_ref())).size(size).align_x(Center).align_y(Center).width(Fill).height(Fill))
        .height(height)
        .width(Fill)
        .style(if chosen { theme::primary } else { theme::key })
        .on_press_maybe(on_press)
}

/// A 3×4 pad of digits and backspace, keys `height` tall. The last row is `C 0 ←`, or
/// `0 000 ←` when `extra` is given (`000` types thousands of won in one tap).
pub fn number_pad<'a, M: Clone + 'a>(
    digits: impl Fn(&'static str) -> M + Copy,
    clear: M,
    backspace: M,
    extra: Option<&'static str>,
    height: f32,
) -> Element<'a, M> {
    let k = |label: &'static str, message: M| -> Element<'a, M> {
        key(label, theme::LARGE, Some(message)).width(Fill).height(height).into()
    };
    let line = |keys: [&'static str; 3]| row(keys.map(|d| k(d, digits(d)))).spacing(8);
    let last = match extra {
        Some(label) => row![k("C", clear), k("0", digits("0")), k(label, digits(label)), k("←", backspace)],
        None => row![k("C", clear), k("0", digits("0")), k("←", backspace)],
    };
    column![line(["7", "8", "9"]), line(["4", "5", "6"]), line(["1", "2", "3"]), last.spacing(8)].spacing(8).into()
}

/// A message in a coloured box: green for what went well, red for what needs attention.
pub fn banner<'a, M: 'a>(message: impl AsRef<str>, is_error: bool) -> Element<'a, M> {
    container(text(keep_words(message.as_ref())).size(theme::BODY).width(Fill))
        .padding([10, 14])
        .width(Fill)
        .style(if is_error { theme::error_banner } else { theme::info_banner })
        .into()
}

pub fn label<'a>(s: impl AsRef<str>) -> text::Text<'a> {
    text(keep_words(s.as_ref())).size(theme::BODY)
}

/// A panel's heading: large and bold, and a long one wraps between words, never inside one.
pub fn title<'a>(s: impl AsRef<str>) -> text::Text<'a> {
    text(keep_words(s.as_ref())).size(theme::LARGE).font(theme::BOLD)
}

pub fn muted<'a>(s: impl AsRef<str>) -> text::Text<'a> {
    text(keep_words(s.as_ref())).size(theme::SMALL).color(theme::MUTED)
}

pub fn spacer() -> iced::widget::Space {
    iced::widget::space().width(Length::Fill)
}

/// Korean text that only breaks between words. Line breaking (UAX #14) allows a break between
/// any two Hangul syllables, so a narrow key showed "잡화·액세서" over "리"; a word joiner
/// (U+2060, invisible) between the letters of a word keeps it whole, and spaces stay the only
/// places a line may break (CSS calls this `word-break: keep-all`).
pub fn keep_words(s: &str) -> String {
    let hangul = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c) || ('\u{3131}'..='\u{318E}').contains(&c);
    let mut out = String::with_capacity(s.len() * 2);
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if let Some(p) = prev
            && !p.is_whitespace()
            && !c.is_whitespace()
            && (hangul(p) || hangul(c))
        {
            out.push('\u{2060}');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// `items` laid out `columns` to a row, the last row filled out with space.
pub fn grid<'a, M: 'a>(items: Vec<Element<'a, M>>, columns: usize) -> iced::widget::Column<'a, M> {
    let mut rows = column![].spacing(8);
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        let mut line = row![].spacing(8);
        for _ in 0..columns {
            line = match items.next() {
                Some(item) => line.push(item),
                None => line.push(iced::widget::space().width(Fill)),
            };
        }
        rows = rows.push(line);
    }
    rows
}

/// Category keys a page at a time. When they do not all fit, the last place is a key to the
/// next page ("다음 ▶ 1/2"); the `chosen` key is filled.
pub fn category_keys<'a, M: Clone + 'a>(
    categories: &'a [Category],
    page: usize,
    grid: KeyGrid,
    chosen: Option<usize>,
    on_key: impl Fn(usize) -> Option<M>,
    next: Option<M>,
) -> Element<'a, M> {
    let per_page = (grid.columns * grid.rows).max(2);
    let (shown, paged) =
        if categories.len() > per_page { (per_page - 1, true) } else { (categories.len().max(1), false) };
    let pages = categories.len().div_ceil(shown);
    let first = (page % pages.max(1)) * shown;
    let mut keys: Vec<Element<'a, M>> = categories
        .iter()
        .enumerate()
        .skip(first)
        .take(shown)
        .map(|(i, c)| {
            choice(crate::i18n::local(&c.name_ko, &c.name_en), grid.size, chosen == Some(i), on_key(i), grid.height)
                .into()
        })
        .collect();
    if paged {
        let more = t!("checkout-more-keys", page = first / shown + 1, pages = pages);
        keys.push(key(more, theme::SMALL, next).height(grid.height).into());
    }
    self::grid(keys, grid.columns).into()
}

/// A back-room screen: lists on the left (three fifths of the width), the panel for what is
/// chosen on the right.
pub fn lists_and_panel<'a, M: 'a>(
    left: iced::widget::Column<'a, M>,
    side: Element<'a, M>,
    layout: super::layout::Layout,
) -> Element<'a, M> {
    let gap = if layout.short() { 8 } else { 12 };
    let right = container(side)
        .padding(if layout.short() { 10 } else { 16 })
        .height(Length::Fill)
        .width(Length::FillPortion(2))
        .style(theme::panel);
    row![left.spacing(gap).width(Length::FillPortion(3)), right].spacing(gap).padding(layout.padding()).into()
}

/// A scrolling list in a card, taking `portion` of the height left.
pub fn card_list<'a, M: 'a>(content: impl Into<Element<'a, M>>, portion: u16) -> container::Container<'a, M> {
    container(iced::widget::scrollable(content))
        .style(theme::card)
        .padding(8)
        .height(Length::FillPortion(portion))
        .width(Fill)
}

#[cfg(test)]
mod tests {
    use super::keep_words;

    #[test]
    fn words_stay_whole_and_spaces_still_break() {
        assert_eq!(keep_words("가방"), "가\u{2060}방");
        assert_eq!(keep_words("전체 취소"), "전\u{2060}체 취\u{2060}소");
        assert_eq!(keep_words("오늘 판매 (F7)"), "오\u{2060}늘 판\u{2060}매 (F7)");
        assert_eq!(keep_words("Cash"), "Cash");
        assert_eq!(keep_words("3,500원"), "3,500\u{2060}원");
    }
}
