//! Status and size follow from stored due times and the simulator's clock, at read time:
//! a manual clock moved past a due time shows the transition with no sleep, a restart on the
//! same file after the due time shows it too, and a list takes no write lock.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{app_with_clock, call, db_arg, TOKEN};
use snapshot_api::endpoints::{SnapshotCreate, SnapshotList, SnapshotRestore};
use snapshot_api::{ApiError, ServerId, SnapshotId, SnapshotName, SnapshotStatus};
use snapshot_sim::ManualClock;

const DELAYS: [&str; 4] = ["--create-delay-ms", "5000", "--restore-delay-ms", "15000"];

fn create(server_id: u64, name: &str) -> SnapshotCreate {
    SnapshotCreate::new(
        ServerId::new(server_id).unwrap(),
        SnapshotName::parse(name).unwrap(),
        None,
    )
}

fn restore(id: u64) -> SnapshotRestore {
    SnapshotRestore {
        snapshot_id: SnapshotId::new(id).unwrap(),
    }
}

fn of_server(id: u64) -> SnapshotList {
    SnapshotList::for_server(ServerId::new(id).unwrap())
}

#[tokio::test]
async fn a_manual_clock_past_the_due_time_shows_the_snapshot_completed() {
    let clock = Arc::new(ManualClock::starting_now());
    let app = app_with_clock(&DELAYS, clock.clone());
    let created = call(&app, TOKEN, &create(12347, "clocked")).await.unwrap();
    assert_eq!(created.snapshot.status, SnapshotStatus::InProgress);
    let id = created.snapshot.id.get();

    clock.advance(4_999);
    let page = call(&app, TOKEN, &of_server(12347)).await.unwrap();
    assert_eq!(page.results[0].status, SnapshotStatus::InProgress);
    assert_eq!(page.results[0].size_mb, None);
    // Still in progress inside the write transaction too: the core's rule refuses it.
    let unfinished = call(&app, TOKEN, &restore(id)).await.unwrap_err();
    assert!(
        matches!(&unfinished, ApiError::InvalidState { detail } if detail.contains("still being created")),
        "{unfinished:?}"
    );

    clock.advance(1);
    let page = call(&app, TOKEN, &of_server(12347)).await.unwrap();
    assert_eq!(page.results[0].status, SnapshotStatus::Completed);
    assert_eq!(page.results[0].size_mb, Some(3072), "the server's disk use");
    call(&app, TOKEN, &restore(id)).await.unwrap();
}

#[tokio::test]
async fn a_restore_ends_when_the_manual_clock_reaches_its_due_time() {
    let clock = Arc::new(ManualClock::starting_now());
    let app = app_with_clock(&DELAYS, clock.clone());
    call(&app, TOKEN, &restore(801)).await.unwrap();
    // Restoring: no create, no second restore.
    let during = call(&app, TOKEN, &create(12345, "during"))
        .await
        .unwrap_err();
    assert!(
        matches!(&during, ApiError::InvalidState { detail } if detail.contains("being restored")),
        "{during:?}"
    );
    clock.advance(14_999);
    let again = call(&app, TOKEN, &restore(798)).await.unwrap_err();
    assert!(matches!(again, ApiError::InvalidState { .. }), "{again:?}");
    clock.advance(1);
    call(&app, TOKEN, &create(12345, "after")).await.unwrap();
}

#[tokio::test]
async fn a_due_time_stored_before_a_restart_fires_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_arg(dir.path());
    let args = [&["--db", db.as_str()][..], &DELAYS].concat();
    let clock = Arc::new(ManualClock::starting_now());
    let app = app_with_clock(&args, clock.clone());
    call(&app, TOKEN, &create(12347, "pending")).await.unwrap();
    call(&app, TOKEN, &restore(796)).await.unwrap();
    drop(app);

    // A new simulator on the same file, once both due times have passed.
    clock.advance(15_000);
    let app = app_with_clock(&args, clock.clone());
    let page = call(&app, TOKEN, &of_server(12347)).await.unwrap();
    assert_eq!(page.results[0].status, SnapshotStatus::Completed);
    assert_eq!(page.results[0].size_mb, Some(3072));
    call(&app, TOKEN, &create(12348, "restore-over"))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_list_answers_while_another_connection_holds_the_write_lock() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_arg(dir.path());
    let clock = Arc::new(ManualClock::starting_now());
    let app = app_with_clock(&["--db", db.as_str()], clock);
    call(&app, TOKEN, &create(12347, "done")).await.unwrap();

    let mut writer = rusqlite::Connection::open(&db).unwrap();
    let held = writer
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    // A list that wrote (or asked for the write lock) would wait out the 5 s busy timeout,
    // then fail.
    let page = tokio::time::timeout(Duration::from_secs(2), call(&app, TOKEN, &of_server(12347)))
        .await
        .expect("a list must not wait for the write lock")
        .unwrap();
    assert_eq!(page.results[0].status, SnapshotStatus::Completed);
    held.rollback().unwrap();
}

#[tokio::test]
async fn advance_moves_due_times_to_the_clocks_now() {
    let clock = Arc::new(ManualClock::starting_now());
    let app = app_with_clock(&[&DELAYS[..], &["--test-control"]].concat(), clock);
    call(&app, TOKEN, &create(12347, "slow")).await.unwrap();
    call(&app, TOKEN, &restore(796)).await.unwrap();
    let advance = http::Request::builder()
        .method("POST")
        .uri("/_sim/advance")
        .header("host", common::HOST)
        .header("content-type", "application/json")
        .body(b"{}".to_vec())
        .unwrap();
    assert_eq!(common::send(&app, advance).await.status(), 204);
    // The clock has not moved: only the due times have.
    let page = call(&app, TOKEN, &of_server(12347)).await.unwrap();
    assert_eq!(page.results[0].status, SnapshotStatus::Completed);
    call(&app, TOKEN, &create(12348, "restore-over"))
        .await
        .unwrap();
}
