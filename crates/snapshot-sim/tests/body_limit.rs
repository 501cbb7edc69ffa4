//! A too-large body gets a 413 that a client which sends its whole body before reading (as
//! Python's `urllib` does) can read; a far too large one gets the connection closed, never a
//! hang.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::start;

/// POSTs `size` bytes of JSON to the create path with `urllib`, and prints the status and
/// body of the answer, or the error's class name when there is no answer.
const CLIENT: &str = r#"
import sys, urllib.request, urllib.error
url, size = sys.argv[1], int(sys.argv[2])
body = b'{"server_id": 12345, "name": "big", "description": "' + b'x' * size + b'"}'
request = urllib.request.Request(url, data=body, method="POST", headers={
    "Authorization": "Bearer t", "Content-Type": "application/json"})
try:
    with urllib.request.urlopen(request, timeout=20) as answer:
        print(answer.status)
        print(answer.read().decode())
except urllib.error.HTTPError as e:
    print(e.code)
    print(e.read().decode())
except Exception as e:
    print("no answer:", type(e).__name__)
"#;

fn post_with_urllib(url: &str, size: usize) -> (String, Duration) {
    let started = Instant::now();
    let out = Command::new("python3")
        .args(["-c", CLIENT, url, &size.to_string()])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (String::from_utf8(out.stdout).unwrap(), started.elapsed())
}

/// 2 MiB, and 6 MiB: more than loopback's socket buffers hold, so the client is still
/// sending when the answer is ready (the case that met a broken pipe before).
#[test]
fn urllib_reads_the_413_for_2_and_6_mib_bodies() {
    let sim = start(&["--ephemeral", "--token", "t"]);
    for mib in [2, 6] {
        let (out, _) = post_with_urllib(&sim.url("/api/v1/snapshots/"), mib * 1024 * 1024);
        let (status, body) = out.split_once('\n').unwrap();
        assert_eq!(status, "413", "{mib} MiB: {out}");
        let body: serde_json::Value = serde_json::from_str(body.trim()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"detail": format!(
                "Request body is too large (the limit is {} bytes).",
                snapshot_sim::MAX_BODY_BYTES
            )})
        );
    }
}

#[test]
fn a_20_mib_body_gets_the_connection_closed_not_a_hang() {
    let sim = start(&["--ephemeral", "--token", "t"]);
    let (out, took) = post_with_urllib(&sim.url("/api/v1/snapshots/"), 20 * 1024 * 1024);
    // Either the 413 got through or the connection was closed under the client: both end.
    assert!(
        out.starts_with("413") || out.starts_with("no answer:"),
        "{out}"
    );
    assert!(took < Duration::from_secs(15), "took {took:?}");
    // The simulator is still there for the next request.
    let (out, _) = post_with_urllib(&sim.url("/api/v1/snapshots/"), 10);
    assert!(out.starts_with("201"), "{out}");
}

#[tokio::test]
async fn a_body_just_under_the_limit_still_goes_through() {
    let app = common::app(&[]);
    let description = "x".repeat(400);
    let mut body =
        format!(r#"{{"server_id": 12347, "name": "padded", "description": "{description}"}}"#);
    body.push_str(&" ".repeat(snapshot_sim::MAX_BODY_BYTES - body.len()));
    let request = http::Request::post("/api/v1/snapshots/")
        .header("authorization", format!("Bearer {}", common::TOKEN))
        .header("content-type", "application/json")
        .body(body.into_bytes())
        .unwrap();
    assert_eq!(common::send(&app, request).await.status(), 201);
}
