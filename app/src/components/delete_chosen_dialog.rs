use leptos::prelude::*;

use super::dialog_actions::DialogActions;
use super::modal::Modal;
use super::Shared;
use crate::i18n::{Key, Message};
use crate::language::{tr, Language};
use crate::model::selection::listed_names;
use crate::model::undo_window::WindowEvent;

/// Confirms deleting the chosen rows: their names (the first ten, then "and N more"), then
/// one undo window for them all, after which they go one at a time.
#[component]
pub fn DeleteChosenDialog() -> impl IntoView {
    let language = expect_context::<Language>();
    let Shared { dialogs, store, .. } = expect_context::<Shared>();
    let close = Callback::new(move |()| dialogs.delete_chosen.set(false));

    let body = move || {
        dialogs.delete_chosen.get().then(|| {
            let chosen = store.model.with_untracked(|m| {
                m.selection
                    .of(m.list().snapshots())
                    .cloned()
                    .collect::<Vec<_>>()
            });
            let (names, more) = listed_names(&chosen);
            let names: Vec<String> = names.into_iter().map(str::to_owned).collect();
            let lede = Message::with(Key::BatchLede, [("count", chosen.len().into())]);
            let more = (more > 0).then(|| Message::with(Key::BatchMore, [("count", more.into())]));
            let confirm = Callback::new(move |()| {
                store.delete(WindowEvent::Confirm(chosen.clone()));
                dialogs.delete_chosen.set(false);
            });
            view! {
                <p>{move || language.render(&lede)}</p>
                <ul class="sc-names">
                    {names.into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}
                </ul>
                {more.map(|more| view! { <p>{move || language.render(&more)}</p> })}
                <p class="sc-hint">{tr(Key::BatchUndoNote)}</p>
                <DialogActions label=Key::ActionDelete on_cancel=close on_confirm=confirm/>
            }
        })
    };

    view! {
        <Modal open=Signal::derive(move || dialogs.delete_chosen.get()) on_close=close title=Key::BatchTitle id="batch">
            <div class="sc-form">{body}</div>
        </Modal>
    }
}
