//! What every `/_sim/` request must show before it is handled, so that only a local test
//! script can reach the test controls, never a web page the tester happens to visit:
//!
//! - `Content-Type: application/json`: a cross-site page can send that only after a CORS
//!   preflight, which the simulator never allows for `/_sim/` (a form POST cannot send it);
//! - a `Host` of `localhost` or an IP address, with the port the simulator listens on: a
//!   DNS-rebinding page reaches the port under its own name, which is refused.

use std::net::{Ipv4Addr, Ipv6Addr};

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::{AppState, SimError};

pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok());
    if !host.is_some_and(|h| is_local_host(h, state.control.port())) {
        return SimError::MisdirectedRequest(
            "Test control answers only to localhost or an IP address, on this port.".into(),
        )
        .into_response();
    }
    let json = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(is_json);
    if !json {
        return SimError::UnsupportedMediaType(
            "Test control requests must have Content-Type: application/json.".into(),
        )
        .into_response();
    }
    next.run(request).await
}

/// `application/json`, with any parameters (`; charset=utf-8`).
fn is_json(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    essence.eq_ignore_ascii_case("application/json")
}

/// `localhost`, `127.0.0.1` or `[::1]` (any IP address), with `port` (port 80 may be left
/// out, as browsers do).
fn is_local_host(host: &str, port: u16) -> bool {
    let (name, given) = match host.rsplit_once(':') {
        Some((name, p)) if !p.contains(']') => (name, p.parse::<u16>().ok()),
        _ => (host, Some(80)),
    };
    let name_ok = name.eq_ignore_ascii_case("localhost")
        || name.parse::<Ipv4Addr>().is_ok()
        || name
            .strip_prefix('[')
            .and_then(|n| n.strip_suffix(']'))
            .is_some_and(|n| n.parse::<Ipv6Addr>().is_ok());
    name_ok && given == Some(port)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_hosts_on_the_port_only() {
        for good in [
            "localhost:8080",
            "LOCALHOST:8080",
            "127.0.0.1:8080",
            "192.168.1.20:8080",
            "[::1]:8080",
        ] {
            assert!(is_local_host(good, 8080), "{good}");
        }
        assert!(is_local_host("localhost", 80));
        for bad in [
            "evil.example:8080",
            "localhost.evil.example:8080",
            "localhost:8081",
            "127.0.0.1:9",
            "localhost",
            "[::1]",
            "::1:8080",
            "127.0.0.1:",
            "",
        ] {
            assert!(!is_local_host(bad, 8080), "{bad}");
        }
    }

    #[test]
    fn json_with_or_without_parameters() {
        assert!(is_json("application/json"));
        assert!(is_json("Application/JSON; charset=utf-8"));
        assert!(!is_json("application/x-www-form-urlencoded"));
        assert!(!is_json("text/plain"));
        assert!(!is_json("application/jsonx"));
    }
}
