use leptos::prelude::*;
use snapshot_api::endpoints::SnapshotRestore;
use snapshot_api::{ApiError, Snapshot};

use super::dialog_actions::DialogActions;
use super::modal::Modal;
use super::{Clock, Dialogs};
use crate::client::Client;
use crate::store::Store;
use crate::submission::Submission;
use crate::toasts::{Toasts, Tone};
use crate::{format, messages};

/// Restoring overwrites a server: the dialog says exactly what is lost and asks for the
/// server's name before the button works.
#[component]
pub fn RestoreDialog() -> impl IntoView {
    let dialogs = expect_context::<Dialogs>();
    let store = expect_context::<Store>();
    let client = expect_context::<Client>();
    let toasts = expect_context::<Toasts>();
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
        submission.run(async move {
            let result = client
                .call(&SnapshotRestore {
                    snapshot_id: snapshot.id,
                })
                .await;
            match result {
                Ok(accepted) => {
                    store.mark_restoring(accepted.server.id);
                    toasts.push(
                        Tone::Success,
                        format!(
                            "{} is {}. {}",
                            accepted.server.name, accepted.server.status, accepted.message
                        ),
                    );
                    dialogs.restore.set(None);
                    None
                }
                Err(ApiError::NotFound { .. }) => {
                    store.remove(snapshot.id);
                    Some("This snapshot no longer exists, so there is nothing to restore from. It has been taken off the list.".to_owned())
                }
                Err(ApiError::InvalidState { detail }) => Some(format!(
                    "The API refused the restore because the server is not in a state that allows one: {detail}"
                )),
                // The sign-in prompt replaces the console.
                Err(ApiError::Unauthorized { .. }) => None,
                Err(other) if other.outcome_unknown() => Some(format!(
                    "{} The restore may have started all the same; do not start it again until the server is back.",
                    messages::describe(&other, "start the restore")
                )),
                Err(other) => Some(messages::describe(&other, "start the restore")),
            }
        });
    });

    let body = move || {
        dialogs.restore.get().map(|snapshot| {
            let server = snapshot.server.name.clone();
            let taken_ms = format::millis(snapshot.created_at);
            let taken = format::absolute(snapshot.created_at);
            let newer = store.snapshots.with(|list| {
                list.iter()
                    .filter(|s| s.server.id == snapshot.server.id && s.created_at > snapshot.created_at)
                    .count()
            });
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
