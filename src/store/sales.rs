//! Committing and reading documents: sales, refunds and voids. A document, its lines, VAT
//! split, tenders, the stock and item-tag changes it causes, any store credit it issues, its
//! journal event and the removal of the till's stored cart are one transaction: a receipt can
//! only ever be printed for a document that is on disk, and one is never half there. The
//! statements are prepared once per connection: the commit is on the counter's critical path.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use rusqlite::{OptionalExtension, Transaction, params};
use uuid::Uuid;

use super::carts::TillId;
use super::documents::{returnable, sale_by_id, vat_line};
use super::sql::time;
use super::till::TillSession;
use super::{Result, Store, StoreError, journal};
use crate::domain::sale::SaleRef;
use crate::domain::{
    Cart, CashReceipt, Customer, Line, LineKind, Payment, Sale, SaleKind, StaffMember, Tender, VatLine, Won, vat_of,
};

/// A paid cart on its way to the database.
#[derive(Debug, Clone)]
pub struct NewSale<'a> {
    pub cart: &'a Cart,
    pub payment: &'a Payment,
    pub staff: &'a StaffMember,
    pub at: DateTime<FixedOffset>,
    /// The till whose stored cart this was; it is removed in the same transaction.
    pub till: Option<&'a TillId>,
    /// The till session the money goes through: it must still be open when the sale commits.
    pub session: &'a TillSession,
    pub customer: Customer,
    pub cash_receipt: Option<&'a CashReceipt>,
}

impl<'a> NewSale<'a> {
    pub fn new(
        cart: &'a Cart,
        payment: &'a Payment,
        staff: &'a StaffMember,
        session: &'a TillSession,
        at: DateTime<FixedOffset>,
    ) -> NewSale<'a> {
        NewSale { cart, payment, staff, at, till: None, session, customer: Customer::Public, cash_receipt: None }
    }

    /// Rung up on `till`, whose stored cart goes with the commit.
    pub fn at_till(self, till: &'a TillId) -> NewSale<'a> {
        NewSale { till: Some(till), ..self }
    }
}

/// Why a document was refused.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SaleError {
    #[error("item {code} was priced less than {hours} hours ago: staff and volunteers cannot buy it yet")]
    OnHold { code: String, hours: i64 },
    #[error("sale {0} cannot be voided: it is from another day, already reversed, or its till is closed")]
    CannotVoid(u32),
    #[error("voucher {code} has only {balance} won left")]
    CreditSpent { code: String, balance: Won },
    #[error("more of this line is being returned than is left to return")]
    NothingLeftToReturn,
    /// The unique item was sold (on another till, sharing the file) after it was scanned here.
    #[error("item {code} was sold a moment ago on another till")]
    AlreadySold { code: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for SaleError {
    fn from(e: rusqlite::Error) -> SaleError {
        SaleError::Store(e.into())
    }
}

/// One document in a day's list: enough to find it again (by number or amount), reprint it,
/// return from it or void it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaleSummary {
    pub id: i64,
    pub kind: SaleKind,
    pub date: NaiveDate,
    pub sale_no: u32,
    pub sold_at: DateTime<FixedOffset>,
    pub staff_name: String,
    pub total: Won,
    pub items: i64,
    pub cash: bool,
    pub card: bool,
    /// Refunds and voids already made against it.
    pub reversed: Won,
}

/// The VAT given back so far on sale `original`, per class (negative amounts).
fn refunded_vat(tx: &Transaction<'_>, original: i64) -> Result<Vec<VatLine>> {
    Ok(tx
        .prepare_cached(
            "SELECT v.tax_class, v.rate_percent, sum(v.gross), sum(v.supply), sum(v.vat)
             FROM sale_vat v JOIN sales s ON s.id = v.sale_id WHERE s.refers_to = ?1 AND s.kind = 'refund'
             GROUP BY v.tax_class, v.rate_percent",
        )?
        .query_map([original], vat_line)?
        .collect::<rusqlite::Result<_>>()?)
}

/// A document about to be written (a sale, a refund or a void).
pub(super) struct NewDoc<'a> {
    pub kind: SaleKind,
    pub lines: Vec<Line>,
    pub payment: Payment,
    pub staff: &'a StaffMember,
    pub approved_by: Option<&'a StaffMember>,
    pub refers_to: Option<(i64, SaleRef)>,
    pub customer: Customer,
    pub cash_receipt: Option<&'a CashReceipt>,
    pub session: &'a TillSession,
    pub till: Option<&'a TillId>,
    pub at: DateTime<FixedOffset>,
}

impl Store {
    pub fn commit_sale(&mut self, sale: NewSale<'_>) -> Result<Sale, SaleError> {
        Ok(self.commit_sales(std::iter::once(sale))?.remove(0))
    }

    /// Commits several sales in one transaction (the demo history; a till catching up).
    pub fn commit_sales<'a>(&mut self, sales: impl IntoIterator<Item = NewSale<'a>>) -> Result<Vec<Sale>, SaleError> {
        self.write(|tx| {
            let mut committed = Vec::new();
            for s in sales {
                if s.cart.is_empty() {
                    return Err(StoreError::Refused("an empty sale cannot be committed".into()).into());
                }
                if s.payment.paid() != s.cart.total() {
                    let problem =
                        format!("the payment ({}) does not match the total ({})", s.payment.paid(), s.cart.total());
                    return Err(StoreError::Refused(problem).into());
                }
                if s.customer != Customer::Public {
                    let hold = super::catalog::policy_in(tx)?.hold;
                    if let Some(code) = on_hold(tx, s.cart.lines(), s.at, hold)? {
                        return Err(SaleError::OnHold { code, hours: hold.num_hours() });
                    }
                }
                // Two tills may take the same voucher: its balance is checked where it is spent.
                for t in s.payment.tenders.iter().filter(|t| t.kind == crate::domain::TenderKind::StoreCredit) {
                    let code = t.reference.clone().unwrap_or_default();
                    let balance = super::credit::credit_in(tx, &code)?.map_or(Won::ZERO, |c| c.balance);
                    if t.amount > balance {
                        return Err(SaleError::CreditSpent { code, balance });
                    }
                }
                let doc = NewDoc {
                    kind: SaleKind::Sale,
                    lines: s.cart.lines().to_vec(),
                    payment: s.payment.clone(),
                    staff: s.staff,
                    approved_by: None,
                    refers_to: None,
                    customer: s.customer,
                    cash_receipt: s.cash_receipt,
                    session: s.session,
                    till: s.till,
                    at: s.at,
                };
                committed.push(insert_doc(tx, doc)?);
            }
            Ok(committed)
        })
    }

    pub fn sale(&self, date: NaiveDate, sale_no: u32) -> Result<Option<Sale>> {
        let id: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM sales WHERE business_date = ?1 AND sale_no = ?2")?
            .query_row(params![date.to_string(), sale_no], |r| r.get(0))
            .optional()?;
        id.map(|id| self.read(|conn| sale_by_id(conn, id))).transpose()
    }

    pub fn sale_by_id(&self, id: i64) -> Result<Sale> {
        self.read(|conn| sale_by_id(conn, id))
    }

    /// The most recent document of `date`, if any.
    pub fn last_sale_no(&self, date: NaiveDate) -> Result<Option<u32>> {
        Ok(self
            .conn
            .query_row("SELECT max(sale_no) FROM sales WHERE business_date = ?1", [date.to_string()], |r| r.get(0))?)
    }

    /// Every document of `date`, newest first.
    pub fn sales_of(&self, date: NaiveDate) -> Result<Vec<SaleSummary>> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT s.id, s.kind, s.sale_no, s.sold_at, st.name, s.total,
                        (SELECT coalesce(sum(quantity), 0) FROM sale_lines WHERE sale_id = s.id AND kind != 'donation'),
                        EXISTS (SELECT 1 FROM tenders WHERE sale_id = s.id AND kind = 'cash'),
                        EXISTS (SELECT 1 FROM tenders WHERE sale_id = s.id AND kind = 'card'),
                        (SELECT coalesce(sum(total), 0) FROM sales r WHERE r.refers_to = s.id)
                 FROM sales s JOIN staff st ON st.id = s.staff_id
                 WHERE s.business_date = ?1 ORDER BY s.sale_no DESC",
            )?;
            let rows = stmt.query_map([date.to_string()], |r| {
                Ok(SaleSummary {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    date,
                    sale_no: r.get(2)?,
                    sold_at: time(r, 3)?,
                    staff_name: r.get(4)?,
                    total: r.get(5)?,
                    items: r.get(6)?,
                    cash: r.get(7)?,
                    card: r.get(8)?,
                    reversed: -r.get::<_, Won>(9)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// How much of each line of sale `id` is still there to return (after earlier refunds).
    pub fn returnable(&self, id: i64) -> Result<Vec<i32>> {
        self.read(|conn| returnable(conn, id))
    }
}

/// The first line that staff may not buy yet: an item tagged less than `hold` ago.
fn on_hold(tx: &Transaction<'_>, lines: &[Line], at: DateTime<FixedOffset>, hold: Duration) -> Result<Option<String>> {
    for line in lines.iter().filter(|l| l.kind == LineKind::ItemTag) {
        let Some(code) = &line.code else { continue };
        let tagged: Option<Option<DateTime<FixedOffset>>> = tx
            .prepare_cached("SELECT tagged_at FROM item_tags WHERE code = ?1")?
            .query_row([code], |r| r.get::<_, Option<super::sql::Time>>(0).map(|t| t.map(|t| t.0)))
            .optional()?;
        if let Some(Some(tagged)) = tagged
            && at - tagged < hold
        {
            return Ok(Some(code.clone()));
        }
    }
    Ok(None)
}

/// Writes a document with its lines, VAT split and tenders, the stock and item-tag changes,
/// and its journal event.
pub(super) fn insert_doc(tx: &Transaction<'_>, doc: NewDoc<'_>) -> Result<Sale, SaleError> {
    let NewDoc { kind, lines, payment, staff, approved_by, refers_to, customer, cash_receipt, session, till, at } = doc;
    // Every document goes through a till session that is open now, or it would be missing
    // from the till's X and Z reports.
    super::till::require_open(tx, session)?;
    let total: Won = lines.iter().map(Line::amount).sum();
    let business_date = at.date_naive();
    let day = business_date.to_string();
    let sale_no: u32 = tx
        .prepare_cached("SELECT coalesce(max(sale_no), 0) + 1 FROM sales WHERE business_date = ?1")?
        .query_row([&day], |r| r.get(0))?;
    let uuid = Uuid::now_v7().to_string();
    let receipt_json = cash_receipt.map(|r| serde_json::to_string(r).expect("a cash receipt serializes"));
    tx.prepare_cached(
        "INSERT INTO sales (uuid, business_date, sale_no, sold_at, staff_id, total, change_given, kind, refers_to,
                            session_id, till, customer, cash_receipt, approved_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        uuid,
        day,
        sale_no,
        at.to_rfc3339(),
        staff.id,
        total,
        payment.change,
        kind,
        refers_to.as_ref().map(|r| r.0),
        session.id,
        till.map(|t| t.0.as_str()),
        customer,
        receipt_json,
        approved_by.map(|m| m.id),
    ])?;
    let sale_id = tx.last_insert_rowid();
    let mut insert_line = tx.prepare_cached(
        "INSERT INTO sale_lines (uuid, sale_id, line_no, kind, code, name_ko, name_en, category, tax_class,
             tax_rate_percent, list_price, unit_price, quantity, amount, weeks_on_floor, markdown_percent, pull,
             discount, discount_reason, refers_line)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
    )?;
    for (line_no, line) in lines.iter().enumerate() {
        let markdown = line.markdown.as_ref();
        insert_line.execute(params![
            Uuid::now_v7().to_string(),
            sale_id,
            line_no as i64 + 1,
            line.kind,
            line.code,
            line.name_ko,
            line.name_en,
            line.category,
            (line.is_goods()).then_some(line.tax_class.as_str()),
            line.tax_rate_percent.to_string(),
            line.list_price,
            line.unit_price,
            line.quantity,
            line.amount(),
            markdown.map(|m| m.weeks_on_floor),
            markdown.map(|m| m.percent_off.to_string()),
            markdown.is_some_and(|m| m.pull),
            line.discount,
            line.discount_reason,
            line.refers_line,
        ])?;
        goods_moved(tx, line, sale_id, refers_to.as_ref().map(|r| r.0))?;
    }
    let vat = match (&refers_to, kind) {
        (Some((original, _)), SaleKind::Refund) => {
            crate::domain::tax::continuing(&refunded_vat(tx, *original)?, vat_of(&lines))
        }
        _ => vat_of(&lines),
    };
    let mut insert_vat = tx.prepare_cached(
        "INSERT INTO sale_vat (sale_id, tax_class, rate_percent, gross, supply, vat) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for v in &vat {
        insert_vat.execute(params![sale_id, v.class, v.rate_percent.to_string(), v.gross, v.supply, v.vat])?;
    }
    let mut insert_tender = tx.prepare_cached(
        "INSERT INTO tenders (sale_id, tender_no, kind, amount, tendered, reference) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, t) in payment.tenders.iter().enumerate() {
        insert_tender.execute(params![sale_id, i as i64 + 1, t.kind, t.amount, t.tendered, t.reference])?;
    }
    super::day_totals::add_document(
        tx,
        &super::day_totals::DocFigures {
            day: &day,
            kind,
            has_cash_receipt: cash_receipt.is_some(),
            total: total.get(),
            lines: &lines,
            vat: &vat,
            payment: &payment,
        },
    )?;
    if let Some(till) = till {
        super::carts::discard_open(tx, till)?;
        // The receipt is owed from this moment: a till that stops before it prints finds it.
        super::papers::owe_receipt(tx, sale_id, till, at)?;
    }
    let sale = Sale {
        id: sale_id,
        uuid,
        kind,
        business_date,
        sale_no,
        sold_at: at,
        staff_id: staff.id,
        staff_name: staff.name.clone(),
        approved_by: approved_by.map(|m| m.name.clone()),
        refers_to: refers_to.map(|r| r.1),
        customer,
        cash_receipt: cash_receipt.cloned(),
        session: Some(session.uuid.clone()),
        lines,
        vat,
        payment,
        total,
    };
    journal::append(tx, kind.event(), &sale, Some(staff.id), at)?;
    Ok(sale)
}

/// The stock and item-tag changes a line makes: sold goods leave, returned goods come back.
fn goods_moved(tx: &Transaction<'_>, line: &Line, sale_id: i64, original: Option<i64>) -> Result<(), SaleError> {
    match (line.kind, &line.code) {
        (LineKind::ItemTag, Some(code)) if line.quantity > 0 => {
            let marked = tx
                .prepare_cached("UPDATE item_tags SET sold_in = ?1 WHERE code = ?2 AND sold_in IS NULL")?
                .execute(params![sale_id, code])?;
            if marked != 1 {
                let known: bool = tx
                    .prepare_cached("SELECT count(*) > 0 FROM item_tags WHERE code = ?1")?
                    .query_row([code], |r| r.get(0))?;
                return Err(match known {
                    true => SaleError::AlreadySold { code: code.clone() },
                    false => StoreError::Refused(format!("item {code} is unknown")).into(),
                });
            }
        }
        (LineKind::ItemTag, Some(code)) => {
            // Back on the floor.
            tx.prepare_cached("UPDATE item_tags SET sold_in = NULL WHERE code = ?1 AND sold_in = ?2")?
                .execute(params![code, original])?;
        }
        (LineKind::Stock, Some(ean)) => {
            tx.prepare_cached("UPDATE stock_items SET on_hand = on_hand - ?1 WHERE ean = ?2")?
                .execute(params![line.quantity, ean])?;
        }
        _ => {}
    }
    Ok(())
}

/// How a document's tenders pay back `amount` (positive): to the tenders of the original in
/// reverse order, each up to what it paid (cash last paid, first back; a voucher re-credited).
pub(super) fn back_to_tenders(original: &Payment, amount: Won) -> Payment {
    let mut left = amount;
    let mut tenders = Vec::new();
    for t in original.tenders.iter().rev() {
        if !left.is_positive() {
            break;
        }
        let part = t.amount.min(left);
        if part.is_positive() {
            tenders.push(Tender { kind: t.kind, amount: -part, tendered: -part, reference: t.reference.clone() });
            left -= part;
        }
    }
    tenders.reverse();
    Payment { tenders, change: Won::ZERO }
}
