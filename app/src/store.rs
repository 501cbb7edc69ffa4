//! The console's [`Model`] in one signal, and the browser side of it: the reads, the polling
//! timer, and the tab's visibility and connection.
//!
//! A hand-held store rather than a `LocalResource`: a failed refresh must keep the list on
//! screen, a write must be able to put its result in at once, and a response that arrives
//! after a newer one (or after a write) must be dropped; the model decides all three.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use snapshot_api::endpoints::SnapshotList;
use snapshot_api::{Endpoint, ServerId, ServerRef};

use crate::client::Client;
use crate::components::Dialogs;
use crate::format;
use crate::model::flow::FlowId;
use crate::model::outcome::{Change, Outcome};
use crate::model::undo_window::WindowEvent;
use crate::model::Model;
use crate::toasts::Toasts;

/// Shared through context; cheap to copy.
#[derive(Clone, Copy)]
pub struct Store {
    /// Everything the console knows; components read it and call the methods below.
    pub model: RwSignal<Model>,
    /// Whether the browser says it is online; polling waits while it is not.
    pub online: RwSignal<bool>,
    /// The open dialogs, with the flows of the create and the restore.
    pub dialogs: Dialogs,
    poll_timer: StoredValue<Option<TimeoutHandle>>,
    /// The last dialog opening's number (see [`FlowId`]).
    pub(crate) flows: StoredValue<FlowId>,
    pub(crate) client: StoredValue<Client>,
    pub(crate) toasts: Toasts,
    pinned_server: Option<ServerId>,
}

impl Store {
    /// A store listing every server's snapshots, or only `pinned_server`'s when the host pins one;
    /// `known` are servers named before the list has any of theirs.
    pub fn new(
        client: Client,
        toasts: Toasts,
        pinned_server: Option<ServerId>,
        known: Vec<ServerRef>,
    ) -> Self {
        let store = Self {
            model: RwSignal::new(Model::new(known)),
            online: RwSignal::new(window().navigator().on_line()),
            dialogs: Dialogs::default(),
            poll_timer: StoredValue::new(None),
            flows: StoredValue::new(0),
            client: StoredValue::new(client),
            toasts,
            pinned_server,
        };
        // Polling pauses while the tab is hidden and catches up when it shows again.
        // (`visibilitychange` bubbles from the document to the window.)
        let handle = window_event_listener_untyped("visibilitychange", move |_| {
            if document_visible() {
                store.delete(WindowEvent::Shown);
                if store.model.with_untracked(Model::has_in_progress) {
                    store.refresh();
                }
            } else {
                store.stop_polling();
                store.delete(WindowEvent::Hidden);
            }
        });
        on_cleanup(move || handle.remove());
        // Offline: stop polling; back online: catch up on what was in progress or failed.
        let offline = window_event_listener_untyped("offline", move |_| {
            store.online.set(false);
            store.stop_polling();
        });
        let online = window_event_listener_untyped("online", move |_| {
            store.online.set(true);
            let behind = store
                .model
                .with_untracked(|m| m.has_in_progress() || m.list().error().is_some());
            if behind {
                store.refresh();
            }
        });
        on_cleanup(move || {
            offline.remove();
            online.remove();
        });
        store
    }

    /// The request `endpoint` would be sent as now, for "Copy as…" ([`Client::request`]).
    pub fn request<E: Endpoint>(&self, endpoint: &E) -> Option<http::Request<Vec<u8>>> {
        self.client.with_value(|client| client.request(endpoint))
    }

    /// Reads the list again. The answer is dropped if a newer read or a write overtook it.
    pub fn refresh(&self) {
        let store = *self;
        self.stop_polling();
        let ticket = self.model.try_update(Model::begin_read);
        let Some(ticket) = ticket else { return };
        let client = self.client.get_value();
        let list = match self.pinned_server {
            Some(id) => SnapshotList::for_server(id),
            None => SnapshotList::all(),
        };
        spawn_local(async move {
            let result = client.snapshot_list(list).await;
            let notices = store
                .model
                .try_update(|m| m.finish_read(ticket, format::now(), result))
                .flatten();
            let Some(notices) = notices else { return };
            for notice in notices {
                store.toasts.push(notice.tone, notice.text);
            }
            store.listed();
            store.schedule_poll();
        });
    }

    /// Applies what a write's answer means to the list, and tells the user in passing.
    pub fn settle(&self, outcome: &Outcome) {
        match &outcome.change {
            Change::None => {}
            Change::Insert(snapshot) => self
                .model
                .update(|m| m.insert(snapshot.clone(), format::now())),
            Change::Remove(id) => self.model.update(|m| m.remove(*id, format::now())),
            Change::Restoring(server) => self
                .model
                .update(|m| m.restore_started(*server, format::now())),
            Change::Refresh => self.refresh(),
        }
        if matches!(outcome.change, Change::Insert(_) | Change::Remove(_)) {
            self.schedule_poll();
        }
        if let Some(notice) = &outcome.notice {
            self.toasts.push(notice.tone, notice.text.clone());
        }
    }

    /// Forgets everything shown (on sign-out).
    pub(crate) fn clear(&self) {
        self.stop_polling();
        self.model.update(Model::clear);
    }

    fn stop_polling(&self) {
        if let Some(timer) = self.poll_timer.get_value() {
            timer.clear();
        }
        self.poll_timer.set_value(None);
    }

    /// Polls again when the model says so.
    fn schedule_poll(&self) {
        self.stop_polling();
        let visible = document_visible();
        let online = self.online.get_untracked();
        // Untracked and silent: the backoff is not something any view shows.
        let Some(seconds) = self
            .model
            .try_update_untracked(|m| m.next_poll(visible, online))
            .flatten()
        else {
            return;
        };
        let store = *self;
        let timer = set_timeout_with_handle(move || store.refresh(), Duration::from_secs(seconds));
        self.poll_timer.set_value(timer.ok());
    }
}

fn document_visible() -> bool {
    document().visibility_state() == web_sys::VisibilityState::Visible
}
