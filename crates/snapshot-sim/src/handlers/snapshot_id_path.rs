use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use snapshot_api::SnapshotId;

use crate::SimError;

/// The `{snapshot_id}` path segment, read through the core's `SnapshotId` (1 to 2^63 - 1).
/// Like Django's `<int:pk>`, anything else is a DRF 404 `{"detail": "Not found."}`.
pub struct SnapshotIdPath(pub SnapshotId);

impl<S: Send + Sync> FromRequestParts<S> for SnapshotIdPath {
    type Rejection = SimError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, SimError> {
        match Path::<SnapshotId>::from_request_parts(parts, state).await {
            Ok(Path(id)) => Ok(Self(id)),
            Err(PathRejection::FailedToDeserializePathParams(_)) => {
                Err(SimError::NotFound("Not found.".to_owned()))
            }
            // Only a route without the parameter gets here: a bug, not a bad request.
            Err(other) => Err(SimError::Internal(other.body_text())),
        }
    }
}
