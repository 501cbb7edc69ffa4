use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use rusqlite::{params, Transaction};
use serde_json::Value;
use snapshot_api::endpoints::SnapshotCreateBody;
use snapshot_api::{rules, ErrorBody, SnapshotCreated, SnapshotId};

use crate::idempotency::{self, Answer, Keyed};
use crate::{db, AppState, SimError};

/// The service's message for a started create, from the API page.
pub const CREATE_MESSAGE: &str =
    "Snapshot is being created. This may take 3-10 minutes depending on server size.";

/// `POST /api/v1/snapshots/`
pub async fn snapshot_create(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    body: Result<Bytes, BytesRejection>,
) -> Result<Answer, SimError> {
    let body = body.map_err(|_| SimError::TooLarge)?;
    let keyed = Keyed::from_request(&headers, &Method::POST, uri.path(), &body)?;
    // DRF reads an empty JSON body as an empty object, then reports the missing fields.
    let value: Value = if body.iter().all(u8::is_ascii_whitespace) {
        Value::Object(Default::default())
    } else {
        serde_json::from_slice(&body)
            .map_err(|e| SimError::bad_request(format!("JSON parse error - {e}")))?
    };
    let input = SnapshotCreateBody::from_value(&value).map_err(|fields| {
        let mut error = ErrorBody::default();
        for (field, messages) in fields {
            if field == "non_field_errors" {
                error.non_field_errors = messages;
            } else {
                error.fields.push((field, messages));
            }
        }
        SimError::BadRequest(error)
    })?;
    let delay_ms = state.create_delay_ms;
    let clock = state.clock.clone();
    state
        .db
        .call(move |conn| {
            idempotency::run_once(conn, keyed.as_ref(), &*clock, |tx, now| {
                let snapshot = create(tx, &input, now, delay_ms)?;
                Answer::json(
                    StatusCode::CREATED,
                    &SnapshotCreated {
                        snapshot,
                        message: Some(CREATE_MESSAGE.to_owned()),
                    },
                )
            })
        })
        .await
}

/// The write: checks the server and its limit, then adds the snapshot.
fn create(
    tx: &Transaction<'_>,
    input: &SnapshotCreateBody,
    now: i64,
    delay_ms: i64,
) -> Result<snapshot_api::Snapshot, SimError> {
    // The server as it is now: a restore past its due time no longer blocks a create.
    let server = db::server(tx, input.server_id, now)?
        .ok_or_else(|| SimError::NotFound(format!("Server {} does not exist.", input.server_id)))?;
    let count = db::count_snapshots(tx, server.id)?;
    rules::check_create(&server.name, count, Some(&server.status))
        .map_err(|refusal| SimError::bad_request(refusal.to_string()))?;
    tx.execute(
        "INSERT INTO snapshots (server_id, name, description, status, size_mb,
                                final_size_mb, created_at, ready_at_ms)
         SELECT id, ?2, ?3, 'in_progress', NULL, disk_used_mb, ?4, ?5
         FROM servers WHERE id = ?1",
        params![
            server.id.get() as i64,
            input.name.as_str(),
            input.description.as_ref().map_or("", |d| d.as_str()),
            now / 1000,
            now.saturating_add(delay_ms),
        ],
    )?;
    let id = SnapshotId::new(tx.last_insert_rowid() as u64)
        .map_err(|e| SimError::Internal(e.to_string()))?;
    db::snapshot_as_started(tx, id)?
        .ok_or_else(|| SimError::Internal("inserted row vanished".to_owned()))
}
