use std::fmt;

use http::Uri;

/// Where the API lives, up to and including its version: `https://admin.vps.org/api/v1`, or a
/// path such as `/api/v1` when the console is served from the API's own origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// The real service.
    pub const VPS_ORG: &'static str = "https://admin.vps.org/api/v1";

    /// Accepts an absolute `http`/`https` URL without query or fragment, or a path starting
    /// with `/`; a trailing slash is dropped.
    pub fn parse(text: &str) -> Result<Self, crate::InvalidInput> {
        let text = text.trim().trim_end_matches('/');
        let err = crate::InvalidInput::BaseUrl;
        let uri: Uri = if text.is_empty() { "/" } else { text }
            .parse()
            .map_err(|_| err.clone())?;
        let ok = match uri.scheme_str() {
            Some("http" | "https") => uri.host().is_some_and(|h| !h.is_empty()),
            Some(_) => false,
            None => text.is_empty() || (uri.authority().is_none() && text.starts_with('/')),
        };
        if !ok || uri.query().is_some() || text.contains('#') {
            return Err(err);
        }
        Ok(Self(text.to_owned()))
    }

    /// The URL of `path` (which starts with `/`) under this base.
    pub fn join(&self, path: &str) -> String {
        format!("{}{}", self.0, path)
    }

    /// Scheme and authority (`https://admin.vps.org`) when the base is absolute.
    pub(crate) fn origin(&self) -> Option<String> {
        let uri: Uri = self.0.parse().ok()?;
        Some(format!("{}://{}", uri.scheme_str()?, uri.authority()?))
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_absolute_urls_and_paths() {
        let ok = |t: &str| BaseUrl::parse(t).unwrap().to_string();
        assert_eq!(
            ok("https://admin.vps.org/api/v1/"),
            "https://admin.vps.org/api/v1"
        );
        assert_eq!(
            ok("http://127.0.0.1:8080/api/v1"),
            "http://127.0.0.1:8080/api/v1"
        );
        assert_eq!(ok("/api/v1"), "/api/v1");
        assert_eq!(ok("/"), "");
        for bad in [
            "ftp://x/api",
            "api/v1",
            "https:///x",
            "https://x/api?x=1",
            "/a#b",
            "javascript:alert(1)",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn origin_only_for_absolute_bases() {
        let abs = BaseUrl::parse("https://admin.vps.org:8443/api/v1").unwrap();
        assert_eq!(abs.origin().as_deref(), Some("https://admin.vps.org:8443"));
        assert_eq!(BaseUrl::parse("/api/v1").unwrap().origin(), None);
    }
}
