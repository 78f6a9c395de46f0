//! The till's buttons: iced's button, marked so a test can find every one on a screen (where it
//! is, how tall) through the same widget operations `iced_test` uses to find text. The mark
//! changes nothing a person sees or does.

use std::any::Any;

use iced::advanced::widget::{Operation, Tree, tree};
use iced::advanced::{Clipboard, Layout, Shell, Widget, layout, mouse, overlay, renderer};
use iced::widget::button::{Catalog, Status, Style};
use iced::{Element, Event, Length, Padding, Rectangle, Size, Theme, Vector};

/// What a test finds where a button is (a `Custom` candidate whose state is this).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pressable {
    /// It does something when pressed (a button shown greyed out does not).
    pub enabled: bool,
}

/// A button: iced's, with the same builder methods the screens use.
pub struct Button<'a, M> {
    inner: iced::widget::Button<'a, M>,
    enabled: bool,
}

pub fn button<'a, M: Clone + 'a>(content: impl Into<Element<'a, M>>) -> Button<'a, M> {
    Button { inner: iced::widget::button(content), enabled: false }
}

impl<'a, M: Clone + 'a> Button<'a, M> {
    pub fn on_press(self, message: M) -> Self {
        Button { inner: self.inner.on_press(message), enabled: true }
    }

    pub fn on_press_maybe(self, message: Option<M>) -> Self {
        let enabled = message.is_some();
        Button { inner: self.inner.on_press_maybe(message), enabled }
    }

    pub fn padding(self, padding: impl Into<Padding>) -> Self {
        Button { inner: self.inner.padding(padding), ..self }
    }

    pub fn width(self, width: impl Into<Length>) -> Self {
        Button { inner: self.inner.width(width), ..self }
    }

    pub fn height(self, height: impl Into<Length>) -> Self {
        Button { inner: self.inner.height(height), ..self }
    }

    pub fn style(self, style: impl Fn(&Theme, Status) -> Style + 'a) -> Self
    where
        <Theme as Catalog>::Class<'a>: From<Box<dyn Fn(&Theme, Status) -> Style + 'a>>,
    {
        Button { inner: self.inner.style(style), ..self }
    }
}

impl<'a, M: Clone + 'a> From<Button<'a, M>> for Element<'a, M> {
    fn from(button: Button<'a, M>) -> Self {
        Element::new(Marked { inner: Element::from(button.inner), mark: Pressable { enabled: button.enabled } })
    }
}

struct Marked<'a, M> {
    inner: Element<'a, M>,
    mark: Pressable,
}

impl<'a, M> Widget<M, Theme, iced::Renderer> for Marked<'a, M> {
    fn size(&self) -> Size<Length> {
        self.inner.as_widget().size()
    }

    fn size_hint(&self) -> Size<Length> {
        self.inner.as_widget().size_hint()
    }

    fn layout(&mut self, tree: &mut Tree, renderer: &iced::Renderer, limits: &layout::Limits) -> layout::Node {
        self.inner.as_widget_mut().layout(tree, renderer, limits)
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut iced::Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.inner.as_widget().draw(tree, renderer, theme, style, layout, cursor, viewport);
    }

    fn tag(&self) -> tree::Tag {
        self.inner.as_widget().tag()
    }

    fn state(&self) -> tree::State {
        self.inner.as_widget().state()
    }

    fn children(&self) -> Vec<Tree> {
        self.inner.as_widget().children()
    }

    fn diff(&self, tree: &mut Tree) {
        self.inner.as_widget().diff(tree);
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        operation: &mut dyn Operation,
    ) {
        let mut mark = self.mark;
        operation.custom(None, layout.bounds(), &mut mark as &mut dyn Any);
        self.inner.as_widget_mut().operate(tree, layout, renderer, operation);
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, M>,
        viewport: &Rectangle,
    ) {
        self.inner.as_widget_mut().update(tree, event, layout, cursor, renderer, clipboard, shell, viewport);
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &iced::Renderer,
    ) -> mouse::Interaction {
        self.inner.as_widget().mouse_interaction(tree, layout, cursor, viewport, renderer)
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &iced::Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, M, Theme, iced::Renderer>> {
        self.inner.as_widget_mut().overlay(tree, layout, renderer, viewport, translation)
    }
}
