//! Hostile and broken bodies give errors, never panics, and never leak the token.

mod common;

use common::{api, response, TOKEN};
use snapshot_api::endpoints::{SnapshotCreate, SnapshotList, SnapshotRestore};
use snapshot_api::{Api, ApiError, ServerId, SnapshotId, SnapshotName};

fn list(status: u16, body: &[u8]) -> Result<snapshot_api::SnapshotPage, ApiError> {
    api().decode(&SnapshotList::all(), &response(status, body))
}

fn assert_undecodable(result: Result<impl std::fmt::Debug, ApiError>, status: u16) -> String {
    match result {
        Err(ApiError::Undecodable {
            status: s, excerpt, ..
        }) => {
            assert_eq!(s, status);
            excerpt
        }
        other => panic!("expected Undecodable, got {other:?}"),
    }
}

#[test]
fn html_page_with_200() {
    let body = b"<!DOCTYPE html>\n<html><body><h1>Bad Gateway</h1></body></html>";
    let excerpt = assert_undecodable(list(200, body), 200);
    assert!(excerpt.starts_with("<!DOCTYPE html> <html>"), "{excerpt}");
}

#[test]
fn empty_body_with_200_and_with_400() {
    assert_undecodable(list(200, b""), 200);
    assert_undecodable(
        api().decode(
            &SnapshotCreate::new(
                ServerId::new(1).unwrap(),
                SnapshotName::parse("a").unwrap(),
                None,
            ),
            &response(400, b""),
        ),
        400,
    );
}

#[test]
fn invalid_and_truncated_json() {
    let full = include_bytes!("fixtures/list_server_12345.json");
    for cut in [1, 10, full.len() / 2, full.len() - 2] {
        assert_undecodable(list(200, &full[..cut]), 200);
    }
    assert_undecodable(list(200, b"{count: 2}"), 200);
    assert_undecodable(list(200, b"\xff\xfe\x00garbage"), 200);
}

#[test]
fn wrong_types() {
    for body in [
        &br#"{"count": "2", "results": []}"#[..],
        br#"{"count": 2, "results": {}}"#,
        br#"{"count": 1, "results": [{"id": "801"}]}"#,
        br#"{"count": 1, "results": [{"id": 0, "server": {"id": 1, "name": "s"}, "name": "n", "status": "completed", "created_at": "2025-01-15T18:30:00Z"}]}"#,
        br#"{"count": 1, "results": [{"id": 1, "server": {"id": 1, "name": "s"}, "name": "n", "status": 3, "created_at": "2025-01-15T18:30:00Z"}]}"#,
        br#"{"count": 1, "results": [{"id": 1, "server": {"id": 1, "name": "s"}, "name": "n", "status": "completed", "created_at": "yesterday"}]}"#,
        b"[]",
        b"null",
    ] {
        assert_undecodable(list(200, body), 200);
    }
    let restore = SnapshotRestore {
        snapshot_id: SnapshotId::new(1).unwrap(),
    };
    assert_undecodable(
        api().decode(&restore, &response(200, br#"{"status": "success"}"#)),
        200,
    );
}

#[test]
fn deeply_nested_json() {
    let depth = 100_000;
    let body = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert_undecodable(list(200, body.as_bytes()), 200);
    let body = format!("{{\"detail\": {}{}}}", "[".repeat(depth), "]".repeat(depth));
    let err = list(400, body.as_bytes()).unwrap_err();
    assert_eq!(err.status(), Some(400));
}

#[test]
fn very_large_body_is_refused_unread() {
    let body = vec![b' '; Api::MAX_RESPONSE_BYTES + 1];
    let err = list(200, &body).unwrap_err();
    assert!(
        matches!(&err, ApiError::Undecodable { reason, .. } if reason.contains("too large")),
        "{err:?}"
    );
}

#[test]
fn excerpts_are_short_and_never_hold_the_token() {
    let body = format!("<html>echo: Bearer {TOKEN} {}</html>", "x".repeat(10_000));
    let excerpt = assert_undecodable(list(200, body.as_bytes()), 200);
    assert!(!excerpt.contains(TOKEN), "{excerpt}");
    assert!(excerpt.contains("<redacted>"));
    assert!(excerpt.chars().count() <= 200);
    let err = list(500, body.as_bytes()).unwrap_err();
    assert!(!format!("{err:?} {err}").contains(TOKEN));
}

#[test]
fn a_wrong_type_deep_in_a_list_names_its_path() {
    let snapshot = |created_at: &str| {
        format!(
            r#"{{"id": 1, "server": {{"id": 1, "name": "s"}}, "name": "n", "status": "completed", "created_at": {created_at}}}"#
        )
    };
    let good = snapshot(r#""2025-01-15T18:30:00Z""#);
    let body = format!(
        r#"{{"count": 4, "results": [{good}, {good}, {good}, {}]}}"#,
        snapshot("5")
    );
    let Err(ApiError::Undecodable { reason, .. }) = list(200, body.as_bytes()) else {
        panic!("a number as a date was read");
    };
    assert!(
        reason.starts_with("results[3].created_at: invalid type"),
        "{reason}"
    );
    let Err(ApiError::Undecodable { reason, .. }) = list(
        200,
        br#"{"count": 1, "results": [{"id": 1, "server": {"id": "1"}}]}"#,
    ) else {
        panic!("a string as an id was read");
    };
    assert!(reason.starts_with("results[0].server.id: "), "{reason}");
}

#[test]
fn bytes_after_the_body_are_refused_without_a_path() {
    let Err(ApiError::Undecodable { reason, .. }) = list(200, br#"{"count": 0, "results": []} []"#)
    else {
        panic!("trailing bytes were ignored");
    };
    assert!(reason.starts_with("trailing characters"), "{reason}");
}
