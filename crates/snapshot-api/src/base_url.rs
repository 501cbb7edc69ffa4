use std::fmt;

use url::Url;

/// Where the API lives, up to and including its version: `https://admin.vps.org/api/v1`.
///
/// Always absolute, so every URL the token is sent to can be checked against its origin with
/// a real URL parser (the WHATWG one browsers use), never by comparing strings. A console
/// served from the API's own origin names its base as a path (`/api/v1`) and resolves it with
/// [`BaseUrl::parse_on_page`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl(Url);

impl BaseUrl {
    /// The real service.
    pub const VPS_ORG: &'static str = "https://admin.vps.org/api/v1";

    /// The longest base URL accepted, so that every request URL built on it stays far below
    /// what an HTTP request line can carry.
    pub const MAX_LEN: usize = 2048;

    /// Accepts an absolute `http`/`https` URL with a host, and without user name, password,
    /// query or fragment; a trailing slash is dropped.
    pub fn parse(text: &str) -> Result<Self, crate::InvalidInput> {
        let text = checked_text(text)?;
        // The parser reads `https:x` and `https:///x` as `https://x`; a base written that way
        // is a typo to report, not to guess at.
        let written_out = text
            .split_once("://")
            .is_some_and(|(_, rest)| !rest.is_empty() && !rest.starts_with('/'));
        if !written_out {
            return Err(crate::InvalidInput::BaseUrl);
        }
        Self::from_url(Url::parse(text).map_err(|_| crate::InvalidInput::BaseUrl)?)
    }

    /// Reads a base as a console page's configuration gives it: an absolute URL as
    /// [`BaseUrl::parse`] does, or a path from the root (`/api/v1`) on the origin of `page`,
    /// the page's own URL. A path that the parser would read as another host (`//host`,
    /// `/\host`) is refused.
    pub fn parse_on_page(text: &str, page: &str) -> Result<Self, crate::InvalidInput> {
        let text = checked_text(text)?;
        if !text.starts_with('/') {
            return Self::parse(text);
        }
        let err = crate::InvalidInput::BaseUrl;
        let page = Url::parse(page).map_err(|_| err.clone())?;
        let url = page.join(text).map_err(|_| err.clone())?;
        if url.origin() != page.origin() {
            return Err(err);
        }
        Self::from_url(url)
    }

    fn from_url(mut url: Url) -> Result<Self, crate::InvalidInput> {
        let ok = matches!(url.scheme(), "http" | "https")
            && url.host_str().is_some_and(|h| !h.is_empty())
            && url.username().is_empty()
            && url.password().is_none()
            && url.query().is_none()
            && url.fragment().is_none();
        if !ok {
            return Err(crate::InvalidInput::BaseUrl);
        }
        let path = url.path().trim_end_matches('/').to_owned();
        url.set_path(&path);
        Ok(Self(url))
    }

    /// The URL of `path` (which starts with `/`) under this base.
    pub(crate) fn join(&self, path: &str) -> Result<Url, url::ParseError> {
        Url::parse(&format!("{}{path}", self.prefix()))
    }

    /// The base as a prefix for paths: no trailing slash, even at the root.
    fn prefix(&self) -> &str {
        self.0.as_str().trim_end_matches('/')
    }

    /// Whether `url` is on this base's origin (scheme, host and port, default ports
    /// normalised), and so may be sent the token.
    pub fn same_origin(&self, url: &Url) -> bool {
        url.origin() == self.0.origin()
    }
}

/// Refuses what is empty, too long or has characters that a URL parser would silently drop
/// (tabs, newlines) or reinterpret (`\`): a configuration that says something other than
/// what it seems to is a mistake to report, not to guess at.
fn checked_text(text: &str) -> Result<&str, crate::InvalidInput> {
    let text = text.trim();
    let bad = text.is_empty()
        || text.len() > BaseUrl::MAX_LEN
        || text
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    if bad {
        return Err(crate::InvalidInput::BaseUrl);
    }
    Ok(text)
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.prefix())
    }
}

#[cfg(test)]
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
        let url = |t: &str| Url::parse(t).unwrap();
        assert!(base.same_origin(&url("https://admin.vps.org:443/x")));
        assert!(base.same_origin(&url("HTTPS://ADMIN.vps.org/x")));
        assert!(!base.same_origin(&url("http://admin.vps.org/x")));
        assert!(!base.same_origin(&url("https://admin.vps.org:8443/x")));
        assert!(!base.same_origin(&url("https://admin.vps.org@evil.example/x")));
    }
}
