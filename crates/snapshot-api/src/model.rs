//! The bodies the API sends back. Unknown fields are ignored; optional fields may be missing.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::{ServerId, ServerStatus, SnapshotId, SnapshotStatus};

/// A server as a snapshot refers to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerRef {
    /// The server's id.
    pub id: ServerId,
    /// The server's display name.
    pub name: String,
}

/// One snapshot, as listed and as created.
///
/// `name` is kept as the service sent it rather than as a [`crate::SnapshotName`]: the 64
/// character cap is ours, and a longer name made elsewhere must not make a whole list fail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The snapshot's id.
    pub id: SnapshotId,
    /// The server it was taken of.
    pub server: ServerRef,
    /// Its name.
    pub name: String,
    /// Where it is in its life.
    pub status: SnapshotStatus,
    /// Its size in MB; null while it is being created.
    #[serde(default)]
    pub size_mb: Option<u64>,
    /// When it was taken (RFC 3339).
    #[serde(with = "crate::datetime::rfc3339")]
    pub created_at: OffsetDateTime,
    /// The optional note given at creation.
    #[serde(default)]
    pub description: Option<String>,
}

/// One page of `GET /snapshots/`. The service's examples have no `next`/`previous`; a
/// paginating deployment adds them, and [`crate::SnapshotListAll`] follows `next`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotPage {
    /// Snapshots matching the query across all pages.
    pub count: u64,
    /// The URL of the next page, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// The URL of the previous page, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// This page's snapshots.
    pub results: Vec<Snapshot>,
}

/// The `201` answer to a create: the new snapshot (status `in_progress`) and a message.
///
/// Read by [`crate::endpoints::SnapshotCreate`]'s decoder, not derived: `#[serde(flatten)]`
/// buffers the body and carries a second decoder of [`Snapshot`] (3 KB of wasm).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SnapshotCreated {
    /// The snapshot as it now stands.
    #[serde(flatten)]
    pub snapshot: Snapshot,
    /// "Snapshot is being created. This may take 3-10 minutes depending on server size."
    #[serde(default)]
    pub message: Option<String>,
}

/// The `200` answer to a restore.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestoreAccepted {
    /// `"success"` in the service's example.
    pub status: String,
    /// "Server is being restored from snapshot. This may take 5-15 minutes."
    pub message: String,
    /// The snapshot being restored.
    pub snapshot: RestoredSnapshot,
    /// The server being overwritten, now `restoring`.
    pub server: RestoredServer,
}

/// The snapshot named in a [`RestoreAccepted`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestoredSnapshot {
    /// The snapshot's id.
    pub id: SnapshotId,
    /// Its name.
    pub name: String,
    /// When it was taken.
    #[serde(with = "crate::datetime::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// The server named in a [`RestoreAccepted`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestoredServer {
    /// The server's id.
    pub id: ServerId,
    /// Its name.
    pub name: String,
    /// Its state; `restoring` right after the call.
    pub status: ServerStatus,
}
