//! The delete with its undo window, as a state machine: confirmed deletes wait here, and only
//! the window's end hands one on to be sent. Undo, a hidden page or a sign-out keep the
//! snapshot as it was; a hidden page says so when the user is back.

use snapshot_api::{Snapshot, SnapshotId};

use super::notice::{Notice, Tone};
use crate::messages;

/// How long a confirmed delete waits before it is sent.
pub const UNDO_WINDOW_MS: f64 = 5_000.0;

/// One confirmed delete and when it is due (ms since the epoch).
#[derive(Clone, Debug, PartialEq)]
struct Waiting {
    snapshot: Snapshot,
    due_ms: f64,
}

/// What happens to the deletes in their window.
#[derive(Clone, Debug, PartialEq)]
pub enum WindowEvent {
    /// The user confirmed deleting these (one, or a batch): one window for them all.
    Confirm(Vec<Snapshot>),
    /// Undo one.
    Undo(SnapshotId),
    /// Undo every waiting delete.
    UndoAll,
    /// The clock: deletes whose window has ended go on to be sent.
    Tick,
    /// The page was hidden: it may never come back, so a delete nobody can undo is not sent.
    Hidden,
    /// The page shows again.
    Shown,
    /// The user signed out: nothing is sent, and there is nobody to tell.
    SignedOut,
}

/// The deletes in their undo window.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UndoWindow {
    waiting: Vec<Waiting>,
    /// How many were kept because the page was hidden, told once it shows again.
    kept_hidden: usize,
}

impl UndoWindow {
    /// Takes `event` at `now`; returns the deletes now due, to be sent, and what to tell.
    pub fn update(&mut self, now: f64, event: WindowEvent) -> (Vec<Snapshot>, Option<Notice>) {
        match event {
            WindowEvent::Confirm(snapshots) => {
                for snapshot in snapshots {
                    // Confirming again does not restart the window.
                    if !self.contains(snapshot.id) {
                        self.waiting.push(Waiting {
                            snapshot,
                            due_ms: now + UNDO_WINDOW_MS,
                        });
                    }
                }
            }
            WindowEvent::Undo(id) => self.waiting.retain(|w| w.snapshot.id != id),
            WindowEvent::UndoAll | WindowEvent::SignedOut => self.waiting.clear(),
            WindowEvent::Hidden => {
                self.kept_hidden += self.waiting.len();
                self.waiting.clear();
            }
            WindowEvent::Shown => {
                let kept = std::mem::take(&mut self.kept_hidden);
                let notice =
                    (kept > 0).then(|| Notice::new(Tone::Info, messages::kept_hidden(kept)));
                return (Vec::new(), notice);
            }
            WindowEvent::Tick => {
                let (due, waiting) = std::mem::take(&mut self.waiting)
                    .into_iter()
                    .partition(|w| w.due_ms <= now);
                self.waiting = waiting;
                let due = due.into_iter().map(|w: Waiting| w.snapshot).collect();
                return (due, None);
            }
        }
        (Vec::new(), None)
    }

    /// Whether `id` is waiting to be deleted.
    pub fn contains(&self, id: SnapshotId) -> bool {
        self.waiting.iter().any(|w| w.snapshot.id == id)
    }

    /// Whole seconds left before `id` is sent: from 5 down to 1 while it waits (a clock read
    /// a moment before the confirm never makes it 6).
    pub fn seconds_left(&self, id: SnapshotId, now: f64) -> Option<u64> {
        let waiting = self.waiting.iter().find(|w| w.snapshot.id == id)?;
        let left = ((waiting.due_ms - now) / 1000.0).ceil() as u64;
        Some(left.clamp(1, (UNDO_WINDOW_MS / 1000.0) as u64))
    }

    /// How many deletes wait, and the whole seconds until the last of them is sent.
    pub fn summary(&self, now: f64) -> Option<(usize, u64)> {
        let last = self.waiting.last()?.snapshot.id;
        Some((self.waiting.len(), self.seconds_left(last, now)?))
    }
}
