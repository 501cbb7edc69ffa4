//! One handler per operation, named as in every layer of the project.

mod snapshot_create;
mod snapshot_delete;
mod snapshot_list;
mod snapshot_restore;

pub use snapshot_create::snapshot_create;
pub use snapshot_delete::snapshot_delete;
pub use snapshot_list::snapshot_list;
pub use snapshot_restore::snapshot_restore;

use snapshot_api::SnapshotId;

use crate::SimError;

/// Reads a `{snapshot_id}` path segment; like Django's `<int:pk>`, anything else is a 404.
fn snapshot_id(segment: &str) -> Result<SnapshotId, SimError> {
    segment
        .parse()
        .map_err(|_| SimError::NotFound("Not found.".to_owned()))
}
