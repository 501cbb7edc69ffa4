//! What the console tells the page it is embedded in: DOM events on its element, each with
//! the IDs and names a host needs and never the token. Decided here, in plain Rust; the
//! browser side (`crate::host`) only dispatches them.

use snapshot_api::{ServerRef, Snapshot, SnapshotId};

use super::flow::Answer;

/// One event the console fires on its element (`bubbles` and `composed`, so a listener
/// outside a shadow root hears it too).
#[derive(Clone, Debug, PartialEq)]
pub enum HostEvent {
    /// The console has mounted.
    Ready,
    /// The user signed out.
    SignedOut,
    /// The API refused the token and the host gave no other: the user sees the sign-in.
    AuthRequired,
    /// The API accepted a create; the snapshot is being made.
    SnapshotCreated(Snapshot),
    /// The API accepted a restore; the server is being overwritten.
    SnapshotRestoreStarted(Snapshot),
    /// The API deleted a snapshot.
    SnapshotDeleted(Snapshot),
}

/// An event's `detail`: what it is about, by ID and name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Detail {
    pub snapshot: Option<SnapshotDetail>,
    pub server: Option<ServerRef>,
}

/// The snapshot an event is about.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapshotDetail {
    pub id: SnapshotId,
    pub name: String,
}

impl HostEvent {
    /// Every event's name, as the element's TypeScript declarations and manifest list them.
    pub const NAMES: [&'static str; 6] = [
        "sc-ready",
        "sc-signed-out",
        "sc-auth-required",
        "sc-snapshot-created",
        "sc-snapshot-restore-started",
        "sc-snapshot-deleted",
    ];

    /// The DOM event's type.
    pub fn name(&self) -> &'static str {
        let index = match self {
            HostEvent::Ready => 0,
            HostEvent::SignedOut => 1,
            HostEvent::AuthRequired => 2,
            HostEvent::SnapshotCreated(_) => 3,
            HostEvent::SnapshotRestoreStarted(_) => 4,
            HostEvent::SnapshotDeleted(_) => 5,
        };
        Self::NAMES[index]
    }

    /// The event's `detail`.
    pub fn detail(&self) -> Detail {
        match self {
            HostEvent::Ready | HostEvent::SignedOut | HostEvent::AuthRequired => Detail::default(),
            HostEvent::SnapshotCreated(snapshot)
            | HostEvent::SnapshotRestoreStarted(snapshot)
            | HostEvent::SnapshotDeleted(snapshot) => Detail {
                snapshot: Some(SnapshotDetail {
                    id: snapshot.id,
                    name: snapshot.name.clone(),
                }),
                server: Some(snapshot.server.clone()),
            },
        }
    }

    /// The event a write's answer fires: one per write the API accepted, none for a failure.
    pub fn after(answer: &Answer) -> Option<Self> {
        match answer {
            Answer::Created(_, Ok(created)) => {
                Some(HostEvent::SnapshotCreated(created.snapshot.clone()))
            }
            Answer::Restored(snapshot, Ok(_)) => {
                Some(HostEvent::SnapshotRestoreStarted(snapshot.clone()))
            }
            Answer::Deleted(snapshot, Ok(())) => Some(HostEvent::SnapshotDeleted(snapshot.clone())),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use snapshot_api::{ApiError, RestoreAccepted, SnapshotCreated};

    use super::*;
    use crate::model::fixtures::snapshot;

    use crate::model::fixtures::server;

    #[test]
    fn each_accepted_write_fires_its_event_with_ids_and_names() {
        let s = snapshot(7, 12345, "pre-migration", "completed");
        let created = SnapshotCreated {
            snapshot: s.clone(),
            message: None,
        };
        let accepted: RestoreAccepted = serde_json::from_value(serde_json::json!({
            "status": "success", "message": "m",
            "snapshot": {"id": 7, "name": "pre-migration", "created_at": "2025-01-07T00:00:00Z"},
            "server": {"id": 12345, "name": "web-server-01", "status": "restoring"},
        }))
        .unwrap();
        let cases = [
            (
                Answer::Created(s.server.id, Ok(created)),
                "sc-snapshot-created",
            ),
            (
                Answer::Restored(s.clone(), Ok(accepted)),
                "sc-snapshot-restore-started",
            ),
            (Answer::Deleted(s.clone(), Ok(())), "sc-snapshot-deleted"),
        ];
        for (answer, name) in cases {
            let event = HostEvent::after(&answer).unwrap();
            assert_eq!(event.name(), name);
            let detail = event.detail();
            let snapshot = detail.snapshot.unwrap();
            assert_eq!(
                (snapshot.id.get(), snapshot.name.as_str()),
                (7, "pre-migration")
            );
            assert_eq!(detail.server, Some(server(12345, "s12345")));
        }
    }

    #[test]
    fn a_failed_or_cancelled_write_fires_nothing() {
        let s = snapshot(7, 12345, "pre-migration", "completed");
        assert_eq!(
            HostEvent::after(&Answer::Deleted(s.clone(), Err(ApiError::Cancelled))),
            None
        );
        let refused = ApiError::NotFound { detail: None };
        assert_eq!(HostEvent::after(&Answer::Restored(s, Err(refused))), None);
    }

    #[test]
    fn session_events_carry_no_detail_and_names_are_unique() {
        for event in [
            HostEvent::Ready,
            HostEvent::SignedOut,
            HostEvent::AuthRequired,
        ] {
            assert_eq!(event.detail(), Detail::default());
        }
        let mut names = HostEvent::NAMES.to_vec();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), HostEvent::NAMES.len());
        assert!(HostEvent::NAMES.iter().all(|n| n.starts_with("sc-")));
    }
}
