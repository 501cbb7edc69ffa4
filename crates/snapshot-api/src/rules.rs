//! The API's rules about what may be done, in one place for the console (to disable buttons
//! and say why) and the simulator (to refuse with a `400`).
//!
//! The name rule lives in [`crate::SnapshotName`] and the description cap in
//! [`crate::Description`].

use crate::{ServerStatus, Snapshot, SnapshotStatus};

/// The most snapshots one server may have, counting those still `in_progress`.
pub const MAX_SNAPSHOTS_PER_SERVER: usize = 5;

/// Why a create is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CreateRefusal {
    /// The server already has [`MAX_SNAPSHOTS_PER_SERVER`] snapshots.
    #[error("Snapshot limit reached: {server} already has {count} of {MAX_SNAPSHOTS_PER_SERVER} snapshots. Delete one before creating another.")]
    LimitReached {
        /// The server's name.
        server: String,
        /// How many it has.
        count: usize,
    },
    /// The server is being restored.
    #[error("{server} is being restored from a snapshot; create a snapshot once the restore has finished.")]
    ServerRestoring {
        /// The server's name.
        server: String,
    },
}

/// Whether a server named `server` that has `count` snapshots and is in `status` (when
/// known: the console only learns it from a restore) may get one more.
pub fn check_create(
    server: &str,
    count: usize,
    status: Option<&ServerStatus>,
) -> Result<(), CreateRefusal> {
    if status == Some(&ServerStatus::Restoring) {
        return Err(CreateRefusal::ServerRestoring {
            server: server.to_owned(),
        });
    }
    if count >= MAX_SNAPSHOTS_PER_SERVER {
        return Err(CreateRefusal::LimitReached {
            server: server.to_owned(),
            count,
        });
    }
    Ok(())
}

/// Why a restore is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RestoreRefusal {
    /// The snapshot is still being created.
    #[error(
        "Snapshot {snapshot} is still being created; it can be restored once it has completed."
    )]
    InProgress {
        /// The snapshot's name.
        snapshot: String,
    },
    /// The snapshot is not in a restorable state (failed, or unknown).
    #[error("Snapshot {snapshot} cannot be restored ({status}); only completed snapshots can be restored.")]
    NotCompleted {
        /// The snapshot's name.
        snapshot: String,
        /// Its status.
        status: SnapshotStatus,
    },
    /// The server is already being restored.
    #[error("{server} is already being restored; wait for that restore to finish.")]
    ServerRestoring {
        /// The server's name.
        server: String,
    },
}

/// Whether `snapshot` (in `status`) may be restored onto `server` (in `server_status`, when
/// known: the console only learns it from a restore answer).
pub fn check_restore(
    snapshot: &str,
    status: &SnapshotStatus,
    server: &str,
    server_status: Option<&ServerStatus>,
) -> Result<(), RestoreRefusal> {
    match status {
        SnapshotStatus::Completed => {}
        SnapshotStatus::InProgress => {
            return Err(RestoreRefusal::InProgress {
                snapshot: snapshot.to_owned(),
            })
        }
        other => {
            return Err(RestoreRefusal::NotCompleted {
                snapshot: snapshot.to_owned(),
                status: other.clone(),
            })
        }
    }
    if server_status == Some(&ServerStatus::Restoring) {
        return Err(RestoreRefusal::ServerRestoring {
            server: server.to_owned(),
        });
    }
    Ok(())
}

/// What the person confirming a delete should know beyond "this is permanent".
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DeleteCaveat {
    /// The snapshot is still being created.
    #[error("It is still being created: deleting it stops the creation.")]
    StopsCreation,
}

/// Deleting is never refused: the API documents no `400` for it (only `401` and `404`). This
/// says what the person confirming a delete of a snapshot in `status` should know, if
/// anything.
pub fn delete_caveat(status: &SnapshotStatus) -> Option<DeleteCaveat> {
    match status {
        SnapshotStatus::InProgress => Some(DeleteCaveat::StopsCreation),
        _ => None,
    }
}

/// The snapshot to delete to make room for one more on a full server: a `failed` one first
/// (the oldest), else the oldest `completed`; never one still being created, nor one in a
/// status the console does not know.
pub fn room_candidate<'a>(
    snapshots: impl IntoIterator<Item = &'a Snapshot>,
) -> Option<&'a Snapshot> {
    snapshots
        .into_iter()
        .filter_map(|s| match s.status {
            SnapshotStatus::Failed => Some((0, s)),
            SnapshotStatus::Completed => Some((1, s)),
            _ => None,
        })
        .min_by_key(|(rank, s)| (*rank, s.created_at))
        .map(|(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(id: u64, status: &str, day: u8) -> Snapshot {
        serde_json::from_value(serde_json::json!({
            "id": id, "server": {"id": 1, "name": "web"}, "name": format!("s{id}"),
            "status": status, "created_at": format!("2025-01-{day:02}T00:00:00Z"),
        }))
        .unwrap()
    }

    #[test]
    fn room_is_made_from_a_failed_snapshot_first_then_the_oldest_completed() {
        let failed_late = snapshot(1, "failed", 20);
        let old = snapshot(2, "completed", 3);
        let older_running = snapshot(3, "in_progress", 1);
        let newer = snapshot(4, "completed", 9);
        let odd = snapshot(5, "archiving", 2);
        let all = [&failed_late, &old, &older_running, &newer, &odd];
        assert_eq!(room_candidate(all).map(|s| s.id), Some(failed_late.id));
        let no_failed = [&newer, &old, &older_running, &odd];
        assert_eq!(room_candidate(no_failed).map(|s| s.id), Some(old.id));
        // Never one being created, nor a status the console does not know.
        assert_eq!(room_candidate([&older_running, &odd]), None);
    }

    #[test]
    fn only_a_snapshot_being_created_has_a_delete_caveat() {
        assert_eq!(
            delete_caveat(&SnapshotStatus::InProgress),
            Some(DeleteCaveat::StopsCreation)
        );
        assert_eq!(delete_caveat(&SnapshotStatus::Completed), None);
        assert_eq!(delete_caveat(&SnapshotStatus::Failed), None);
    }

    #[test]
    fn the_limit_counts_every_snapshot() {
        let running = Some(&ServerStatus::Running);
        assert!(check_create("web", 4, running).is_ok());
        assert!(check_create("web", 4, None).is_ok());
        let refusal = check_create("web", 5, running).unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "Snapshot limit reached: web already has 5 of 5 snapshots. Delete one before creating another."
        );
        assert!(matches!(
            check_create("web", 0, Some(&ServerStatus::Restoring)),
            Err(CreateRefusal::ServerRestoring { .. })
        ));
    }

    #[test]
    fn only_completed_snapshots_on_idle_servers_restore() {
        let ok = |s: SnapshotStatus, srv: Option<ServerStatus>| {
            check_restore("snap", &s, "web", srv.as_ref())
        };
        assert!(ok(SnapshotStatus::Completed, None).is_ok());
        assert!(ok(SnapshotStatus::Completed, Some(ServerStatus::Running)).is_ok());
        assert!(matches!(
            ok(SnapshotStatus::InProgress, None),
            Err(RestoreRefusal::InProgress { .. })
        ));
        assert_eq!(
            ok(SnapshotStatus::Failed, None).unwrap_err().to_string(),
            "Snapshot snap cannot be restored (failed); only completed snapshots can be restored."
        );
        assert!(matches!(
            ok(SnapshotStatus::Completed, Some(ServerStatus::Restoring)),
            Err(RestoreRefusal::ServerRestoring { .. })
        ));
    }
}
