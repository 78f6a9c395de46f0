//! The audit log, for managers: a day's journal events, narrowed to one person or to what needs
//! watching (voids, refunds, approvals, the drawer opened without a sale, till differences).
//! Tapping an event opens the sale (its receipt, as printed) or the till session (its X or Z
//! report) it belongs to.

use crate::ui::pressable::button;
use chrono::{Days, NaiveDate};
use iced::widget::{column, container, pick_list, row, scrollable, text};
use iced::{Center, Element, Fill, FillPortion};

use crate::domain::StaffMember;
use crate::domain::money::signed;
use crate::hardware::receipt::{ReceiptOptions, sale_receipt};
use crate::hardware::till_report::till_report;
use crate::hardware::{Document, PrinterProfile};
use crate::store::{Entry, Store, Subject, Watch};
use crate::ui::layout::Layout;
use crate::ui::preview::Paper;
use crate::ui::{theme, widgets};
use crate::{explain, t};

#[derive(Debug, Clone)]
pub enum Message {
    PreviousDay,
    NextDay,
    Who(Who),
    Watch(Watch),
    Open(usize),
    Back,
}

/// What this screen asks the app to do.
pub type Action = super::Action<Message>;

/// Everyone, or one person, as the staff list shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who(Option<StaffMember>);

impl std::fmt::Display for Who {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Some(member) => f.write_str(&member.name),
            None => f.write_str(&t!("audit-everyone")),
        }
    }
}

pub struct Audit {
    date: NaiveDate,
    today: NaiveDate,
    people: Vec<Who>,
    who: Who,
    watch: Watch,
    entries: Vec<Entry>,
    chosen: Option<usize>,
    /// What is open, and how it looks on paper.
    paper: Option<(String, Paper)>,
    notice: Option<String>,
    columns: usize,
}

fn watch_label(watch: Watch) -> String {
    match watch {
        Watch::All => t!("audit-all"),
        Watch::Voids => t!("audit-voids"),
        Watch::Refunds => t!("audit-refunds"),
        Watch::Approvals => t!("audit-approvals"),
        Watch::DrawerOpens => t!("audit-drawer"),
        Watch::TillDifferences => t!("audit-differences"),
    }
}

/// What an event is, in words. An event this version does not describe shows its journal name.
fn kind_label(kind: &str, action: Option<&str>) -> String {
    match (kind, action) {
        ("sale.committed", _) => t!("audit-kind-sale"),
        ("sale.refunded", _) => t!("audit-kind-refund"),
        ("sale.voided", _) => t!("audit-kind-void"),
        ("approval", Some("no_sale")) => t!("audit-kind-no-sale"),
        ("approval", Some("drawer_retry")) => t!("audit-kind-drawer-retry"),
        ("approval", Some("discount")) => t!("audit-kind-approve-discount"),
        ("approval", Some("price")) => t!("audit-kind-approve-price"),
        ("approval", Some("refund")) => t!("audit-kind-approve-refund"),
        ("approval", Some("void")) => t!("audit-kind-approve-void"),
        ("approval", Some("cash_out")) => t!("audit-kind-approve-cash-out"),
        ("approval", Some("till_correction")) => t!("audit-kind-approve-correction"),
        ("approval", _) => t!("audit-kind-approval"),
        ("till.opened", _) => t!("audit-kind-till-opened"),
        ("till.closed", _) => t!("audit-kind-till-closed"),
        ("till.corrected", _) => t!("audit-kind-till-corrected"),
        ("till.cash_in", _) => t!("audit-kind-cash-in"),
        ("till.cash_out", _) => t!("audit-kind-cash-out"),
        ("drawer.test", _) => t!("audit-kind-drawer-test"),
        ("cart.cancelled", _) => t!("audit-kind-cart-cancelled"),
        ("cart.line_removed", _) => t!("audit-kind-line-removed"),
        ("cart.parked", _) => t!("audit-kind-parked"),
        ("cart.resumed", _) => t!("audit-kind-resumed"),
        ("credit.issued", _) => t!("audit-kind-credit"),
        ("staff.signed_in", _) => t!("audit-kind-signed-in"),
        ("staff.signed_out", _) => t!("audit-kind-signed-out"),
        ("items.tagged", _) => t!("audit-kind-tagged"),
        ("store.created", _) => t!("audit-kind-store-created"),
        ("settings.changed", _) => t!("audit-kind-settings"),
        (other, _) => other.to_string(),
    }
}

impl Audit {
    /// The language changed: what was said in the other one goes (the screen draws the rest
    /// in the new language).
    pub fn language_changed(&mut self) {
        self.notice = None;
    }

    pub fn new(store: &Store, today: NaiveDate, columns: usize) -> Audit {
        let mut notice = None;
        let staff = store.staff().unwrap_or_else(|e| {
            notice = Some(explain::store_error(&e));
            Vec::new()
        });
        let people = std::iter::once(Who(None)).chain(staff.into_iter().map(|s| Who(Some(s)))).collect();
        let mut audit = Audit {
            date: today,
            today,
            people,
            who: Who(None),
            watch: Watch::All,
            entries: Vec::new(),
            chosen: None,
            paper: None,
            notice,
            columns,
        };
        audit.load(store);
        audit
    }

    /// A scan here sells nothing: say so, rather than lose it quietly.
    pub fn scanned(&mut self) {
        self.notice = Some(t!("till-scan-elsewhere"));
    }

    fn load(&mut self, store: &Store) {
        self.chosen = None;
        self.paper = None;
        match store.audit(self.date, self.who.0.as_ref().map(|s| s.id), self.watch) {
            Ok(entries) => self.entries = entries,
            Err(e) => {
                self.entries.clear();
                self.notice = Some(explain::store_error(&e));
            }
        }
    }

    pub fn update(&mut self, message: Message, store: &Store) -> Action {
        match message {
            Message::PreviousDay => {
                self.date = self.date - Days::new(1);
                self.load(store);
            }
            Message::NextDay => {
                if self.date < self.today {
                    self.date = self.date + Days::new(1);
                    self.load(store);
                }
            }
            Message::Who(who) => {
                self.who = who;
                self.load(store);
            }
            Message::Watch(watch) => {
                self.watch = watch;
                self.load(store);
            }
            Message::Open(index) => {
                self.chosen = Some(index);
                self.paper = None;
                let paper = match self.entries.get(index).and_then(|e| e.subject.clone()) {
                    Some(Subject::Sale(id)) => store.sale_by_id(id).map(|sale| {
                        let title = t!("audit-showing-sale", number = format!("{:04}", sale.sale_no));
                        (
                            title,
                            sale_receipt(
                                store.info(),
                                &sale,
                                ReceiptOptions { reprint: true, ..ReceiptOptions::default() },
                            ),
                        )
                    }),
                    Some(Subject::Session(id)) => store.session_report(id).map(|report| {
                        let s = &report.session;
                        let title = t!(
                            "audit-showing-session",
                            till = s.till.clone(),
                            time = s.opened_at.format("%H:%M").to_string()
                        );
                        (title, till_report(store.info(), &report, s.opened_at, true))
                    }),
                    None => return Action::None,
                };
                match paper {
                    Ok((title, paper)) => self.show(title, &paper),
                    Err(e) => self.notice = Some(explain::store_error(&e)),
                }
            }
            Message::Back => return Action::Leave,
        }
        Action::None
    }

    fn show(&mut self, title: String, paper: &Document) {
        let profile = PrinterProfile { columns: self.columns, ..Default::default() };
        match crate::hardware::render(paper, &profile)
            .map_err(|e| e.to_string())
            .and_then(|r| crate::hardware::decode::decode(&r.bytes).map_err(|e| e.to_string()))
        {
            Ok(events) => self.paper = Some((title, Paper::new(&events, self.columns))),
            Err(e) => {
                tracing::error!("audit preview: {e}");
                self.notice = Some(t!("error-preview"));
            }
        }
    }

    pub fn view(&self, layout: Layout) -> Element<'_, Message> {
        let gap = if layout.short() { 8 } else { 12 };
        let key = |label: String, message: Option<Message>| {
            widgets::key(label, theme::SMALL + 1.0, message).height(layout.key_height())
        };
        let day = row![
            key("◀".into(), Some(Message::PreviousDay)).width(52),
            text(self.date.format("%Y-%m-%d").to_string()).size(theme::BODY).font(theme::BOLD),
            key("▶".into(), (self.date < self.today).then_some(Message::NextDay)).width(52),
            pick_list(self.people.as_slice(), Some(&self.who), Message::Who).text_size(theme::BODY).padding(10),
            widgets::spacer(),
            key(t!("audit-back"), Some(Message::Back)).width(iced::Shrink),
        ]
        .spacing(10)
        .align_y(Center);
        let watches = row(Watch::ALL.map(|w| {
            widgets::choice(
                watch_label(w),
                theme::SMALL,
                self.watch == w,
                Some(Message::Watch(w)),
                layout.wrapping_key(),
            )
            .into()
        }))
        .spacing(6);
        let rows: Vec<Element<'_, Message>> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let mut detail = Vec::new();
                if let Some(no) = e.sale_no {
                    detail.push(t!("audit-sale-no", number = format!("{no:04}")));
                }
                if let Some(manager) = &e.approved_by {
                    detail.push(t!("audit-approved-by", name = manager.clone()));
                }
                let amount = match (e.kind.as_str(), e.amount) {
                    ("till.closed", Some(d)) => t!("audit-difference", amount = signed(d)),
                    (_, Some(a)) => crate::i18n::won(a),
                    (_, None) => String::new(),
                };
                let line = row![
                    text(e.at.format("%H:%M").to_string()).size(theme::SMALL).width(48),
                    column![
                        text(kind_label(&e.kind, e.action.as_deref())).size(theme::BODY),
                        widgets::muted(
                            std::iter::once(e.staff.clone().unwrap_or_default())
                                .chain(detail)
                                .filter(|s| !s.is_empty())
                                .collect::<Vec<_>>()
                                .join(" · ")
                        ),
                    ]
                    .spacing(2)
                    .width(Fill),
                    text(amount).size(theme::BODY),
                ]
                .spacing(10)
                .align_y(Center);
                // Only what opens looks like a button; the rest reads as plain text.
                match e.subject {
                    Some(_) => button(line)
                        .padding([6, 10])
                        .width(Fill)
                        .style(if self.chosen == Some(i) { theme::primary } else { theme::key })
                        .on_press(Message::Open(i))
                        .into(),
                    None => container(line).padding([6, 10]).width(Fill).into(),
                }
            })
            .collect();
        let list: Element<'_, Message> = if rows.is_empty() {
            widgets::muted(t!("audit-none")).into()
        } else {
            scrollable(column(rows).spacing(4)).height(Fill).into()
        };
        let side: Element<'_, Message> = match &self.paper {
            Some((title, paper)) => column![
                text(title.as_str()).size(theme::BODY).font(theme::BOLD),
                scrollable(container(paper.view()).center_x(Fill).padding(8)).height(Fill),
            ]
            .spacing(6)
            .into(),
            None => widgets::muted(t!("audit-hint")).into(),
        };
        let mut page = column![day, watches].spacing(gap);
        if let Some(notice) = &self.notice {
            page = page.push(widgets::banner(notice.as_str(), true));
        }
        page.push(
            row![
                container(list).style(theme::card).padding(8).height(Fill).width(FillPortion(3)),
                container(side).style(theme::panel).padding(8).height(Fill).width(FillPortion(2)),
            ]
            .spacing(gap),
        )
        .padding(layout.padding())
        .into()
    }
}
