use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use snapshot_api::endpoints::SnapshotDelete;

use super::create_fields::{DescriptionField, NameField, ServerField};
use super::dialog_actions::DialogActions;
use super::modal::Modal;
use super::{Clock, Shared};
use crate::format;
use crate::i18n::Key;
use crate::language::{tr, Language};
use crate::messages;
use crate::model::create_form::CreateForm;
use crate::model::outcome;
use crate::submission::Submission;

/// The create form: server, name (checked as typed), description. The form's state and its
/// checks are the model's [`CreateForm`]; this renders it and sends the request.
#[component]
pub fn CreateDialog() -> impl IntoView {
    let language = expect_context::<Language>();
    let Shared {
        dialogs,
        store,
        view_state,
        client,
        clock: Clock(now),
        ..
    } = expect_context::<Shared>();

    let form = RwSignal::new(CreateForm::default());
    let make_room = RwSignal::new(false);
    let submission = Submission::new();
    // A fresh form each time the dialog opens. Only `dialogs.create` is tracked: nothing
    // else may re-run this and undo what the user chose.
    Effect::new(move |_| {
        if !dialogs.create.get() {
            return;
        }
        let looking_at = view_state.server.get_untracked();
        let fresh = store
            .model
            .with_untracked(|m| CreateForm::open(m, looking_at, &format::stamp()));
        form.set(fresh);
        make_room.set(false);
        submission.reset();
    });

    // Why the chosen server cannot take a snapshot now, by the core's rule. A memo, as a
    // table row's refusal is: the clock ticks each second, the answer changes far more rarely.
    let refusal = Memo::new(move |_| {
        let server = form.with(|f| f.server().ok())?;
        store
            .model
            .with(|m| m.check_create(server, now.get()).err())
            .map(|r| messages::create_refusal(&r))
    });
    // At the limit, the snapshot whose delete would make room, and whether the user chose that.
    // A plain closure, not a signal: a signal of a snapshot is more code in the wasm.
    let room = move || {
        let server = form.with(|f| f.server().ok())?;
        store
            .model
            .with(|m| m.room_for(server, now.get(), None).cloned())
    };
    let making_room = Signal::derive(move || make_room.get() && room().is_some());
    let blocked = Signal::derive(move || {
        (refusal.with(Option::is_some) && !making_room.get())
            || form.with(|f| f.name_error().is_some() || f.description_error().is_some())
    });

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let victim = untrack(room).filter(|_| make_room.get_untracked());
        if refusal.with_untracked(Option::is_some) && victim.is_none() {
            return;
        }
        let request = match form.with_untracked(CreateForm::request) {
            Ok(request) => request,
            Err(errors) => return submission.errors.set(errors),
        };
        let client = client.clone();
        // Two steps: the delete, and the create only once the API confirms it.
        let work = async move {
            if let Some(victim) = victim {
                let result = client
                    .call(&SnapshotDelete {
                        snapshot_id: victim.id,
                    })
                    .await;
                let deleted = outcome::snapshot_delete(result, &victim);
                if !deleted.close {
                    return deleted;
                }
                store.settle(&deleted);
            }
            let server = request.body.server_id;
            outcome::snapshot_create(client.call(&request).await, server)
        };
        submission.run(store, work, move || dialogs.create.set(false));
    };

    view! {
        <Modal
            open=Signal::derive(move || dialogs.create.get())
            on_close=Callback::new(move |()| dialogs.create.set(false))
            title=Key::ActionCreate
            id="create"
        >
            <form class="sc-form" on:submit=submit novalidate>
                <p class="sc-advice">{tr(Key::CreateAdvice)}</p>
                <ServerField form errors=submission.errors refusal/>
                {move || room().map(|victim| view! {
                    <div class="sc-field">
                        <label class="sc-check">
                            <input
                                type="checkbox"
                                aria-describedby="sc-make-room-hint"
                                prop:checked=move || make_room.get()
                                on:change=move |ev| make_room.set(event_target_checked(&ev))
                            />
                            {move || language.fill(Key::CreateMakeRoom, &[("snapshot", &victim.name)])}
                        </label>
                        <p id="sc-make-room-hint" class="sc-hint">{tr(Key::CreateMakeRoomHint)}</p>
                    </div>
                })}
                <NameField form errors=submission.errors/>
                <DescriptionField form errors=submission.errors/>
                <DialogActions
                    submission=submission
                    label=Key::CreateSubmit
                    label_when=(Signal::derive(move || making_room.get() && !submission.pending.get()), Key::CreateDeleteAndCreate)
                    pending_label=Key::CreatePending
                    blocked
                    submit=true
                    described_by="sc-create-server-msg"
                    on_cancel=Callback::new(move |()| dialogs.create.set(false))
                />
            </form>
        </Modal>
    }
}
