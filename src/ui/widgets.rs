//! Small view pieces more than one screen uses.

use iced::widget::{button, column, container, row, text};
use iced::{Center, Element, Fill, Length};

use super::theme;

/// A key with centred text, for touch.
pub fn key<'a, M: Clone + 'a>(
    label: impl text::IntoFragment<'a>,
    size: f32,
    on_press: Option<M>,
) -> button::Button<'a, M> {
    button(text(label).size(size).align_x(Center).align_y(Center).width(Fill).height(Fill))
        .style(theme::key)
        .on_press_maybe(on_press)
}

/// A 3×4 pad of digits and backspace. The last row is `C 0 ←`, or `0 000 ←` when `extra` is
/// given (`000` types thousands of won in one tap).
pub fn number_pad<'a, M: Clone + 'a>(
    digits: fn(&'static str) -> M,
    clear: M,
    backspace: M,
    extra: Option<&'static str>,
) -> Element<'a, M> {
    let k = |label: &'static str, message: M| -> Element<'a, M> {
        key(label, theme::LARGE, Some(message)).width(Fill).height(64).into()
    };
    let line = |keys: [&'static str; 3]| row(keys.map(|d| k(d, digits(d)))).spacing(8);
    let last = match extra {
        Some(label) => row![k("0", digits("0")), k(label, digits(label)), k("←", backspace)],
        None => row![k("C", clear), k("0", digits("0")), k("←", backspace)],
    };
    column![line(["7", "8", "9"]), line(["4", "5", "6"]), line(["1", "2", "3"]), last.spacing(8)].spacing(8).into()
}

/// A message in a coloured box: green for what went well, red for what needs attention.
pub fn banner<'a, M: 'a>(message: impl text::IntoFragment<'a>, is_error: bool) -> Element<'a, M> {
    container(text(message).size(theme::BODY).width(Fill))
        .padding([10, 14])
        .width(Fill)
        .style(if is_error { theme::error_banner } else { theme::info_banner })
        .into()
}

pub fn label<'a>(s: impl text::IntoFragment<'a>) -> text::Text<'a> {
    text(s).size(theme::BODY)
}

pub fn muted<'a>(s: impl text::IntoFragment<'a>) -> text::Text<'a> {
    text(s).size(theme::SMALL).color(theme::MUTED)
}

pub fn spacer() -> iced::widget::Space {
    iced::widget::space().width(Length::Fill)
}
