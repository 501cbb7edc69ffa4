use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use serde::Deserialize;
use snapshot_api::{ErrorBody, ServerId, SnapshotPage};

use crate::{db, AppState, SimError};

#[derive(Deserialize)]
pub struct ListQuery {
    server_id: Option<String>,
}

/// `GET /api/v1/snapshots/[?server_id=N]`
pub async fn snapshot_list(
    State(state): State<AppState>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Json<SnapshotPage>, SimError> {
    // A query string that does not parse (e.g. `server_id` twice) is a DRF-style 400.
    let Query(query) = query.map_err(|_| {
        let mut body = ErrorBody::default();
        body.fields.push((
            "server_id".to_owned(),
            vec!["Give server_id once, as a whole number.".to_owned()],
        ));
        SimError::BadRequest(body)
    })?;
    // As with django-filter, an empty value means no filter and a bad one is a field error.
    // Only a truly empty one: Django's IntegerField takes " 12 " but refuses a value of
    // nothing but spaces ("\x0c" is not one of its empty values, and `int()` refuses it).
    let server_id = match query.server_id.as_deref() {
        None | Some("") => None,
        Some(text) => Some(text.trim().parse::<ServerId>().map_err(|e| {
            let mut body = ErrorBody::default();
            body.fields
                .push(("server_id".to_owned(), vec![e.to_string()]));
            SimError::BadRequest(body)
        })?),
    };
    // One SELECT, which derives each status from its due time: no write, no write lock.
    let clock = state.clock.clone();
    let results = state
        .db
        .call(move |conn| db::snapshots(conn, server_id, clock.now_ms()))
        .await?;
    Ok(Json(SnapshotPage {
        count: results.len() as u64,
        next: None,
        previous: None,
        results,
    }))
}
