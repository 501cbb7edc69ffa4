use leptos::prelude::*;
use leptos::task::spawn_local;
use snapshot_api::endpoints::SnapshotDelete;
use snapshot_api::{rules, ApiError, Snapshot};

use super::modal::Modal;
use super::Dialogs;
use crate::client::Client;
use crate::messages;
use crate::store::Store;
use crate::toasts::{Toasts, Tone};

/// Confirms a delete; the row goes only once the API says it is gone.
#[component]
pub fn DeleteDialog() -> impl IntoView {
    let dialogs = expect_context::<Dialogs>();
    let store = expect_context::<Store>();
    let client = expect_context::<Client>();
    let toasts = expect_context::<Toasts>();
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    Effect::new(move |_| {
        if dialogs.delete.with(Option::is_some) {
            error.set(None);
        }
    });

    let confirm = Callback::new(move |snapshot: Snapshot| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        let client = client.clone();
        spawn_local(async move {
            let result = client
                .call(&SnapshotDelete {
                    snapshot_id: snapshot.id,
                })
                .await;
            pending.set(false);
            let gone = match result {
                Ok(()) => Some(format!("Deleted snapshot {}.", snapshot.name)),
                // Someone (or an earlier attempt) deleted it already: the outcome wanted.
                Err(ApiError::NotFound { .. }) => {
                    Some(format!("Snapshot {} was already deleted.", snapshot.name))
                }
                Err(ApiError::Unauthorized { .. }) => None,
                Err(other) => {
                    error.set(Some(messages::describe(&other, "delete the snapshot")));
                    None
                }
            };
            if let Some(text) = gone {
                store.remove(snapshot.id);
                toasts.push(Tone::Success, text);
                dialogs.delete.set(None);
            }
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
                {move || error.get().map(|m| view! { <p class="sc-banner sc-banner-error" role="alert">{m}</p> })}
                <div class="sc-dialog-actions">
                    <button type="button" class="sc-button sc-quiet" on:click=move |_| dialogs.delete.set(None)>"Cancel"</button>
                    <button
                        type="button"
                        class="sc-button sc-danger-solid"
                        disabled=move || pending.get()
                        on:click=move |_| confirm.run(target.clone())
                    >
                        {move || if pending.get() { "Deleting…" } else { "Delete" }}
                    </button>
                </div>
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
