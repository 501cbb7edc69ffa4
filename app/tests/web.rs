//! Tests of the parts that need a real browser: `Intl` formatting, the session's storage, the
//! browser's URL parser, and real components mounted into the page. Run in Chromium by
//! `cargo xtask test` (wasm-bindgen-test-runner with chromedriver).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::GetUntracked;
use snapshot_api::BearerToken;
use snapshot_console::format;
use snapshot_console::host::Host;
use snapshot_console::i18n::Locale;
use snapshot_console::session::{Session, SignInReason, TOKEN_KEY};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The search's lowercasing goes to the browser's `toLowerCase` for non-ASCII text; it must
/// give what std's Unicode mapping gives (the model's native tests use std's).
#[wasm_bindgen_test]
fn search_lowercasing_in_the_browser_matches_unicode() {
    use snapshot_console::model::search::lowercase;
    for text in [
        "Backup-DB_01",
        "ČIŠĆENJE Đ Ž",
        "ПРИЈЕ НАДОГРАДЊЕ",
        "ΟΔΟΣ Σ",
        "İSTANBUL",
        "Straße ẞ",
        "ব্যাকআপ",
        "快照 ABC",
    ] {
        assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
    }
}

/// The console carries CLDR's plural rules for its six locales (the model runs natively);
/// they must agree with the browser's `Intl.PluralRules` for every count it will show.
#[wasm_bindgen_test]
fn plural_rules_match_the_browsers() {
    for locale in Locale::ALL {
        let tags = js_sys::Array::of1(&locale.tag().into());
        let rules = js_sys::Intl::PluralRules::new(&tags, &js_sys::Object::new());
        // Chromium has rules of its own for each language, Sesotho too: an unknown tag would
        // fall back to the default locale and compare English with English. (Plural rules
        // are per language: zh-Hans resolves to zh.)
        let resolved = js_sys::Reflect::get(&rules.resolved_options(), &"locale".into()).unwrap();
        let language = locale.tag().split('-').next();
        assert_eq!(
            resolved.as_string().as_deref(),
            language,
            "{}",
            locale.tag()
        );
        for n in 0..=1000u64 {
            let browser = String::from(rules.select(n as f64));
            assert_eq!(locale.plural(n).name(), browser, "{} {n}", locale.tag());
        }
    }
}

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
    let en = |at| format::relative(Locale::En, at, now);
    assert_eq!(en(now - 180_000.0), "3 minutes ago");
    assert_eq!(en(now - 86_400_000.0), "yesterday");
    assert_eq!(en(now - 2.0 * 365.25 * 86_400_000.0), "2 years ago");
    assert_eq!(en(now - 2_000.0), "2 seconds ago");
}

#[wasm_bindgen_test]
fn absolute_times_and_exact_sizes_use_the_locale() {
    let at = time::OffsetDateTime::from_unix_timestamp(1_736_965_800).unwrap();
    let text = format::absolute(Locale::En, at);
    assert!(text.contains("2025"), "{text}");
    assert_eq!(format::iso(at), "2025-01-15T18:30:00.000Z");
    assert_eq!(format::exact_mb(Locale::En, 5120), "5,120 MB");
    assert_eq!(format::size(Locale::En, 4856), "4.7 GB");
}

/// Each language's ages, sizes and dates come from this browser's `Intl` data in that
/// language: Chromium has real Indonesian, Chinese and Bengali, Bosnia's formats under
/// sr-Latn-BA (its own "bs" is CLDR root: "-3 h"), and no Sesotho, which reads South
/// African English.
#[wasm_bindgen_test]
fn every_language_formats_with_its_own_intl_data() {
    let now = 1_700_000_000_000.0;
    let hours_ago = |locale| format::relative(locale, now - 3.0 * 3_600_000.0, now);
    let expected = [
        (Locale::En, "3 hours ago", "4.7 GB", "12,345"),
        (Locale::St, "3 hours ago", "4,7 GB", "12\u{a0}345"),
        (Locale::Id, "3 jam yang lalu", "4,7 GB", "12.345"),
        (Locale::Bs, "prije 3 sata", "4,7 GB", "12.345"),
        (Locale::ZhHans, "3小时前", "4.7 GB", "12,345"),
        (Locale::Bn, "৩ ঘণ্টা আগে", "৪.৭ GB", "১২,৩৪৫"),
    ];
    for (locale, ago, size, count) in expected {
        assert_eq!(hours_ago(locale), ago, "{}", locale.tag());
        assert_eq!(format::size(locale, 4856), size, "{}", locale.tag());
        assert_eq!(format::count(locale, 12_345.0), count, "{}", locale.tag());
    }
    let at = time::OffsetDateTime::from_unix_timestamp(1_736_965_800).unwrap();
    assert!(format::absolute(Locale::Bn, at).contains("২০২৫"));
    assert!(format::absolute(Locale::ZhHans, at).contains("2025年1月"));
    assert!(format::absolute(Locale::Bs, at).contains("1. 2025."));
}

#[wasm_bindgen_test]
fn the_session_uses_one_key_and_one_prompt_for_many_refusals() {
    storage().clear().unwrap();
    let host = || {
        Host::new(
            web_sys::window()
                .unwrap()
                .document()
                .unwrap()
                .create_element("div")
                .unwrap()
                .unchecked_into(),
        )
    };
    let session = Session::load(host(), None);
    assert!(!session.signed_in());
    let token = BearerToken::parse("component-test-token").unwrap();
    session.sign_in(token.clone());
    assert_eq!(storage().length().unwrap(), 1);
    assert_eq!(
        storage().get_item(TOKEN_KEY).unwrap().as_deref(),
        Some("component-test-token")
    );
    assert_eq!(
        Session::load(host(), None).token_untracked(),
        Some(token.clone())
    );

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

/// Mounts the real console into a fresh element configured with `attributes`, as a host page
/// would, and returns that element.
fn mount_console(attributes: &[(&str, &str)]) -> web_sys::HtmlElement {
    use leptos::prelude::*;

    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    for (name, value) in attributes {
        host.set_attribute(name, value).unwrap();
    }
    document.body().unwrap().append_child(&host).unwrap();
    let config = snapshot_console::config::Config::read(&host, 1).unwrap();
    let element = host.clone();
    let given = None;
    leptos::mount::mount_to(host.clone(), move || {
        view! { <snapshot_console::components::Console config element given/> }
    })
    .forget();
    host
}

/// Lets the console's effects, timers and fetches run.
async fn settle(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

fn find<T: JsCast>(host: &web_sys::HtmlElement, selector: &str) -> T {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector} in {}", host.inner_html()))
        .dyn_into::<T>()
        .unwrap()
}

fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// The mounted console, signed out: the sign-in form refuses a blank token without storing
/// anything; a token signs in, the list is asked for, and an API that cannot be reached
/// leaves a plain error with no list and no token leak into the page.
#[wasm_bindgen_test]
async fn the_mounted_console_signs_in_and_says_when_the_api_cannot_be_reached() {
    storage().clear().unwrap();
    // Port 9 (discard) refuses connections: the read fails as a transport error.
    let host = mount_console(&[("data-api-base", "http://127.0.0.1:9/api/v1")]);
    settle(0).await;
    let token: web_sys::HtmlInputElement = find(&host, "input[type=password]");
    let form: web_sys::HtmlFormElement = find(&host, "form");
    assert!(host.text_content().unwrap().contains("API token"));

    type_into(&token, "   ");
    form.request_submit().unwrap();
    settle(0).await;
    let error: web_sys::HtmlElement = find(&host, "#sc-token-error");
    assert!(!error.text_content().unwrap().is_empty());
    assert_eq!(storage().length().unwrap(), 0);

    type_into(&token, "mounted-component-token");
    form.request_submit().unwrap();
    settle(0).await;
    assert_eq!(
        storage().get_item(TOKEN_KEY).unwrap().as_deref(),
        Some("mounted-component-token")
    );
    let heading: web_sys::HtmlElement = find(&host, "h1");
    assert_eq!(heading.text_content().unwrap(), "Snapshots");
    // Retries back off for a second or two before the read gives up.
    let mut alert = None;
    for _ in 0..100 {
        settle(100).await;
        alert = host.query_selector("[role=alert]").unwrap();
        if alert.is_some() {
            break;
        }
    }
    let alert = alert.expect("an error banner").text_content().unwrap();
    assert!(
        alert.starts_with("Could not reach the API to load the snapshots."),
        "{alert}"
    );
    assert!(!host.inner_html().contains("mounted-component-token"));
    assert!(!host.text_content().unwrap().contains("Loading snapshots"));
    host.remove();
    storage().clear().unwrap();
}
