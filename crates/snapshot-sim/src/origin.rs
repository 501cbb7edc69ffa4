//! Checks on the origins given on the command line, so a typo stops the start instead of
//! quietly weakening (or breaking) the CORS list or the console's policy.

use axum::http::HeaderValue;

/// A `--cors-origin`: exactly `http(s)://host[:port]` (one trailing `/` is forgiven), as a
/// browser sends it in `Origin`. `*` is refused: the API takes credentials.
pub fn cors_origin(value: &str) -> Result<HeaderValue, String> {
    let origin = value.strip_suffix('/').unwrap_or(value);
    let refuse = |why: &str| {
        Err(format!(
            "--cors-origin {value:?} is not an origin ({why}); give scheme://host[:port], \
             e.g. http://localhost:3000"
        ))
    };
    if origin == "*" {
        return refuse("a wildcard would let any site call the API");
    }
    let Some((scheme, authority)) = origin.split_once("://") else {
        return refuse("no scheme");
    };
    if scheme != "http" && scheme != "https" {
        return refuse("the scheme must be http or https");
    }
    if !is_authority(authority) {
        return refuse("the host must be a name or an IP address, with at most a port after it");
    }
    HeaderValue::from_str(origin).or_else(|_| refuse("not a valid header value"))
}

/// `host[:port]`: a DNS name or IPv4 address, or a bracketed IPv6 address; no user, path,
/// query or fragment.
fn is_authority(authority: &str) -> bool {
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(':') && !port.contains(']') => (host, Some(port)),
        _ => (authority, None),
    };
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.parse::<u16>().is_ok());
    let host_ok = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(v6) => v6.parse::<std::net::Ipv6Addr>().is_ok(),
        None => {
            !host.is_empty()
                && host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        }
    };
    port_ok && host_ok
}

/// A `--frame-ancestor`: one CSP source (`https://portal.example`, `'self'`, `*.example`).
/// Anything that could end the directive or add another (`;`, `,`, spaces) is refused.
pub fn frame_ancestor(value: &str) -> Result<(), String> {
    let bad = value.is_empty()
        || value
            .chars()
            .any(|c| c == ';' || c == ',' || c.is_whitespace() || c.is_control() || !c.is_ascii());
    if bad {
        return Err(format!(
            "--frame-ancestor {value:?} is not one CSP source: give an origin such as \
             https://portal.example, or 'self'"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cors_origins_must_be_origins() {
        for good in [
            "http://localhost:3000",
            "https://portal.example",
            "https://portal.example/",
            "http://127.0.0.1:8080",
            "http://[::1]:8080",
        ] {
            assert!(cors_origin(good).is_ok(), "{good}");
        }
        for bad in [
            "*",
            "",
            "portal.example",
            "ftp://portal.example",
            "https://portal.example/path",
            "https://portal.example?x=1",
            "https://user@portal.example",
            "https://portal.example:99999",
            "https://portal.example:",
            "https://",
            "https://[::1",
            "null",
        ] {
            assert!(cors_origin(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn frame_ancestors_are_single_sources() {
        for good in [
            "https://portal.example",
            "'self'",
            "*.example.com",
            "https:",
        ] {
            assert!(frame_ancestor(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "x; script-src *",
            "a,b",
            "a b",
            "a\tb",
            "a\nb",
            "caf\u{e9}.example",
        ] {
            assert!(frame_ancestor(bad).is_err(), "{bad:?}");
        }
    }
}
