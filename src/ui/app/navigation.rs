//! Going from screen to screen: the one guard every way off a screen goes through (someone, or
//! a manager, on duty, and no sale half rung up), the screens opened that way, signing out.

use iced::Task;

use super::{App, Message};
use crate::domain::Role;
use crate::ui::screen::{Screen, audit, checkout, login, till};
use crate::{demo, explain};

/// Who a screen is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Needs {
    Someone,
    Manager,
}

impl App {
    /// Signs the person out (journaled on the worker, after `first`) and shows the login.
    pub(super) fn sign_out(&mut self, first: Task<checkout::Message>) -> Task<Message> {
        let mut tasks = vec![first.discard()];
        if let Some(member) = self.on_duty.take() {
            let now = self.now;
            tasks.push(Task::perform(self.worker.call(move |store| store.sign_out(&member, now)), Message::Saved));
        }
        self.screen = Screen::Login(login::Login::new(&self.store, self.burst(), self.now));
        Task::batch(tasks)
    }

    pub(super) fn open_checkout(&mut self) -> Task<Message> {
        let codes =
            if self.store.info().is_demo { demo::sample_codes(&self.store, self.now.date_naive()) } else { Vec::new() };
        let owed = self.owed_from_before();
        self.screen = Screen::Checkout(checkout::Checkout::new(
            &self.store,
            &self.till,
            self.now.date_naive(),
            codes,
            self.burst(),
            self.config.printer.columns,
            owed,
        ));
        checkout::Checkout::focus().map(Message::Checkout)
    }

    /// The receipts owed since before this till started and not answered yet. A receipt of
    /// this run still printing (or failed, in the print jobs panel) is not among them.
    fn owed_from_before(&mut self) -> Vec<crate::store::OwedReceipt> {
        if self.owed_at_start.is_empty() {
            return Vec::new();
        }
        match self.store.owed_receipts(&self.till) {
            Ok(all) => {
                let owed: Vec<_> = all.into_iter().filter(|o| self.owed_at_start.contains(&o.sale_id)).collect();
                // Skipped (or printed) meanwhile: not asked again.
                self.owed_at_start.retain(|id| owed.iter().any(|o| o.sale_id == *id));
                owed
            }
            Err(e) => {
                tracing::warn!("cannot read the receipts owed: {e}");
                self.notice = Some(explain::store_error(&e));
                Vec::new()
            }
        }
    }

    pub(super) fn manager_on_duty(&self) -> bool {
        self.on_duty.as_ref().is_some_and(|s| s.role == Role::Manager)
    }

    /// Whether the screen may change to one that `needs` someone (or a manager) on duty: the
    /// one guard every way off a screen goes through, so a sale half rung up is never left.
    pub(super) fn can_leave(&self, needs: Needs) -> bool {
        let allowed = match needs {
            Needs::Someone => self.on_duty.is_some(),
            Needs::Manager => self.manager_on_duty(),
        };
        allowed && !matches!(&self.screen, Screen::Checkout(c) if !c.cart().is_empty())
    }

    /// The work menu, from a screen with nothing half done.
    pub(super) fn open_menu(&mut self) -> Task<Message> {
        if !self.can_leave(Needs::Someone) {
            return Task::none();
        }
        self.screen = Screen::Menu;
        self.diagnostics = None;
        Task::none()
    }

    /// The audit log, for a manager on duty, from the checkout between sales, the till screen
    /// or the work menu.
    pub(super) fn open_audit(&mut self) -> Task<Message> {
        if !self.can_leave(Needs::Manager) {
            return Task::none();
        }
        match &self.screen {
            Screen::Checkout(checkout) if checkout.cart().is_empty() => {}
            Screen::Till(_) | Screen::Menu => {}
            _ => return Task::none(),
        }
        let columns = self.config.printer.columns;
        self.screen = Screen::Audit(audit::Audit::new(&self.store, self.now.date_naive(), columns));
        Task::none()
    }

    /// The till screen, for whoever is on duty (any cashier opens and closes a till).
    pub(super) fn open_till(&mut self) -> Task<Message> {
        if !self.can_leave(Needs::Someone) {
            return Task::none();
        }
        let manager = self.manager_on_duty();
        let (screen, task) = till::TillScreen::new(&self.store, &self.till, manager);
        self.screen = Screen::Till(screen);
        task.map(Message::Till)
    }
}
