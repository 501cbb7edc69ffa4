//! Run-time configuration: read from the mount element's attributes, then the page's `<meta>`
//! tags, never baked into the build, so one `dist/` serves every deployment.

use snapshot_api::{BaseUrl, ServerId};
use wasm_bindgen::JsCast;

/// How this instance of the console is set up.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where the API is; same origin `/api/v1` by default.
    pub api_base: BaseUrl,
    /// One server the host page pins the console to, if any.
    pub pinned_server: Option<ServerId>,
    /// Whether the console may keep its view (filter, search, sort) in the page's URL. Only
    /// its own page opts in; embedded in a host page it leaves the host's URL alone.
    pub owns_url: bool,
    /// A problem with the configuration, to show instead of failing silently.
    pub problem: Option<String>,
}

impl Config {
    /// The default API base: the console's own origin.
    pub const DEFAULT_API_BASE: &'static str = "/api/v1";

    /// Reads `data-api-base`, `data-server-id` and `data-url-state` from `host`, falling back
    /// to `<meta name="snapshot-console:api-base">` and `<meta name="snapshot-console:server-id">`.
    pub fn read(host: &web_sys::HtmlElement) -> Self {
        let setting = |name: &str| {
            host.get_attribute(&format!("data-{name}"))
                .or_else(|| meta(&format!("snapshot-console:{name}")))
                .filter(|v| !v.trim().is_empty())
        };
        let mut problem = None;
        let api_base = match setting("api-base") {
            None => BaseUrl::parse(Self::DEFAULT_API_BASE).expect("the default is valid"),
            Some(text) => BaseUrl::parse(&text).unwrap_or_else(|e| {
                problem = Some(format!(
                    "The configured API base URL \"{text}\" is not usable: {e}"
                ));
                BaseUrl::parse(Self::DEFAULT_API_BASE).expect("the default is valid")
            }),
        };
        let pinned_server = setting("server-id").and_then(|text| match text.parse() {
            Ok(id) => Some(id),
            Err(e) => {
                problem = Some(format!(
                    "The configured server \"{text}\" is not usable: {e}"
                ));
                None
            }
        });
        Self {
            api_base,
            pinned_server,
            owns_url: host.has_attribute("data-url-state"),
            problem,
        }
    }
}

fn meta(name: &str) -> Option<String> {
    let document = leptos::prelude::document();
    let selector = format!("meta[name=\"{name}\"]");
    let element = document.query_selector(&selector).ok().flatten()?;
    element
        .dyn_into::<web_sys::HtmlMetaElement>()
        .ok()
        .map(|m| m.content())
}
