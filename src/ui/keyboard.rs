//! An on-screen 두벌식 keyboard for counters with a touch screen and no keyboard: donor names and
//! item descriptions are Korean. Keys go through `domain::hangul::Composer`, so syllables build
//! as on a real Korean keyboard; Backspace takes back one key at a time.

use iced::widget::{column, row};
use iced::{Element, Fill, FillPortion};

use super::{theme, widgets};
use crate::domain::hangul::{Composer, ROWS};
use crate::t;

#[derive(Debug, Clone)]
pub enum Key {
    Jamo(char),
    Shift,
    Backspace,
    /// Closes the keyboard.
    Done,
}

#[derive(Debug, Clone, Default)]
pub struct Keyboard {
    composer: Composer,
    shift: bool,
}

impl Keyboard {
    /// A keyboard that goes on typing after `text`.
    pub fn new(text: &str) -> Keyboard {
        Keyboard { composer: Composer::new(text), shift: false }
    }

    pub fn text(&self) -> String {
        self.composer.text()
    }

    /// A key was tapped; `false` when it was 완료 (the keyboard should close).
    pub fn press(&mut self, key: Key) -> bool {
        match key {
            Key::Jamo(c) => {
                self.composer.press(c);
                self.shift = false;
            }
            Key::Shift => self.shift = !self.shift,
            Key::Backspace => self.composer.backspace(),
            Key::Done => {
                self.composer.finish();
                return false;
            }
        }
        true
    }

    pub fn view<'a, M: Clone + 'a>(&self, on: impl Fn(Key) -> M + 'a + Copy, height: f32) -> Element<'a, M> {
        let mut rows = column![].spacing(6);
        for keys in ROWS {
            let line = keys.iter().map(|(plain, shifted)| {
                let c = if self.shift { *shifted } else { *plain };
                // The space bar is drawn wide on the bottom row; its place here stays empty.
                if c == ' ' {
                    return iced::widget::space().width(Fill).into();
                }
                widgets::key(c.to_string(), theme::LARGE, Some(on(Key::Jamo(c)))).height(height).width(Fill).into()
            });
            rows = rows.push(row(line).spacing(6));
        }
        let shift_style = if self.shift { theme::primary } else { theme::key };
        rows.push(
            row![
                widgets::key(t!("keyboard-shift"), theme::SMALL + 1.0, Some(on(Key::Shift)))
                    .height(height)
                    .style(shift_style),
                widgets::key(t!("keyboard-space"), theme::SMALL + 1.0, Some(on(Key::Jamo(' '))))
                    .height(height)
                    .width(FillPortion(2)),
                widgets::key(t!("keyboard-backspace"), theme::SMALL + 1.0, Some(on(Key::Backspace))).height(height),
                widgets::key(t!("keyboard-done"), theme::SMALL + 1.0, Some(on(Key::Done)))
                    .height(height)
                    .style(theme::primary),
            ]
            .spacing(6),
        )
        .into()
    }
}
