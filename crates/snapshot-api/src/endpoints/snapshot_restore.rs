use http::Method;

use crate::endpoint::{from_json, DecodeError};
use crate::{Endpoint, RestoreAccepted, SnapshotId};

/// `POST /snapshots/{id}/restore/`: overwrites the snapshot's server with it. Irreversible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotRestore {
    /// The snapshot to restore from.
    pub snapshot_id: SnapshotId,
}

impl Endpoint for SnapshotRestore {
    type Output = RestoreAccepted;
    const IDEMPOTENT: bool = false;

    fn method(&self) -> Method {
        Method::POST
    }

    fn path(&self) -> String {
        format!("/snapshots/{}/restore/", self.snapshot_id)
    }

    fn decode_success(&self, body: &[u8]) -> Result<RestoreAccepted, DecodeError> {
        from_json(body)
    }
}
