//! The browser side of the model's flows (create, restore, delete): it forwards events to
//! them, carries out the commands they return, and brings each answer back to the flow that
//! sent the write. It decides nothing.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use snapshot_api::{ApiError, Snapshot};

use crate::client::Client;
use crate::format;
use crate::model::create_flow::{CreateEvent, CreateFlow};
use crate::model::deletes::DeleteEvent;
use crate::model::dialogs::DialogEvent;
use crate::model::flow::{Answer, Command, FlowId, Write};
use crate::model::host_event::HostEvent;
use crate::model::restore_flow::{RestoreEvent, RestoreFlow};
use crate::model::undo_window::{WindowEvent, UNDO_WINDOW_MS};
use crate::store::Store;

/// Which flow a write's answer goes back to.
#[derive(Clone, Copy)]
enum Target {
    Create,
    Restore,
    Deletes,
}

impl Store {
    /// Opens the create dialog.
    pub fn open_create(&self) {
        let id = self.next_flow();
        self.dialogs
            .flows
            .update(|f| f.create = Some(CreateFlow::open(id)));
    }

    /// Opens the restore dialog for `snapshot`.
    pub fn open_restore(&self, snapshot: Snapshot) {
        let id = self.next_flow();
        let flow = RestoreFlow::open(id, snapshot);
        self.dialogs.flows.update(|f| f.restore = Some(flow));
    }

    fn next_flow(&self) -> FlowId {
        self.flows.update_value(|n| *n += 1);
        self.flows.get_value()
    }

    /// Forwards `event` to the create dialog's flow.
    pub fn create(&self, event: CreateEvent) {
        self.dialog(DialogEvent::Create(event));
    }

    /// Forwards `event` to the restore dialog's flow.
    pub fn restore(&self, event: RestoreEvent) {
        self.dialog(DialogEvent::Restore(event));
    }

    /// Gives `event` to the dialogs' flows with the model and the time, then carries out
    /// what they return.
    fn dialog(&self, event: DialogEvent) {
        let target = match event {
            DialogEvent::Create(_) => Target::Create,
            DialogEvent::Restore(_) => Target::Restore,
        };
        let now = format::now();
        let commands = self
            .model
            .with_untracked(|m| self.dialogs.flows.try_update(|f| f.update(m, now, event)));
        self.carry_out(target, commands.unwrap_or_default());
    }

    /// Forwards `event` to the deletes. A confirm starts an undo window, whose end the clock
    /// tells them.
    pub fn delete(&self, event: WindowEvent) {
        let confirm = matches!(event, WindowEvent::Confirm(_));
        let event = DeleteEvent::Window(event);
        self.deletes(event);
        if confirm {
            let store = *self;
            // The window's end, plus a moment, so the deletes find it due.
            let wait = Duration::from_millis(UNDO_WINDOW_MS as u64 + 50);
            set_timeout(move || store.delete(WindowEvent::Tick), wait);
        }
    }

    fn deletes(&self, event: DeleteEvent) {
        let now = format::now();
        let commands = self.model.try_update(|m| m.delete_event(now, event));
        self.carry_out(Target::Deletes, commands.unwrap_or_default());
    }

    /// A list read arrived: the open dialogs' flows may move on.
    pub(crate) fn listed(&self) {
        self.create(CreateEvent::Listed);
        self.restore(RestoreEvent::Listed);
    }

    /// The user signed out, or the token was refused: every flow stops, silently, and what
    /// was shown is forgotten.
    pub fn signed_out(&self) {
        self.create(CreateEvent::SignedOut);
        self.restore(RestoreEvent::SignedOut);
        self.delete(WindowEvent::SignedOut);
        self.dialogs.delete.set(None);
        self.dialogs.delete_chosen.set(false);
        self.clear();
    }

    fn carry_out(&self, target: Target, commands: Vec<Command>) {
        for command in commands {
            match command {
                Command::Send { flow, write } => {
                    // The host may veto the write: then nothing is sent, and the flow hears
                    // why as it would hear the API's refusal.
                    let host = self.client.with_value(Client::host);
                    if let Some(reason) = host.ask(&HostEvent::before(&write)) {
                        self.answered(target, flow, write.failed(ApiError::Vetoed { reason }));
                        continue;
                    }
                    let store = *self;
                    let client = self.client.get_value();
                    spawn_local(async move {
                        let answer = send(&client, write).await;
                        store.answered(target, flow, answer);
                    });
                }
                Command::Settle(outcome) => self.settle(&outcome),
                Command::Notify(notice) => self.toasts.push(notice.tone, notice.text),
            }
        }
    }

    fn answered(&self, target: Target, flow: FlowId, answer: Answer) {
        if let Some(event) = HostEvent::after(&answer) {
            self.client.with_value(Client::host).emit(&event);
        }
        match target {
            Target::Create => self.dialog(DialogEvent::Create(CreateEvent::Answered(flow, answer))),
            Target::Restore => {
                self.dialog(DialogEvent::Restore(RestoreEvent::Answered(flow, answer)))
            }
            Target::Deletes => self.deletes(DeleteEvent::Answered(answer)),
        }
    }
}

/// Sends `write`; never retried (see [`Client::call`]).
async fn send(client: &Client, write: Write) -> Answer {
    match client.call(&write).await {
        Ok(answer) => answer,
        Err(error) => write.failed(error),
    }
}
