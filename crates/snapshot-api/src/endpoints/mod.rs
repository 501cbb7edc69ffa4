//! The four operations, one file each, named as in every layer of the project.

mod snapshot_create;
mod snapshot_delete;
mod snapshot_list;
mod snapshot_restore;

pub use snapshot_create::{Field, SnapshotCreate, SnapshotCreateBody};
pub use snapshot_delete::SnapshotDelete;
pub use snapshot_list::SnapshotList;
pub use snapshot_restore::SnapshotRestore;
