//! The active language in the browser: which one starts, where the user's choice is kept,
//! and fetching a locale's texts when it is chosen. English ships in the wasm; the others
//! are `locales/<tag>.json` beside it, fetched only when needed. Switching changes only the
//! texts: the list, the open dialog and what was typed stay as they are.

use gloo_net::http::Request;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::config::PageSettings;
use crate::format;
use crate::i18n::{fill, segments, Catalog, Key, Locale, Message, Preferences, Segment};

/// The one `localStorage` key: the language is a preference, not a secret.
pub const STORAGE_KEY: &str = "snapshot-console.lang";

/// The console's texts, reactive: views read them through [`Language::t`].
#[derive(Clone, Copy)]
pub struct Language {
    catalog: RwSignal<Catalog>,
    /// The locale last asked for: a late file for an earlier choice is dropped.
    wanted: RwSignal<Locale>,
    /// The locale whose file could not be read, for the quiet notice.
    failed: RwSignal<Option<Locale>>,
    base: StoredValue<String>,
    /// Whether the page is the console's own (its URL and title are the console's).
    owns_url: bool,
}

impl Language {
    /// Starts in the language the host, the link, the stored choice or the browser names.
    pub fn new(settings: &PageSettings) -> Self {
        let link = settings
            .owns_url
            .then(|| {
                let search = window().location().search().ok()?;
                web_sys::UrlSearchParams::new_with_str(&search)
                    .ok()?
                    .get("lang")
            })
            .flatten();
        let stored = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
        let browser: Vec<String> = window()
            .navigator()
            .languages()
            .iter()
            .filter_map(|l| l.as_string())
            .collect();
        let first = Preferences {
            host: settings.lang,
            link: link.as_deref(),
            stored: stored.as_deref(),
            browser: &browser,
        }
        .choose();
        let language = Self {
            catalog: RwSignal::new(Catalog::english()),
            wanted: RwSignal::new(Locale::En),
            failed: RwSignal::new(None),
            base: StoredValue::new(settings.asset_base.clone().unwrap_or_default()),
            owns_url: settings.owns_url,
        };
        language.load(first);
        language
    }

    /// The text of `key` in the active language.
    pub fn t(self, key: Key) -> String {
        self.catalog.with(|c| c.text(key).to_owned())
    }

    /// The text of `key` with its `{placeholders}` filled.
    pub fn fill(self, key: Key, args: &[(&str, &str)]) -> String {
        self.catalog.with(|c| fill(c.text(key), args))
    }

    /// Plural `key`'s form for `n`, with `{count}` written as `count` (already formatted).
    pub fn count(self, key: Key, n: u64, count: &str) -> String {
        self.catalog
            .with(|c| fill(c.count(key, n), &[("count", count)]))
    }

    /// `n` with the active language's digits and grouping.
    pub fn number(self, n: usize) -> String {
        format::count(self.locale(), n as f64)
    }

    /// `message` in the active language, its numbers written the locale's way.
    pub fn render(self, message: &Message) -> String {
        self.catalog.with(|c| {
            let locale = c.locale();
            message.render(c, &|n| format::count(locale, n as f64))
        })
    }

    /// `key`'s text with each `{placeholder}` replaced by its value in bold, as a view: the
    /// names a dialog asks the user to check stand out in every language's word order.
    pub fn bold(self, key: Key, args: Vec<(&'static str, String)>) -> impl IntoView {
        move || {
            self.catalog.with(|c| {
                segments(c.text(key))
                    .into_iter()
                    .map(|segment| match segment {
                        Segment::Text(text) => text.to_owned().into_any(),
                        Segment::Slot(name) => {
                            let value = args
                                .iter()
                                .find(|(n, _)| *n == name)
                                .map(|(_, v)| v.clone());
                            view! { <strong>{value}</strong> }.into_any()
                        }
                    })
                    .collect_view()
            })
        }
    }

    /// On the console's own page, keeps the document's title the console's name in the
    /// active language; a host page's title stays the host's.
    pub fn title_the_page(self) {
        if self.owns_url {
            Effect::new(move |_| document().set_title(&self.t(Key::AppName)));
        }
    }

    /// The language the texts are in now.
    pub fn locale(self) -> Locale {
        self.catalog.with(Catalog::locale)
    }

    /// The locale last chosen, loaded or not (the menu shows it at once).
    pub fn wanted(self) -> Locale {
        self.wanted.get()
    }

    /// The locale whose texts could not be loaded, if the last choice failed.
    pub fn failed(self) -> Option<Locale> {
        self.failed.get()
    }

    /// The user's choice from the menu: kept for next time, then loaded.
    pub fn choose(self, locale: Locale) {
        if let Some(storage) = storage() {
            let _ = storage.set_item(STORAGE_KEY, locale.tag());
        }
        if self.owns_url {
            crate::view_state::forget_url_language();
        }
        self.load(locale);
    }

    fn load(self, locale: Locale) {
        self.wanted.set(locale);
        self.failed.set(None);
        if locale == Locale::En {
            self.catalog.set(Catalog::english());
            return;
        }
        let url = format!("{}locales/{}.json", self.base.get_value(), locale.tag());
        spawn_local(async move {
            let catalog = fetch(&url, locale).await;
            if self.wanted.get_untracked() != locale {
                return;
            }
            match catalog {
                Some(catalog) => self.catalog.set(catalog),
                None => {
                    self.catalog.set(Catalog::english());
                    self.failed.set(Some(locale));
                }
            }
        });
    }
}

/// A locale's texts, or `None` when its file cannot be fetched or is not a JSON object.
/// A plain GET of the console's own file, not the API transport: it must never carry the
/// token.
/// A key with a problem keeps its English text (the key test keeps the shipped files
/// whole), so a partly broken file still shows every text.
async fn fetch(url: &str, locale: Locale) -> Option<Catalog> {
    // A plain GET: the browser's `Request`, not gloo-net's builder, which the API calls no
    // longer use either (transport.rs).
    let request = web_sys::Request::new_with_str(url).ok()?;
    let response = Request::from(request).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    let body = response.binary().await.ok()?;
    Catalog::parse(locale, &body)
        .ok()
        .map(|(catalog, _)| catalog)
}

/// The text of `key` as a reactive view or attribute value: `{tr(Key::SignInButton)}`.
/// Every call site shares this one closure type, so the wasm holds one reactive-text
/// instantiation rather than one per text.
pub fn tr(key: Key) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let language = expect_context::<Language>();
    move || language.t(key)
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}
