use leptos::prelude::*;
use snapshot_api::endpoints::SnapshotDelete;
use snapshot_api::{rules, Snapshot};

use super::dialog_actions::DialogActions;
use super::modal::Modal;
use super::Dialogs;
use crate::client::Client;
use crate::i18n::Key;
use crate::language::{tr, Language};
use crate::messages;
use crate::model::outcome;
use crate::store::Store;
use crate::submission::Submission;

/// Confirms a delete; the row goes only once the API says it is gone.
#[component]
pub fn DeleteDialog() -> impl IntoView {
    let dialogs = expect_context::<Dialogs>();
    let store = expect_context::<Store>();
    let client = expect_context::<Client>();
    let submission = Submission::new();
    let language = expect_context::<Language>();
    Effect::new(move |_| {
        if dialogs.delete.with(Option::is_some) {
            submission.reset();
        }
    });

    let confirm = Callback::new(move |snapshot: Snapshot| {
        let client = client.clone();
        let work = async move {
            let result = client
                .call(&SnapshotDelete {
                    snapshot_id: snapshot.id,
                })
                .await;
            outcome::snapshot_delete(result, &snapshot)
        };
        submission.run(store, work, move || dialogs.delete.set(None));
    });

    let body = move || {
        dialogs.delete.get().map(|snapshot| {
            let caveat = rules::delete_caveat(&snapshot.status).map(messages::delete_caveat);
            let target = snapshot.clone();
            let lede = language.bold(
                Key::DeleteLede,
                vec![
                    ("snapshot", snapshot.name.to_string()),
                    ("server", snapshot.server.name.clone()),
                ],
            );
            view! {
                <p>{lede}</p>
                <p>{tr(Key::DeletePermanent)}</p>
                {caveat.map(|c| view! { <p class="sc-warning">{move || language.render(&c)}</p> })}
                <DialogActions
                    submission
                    label=Key::ActionDelete
                    pending_label=Key::DeletePending
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
            title=Key::DeleteTitle
            id="delete"
        >
            <div class="sc-form">{body}</div>
        </Modal>
    }
}
