//! The snapshot list as the console knows it: one state, and what follows from it.

use snapshot_api::rules::{self, CreateRefusal, RestoreRefusal};
use snapshot_api::{
    positions_by, ApiError, ServerId, ServerRef, ServerStatus, Snapshot, SnapshotId, SnapshotStatus,
};

use super::deletes::{DeleteEvent, Deletes};
use super::flow::Command;
use super::listed::{ListState, Listed};
use super::notice::{Notice, Tone};
use super::selection::Selection;
use super::undo_window::WindowEvent;
use crate::i18n::Key;
use crate::messages;

/// How long after a confirmed restore the console takes the server to be restoring: the API
/// says restores take 5–15 minutes, and the list never says when one ends.
pub const RESTORE_WINDOW_MS: f64 = 15.0 * 60.0 * 1000.0;

/// Seconds between polls while something is in progress: quick at first, then backing off.
pub const POLL_BACKOFF_S: [u64; 7] = [2, 2, 3, 5, 8, 10, 12];

/// A read started by [`Model::begin_read`]; its answer counts only if nothing overtook it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ticket(u64);

/// The console's state, with no Leptos inside: the list, the restores this console started,
/// the servers known beyond the list, the deletes, the rows chosen, and the polling backoff.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    list: ListState,
    /// Servers a restore was confirmed on (by this console or by a refusal), with when (ms).
    /// (A list, not a map: a few entries at most, and a map of these types would be one more
    /// copy of the map's code in the wasm.)
    restores: Vec<(ServerId, f64)>,
    /// Servers named by the configuration or the URL, before the list has any of theirs.
    extra_servers: Vec<ServerRef>,
    /// Confirmed deletes, in their undo window or being sent; a sign-out's `clear` drops
    /// them unsent.
    deletes: Deletes,
    /// Rows chosen for a delete of several at once.
    pub selection: Selection,
    /// Bumped by every read and write: an answer to an older read is dropped.
    generation: u64,
    poll_attempt: usize,
}

impl Model {
    pub fn new(extra_servers: Vec<ServerRef>) -> Self {
        Self {
            extra_servers,
            ..Self::default()
        }
    }

    /// The list as far as the console knows it.
    pub fn list(&self) -> &ListState {
        &self.list
    }

    /// The deletes in their undo window and those being sent.
    pub fn deletes(&self) -> &Deletes {
        &self.deletes
    }

    /// Takes a delete event at `now`. A confirm un-chooses the confirmed rows.
    pub fn delete_event(&mut self, now: f64, event: DeleteEvent) -> Vec<Command> {
        if let DeleteEvent::Window(WindowEvent::Confirm(snapshots)) = &event {
            for snapshot in snapshots {
                if self.selection.contains(snapshot.id) {
                    self.selection.toggle(snapshot.id);
                }
            }
        }
        self.deletes.update(now, event)
    }

    /// Starts a read of the list, keeping the last one on screen meanwhile.
    pub fn begin_read(&mut self) -> Ticket {
        self.generation += 1;
        self.list = ListState::Loading {
            last: self.list.take_listed(),
        };
        Ticket(self.generation)
    }

    /// Takes the answer to the read `ticket` at `now`, unless a newer read or a write
    /// overtook it (then `None`, and nothing changes). Returns what to tell the user: the
    /// snapshots that finished since the list before.
    pub fn finish_read(
        &mut self,
        ticket: Ticket,
        now: f64,
        result: Result<Vec<Snapshot>, ApiError>,
    ) -> Option<Vec<Notice>> {
        if ticket.0 != self.generation {
            return None;
        }
        let last = self.list.take_listed();
        match result {
            Ok(snapshots) => {
                let notices = finished(last.as_ref().map_or(&[], Listed::snapshots), &snapshots);
                self.list = ListState::Loaded(Listed::new(now, snapshots));
                Some(notices)
            }
            // The session shows the sign-in prompt, or the user signed out: the list stays
            // as it was.
            Err(ApiError::Unauthorized { .. } | ApiError::Cancelled) => {
                self.list = last.map_or(ListState::NotLoaded, ListState::Loaded);
                Some(Vec::new())
            }
            Err(e) => {
                self.list = ListState::Failed {
                    error: messages::describe(&e, Key::WhatLoad.into()),
                    last,
                };
                Some(Vec::new())
            }
        }
    }

    /// Puts a snapshot the API just created first in the list, unless a read has listed it
    /// already (that read is newer than the create's answer). Drops any read in flight: it
    /// began before the create.
    pub fn insert(&mut self, snapshot: Snapshot, now: f64) {
        self.edit(now, |list| {
            if !list.iter().any(|s| s.id == snapshot.id) {
                list.insert(0, snapshot);
            }
        });
        // A new creation to watch: poll quickly again.
        self.poll_attempt = 0;
    }

    /// Takes a snapshot the API deleted (or no longer has) out of the list.
    pub fn remove(&mut self, id: SnapshotId, now: f64) {
        self.edit(now, |list| list.retain(|s| s.id != id));
        self.deletes.forget(id);
    }

    fn edit(&mut self, now: f64, change: impl FnOnce(&mut Vec<Snapshot>)) {
        self.generation += 1;
        let listed = self
            .list
            .take_listed()
            .unwrap_or_else(|| Listed::new(now, Vec::new()));
        self.list = ListState::Loaded(listed.edit(change));
    }

    /// Notes that `server` is being restored since `at`.
    pub fn restore_started(&mut self, server: ServerId, at: f64) {
        self.restores.retain(|(s, _)| *s != server);
        self.restores.push((server, at));
    }

    /// Forgets what was shown (on sign-out); the configured servers stay.
    pub fn clear(&mut self) {
        *self = Self {
            generation: self.generation + 1,
            extra_servers: std::mem::take(&mut self.extra_servers),
            ..Self::default()
        };
    }

    /// Every server the console knows: the list's, by name, then configured ones.
    pub fn servers(&self) -> Vec<ServerRef> {
        let listed: Vec<&ServerRef> = self
            .list
            .listed()
            .map_or_else(Vec::new, |l| l.servers().collect());
        let listed_ids: Vec<ServerId> = listed.iter().map(|s| s.id).collect();
        let by_name = positions_by(listed.len(), &|a, b| listed[a].name.cmp(&listed[b].name));
        let mut servers: Vec<ServerRef> = by_name.into_iter().map(|i| listed[i].clone()).collect();
        servers.extend(
            self.extra_servers
                .iter()
                .filter(|s| !listed_ids.contains(&s.id))
                .cloned(),
        );
        servers
    }

    /// The name of `server` as the list gives it; its ID ("12345") until it does, which reads
    /// the same in every language.
    pub fn server_name(&self, server: ServerId) -> String {
        let listed = self.list.snapshots().iter().map(|s| &s.server);
        listed
            .chain(&self.extra_servers)
            .find(|s| s.id == server)
            .map_or_else(|| server.to_string(), |s| s.name.clone())
    }

    /// How many snapshots `server` has, as far as the list shows.
    pub fn count_for(&self, server: ServerId) -> usize {
        self.list
            .listed()
            .and_then(|l| l.count(server))
            .unwrap_or(0)
    }

    /// When a restore of `server` was confirmed, while it may still be running at `now`.
    pub fn restoring_since(&self, server: ServerId, now: f64) -> Option<f64> {
        self.restores
            .iter()
            .find(|(s, _)| *s == server)
            .map(|(_, at)| *at)
            .filter(|at| now - at < RESTORE_WINDOW_MS)
    }

    /// What the console knows of `server`'s status at `now`: only that it is restoring.
    pub fn server_status(&self, server: ServerId, now: f64) -> Option<ServerStatus> {
        self.restoring_since(server, now)
            .map(|_| ServerStatus::Restoring)
    }

    /// Whether a snapshot of `server` may be created now, by the core's rule.
    pub fn check_create(&self, server: ServerId, now: f64) -> Result<(), CreateRefusal> {
        rules::check_create(
            &self.server_name(server),
            self.count_for(server),
            self.server_status(server, now).as_ref(),
        )
    }

    /// Whether `snapshot` may be restored now, by the core's rule.
    pub fn check_restore(&self, snapshot: &Snapshot, now: f64) -> Result<(), RestoreRefusal> {
        rules::check_restore(
            &snapshot.name,
            &snapshot.status,
            &snapshot.server.name,
            self.server_status(snapshot.server.id, now).as_ref(),
        )
    }

    /// The snapshot whose delete would make room on `server` at `now`: only when the limit
    /// is all that stops a create, chosen by the core's rule among those not already
    /// waiting to be deleted, and never `keep` (the snapshot about to be restored).
    pub fn room_for(
        &self,
        server: ServerId,
        now: f64,
        keep: Option<SnapshotId>,
    ) -> Option<&Snapshot> {
        match self.check_create(server, now) {
            Err(CreateRefusal::LimitReached { .. }) => {
                rules::room_candidate(self.list.snapshots().iter().filter(|s| {
                    s.server.id == server && Some(s.id) != keep && !self.deletes.contains(s.id)
                }))
            }
            _ => None,
        }
    }

    /// How many snapshots of `snapshot`'s server are newer than it.
    pub fn newer_than(&self, snapshot: &Snapshot) -> usize {
        self.list
            .snapshots()
            .iter()
            .filter(|s| s.server.id == snapshot.server.id && s.created_at > snapshot.created_at)
            .count()
    }

    pub fn has_in_progress(&self) -> bool {
        self.list
            .snapshots()
            .iter()
            .any(|s| s.status == SnapshotStatus::InProgress)
    }

    /// Seconds until the next poll, or `None` for no poll: polling runs only while something
    /// is in progress, in a visible tab, online; it backs off while nothing changes.
    pub fn next_poll(&mut self, visible: bool, online: bool) -> Option<u64> {
        if !self.has_in_progress() {
            self.poll_attempt = 0;
            return None;
        }
        if !visible || !online {
            return None;
        }
        let seconds = POLL_BACKOFF_S[self.poll_attempt.min(POLL_BACKOFF_S.len() - 1)];
        self.poll_attempt += 1;
        Some(seconds)
    }
}

/// A notice for each snapshot that was in progress in `before` and no longer is in `after`.
fn finished(before: &[Snapshot], after: &[Snapshot]) -> Vec<Notice> {
    // Only the few that were in progress matter, so a list serves (no map code in the wasm).
    let was: Vec<SnapshotId> = before
        .iter()
        .filter(|s| s.status == SnapshotStatus::InProgress)
        .map(|s| s.id)
        .collect();
    after
        .iter()
        .filter(|s| was.contains(&s.id) && s.status != SnapshotStatus::InProgress)
        .map(|s| {
            let tone = match &s.status {
                SnapshotStatus::Completed => Tone::Success,
                SnapshotStatus::Failed => Tone::Error,
                _ => Tone::Info,
            };
            Notice::new(tone, messages::finished(s))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Message;
    use crate::model::fixtures::{loaded, server, snapshot, NOW};

    #[test]
    fn a_read_keeps_the_last_list_while_it_runs_and_when_it_fails() {
        let mut model = loaded(vec![snapshot(1, 10, "a", "completed")]);
        let ticket = model.begin_read();
        assert!(model.list().loading());
        assert_eq!(model.list().snapshots().len(), 1);
        let failure = ApiError::Server {
            status: 503,
            detail: None,
        };
        model.finish_read(ticket, NOW + 1.0, Err(failure)).unwrap();
        assert_eq!(
            model.list().error().map(Message::en).as_deref(),
            Some("The API failed while trying to load the snapshots (error 503). Nothing on screen was changed; try again shortly.")
        );
        assert_eq!(model.list().snapshots()[0].name, "a");
        // The time is the last good list's.
        assert_eq!(model.list().listed().unwrap().at, NOW);
    }

    #[test]
    fn a_first_read_that_fails_has_no_list_to_keep() {
        let mut model = Model::default();
        assert_eq!(*model.list(), ListState::NotLoaded);
        let ticket = model.begin_read();
        assert_eq!(*model.list(), ListState::Loading { last: None });
        model
            .finish_read(ticket, NOW, Err(ApiError::Timeout { seconds: 15 }))
            .unwrap();
        assert!(matches!(model.list(), ListState::Failed { last: None, .. }));
        assert!(model.list().snapshots().is_empty());
    }

    #[test]
    fn an_answer_overtaken_by_a_newer_read_or_a_write_is_dropped() {
        let mut model = loaded(vec![snapshot(1, 10, "a", "completed")]);
        let old = model.begin_read();
        let new = model.begin_read();
        assert_eq!(model.finish_read(old, NOW, Ok(Vec::new())), None);
        assert_eq!(model.list().snapshots().len(), 1);
        assert!(model.finish_read(new, NOW, Ok(Vec::new())).is_some());
        assert!(model.list().snapshots().is_empty());

        // A create lands while a read is on its way: the read began before it, so it goes.
        let read = model.begin_read();
        model.insert(snapshot(2, 10, "b", "in_progress"), NOW);
        assert!(!model.list().loading());
        assert_eq!(model.finish_read(read, NOW, Ok(Vec::new())), None);
        assert_eq!(model.list().snapshots()[0].name, "b");
    }

    #[test]
    fn a_refused_token_leaves_the_list_for_the_sign_in_prompt() {
        let mut model = loaded(vec![snapshot(1, 10, "a", "completed")]);
        let ticket = model.begin_read();
        let notices = model.finish_read(ticket, NOW, Err(ApiError::Unauthorized { detail: None }));
        assert_eq!(notices, Some(Vec::new()));
        assert_eq!(model.list().error(), None);
        assert!(!model.list().loading());
        model.clear();
        assert_eq!(*model.list(), ListState::NotLoaded);
    }

    #[test]
    fn counts_and_servers_follow_the_list_and_the_configuration() {
        let mut model = Model::new(vec![server(30, "Server 30"), server(10, "ignored")]);
        assert_eq!(model.server_name(ServerId::new(30).unwrap()), "Server 30");
        let ticket = model.begin_read();
        let list = vec![
            snapshot(1, 10, "a", "completed"),
            snapshot(2, 20, "b", "completed"),
            snapshot(3, 10, "c", "in_progress"),
        ];
        model.finish_read(ticket, NOW, Ok(list));
        let names: Vec<String> = model.servers().into_iter().map(|s| s.name).collect();
        assert_eq!(names, ["s10", "s20", "Server 30"]);
        assert_eq!(model.count_for(ServerId::new(10).unwrap()), 2);
        assert_eq!(model.count_for(ServerId::new(30).unwrap()), 0);
        model.remove(SnapshotId::new(3).unwrap(), NOW);
        assert_eq!(model.count_for(ServerId::new(10).unwrap()), 1);
        assert_eq!(model.server_name(ServerId::new(10).unwrap()), "s10");
        assert_eq!(model.server_name(ServerId::new(99).unwrap()), "99");
        // Sign-out forgets the list, not the configuration.
        model.clear();
        assert_eq!(model.servers().len(), 2);
    }

    #[test]
    fn finished_snapshots_are_announced_once() {
        let mut model = loaded(vec![
            snapshot(1, 10, "a", "in_progress"),
            snapshot(2, 10, "b", "in_progress"),
            snapshot(3, 10, "c", "completed"),
        ]);
        let ticket = model.begin_read();
        let next = vec![
            snapshot(1, 10, "a", "completed"),
            snapshot(2, 10, "b", "failed"),
            snapshot(3, 10, "c", "completed"),
            snapshot(4, 10, "d", "completed"),
        ];
        let notices = model.finish_read(ticket, NOW, Ok(next.clone())).unwrap();
        let shown: Vec<(Tone, String)> = notices.iter().map(|n| (n.tone, n.text.en())).collect();
        assert_eq!(
            shown,
            [
                (Tone::Success, "Snapshot a of s10 is ready.".to_owned()),
                (Tone::Error, "Snapshot b of s10 failed.".to_owned()),
            ]
        );
        let ticket = model.begin_read();
        assert_eq!(model.finish_read(ticket, NOW, Ok(next)), Some(Vec::new()));
    }

    #[test]
    fn the_limit_and_a_confirmed_restore_decide_what_may_be_done() {
        let web = ServerId::new(10).unwrap();
        let full: Vec<Snapshot> = (1..=5)
            .map(|i| snapshot(i, 10, &format!("n{i}"), "completed"))
            .collect();
        let mut model = loaded(full);
        assert_eq!(
            messages::create_refusal(&model.check_create(web, NOW).unwrap_err()).en(),
            "Snapshot limit reached: s10 already has 5 of 5 snapshots. Delete one before creating another."
        );
        let one = model.list().snapshots()[0].clone();
        assert!(model.check_restore(&one, NOW).is_ok());

        model.remove(one.id, NOW);
        assert!(model.check_create(web, NOW).is_ok());
        model.restore_started(web, NOW);
        let two = model.list().snapshots()[0].clone();
        assert_eq!(
            model
                .check_restore(&two, NOW + 1000.0)
                .unwrap_err()
                .to_string(),
            "s10 is already being restored; wait for that restore to finish."
        );
        assert!(matches!(
            model.check_create(web, NOW),
            Err(CreateRefusal::ServerRestoring { .. })
        ));
        // Restores take 5–15 minutes; after that the console no longer assumes one runs.
        let later = NOW + RESTORE_WINDOW_MS;
        assert_eq!(model.server_status(web, later), None);
        assert!(model.check_restore(&two, later).is_ok());
        assert!(model.check_create(web, later).is_ok());
        // Another server is not affected.
        assert_eq!(model.server_status(ServerId::new(20).unwrap(), NOW), None);
    }

    #[test]
    fn room_is_offered_only_when_the_limit_alone_stops_a_create() {
        let web = ServerId::new(10).unwrap();
        let mut list: Vec<Snapshot> = (1..=4)
            .map(|i| snapshot(i, 10, &format!("n{i}"), "completed"))
            .collect();
        list.push(snapshot(5, 10, "broken", "failed"));
        let mut model = loaded(list);
        assert_eq!(
            model.room_for(web, NOW, None).map(|s| s.name.as_str()),
            Some("broken")
        );
        model.remove(SnapshotId::new(5).unwrap(), NOW);
        assert_eq!(
            model.room_for(web, NOW, None),
            None,
            "4 of 5: no room needed"
        );
        model.insert(snapshot(6, 10, "n6", "completed"), NOW);
        assert_eq!(
            model.room_for(web, NOW, None).map(|s| s.name.as_str()),
            Some("n1")
        );
        // While the server is being restored, deleting would not help.
        model.restore_started(web, NOW);
        assert_eq!(model.room_for(web, NOW, None), None);
    }

    #[test]
    fn only_completed_snapshots_restore() {
        let model = loaded(vec![
            snapshot(1, 10, "busy", "in_progress"),
            snapshot(2, 10, "broken", "failed"),
        ]);
        let [busy, broken] = [0, 1].map(|i| model.list().snapshots()[i].clone());
        assert!(matches!(
            model.check_restore(&busy, NOW),
            Err(RestoreRefusal::InProgress { .. })
        ));
        let refusal = model.check_restore(&broken, NOW).unwrap_err();
        assert_eq!(
            messages::restore_refusal(&refusal).en(),
            "Snapshot broken cannot be restored (Failed); only completed snapshots can be restored."
        );
    }

    #[test]
    fn polling_backs_off_while_something_is_in_progress_and_stops_after() {
        let mut model = loaded(vec![snapshot(1, 10, "a", "in_progress")]);
        let delays: Vec<Option<u64>> = (0..9).map(|_| model.next_poll(true, true)).collect();
        let expected = [2, 2, 3, 5, 8, 10, 12, 12, 12].map(Some);
        assert_eq!(delays, expected);
        // Hidden or offline: no poll, and the backoff holds its place.
        assert_eq!(model.next_poll(false, true), None);
        assert_eq!(model.next_poll(true, false), None);
        assert_eq!(model.next_poll(true, true), Some(12));
        // A new creation starts quick polling again.
        model.insert(snapshot(2, 10, "b", "in_progress"), NOW);
        assert_eq!(model.next_poll(true, true), Some(2));
        // Nothing in progress: no poll, and the next one starts from the beginning.
        let ticket = model.begin_read();
        let done = vec![
            snapshot(1, 10, "a", "completed"),
            snapshot(2, 10, "b", "completed"),
        ];
        model.finish_read(ticket, NOW, Ok(done));
        assert_eq!(model.next_poll(true, true), None);
        model.insert(snapshot(3, 10, "c", "in_progress"), NOW);
        assert_eq!(model.next_poll(true, true), Some(2));
    }

    #[test]
    fn newer_snapshots_of_the_same_server_are_counted() {
        let model = loaded(vec![
            snapshot(1, 10, "old", "completed"),
            snapshot(2, 10, "new", "completed"),
            snapshot(3, 20, "other", "completed"),
        ]);
        let [old, new] = [0, 1].map(|i| model.list().snapshots()[i].clone());
        assert_eq!(model.newer_than(&old), 1);
        assert_eq!(model.newer_than(&new), 0);
    }
}
