//! A paper on screen as the printer would print it: the ESC/POS bytes are decoded and each line
//! is drawn column by column with the bundled Korean font, Hangul two columns wide, each glyph in
//! the middle of its cells as the printer's fixed-width font puts it (a comma or colon is not
//! pushed against its left neighbour), so what the cashier sees lines up exactly like the receipt
//! in the customer's hand. What does not print (the drawer's pulse) is not drawn.

use iced::widget::canvas::{self, Cache, Frame, Geometry, Path, Stroke};
use iced::{Color, Element, Point, Rectangle, Renderer, Size, Theme, mouse};
use unicode_width::UnicodeWidthChar;

use super::theme;
use crate::hardware::decode::Event;

const CELL: f32 = 8.0;
const LINE: f32 = 20.0;
const FONT_SIZE: f32 = 15.0;
const MARGIN: f32 = 14.0;
const BARCODE: f32 = 56.0;

enum Mark {
    Text { text: String, bold: bool, scale: u8 },
    Barcode(String),
    Cut,
}

/// A decoded paper, ready to draw.
pub struct Paper {
    marks: Vec<Mark>,
    columns: usize,
    cache: Cache,
}

impl Paper {
    pub fn new(events: &[Event], columns: usize) -> Paper {
        let marks = events
            .iter()
            .filter_map(|e| match e {
                Event::Line(line) => {
                    Some(Mark::Text { text: line.text.clone(), bold: line.bold, scale: line.scale.max(1) })
                }
                Event::Barcode { data, .. } => Some(Mark::Barcode(data.clone())),
                Event::Cut { .. } => Some(Mark::Cut),
                _ => None,
            })
            .collect();
        Paper { marks, columns, cache: Cache::new() }
    }

    fn height(&self) -> f32 {
        let body: f32 = self
            .marks
            .iter()
            .map(|m| match m {
                Mark::Text { scale, .. } => LINE * f32::from(*scale),
                Mark::Barcode(_) => BARCODE + LINE,
                Mark::Cut => LINE,
            })
            .sum();
        body + 2.0 * MARGIN
    }

    fn width(&self) -> f32 {
        self.columns as f32 * CELL + 2.0 * MARGIN
    }

    pub fn view<'a, M: 'a>(&'a self) -> Element<'a, M> {
        iced::widget::canvas(self).width(self.width()).height(self.height()).into()
    }
}

impl<M> canvas::Program<M> for Paper {
    type State = ();

    fn draw(&self, _: &(), renderer: &Renderer, _: &Theme, bounds: Rectangle, _: mouse::Cursor) -> Vec<Geometry> {
        let geometry = self.cache.draw(renderer, bounds.size(), |frame: &mut Frame| {
            frame.fill_rectangle(Point::ORIGIN, bounds.size(), Color::WHITE);
            frame.stroke(
                &Path::rectangle(Point::ORIGIN, bounds.size()),
                Stroke::default().with_color(theme::LINE).with_width(1.0),
            );
            let mut y = MARGIN;
            for mark in &self.marks {
                match mark {
                    Mark::Text { text, bold, scale } => {
                        let s = f32::from(*scale);
                        let font = if *bold { theme::BOLD } else { theme::FONT };
                        for (c, centre) in glyphs(text, s) {
                            frame.fill_text(canvas::Text {
                                content: c.to_string(),
                                position: Point::new(centre, y),
                                color: theme::INK,
                                size: (FONT_SIZE * s).into(),
                                font,
                                align_x: iced::alignment::Horizontal::Center.into(),
                                ..canvas::Text::default()
                            });
                        }
                        y += LINE * s;
                    }
                    Mark::Barcode(data) => {
                        draw_bars(frame, data, Point::new(MARGIN, y), self.columns as f32 * CELL);
                        y += BARCODE;
                        let x = MARGIN + (self.columns.saturating_sub(data.len()) as f32 / 2.0) * CELL;
                        frame.fill_text(canvas::Text {
                            content: data.clone(),
                            position: Point::new(x, y),
                            color: theme::INK,
                            size: FONT_SIZE.into(),
                            font: theme::FONT,
                            ..canvas::Text::default()
                        });
                        y += LINE;
                    }
                    Mark::Cut => {
                        let mid = y + LINE / 2.0;
                        let mut x = 0.0;
                        while x < bounds.width {
                            frame.fill_rectangle(Point::new(x, mid), Size::new(6.0, 1.0), theme::MUTED);
                            x += 10.0;
                        }
                        y += LINE;
                    }
                }
            }
        });
        vec![geometry]
    }
}

/// Each printed character of a line with the middle of its cells: a Hangul letter takes two
/// columns, anything else one, at `scale` times the width.
fn glyphs(text: &str, scale: f32) -> Vec<(char, f32)> {
    let mut column = 0usize;
    let mut out = Vec::new();
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if c != ' ' && w > 0 {
            out.push((c, MARGIN + (column as f32 + w as f32 / 2.0) * CELL * scale));
        }
        column += w;
    }
    out
}

impl Paper {
    /// What is drawn, line by line: each character and the middle of its cells (a barcode as its
    /// digits). For tests: the preview must be the paper, nothing more.
    pub fn drawn(&self) -> Vec<Vec<(char, f32)>> {
        self.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, scale, .. } => Some(glyphs(text, f32::from(*scale))),
                Mark::Barcode(data) => Some(data.chars().map(|c| (c, 0.0)).collect()),
                Mark::Cut => None,
            })
            .collect()
    }
}

/// Bars that look like a barcode for the preview (the printer draws the real CODE128).
fn draw_bars(frame: &mut Frame, data: &str, at: Point, width: f32) {
    let modules: Vec<bool> =
        data.bytes().flat_map(|b| (0..8).map(move |i| (b >> (7 - i)) & 1 == 1).chain([false])).collect();
    let module = (width * 0.8 / modules.len().max(1) as f32).clamp(1.0, 3.0);
    let start = at.x + (width - module * modules.len() as f32) / 2.0;
    for (i, dark) in modules.iter().enumerate() {
        if *dark {
            frame.fill_rectangle(
                Point::new(start + i as f32 * module, at.y),
                Size::new(module, BARCODE - 8.0),
                theme::INK,
            );
        }
    }
}
