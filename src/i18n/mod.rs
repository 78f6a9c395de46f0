//! Every word a person reads comes from `assets/i18n/*.ftl` through this module: Korean by
//! default, English as a setting. Receipts and other printed papers are always Korean
//! ([`tr_in`] with [`Lang::Ko`]); the screen follows [`set_language`].

pub mod columns;
pub mod particles;
pub mod words;

pub use words::{won, won_signed};

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ko,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Ko => Lang::En,
            Lang::En => Lang::Ko,
        }
    }
}

pub const KO_FTL: &str = include_str!("../../assets/i18n/ko.ftl");
pub const EN_FTL: &str = include_str!("../../assets/i18n/en.ftl");

static CURRENT: AtomicU8 = AtomicU8::new(0);

fn bundles() -> &'static [FluentBundle<FluentResource>; 2] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| [bundle("ko", KO_FTL), bundle("en-US", EN_FTL)])
}

fn bundle(locale: &str, source: &str) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source.to_string()).expect("the bundled .ftl files parse");
    let mut bundle = FluentBundle::new_concurrent(vec![locale.parse().expect("a valid locale")]);
    // No Unicode isolation marks: they show up as boxes in some fonts and break tests.
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).expect("no duplicate message ids");
    bundle
        .add_function("JOSA", |args, _named| {
            let word = match args.first() {
                Some(FluentValue::String(word)) => word.to_string(),
                Some(FluentValue::Number(n)) => n.as_string().to_string(),
                _ => return FluentValue::Error,
            };
            match args.get(1) {
                Some(FluentValue::String(form)) => match particles::Particle::from_form(form) {
                    Some(p) => FluentValue::String(particles::particle(&word, p).into()),
                    None => FluentValue::Error,
                },
                _ => FluentValue::Error,
            }
        })
        .expect("JOSA is added once");
    bundle
}

pub fn set_language(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

pub fn language() -> Lang {
    if CURRENT.load(Ordering::Relaxed) == Lang::En as u8 { Lang::En } else { Lang::Ko }
}

/// Of a name kept in both languages (a category's, a product's), the one the screen shows now.
pub fn local<'a>(ko: &'a str, en: &'a str) -> &'a str {
    if language() == Lang::En { en } else { ko }
}

/// The message `id` in `lang` with `args` filled in. A missing message shows its id, so the
/// gap is visible rather than blank.
pub fn tr_in(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let bundle = &bundles()[lang as usize];
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        tracing::warn!(id, lang = lang.code(), "missing translation");
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        tracing::warn!(id, ?errors, "translation arguments");
    }
    text.into_owned()
}

/// Looks up a message in the current language: `t!("pay-cash")`, `t!("change", amount = "3,500")`.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::tr_in($crate::i18n::language(), $id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_in(
            $crate::i18n::language(),
            $id,
            &[$((stringify!($name), ::fluent_bundle::FluentValue::from($value))),+],
        )
    };
}

/// Like [`t!`] but always Korean: for receipts and other printed papers.
#[macro_export]
macro_rules! t_ko {
    ($id:literal) => {
        $crate::i18n::tr_in($crate::i18n::Lang::Ko, $id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_in(
            $crate::i18n::Lang::Ko,
            $id,
            &[$((stringify!($name), ::fluent_bundle::FluentValue::from($value))),+],
        )
    };
}
