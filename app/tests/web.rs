//! Tests of the parts that need a real browser: `Intl` formatting and the session's storage.
//! Run in Chromium by `cargo xtask test` (wasm-bindgen-test-runner with chromedriver).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::GetUntracked;
use snapshot_api::BearerToken;
use snapshot_console::format;
use snapshot_console::session::{Session, SignInReason, TOKEN_KEY};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
}

#[wasm_bindgen_test]
fn relative_times_read_naturally() {
    let now = 1_700_000_000_000.0;
    assert_eq!(format::relative(now - 180_000.0, now), "3 minutes ago");
    assert_eq!(format::relative(now - 86_400_000.0, now), "yesterday");
    assert_eq!(
        format::relative(now - 2.0 * 365.25 * 86_400_000.0, now),
        "2 years ago"
    );
    assert_eq!(format::relative(now - 2_000.0, now), "2 seconds ago");
}

#[wasm_bindgen_test]
fn absolute_times_and_exact_sizes_use_the_locale() {
    let at = time::OffsetDateTime::from_unix_timestamp(1_736_965_800).unwrap();
    let text = format::absolute(at);
    assert!(text.contains("2025"), "{text}");
    assert_eq!(format::iso(at), "2025-01-15T18:30:00.000Z");
    assert_eq!(format::exact_mb(5120), "5,120 MB");
}

#[wasm_bindgen_test]
fn the_session_uses_one_key_and_one_prompt_for_many_refusals() {
    storage().clear().unwrap();
    let session = Session::load();
    assert!(!session.signed_in());
    let token = BearerToken::parse("component-test-token").unwrap();
    session.sign_in(token.clone());
    assert_eq!(storage().length().unwrap(), 1);
    assert_eq!(
        storage().get_item(TOKEN_KEY).unwrap().as_deref(),
        Some("component-test-token")
    );
    assert_eq!(Session::load().token_untracked(), Some(token.clone()));

    // A first 401 signs out; later ones for the same (old) token change nothing, even after
    // the user signed in again with a new token.
    session.refused(&token);
    assert!(!session.signed_in());
    assert_eq!(session.reason.get_untracked(), SignInReason::Refused);
    let fresh = BearerToken::parse("fresh-token").unwrap();
    session.sign_in(fresh.clone());
    session.refused(&token);
    assert_eq!(session.token_untracked(), Some(fresh));
    assert_eq!(storage().length().unwrap(), 1);

    session.sign_out();
    assert_eq!(storage().length().unwrap(), 0);
    assert_eq!(session.reason.get_untracked(), SignInReason::SignedOut);
}

/// The browser's own `URL`, as the console's parser, refuses every spelling of another host
/// that the core's native tests refuse with the `url` crate, and follows the same origin.
#[wasm_bindgen_test]
fn the_browser_parser_keeps_next_links_on_the_api_origin() {
    use snapshot_api::endpoints::SnapshotList;
    use snapshot_api::{Api, ApiError, BaseUrl, SnapshotListAll};
    use snapshot_console::browser_url::BrowserUrl;
    use std::sync::Arc;

    let base = BaseUrl::parse_with(
        "/api/v1",
        Some("https://admin.vps.org/console/"),
        Arc::new(BrowserUrl),
    )
    .unwrap();
    let api = Api::new(base, BearerToken::parse("t").unwrap());
    let follow = |link: &str| -> Result<String, ApiError> {
        let mut all = SnapshotListAll::new(SnapshotList::all());
        let first = all.next_request(&api).unwrap()?;
        assert_eq!(first.uri(), "https://admin.vps.org/api/v1/snapshots/");
        let body = serde_json::json!({"count": 2, "next": link, "results": []}).to_string();
        all.receive(&api, &http::Response::new(body.into_bytes()))?;
        Ok(all.next_request(&api).unwrap()?.uri().to_string())
    };
    for foreign in [
        "//evil.example/x",
        "/\\evil.example/x",
        "\\\\evil.example/x",
        "https://x//evil.example/x",
        "/\t/evil.example/x",
        "/\n/evil.example/x",
        "https://admin.vps.org@evil.example/x",
        "http://admin.vps.org/x",
    ] {
        assert!(follow(foreign).is_err(), "{foreign:?}");
    }
    assert_eq!(
        follow("https://admin.vps.org:443/api/v1/snapshots/?page=2").unwrap(),
        "https://admin.vps.org/api/v1/snapshots/?page=2"
    );
    assert_eq!(
        follow("/%2F%2Fevil.example/x").unwrap(),
        "https://admin.vps.org/%2F%2Fevil.example/x"
    );
    assert_eq!(
        follow("?page=2").unwrap(),
        "https://admin.vps.org/api/v1/snapshots/?page=2"
    );
    // A base the browser would read as another host is refused.
    for bad in ["//evil.example/api", "/\\evil.example/api"] {
        assert!(
            BaseUrl::parse_with(bad, Some("https://admin.vps.org/"), Arc::new(BrowserUrl)).is_err(),
            "{bad:?}"
        );
    }
}
