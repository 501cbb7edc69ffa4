//! What the flows that write (create, restore, delete) ask the browser side to do, and what
//! comes back to them. A flow is a plain state machine: events in, [`Command`]s out. The
//! browser side (`crate::store`) only carries the commands out and the answers back.

use snapshot_api::endpoints::SnapshotCreate;
use snapshot_api::{ApiError, RestoreAccepted, ServerId, Snapshot, SnapshotCreated};

use super::notice::{Notice, Tone};
use super::outcome::{self, Outcome};

/// Tells one opening of a dialog from the next, so a late answer never lands in a dialog
/// opened since.
pub type FlowId = u64;

/// A write a flow asks to be sent.
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    Create(SnapshotCreate),
    Restore(Snapshot),
    Delete(Snapshot),
}

/// The API's answer to a [`Write`], with what it was about.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Created(ServerId, Result<SnapshotCreated, ApiError>),
    Restored(Snapshot, Result<RestoreAccepted, ApiError>),
    Deleted(Snapshot, Result<(), ApiError>),
}

impl Answer {
    /// What the answer means, decided by [`outcome`].
    pub fn outcome(self) -> Outcome {
        match self {
            Answer::Created(server, result) => outcome::snapshot_create(result, server),
            Answer::Restored(snapshot, result) => outcome::snapshot_restore(result, &snapshot),
            Answer::Deleted(snapshot, result) => outcome::snapshot_delete(result, &snapshot),
        }
    }

    /// Whether the request was stopped by signing out: nothing to tell, nothing to read.
    pub fn cancelled(&self) -> bool {
        let error = match self {
            Answer::Created(_, r) => r.as_ref().err(),
            Answer::Restored(_, r) => r.as_ref().err(),
            Answer::Deleted(_, r) => r.as_ref().err(),
        };
        matches!(error, Some(ApiError::Cancelled))
    }
}

/// What a flow asks for next.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Send `write`; its answer goes back to the flow opened as `flow`.
    Send { flow: FlowId, write: Write },
    /// Apply what an answer means to the list, and say its notice.
    Settle(Outcome),
    /// Say this in passing.
    Notify(Notice),
}

/// An answer that came after its dialog closed (cancelled while the write was on its way):
/// the list learns what it means, and the user hears how it ended, as a notice, since the
/// dialog that would have shown it is gone.
pub fn late(answer: Answer) -> Vec<Command> {
    if answer.cancelled() {
        return Vec::new();
    }
    let mut outcome = answer.outcome();
    let error = outcome.errors.take_all();
    let mut commands = vec![Command::Settle(outcome)];
    if let Some(error) = error {
        commands.push(Command::Notify(Notice::new(Tone::Error, error)));
    }
    commands
}
