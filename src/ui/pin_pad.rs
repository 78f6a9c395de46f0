//! A PIN as people type it: on the keyboard into a field that shows dots, or on the number pad
//! beside it. The sign-in screen and the manager's approval panel take a PIN the same way.

use iced::widget::{TextInput, text_input};
use iced::{Element, Padding};

use crate::domain::Pin;
use crate::ui::widgets;

/// How a screen hears the PIN field: each key wrapped in its message, and Enter.
pub type Listen<M> = (fn(Key) -> M, M);

#[derive(Debug, Clone)]
pub enum Key {
    /// What the field holds now; `None` when something other than digits was typed.
    Typed(Option<Pin>),
    Digits(&'static str),
    Backspace,
    Clear,
}

/// Applies `key` to `pin`. True when the key came from the pad, so the field should have the
/// focus back for the next key from the keyboard.
pub fn press(pin: &mut Pin, key: Key) -> bool {
    match key {
        Key::Typed(Some(typed)) => *pin = typed,
        Key::Typed(None) => {}
        Key::Digits(d) => {
            pin.push(d);
            return true;
        }
        Key::Backspace => {
            pin.pop();
            return true;
        }
        Key::Clear => {
            pin.clear();
            return true;
        }
    }
    false
}

/// The field that shows `pin` as dots. It takes keys only when `on` is given (not while a PIN
/// is being checked, not while locked out): `on.0` wraps each key, `on.1` is Enter.
pub fn field<'a, M: Clone + 'a>(
    id: &'static str,
    placeholder: &str,
    pin: &Pin,
    size: f32,
    padding: impl Into<Padding>,
    on: Option<Listen<M>>,
) -> TextInput<'a, M> {
    let input = text_input(placeholder, pin.expose()).id(id).secure(true).size(size).padding(padding);
    match on {
        Some((wrap, submit)) => input.on_input(move |typed| wrap(Key::Typed(Pin::typed(&typed)))).on_submit(submit),
        None => input,
    }
}

/// The number pad, keys `height` tall.
pub fn pad<'a, M: Clone + 'a>(wrap: fn(Key) -> M, height: f32) -> Element<'a, M> {
    widgets::number_pad(move |d| wrap(Key::Digits(d)), wrap(Key::Clear), wrap(Key::Backspace), None, height)
}
