//! Sync with head office from the till: the status bar's count of records not yet sent and
//! the last good sync (amber after 36 hours without one), and the manager's button on the menu
//! with its progress bar. The sync runs on a thread of its own with its own connection, like
//! `nanum sync` in another process, so selling never waits for it.

use crate::ui::pressable::button;
use chrono::{DateTime, Duration, FixedOffset};
use iced::widget::{column, container, progress_bar, row, text};
use iced::{Center, Element, Fill, Task};

use super::{App, Message};
use crate::store::{Store, SyncStatus};
use crate::sync::client::{Client, Progress, Summary, SyncError};
use crate::sync::protocol::OVERDUE_HOURS;
use crate::ui::{theme, widgets};
use crate::{explain, t};

#[derive(Debug, Clone)]
pub enum SyncMessage {
    Status(Result<SyncStatus, String>),
    Start,
    Progress(Progress),
    Finished(Result<Summary, SyncError>),
}

#[derive(Debug, Default)]
pub struct SyncState {
    pub status: Option<SyncStatus>,
    /// While a sync runs: how far it is.
    running: Option<Progress>,
    /// How the last sync started here ended: the summary, or why it stopped.
    outcome: Option<Result<String, String>>,
    ticks: u64,
    /// The store file's commit counter when the count was last read.
    seen_version: Option<i64>,
}

impl SyncState {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Whether the last good sync is too long ago (or never was).
    pub fn overdue(&self, now: DateTime<FixedOffset>) -> bool {
        self.status.as_ref().is_some_and(|s| s.last_good_sync.is_none_or(|t| now - t > Duration::hours(OVERDUE_HOURS)))
    }
}

impl App {
    /// The count from the file within a second of any commit to it (a sale here, `nanum sync`,
    /// another till), and every half minute besides, so "last sync" keeps its age.
    pub(super) fn sync_tick(&mut self) -> Task<Message> {
        self.sync.ticks += 1;
        let version =
            self.store.data_version().map_err(|e| tracing::warn!("cannot read the file's commit count: {e}")).ok();
        if version.is_some() && version == self.sync.seen_version && self.sync.ticks % 30 != 1 {
            return Task::none();
        }
        self.sync.seen_version = version;
        self.read_sync_status()
    }

    pub(super) fn sync_said_nothing(&mut self) {
        self.sync.outcome = None;
    }

    fn read_sync_status(&self) -> Task<Message> {
        let read = self.reader.run(|store| store.sync_status().map_err(|e| explain::store_error(&e)));
        Task::perform(read, |r| Message::Sync(SyncMessage::Status(r.unwrap_or_else(|e| Err(e.to_string())))))
    }

    pub(super) fn sync_update(&mut self, message: SyncMessage) -> Task<Message> {
        match message {
            SyncMessage::Status(Ok(status)) => {
                self.sync.status = Some(status);
                Task::none()
            }
            SyncMessage::Status(Err(e)) => {
                tracing::warn!("cannot read the sync status: {e}");
                Task::none()
            }
            SyncMessage::Start => self.start_sync(),
            SyncMessage::Progress(p) => {
                self.sync.running = Some(p);
                Task::none()
            }
            SyncMessage::Finished(result) => {
                self.sync.running = None;
                self.sync.outcome = Some(result.as_ref().map(explain::sync_summary).map_err(explain::sync_error));
                self.read_sync_status()
            }
        }
    }

    fn start_sync(&mut self) -> Task<Message> {
        let manager = self.manager_on_duty();
        if !manager || self.sync.is_running() {
            return Task::none();
        }
        let central = self.config.sync.central.trim().to_string();
        if central.is_empty() {
            self.sync.outcome = Some(Err(t!("sync-not-joined")));
            return Task::none();
        }
        let token_file = self.config.sync.token_file(&self.paths);
        let token = match std::fs::read_to_string(&token_file) {
            Ok(token) => token,
            Err(e) => {
                let reason = explain::io_error(&e);
                self.sync.outcome =
                    Some(Err(t!("sync-no-token", path = token_file.display().to_string(), reason = reason)));
                return Task::none();
            }
        };
        let settings = self.config.sync.settings(&central, &token);
        let path = self.store.path().to_path_buf();
        let clock = self.clock.clone();
        let (tx, rx) = futures::channel::mpsc::unbounded();
        self.sync.running = Some(Progress::Uploading { sent: 0, total: 0 });
        self.sync.outcome = None;
        std::thread::spawn(move || {
            let progress = tx.clone();
            let result = Store::open(&path).map_err(SyncError::from).and_then(|mut store| {
                Client::new(settings).sync(
                    &mut store,
                    || clock(),
                    |p| {
                        let _ = progress.unbounded_send(SyncMessage::Progress(p));
                    },
                )
            });
            let _ = tx.unbounded_send(SyncMessage::Finished(result));
        });
        Task::run(rx, Message::Sync)
    }

    /// The status bar's piece: records waiting and the last good sync.
    /// What the status bar says of sync: the records waiting, and (unless `narrow`) when head
    /// office last took them.
    pub(super) fn sync_label(&self, narrow: bool) -> Option<String> {
        let status = self.sync.status.as_ref()?;
        let waiting = t!("sync-status-unsynced", count = crate::domain::Won::new(status.unsynced).grouped());
        if narrow {
            return Some(waiting);
        }
        let last = match status.last_good_sync {
            Some(t) => t!("sync-status-last", time = t.format("%m-%d %H:%M").to_string()),
            None => t!("sync-status-never"),
        };
        Some(format!("{waiting} · {last}"))
    }

    /// The manager's strip under the menu: where sync stands, the button, the progress bar.
    pub(super) fn sync_panel(&self) -> Element<'_, Message> {
        let mut lines = column![].spacing(8);
        let state = match &self.sync.status {
            Some(s) => {
                let last = match s.last_good_sync {
                    Some(t) => t!("sync-status-last", time = t.format("%Y-%m-%d %H:%M").to_string()),
                    None => t!("sync-status-never"),
                };
                format!(
                    "{} · {last}",
                    t!("sync-status-unsynced", count = crate::domain::Won::new(s.unsynced).grouped())
                )
            }
            None => String::new(),
        };
        let mut head = row![widgets::label(state).width(Fill)].spacing(12).align_y(Center);
        let start = (!self.sync.is_running()).then_some(Message::Sync(SyncMessage::Start));
        head = head.push(
            button(text(t!("sync-button")).size(theme::BODY).align_y(Center).height(Fill))
                .height(self.layout.key_height())
                .padding([0, 20])
                .style(theme::primary)
                .on_press_maybe(start),
        );
        head = head.push(
            button(text(t!("diagnostics-button")).size(theme::BODY).align_y(Center).height(Fill))
                .height(self.layout.key_height())
                .padding([0, 20])
                .style(theme::key)
                .on_press(Message::SaveDiagnostics),
        );
        lines = lines.push(head);
        match &self.sync.running {
            Some(Progress::Uploading { sent, total }) => {
                let total = (*total).max(1);
                lines = lines.push(progress_bar(0.0..=total as f32, *sent as f32).girth(16));
                let (sent, total) =
                    (crate::domain::Won::new(*sent).grouped(), crate::domain::Won::new(total).grouped());
                lines = lines.push(widgets::muted(t!("sync-running", sent = sent, total = total)));
            }
            Some(Progress::Retrying { attempt, .. }) => {
                lines = lines.push(widgets::muted(t!("sync-retrying", attempt = *attempt)));
            }
            Some(Progress::Reference) => {
                lines = lines.push(progress_bar(0.0..=1.0, 1.0).girth(16));
                lines = lines.push(widgets::muted(t!("sync-reference")));
            }
            None => {}
        }
        if let Some(outcome) = &self.sync.outcome {
            lines = lines.push(match outcome {
                Ok(summary) => widgets::banner(summary, false),
                Err(why) => widgets::banner(why, true),
            });
        }
        match &self.diagnostics {
            Some(Ok(path)) => {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                lines = lines.push(widgets::banner(t!("diagnostics-saved", name = name), false));
            }
            Some(Err(why)) => lines = lines.push(widgets::banner(t!("diagnostics-failed", reason = why.clone()), true)),
            None => {}
        }
        container(lines).padding([12, 16]).width(Fill).style(theme::card).into()
    }
}
