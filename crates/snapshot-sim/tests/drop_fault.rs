//! The `drop` fault: the write happens, then the connection closes before a single byte of
//! the answer, which is what makes browsers resend a POST by themselves. Read on the raw
//! socket, since any HTTP client would hide how many bytes came.

mod common;

use std::time::Duration;

use common::{list, start};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn drop_sends_nothing_but_the_write_happened() {
    let sim = start(&["--ephemeral", "--token", "t", "--test-control"]);
    let client = reqwest::Client::new();
    let queued = client
        .post(sim.url("/_sim/faults"))
        .json(&json!({"operation": "snapshot_create", "fault": {"kind": "drop"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(queued.status(), 204);

    let address = sim.origin.trim_start_matches("http://").to_owned();
    let mut socket = tokio::net::TcpStream::connect(&address).await.unwrap();
    let body = json!({"server_id": 12347, "name": "answer-dropped"}).to_string();
    let request = format!(
        "POST /api/v1/snapshots/ HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer t\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    socket.write_all(request.as_bytes()).await.unwrap();
    let mut received = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), socket.read_to_end(&mut received))
        .await
        .expect("the connection closes, it does not hang");
    // EOF or a reset, either way with nothing before it.
    assert!(
        received.is_empty(),
        "{read:?}: {:?}",
        String::from_utf8_lossy(&received)
    );

    let page = list(&sim, "t", "?server_id=12347").await;
    assert_eq!(page["count"], 1);
    assert_eq!(page["results"][0]["name"], "answer-dropped");
}
