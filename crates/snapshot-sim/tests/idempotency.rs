//! `Idempotency-Key` on create and restore: the same request again gets the first answer
//! with no second write; the key reused for another request is a 422; keys survive a restart
//! and concurrent duplicates make one write.

mod common;

use common::{app, db_arg, list, send, start, TOKEN};
use http::Request;
use serde_json::{json, Value};

const CREATE: &str = "/api/v1/snapshots/";

fn post(uri: &str, key: Option<&str>, body: &Value) -> Request<Vec<u8>> {
    post_as(TOKEN, uri, key, body)
}

fn post_as(token: &str, uri: &str, key: Option<&str>, body: &Value) -> Request<Vec<u8>> {
    let mut builder = Request::post(uri)
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json");
    if let Some(key) = key {
        builder = builder.header("idempotency-key", key);
    }
    let bytes = if body.is_null() {
        Vec::new()
    } else {
        body.to_string().into_bytes()
    };
    builder.body(bytes).unwrap()
}

async fn count(app: &axum::Router) -> u64 {
    let list = Request::get(CREATE)
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(Vec::new())
        .unwrap();
    let body: Value = serde_json::from_slice(send(app, list).await.body()).unwrap();
    body["count"].as_u64().unwrap()
}

fn detail(body: &[u8]) -> String {
    let value: Value = serde_json::from_slice(body).unwrap();
    value["detail"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn the_same_create_twice_makes_one_snapshot_and_the_same_answer() {
    let app = app(&[]);
    let body = json!({"server_id": 12347, "name": "once"});
    let first = send(&app, post(CREATE, Some("key-create-1"), &body)).await;
    assert_eq!(first.status(), 201);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let again = send(&app, post(CREATE, Some("key-create-1"), &body)).await;
    assert_eq!(again.status(), 201);
    assert_eq!(again.body(), first.body());
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.headers()["content-type"], "application/json");
    assert_eq!(count(&app).await, 10, "one write");
    // Without a key, the same body is a new request each time.
    assert_eq!(send(&app, post(CREATE, None, &body)).await.status(), 201);
    assert_eq!(count(&app).await, 11);
}

#[tokio::test]
async fn a_key_reused_for_another_request_is_422_and_writes_nothing() {
    let app = app(&[
        "--token",
        "other-token",
        "--create-delay-ms",
        "0",
        "--restore-delay-ms",
        "600000",
    ]);
    let body = json!({"server_id": 12347, "name": "first"});
    assert_eq!(
        send(&app, post(CREATE, Some("k"), &body)).await.status(),
        201
    );
    let other_body = json!({"server_id": 12347, "name": "second"});
    let other_path = "/api/v1/snapshots/801/restore/";
    for request in [
        post(CREATE, Some("k"), &other_body),
        post(other_path, Some("k"), &Value::Null),
        post_as("other-token", CREATE, Some("k"), &body),
    ] {
        let uri = request.uri().to_string();
        let answer = send(&app, request).await;
        assert_eq!(answer.status(), 422, "{uri}");
        assert!(detail(answer.body()).contains("already used"), "{uri}");
    }
    assert_eq!(count(&app).await, 10, "only the first create");
    // The restore did not happen either: the server is not restoring.
    let created = send(
        &app,
        post(CREATE, None, &json!({"server_id": 12345, "name": "x"})),
    )
    .await;
    assert_eq!(created.status(), 201);
}

#[tokio::test]
async fn the_same_restore_twice_restores_once() {
    let app = app(&["--restore-delay-ms", "600000", "--create-delay-ms", "0"]);
    let restore = "/api/v1/snapshots/801/restore/";
    let first = send(&app, post(restore, Some("restore-1"), &Value::Null)).await;
    assert_eq!(first.status(), 200);
    let again = send(&app, post(restore, Some("restore-1"), &Value::Null)).await;
    assert_eq!(again.status(), 200);
    assert_eq!(again.body(), first.body());
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    // A second real restore is refused while the first runs: the replay was not one.
    let real = send(&app, post(restore, Some("restore-2"), &Value::Null)).await;
    assert_eq!(real.status(), 400, "{}", detail(real.body()));
}

#[tokio::test]
async fn refusals_are_kept_but_invalid_bodies_are_not() {
    let app = app(&[]);
    // Server 12346 holds its 5 snapshots: the create is refused once it started...
    let full = json!({"server_id": 12346, "name": "one-more"});
    let refused = send(&app, post(CREATE, Some("full"), &full)).await;
    assert_eq!(refused.status(), 400);
    let again = send(&app, post(CREATE, Some("full"), &full)).await;
    assert_eq!(again.status(), 400);
    assert_eq!(again.body(), refused.body());
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    // ...while a body that fails validation never started anything, so the key stays free.
    let invalid = send(&app, post(CREATE, Some("fresh"), &json!({"name": "x"}))).await;
    assert_eq!(invalid.status(), 400);
    let fixed = json!({"server_id": 12347, "name": "fixed"});
    assert_eq!(
        send(&app, post(CREATE, Some("fresh"), &fixed))
            .await
            .status(),
        201
    );
}

#[tokio::test]
async fn keys_must_be_short_visible_ascii() {
    let app = app(&[]);
    let body = json!({"server_id": 12347, "name": "keyed"});
    let long = "k".repeat(256);
    for key in [long.as_str(), "", "has space", "tab\tkey"] {
        let answer = send(&app, post(CREATE, Some(key), &body)).await;
        assert_eq!(answer.status(), 400, "{key:?}");
        assert!(detail(answer.body()).contains("Idempotency-Key"), "{key:?}");
    }
    let mut non_ascii = post(CREATE, None, &body);
    non_ascii.headers_mut().insert(
        "idempotency-key",
        http::HeaderValue::from_bytes(b"caf\xe9").unwrap(),
    );
    assert_eq!(send(&app, non_ascii).await.status(), 400);
    assert_eq!(count(&app).await, 9, "nothing written");
    let longest = "k".repeat(255);
    let ok = send(&app, post(CREATE, Some(&longest), &body)).await;
    assert_eq!(ok.status(), 201);
}

#[tokio::test]
async fn a_key_still_replays_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_arg(dir.path());
    let args = [
        "--db",
        db.as_str(),
        "--token",
        "t",
        "--create-delay-ms",
        "0",
    ];
    let client = reqwest::Client::new();
    let create = |origin: String| {
        client
            .post(format!("{origin}{CREATE}"))
            .bearer_auth("t")
            .header("idempotency-key", "survives-restarts")
            .json(&json!({"server_id": 12347, "name": "durable"}))
            .send()
    };
    let sim = start(&args);
    let first = create(sim.origin.clone()).await.unwrap();
    assert_eq!(first.status(), 201);
    let first = first.text().await.unwrap();
    sim.kill();

    let sim = start(&args);
    let again = create(sim.origin.clone()).await.unwrap();
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.text().await.unwrap(), first);
    let page = list(&sim, "t", "?server_id=12347").await;
    assert_eq!(page["count"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_duplicates_make_one_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_arg(dir.path());
    let sim = start(&["--db", &db, "--token", "t"]);
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let url = sim.url(CREATE);
            tokio::spawn(async move {
                let answer = reqwest::Client::new()
                    .post(url)
                    .bearer_auth("t")
                    .header("idempotency-key", "one-click")
                    .json(&json!({"server_id": 12347, "name": "clicked"}))
                    .send()
                    .await
                    .unwrap();
                (answer.status().as_u16(), answer.text().await.unwrap())
            })
        })
        .collect();
    let mut bodies = std::collections::HashSet::new();
    for task in tasks {
        let (status, body) = task.await.unwrap();
        assert_eq!(status, 201, "{body}");
        bodies.insert(body);
    }
    assert_eq!(bodies.len(), 1, "one answer for all: {bodies:?}");
    let page = list(&sim, "t", "?server_id=12347").await;
    assert_eq!(page["count"], 1);
}
