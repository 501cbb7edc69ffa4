//! What the flows that write (create, restore, delete) ask the browser side to do, and what
//! comes back to them. A flow is a plain state machine: events in, [`Command`]s out. The
//! browser side (`crate::store`) only carries the commands out and the answers back.

use http::Method;
use snapshot_api::endpoints::{SnapshotCreate, SnapshotDelete, SnapshotRestore};
use snapshot_api::{
    ApiError, DecodeError, Endpoint, RestoreAccepted, ServerId, Snapshot, SnapshotCreated,
};

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

impl Write {
    /// The answer when the write got no success: `error`, with what the write was about.
    pub fn failed(self, error: ApiError) -> Answer {
        match self {
            Write::Create(request) => Answer::Created(request.body.server_id, Err(error)),
            Write::Restore(snapshot) => Answer::Restored(snapshot, Err(error)),
            Write::Delete(snapshot) => Answer::Deleted(snapshot, Err(error)),
        }
    }

    fn restore(snapshot: &Snapshot) -> SnapshotRestore {
        SnapshotRestore {
            snapshot_id: snapshot.id,
        }
    }

    fn delete(snapshot: &Snapshot) -> SnapshotDelete {
        SnapshotDelete {
            snapshot_id: snapshot.id,
        }
    }
}

/// A write is sent as the core's endpoint it names. One endpoint type for the three writes
/// means one copy of the browser's call path in the bundle, not three.
impl Endpoint for Write {
    type Output = Answer;
    // Creates and restores must never be resent by themselves; nothing retries a write.
    const IDEMPOTENT: bool = false;

    fn method(&self) -> Method {
        match self {
            Write::Create(request) => request.method(),
            Write::Restore(snapshot) => Write::restore(snapshot).method(),
            Write::Delete(snapshot) => Write::delete(snapshot).method(),
        }
    }

    fn path(&self) -> String {
        match self {
            Write::Create(request) => request.path(),
            Write::Restore(snapshot) => Write::restore(snapshot).path(),
            Write::Delete(snapshot) => Write::delete(snapshot).path(),
        }
    }

    fn body(&self) -> Option<Vec<u8>> {
        match self {
            Write::Create(request) => request.body(),
            Write::Restore(snapshot) => Write::restore(snapshot).body(),
            Write::Delete(snapshot) => Write::delete(snapshot).body(),
        }
    }

    fn decode_success(&self, body: &[u8]) -> Result<Answer, DecodeError> {
        Ok(match self {
            Write::Create(request) => {
                Answer::Created(request.body.server_id, Ok(request.decode_success(body)?))
            }
            Write::Restore(snapshot) => {
                let accepted = Write::restore(snapshot).decode_success(body)?;
                Answer::Restored(snapshot.clone(), Ok(accepted))
            }
            Write::Delete(snapshot) => {
                Write::delete(snapshot).decode_success(body)?;
                Answer::Deleted(snapshot.clone(), Ok(()))
            }
        })
    }
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
