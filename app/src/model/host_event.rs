//! What the console tells the page it is embedded in: DOM events on its element, each with
//! the IDs and names a host needs and never the token. Decided here, in plain Rust; the
//! browser side (`crate::host`) only dispatches them.

use snapshot_api::{ApiError, ServerId, Snapshot, SnapshotId};

use super::flow::{Answer, Write};

/// The detail of an event about `snapshot`: it and its server, by ID and name.
fn about(snapshot: &Snapshot) -> Detail {
    Detail {
        snapshot: Some(Part {
            id: Some(snapshot.id),
            name: Some(snapshot.name.clone()),
        }),
        server: Some(Part {
            id: Some(snapshot.server.id),
            name: Some(snapshot.server.name.clone()),
        }),
        operation: None,
    }
}

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
    /// The API refused a write, or it failed on the way (not one the user or the host
    /// stopped): what it was about, and which operation (a detail, not the answer: cloning
    /// an answer is code of its own for every type in it).
    Error(Detail),
    /// A confirmed write is about to be sent; the host may cancel it (see [`HostEvent::before`]).
    Before(Write),
}

/// An event's `detail`: what it is about, by ID and name, each where the event knows it (a
/// snapshot about to be created has no ID yet, and its server is known by ID).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Detail {
    pub snapshot: Option<Part<SnapshotId>>,
    pub server: Option<Part<ServerId>>,
    /// For `sc-error`: `create`, `restore` or `delete`.
    pub operation: Option<&'static str>,
}

/// One thing an event is about: `{id, name}` in the detail, each where known.
#[derive(Clone, Debug, PartialEq)]
pub struct Part<Id> {
    pub id: Option<Id>,
    pub name: Option<String>,
}

impl HostEvent {
    /// Every event's name, as the element's TypeScript declarations and manifest list them.
    pub const NAMES: [&'static str; 10] = [
        "sc-ready",
        "sc-signed-out",
        "sc-auth-required",
        "sc-snapshot-created",
        "sc-snapshot-restore-started",
        "sc-snapshot-deleted",
        "sc-before-snapshot-create",
        "sc-before-snapshot-restore",
        "sc-before-snapshot-delete",
        "sc-error",
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
            HostEvent::Before(Write::Create(_)) => 6,
            HostEvent::Before(Write::Restore(_)) => 7,
            HostEvent::Before(Write::Delete(_)) => 8,
            HostEvent::Error(_) => 9,
        };
        Self::NAMES[index]
    }

    /// The event's `detail`.
    pub fn detail(&self) -> Detail {
        match self {
            HostEvent::Ready | HostEvent::SignedOut | HostEvent::AuthRequired => Detail::default(),
            HostEvent::SnapshotCreated(snapshot)
            | HostEvent::SnapshotRestoreStarted(snapshot)
            | HostEvent::SnapshotDeleted(snapshot)
            | HostEvent::Before(Write::Restore(snapshot) | Write::Delete(snapshot)) => {
                about(snapshot)
            }
            HostEvent::Before(Write::Create(request)) => Detail {
                snapshot: Some(Part {
                    id: None,
                    name: Some(request.body.name.to_string()),
                }),
                server: Some(Part {
                    id: Some(request.body.server_id),
                    name: None,
                }),
                operation: None,
            },
            HostEvent::Error(detail) => detail.clone(),
        }
    }

    /// Whether a listener may cancel the event: only the ones before a write.
    pub fn cancelable(&self) -> bool {
        matches!(self, HostEvent::Before(_))
    }

    /// The event before `write` is sent. A host that cancels it (`preventDefault()`) stops the
    /// write; the reason it may put in `detail.reason` is what the user reads.
    pub fn before(write: &Write) -> Self {
        HostEvent::Before(write.clone())
    }

    /// The event a write's answer fires: one per write the API accepted, `sc-error` for one
    /// that failed, none for one the user (signing out) or the host (its veto) stopped.
    pub fn after(answer: &Answer) -> Option<Self> {
        let stopped = |e: &ApiError| matches!(e, ApiError::Cancelled | ApiError::Vetoed { .. });
        match answer {
            Answer::Created(_, Ok(created)) => {
                Some(HostEvent::SnapshotCreated(created.snapshot.clone()))
            }
            Answer::Restored(snapshot, Ok(_)) => {
                Some(HostEvent::SnapshotRestoreStarted(snapshot.clone()))
            }
            Answer::Deleted(snapshot, Ok(())) => Some(HostEvent::SnapshotDeleted(snapshot.clone())),
            Answer::Created(_, Err(e))
            | Answer::Restored(_, Err(e))
            | Answer::Deleted(_, Err(e))
                if stopped(e) =>
            {
                None
            }
            Answer::Created(server, Err(_)) => Some(HostEvent::Error(Detail {
                server: Some(Part {
                    id: Some(*server),
                    name: None,
                }),
                operation: Some("create"),
                ..Detail::default()
            })),
            Answer::Restored(snapshot, Err(_)) => Some(HostEvent::Error(Detail {
                operation: Some("restore"),
                ..about(snapshot)
            })),
            Answer::Deleted(snapshot, Err(_)) => Some(HostEvent::Error(Detail {
                operation: Some("delete"),
                ..about(snapshot)
            })),
        }
    }
}

#[cfg(test)]
mod tests {
    use snapshot_api::endpoints::SnapshotCreate;
    use snapshot_api::{ApiError, RestoreAccepted, SnapshotCreated};

    use super::*;
    use crate::model::fixtures::snapshot;

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
            assert_eq!(
                event.detail(),
                detail(Some(7), "pre-migration", 12345, Some("s12345"))
            );
            assert!(!event.cancelable());
        }
    }

    #[test]
    fn a_failed_write_fires_sc_error_and_a_stopped_one_nothing() {
        let s = snapshot(7, 12345, "pre-migration", "completed");
        assert_eq!(
            HostEvent::after(&Answer::Deleted(s.clone(), Err(ApiError::Cancelled))),
            None
        );
        let vetoed = ApiError::Vetoed { reason: None };
        assert_eq!(
            HostEvent::after(&Answer::Restored(s.clone(), Err(vetoed))),
            None
        );
        let refused = ApiError::NotFound { detail: None };
        let event = HostEvent::after(&Answer::Restored(s, Err(refused))).unwrap();
        assert_eq!(event.name(), "sc-error");
        let detail = event.detail();
        assert_eq!(detail.operation, Some("restore"));
        assert_eq!(
            detail.snapshot.unwrap().name.as_deref(),
            Some("pre-migration")
        );
        let failed = ApiError::Server {
            status: 500,
            detail: None,
        };
        let event = HostEvent::after(&Answer::Created(ServerId::new(9).unwrap(), Err(failed)));
        assert_eq!(event.unwrap().detail().operation, Some("create"));
    }

    fn detail(id: Option<u64>, name: &str, server: u64, server_name: Option<&str>) -> Detail {
        Detail {
            snapshot: Some(Part {
                id: id.map(|id| SnapshotId::new(id).unwrap()),
                name: Some(name.to_owned()),
            }),
            server: Some(Part {
                id: Some(ServerId::new(server).unwrap()),
                name: server_name.map(str::to_owned),
            }),
            operation: None,
        }
    }

    #[test]
    fn before_each_write_a_cancelable_event_names_what_it_would_do() {
        let s = snapshot(7, 12345, "pre-migration", "completed");
        let create = SnapshotCreate::new(
            ServerId::new(12345).unwrap(),
            "nightly".parse().unwrap(),
            None,
        );
        let known = || detail(Some(7), "pre-migration", 12345, Some("s12345"));
        let cases = [
            (
                Write::Create(create),
                "sc-before-snapshot-create",
                detail(None, "nightly", 12345, None),
            ),
            (
                Write::Restore(s.clone()),
                "sc-before-snapshot-restore",
                known(),
            ),
            (Write::Delete(s), "sc-before-snapshot-delete", known()),
        ];
        for (write, name, expected) in cases {
            let event = HostEvent::before(&write);
            assert_eq!((event.name(), event.cancelable()), (name, true));
            assert_eq!(event.detail(), expected);
        }
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
