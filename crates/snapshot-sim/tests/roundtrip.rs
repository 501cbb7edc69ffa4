//! The core builds each request, the simulator's router answers in process, and the core
//! decodes the answer: every endpoint, every documented status.

mod common;

use common::{app, call, send, TOKEN};
use snapshot_api::endpoints::{
    Field, SnapshotCreate, SnapshotDelete, SnapshotList, SnapshotRestore,
};
use snapshot_api::{
    ApiError, Description, ServerId, ServerStatus, SnapshotId, SnapshotName, SnapshotStatus,
};

fn server(id: u64) -> ServerId {
    ServerId::new(id).unwrap()
}

fn snap(id: u64) -> SnapshotId {
    SnapshotId::new(id).unwrap()
}

fn create(server_id: u64, name: &str) -> SnapshotCreate {
    SnapshotCreate::new(
        server(server_id),
        SnapshotName::parse(name).unwrap(),
        Some(Description::parse("from the round-trip test").unwrap()),
    )
}

#[tokio::test]
async fn snapshot_list_200_is_the_pages_example_exactly() {
    let app = app(&[]);
    let api = common::api(TOKEN);
    let response = send(
        &app,
        api.request(&SnapshotList::for_server(server(12345)))
            .unwrap(),
    )
    .await;
    assert_eq!(response.status(), 200);
    let got: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    let page: serde_json::Value = serde_json::from_str(include_str!(
        "../../snapshot-api/tests/fixtures/list_server_12345.json"
    ))
    .unwrap();
    assert_eq!(got, page);
}

#[tokio::test]
async fn snapshot_list_all_servers_newest_first() {
    let page = call(&app(&[]), TOKEN, &SnapshotList::all()).await.unwrap();
    assert_eq!(page.count as usize, page.results.len());
    assert_eq!(page.count, 9);
    assert!(page
        .results
        .windows(2)
        .all(|w| w[0].created_at >= w[1].created_at));
    let empty = call(&app(&["--seed", "empty"]), TOKEN, &SnapshotList::all())
        .await
        .unwrap();
    assert_eq!(empty.count, 0);
}

#[tokio::test]
async fn snapshot_create_201_then_completes() {
    let app = app(&[]);
    let created = call(&app, TOKEN, &create(12345, "before-update-snapshot"))
        .await
        .unwrap();
    assert_eq!(created.snapshot.id.get(), 802, "the page's example id");
    assert_eq!(created.snapshot.status, SnapshotStatus::InProgress);
    assert_eq!(created.snapshot.size_mb, None);
    assert_eq!(
        created.message.as_deref(),
        Some("Snapshot is being created. This may take 3-10 minutes depending on server size.")
    );
    // With a zero delay, the next read sees it completed, with a size.
    let page = call(&app, TOKEN, &SnapshotList::for_server(server(12345)))
        .await
        .unwrap();
    let listed = page.results.iter().find(|s| s.id.get() == 802).unwrap();
    assert_eq!(listed.status, SnapshotStatus::Completed);
    assert!(listed.size_mb.unwrap() > 0);
}

#[tokio::test]
async fn snapshot_create_stays_in_progress_until_its_delay() {
    let app = app(&["--create-delay-ms", "60000"]);
    call(&app, TOKEN, &create(12347, "slow")).await.unwrap();
    let page = call(&app, TOKEN, &SnapshotList::for_server(server(12347)))
        .await
        .unwrap();
    assert_eq!(page.results[0].status, SnapshotStatus::InProgress);
    assert_eq!(page.results[0].size_mb, None);
}

#[tokio::test]
async fn snapshot_create_400_field_errors() {
    let app = app(&[]);
    let api = common::api(TOKEN);
    let endpoint = create(12345, "x");
    let mut request = api.request(&endpoint).unwrap();
    *request.body_mut() =
        br#"{"server_id": "abc", "name": "no spaces please", "description": 7}"#.to_vec();
    let err = api
        .decode(&endpoint, &send(&app, request).await)
        .unwrap_err();
    assert!(matches!(err, ApiError::Validation { .. }), "{err:?}");
    assert_eq!(
        err.field_messages(Field::Name),
        ["Use only letters, digits, hyphens (-) and underscores (_); a space is not allowed."]
    );
    assert_eq!(
        err.field_messages(Field::ServerId),
        ["A valid integer is required."]
    );
    assert_eq!(
        err.field_messages(Field::Description),
        ["Not a valid string."]
    );
}

#[tokio::test]
async fn snapshot_create_400_limit_reached() {
    let err = call(&app(&[]), TOKEN, &create(12346, "sixth"))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        ApiError::LimitReached {
            detail: "Snapshot limit reached: db-primary-01 already has 5 of 5 snapshots. Delete one before creating another.".into()
        }
    );
}

#[tokio::test]
async fn snapshot_create_400_while_the_server_restores() {
    let app = app(&["--create-delay-ms", "0", "--restore-delay-ms", "60000"]);
    call(
        &app,
        TOKEN,
        &SnapshotRestore {
            snapshot_id: snap(801),
        },
    )
    .await
    .unwrap();
    let err = call(&app, TOKEN, &create(12345, "during-restore"))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, ApiError::InvalidState { detail } if detail.contains("being restored")),
        "{err:?}"
    );
}

#[tokio::test]
async fn snapshot_create_404_unknown_server() {
    let err = call(&app(&[]), TOKEN, &create(99999, "ghost"))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        ApiError::NotFound {
            detail: Some("Server 99999 does not exist.".into())
        }
    );
}

#[tokio::test]
async fn snapshot_restore_200() {
    let accepted = call(
        &app(&[]),
        TOKEN,
        &SnapshotRestore {
            snapshot_id: snap(801),
        },
    )
    .await
    .unwrap();
    assert_eq!(accepted.status, "success");
    assert_eq!(
        accepted.message,
        "Server is being restored from snapshot. This may take 5-15 minutes."
    );
    assert_eq!(accepted.snapshot.name, "pre-migration-snapshot");
    assert_eq!(accepted.server.name, "web-server-01");
    assert_eq!(accepted.server.status, ServerStatus::Restoring);
}

#[tokio::test]
async fn snapshot_restore_400_twice_at_once_and_for_unfinished_snapshots() {
    let app = app(&["--create-delay-ms", "60000", "--restore-delay-ms", "60000"]);
    let restore = SnapshotRestore {
        snapshot_id: snap(801),
    };
    call(&app, TOKEN, &restore).await.unwrap();
    let err = call(&app, TOKEN, &restore).await.unwrap_err();
    assert!(matches!(err, ApiError::InvalidState { .. }), "{err:?}");
    // A failed snapshot, and one still being created.
    let failed = call(
        &app,
        TOKEN,
        &SnapshotRestore {
            snapshot_id: snap(795),
        },
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&failed, ApiError::InvalidState { detail } if detail.contains("cannot be restored (failed)")),
        "{failed:?}"
    );
    let created = call(&app, TOKEN, &create(12347, "unfinished"))
        .await
        .unwrap();
    let unfinished = call(
        &app,
        TOKEN,
        &SnapshotRestore {
            snapshot_id: created.snapshot.id,
        },
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&unfinished, ApiError::InvalidState { detail } if detail.contains("still being created")),
        "{unfinished:?}"
    );
}

#[tokio::test]
async fn snapshot_restore_finishes_after_its_delay() {
    let app = app(&[]);
    call(
        &app,
        TOKEN,
        &SnapshotRestore {
            snapshot_id: snap(801),
        },
    )
    .await
    .unwrap();
    // Zero delay: the server is back and can be restored again.
    call(
        &app,
        TOKEN,
        &SnapshotRestore {
            snapshot_id: snap(798),
        },
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn snapshot_restore_and_delete_404() {
    let app = app(&[]);
    for id in [snap(424242)] {
        let err = call(&app, TOKEN, &SnapshotRestore { snapshot_id: id })
            .await
            .unwrap_err();
        assert_eq!(
            err,
            ApiError::NotFound {
                detail: Some("Not found.".into())
            }
        );
        let err = call(&app, TOKEN, &SnapshotDelete { snapshot_id: id })
            .await
            .unwrap_err();
        assert!(matches!(err, ApiError::NotFound { .. }));
    }
}

#[tokio::test]
async fn snapshot_delete_204_then_404() {
    let app = app(&[]);
    let delete = SnapshotDelete {
        snapshot_id: snap(798),
    };
    call(&app, TOKEN, &delete).await.unwrap();
    let page = call(&app, TOKEN, &SnapshotList::for_server(server(12345)))
        .await
        .unwrap();
    assert_eq!(page.count, 1);
    assert!(matches!(
        call(&app, TOKEN, &delete).await,
        Err(ApiError::NotFound { .. })
    ));
}

#[tokio::test]
async fn every_endpoint_401_with_a_wrong_token() {
    let app = app(&[]);
    let expected = ApiError::Unauthorized {
        detail: Some("Invalid token.".into()),
    };
    let wrong = "not-the-token";
    assert_eq!(
        call(&app, wrong, &SnapshotList::all()).await.unwrap_err(),
        expected
    );
    assert_eq!(
        call(&app, wrong, &create(12345, "x")).await.unwrap_err(),
        expected
    );
    assert_eq!(
        call(
            &app,
            wrong,
            &SnapshotRestore {
                snapshot_id: snap(801)
            }
        )
        .await
        .unwrap_err(),
        expected
    );
    assert_eq!(
        call(
            &app,
            wrong,
            &SnapshotDelete {
                snapshot_id: snap(801)
            }
        )
        .await
        .unwrap_err(),
        expected
    );
    // Nothing was changed by those calls.
    assert_eq!(
        call(&app, TOKEN, &SnapshotList::all()).await.unwrap().count,
        9
    );
}

#[tokio::test]
async fn the_large_seed_has_the_asked_number_of_snapshots_within_the_limit() {
    let page = call(&app(&["--seed", "large"]), TOKEN, &SnapshotList::all())
        .await
        .unwrap();
    assert_eq!(page.count, 5000);
    let hundred = call(
        &app(&["--seed", "large", "--seed-servers", "20"]),
        TOKEN,
        &SnapshotList::all(),
    )
    .await
    .unwrap();
    assert_eq!(hundred.count, 100);
    let mut per_server = std::collections::HashMap::new();
    for s in &page.results {
        *per_server.entry(s.server.id).or_insert(0) += 1;
    }
    assert_eq!(per_server.len(), 1000);
    assert!(per_server.values().all(|n| *n <= 5));
}
