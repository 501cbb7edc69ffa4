//! Deleting, from the confirm to the API's answer: the [`UndoWindow`] hands deletes whose
//! window ended to the [`Batch`], which sends them one at a time.

use snapshot_api::SnapshotId;

use super::batch::Batch;
use super::flow::{Answer, Command};
use super::undo_window::{UndoWindow, WindowEvent};

/// What happens to the console's deletes.
// Made once and moved once: boxing the answer would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum DeleteEvent {
    Window(WindowEvent),
    /// A delete the batch sent has its answer.
    Answered(Answer),
}

/// The deletes in their window and those being sent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Deletes {
    window: UndoWindow,
    batch: Batch,
}

impl Deletes {
    /// Takes `event` at `now`; returns what to do next.
    pub fn update(&mut self, now: f64, event: DeleteEvent) -> Vec<Command> {
        match event {
            DeleteEvent::Answered(answer) => self.batch.answered(answer),
            DeleteEvent::Window(event) => {
                match &event {
                    WindowEvent::Confirm(snapshots) => self.batch.confirmed(snapshots),
                    WindowEvent::SignedOut => self.batch.stop(),
                    _ => {}
                }
                let (due, notice) = self.window.update(now, event);
                let mut commands: Vec<Command> = notice.map(Command::Notify).into_iter().collect();
                if !due.is_empty() {
                    commands.extend(self.batch.enqueue(due));
                }
                commands
            }
        }
    }

    pub fn window(&self) -> &UndoWindow {
        &self.window
    }

    pub fn batch(&self) -> &Batch {
        &self.batch
    }

    /// Whether `id` is waiting to be deleted or being deleted.
    pub fn contains(&self, id: SnapshotId) -> bool {
        self.window.contains(id) || self.batch.contains(id)
    }

    /// Forgets what is known of a snapshot that left the list.
    pub fn forget(&mut self, id: SnapshotId) {
        self.batch.forget(id);
    }
}
