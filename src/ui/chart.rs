//! Bar charts drawn on an iced canvas (hours of the day, categories, days of a range): one bar
//! per value with its label under it, the largest value written above its bar. Canvas text
//! does not take the app's default font, so the Korean font is set on every label.

use iced::widget::canvas::{self, Frame, Geometry, Text};
use iced::{Color, Element, Fill, Length, Point, Rectangle, Renderer, Size, Theme, mouse};

use super::theme;

/// Values in whole units (won, pieces, minutes) with their labels.
pub struct Bars {
    pub bars: Vec<(String, i64)>,
    /// How the largest value is written above its bar (e.g. "583,800원").
    pub peak_label: String,
    /// Drawn as a line through the values (a range's trend) rather than bars.
    pub line: bool,
}

impl<M> canvas::Program<M> for Bars {
    type State = ();

    fn draw(&self, _: &(), renderer: &Renderer, _: &Theme, bounds: Rectangle, _: mouse::Cursor) -> Vec<Geometry> {
        let mut frame = Frame::new(renderer, bounds.size());
        let label_room = 22.0;
        let top_room = 22.0;
        let n = self.bars.len().max(1) as f32;
        let slot = bounds.width / n;
        let peak = self.bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
        let room = (bounds.height - label_room - top_room).max(1.0);
        // Every label when they fit, otherwise every second or fourth.
        let every = if slot >= 28.0 {
            1
        } else if slot >= 14.0 {
            2
        } else {
            4
        };
        let mut previous: Option<Point> = None;
        for (i, (label, value)) in self.bars.iter().enumerate() {
            let x = i as f32 * slot;
            // Whole pixels: the bar's height is the value's share of the tallest, rounded down.
            let height = (room * (*value).max(0) as f32 / peak as f32).floor();
            let width = (slot * 0.7).min(90.0);
            let bar = Rectangle::new(
                Point::new(x + (slot - width) / 2.0, top_room + room - height),
                Size::new(width, height),
            );
            if self.line {
                let dot = Point::new(x + slot / 2.0, top_room + room - height);
                if let Some(prev) = previous {
                    frame.stroke(
                        &canvas::Path::line(prev, dot),
                        canvas::Stroke::default().with_color(theme::GREEN).with_width(2.0),
                    );
                }
                frame.fill(&canvas::Path::circle(dot, 3.0), if *value == peak { theme::GREEN } else { BAR });
                previous = Some(dot);
            } else {
                frame.fill_rectangle(bar.position(), bar.size(), if *value == peak { theme::GREEN } else { BAR });
            }
            if i % every == 0 {
                frame.fill_text(Text {
                    content: label.clone(),
                    position: Point::new(x + slot / 2.0, bounds.height - label_room + 4.0),
                    color: theme::MUTED,
                    size: 13.0.into(),
                    font: theme::FONT,
                    align_x: iced::alignment::Horizontal::Center.into(),
                    ..Text::default()
                });
            }
            if *value == peak && peak > 0 {
                frame.fill_text(Text {
                    content: self.peak_label.clone(),
                    position: Point::new((x + slot / 2.0).clamp(60.0, bounds.width - 60.0), 2.0),
                    color: theme::INK,
                    size: 14.0.into(),
                    font: theme::BOLD,
                    align_x: iced::alignment::Horizontal::Center.into(),
                    ..Text::default()
                });
            }
        }
        frame.stroke(
            &canvas::Path::line(Point::new(0.0, top_room + room), Point::new(bounds.width, top_room + room)),
            canvas::Stroke::default().with_color(theme::LINE).with_width(1.0),
        );
        vec![frame.into_geometry()]
    }
}

const BAR: Color = Color::from_rgb8(0x7f, 0xb8, 0x9a);

pub fn view<'a, M: 'a>(bars: Bars, height: f32) -> Element<'a, M> {
    iced::widget::canvas(bars).width(Fill).height(Length::Fixed(height)).into()
}
