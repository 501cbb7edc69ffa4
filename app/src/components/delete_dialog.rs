use leptos::prelude::*;
use snapshot_api::{rules, Snapshot};

use super::dialog_actions::DialogActions;
use super::modal::Modal;
use super::Shared;
use crate::i18n::Key;
use crate::language::{tr, Language};
use crate::messages;
use crate::model::flow::Write;
use crate::model::undo_window::WindowEvent;

/// Confirms a delete. The dialog closes at once; the row then counts down its undo window,
/// and the row goes only once the API says the snapshot is gone.
#[component]
pub fn DeleteDialog() -> impl IntoView {
    let language = expect_context::<Language>();
    let Shared { dialogs, store, .. } = expect_context::<Shared>();

    let confirm = Callback::new(move |snapshot: Snapshot| {
        store.delete(WindowEvent::Confirm(vec![snapshot]));
        dialogs.delete.set(None);
    });

    let body = move || {
        dialogs.delete.get().map(|snapshot| {
            let caveat = rules::delete_caveat(&snapshot.status).map(messages::delete_caveat);
            let target = snapshot.clone();
            // The write Delete sends, once its undo window closes.
            let write = Write::Delete(snapshot.clone());
            let copy = Callback::new(move |()| store.request(&write));
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
                <p class="sc-hint">{tr(Key::DeleteUndoNote)}</p>
                {caveat.map(|c| view! { <p class="sc-warning">{move || language.render(&c)}</p> })}
                <DialogActions
                    label=Key::ActionDelete
                    on_cancel=Callback::new(move |()| dialogs.delete.set(None))
                    on_confirm=Callback::new(move |()| confirm.run(target.clone()))
                    copy
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
