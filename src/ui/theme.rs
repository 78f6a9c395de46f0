//! How the till looks: one light theme with high contrast, big type for older eyes, and the
//! button styles every screen shares.

use iced::widget::{button, container};
use iced::{Background, Border, Color, Font, Shadow, Theme, font};

pub const FONT_NAME: &str = "NanumGothic";
pub const FONT: Font = Font::with_name(FONT_NAME);
// NanumGothicBold says weight 600; asking for exactly that keeps every glyph in the bundled
// font instead of borrowing bold Latin letters from whatever system font is installed.
pub const BOLD: Font = Font { weight: font::Weight::Semibold, ..FONT };

/// Text sizes, in logical pixels.
pub const SMALL: f32 = 16.0;
pub const BODY: f32 = 20.0;
pub const LARGE: f32 = 26.0;
pub const HUGE: f32 = 56.0;

pub const GREEN: Color = Color::from_rgb8(0x1f, 0x7a, 0x4d);
pub const RED: Color = Color::from_rgb8(0xc0, 0x2b, 0x2b);
pub const MUTED: Color = Color::from_rgb8(0x5f, 0x66, 0x6d);
pub const PANEL: Color = Color::from_rgb8(0xf3, 0xf5, 0xf4);
pub const LINE: Color = Color::from_rgb8(0xd5, 0xdb, 0xd8);
pub const INK: Color = Color::from_rgb8(0x1d, 0x24, 0x2b);

/// A button's look, chosen per button.
pub type ButtonStyle = fn(&Theme, button::Status) -> button::Style;

pub fn theme() -> Theme {
    Theme::custom(
        "Nanum",
        iced::theme::Palette {
            background: Color::WHITE,
            text: INK,
            primary: Color::from_rgb8(0x1f, 0x6f, 0xb5),
            success: GREEN,
            warning: Color::from_rgb8(0xd9, 0x8a, 0x00),
            danger: RED,
        },
    )
}

pub fn panel(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(PANEL)),
        border: Border { color: LINE, width: 1.0, radius: 8.0.into() },
        ..container::Style::default()
    }
}

/// The page's own white, painted: a chart that goes away leaves nothing behind under it.
pub fn page(_theme: &Theme) -> container::Style {
    container::Style { background: Some(Color::WHITE.into()), ..container::Style::default() }
}

pub fn status_bar(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(INK)),
        text_color: Some(Color::WHITE),
        ..container::Style::default()
    }
}

/// A box of `tint` with text and border in `ink`.
fn boxed(tint: Color, ink: Color, border: f32) -> container::Style {
    container::Style {
        background: Some(Background::Color(tint)),
        text_color: Some(ink),
        border: Border { color: ink, width: border, radius: 6.0.into() },
        ..container::Style::default()
    }
}

pub fn error_banner(_theme: &Theme) -> container::Style {
    boxed(Color::from_rgb8(0xfd, 0xe8, 0xe8), RED, 2.0)
}

pub fn info_banner(_theme: &Theme) -> container::Style {
    boxed(Color::from_rgb8(0xe6, 0xf4, 0xec), GREEN, 1.0)
}

pub fn card(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color::WHITE)),
        border: Border { color: LINE, width: 1.0, radius: 6.0.into() },
        ..container::Style::default()
    }
}

/// A plain key: category keys, PIN digits, quick amounts.
pub fn key(theme: &Theme, status: button::Status) -> button::Style {
    let base = button::Style {
        background: Some(Background::Color(Color::WHITE)),
        text_color: INK,
        border: Border { color: Color::from_rgb8(0xa9, 0xb3, 0xae), width: 1.5, radius: 8.0.into() },
        shadow: Shadow::default(),
        snap: true,
    };
    match status {
        button::Status::Hovered => base.with_background(Color::from_rgb8(0xe9, 0xf0, 0xec)),
        button::Status::Pressed => base.with_background(Color::from_rgb8(0xd3, 0xe3, 0xda)),
        button::Status::Disabled => button::Style {
            text_color: Color::from_rgb8(0xa0, 0xa6, 0xab),
            background: Some(Background::Color(PANEL)),
            ..base
        },
        button::Status::Active => {
            let _ = theme;
            base
        }
    }
}

pub fn primary(theme: &Theme, status: button::Status) -> button::Style {
    rounded(button::primary(theme, status))
}

pub fn success(theme: &Theme, status: button::Status) -> button::Style {
    rounded(button::success(theme, status))
}

pub fn danger(theme: &Theme, status: button::Status) -> button::Style {
    rounded(button::danger(theme, status))
}

/// A button that sits on the dark status bar.
pub fn on_dark(_theme: &Theme, status: button::Status) -> button::Style {
    let hover = matches!(status, button::Status::Hovered | button::Status::Pressed);
    button::Style {
        background: Some(Background::Color(if hover {
            Color::from_rgb8(0x3a, 0x44, 0x4e)
        } else {
            Color::from_rgb8(0x2c, 0x35, 0x3e)
        })),
        text_color: Color::WHITE,
        border: Border { color: Color::from_rgb8(0x55, 0x60, 0x6b), width: 1.0, radius: 6.0.into() },
        shadow: Shadow::default(),
        snap: true,
    }
}

fn rounded(style: button::Style) -> button::Style {
    button::Style { border: Border { radius: 8.0.into(), ..style.border }, ..style }
}

pub fn warning_on_dark() -> Color {
    Color::from_rgb8(0xff, 0xc8, 0x57)
}

pub fn ok_on_dark() -> Color {
    Color::from_rgb8(0x7d, 0xdc, 0x9f)
}
