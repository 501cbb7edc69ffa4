//! The create form's fields. Each shows the API's message about it when there is one, else
//! the model's own check, as the user types.

use leptos::prelude::*;
use snapshot_api::endpoints::Field;
use snapshot_api::rules::MAX_SNAPSHOTS_PER_SERVER;
use snapshot_api::SnapshotName;

use super::Shared;
use crate::format;
use crate::i18n::{Key, Message};
use crate::language::{tr, Language};
use crate::model::create_flow::CreateEvent;
use crate::model::create_form::{CreateForm, ServerChoice};
use crate::model::outcome::FieldErrors;

/// The API's word on one part of the form, from the create flow's last submit.
pub fn api_error(
    pick: fn(&FieldErrors) -> &Option<Message>,
) -> impl Fn() -> Option<Message> + Copy {
    let Shared { store, .. } = expect_context::<Shared>();
    move || {
        store
            .dialogs
            .flows
            .with(|f| f.create.as_ref().and_then(|f| pick(f.errors()).clone()))
    }
}

/// The server: a known one from the list (with its count), or another by typed ID.
#[component]
pub fn ServerField(
    form: RwSignal<CreateForm>,
    /// Why the chosen server cannot take a snapshot now.
    refusal: Memo<Option<Message>>,
) -> impl IntoView {
    let language = expect_context::<Language>();
    let Shared { store, .. } = expect_context::<Shared>();
    let said = api_error(|e| &e.server);
    let message = move || {
        said()
            .or_else(|| refusal.get())
            .or_else(|| form.with(CreateForm::typed_id_error))
    };
    let shown = move || message().map(|m| language.render(&m));
    let invalid = move || message().is_some().to_string();
    // A new server means a new suggested name, and the API's word on the old one is stale.
    let changed = move |edit: &dyn Fn(&mut CreateForm)| {
        let stamp = format::stamp();
        store.model.with_untracked(|m| {
            form.update(|f| {
                edit(f);
                f.suggest(m, &stamp);
            })
        });
        store.create(CreateEvent::Edited(Field::ServerId));
    };
    let options = move || {
        let servers = store.model.with(|m| {
            m.servers()
                .into_iter()
                .map(|s| {
                    let count = language.number(m.count_for(s.id));
                    let max = language.number(MAX_SNAPSHOTS_PER_SERVER);
                    (s.id, format!("{} ({count} / {max})", s.name))
                })
                .collect::<Vec<_>>()
        });
        servers
            .into_iter()
            .map(|(id, label)| view! { <option value=ServerChoice::Known(id).value()>{label}</option> })
            .collect_view()
    };
    view! {
        <div class="sc-field">
            <label for="sc-create-server">{tr(Key::ColServer)}</label>
            <select
                id="sc-create-server"
                aria-describedby="sc-create-server-msg"
                aria-invalid=invalid
                prop:value=move || form.with(|f| f.choice.value())
                on:change=move |ev| {
                    let choice = ServerChoice::from_value(&event_target_value(&ev));
                    changed(&|f| f.choice = choice);
                }
            >
                {options}
                <option value=ServerChoice::TYPED_VALUE>{tr(Key::CreateAnotherServer)}</option>
            </select>
        </div>
        <Show when=move || form.with(|f| f.choice == ServerChoice::Typed)>
            <div class="sc-field">
                <label for="sc-create-server-id">{tr(Key::CreateServerId)}</label>
                <input
                    id="sc-create-server-id"
                    inputmode="numeric"
                    autocomplete="off"
                    aria-describedby="sc-create-server-msg"
                    aria-invalid=invalid
                    prop:value=move || form.with(|f| f.typed_id.clone())
                    on:input=move |ev| {
                        let typed = event_target_value(&ev);
                        changed(&|f| f.typed_id.clone_from(&typed));
                    }
                />
            </div>
        </Show>
        <p id="sc-create-server-msg" class="sc-field-error">{shown}</p>
    }
}

/// The name, checked by the core's rule as it is typed. No `maxlength`: a pasted name that is
/// too long is shown with the rule's reason rather than cut silently.
#[component]
pub fn NameField(form: RwSignal<CreateForm>) -> impl IntoView {
    let language = expect_context::<Language>();
    let Shared { store, .. } = expect_context::<Shared>();
    let said = api_error(|e| &e.name);
    let message = move || {
        said()
            .or_else(|| form.with(CreateForm::name_error))
            .map(|m| language.render(&m))
    };
    let help = move || {
        let max = language.number(SnapshotName::MAX_CHARS);
        language.fill(Key::CreateNameHelp, &[("max", &max)])
    };
    view! {
        <div class="sc-field">
            <label for="sc-create-name">{tr(Key::ColName)}</label>
            <input
                id="sc-create-name"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="sc-create-name-msg sc-create-name-help"
                aria-invalid=move || message().is_some().to_string()
                prop:value=move || form.with(|f| f.name.clone())
                on:input=move |ev| {
                    form.update(|f| f.name = event_target_value(&ev));
                    store.create(CreateEvent::Edited(Field::Name));
                }
            />
            <p id="sc-create-name-help" class="sc-hint">
                {help}
            </p>
            <p id="sc-create-name-msg" class="sc-field-error">{message}</p>
        </div>
    }
}

/// The optional description, under its length cap.
#[component]
pub fn DescriptionField(form: RwSignal<CreateForm>) -> impl IntoView {
    let language = expect_context::<Language>();
    let Shared { store, .. } = expect_context::<Shared>();
    let said = api_error(|e| &e.description);
    let message = move || {
        said()
            .or_else(|| form.with(CreateForm::description_error))
            .map(|m| language.render(&m))
    };
    view! {
        <div class="sc-field">
            <label for="sc-create-description">{tr(Key::ColDescription)}</label>
            <textarea
                id="sc-create-description"
                rows="2"
                aria-describedby="sc-create-description-msg"
                aria-invalid=move || message().is_some().to_string()
                prop:value=move || form.with(|f| f.description.clone())
                on:input=move |ev| {
                    form.update(|f| f.description = event_target_value(&ev));
                    store.create(CreateEvent::Edited(Field::Description));
                }
            ></textarea>
            <p id="sc-create-description-msg" class="sc-field-error">{message}</p>
        </div>
    }
}
