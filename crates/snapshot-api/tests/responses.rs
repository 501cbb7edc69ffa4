//! Decoding every documented status code of every endpoint.

mod common;

use common::{api, response};
use snapshot_api::endpoints::{
    Field, SnapshotCreate, SnapshotDelete, SnapshotList, SnapshotRestore,
};
use snapshot_api::{
    ApiError, RetryAfter, ServerId, ServerStatus, SnapshotId, SnapshotName, SnapshotStatus,
};

fn create() -> SnapshotCreate {
    SnapshotCreate::new(
        ServerId::new(12345).unwrap(),
        SnapshotName::parse("before-update-snapshot").unwrap(),
        None,
    )
}

fn restore() -> SnapshotRestore {
    SnapshotRestore {
        snapshot_id: SnapshotId::new(801).unwrap(),
    }
}

fn delete() -> SnapshotDelete {
    SnapshotDelete {
        snapshot_id: SnapshotId::new(801).unwrap(),
    }
}

#[test]
fn list_200_is_the_pages_example() {
    let body = include_bytes!("fixtures/list_server_12345.json");
    let page = api()
        .decode(&SnapshotList::all(), &response(200, body))
        .unwrap();
    assert_eq!(page.count, 2);
    assert_eq!(page.next, None);
    let first = &page.results[0];
    assert_eq!(first.id.get(), 801);
    assert_eq!(first.server.name, "web-server-01");
    assert_eq!(first.name, "pre-migration-snapshot");
    assert_eq!(first.status, SnapshotStatus::Completed);
    assert_eq!(first.size_mb, Some(5120));
    assert_eq!(first.created_at.unix_timestamp(), 1_736_965_800);
    assert_eq!(first.description.as_deref(), Some("Before major migration"));
    assert_eq!(page.results[1].id.get(), 798);
}

#[test]
fn list_tolerates_unknown_fields_missing_optionals_and_new_statuses() {
    let body = br#"{"count": 1, "next": null, "previous": null, "extra": 1, "results": [
        {"id": 5, "server": {"id": 9, "name": "s", "region": "eu"}, "name": "n",
         "status": "archiving", "created_at": "2025-01-15T20:30:00+02:00"}]}"#;
    let page = api()
        .decode(&SnapshotList::all(), &response(200, body))
        .unwrap();
    let snap = &page.results[0];
    assert_eq!(snap.status, SnapshotStatus::Unknown("archiving".into()));
    assert_eq!(snap.size_mb, None);
    assert_eq!(snap.description, None);
    assert_eq!(snap.created_at.unix_timestamp(), 1_736_965_800);
}

#[test]
fn create_201() {
    let body = include_bytes!("fixtures/create_201.json");
    let created = api().decode(&create(), &response(201, body)).unwrap();
    assert_eq!(created.snapshot.id.get(), 802);
    assert_eq!(created.snapshot.status, SnapshotStatus::InProgress);
    assert_eq!(created.snapshot.size_mb, None);
    assert_eq!(
        created.message.as_deref(),
        Some("Snapshot is being created. This may take 3-10 minutes depending on server size.")
    );
}

#[test]
fn create_201_message_is_optional_and_checked() {
    let snapshot = r#""id": 803, "server": {"id": 1, "name": "s"}, "name": "n", "status": "in_progress", "created_at": "2025-01-15T18:30:00Z""#;
    let without = format!("{{{snapshot}}}");
    let created = api()
        .decode(&create(), &response(201, without.as_bytes()))
        .unwrap();
    assert_eq!(created.snapshot.id.get(), 803);
    assert_eq!(created.message, None);

    let wrong = format!(r#"{{{snapshot}, "message": 7}}"#);
    let err = api()
        .decode(&create(), &response(201, wrong.as_bytes()))
        .unwrap_err();
    assert!(err.to_string().contains("message"), "{err}");
}

#[test]
fn create_400_field_errors_are_per_field() {
    let body = br#"{"name": ["Use only letters, digits, hyphens (-) and underscores (_); a space is not allowed."]}"#;
    let err = api().decode(&create(), &response(400, body)).unwrap_err();
    assert!(matches!(err, ApiError::Validation { .. }), "{err:?}");
    assert_eq!(err.field_messages(Field::Name).len(), 1);
    assert!(err.field_messages(Field::ServerId).is_empty());
}

#[test]
fn create_400_limit_reached() {
    let body =
        br#"{"detail": "Snapshot limit reached: web-server-01 already has 5 of 5 snapshots."}"#;
    let err = api().decode(&create(), &response(400, body)).unwrap_err();
    assert!(matches!(err, ApiError::LimitReached { .. }), "{err:?}");
    assert_eq!(err.status(), Some(400));
}

#[test]
fn create_400_non_field_error_is_a_state_problem() {
    let body = br#"{"non_field_errors": ["Server is being restored."]}"#;
    let err = api().decode(&create(), &response(400, body)).unwrap_err();
    assert_eq!(
        err,
        ApiError::InvalidState {
            detail: "Server is being restored.".into()
        }
    );
}

#[test]
fn create_404_server_does_not_exist() {
    let body = br#"{"detail": "Not found."}"#;
    let err = api().decode(&create(), &response(404, body)).unwrap_err();
    assert_eq!(
        err,
        ApiError::NotFound {
            detail: Some("Not found.".into())
        }
    );
}

#[test]
fn every_endpoint_401() {
    let body = br#"{"detail": "Invalid token."}"#;
    let expected = ApiError::Unauthorized {
        detail: Some("Invalid token.".into()),
    };
    let r = response(401, body);
    assert_eq!(
        api().decode(&SnapshotList::all(), &r).unwrap_err(),
        expected
    );
    assert_eq!(api().decode(&create(), &r).unwrap_err(), expected);
    assert_eq!(api().decode(&restore(), &r).unwrap_err(), expected);
    assert_eq!(api().decode(&delete(), &r).unwrap_err(), expected);
}

#[test]
fn restore_200() {
    let body = include_bytes!("fixtures/restore_200.json");
    let accepted = api().decode(&restore(), &response(200, body)).unwrap();
    assert_eq!(accepted.status, "success");
    assert_eq!(accepted.snapshot.id.get(), 801);
    assert_eq!(accepted.server.status, ServerStatus::Restoring);
    assert_eq!(accepted.server.name, "web-server-01");
}

#[test]
fn restore_400_invalid_state() {
    let body = br#"{"detail": "Server is not in a valid state for restoration."}"#;
    let err = api().decode(&restore(), &response(400, body)).unwrap_err();
    assert!(matches!(err, ApiError::InvalidState { .. }), "{err:?}");
}

#[test]
fn restore_and_delete_404() {
    let r = response(404, br#"{"detail": "Not found."}"#);
    assert!(matches!(
        api().decode(&restore(), &r),
        Err(ApiError::NotFound { .. })
    ));
    assert!(matches!(
        api().decode(&delete(), &r),
        Err(ApiError::NotFound { .. })
    ));
}

#[test]
fn delete_204_with_empty_body() {
    api().decode(&delete(), &response(204, b"")).unwrap();
}

#[test]
fn rate_limit_keeps_retry_after() {
    let r = http::Response::builder()
        .status(429)
        .header("retry-after", "30")
        .body(br#"{"detail": "Request was throttled."}"#.to_vec())
        .unwrap();
    let err = api().decode(&SnapshotList::all(), &r).unwrap_err();
    assert_eq!(
        err,
        ApiError::RateLimited {
            retry_after: Some(RetryAfter::Seconds(30))
        }
    );
    assert!(err.is_retryable());
}

#[test]
fn server_errors_and_undocumented_statuses() {
    let err = api()
        .decode(&SnapshotList::all(), &response(503, b""))
        .unwrap_err();
    assert_eq!(
        err,
        ApiError::Server {
            status: 503,
            detail: None
        }
    );
    let err = api()
        .decode(&create(), &response(403, br#"{"detail": "Forbidden."}"#))
        .unwrap_err();
    assert_eq!(
        err,
        ApiError::UnexpectedStatus {
            status: 403,
            detail: Some("Forbidden.".into())
        }
    );
}
