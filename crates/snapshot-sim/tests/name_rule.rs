//! The simulator refuses a name exactly when the core's rule does, with the core's message:
//! one rule, one implementation.

mod common;

use common::{app, send, TOKEN};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use snapshot_api::SnapshotName;

#[test]
fn the_simulator_applies_the_cores_name_rule() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let app = app(&[]);
    let names = prop_oneof![
        "[A-Za-z0-9_-]{1,64}",
        "[A-Za-z0-9_-]{65,80}",
        "[A-Za-z0-9 _.é/-]{0,70}",
        any::<String>(),
    ];
    let mut runner = TestRunner::new(Config::with_cases(300));
    runner
        .run(&names, |name| {
            let body = serde_json::json!({"server_id": 12345, "name": name});
            let request = http::Request::builder()
                .method("POST")
                .uri("/api/v1/snapshots/")
                .header("authorization", format!("Bearer {TOKEN}"))
                .body(serde_json::to_vec(&body).unwrap())
                .unwrap();
            let response = runtime.block_on(send(&app, request));
            let answer: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
            match SnapshotName::parse(&name) {
                // Accepted by the rule: created, or refused for the limit, never for the name.
                Ok(_) => prop_assert!(answer.get("name").is_none() || response.status() == 201),
                Err(e) => {
                    prop_assert_eq!(response.status().as_u16(), 400);
                    prop_assert_eq!(&answer["name"], &serde_json::json!([e.to_string()]));
                }
            }
            Ok(())
        })
        .unwrap();
}
