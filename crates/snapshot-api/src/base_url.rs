use std::fmt;
use std::sync::Arc;

use crate::url_parser::{ParsedUrl, SharedParser, UrlParser};
use crate::InvalidInput;

/// Where the API lives, up to and including its version: `https://admin.vps.org/api/v1`.
///
/// Always absolute, and read with a WHATWG URL parser (see [`UrlParser`]) that stays with it,
/// so every URL the token is sent to is checked against this origin by the same parser, never
/// by comparing strings. A console served from the API's own origin names its base as a path
/// (`/api/v1`), resolved on the page's address.
#[derive(Clone)]
pub struct BaseUrl {
    url: ParsedUrl,
    parser: SharedParser,
}

impl BaseUrl {
    /// The real service.
    pub const VPS_ORG: &'static str = "https://admin.vps.org/api/v1";

    /// The longest base URL accepted, so that every request URL built on it stays far below
    /// what an HTTP request line can carry.
    pub const MAX_LEN: usize = 2048;

    /// Accepts an absolute `http`/`https` URL with a host, and without user name, password,
    /// query or fragment; a trailing slash is dropped. Read with the `url` crate.
    #[cfg(feature = "url")]
    pub fn parse(text: &str) -> Result<Self, InvalidInput> {
        Self::parse_with(text, None, Arc::new(crate::WhatwgUrl))
    }

    /// As [`BaseUrl::parse`], but a path from the root (`/api/v1`) is also accepted, on the
    /// origin of `page` (the page's own URL). A path that the parser would read as another
    /// host (`//host`, `/\host`) is refused.
    #[cfg(feature = "url")]
    pub fn parse_on_page(text: &str, page: &str) -> Result<Self, InvalidInput> {
        Self::parse_with(text, Some(page), Arc::new(crate::WhatwgUrl))
    }

    /// The general form: `text` read by `parser`, on `page` if given.
    pub fn parse_with(
        text: &str,
        page: Option<&str>,
        parser: Arc<dyn UrlParser>,
    ) -> Result<Self, InvalidInput> {
        let err = InvalidInput::BaseUrl;
        let text = checked_text(text)?;
        let url = match page {
            Some(page) if text.starts_with('/') => {
                let page = parser.parse(page, None).ok_or(err.clone())?;
                let url = parser.parse(text, Some(&page.href)).ok_or(err.clone())?;
                if url.origin != page.origin {
                    return Err(err);
                }
                url
            }
            _ => {
                // The parser reads `https:x` and `https:///x` as `https://x`; a base written
                // that way is a typo to report, not to guess at.
                let written_out = text
                    .split_once("://")
                    .is_some_and(|(_, rest)| !rest.is_empty() && !rest.starts_with('/'));
                if !written_out {
                    return Err(err);
                }
                parser.parse(text, None).ok_or(err.clone())?
            }
        };
        let ok = matches!(url.protocol.as_str(), "http:" | "https:")
            && url.origin != "null"
            && !url.has_credentials()
            && url.search.is_empty()
            && url.hash.is_empty()
            // A query or fragment marker with nothing after it leaves no part, but is there.
            && !url.href.ends_with(['?', '#']);
        if !ok {
            return Err(err);
        }
        Ok(Self { url, parser })
    }

    /// The URL of `path` (which starts with `/`) under this base, read by the base's parser.
    pub(crate) fn join(&self, path: &str) -> Option<ParsedUrl> {
        self.parser.parse(&format!("{self}{path}"), None)
    }

    /// `link` resolved against `base` by this base's parser.
    pub(crate) fn resolve(&self, link: &str, base: &str) -> Option<ParsedUrl> {
        self.parser.parse(link, Some(base))
    }

    /// Whether `url` is on this base's origin (scheme, host and port, default ports
    /// normalised by the parser).
    pub fn same_origin(&self, url: &ParsedUrl) -> bool {
        url.origin == self.url.origin
    }

    /// Why the token may not be sent to `url`, if it may not: the one rule every request URL
    /// and every `next` link is checked by.
    pub fn refuse_token_for(&self, url: &ParsedUrl) -> Option<&'static str> {
        if !self.same_origin(url) {
            Some("it is not on the API's origin")
        } else if url.has_credentials() {
            Some("it carries a user name or password")
        } else {
            None
        }
    }
}

/// Refuses what is empty, too long or has characters that a URL parser would silently drop
/// (tabs, newlines) or reinterpret (`\`): a configuration that says something other than
/// what it seems to is a mistake to report, not to guess at.
fn checked_text(text: &str) -> Result<&str, InvalidInput> {
    let text = text.trim();
    let bad = text.is_empty()
        || text.len() > BaseUrl::MAX_LEN
        || text
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    if bad {
        return Err(InvalidInput::BaseUrl);
    }
    Ok(text)
}

impl PartialEq for BaseUrl {
    fn eq(&self, other: &Self) -> bool {
        self.url == other.url
    }
}

impl Eq for BaseUrl {}

impl fmt::Debug for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BaseUrl")
            .field("url", &self.url.href)
            .finish_non_exhaustive()
    }
}

/// The base as a prefix for paths: no trailing slash, even at the root.
impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.url.href.trim_end_matches('/'))
    }
}

#[cfg(all(test, feature = "url"))]
mod tests {
    use super::*;

    const PAGE: &str = "http://127.0.0.1:8080/console/?server_id=1";

    #[test]
    fn accepts_absolute_urls() {
        let ok = |t: &str| BaseUrl::parse(t).unwrap().to_string();
        assert_eq!(
            ok("https://admin.vps.org/api/v1/"),
            "https://admin.vps.org/api/v1"
        );
        assert_eq!(
            ok("http://127.0.0.1:8080/api/v1"),
            "http://127.0.0.1:8080/api/v1"
        );
        assert_eq!(
            ok("https://admin.vps.org:443/api"),
            "https://admin.vps.org/api"
        );
        assert_eq!(ok("http://[::1]:8080/api/v1"), "http://[::1]:8080/api/v1");
        assert_eq!(ok("https://admin.vps.org/"), "https://admin.vps.org");
    }

    #[test]
    fn refuses_what_is_not_a_plain_absolute_url() {
        for bad in [
            "",
            "ftp://x/api",
            "api/v1",
            "/api/v1",
            "https:///x",
            "https:x/api",
            "https://x/api?x=1",
            "https://x/api?",
            "https://x/a#b",
            "javascript:alert(1)",
            "https://api@evil.example/api",
            "https://u:p@admin.vps.org/api",
            "https://admin.vps.org/a\\b",
            "https://admin.vps.org/a\tb",
            "https://admin.vps.org/a\nb",
            "https://admin.vps.org/a b",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad:?}");
        }
        assert!(BaseUrl::parse(&format!("https://a.b/{}", "x".repeat(3000))).is_err());
    }

    #[test]
    fn a_path_resolves_on_the_page_origin_only() {
        let on_page = |t: &str| BaseUrl::parse_on_page(t, PAGE).map(|b| b.to_string());
        assert_eq!(on_page("/api/v1").unwrap(), "http://127.0.0.1:8080/api/v1");
        assert_eq!(on_page("/").unwrap(), "http://127.0.0.1:8080");
        assert_eq!(
            on_page("https://admin.vps.org/api/v1").unwrap(),
            "https://admin.vps.org/api/v1"
        );
        for bad in [
            "//evil.example/api",
            "/\\evil.example/api",
            "\\\\evil.example/api",
            "/\tevil",
            "/api?x=1",
            "api/v1",
        ] {
            assert!(on_page(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn same_origin_compares_parsed_origins() {
        let base = BaseUrl::parse("https://admin.vps.org/api/v1").unwrap();
        let url = |t: &str| crate::WhatwgUrl.parse(t, None).unwrap();
        assert!(base.same_origin(&url("https://admin.vps.org:443/x")));
        assert!(base.same_origin(&url("HTTPS://ADMIN.vps.org/x")));
        assert!(!base.same_origin(&url("http://admin.vps.org/x")));
        assert!(!base.same_origin(&url("https://admin.vps.org:8443/x")));
        assert!(!base.same_origin(&url("https://admin.vps.org@evil.example/x")));
    }
}
