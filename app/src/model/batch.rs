//! The batch: deletes whose undo window ended, sent one at a time, as a state machine. A
//! failure is told on its row and the others still go; nothing is retried; one notice tells
//! a batch's end. A single delete is a batch of one, and tells its own outcome.

use snapshot_api::{Snapshot, SnapshotId};

use super::flow::{late, Answer, Command, Write};
use super::notice::{Notice, Tone};
use crate::i18n::Message;
use crate::messages;

/// The deletes being sent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    /// Due and not sent yet, in the order they go.
    queue: Vec<Snapshot>,
    /// The one on its way.
    sending: Option<SnapshotId>,
    /// Since the batch began: how many were sent, of how many, and how many failed.
    sent: usize,
    total: usize,
    failed: usize,
    /// Why a delete sent as part of a batch failed, shown on its row until it is tried again.
    failures: Vec<(SnapshotId, Message)>,
}

impl Batch {
    /// Queues `due` (from the undo window) and sends the next when none is on its way.
    pub fn enqueue(&mut self, due: Vec<Snapshot>) -> Vec<Command> {
        self.total += due.len();
        self.queue.extend(due);
        if self.sending.is_some() {
            return Vec::new();
        }
        self.next()
    }

    /// The answer to a delete this batch sent.
    pub fn answered(&mut self, answer: Answer) -> Vec<Command> {
        let Answer::Deleted(snapshot, _) = &answer else {
            return late(answer);
        };
        let id = snapshot.id;
        if self.sending != Some(id) || answer.cancelled() {
            // From before a sign-out: the batch that sent it is gone.
            return late(answer);
        }
        self.sending = None;
        let mut outcome = answer.outcome();
        let error = outcome.errors.take_all();
        let mut commands = Vec::new();
        match error {
            Some(error) if self.total == 1 => {
                commands.push(Command::Notify(Notice::new(Tone::Error, error)));
            }
            Some(error) => {
                self.failed += 1;
                self.failures.push((id, error));
            }
            None => {}
        }
        if self.total > 1 {
            outcome.notice = None;
        }
        commands.insert(0, Command::Settle(outcome));
        commands.extend(self.next());
        commands
    }

    /// Forgets the old failures of snapshots confirmed again.
    pub fn confirmed(&mut self, snapshots: &[Snapshot]) {
        self.failures
            .retain(|(id, _)| !snapshots.iter().any(|s| s.id == *id));
    }

    /// Forgets a snapshot that left the list.
    pub fn forget(&mut self, id: SnapshotId) {
        self.failures.retain(|(failed, _)| *failed != id);
    }

    /// Stops: nothing more is sent (the user signed out).
    pub fn stop(&mut self) {
        *self = Self::default();
    }

    /// Whether `id` is queued or on its way.
    pub fn contains(&self, id: SnapshotId) -> bool {
        self.sending == Some(id) || self.queue.iter().any(|s| s.id == id)
    }

    /// Why the last delete of `id` failed, if it did as part of a batch.
    pub fn failure(&self, id: SnapshotId) -> Option<&Message> {
        self.failures
            .iter()
            .find(|(failed, _)| *failed == id)
            .map(|(_, why)| why)
    }

    /// While a batch of several goes: which one is on its way, of how many.
    pub fn progress(&self) -> Option<(usize, usize)> {
        (self.sending.is_some() && self.total > 1).then_some((self.sent, self.total))
    }

    /// Sends the next queued delete, or ends the batch with its notices.
    fn next(&mut self) -> Vec<Command> {
        if self.queue.is_empty() {
            let notices = batch_notices(self.total, self.failed);
            (self.sent, self.total, self.failed) = (0, 0, 0);
            return notices.into_iter().map(Command::Notify).collect();
        }
        let snapshot = self.queue.remove(0);
        self.sending = Some(snapshot.id);
        self.sent += 1;
        vec![Command::Send {
            flow: 0,
            write: Write::Delete(snapshot),
        }]
    }
}

/// What a batch of `total` deletes tells once all have their answers: one notice for those
/// deleted and one for those that failed (each failure's reason is on its row), instead of
/// a notice per snapshot. A single delete tells its own outcome.
pub fn batch_notices(total: usize, failed: usize) -> Vec<Notice> {
    if total < 2 {
        return Vec::new();
    }
    let deleted = total - failed.min(total);
    let mut notices = Vec::new();
    if deleted > 0 {
        notices.push(Notice::new(Tone::Success, messages::batch_deleted(deleted)));
    }
    if failed > 0 {
        notices.push(Notice::new(Tone::Error, messages::batch_failed(failed)));
    }
    notices
}
