//! The URL parser the core checks every URL with before the token goes there.
//!
//! URLs are read as the WHATWG URL Standard (and so every browser) reads them, never by
//! comparing strings. The parser is pluggable, like an HTTP client in a sans-IO crate:
//! natively it is the `url` crate ([`WhatwgUrl`], feature `url`); the browser console passes
//! the browser's own `URL`, which reads links exactly as the `fetch` that sends them will, and
//! keeps a second parser (and its IDNA tables, about 30 KB of gzipped wasm) out of the bundle.

use std::sync::Arc;

/// Reads URLs as the WHATWG URL Standard does.
pub trait UrlParser: Send + Sync {
    /// `input` read on its own (`base` is `None`) or resolved against the absolute URL
    /// `base`; `None` when it is not a URL.
    fn parse(&self, input: &str, base: Option<&str>) -> Option<ParsedUrl>;
}

/// A parsed URL, by the parts of the web's `URL` interface the core's checks use.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ParsedUrl {
    /// The whole URL, serialised: what is sent.
    pub href: String,
    /// The serialised origin (`https://admin.vps.org`, default port left out), or `null`.
    pub origin: String,
    /// The scheme with its colon: `https:`.
    pub protocol: String,
    /// The user name, usually empty.
    pub username: String,
    /// The password, usually empty.
    pub password: String,
    /// The path, from its leading `/`.
    pub pathname: String,
    /// The query with its `?`, or empty.
    pub search: String,
    /// The fragment with its `#`, or empty.
    pub hash: String,
}

impl ParsedUrl {
    /// Whether the URL carries a user name or password (`https://api@evil.example/`).
    pub fn has_credentials(&self) -> bool {
        !self.username.is_empty() || !self.password.is_empty()
    }

    /// The URL without its fragment, which is never sent.
    pub fn without_hash(&self) -> &str {
        &self.href[..self.href.len() - self.hash.len()]
    }
}

/// A shared parser, as [`crate::BaseUrl`] holds it.
pub(crate) type SharedParser = Arc<dyn UrlParser>;

/// The `url` crate's WHATWG parser.
#[cfg(feature = "url")]
#[derive(Clone, Copy, Debug, Default)]
pub struct WhatwgUrl;

#[cfg(feature = "url")]
impl UrlParser for WhatwgUrl {
    fn parse(&self, input: &str, base: Option<&str>) -> Option<ParsedUrl> {
        use url::{quirks, Url};
        let url = match base {
            Some(base) => Url::parse(base).ok()?.join(input).ok()?,
            None => Url::parse(input).ok()?,
        };
        Some(ParsedUrl {
            href: quirks::href(&url).to_owned(),
            origin: quirks::origin(&url),
            protocol: quirks::protocol(&url).to_owned(),
            username: quirks::username(&url).to_owned(),
            password: quirks::password(&url).to_owned(),
            pathname: quirks::pathname(&url).to_owned(),
            search: quirks::search(&url).to_owned(),
            hash: quirks::hash(&url).to_owned(),
        })
    }
}
