//! The print jobs panel, opened from the status bar when a paper did not print: each failed job
//! with why, and what can be done — print it again, or set it aside (its sale stays; a copy can
//! be reprinted from the sale). A paper that opens the cash drawer (a cash sale's receipt) is
//! printed again only with a manager's approval at that moment, which the journal records; with
//! nobody signed in it cannot be printed again at all.

use crate::ui::pressable::button;
use chrono::{DateTime, FixedOffset};
use iced::widget::{column, container, row, text};
use iced::{Center, Element, Fill, Task};

use crate::domain::StaffMember;
use crate::hardware::queue::{JobId, JobState, PrintQueue};
use crate::store::{Approval, Store, Worker};
use crate::ui::approval::{self, ApprovalPanel, Outcome};
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};
use crate::{explain, t};

#[derive(Debug, Clone)]
pub enum Message {
    Retry(JobId),
    Dismiss(JobId),
    Approval(approval::Message),
    Close,
}

pub enum Action {
    None,
    Run(Task<Message>),
    Close,
}

#[derive(Default)]
pub struct JobsPanel {
    /// A drawer-opening job waiting for a manager.
    approving: Option<(JobId, ApprovalPanel)>,
}

/// What the panel needs from the till for one update.
pub struct Context<'a> {
    pub store: &'a Store,
    pub worker: &'a Worker,
    pub queue: &'a PrintQueue,
    pub on_duty: Option<&'a StaffMember>,
    pub now: DateTime<FixedOffset>,
}

/// The panel closes once no paper is left failed: the screen under it shows how printing goes.
fn close_when_done(queue: &PrintQueue) -> Action {
    if queue.jobs().iter().any(|j| matches!(j.state, JobState::Failed(_))) { Action::None } else { Action::Close }
}

impl JobsPanel {
    /// Asks to print `job` again: at once, or after a manager approves if it opens the drawer.
    pub fn retry(&mut self, job: JobId, ctx: Context<'_>) -> Action {
        let Some(view) = ctx.queue.job(job) else { return Action::None };
        if !view.opens_drawer {
            ctx.queue.retry(job);
            return close_when_done(ctx.queue);
        }
        if ctx.on_duty.is_none() {
            return Action::None;
        }
        let panel = ApprovalPanel::new(
            ctx.store,
            Approval::DrawerRetry { paper: job as i64, title: view.title.clone() },
            t!("jobs-approve-title", title = view.title),
        );
        let focus = panel.focus().map(Message::Approval);
        self.approving = Some((job, panel));
        Action::Run(focus)
    }

    pub fn update(&mut self, message: Message, ctx: Context<'_>) -> Action {
        match message {
            Message::Retry(job) => self.retry(job, ctx),
            Message::Dismiss(job) => {
                ctx.queue.dismiss(job);
                close_when_done(ctx.queue)
            }
            Message::Approval(message) => {
                let (Some((job, panel)), Some(asked)) = (&mut self.approving, ctx.on_duty) else { return Action::None };
                match panel.update(message, ctx.worker, asked, ctx.now) {
                    Outcome::None => Action::None,
                    Outcome::Run(task) => Action::Run(task.map(Message::Approval)),
                    Outcome::Cancelled => {
                        self.approving = None;
                        Action::None
                    }
                    Outcome::Approved(_) => {
                        ctx.queue.retry(*job);
                        self.approving = None;
                        close_when_done(ctx.queue)
                    }
                }
            }
            Message::Close => Action::Close,
        }
    }

    pub fn view<'a>(&'a self, queue: &PrintQueue, signed_in: bool, layout: Layout) -> Element<'a, Message> {
        if let Some((_, panel)) = &self.approving {
            return container(container(panel.view(layout).map(Message::Approval)).max_width(640))
                .padding([12, 16])
                .center_x(Fill)
                .height(Fill)
                .style(theme::panel)
                .into();
        }
        let rows: Vec<Element<'a, Message>> = queue
            .jobs()
            .into_iter()
            .filter(|j| j.state != JobState::Printed)
            .map(|job| {
                let state = match &job.state {
                    JobState::Failed(e) => explain::print_error(e),
                    JobState::Waiting | JobState::Printing => t!("jobs-waiting"),
                    JobState::Printed => String::new(),
                };
                let failed = matches!(job.state, JobState::Failed(_));
                let retry_label = if job.opens_drawer { t!("jobs-retry-manager") } else { t!("pay-print-retry") };
                let can_retry = failed && (!job.opens_drawer || signed_in);
                row![
                    text(job.title.clone()).size(theme::BODY).width(220),
                    text(state).size(theme::SMALL).width(Fill),
                    button(text(retry_label).size(theme::SMALL).align_y(Center).height(Fill))
                        .style(theme::key)
                        .height(44)
                        .padding([0, 12])
                        .on_press_maybe(can_retry.then_some(Message::Retry(job.id))),
                    button(text(t!("jobs-dismiss")).size(theme::SMALL).align_y(Center).height(Fill))
                        .style(theme::key)
                        .height(44)
                        .padding([0, 12])
                        .on_press_maybe(failed.then_some(Message::Dismiss(job.id))),
                ]
                .spacing(12)
                .align_y(Center)
                .into()
            })
            .collect();
        let mut panel = column![
            row![
                text(t!("jobs-title")).size(theme::BODY).font(theme::BOLD),
                widgets::spacer(),
                button(text(t!("jobs-close")).size(theme::SMALL).align_y(Center).height(Fill))
                    .style(theme::key)
                    .padding([8, 14])
                    .height(crate::ui::layout::TOUCH)
                    .on_press(Message::Close),
            ]
            .align_y(Center),
            column(rows).spacing(6)
        ]
        .spacing(8);
        if !signed_in && queue.jobs().iter().any(|j| j.opens_drawer && matches!(j.state, JobState::Failed(_))) {
            panel = panel.push(widgets::muted(t!("jobs-sign-in-for-drawer")));
        }
        container(panel).padding([12, 16]).width(Fill).height(Fill).style(theme::panel).into()
    }
}
