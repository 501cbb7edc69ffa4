use leptos::prelude::*;
use snapshot_api::endpoints::SnapshotDelete;
use snapshot_api::{rules, ApiError, Snapshot};

use super::dialog_actions::DialogActions;
use super::modal::Modal;
use super::Dialogs;
use crate::client::Client;
use crate::messages;
use crate::store::Store;
use crate::submission::Submission;
use crate::toasts::{Toasts, Tone};

/// Confirms a delete; the row goes only once the API says it is gone.
#[component]
pub fn DeleteDialog() -> impl IntoView {
    let dialogs = expect_context::<Dialogs>();
    let store = expect_context::<Store>();
    let client = expect_context::<Client>();
    let toasts = expect_context::<Toasts>();
    let submission = Submission::new();
    Effect::new(move |_| {
        if dialogs.delete.with(Option::is_some) {
            submission.reset();
        }
    });

    let confirm = Callback::new(move |snapshot: Snapshot| {
        let client = client.clone();
        submission.run(async move {
            let result = client
                .call(&SnapshotDelete {
                    snapshot_id: snapshot.id,
                })
                .await;
            let done = match result {
                Ok(()) => format!("Deleted snapshot {}.", snapshot.name),
                // Someone (or an earlier attempt) deleted it already: the outcome wanted.
                Err(ApiError::NotFound { .. }) => {
                    format!("Snapshot {} was already deleted.", snapshot.name)
                }
                // The sign-in prompt replaces the console.
                Err(ApiError::Unauthorized { .. }) => return None,
                Err(other) if other.outcome_unknown() => {
                    // The list will show whether it went.
                    store.refresh();
                    return Some(format!(
                        "{} It may have been deleted all the same: the list is being refreshed.",
                        messages::describe(&other, "delete the snapshot")
                    ));
                }
                Err(other) => return Some(messages::describe(&other, "delete the snapshot")),
            };
            store.remove(snapshot.id);
            toasts.push(Tone::Success, done);
            dialogs.delete.set(None);
            None
        });
    });

    let body = move || {
        dialogs.delete.get().map(|snapshot| {
            let caveat = rules::delete_caveat(&snapshot.status);
            let target = snapshot.clone();
            view! {
                <p>
                    "Delete snapshot " <strong>{snapshot.name.clone()}</strong>
                    " of server " <strong>{snapshot.server.name.clone()}</strong> "?"
                </p>
                <p>"This is permanent: a deleted snapshot cannot be recovered."</p>
                {caveat.map(|c| view! { <p class="sc-warning">{c}</p> })}
                <DialogActions
                    submission
                    label="Delete"
                    pending_label="Deleting…"
                    on_cancel=Callback::new(move |()| dialogs.delete.set(None))
                    on_confirm=Callback::new(move |()| confirm.run(target.clone()))
                />
            }
        })
    };

    view! {
        <Modal
            open=Signal::derive(move || dialogs.delete.with(Option::is_some))
            on_close=Callback::new(move |()| dialogs.delete.set(None))
            title="Delete snapshot"
            id="delete"
        >
            <div class="sc-form">{body}</div>
        </Modal>
    }
}
