use leptos::prelude::*;
use snapshot_api::{Snapshot, SnapshotId};

use super::modal::focus_fallback;
use super::{Clock, Shared};
use crate::i18n::{Key, Message};
use crate::language::{tr, Language};
use crate::model::undo_window::WindowEvent;

/// Choosing rows for a delete of several at once: "Select all on this page", how many are
/// chosen and the delete; then the batch's undo window and its progress ("Deleting 3 of 7…").
#[component]
pub fn SelectionBar(page: Memo<Vec<Snapshot>>) -> impl IntoView {
    let language = expect_context::<Language>();
    let Shared {
        store,
        dialogs,
        clock: Clock(now),
        ..
    } = expect_context::<Shared>();
    let ids = move || page.with(|p| p.iter().map(|s| s.id).collect::<Vec<SnapshotId>>());
    let all = move || store.model.with(|m| m.selection.all_of(&ids()));
    // Some of the page chosen, not all: the box shows (and says) "mixed".
    let some = move || {
        !all()
            && store
                .model
                .with(|m| ids().iter().any(|id| m.selection.contains(*id)))
    };
    let chosen = move || {
        store
            .model
            .with(|m| m.selection.of(m.list().snapshots()).count())
    };
    let say = move |message: Message| language.render(&message);
    // Two or more deletes waiting: the window of a batch, undone as a whole.
    let waiting = move || {
        store
            .model
            .with(|m| m.deletes().window().summary(now.get()))
            .filter(|(count, _)| *count > 1)
    };
    let progress = move || store.model.with(|m| m.deletes().batch().progress());
    view! {
        <div class="sc-selection">
            <label class="sc-check">
                <input
                    type="checkbox"
                    prop:checked=all
                    prop:indeterminate=some
                    disabled=move || page.with(Vec::is_empty)
                    on:change=move |_| {
                        let ids = ids();
                        store.model.update(|m| m.selection.toggle_all(&ids));
                    }
                />
                {tr(Key::SelectPage)}
            </label>
            {move || (chosen() > 0).then(|| view! {
                <span>{move || say(Message::with(Key::SelectCount, [("count", chosen().into())]))}</span>
                <button type="button" class="sc-button sc-small sc-danger" on:click=move |_| dialogs.delete_chosen.set(true)>
                    {move || say(Message::with(Key::SelectDelete, [("count", chosen().into())]))}
                </button>
                <button type="button" class="sc-button sc-small sc-quiet" on:click=move |_| store.model.update(|m| m.selection.clear())>
                    {tr(Key::SelectClear)}
                </button>
            })}
            {move || waiting().map(|(count, seconds)| view! {
                <span class="sc-deleting">
                    {say(Message::with(Key::BatchWaiting, [("count", count.into()), ("seconds", seconds.into())]))}
                </span>
                <button
                    type="button"
                    class="sc-button sc-small"
                    on:click=move |_| {
                        store.delete(WindowEvent::UndoAll);
                        // The button goes with the window: focus to the heading, not the body.
                        request_animation_frame(focus_fallback);
                    }
                >
                    {tr(Key::BatchUndo)}
                </button>
            })}
            <span role="status">
                {move || progress().map(|(done, total)| {
                    say(Message::with(Key::BatchProgress, [("done", done.into()), ("total", total.into())]))
                })}
            </span>
        </div>
    }
}
