//! `--test-control`: absent without the flag; with it, each fault, revocation, advancing
//! transitions, and chaos that repeats itself for a seed.

mod common;

use std::time::{Duration, Instant};

use common::{api, app, call, send, snapshot_list, HOST, TOKEN};
use http::Request;
use serde_json::json;
use snapshot_api::endpoints::{SnapshotCreate, SnapshotList};
use snapshot_api::{ApiError, RetryAfter, ServerId, SnapshotName, SnapshotStatus};
use tower::ServiceExt;

fn control(path: &str, body: serde_json::Value) -> Request<Vec<u8>> {
    Request::builder()
        .method("POST")
        .uri(format!("/_sim{path}"))
        .header("host", HOST)
        .header("content-type", "application/json")
        .body(serde_json::to_vec(&body).unwrap())
        .unwrap()
}

async fn fault(app: &axum::Router, operation: &str, fault: serde_json::Value, times: u32) {
    let r = send(
        app,
        control(
            "/faults",
            json!({"operation": operation, "fault": fault, "times": times}),
        ),
    )
    .await;
    assert_eq!(r.status(), 204);
}

fn list() -> SnapshotList {
    SnapshotList::all()
}

fn create(name: &str) -> SnapshotCreate {
    SnapshotCreate::new(
        ServerId::new(12347).unwrap(),
        SnapshotName::parse(name).unwrap(),
        None,
    )
}

#[tokio::test]
async fn without_the_flag_there_is_no_control() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), "console").unwrap();
    std::fs::write(dir.path().join("csp.txt"), "default-src 'none'").unwrap();
    let dir_arg = dir.path().display().to_string();
    let app = app(&["--console-dir", &dir_arg]);
    for path in [
        "/faults",
        "/revoke",
        "/advance",
        "/fail",
        "/chaos",
        "/anything",
    ] {
        let r = send(&app, control(path, json!({}))).await;
        assert_eq!(r.status(), 404, "{path}");
        assert_eq!(r.body().as_slice(), br#"{"detail":"Not found."}"#);
    }
}

#[tokio::test]
async fn forced_statuses_happen_once_each_then_stop() {
    let app = app(&["--test-control"]);
    fault(
        &app,
        "snapshot_list",
        json!({"kind": "status", "status": 503}),
        1,
    )
    .await;
    fault(
        &app,
        "snapshot_list",
        json!({"kind": "status", "status": 429, "retry_after": 7}),
        1,
    )
    .await;
    fault(
        &app,
        "snapshot_list",
        json!({"kind": "status", "status": 500}),
        1,
    )
    .await;
    let errors = [
        call(&app, TOKEN, &list()).await.unwrap_err(),
        call(&app, TOKEN, &list()).await.unwrap_err(),
        call(&app, TOKEN, &list()).await.unwrap_err(),
    ];
    assert_eq!(
        errors[0],
        ApiError::Server {
            status: 503,
            detail: Some("Service Unavailable".into())
        }
    );
    assert_eq!(
        errors[1],
        ApiError::RateLimited {
            retry_after: Some(RetryAfter::Seconds(7))
        }
    );
    assert_eq!(errors[2].status(), Some(500));
    assert_eq!(call(&app, TOKEN, &list()).await.unwrap().count, 9);
}

/// The core's list, against the simulator's faults: each failed page is sent again after
/// the retry rule's wait, until the rule gives up.
#[tokio::test]
async fn the_cores_list_retries_faults_by_the_rule() {
    let app = app(&["--test-control"]);
    let unavailable = json!({"kind": "status", "status": 503});
    fault(&app, "snapshot_list", unavailable.clone(), 2).await;
    let (all, waits) = snapshot_list(&app, TOKEN, list()).await;
    assert_eq!(all.unwrap().len(), 9);
    assert_eq!(
        waits,
        [Duration::from_millis(500), Duration::from_millis(1000)]
    );

    fault(&app, "snapshot_list", unavailable, 3).await;
    let (all, waits) = snapshot_list(&app, TOKEN, list()).await;
    assert_eq!(all.unwrap_err().status(), Some(503));
    assert_eq!(waits.len(), 2);
}

/// A request with the test's token.
fn api_request(method: &str, uri: &str) -> Request<Vec<u8>> {
    Request::builder()
        .method(method)
        .uri(uri)
        .header("authorization", format!("Bearer {TOKEN}"))
        .header("content-type", "application/json")
        .body(Vec::new())
        .unwrap()
}

/// Which operation a request is comes from the route the router matched (one table for
/// both): a path or method it does not route takes no fault, however it looks.
#[tokio::test]
async fn only_a_routed_operation_takes_its_fault() {
    let app = app(&["--test-control"]);
    let unavailable = json!({"kind": "status", "status": 503});
    fault(&app, "snapshot_delete", unavailable.clone(), 1).await;
    fault(&app, "snapshot_restore", unavailable.clone(), 1).await;
    for (method, uri, expected) in [
        ("DELETE", "/api/v1/snapshots/801/extra/", 404),
        ("DELETE", "/api/v1/snapshots/", 405),
        ("POST", "/api/v1/snapshots/801/x/restore/", 404),
        ("GET", "/api/v1/snapshots/801/restore/", 405),
    ] {
        let r = send(&app, api_request(method, uri)).await;
        assert_eq!(r.status(), expected, "{method} {uri}");
        assert!(r.headers().get("x-sim-fault").is_none(), "{method} {uri}");
    }
    for (method, uri) in [
        ("DELETE", "/api/v1/snapshots/801/"),
        ("POST", "/api/v1/snapshots/801/restore/"),
    ] {
        let r = send(&app, api_request(method, uri)).await;
        assert_eq!(
            r.status(),
            503,
            "{method} {uri}: the queued fault is still there"
        );
        assert_eq!(r.headers()["x-sim-fault"], "status");
    }
    // Still before authentication, as a failing proxy's would be.
    fault(&app, "snapshot_list", unavailable, 1).await;
    let anonymous = Request::builder()
        .uri("/api/v1/snapshots/")
        .body(Vec::new())
        .unwrap();
    assert_eq!(send(&app, anonymous).await.status(), 503);
}

#[tokio::test]
async fn a_forced_status_on_a_write_changes_nothing() {
    let app = app(&["--test-control"]);
    fault(
        &app,
        "snapshot_create",
        json!({"kind": "status", "status": 500}),
        1,
    )
    .await;
    assert!(call(&app, TOKEN, &create("refused")).await.is_err());
    assert_eq!(call(&app, TOKEN, &list()).await.unwrap().count, 9);
}

#[tokio::test]
async fn broken_bodies_are_undecodable_but_writes_happened() {
    let app = app(&["--test-control"]);
    for body in ["malformed", "truncated", "html", "empty", "huge"] {
        fault(
            &app,
            "snapshot_list",
            json!({"kind": "body", "body": body}),
            1,
        )
        .await;
        let err = call(&app, TOKEN, &list()).await.unwrap_err();
        assert!(
            matches!(err, ApiError::Undecodable { status: 200, .. }),
            "{body}: {err:?}"
        );
    }
    fault(
        &app,
        "snapshot_create",
        json!({"kind": "body", "body": "truncated"}),
        1,
    )
    .await;
    let err = call(&app, TOKEN, &create("half-answered"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, ApiError::Undecodable { status: 201, .. }),
        "{err:?}"
    );
    let page = call(&app, TOKEN, &list()).await.unwrap();
    assert!(page.results.iter().any(|s| s.name == "half-answered"));
}

#[tokio::test]
async fn latency_delays_the_answer() {
    let app = app(&["--test-control"]);
    fault(
        &app,
        "snapshot_list",
        json!({"kind": "latency", "ms": 300}),
        1,
    )
    .await;
    let started = Instant::now();
    call(&app, TOKEN, &list()).await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn hang_never_answers() {
    let app = app(&["--test-control"]);
    fault(&app, "snapshot_list", json!({"kind": "hang"}), 1).await;
    let request = api(TOKEN)
        .request(&list())
        .unwrap()
        .map(axum::body::Body::from);
    let answer =
        tokio::time::timeout(Duration::from_millis(500), app.clone().oneshot(request)).await;
    assert!(answer.is_err(), "a hang must not answer");
}

#[tokio::test]
async fn close_drops_the_body_after_the_write() {
    let app = app(&["--test-control"]);
    fault(&app, "snapshot_create", json!({"kind": "close"}), 1).await;
    let request = api(TOKEN)
        .request(&create("lost-answer"))
        .unwrap()
        .map(axum::body::Body::from);
    let response = app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.headers()["x-sim-fault"], "close");
    assert!(axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .is_err());
    let page = call(&app, TOKEN, &list()).await.unwrap();
    assert!(page.results.iter().any(|s| s.name == "lost-answer"));
}

#[tokio::test]
async fn a_revoked_token_gets_401_and_others_still_work() {
    let app = app(&["--test-control", "--token", "other-token"]);
    let r = send(&app, control("/revoke", json!({"token": TOKEN}))).await;
    assert_eq!(r.status(), 204);
    assert!(matches!(
        call(&app, TOKEN, &list()).await,
        Err(ApiError::Unauthorized { .. })
    ));
    assert_eq!(call(&app, "other-token", &list()).await.unwrap().count, 9);
}

#[tokio::test]
async fn advance_finishes_transitions_now() {
    let app = app(&["--test-control", "--create-delay-ms", "600000"]);
    let created = call(&app, TOKEN, &create("slow")).await.unwrap();
    assert_eq!(created.snapshot.status, SnapshotStatus::InProgress);
    assert_eq!(
        send(&app, control("/advance", json!({}))).await.status(),
        204
    );
    let page = call(
        &app,
        TOKEN,
        &SnapshotList::for_server(ServerId::new(12347).unwrap()),
    )
    .await
    .unwrap();
    assert_eq!(page.results[0].status, SnapshotStatus::Completed);
}

#[tokio::test]
async fn fail_ends_creations_under_way_as_failed_and_leaves_finished_ones() {
    let app = app(&["--test-control", "--create-delay-ms", "600000"]);
    let server = ServerId::new(12347).unwrap();
    call(&app, TOKEN, &create("slow")).await.unwrap();
    assert_eq!(send(&app, control("/fail", json!({}))).await.status(), 204);
    let page = call(&app, TOKEN, &SnapshotList::for_server(server))
        .await
        .unwrap();
    assert_eq!(page.results[0].status, SnapshotStatus::Failed);
    assert_eq!(page.results[0].size_mb, None);
    // Already finished snapshots are not touched.
    let all = call(&app, TOKEN, &list()).await.unwrap();
    let failed = all
        .results
        .iter()
        .filter(|s| s.status == SnapshotStatus::Failed)
        .count();
    assert_eq!(failed, 2, "the seed's one failed snapshot and the new one");
}

#[tokio::test]
async fn chaos_with_a_seed_repeats_its_sequence() {
    async fn run(seed: u64) -> Vec<(u16, String)> {
        let app = app(&["--test-control"]);
        let r = send(&app, control("/chaos", json!({"seed": seed, "rate": 0.5}))).await;
        assert_eq!(r.status(), 204);
        let mut seen = Vec::new();
        for _ in 0..40 {
            let request = api(TOKEN)
                .request(&list())
                .unwrap()
                .map(axum::body::Body::from);
            let response = app.clone().oneshot(request).await.unwrap();
            let fault = response
                .headers()
                .get("x-sim-fault")
                .map(|v| v.to_str().unwrap().to_owned())
                .unwrap_or_default();
            seen.push((response.status().as_u16(), fault));
        }
        seen
    }
    let first = run(7).await;
    assert_eq!(first, run(7).await);
    assert_ne!(first, run(8).await);
    let faults = first.iter().filter(|(_, f)| !f.is_empty()).count();
    assert!(
        (8..=32).contains(&faults),
        "{faults} faults of 40 at rate 0.5"
    );
}

/// A `/_sim/` request with this content type (or none) and host.
fn raw_control(path: &str, content_type: Option<&str>, host: &str, body: &str) -> Request<Vec<u8>> {
    let mut builder = Request::builder()
        .method("POST")
        .uri(format!("/_sim{path}"))
        .header("host", host);
    if let Some(content_type) = content_type {
        builder = builder.header("content-type", content_type);
    }
    builder.body(body.as_bytes().to_vec()).unwrap()
}

#[tokio::test]
async fn a_cross_site_form_post_cannot_advance_or_queue() {
    let app = app(&["--test-control", "--create-delay-ms", "600000"]);
    call(&app, TOKEN, &create("slow")).await.unwrap();
    for content_type in [
        Some("application/x-www-form-urlencoded"),
        Some("text/plain"),
        Some("multipart/form-data; boundary=x"),
        None,
    ] {
        let r = send(&app, raw_control("/advance", content_type, HOST, "")).await;
        assert_eq!(r.status(), 415, "{content_type:?}");
        let body: serde_json::Value = serde_json::from_slice(r.body()).unwrap();
        assert!(
            body["detail"]
                .as_str()
                .unwrap()
                .contains("application/json"),
            "{body}"
        );
        let faults =
            json!({"operation": "snapshot_list", "fault": {"kind": "status", "status": 500}});
        let r = send(
            &app,
            raw_control("/faults", content_type, HOST, &faults.to_string()),
        )
        .await;
        assert_eq!(r.status(), 415, "{content_type:?}");
    }
    let page = call(&app, TOKEN, &list()).await.unwrap();
    let slow = page.results.iter().find(|s| s.name == "slow").unwrap();
    assert_eq!(slow.status, SnapshotStatus::InProgress, "nothing advanced");
    let r = send(
        &app,
        raw_control(
            "/advance",
            Some("application/json; charset=utf-8"),
            HOST,
            "",
        ),
    )
    .await;
    assert_eq!(r.status(), 204);
}

#[tokio::test]
async fn fault_times_are_capped() {
    let app = app(&["--test-control"]);
    for times in [4_294_967_295u64, 1001] {
        let request = json!({
            "operation": "snapshot_list",
            "fault": {"kind": "status", "status": 503},
            "times": times,
        });
        let r = send(&app, control("/faults", request)).await;
        assert_eq!(r.status(), 400, "{times}");
        let body: serde_json::Value = serde_json::from_slice(r.body()).unwrap();
        assert_eq!(body, json!({"detail": "times must be at most 1000."}));
    }
    assert_eq!(
        call(&app, TOKEN, &list()).await.unwrap().count,
        9,
        "nothing queued"
    );
    fault(
        &app,
        "snapshot_list",
        json!({"kind": "status", "status": 503}),
        1000,
    )
    .await;
    assert!(call(&app, TOKEN, &list()).await.is_err());
}

#[tokio::test]
async fn test_control_answers_only_local_hosts_on_its_port() {
    let app = app(&["--test-control"]);
    let json = Some("application/json");
    for host in [
        "evil.example:18080",
        "localhost.evil.example:18080",
        "localhost:8080",
        "127.0.0.1:18081",
        "127.0.0.1",
    ] {
        let r = send(&app, raw_control("/advance", json, host, "{}")).await;
        assert_eq!(r.status(), 421, "{host}");
        let body: serde_json::Value = serde_json::from_slice(r.body()).unwrap();
        assert!(
            body["detail"].as_str().unwrap().contains("localhost"),
            "{body}"
        );
    }
    let no_host = Request::builder()
        .method("POST")
        .uri("/_sim/advance")
        .header("content-type", "application/json")
        .body(b"{}".to_vec())
        .unwrap();
    assert_eq!(send(&app, no_host).await.status(), 421);
    for host in ["localhost:18080", "127.0.0.1:18080", "[::1]:18080"] {
        let r = send(&app, raw_control("/advance", json, host, "{}")).await;
        assert_eq!(r.status(), 204, "{host}");
    }
    // The API itself does not care about the host name.
    let mut request = api(TOKEN).request(&list()).unwrap();
    request
        .headers_mut()
        .insert("host", "evil.example".parse().unwrap());
    let answer = send(&app, request).await;
    assert_eq!(answer.status(), 200);
}

/// The binary checks against the port it actually got (here a free one picked at start).
#[tokio::test]
async fn the_binary_checks_the_host_against_its_bound_port() {
    let sim = common::start(&["--ephemeral", "--token", "t", "--test-control"]);
    let port = sim.origin.rsplit(':').next().unwrap().to_owned();
    let client = reqwest::Client::new();
    let advance = |host: String| {
        client
            .post(sim.url("/_sim/advance"))
            .header("host", host)
            .header("content-type", "application/json")
            .body("{}")
            .send()
    };
    assert_eq!(
        advance(format!("127.0.0.1:{port}")).await.unwrap().status(),
        204
    );
    assert_eq!(
        advance(format!("localhost:{port}")).await.unwrap().status(),
        204
    );
    assert_eq!(
        advance(format!("evil.example:{port}"))
            .await
            .unwrap()
            .status(),
        421
    );
    assert_eq!(
        advance("localhost:8080".to_owned()).await.unwrap().status(),
        421
    );
}
