//! The safety snapshot taken before a restore: whether one can be, and what its status in
//! the list means for the restore waiting on it.

use snapshot_api::rules::CreateRefusal;
use snapshot_api::{Snapshot, SnapshotId, SnapshotName, SnapshotStatus};

use super::list::Model;
use crate::i18n::Message;
use crate::messages;

/// Whether the restore dialog can offer a safety snapshot of `target`'s server.
#[derive(Debug, PartialEq)]
pub enum Offer {
    /// A free slot: offered, and on unless the user turns it off.
    Free,
    /// At the limit: not offered, and the message says why, naming a snapshot whose delete
    /// would make room (never the one being restored).
    Full(Message),
    /// Not at all: the server is being restored, so the restore is refused anyway.
    No,
}

/// What a restore waiting on its safety snapshot does, by that snapshot's status in the list.
#[derive(Debug, PartialEq)]
pub enum Wait {
    /// Still being created.
    Pending,
    /// Completed: send the restore.
    Restore,
    /// Failed or gone from the list: nothing is restored, and the message says why.
    Stop(Message),
}

impl Model {
    /// Whether a safety snapshot of `target`'s server can be taken at `now`, by the core's
    /// create rule.
    pub fn safety_offer(&self, target: &Snapshot, now: f64) -> Offer {
        let server = target.server.id;
        match self.check_create(server, now) {
            Ok(()) => Offer::Free,
            Err(CreateRefusal::LimitReached { server, count }) => {
                let room = self.room_for(target.server.id, now, Some(target.id));
                Offer::Full(messages::safety_full(&server, count, room))
            }
            Err(CreateRefusal::ServerRestoring { .. }) => Offer::No,
        }
    }

    /// What the restore waiting on the safety snapshot `safety` (named `name`) does now.
    pub fn safety_wait(&self, safety: SnapshotId, name: &SnapshotName) -> Wait {
        match self.list().snapshots().iter().find(|s| s.id == safety) {
            Some(s) if s.status == SnapshotStatus::Completed => Wait::Restore,
            Some(s) if s.status == SnapshotStatus::InProgress => Wait::Pending,
            Some(_) => Wait::Stop(messages::safety_stopped(name, false)),
            None => Wait::Stop(messages::safety_stopped(name, true)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::{loaded, snapshot, NOW};

    #[test]
    fn a_free_slot_offers_a_safety_snapshot() {
        let model = loaded(vec![snapshot(1, 10, "a", "completed")]);
        assert_eq!(
            model.safety_offer(&model.list().snapshots()[0], NOW),
            Offer::Free
        );
    }

    #[test]
    fn at_the_limit_it_names_what_to_delete_never_the_snapshot_being_restored() {
        let list: Vec<Snapshot> = (1..=5)
            .map(|i| snapshot(i, 10, &format!("n{i}"), "completed"))
            .collect();
        let model = loaded(list);
        let oldest = &model.list().snapshots()[0];
        let Offer::Full(why) = model.safety_offer(oldest, NOW) else {
            panic!("a full server offers no safety snapshot")
        };
        assert_eq!(
            why.en(),
            "No room for a safety snapshot: s10 has 5 of 5 snapshots. To make room, delete one first, such as n2."
        );
        let Offer::Full(why) = model.safety_offer(&model.list().snapshots()[4], NOW) else {
            panic!("a full server offers no safety snapshot")
        };
        assert!(why.en().ends_with("such as n1."), "{}", why.en());
    }

    #[test]
    fn a_server_being_restored_is_not_offered_one() {
        let mut model = loaded(vec![snapshot(1, 10, "a", "completed")]);
        model.restore_started(model.list().snapshots()[0].server.id, NOW);
        assert_eq!(
            model.safety_offer(&model.list().snapshots()[0], NOW),
            Offer::No
        );
    }

    #[test]
    fn the_restore_waits_for_completed_and_stops_on_failed_or_gone() {
        let name = SnapshotName::parse("pre-restore-a").unwrap();
        let id = |n| SnapshotId::new(n).unwrap();
        let model = loaded(vec![
            snapshot(1, 10, "pre-restore-a", "in_progress"),
            snapshot(2, 10, "pre-restore-a", "completed"),
            snapshot(3, 10, "pre-restore-a", "failed"),
        ]);
        assert_eq!(model.safety_wait(id(1), &name), Wait::Pending);
        assert_eq!(model.safety_wait(id(2), &name), Wait::Restore);
        let said = |wait| match wait {
            Wait::Stop(message) => Message::en(&message),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            said(model.safety_wait(id(3), &name)),
            "The safety snapshot pre-restore-a failed, so nothing was restored."
        );
        assert_eq!(
            said(model.safety_wait(id(4), &name)),
            "The safety snapshot pre-restore-a is no longer listed, so nothing was restored."
        );
    }
}
