//! What the simulator answers to requests the core would never build: missing tokens, bad
//! JSON, oversized bodies, unknown paths and methods, CORS preflights, and the console's files.

mod common;

use common::{app, send, TOKEN};
use http::Request;
use serde_json::{json, Value};

fn request(method: &str, uri: &str) -> http::request::Builder {
    Request::builder()
        .method(method)
        .uri(uri)
        .header("authorization", format!("Bearer {TOKEN}"))
        .header("content-type", "application/json")
}

async fn json_of(
    app: &axum::Router,
    method: &str,
    uri: &str,
    body: &[u8],
) -> (u16, Value, http::HeaderMap) {
    let r = send(app, request(method, uri).body(body.to_vec()).unwrap()).await;
    let value = serde_json::from_slice(r.body())
        .unwrap_or_else(|_| panic!("not JSON: {:?}", String::from_utf8_lossy(r.body())));
    (r.status().as_u16(), value, r.headers().clone())
}

#[tokio::test]
async fn missing_and_malformed_authorization_is_401_drf_style() {
    let app = app(&[]);
    for header in [None, Some("Token abc"), Some("Bearer"), Some(TOKEN)] {
        let mut builder = Request::builder().uri("/api/v1/snapshots/");
        if let Some(h) = header {
            builder = builder.header("authorization", h);
        }
        let r = send(&app, builder.body(Vec::new()).unwrap()).await;
        assert_eq!(r.status(), 401, "{header:?}");
        assert_eq!(r.headers()["www-authenticate"], "Bearer realm=\"api\"");
        let body: Value = serde_json::from_slice(r.body()).unwrap();
        assert!(body["detail"].is_string(), "{body}");
    }
}

#[tokio::test]
async fn malformed_json_is_400_never_500() {
    let app = app(&[]);
    for body in [&b"{bad"[..], b"{\"server_id\": 1,", b"\xff\xfe", b"nul"] {
        let (status, value, _) = json_of(&app, "POST", "/api/v1/snapshots/", body).await;
        assert_eq!(status, 400);
        assert!(
            value["detail"]
                .as_str()
                .unwrap()
                .starts_with("JSON parse error"),
            "{value}"
        );
    }
    let (status, value, _) = json_of(&app, "POST", "/api/v1/snapshots/", b"[1, 2]").await;
    assert_eq!(status, 400);
    assert_eq!(
        value,
        json!({"non_field_errors": ["Invalid data. Expected a dictionary of fields."]})
    );
}

#[tokio::test]
async fn an_empty_create_body_reports_the_required_fields() {
    let (status, value, _) = json_of(&app(&[]), "POST", "/api/v1/snapshots/", b"").await;
    assert_eq!(status, 400);
    assert_eq!(
        value,
        json!({"name": ["This field is required."], "server_id": ["This field is required."]})
    );
}

#[tokio::test]
async fn oversized_bodies_are_413() {
    let body = format!(
        r#"{{"server_id": 12345, "name": "big", "description": "{}"}}"#,
        "x".repeat(snapshot_sim::MAX_BODY_BYTES)
    );
    let (status, value, _) =
        json_of(&app(&[]), "POST", "/api/v1/snapshots/", body.as_bytes()).await;
    assert_eq!(status, 413);
    assert!(value["detail"].as_str().unwrap().contains("too large"));
}

#[tokio::test]
async fn descriptions_over_the_cap_are_field_errors() {
    let body = json!({"server_id": 12345, "name": "long", "description": "é".repeat(501)});
    let (status, value, _) = json_of(
        &app(&[]),
        "POST",
        "/api/v1/snapshots/",
        body.to_string().as_bytes(),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        value,
        json!({"description": ["Use at most 500 characters (this description has 501)."]})
    );
}

#[tokio::test]
async fn list_filter_errors_and_empty_filter() {
    let app = app(&[]);
    let (status, value, _) = json_of(&app, "GET", "/api/v1/snapshots/?server_id=abc", b"").await;
    assert_eq!(status, 400);
    assert_eq!(
        value,
        json!({"server_id": ["Enter a server ID: a whole number from 1 up."]})
    );
    let (status, value, _) = json_of(&app, "GET", "/api/v1/snapshots/?server_id=", b"").await;
    assert_eq!(status, 200);
    assert_eq!(value["count"], 9);
    let (_, value, _) = json_of(&app, "GET", "/api/v1/snapshots/?server_id=12347", b"").await;
    assert_eq!(value, json!({"count": 0, "results": []}));
}

#[tokio::test]
async fn unknown_paths_ids_and_methods() {
    let app = app(&[]);
    for (method, uri, expected) in [
        ("GET", "/api/v1/nothing/", 404),
        ("GET", "/api/v1/snapshots", 404),
        ("DELETE", "/api/v1/snapshots/abc/", 404),
        ("POST", "/api/v1/snapshots/-1/restore/", 404),
        ("PUT", "/api/v1/snapshots/", 405),
        ("GET", "/api/v1/snapshots/801/restore/", 405),
    ] {
        let (status, value, headers) = json_of(&app, method, uri, b"").await;
        assert_eq!(status, expected, "{method} {uri}");
        assert!(value["detail"].is_string(), "{method} {uri}: {value}");
        assert_eq!(headers["cache-control"], "no-store");
    }
}

/// Path ids go through the core's `SnapshotId`: like Django's `<int:pk>`, anything that is
/// not one (not a number, 0, past 2^63 - 1, not even UTF-8) is the same DRF 404.
#[tokio::test]
async fn bad_path_ids_are_drf_404s() {
    let app = app(&[]);
    for id in [
        "abc",
        "0",
        "-1",
        "1.5",
        "9223372036854775808",
        "99999999999999999999999",
        "%FF",
        "%20",
        "%20801",
    ] {
        for (method, uri) in [
            ("DELETE", format!("/api/v1/snapshots/{id}/")),
            ("POST", format!("/api/v1/snapshots/{id}/restore/")),
        ] {
            let r = send(&app, request(method, &uri).body(Vec::new()).unwrap()).await;
            assert_eq!(r.status(), 404, "{method} {uri}");
            assert_eq!(
                r.body().as_slice(),
                br#"{"detail":"Not found."}"#,
                "{method} {uri}"
            );
            assert_eq!(r.headers()["content-type"], "application/json");
        }
    }
    // The largest id is an id: no such snapshot, the same 404.
    let r = send(
        &app,
        request("DELETE", "/api/v1/snapshots/9223372036854775807/")
            .body(Vec::new())
            .unwrap(),
    )
    .await;
    assert_eq!(r.status(), 404);
    assert_eq!(r.body().as_slice(), br#"{"detail":"Not found."}"#);
}

#[tokio::test]
async fn api_responses_are_not_cached() {
    let (_, _, headers) = json_of(&app(&[]), "GET", "/api/v1/snapshots/", b"").await;
    assert_eq!(headers["cache-control"], "no-store");
    assert_eq!(headers["content-type"], "application/json");
}

#[tokio::test]
async fn cors_answers_only_configured_origins() {
    let app = app(&["--cors-origin", "http://portal.test:3000"]);
    let preflight = |origin: &str| {
        Request::builder()
            .method("OPTIONS")
            .uri("/api/v1/snapshots/")
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "authorization, content-type",
            )
            .body(Vec::new())
            .unwrap()
    };
    let ok = send(&app, preflight("http://portal.test:3000")).await;
    assert!(ok.status().is_success());
    assert_eq!(
        ok.headers()["access-control-allow-origin"],
        "http://portal.test:3000"
    );
    let allowed = ok.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(allowed.contains("authorization"), "{allowed}");
    let other = send(&app, preflight("http://evil.test")).await;
    assert!(other.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn serves_the_console_with_index_fallback_but_keeps_api_404s() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), "<title>console</title>").unwrap();
    std::fs::write(dir.path().join("app.js"), "console.log(1)").unwrap();
    std::fs::write(dir.path().join("csp.txt"), "default-src 'none'").unwrap();
    let dir_arg = dir.path().display().to_string();
    let app = app(&["--console-dir", &dir_arg]);
    let get = |uri: &str| Request::builder().uri(uri).body(Vec::new()).unwrap();
    let index = send(&app, get("/")).await;
    assert_eq!(index.body().as_slice(), b"<title>console</title>");
    let js = send(&app, get("/app.js")).await;
    assert_eq!(js.body().as_slice(), b"console.log(1)");
    let deep = send(&app, get("/servers/12345?x=1")).await;
    assert_eq!(deep.status(), 200);
    assert_eq!(deep.body().as_slice(), b"<title>console</title>");
    let api = send(&app, get("/api/v1/unknown/")).await;
    assert_eq!(api.status(), 404);
    assert_eq!(api.body().as_slice(), br#"{"detail":"Not found."}"#);
}

#[tokio::test]
async fn precompressed_files_are_sent_to_browsers_that_accept_them() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    write("csp.txt", b"default-src 'none'");
    write("index.html", b"<title>console</title>");
    write("index.html.br", b"index as brotli");
    write("app.wasm", b"\0asm plain");
    write("app.wasm.br", b"wasm as brotli");
    write("app.wasm.gz", b"wasm as gzip");
    let dir_arg = dir.path().display().to_string();
    let app = app(&["--console-dir", &dir_arg]);
    let get = |uri: &str, accept: Option<&str>| {
        let mut builder = Request::builder().uri(uri);
        if let Some(accept) = accept {
            builder = builder.header("accept-encoding", accept);
        }
        builder.body(Vec::new()).unwrap()
    };
    for (accept, encoding, body) in [
        (
            Some("gzip, deflate, br, zstd"),
            Some("br"),
            &b"wasm as brotli"[..],
        ),
        (Some("gzip"), Some("gzip"), b"wasm as gzip"),
        (None, None, b"\0asm plain"),
    ] {
        let r = send(&app, get("/app.wasm", accept)).await;
        assert_eq!(r.status(), 200, "{accept:?}");
        assert_eq!(r.body().as_slice(), body, "{accept:?}");
        assert_eq!(
            r.headers()
                .get("content-encoding")
                .map(|v| v.to_str().unwrap()),
            encoding,
            "{accept:?}"
        );
        // The type is the file's, whichever copy is sent: browsers compile wasm only as
        // application/wasm.
        assert_eq!(r.headers()["content-type"], "application/wasm");
    }
    // A deep link falls back to the page, compressed too.
    let deep = send(&app, get("/servers/12345", Some("br"))).await;
    assert_eq!(deep.body().as_slice(), b"index as brotli");
    assert_eq!(deep.headers()["content-encoding"], "br");
    assert_eq!(deep.headers()["content-type"], "text/html");
}

#[tokio::test]
async fn the_console_is_served_with_its_policy_and_security_headers() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), "<title>console</title>").unwrap();
    std::fs::write(
        dir.path().join("csp.txt"),
        "default-src 'none'; script-src 'self'\n",
    )
    .unwrap();
    let dir_arg = dir.path().display().to_string();
    let get = |uri: &str| Request::builder().uri(uri).body(Vec::new()).unwrap();

    let console = app(&["--console-dir", &dir_arg]);
    let index = send(&console, get("/")).await;
    assert_eq!(
        index.headers()["content-security-policy"],
        "default-src 'none'; script-src 'self'; frame-ancestors 'none'"
    );
    assert_eq!(index.headers()["x-content-type-options"], "nosniff");
    assert_eq!(index.headers()["referrer-policy"], "no-referrer");
    assert_eq!(index.headers()["cache-control"], "no-cache");

    let portal = app(&[
        "--console-dir",
        &dir_arg,
        "--frame-ancestor",
        "https://portal.example",
        "--frame-ancestor",
        "'self'",
    ]);
    let framed = send(&portal, get("/deep/link")).await;
    assert!(framed.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .ends_with("frame-ancestors https://portal.example 'self'"));

    let api = send(&console, get("/api/v1/snapshots/")).await;
    assert_eq!(api.headers()["x-content-type-options"], "nosniff");
    assert_eq!(api.headers()["cache-control"], "no-store");
}

#[tokio::test]
async fn hashed_console_files_are_kept_for_good_and_the_rest_revalidated() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "index.html",
        "embed.js",
        "console.css",
        "snapshot-console-61e793df624accb2.js",
        "snapshot-console-61e793df624accb2_bg.wasm",
    ] {
        std::fs::write(dir.path().join(name), name).unwrap();
    }
    std::fs::write(dir.path().join("csp.txt"), "default-src 'none'\n").unwrap();
    let console = app(&["--console-dir", &dir.path().display().to_string()]);
    let cache = |uri: &'static str| {
        let console = console.clone();
        async move {
            let request = Request::builder().uri(uri).body(Vec::new()).unwrap();
            let response = send(&console, request).await;
            assert_eq!(response.status(), 200, "{uri}");
            response.headers()["cache-control"]
                .to_str()
                .unwrap()
                .to_owned()
        }
    };
    let forever = "public, max-age=31536000, immutable";
    assert_eq!(
        cache("/snapshot-console-61e793df624accb2.js").await,
        forever
    );
    assert_eq!(
        cache("/snapshot-console-61e793df624accb2_bg.wasm").await,
        forever
    );
    for revalidated in ["/", "/index.html", "/embed.js", "/console.css"] {
        assert_eq!(cache(revalidated).await, "no-cache", "{revalidated}");
    }
    // A hashed name the folder does not hold gets the page (a deep link), which is never
    // kept for good under that name.
    assert_eq!(
        cache("/snapshot-console-0123456789abcdef.js").await,
        "no-cache"
    );
}

#[tokio::test]
async fn odd_queries_and_huge_ids_are_drf_400s() {
    let app = app(&[]);
    // A value of nothing but whitespace is refused, as Django's IntegerField refuses it
    // (schemathesis found the form feed); only an empty value means no filter.
    for query in [
        "server_id=1&server_id=2",
        "server_id=9223372036854775808",
        "server_id=%0C",
        "server_id=%20%20",
    ] {
        let (status, value, headers) =
            json_of(&app, "GET", &format!("/api/v1/snapshots/?{query}"), b"").await;
        assert_eq!(status, 400, "{query}");
        assert!(value["server_id"].is_array(), "{query}: {value}");
        assert_eq!(headers["content-type"], "application/json");
    }
    let (status, value, _) = json_of(&app, "GET", "/api/v1/snapshots/?server_id=", b"").await;
    assert_eq!((status, value["count"].as_u64()), (200, Some(9)));
    let (status, value, _) =
        json_of(&app, "GET", "/api/v1/snapshots/?server_id=%2012345%20", b"").await;
    assert_eq!((status, value["count"].as_u64()), (200, Some(2)));
    let body = br#"{"server_id": 9223372036854775808, "name": "x"}"#;
    let (status, value, _) = json_of(&app, "POST", "/api/v1/snapshots/", body).await;
    assert_eq!(status, 400);
    assert!(value["server_id"].is_array(), "{value}");
}
