//! Sizes that follow the window, so every screen fits a till from 800×600 to 1,920×1,080:
//! how many category keys go in a row and how many rows fit, how tall a key of the number pad
//! is. Nothing shrinks below a 44 px touch target; what does not fit is paged, not squeezed.

use iced::Size;

/// The smallest a touch target may be.
pub const TOUCH: f32 = 44.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    pub width: f32,
    pub height: f32,
}

impl Default for Layout {
    fn default() -> Layout {
        Layout { width: 1366.0, height: 768.0 }
    }
}

impl From<Size> for Layout {
    fn from(size: Size) -> Layout {
        Layout { width: size.width, height: size.height }
    }
}

impl Layout {
    /// A short screen (800×600 and the like): less padding, smaller keys.
    pub fn short(&self) -> bool {
        self.height < 700.0
    }

    /// A narrow screen (800 or 1,024 wide).
    pub fn narrow(&self) -> bool {
        self.width < 1100.0
    }

    /// The smallest till (800 wide): keys say their words without the keyboard's F-key.
    pub fn smallest(&self) -> bool {
        self.width < 900.0
    }

    /// The status bar says less (the name without the role, the date without the year).
    pub fn status_compact(&self) -> bool {
        self.width < 1100.0
    }

    /// Category keys in one row.
    pub fn key_columns(&self) -> usize {
        match self.width {
            w if w < 900.0 => 3,
            w if w < 1200.0 => 4,
            w if w < 1500.0 => 5,
            _ => 6,
        }
    }

    /// Rows of category keys that fit under the sale's lines.
    pub fn key_rows(&self) -> usize {
        match self.height {
            h if h < 700.0 => 2,
            h if h < 900.0 => 3,
            _ => 4,
        }
    }

    pub fn key_height(&self) -> f32 {
        if self.short() { TOUCH } else { 52.0 }
    }

    /// A key whose words may take two lines on a narrow till: two lines of small text and the
    /// key's padding.
    pub fn wrapping_key(&self) -> f32 {
        self.key_height().max(56.0)
    }

    /// The size of a big key's words (결제 완료, 기증 받기): large, but a long label on a narrow
    /// till ("Take the donation") would take two lines there, so it is body size.
    pub fn big_label(&self, label: &str) -> f32 {
        if self.narrow() && label.chars().count() > 8 { super::theme::BODY + 2.0 } else { super::theme::LARGE }
    }

    /// The checkout's grid of category keys (the intake counter uses the same).
    pub fn key_grid(&self) -> KeyGrid {
        // On a narrow till a category's name may take two lines ("Women's clothing").
        KeyGrid {
            columns: self.key_columns(),
            rows: self.key_rows(),
            height: if self.narrow() { self.wrapping_key() } else { self.key_height() },
            size: if self.narrow() { super::theme::SMALL + 1.0 } else { super::theme::BODY - 2.0 },
        }
    }

    /// A key of the number pad.
    pub fn pad_key(&self) -> f32 {
        match self.height {
            h if h < 700.0 => TOUCH,
            h if h < 900.0 => 50.0,
            _ => 64.0,
        }
    }

    /// Space around a screen's content.
    pub fn padding(&self) -> f32 {
        if self.short() { 10.0 } else { 16.0 }
    }
}

/// How category keys are laid out: `columns` × `rows` places, each `height` tall.
#[derive(Debug, Clone, Copy)]
pub struct KeyGrid {
    pub columns: usize,
    pub rows: usize,
    pub height: f32,
    pub size: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_stay_touchable_at_every_till_size() {
        for (w, h) in [(800.0, 600.0), (1024.0, 768.0), (1280.0, 800.0), (1366.0, 768.0), (1920.0, 1080.0)] {
            let l = Layout { width: w, height: h };
            assert!(l.key_height() >= TOUCH && l.pad_key() >= TOUCH, "{w}×{h}");
            assert!((3..=6).contains(&l.key_columns()), "{w}×{h}");
        }
    }
}
