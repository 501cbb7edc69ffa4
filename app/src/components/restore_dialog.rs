use leptos::prelude::*;
use snapshot_api::endpoints::SnapshotRestore;
use snapshot_api::Snapshot;

use super::dialog_actions::DialogActions;
use super::modal::Modal;
use super::{Clock, Dialogs};
use crate::client::Client;
use crate::format;
use crate::model::outcome;
use crate::store::Store;
use crate::submission::Submission;

/// Restoring overwrites a server: the dialog says exactly what is lost and asks for the
/// server's name before the button works.
#[component]
pub fn RestoreDialog() -> impl IntoView {
    let dialogs = expect_context::<Dialogs>();
    let store = expect_context::<Store>();
    let client = expect_context::<Client>();
    let Clock(now) = expect_context::<Clock>();
    let typed = RwSignal::new(String::new());
    let submission = Submission::new();
    Effect::new(move |_| {
        if dialogs.restore.with(Option::is_some) {
            typed.set(String::new());
            submission.reset();
        }
    });

    let confirm = Callback::new(move |snapshot: Snapshot| {
        let client = client.clone();
        let work = async move {
            let result = client
                .call(&SnapshotRestore {
                    snapshot_id: snapshot.id,
                })
                .await;
            outcome::snapshot_restore(result, &snapshot)
        };
        submission.run(store, work, move || dialogs.restore.set(None));
    });

    let body = move || {
        dialogs.restore.get().map(|snapshot| {
            let server = snapshot.server.name.clone();
            let taken_ms = format::millis(snapshot.created_at);
            let taken = format::absolute(snapshot.created_at);
            let newer = store.model.with_untracked(|m| m.newer_than(&snapshot));
            let server_for_check = server.clone();
            let matches = move || typed.get().trim() == server_for_check;
            let target = snapshot.clone();
            view! {
                <p>
                    "Restore server " <strong>{server.clone()}</strong>
                    " from snapshot " <strong>{snapshot.name.clone()}</strong>
                    ", taken " <strong>{taken.clone()}</strong> "."
                </p>
                <div class="sc-warning">
                    <p>
                        <strong>{move || format!(
                            "Everything written to {} since {} ({}) will be lost.",
                            snapshot.server.name, taken, format::relative(taken_ms, now.get())
                        )}</strong>
                    </p>
                    <ul>
                        <li>"All current data on the server is overwritten with the snapshot's."</li>
                        <li>"The server is stopped automatically before the restore begins."</li>
                        <li>"This cannot be undone. It usually takes 5–15 minutes."</li>
                        {(newer > 0).then(|| view! {
                            <li>{format!(
                                "{newer} newer snapshot{} of this server will be kept, but the server will no longer match {}.",
                                if newer == 1 { "" } else { "s" },
                                if newer == 1 { "it" } else { "them" }
                            )}</li>
                        })}
                    </ul>
                </div>
                <div class="sc-field">
                    <label for="sc-restore-confirm">{format!("Type the server's name, {server}, to confirm")}</label>
                    <input id="sc-restore-confirm" autocomplete="off" spellcheck="false" bind:value=typed/>
                </div>
                <DialogActions
                    submission
                    label="Restore"
                    pending_label="Restoring…"
                    blocked=Signal::derive(move || !matches())
                    on_cancel=Callback::new(move |()| dialogs.restore.set(None))
                    on_confirm=Callback::new(move |()| confirm.run(target.clone()))
                />
            }
        })
    };

    view! {
        <Modal
            open=Signal::derive(move || dialogs.restore.with(Option::is_some))
            on_close=Callback::new(move |()| dialogs.restore.set(None))
            title="Restore snapshot"
            id="restore"
        >
            <div class="sc-form">{body}</div>
        </Modal>
    }
}
