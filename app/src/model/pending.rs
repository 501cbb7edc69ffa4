//! Deletes waiting out their undo window: confirmed, not yet sent. Only the window's end
//! sends one; undo, a hidden page or a sign-out leave the snapshot as it was.

use snapshot_api::{Snapshot, SnapshotId};

use super::notice::{Notice, Tone};
use crate::i18n::{Key, Message};

/// How long a confirmed delete waits before it is sent.
pub const UNDO_WINDOW_MS: f64 = 5_000.0;

/// One confirmed delete and when it is due (ms since the epoch).
#[derive(Clone, Debug, PartialEq)]
struct Pending {
    snapshot: Snapshot,
    due_ms: f64,
}

/// The deletes in their undo window.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PendingDeletes(Vec<Pending>);

impl PendingDeletes {
    /// Starts `snapshot`'s undo window at `now`; confirming it again does not restart it.
    pub fn add(&mut self, snapshot: Snapshot, now: f64) {
        if !self.contains(snapshot.id) {
            self.0.push(Pending {
                snapshot,
                due_ms: now + UNDO_WINDOW_MS,
            });
        }
    }

    /// Whether `id` is waiting to be deleted.
    pub fn contains(&self, id: SnapshotId) -> bool {
        self.0.iter().any(|p| p.snapshot.id == id)
    }

    /// Whole seconds left before `id` is sent: from 5 down to 1 while it waits (a clock read
    /// a moment before the confirm never makes it 6).
    pub fn seconds_left(&self, id: SnapshotId, now: f64) -> Option<u64> {
        let pending = self.0.iter().find(|p| p.snapshot.id == id)?;
        let left = ((pending.due_ms - now) / 1000.0).ceil() as u64;
        Some(left.clamp(1, (UNDO_WINDOW_MS / 1000.0) as u64))
    }

    /// How many deletes wait, and the whole seconds until the last of them is sent.
    pub fn summary(&self, now: f64) -> Option<(usize, u64)> {
        let last = self.0.last()?.snapshot.id;
        Some((self.0.len(), self.seconds_left(last, now)?))
    }

    /// Undoes `id`'s delete: nothing will be sent for it.
    pub fn undo(&mut self, id: SnapshotId) {
        self.0.retain(|p| p.snapshot.id != id);
    }

    /// The deletes whose window has ended at `now`, taken out to be sent.
    pub fn take_due(&mut self, now: f64) -> Vec<Snapshot> {
        let (due, waiting) = std::mem::take(&mut self.0)
            .into_iter()
            .partition(|p| p.due_ms <= now);
        self.0 = waiting;
        due.into_iter().map(|p: Pending| p.snapshot).collect()
    }

    /// Drops every waiting delete unsent (the page was hidden, or the user signed out).
    pub fn cancel_all(&mut self) {
        self.0.clear();
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
        let text = Message::with(Key::BatchDeleted, [("count", deleted.into())]);
        notices.push(Notice::new(Tone::Success, text));
    }
    if failed > 0 {
        let text = Message::with(Key::BatchFailed, [("count", failed.into())]);
        notices.push(Notice::new(Tone::Error, text));
    }
    notices
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::snapshot;

    const NOW: f64 = 1_750_000_000_000.0;

    #[test]
    fn a_delete_is_due_only_when_its_window_ends_and_is_taken_once() {
        let mut pending = PendingDeletes::default();
        let one = snapshot(1, 10, "a", "completed");
        pending.add(one.clone(), NOW);
        pending.add(one.clone(), NOW + 3_000.0);
        assert_eq!(pending.seconds_left(one.id, NOW), Some(5));
        assert_eq!(pending.seconds_left(one.id, NOW - 900.0), Some(5));
        assert_eq!(pending.seconds_left(one.id, NOW + 4_100.0), Some(1));
        assert!(pending.take_due(NOW + 4_999.0).is_empty());
        assert_eq!(pending.take_due(NOW + UNDO_WINDOW_MS), vec![one.clone()]);
        assert!(pending.take_due(NOW + 60_000.0).is_empty());
        assert!(!pending.contains(one.id));
    }

    #[test]
    fn undo_and_cancel_send_nothing() {
        let mut pending = PendingDeletes::default();
        let (a, b) = (
            snapshot(1, 10, "a", "completed"),
            snapshot(2, 10, "b", "failed"),
        );
        pending.add(a.clone(), NOW);
        pending.add(b.clone(), NOW);
        pending.undo(a.id);
        assert_eq!(pending.seconds_left(a.id, NOW), None);
        assert_eq!(pending.take_due(NOW + UNDO_WINDOW_MS), vec![b.clone()]);
        pending.add(a.clone(), NOW);
        pending.cancel_all();
        assert!(pending.take_due(NOW + UNDO_WINDOW_MS).is_empty());
    }

    #[test]
    fn a_batch_tells_its_outcome_in_two_notices_at_most() {
        let said = |total, failed| -> Vec<String> {
            batch_notices(total, failed)
                .iter()
                .map(|n| n.text.en())
                .collect()
        };
        assert!(said(1, 1).is_empty(), "a single delete tells its own");
        assert_eq!(said(7, 0), ["Deleted 7 snapshots."]);
        assert_eq!(
            said(7, 2),
            [
                "Deleted 5 snapshots.",
                "2 snapshots could not be deleted; the reasons are on their rows."
            ]
        );
        assert_eq!(
            said(2, 2),
            ["2 snapshots could not be deleted; the reasons are on their rows."]
        );
    }
}
