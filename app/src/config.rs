//! Run-time configuration: read from the mount element's attributes, then the `<meta>` tags
//! of the page's `<head>`, never baked into the build, so one `dist/` serves every deployment.
//!
//! A configuration that is set but unusable stops the console: it says what is wrong and
//! offers no sign-in, because any fallback would send the token somewhere not configured.

use std::sync::Arc;

use snapshot_api::{BaseUrl, ServerId, UrlParser};
use wasm_bindgen::JsCast;

use crate::browser_url::BrowserUrl;
use crate::i18n::{Key, Locale, Message};
use crate::messages;

/// How this instance of the console is set up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Where the API is; this page's origin at `/api/v1` by default.
    pub api_base: BaseUrl,
    /// One server the host page pins the console to, if any.
    pub pinned_server: Option<ServerId>,
    /// Whether the API accepts an `Idempotency-Key` header on its POSTs (and its CORS allows
    /// it): then each confirmed create and restore carries a fresh key. Off by default, as a
    /// refused preflight would break every write.
    pub idempotency_keys: bool,
    /// What the page says of itself: its language, where the console's files are, whose it is.
    pub page: PageSettings,
    /// Whether the language menu shows: always on its own page, on a host page only with
    /// `data-lang-menu`.
    pub lang_menu: bool,
}

/// The settings that choose the language, find the console's files and say whose page it
/// is. Read apart from the rest, so that a configuration the console refuses is still
/// explained in the page's language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageSettings {
    /// The language the host asks for (`data-lang`); it wins over every other choice.
    pub lang: Option<Locale>,
    /// Where the console's files are (`data-asset-base`, set by embed.js to its own folder);
    /// locale files are fetched from `locales/` there. The page's own folder by default.
    pub asset_base: Option<String>,
    /// Whether the page is the console's own (`data-url-state`): then the console keeps its
    /// view (filter, search, sort) in the URL, `?lang=` may choose the language, and the title
    /// is the console's. Embedded in a host page it leaves the host's URL and title alone.
    pub owns_url: bool,
}

impl PageSettings {
    fn parse(setting: &dyn Fn(&str) -> Option<String>, owns_url: bool) -> Self {
        let given = |name: &str| setting(name).filter(|v| !v.trim().is_empty());
        Self {
            // An unknown language is no choice: the browser's preferences decide.
            lang: given("lang").and_then(|tag| Locale::from_tag(&tag)),
            asset_base: given("asset-base"),
            owns_url,
        }
    }

    /// The page settings of the console mounted on `host`.
    pub fn read(host: &web_sys::HtmlElement) -> Self {
        Self::parse(&|name| setting(host, name), owns_url(host))
    }

    /// The landmark role of the console's content: the page's `main` when the page is the
    /// console's own; none inside a host's page, whose own `main` or card holds it.
    pub fn landmark(&self) -> Option<&'static str> {
        self.owns_url.then_some("main")
    }
}

impl Config {
    /// The default API base: the console's own origin.
    pub const DEFAULT_API_BASE: &'static str = "/api/v1";

    /// Reads `api-base`, `server-id`, `idempotency-keys`, `lang`, `lang-menu`, `theme` and
    /// `asset-base` from `host` (as attributes of a `<snapshot-console>` element, as `data-`
    /// attributes of any other), falling back to `<meta name="snapshot-console:…">` in the
    /// `<head>`.
    /// Refuses to start when the page has more than one mount element: injected markup could
    /// otherwise name the API.
    pub fn read(host: &web_sys::HtmlElement, mounts: u32) -> Result<Self, Message> {
        if mounts > 1 {
            return Err(Message::with(
                Key::SetupMounts,
                [("count", u64::from(mounts).into())],
            ));
        }
        let page = leptos::prelude::window()
            .location()
            .href()
            .map_err(|_| Message::from(Key::SetupAddress))?;
        Self::parse(
            &|name| setting(host, name),
            &page,
            owns_url(host),
            Arc::new(BrowserUrl),
        )
    }

    /// The configuration from `setting` (a setting's name to its text, if given), on a page
    /// at `page`, with URLs read by `parser`.
    pub fn parse(
        setting: &dyn Fn(&str) -> Option<String>,
        page: &str,
        owns_url: bool,
        parser: Arc<dyn UrlParser>,
    ) -> Result<Self, Message> {
        let given = |name: &str| setting(name).filter(|v| !v.trim().is_empty());
        let base_text = given("api-base").unwrap_or_else(|| Self::DEFAULT_API_BASE.to_owned());
        let api_base = BaseUrl::parse_with(&base_text, Some(page), parser).map_err(|e| {
            Message::with(Key::SetupApiBase, [("base", base_text.as_str().into())])
                .then(messages::invalid(&e))
                .then(Key::SetupNoToken.into())
        })?;
        let pinned_server = given("server-id")
            .map(|text| {
                text.trim().parse().map_err(|e| {
                    Message::with(Key::SetupServer, [("server", text.as_str().into())])
                        .then(messages::invalid(&e))
                        .then(Key::SetupNotStarted.into())
                })
            })
            .transpose()?;
        let idempotency_keys = match given("idempotency-keys").as_deref().map(str::trim) {
            None | Some("false") => false,
            Some("true") => true,
            Some(other) => {
                return Err(
                    Message::with(Key::SetupIdempotency, [("value", other.into())])
                        .then(Key::SetupNotStarted.into()),
                )
            }
        };
        // The stylesheet reads the theme from the attribute itself; here it is only checked,
        // so a misspelt one is refused like any other setting rather than ignored.
        if let Some(text) = given("theme") {
            if !matches!(text.as_str(), "auto" | "light" | "dark") {
                return Err(
                    Message::with(Key::SetupTheme, [("value", text.as_str().into())])
                        .then(Key::SetupNotStarted.into()),
                );
            }
        }
        Ok(Self {
            api_base,
            pinned_server,
            idempotency_keys,
            page: PageSettings::parse(setting, owns_url),
            lang_menu: owns_url || setting("lang-menu").is_some(),
        })
    }
}

/// The console's own element, which takes its settings as plain attributes.
pub const ELEMENT: &str = "snapshot-console";

/// The setting `name` of the console on `host`: its attribute (`name` on the console's own
/// element, `data-name` on any other), else the page's `<meta name="snapshot-console:…">`.
fn setting(host: &web_sys::HtmlElement, name: &str) -> Option<String> {
    let name_on_host = if host.tag_name().eq_ignore_ascii_case(ELEMENT) {
        name.to_owned()
    } else {
        format!("data-{name}")
    };
    let attribute = host.get_attribute(&name_on_host).map(|value| {
        // `data-idempotency-keys` alone turns it on, as HTML boolean attributes do.
        if value.is_empty() && name == "idempotency-keys" {
            "true".to_owned()
        } else {
            value
        }
    });
    attribute.or_else(|| {
        let value = meta(&format!("snapshot-console:{name}"))?;
        // The stylesheet reads the theme from the element's attribute: one that a `<meta>`
        // gives is put there.
        if name == "theme" {
            let _ = host.set_attribute(&name_on_host, &value);
        }
        Some(value)
    })
}

/// Whether `host` is the console's own page (which opts in with `data-url-state`).
fn owns_url(host: &web_sys::HtmlElement) -> bool {
    host.has_attribute("data-url-state")
}

/// A `<meta>` of the document's `<head>` only: markup injected into a host page's body
/// cannot configure the console.
fn meta(name: &str) -> Option<String> {
    let head = leptos::prelude::document().head()?;
    let element = head
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()
        .flatten()?;
    element
        .dyn_into::<web_sys::HtmlMetaElement>()
        .ok()
        .map(|m| m.content())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://portal.example/admin/servers?id=1";

    fn parse(settings: &[(&str, &str)]) -> Result<Config, String> {
        parse_message(settings).map_err(|m| m.en())
    }

    fn parse_message(settings: &[(&str, &str)]) -> Result<Config, Message> {
        let settings: Vec<(String, String)> = settings
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::parse(
            &|name| {
                settings
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
            },
            PAGE,
            false,
            Arc::new(snapshot_api::WhatwgUrl),
        )
    }

    #[test]
    fn the_default_base_is_this_origin() {
        let config = parse(&[]).unwrap();
        assert_eq!(config.api_base.to_string(), "https://portal.example/api/v1");
        assert_eq!(config.pinned_server, None);
        assert!(!config.idempotency_keys);
        // An empty setting is no setting.
        assert_eq!(parse(&[("api-base", "  ")]).unwrap(), config);
    }

    #[test]
    fn a_configured_base_that_is_not_usable_stops_the_console() {
        for bad in [
            "//evil.example/api/v1",
            "/\\evil.example/api/v1",
            "ftp://admin.vps.org/api",
            "https://admin.vps.org@evil.example/api",
            "not a url",
        ] {
            let problem = parse(&[("api-base", bad)]).unwrap_err();
            assert!(problem.contains("not usable"), "{bad}: {problem}");
            assert!(problem.contains("no token is sent"), "{problem}");
            assert!(problem.contains("must be an http(s) URL"), "{problem}");
        }
    }

    #[test]
    fn a_bad_pinned_server_stops_the_console_rather_than_show_every_server() {
        let problem = parse(&[("server-id", "12x")]).unwrap_err();
        assert!(problem.contains("\"12x\""), "{problem}");
        assert_eq!(
            parse(&[("server-id", "12345")]).unwrap().pinned_server,
            Some(ServerId::new(12345).unwrap())
        );
    }

    #[test]
    fn idempotency_keys_are_opted_into() {
        assert!(!parse(&[("idempotency-keys", "")]).unwrap().idempotency_keys);
        assert!(
            parse(&[("idempotency-keys", "true")])
                .unwrap()
                .idempotency_keys
        );
        assert!(
            !parse(&[("idempotency-keys", "false")])
                .unwrap()
                .idempotency_keys
        );
        assert!(parse(&[("idempotency-keys", "yes please")]).is_err());
    }

    #[test]
    fn the_theme_is_auto_light_or_dark_and_nothing_else() {
        for theme in ["auto", "light", "dark"] {
            assert!(parse(&[("theme", theme)]).is_ok(), "{theme}");
        }
        assert!(parse(&[("theme", "Dark")]).is_err());
        let problem = parse(&[("theme", "midnight")]).unwrap_err();
        assert!(problem.contains("\"midnight\""), "{problem}");
        assert!(problem.contains("auto, light or dark"), "{problem}");
    }

    #[test]
    fn the_host_names_the_language_and_opts_into_the_menu() {
        let config = parse(&[]).unwrap();
        assert_eq!((config.page.lang, config.lang_menu), (None, false));
        let config = parse(&[("lang", "bs"), ("lang-menu", "")]).unwrap();
        assert_eq!(
            (config.page.lang, config.lang_menu),
            (Some(Locale::Bs), true)
        );
        // A language the console does not speak leaves the choice to the browser.
        assert_eq!(parse(&[("lang", "fr")]).unwrap().page.lang, None);
    }
}
