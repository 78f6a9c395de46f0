//! Bar charts drawn on an iced canvas (hours of the day, categories, days of a range): one bar
//! per value with its label under it, the largest value written above its bar. Canvas text
//! does not take the app's default font, so the Korean font is set on every label.
//!
//! Labels are laid out from their measured widths (`Bars::labels`): a sequence (hours, days,
//! sessions) shows every second or third label when they do not fit; names are shortened to
//! their bar with "…" (to four letters at least), the largest bars' first, and a name that would
//! touch one already placed is left out. No label leaves the chart or touches another, which
//! `tests/ui_charts.rs` checks over the widths and labels the reports use.

use iced::widget::canvas::{self, Frame, Geometry, Text};
use iced::{Color, Element, Fill, Length, Point, Rectangle, Renderer, Size, Theme, mouse};

use super::theme;

/// What the labels under the bars are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// In order (hours, days, sessions): when they do not fit, every second (third…) is shown.
    Sequence,
    /// Each bar its own (categories, people): the largest bars' names first, shortened to fit.
    Names,
}

/// Values in whole units (won, pieces, minutes) with their labels.
pub struct Bars {
    pub bars: Vec<(String, i64)>,
    /// How the largest value is written above its bar (e.g. "583,800원").
    pub peak_label: String,
    /// Drawn as a line through the values (a range's trend) rather than bars.
    pub line: bool,
    pub axis: Axis,
}

/// A text placed on the chart: what it says and the box it takes.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    pub rect: Rectangle,
    pub size: f32,
    pub bold: bool,
}

const AXIS_SIZE: f32 = 13.0;
const PEAK_SIZE: f32 = 14.0;
const LABEL_ROOM: f32 = 22.0;
const TOP_ROOM: f32 = 22.0;
/// The least room between two labels.
const GAP: f32 = 6.0;

/// The width `text` takes in the app's font at `size`, as the renderer lays it out.
pub fn measure(text: &str, size: f32, bold: bool) -> f32 {
    use iced::advanced::text::Paragraph as _;
    type Paragraph = <Renderer as iced::advanced::text::Renderer>::Paragraph;
    let paragraph = Paragraph::with_text(iced::advanced::Text {
        content: text,
        bounds: Size::INFINITE,
        size: size.into(),
        line_height: iced::widget::text::LineHeight::default(),
        font: if bold { theme::BOLD } else { theme::FONT },
        align_x: iced::widget::text::Alignment::Left,
        align_y: iced::alignment::Vertical::Top,
        shaping: iced::widget::text::Shaping::Advanced,
        wrapping: iced::widget::text::Wrapping::None,
    });
    paragraph.min_width()
}

impl Bars {
    /// Where each text goes on a chart of `size`: the axis labels, then the peak's value.
    pub fn labels(&self, size: Size, measure: &dyn Fn(&str, f32, bool) -> f32) -> Vec<Label> {
        let n = self.bars.len();
        let mut placed = Vec::new();
        if n == 0 {
            return placed;
        }
        let slot = size.width / n as f32;
        let axis = |s: &str| measure(s, AXIS_SIZE, false);
        let y = size.height - LABEL_ROOM + 4.0;
        let height = AXIS_SIZE * 1.3;
        // Which bars get a label, in the order they are tried.
        let order: Vec<usize> = match self.axis {
            Axis::Sequence => {
                let widest = self.bars.iter().map(|(l, _)| axis(l)).fold(0.0, f32::max);
                let step = (1..=n).find(|s| widest + GAP <= slot * *s as f32).unwrap_or(n);
                (0..n).step_by(step).collect()
            }
            // The largest first: when not every name fits, the bars that matter most keep theirs.
            Axis::Names => {
                let mut order: Vec<usize> = (0..n).collect();
                order.sort_by_key(|i| std::cmp::Reverse(self.bars[*i].1));
                order
            }
        };
        let mut taken: Vec<(f32, f32)> = Vec::new();
        for i in order {
            let label = &self.bars[i].0;
            let text = match self.axis {
                Axis::Sequence => label.clone(),
                // Shortened to its bar, but never below four letters: a stub like "강…" names
                // nobody, so a short name may reach over unlabelled neighbours instead.
                Axis::Names => fit(label, (slot - GAP).max(axis(&shortened(label, 4))), &axis),
            };
            let width = axis(&text);
            let centre = i as f32 * slot + slot / 2.0;
            let left = (centre - width / 2.0).clamp(0.0, (size.width - width).max(0.0));
            let right = left + width;
            if width > size.width || taken.iter().any(|(l, r)| left < r + GAP && *l < right + GAP) {
                continue;
            }
            taken.push((left, right));
            placed.push(Label {
                text,
                rect: Rectangle::new(Point::new(left, y), Size::new(width, height)),
                size: AXIS_SIZE,
                bold: false,
            });
        }
        placed.sort_by(|a, b| a.rect.x.total_cmp(&b.rect.x));
        let peak = self.peak();
        if let Some(i) = self.bars.iter().position(|(_, v)| *v == peak && peak > 0) {
            let text = fit(&self.peak_label, size.width, &|s| measure(s, PEAK_SIZE, true));
            let width = measure(&text, PEAK_SIZE, true);
            let centre = i as f32 * slot + slot / 2.0;
            let left = (centre - width / 2.0).clamp(0.0, (size.width - width).max(0.0));
            placed.push(Label {
                text,
                rect: Rectangle::new(Point::new(left, 2.0), Size::new(width, PEAK_SIZE * 1.3)),
                size: PEAK_SIZE,
                bold: true,
            });
        }
        placed
    }

    fn peak(&self) -> i64 {
        self.bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1)
    }
}

/// `label` cut to its first `chars` letters and "…" (whole when it is that short).
fn shortened(label: &str, chars: usize) -> String {
    if label.chars().count() <= chars { label.to_string() } else { label.chars().take(chars).chain(['…']).collect() }
}

/// `label` as long as fits in `room`: whole, or shortened with "…".
fn fit(label: &str, room: f32, width: &dyn Fn(&str) -> f32) -> String {
    if width(label) <= room {
        return label.to_string();
    }
    let mut chars = label.chars().count();
    while chars > 1 {
        chars -= 1;
        let short = shortened(label, chars);
        if width(&short) <= room {
            return short;
        }
    }
    shortened(label, 1)
}

impl<M> canvas::Program<M> for Bars {
    type State = ();

    fn draw(&self, _: &(), renderer: &Renderer, _: &Theme, bounds: Rectangle, _: mouse::Cursor) -> Vec<Geometry> {
        let mut frame = Frame::new(renderer, bounds.size());
        let n = self.bars.len().max(1) as f32;
        let slot = bounds.width / n;
        let peak = self.peak();
        let room = (bounds.height - LABEL_ROOM - TOP_ROOM).max(1.0);
        let mut previous: Option<Point> = None;
        for (i, (_, value)) in self.bars.iter().enumerate() {
            let x = i as f32 * slot;
            // Whole pixels: the bar's height is the value's share of the tallest, rounded down.
            let height = (room * (*value).max(0) as f32 / peak as f32).floor();
            let width = (slot * 0.7).min(90.0);
            let bar = Rectangle::new(
                Point::new(x + (slot - width) / 2.0, TOP_ROOM + room - height),
                Size::new(width, height),
            );
            let colour = if *value == peak { theme::GREEN } else { BAR };
            if self.line {
                let dot = Point::new(x + slot / 2.0, TOP_ROOM + room - height);
                if let Some(prev) = previous {
                    frame.stroke(
                        &canvas::Path::line(prev, dot),
                        canvas::Stroke::default().with_color(theme::GREEN).with_width(2.0),
                    );
                }
                frame.fill(&canvas::Path::circle(dot, 3.0), colour);
                previous = Some(dot);
            } else {
                frame.fill_rectangle(bar.position(), bar.size(), colour);
            }
        }
        for label in self.labels(bounds.size(), &measure) {
            frame.fill_text(Text {
                content: label.text,
                position: label.rect.position(),
                color: if label.bold { theme::INK } else { theme::MUTED },
                size: label.size.into(),
                font: if label.bold { theme::BOLD } else { theme::FONT },
                ..Text::default()
            });
        }
        frame.stroke(
            &canvas::Path::line(Point::new(0.0, TOP_ROOM + room), Point::new(bounds.width, TOP_ROOM + room)),
            canvas::Stroke::default().with_color(theme::LINE).with_width(1.0),
        );
        vec![frame.into_geometry()]
    }
}

const BAR: Color = Color::from_rgb8(0x7f, 0xb8, 0x9a);

pub fn view<'a, M: 'a>(bars: Bars, height: f32) -> Element<'a, M> {
    iced::widget::canvas(bars).width(Fill).height(Length::Fixed(height)).into()
}
