//! One handler per operation, named as in every layer of the project.

mod snapshot_create;
mod snapshot_delete;
mod snapshot_id_path;
mod snapshot_list;
mod snapshot_restore;

pub use snapshot_create::snapshot_create;
pub use snapshot_delete::snapshot_delete;
pub use snapshot_list::snapshot_list;
pub use snapshot_restore::snapshot_restore;

use snapshot_id_path::SnapshotIdPath;
