use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use rusqlite::{params, Transaction};
use snapshot_api::{
    rules, RestoreAccepted, RestoredServer, RestoredSnapshot, ServerStatus, SnapshotId,
};

use super::SnapshotIdPath;
use crate::idempotency::{self, Answer, Keyed};
use crate::{db, AppState, SimError};

/// The service's message for a started restore, from the API page.
pub const RESTORE_MESSAGE: &str =
    "Server is being restored from snapshot. This may take 5-15 minutes.";

/// `POST /api/v1/snapshots/{snapshot_id}/restore/`
pub async fn snapshot_restore(
    State(state): State<AppState>,
    SnapshotIdPath(id): SnapshotIdPath,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Result<Answer, SimError> {
    let keyed = Keyed::from_request(&headers, &Method::POST, uri.path(), &body)?;
    let delay_ms = state.restore_delay_ms;
    let clock = state.clock.clone();
    state
        .db
        .call(move |conn| {
            idempotency::run_once(conn, keyed.as_ref(), &*clock, |tx, now| {
                let accepted = restore(tx, id, now, delay_ms)?;
                Answer::json(StatusCode::OK, &accepted)
            })
        })
        .await
}

/// The write: checks the snapshot and its server, then starts the restore.
fn restore(
    tx: &Transaction<'_>,
    id: SnapshotId,
    now: i64,
    delay_ms: i64,
) -> Result<RestoreAccepted, SimError> {
    // Both as they are now: a finished creation is restorable, a finished restore is over.
    let snapshot =
        db::snapshot(tx, id, now)?.ok_or_else(|| SimError::NotFound("Not found.".into()))?;
    let server = db::server(tx, snapshot.server.id, now)?
        .ok_or_else(|| SimError::Internal("snapshot without server".into()))?;
    rules::check_restore(
        &snapshot.name,
        &snapshot.status,
        &server.name,
        Some(&server.status),
    )
    .map_err(|refusal| SimError::bad_request(refusal.to_string()))?;
    // The server is stopped, then holds the snapshot's data once restored.
    tx.execute(
        "UPDATE servers SET status = 'restoring', restoring_until_ms = ?2,
                disk_used_mb = COALESCE(?3, disk_used_mb)
         WHERE id = ?1",
        params![
            server.id.get() as i64,
            now.saturating_add(delay_ms),
            snapshot.size_mb.map(|s| s as i64),
        ],
    )?;
    Ok(RestoreAccepted {
        status: "success".to_owned(),
        message: RESTORE_MESSAGE.to_owned(),
        snapshot: RestoredSnapshot {
            id: snapshot.id,
            name: snapshot.name,
            created_at: snapshot.created_at,
        },
        server: RestoredServer {
            id: server.id,
            name: server.name,
            status: ServerStatus::Restoring,
        },
    })
}
