//! How the first-run setup looks: the three ways to start, the new store's form, joining head
//! office.

use crate::ui::pressable::button;
use iced::widget::{column, container, row, scrollable, text, text_input};
use iced::{Center, Element, Fill};

use super::{FORM, Field, FirstRun, Message, Step};
use crate::t;
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};

impl FirstRun {
    pub fn view(&self, layout: Layout) -> Element<'_, Message> {
        let language = button(text(t!("status-language")).size(theme::BODY).align_y(Center))
            .height(48)
            .padding([0, 16])
            .style(theme::key)
            .on_press_maybe(self.making.is_none().then_some(Message::ToggleLanguage));
        let heading = match self.step {
            Step::Choose => t!("setup-title"),
            Step::NewStore => t!("setup-new"),
            Step::JoinHeadOffice => t!("setup-join"),
        };
        let top = row![widgets::title(heading).width(Fill), language].spacing(16).align_y(Center);
        let body = match self.step {
            Step::Choose => self.view_choose(layout),
            Step::NewStore => self.view_form(layout),
            Step::JoinHeadOffice => self.view_join(layout),
        };
        let page = column![top, body].spacing(if layout.short() { 12 } else { 20 }).max_width(1100);
        container(page).center_x(Fill).height(Fill).padding(layout.padding() * 2.0).style(theme::page).into()
    }

    pub(super) fn view_choose(&self, layout: Layout) -> Element<'_, Message> {
        let enabled = self.making.is_none();
        let tile = |title: String, detail: String, message: Message| {
            button(
                column![
                    text(widgets::keep_words(&title)).size(theme::LARGE).font(theme::BOLD),
                    widgets::label(detail).color(theme::MUTED),
                ]
                .spacing(10)
                .width(Fill),
            )
            .padding(if layout.short() { 14 } else { 20 })
            .width(Fill)
            .style(theme::key)
            .on_press_maybe(enabled.then_some(message))
        };
        // One above the other, each as tall as its words: side by side, a narrow till cut the
        // longer explanations off.
        let tiles = column![
            tile(t!("setup-join"), t!("setup-join-detail"), Message::JoinHeadOffice),
            tile(t!("setup-new"), t!("setup-new-detail"), Message::NewStore),
            tile(t!("setup-demo"), t!("setup-demo-detail"), Message::Demo),
        ]
        .spacing(if layout.short() { 10 } else { 16 });
        column![widgets::label(t!("setup-intro")), tiles, self.status_line()].spacing(16).into()
    }

    /// The message slot: always there, so nothing below or beside it moves when a message
    /// comes or goes.
    pub(super) fn status_line(&self) -> Element<'_, Message> {
        let said: Element<'_, Message> = match (&self.making, &self.problem) {
            (Some(making), _) => widgets::banner(making, false),
            (None, Some(problem)) => widgets::banner(problem, true),
            (None, None) => iced::widget::space().into(),
        };
        container(said).height(72).width(Fill).into()
    }

    pub(super) fn input(&self, f: Field) -> Element<'_, Message> {
        let mut input = text_input(&f.placeholder(), self.value(f))
            .id(f.id())
            .size(theme::BODY)
            .padding(10)
            .secure(f.is_secret())
            .on_submit(Message::Next(f));
        if self.making.is_none() {
            input = input.on_input(move |v| Message::Typed(f, v));
        }
        column![widgets::label(f.label()).size(theme::SMALL), input].spacing(4).width(Fill).into()
    }

    /// A titled group of fields, three a row where there is room (so the new-store form fits
    /// 1,024×768 unscrolled), two where there is not.
    pub(super) fn section(&self, title: String, fields: &[Field], layout: Layout) -> Element<'_, Message> {
        let columns = if layout.width >= 1000.0 { 3 } else { 2 };
        let items: Vec<Element<'_, Message>> = fields.iter().map(|f| self.input(*f)).collect();
        column![text(widgets::keep_words(&title)).size(theme::BODY).font(theme::BOLD), widgets::grid(items, columns)]
            .spacing(8)
            .into()
    }

    /// The form in a scrollable, the message slot, and Back and `go` at the bottom, where they
    /// stay whatever the form holds.
    pub(super) fn form_page<'a>(
        &'a self,
        form: Element<'a, Message>,
        go: String,
        on_go: Message,
    ) -> Element<'a, Message> {
        let enabled = self.making.is_none();
        let buttons = row![
            widgets::key(t!("setup-back"), theme::BODY, enabled.then_some(Message::Back)).width(160).height(56),
            widgets::spacer(),
            widgets::key(go, theme::BODY, enabled.then_some(on_go)).style(theme::primary).width(240).height(56),
        ]
        .align_y(Center);
        let form = container(form).padding([0, 16]);
        column![scrollable(form).id(FORM).height(Fill), self.status_line(), buttons].spacing(12).into()
    }

    pub(super) fn view_form(&self, layout: Layout) -> Element<'_, Message> {
        let form = column![
            self.section(t!("setup-store"), &Field::ALL[..Field::Manager as usize], layout),
            self.section(t!("setup-manager-title"), &Field::ALL[Field::Manager as usize..], layout),
            widgets::muted(t!("setup-defaults")),
        ]
        .spacing(20);
        self.form_page(form.into(), t!("setup-create"), Message::Create)
    }

    pub(super) fn view_join(&self, layout: Layout) -> Element<'_, Message> {
        let from = match &self.token_from {
            Some(path) => t!("setup-token-from", path = path.display().to_string()),
            None => t!("setup-token-hint"),
        };
        let find =
            widgets::key(t!("setup-find-token"), theme::BODY, self.making.is_none().then_some(Message::FindToken))
                .width(220)
                .height(48);
        let mut form = column![
            self.input(Field::Central),
            self.input(Field::Token),
            row![find, widgets::muted(from).width(Fill)].spacing(16).align_y(Center),
        ]
        .spacing(12);
        if self.join_needs_manager {
            form = form.push(self.section(t!("setup-manager-title"), &Field::JOIN[2..], layout));
        }
        self.form_page(form.into(), t!("setup-join-go"), Message::JoinHeadOffice)
    }
}
