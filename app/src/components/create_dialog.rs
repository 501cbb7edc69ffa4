use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::create_fields::{api_error, DescriptionField, NameField, ServerField};
use super::dialog_actions::DialogActions;
use super::modal::Modal;
use super::{Clock, Shared};
use crate::format;
use crate::i18n::Key;
use crate::language::{tr, Language};
use crate::messages;
use crate::model::create_flow::{CreateEvent, CreateFlow};
use crate::model::create_form::CreateForm;
use crate::model::flow::Write;

/// The create form: server, name (checked as typed), description. The form's state and its
/// checks are the model's [`CreateForm`]; what is sent, and when, is the [`CreateFlow`]'s
/// decision. This renders both and forwards what the user does.
#[component]
pub fn CreateDialog() -> impl IntoView {
    let language = expect_context::<Language>();
    let Shared {
        dialogs,
        store,
        view_state,
        clock: Clock(now),
        ..
    } = expect_context::<Shared>();
    let flow = dialogs.flows;
    let form = RwSignal::new(CreateForm::default());
    // A fresh form each time the dialog opens: only the opening is tracked, so nothing else
    // may re-run this and undo what the user chose.
    let opened = Memo::new(move |_| flow.with(|f| f.create.as_ref().map(CreateFlow::id)));
    Effect::new(move |_| {
        if opened.get().is_none() {
            return;
        }
        let looking_at = view_state.server.get_untracked();
        let fresh = store
            .model
            .with_untracked(|m| CreateForm::open(m, looking_at, &format::stamp()));
        form.set(fresh);
    });
    let sending =
        Signal::derive(move || flow.with(|f| f.create.as_ref().is_some_and(CreateFlow::sending)));

    // Why the chosen server cannot take a snapshot now, by the core's rule. A memo, as a
    // table row's refusal is: the clock ticks each second, the answer changes far more rarely.
    let refusal = Memo::new(move |_| {
        let server = form.with(|f| f.server().ok())?;
        store
            .model
            .with(|m| m.check_create(server, now.get()).err())
            .map(|r| messages::create_refusal(&r))
    });
    // At the limit, the snapshot whose delete would make room (the box's label names it).
    // A plain closure, not a signal: a signal of a snapshot is more code in the wasm.
    let room = move || {
        let server = form.with(|f| f.server().ok())?;
        store
            .model
            .with(|m| m.room_for(server, now.get(), None).cloned())
    };
    let making_room = Signal::derive(move || {
        flow.with(|f| f.create.as_ref().is_some_and(|f| f.room().is_some()))
    });
    let blocked = Signal::derive(move || {
        (refusal.with(Option::is_some) && !making_room.get())
            || form.with(CreateForm::has_field_error)
    });

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        store.create(CreateEvent::Submit(
            form.with_untracked(CreateForm::request),
        ));
    };
    let cancel = Callback::new(move |()| store.create(CreateEvent::Cancel));
    // What Create would send now, as typed.
    let copy = Callback::new(move |()| {
        let create = form.with_untracked(CreateForm::request).ok()?;
        store.request(&Write::Create(create))
    });

    view! {
        <Modal
            open=Signal::derive(move || flow.with(|f| f.create.is_some()))
            on_close=cancel
            title=Key::ActionCreate
            id="create"
        >
            <form class="sc-form" on:submit=submit novalidate>
                <p class="sc-advice">{tr(Key::CreateAdvice)}</p>
                <ServerField form refusal/>
                {move || room().map(|victim| {
                    let label = victim.name.to_string();
                    view! {
                        <div class="sc-field">
                            <label class="sc-check">
                                <input
                                    type="checkbox"
                                    aria-describedby="sc-make-room-hint"
                                    disabled=move || sending.get()
                                    prop:checked=move || making_room.get()
                                    on:change=move |ev| {
                                        let chosen = event_target_checked(&ev).then(|| victim.clone());
                                        store.create(CreateEvent::MakeRoom(chosen));
                                    }
                                />
                                {move || language.fill(Key::CreateMakeRoom, &[("snapshot", &label)])}
                            </label>
                            <p id="sc-make-room-hint" class="sc-hint">{tr(Key::CreateMakeRoomHint)}</p>
                        </div>
                    }
                })}
                <NameField form/>
                <DescriptionField form/>
                <DialogActions
                    error=Signal::derive(api_error(|e| &e.form))
                    pending=sending
                    label=Key::CreateSubmit
                    label_when=(Signal::derive(move || making_room.get() && !sending.get()), Key::CreateDeleteAndCreate)
                    pending_label=Key::CreatePending
                    blocked
                    submit=true
                    described_by="sc-create-server-msg"
                    on_cancel=cancel
                    copy
                />
            </form>
        </Modal>
    }
}
