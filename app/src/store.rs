//! The snapshot list as the console knows it, and the one place that reads it from the API.
//!
//! A hand-held store rather than a `LocalResource`: a failed refresh must keep the list on
//! screen, a write must be able to put its result in at once, and a response that arrives
//! after a newer one (or after a write) must be dropped; a generation counter does all three.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use snapshot_api::endpoints::SnapshotList;
use snapshot_api::{ApiError, ServerId, ServerRef, Snapshot, SnapshotId, SnapshotStatus};

use crate::client::Client;
use crate::toasts::{Toasts, Tone};
use crate::{format, messages};

/// Seconds between polls while something is in progress: quick at first, then backing off.
const POLL_BACKOFF_S: [u64; 7] = [2, 2, 3, 5, 8, 10, 12];

/// Shared through context; cheap to copy.
#[derive(Clone, Copy)]
pub struct Store {
    pub snapshots: RwSignal<Vec<Snapshot>>,
    /// Whether a first list has arrived since sign-in.
    pub loaded: RwSignal<bool>,
    pub refreshing: RwSignal<bool>,
    /// Why the last refresh failed; the list on screen is then the one before it.
    pub error: RwSignal<Option<String>>,
    pub updated_at: RwSignal<Option<f64>>,
    /// Whether the browser says it is online; polling waits while it is not.
    pub online: RwSignal<bool>,
    /// Servers this console started a restore on, with when it started (ms).
    pub restoring: RwSignal<HashMap<ServerId, f64>>,
    /// Servers learnt from the pinned configuration or typed by the user, beyond the list's.
    pub extra_servers: RwSignal<Vec<ServerRef>>,
    /// Snapshots per server, counted once per list change: the quota strip and the create
    /// dialog ask for every server, and counting by scanning was quadratic on large accounts.
    counts: Memo<HashMap<ServerId, usize>>,
    generation: StoredValue<u64>,
    poll_attempt: StoredValue<usize>,
    poll_timer: StoredValue<Option<TimeoutHandle>>,
    client: StoredValue<Client>,
    toasts: Toasts,
    scope: Option<ServerId>,
}

impl Store {
    /// A store listing every server's snapshots, or only `scope`'s when the host pins one.
    pub fn new(client: Client, toasts: Toasts, scope: Option<ServerId>) -> Self {
        let snapshots = RwSignal::new(Vec::<Snapshot>::new());
        let counts = Memo::new(move |_| {
            snapshots.with(|list| {
                let mut counts = HashMap::new();
                for s in list {
                    *counts.entry(s.server.id).or_insert(0) += 1;
                }
                counts
            })
        });
        let store = Self {
            snapshots,
            loaded: RwSignal::new(false),
            refreshing: RwSignal::new(false),
            error: RwSignal::new(None),
            updated_at: RwSignal::new(None),
            online: RwSignal::new(window().navigator().on_line()),
            restoring: RwSignal::new(HashMap::new()),
            extra_servers: RwSignal::new(Vec::new()),
            counts,
            generation: StoredValue::new(0),
            poll_attempt: StoredValue::new(0),
            poll_timer: StoredValue::new(None),
            client: StoredValue::new(client),
            toasts,
            scope,
        };
        // Polling pauses while the tab is hidden and catches up when it shows again.
        // (`visibilitychange` bubbles from the document to the window.)
        let handle = window_event_listener_untyped("visibilitychange", move |_| {
            if document_visible() {
                if store.has_in_progress() {
                    store.refresh();
                }
            } else {
                store.stop_polling();
            }
        });
        on_cleanup(move || handle.remove());
        // Offline: stop polling; back online: catch up on what was in progress.
        let offline = window_event_listener_untyped("offline", move |_| {
            store.online.set(false);
            store.stop_polling();
        });
        let online = window_event_listener_untyped("online", move |_| {
            store.online.set(true);
            if store.has_in_progress() || store.error.with_untracked(Option::is_some) {
                store.refresh();
            }
        });
        on_cleanup(move || {
            offline.remove();
            online.remove();
        });
        store
    }

    /// Reads the list again. The answer is dropped if a newer read or a write overtook it.
    pub fn refresh(&self) {
        let store = *self;
        let generation = self.bump();
        self.stop_polling();
        self.refreshing.set(true);
        let client = self.client.get_value();
        let list = match self.scope {
            Some(id) => SnapshotList::for_server(id),
            None => SnapshotList::all(),
        };
        spawn_local(async move {
            let result = client.snapshot_list(list).await;
            if store.generation.try_get_value() != Some(generation) {
                return;
            }
            store.refreshing.set(false);
            match result {
                Ok(snapshots) => {
                    store.announce_changes(&snapshots);
                    store.snapshots.set(snapshots);
                    store.loaded.set(true);
                    store.error.set(None);
                    store.updated_at.set(Some(format::now()));
                    store.schedule_poll();
                }
                // The session shows the sign-in prompt; nothing more to poll.
                Err(ApiError::Unauthorized { .. }) => {}
                Err(e) => {
                    store
                        .error
                        .set(Some(messages::describe(&e, "load the snapshots")));
                    store.schedule_poll();
                }
            }
        });
    }

    /// Puts a snapshot the API just created into the list, and starts polling for it.
    pub fn insert(&self, snapshot: Snapshot) {
        self.bump();
        self.refreshing.set(false);
        self.snapshots.update(|list| {
            list.retain(|s| s.id != snapshot.id);
            list.insert(0, snapshot);
        });
        self.poll_attempt.set_value(0);
        self.schedule_poll();
    }

    /// Takes a snapshot the API deleted out of the list.
    pub fn remove(&self, id: SnapshotId) {
        self.bump();
        self.refreshing.set(false);
        self.snapshots.update(|list| list.retain(|s| s.id != id));
        self.schedule_poll();
    }

    /// Notes that a restore of `server` began.
    pub fn mark_restoring(&self, server: ServerId) {
        self.restoring.update(|map| {
            map.insert(server, format::now());
        });
    }

    /// Forgets everything shown (on sign-out).
    pub fn clear(&self) {
        self.bump();
        self.stop_polling();
        self.snapshots.set(Vec::new());
        self.loaded.set(false);
        self.refreshing.set(false);
        self.error.set(None);
        self.updated_at.set(None);
        self.restoring.set(HashMap::new());
    }

    /// Every server the console knows: from the list, then pinned or typed ones.
    pub fn servers(&self) -> Vec<ServerRef> {
        let mut seen = HashSet::new();
        let mut servers: Vec<ServerRef> = self.snapshots.with(|list| {
            list.iter()
                .filter(|s| seen.insert(s.server.id))
                .map(|s| s.server.clone())
                .collect()
        });
        servers.sort_by(|a, b| a.name.cmp(&b.name));
        self.extra_servers.with(|extra| {
            servers.extend(extra.iter().filter(|s| seen.insert(s.id)).cloned());
        });
        servers
    }

    /// The name of `server`, as the list names it; "Server 12345" until it does.
    pub fn server_name(&self, server: ServerId) -> String {
        self.servers()
            .into_iter()
            .find(|s| s.id == server)
            .map_or_else(|| format!("Server {server}"), |s| s.name)
    }

    /// How many snapshots `server` has, as far as the list shows.
    pub fn count_for(&self, server: ServerId) -> usize {
        self.counts
            .with(|counts| counts.get(&server).copied().unwrap_or(0))
    }

    fn has_in_progress(&self) -> bool {
        self.snapshots
            .with_untracked(|list| list.iter().any(|s| s.status == SnapshotStatus::InProgress))
    }

    fn bump(&self) -> u64 {
        let next = self.generation.get_value() + 1;
        self.generation.set_value(next);
        next
    }

    fn stop_polling(&self) {
        if let Some(timer) = self.poll_timer.get_value() {
            timer.clear();
        }
        self.poll_timer.set_value(None);
    }

    /// Polls again later, only while something is in progress and the tab is visible.
    fn schedule_poll(&self) {
        self.stop_polling();
        if !self.has_in_progress() {
            self.poll_attempt.set_value(0);
            return;
        }
        if !document_visible() || !self.online.get_untracked() {
            return;
        }
        let attempt = self.poll_attempt.get_value();
        self.poll_attempt.set_value(attempt + 1);
        let seconds = POLL_BACKOFF_S[attempt.min(POLL_BACKOFF_S.len() - 1)];
        let store = *self;
        let timer = set_timeout_with_handle(move || store.refresh(), Duration::from_secs(seconds));
        self.poll_timer.set_value(timer.ok());
    }

    /// Tells the user (on screen and to screen readers) about snapshots that finished.
    fn announce_changes(&self, next: &[Snapshot]) {
        let before: HashMap<SnapshotId, SnapshotStatus> = self
            .snapshots
            .with_untracked(|list| list.iter().map(|s| (s.id, s.status.clone())).collect());
        for snapshot in next {
            if before.get(&snapshot.id) != Some(&SnapshotStatus::InProgress)
                || snapshot.status == SnapshotStatus::InProgress
            {
                continue;
            }
            let (tone, outcome) = match &snapshot.status {
                SnapshotStatus::Completed => (Tone::Success, "is ready".to_owned()),
                SnapshotStatus::Failed => (Tone::Error, "failed".to_owned()),
                other => (Tone::Info, format!("is now {other}")),
            };
            self.toasts.push(
                tone,
                format!(
                    "Snapshot {} of {} {outcome}.",
                    snapshot.name, snapshot.server.name
                ),
            );
        }
    }
}

fn document_visible() -> bool {
    document().visibility_state() == web_sys::VisibilityState::Visible
}
