//! 매장 설정 (managers): the store's details and receipt lines, the closing time, the discount a
//! cashier may give, the staff hold, the pricing band, the low-stock level, and the screen's
//! language. What is typed is checked by `store` (the same rules whatever calls it); saving runs
//! on the worker and is journaled with each value before and after.

use chrono::NaiveTime;
use iced::widget::{column, container, row, scrollable, text, text_input};
use iced::{Center, Element, Fill, Task};
use rust_decimal::Decimal;

use crate::i18n::{self, Lang};
use crate::store::{BadSetting, SettingsError, Store, StoreSettings};
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};
use crate::{explain, t};

pub use super::BackRoom as Context;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    BusinessNo,
    Representative,
    Address,
    Phone,
    Footer,
    ClosingTime,
    DiscountLimit,
    HoldHours,
    PriceBand,
    LowStock,
}

impl Field {
    const STORE: [Field; 6] =
        [Field::Name, Field::BusinessNo, Field::Representative, Field::Address, Field::Phone, Field::Footer];
    const RULES: [Field; 5] =
        [Field::ClosingTime, Field::DiscountLimit, Field::HoldHours, Field::PriceBand, Field::LowStock];

    pub fn id(self) -> &'static str {
        match self {
            Field::Name => "settings-name",
            Field::BusinessNo => "settings-business-no",
            Field::Representative => "settings-representative",
            Field::Address => "settings-address",
            Field::Phone => "settings-phone",
            Field::Footer => "settings-footer",
            Field::ClosingTime => "settings-closing-time",
            Field::DiscountLimit => "settings-discount-limit",
            Field::HoldHours => "settings-hold-hours",
            Field::PriceBand => "settings-price-band",
            Field::LowStock => "settings-low-stock",
        }
    }

    fn label(self) -> String {
        match self {
            Field::Name => t!("settings-name"),
            Field::BusinessNo => t!("settings-business-no"),
            Field::Representative => t!("settings-representative"),
            Field::Address => t!("settings-address"),
            Field::Phone => t!("settings-phone"),
            Field::Footer => t!("settings-footer"),
            Field::ClosingTime => t!("settings-closing-time"),
            Field::DiscountLimit => t!("settings-discount-limit"),
            Field::HoldHours => t!("settings-hold-hours"),
            Field::PriceBand => t!("settings-price-band"),
            Field::LowStock => t!("settings-low-stock"),
        }
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Typed(Field, String),
    Save,
    /// The keys that changed, or why nothing was saved.
    Saved(Result<Vec<&'static str>, String>),
    Language(Lang),
    Devices,
    Staff,
    Back,
}

pub enum Action {
    None,
    Run(Task<Message>),
    /// The settings were saved: the till reads the store's details again.
    Saved,
    Language(Lang),
    Devices,
    Staff,
    Leave,
}

pub struct Settings {
    /// The store code: printed in every receipt code, so never changed here.
    code: u16,
    values: [String; 11],
    saving: bool,
    said: Option<Result<String, String>>,
}

impl Settings {
    /// The language changed: what was said in the other one goes (the screen draws the rest
    /// in the new language).
    pub fn language_changed(&mut self) {
        self.said = None;
    }

    pub fn new(store: &Store) -> Settings {
        let mut screen = Settings { code: store.info().code, values: Default::default(), saving: false, said: None };
        match store.store_settings() {
            Ok(s) => screen.fill(&s),
            Err(e) => screen.said = Some(Err(explain::store_error(&e))),
        }
        screen
    }

    /// The settings as stored now (after the till read the store's details again), in the
    /// form they are kept: a phone number in its usual shape, a percentage without trailing zeros.
    pub fn refresh(&mut self, store: &Store) {
        if let Ok(s) = store.store_settings() {
            self.fill(&s);
        }
    }

    fn fill(&mut self, s: &StoreSettings) {
        let v = &mut self.values;
        v[Field::Name as usize] = s.name.clone();
        v[Field::BusinessNo as usize] = s.business_no.clone();
        v[Field::Representative as usize] = s.representative.clone();
        v[Field::Address as usize] = s.address.clone();
        v[Field::Phone as usize] = s.phone.clone();
        v[Field::Footer as usize] = s.receipt_footer.clone();
        v[Field::ClosingTime as usize] = s.closing_time.format("%H:%M").to_string();
        v[Field::DiscountLimit as usize] = s.discount_limit_percent.normalize().to_string();
        v[Field::HoldHours as usize] = s.hold_hours.to_string();
        v[Field::PriceBand as usize] = s.price_band_percent.normalize().to_string();
        v[Field::LowStock as usize] = s.low_stock.to_string();
    }

    fn value(&self, f: Field) -> &str {
        self.values[f as usize].trim()
    }

    /// The settings as typed, or the sentence that says which one is not a number or a time.
    fn typed(&self) -> Result<StoreSettings, String> {
        let not = |f: Field| t!("settings-not-valid", field = f.label());
        let decimal = |f: Field| self.value(f).parse::<Decimal>().map_err(|_| not(f));
        let whole = |f: Field| self.value(f).parse::<i64>().map_err(|_| not(f));
        Ok(StoreSettings {
            name: self.value(Field::Name).to_string(),
            business_no: self.value(Field::BusinessNo).to_string(),
            representative: self.value(Field::Representative).to_string(),
            address: self.value(Field::Address).to_string(),
            phone: self.value(Field::Phone).to_string(),
            receipt_footer: self.value(Field::Footer).to_string(),
            closing_time: NaiveTime::parse_from_str(self.value(Field::ClosingTime), "%H:%M")
                .map_err(|_| not(Field::ClosingTime))?,
            discount_limit_percent: decimal(Field::DiscountLimit)?,
            hold_hours: whole(Field::HoldHours)?,
            price_band_percent: decimal(Field::PriceBand)?,
            low_stock: whole(Field::LowStock)?,
        })
    }

    pub fn update(&mut self, message: Message, ctx: Context<'_>) -> Action {
        match message {
            Message::Typed(field, value) => {
                self.values[field as usize] = value;
                Action::None
            }
            Message::Save if self.saving => Action::None,
            Message::Save => {
                let settings = match self.typed() {
                    Ok(settings) => settings,
                    Err(why) => {
                        self.said = Some(Err(why));
                        return Action::None;
                    }
                };
                self.saving = true;
                let (manager, now) = (ctx.staff.clone(), ctx.now);
                let save = ctx.worker.call(move |store| store.change_settings(&settings, &manager, now));
                Action::Run(Task::perform(save, |saved| Message::Saved(saved.map_err(|e| settings_error(&e)))))
            }
            Message::Saved(Ok(changed)) => {
                self.saving = false;
                self.said = Some(Ok(if changed.is_empty() {
                    t!("settings-unchanged")
                } else {
                    let names: Vec<String> = changed.iter().filter_map(|key| field_of(key)).map(Field::label).collect();
                    t!("settings-saved", fields = names.join(", "))
                }));
                if changed.is_empty() { Action::None } else { Action::Saved }
            }
            Message::Saved(Err(why)) => {
                self.saving = false;
                self.said = Some(Err(why));
                Action::None
            }
            Message::Language(lang) => Action::Language(lang),
            Message::Devices => Action::Devices,
            Message::Staff => Action::Staff,
            Message::Back => Action::Leave,
        }
    }

    pub fn view(&self, layout: Layout) -> Element<'_, Message> {
        let input = |f: Field| -> Element<'_, Message> {
            let field = text_input("", &self.values[f as usize])
                .id(f.id())
                .size(theme::BODY)
                .padding(10)
                .on_input(move |v| Message::Typed(f, v))
                .on_submit(Message::Save);
            column![widgets::label(f.label()).size(theme::SMALL), field].spacing(4).width(Fill).into()
        };
        let columns = if layout.width >= 1000.0 { 3 } else { 2 };
        let section = |title: String, fields: &[Field]| {
            column![
                text(widgets::keep_words(&title)).size(theme::BODY).font(theme::BOLD),
                widgets::grid(fields.iter().map(|f| input(*f)).collect(), columns)
            ]
            .spacing(8)
        };
        let lang = i18n::language();
        let language = row![
            widgets::label(t!("settings-language")).width(Fill),
            widgets::choice("한국어", theme::BODY, lang == Lang::Ko, Some(Message::Language(Lang::Ko)), 48.0)
                .width(140),
            widgets::choice("English", theme::BODY, lang == Lang::En, Some(Message::Language(Lang::En)), 48.0)
                .width(140),
        ]
        .spacing(12)
        .align_y(Center);
        let form = column![
            section(t!("settings-store"), &Field::STORE),
            section(t!("settings-rules"), &Field::RULES),
            language,
            widgets::muted(t!("settings-code", code = format!("{:03}", self.code))),
        ]
        .spacing(20)
        .padding([0, 16]);
        // The message slot is always there, so the buttons under it never move.
        let said: Element<'_, Message> = match &self.said {
            Some(Ok(said)) => widgets::banner(said, false),
            Some(Err(why)) => widgets::banner(why, true),
            None => iced::widget::space().into(),
        };
        let w = if layout.narrow() { 140 } else { 170 };
        let buttons = row![
            widgets::key(t!("settings-back"), theme::BODY, Some(Message::Back)).width(w).height(56),
            widgets::key(t!("menu-devices"), theme::BODY, Some(Message::Devices)).width(w).height(56),
            widgets::key(t!("staff-title"), theme::BODY, Some(Message::Staff)).width(w).height(56),
            widgets::spacer(),
            widgets::key(t!("settings-save"), theme::BODY, (!self.saving).then_some(Message::Save))
                .style(theme::primary)
                .width(w + 20)
                .height(56),
        ]
        .spacing(12)
        .align_y(Center);
        let page = column![
            widgets::title(t!("settings-title")),
            scrollable(form).height(Fill),
            container(said).height(72).width(Fill),
            buttons
        ]
        .spacing(12);
        container(page).padding(layout.padding() * 2.0).into()
    }
}

fn field_of(key: &str) -> Option<Field> {
    Some(match key {
        "name" => Field::Name,
        "business_no" => Field::BusinessNo,
        "representative" => Field::Representative,
        "address" => Field::Address,
        "phone" => Field::Phone,
        "receipt_footer" => Field::Footer,
        "closing_time" => Field::ClosingTime,
        "discount_limit_percent" => Field::DiscountLimit,
        "hold_hours" => Field::HoldHours,
        "price_band_percent" => Field::PriceBand,
        "low_stock" => Field::LowStock,
        _ => return None,
    })
}

fn settings_error(e: &SettingsError) -> String {
    match e {
        SettingsError::Bad(bad) => match bad {
            BadSetting::Name => t!("settings-bad-name"),
            BadSetting::BusinessNo => t!("setup-error-business-no-check"),
            BadSetting::Phone => t!("settings-bad-phone"),
            BadSetting::Percent => t!("settings-bad-percent"),
            BadSetting::Hold => t!("settings-bad-hold"),
            BadSetting::LowStock => t!("settings-bad-low-stock"),
        },
        SettingsError::Store(e) => explain::store_error(e),
    }
}
