use http::Method;

use crate::endpoint::DecodeError;
use crate::{Endpoint, SnapshotId};

/// `DELETE /snapshots/{id}/`: removes the snapshot for good; `204` with an empty body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotDelete {
    /// The snapshot to delete.
    pub snapshot_id: SnapshotId,
}

impl Endpoint for SnapshotDelete {
    type Output = ();
    // Deleting twice leaves the same state; the second answer is a 404.
    const IDEMPOTENT: bool = true;

    fn method(&self) -> Method {
        Method::DELETE
    }

    fn path(&self) -> String {
        format!("/snapshots/{}/", self.snapshot_id)
    }

    /// Any 2xx is success; a body, if one comes, is ignored.
    fn decode_success(&self, _body: &[u8]) -> Result<(), DecodeError> {
        Ok(())
    }
}
