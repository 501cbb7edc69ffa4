use axum::extract::State;
use axum::http::StatusCode;
use rusqlite::TransactionBehavior;

use super::SnapshotIdPath;
use crate::{AppState, SimError};

/// `DELETE /api/v1/snapshots/{snapshot_id}/`
pub async fn snapshot_delete(
    State(state): State<AppState>,
    SnapshotIdPath(id): SnapshotIdPath,
) -> Result<StatusCode, SimError> {
    state
        .db
        .call(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let deleted = tx.execute("DELETE FROM snapshots WHERE id = ?1", [id.get() as i64])?;
            tx.commit()?;
            if deleted == 0 {
                return Err(SimError::NotFound("Not found.".to_owned()));
            }
            Ok(StatusCode::NO_CONTENT)
        })
        .await
}
