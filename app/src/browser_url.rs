//! The browser's own WHATWG `URL` as the core's [`UrlParser`]: it reads every link exactly as
//! the `fetch` that sends it will, and costs the bundle nothing but a few bindings.

use snapshot_api::{ParsedUrl, UrlParser};

/// `new URL(input, base)`.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserUrl;

impl UrlParser for BrowserUrl {
    fn parse(&self, input: &str, base: Option<&str>) -> Option<ParsedUrl> {
        let url = match base {
            Some(base) => web_sys::Url::new_with_base(input, base),
            None => web_sys::Url::new(input),
        }
        .ok()?;
        Some(ParsedUrl {
            href: url.href(),
            origin: url.origin(),
            protocol: url.protocol(),
            username: url.username(),
            password: url.password(),
            pathname: url.pathname(),
            search: url.search(),
            hash: url.hash(),
        })
    }
}
