//! The flows' tests, one path through a machine each, written from the promises in the
//! README: each asserts the commands a machine emits (what would go over the wire, and what
//! the user would be told).

mod batch;
mod create_flow;
mod restore_flow;
mod undo_window;

use snapshot_api::{ApiError, RestoreAccepted, Snapshot, SnapshotCreated};

use super::fixtures::NOW;
use super::flow::{Command, Write};
use super::outcome::Change;
use super::Model;

/// The writes `commands` send, in words: `create NAME on SERVER`, `restore NAME`,
/// `delete NAME`.
pub fn sent(commands: &[Command]) -> Vec<String> {
    commands
        .iter()
        .filter_map(|c| match c {
            Command::Send { write, .. } => Some(match write {
                Write::Create(r) => format!("create {} on {}", r.body.name, r.body.server_id),
                Write::Restore(s) => format!("restore {}", s.name),
                Write::Delete(s) => format!("delete {}", s.name),
            }),
            _ => None,
        })
        .collect()
}

/// What `commands` tell the user in passing, in English.
pub fn told(commands: &[Command]) -> Vec<String> {
    commands
        .iter()
        .filter_map(|c| match c {
            Command::Notify(n) => Some(n.text.en()),
            Command::Settle(o) => o.notice.as_ref().map(|n| n.text.en()),
            Command::Send { .. } => None,
        })
        .collect()
}

/// What `commands` change in the list.
pub fn changes(commands: &[Command]) -> Vec<Change> {
    commands
        .iter()
        .filter_map(|c| match c {
            Command::Settle(o) if o.change != Change::None => Some(o.change.clone()),
            _ => None,
        })
        .collect()
}

/// `model` after a read that listed `list`.
pub fn read(model: &mut Model, list: Vec<Snapshot>) {
    let ticket = model.begin_read();
    model.finish_read(ticket, NOW, Ok(list)).unwrap();
}

pub fn created(snapshot: &Snapshot) -> Result<SnapshotCreated, ApiError> {
    Ok(SnapshotCreated {
        snapshot: snapshot.clone(),
        message: None,
    })
}

pub fn accepted(snapshot: &Snapshot) -> Result<RestoreAccepted, ApiError> {
    Ok(serde_json::from_value(serde_json::json!({
        "status": "success", "message": "This may take 5-15 minutes.",
        "snapshot": {"id": snapshot.id, "name": snapshot.name, "created_at": "2025-01-03T00:00:00Z"},
        "server": {"id": snapshot.server.id, "name": snapshot.server.name, "status": "restoring"},
    }))
    .unwrap())
}

pub fn server_error() -> ApiError {
    ApiError::Server {
        status: 500,
        detail: None,
    }
}

pub fn timeout() -> ApiError {
    ApiError::Timeout { seconds: 30 }
}
