//! The create form's fields. Each shows the API's message about it when there is one, else
//! the model's own check, as the user types.

use leptos::prelude::*;
use snapshot_api::rules::MAX_SNAPSHOTS_PER_SERVER;
use snapshot_api::SnapshotName;

use crate::format;
use crate::model::create_form::{CreateForm, ServerChoice};
use crate::model::outcome::FieldErrors;
use crate::store::Store;

/// The server: a known one from the list (with its count), or another by typed ID.
#[component]
pub fn ServerField(
    form: RwSignal<CreateForm>,
    errors: RwSignal<FieldErrors>,
    /// Why the chosen server cannot take a snapshot now.
    refusal: Signal<Option<String>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let message = move || {
        errors
            .with(|e| e.server.clone())
            .or_else(|| refusal.get())
            .or_else(|| form.with(CreateForm::typed_id_error))
    };
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
        errors.update(|e| e.server = None);
    };
    let options = move || {
        let servers = store.model.with(|m| {
            m.servers()
                .into_iter()
                .map(|s| {
                    (
                        s.id,
                        format!(
                            "{} ({} / {MAX_SNAPSHOTS_PER_SERVER})",
                            s.name,
                            m.count_for(s.id)
                        ),
                    )
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
            <label for="sc-create-server">"Server"</label>
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
                <option value=ServerChoice::TYPED_VALUE>"Another server (enter its ID)…"</option>
            </select>
        </div>
        <Show when=move || form.with(|f| f.choice == ServerChoice::Typed)>
            <div class="sc-field">
                <label for="sc-create-server-id">"Server ID"</label>
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
        <p id="sc-create-server-msg" class="sc-field-error">{message}</p>
    }
}

/// The name, checked by the core's rule as it is typed. No `maxlength`: a pasted name that is
/// too long is shown with the rule's reason rather than cut silently.
#[component]
pub fn NameField(form: RwSignal<CreateForm>, errors: RwSignal<FieldErrors>) -> impl IntoView {
    let message = move || {
        errors
            .with(|e| e.name.clone())
            .or_else(|| form.with(CreateForm::name_error))
    };
    view! {
        <div class="sc-field">
            <label for="sc-create-name">"Name"</label>
            <input
                id="sc-create-name"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="sc-create-name-msg sc-create-name-help"
                aria-invalid=move || message().is_some().to_string()
                prop:value=move || form.with(|f| f.name.clone())
                on:input=move |ev| {
                    form.update(|f| f.name = event_target_value(&ev));
                    errors.update(|e| e.name = None);
                }
            />
            <p id="sc-create-name-help" class="sc-hint">
                {format!("Letters, digits, hyphens and underscores; up to {} characters.", SnapshotName::MAX_CHARS)}
            </p>
            <p id="sc-create-name-msg" class="sc-field-error">{message}</p>
        </div>
    }
}

/// The optional description, under its length cap.
#[component]
pub fn DescriptionField(
    form: RwSignal<CreateForm>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let message = move || {
        errors
            .with(|e| e.description.clone())
            .or_else(|| form.with(CreateForm::description_error))
    };
    view! {
        <div class="sc-field">
            <label for="sc-create-description">"Description"</label>
            <textarea
                id="sc-create-description"
                rows="2"
                aria-describedby="sc-create-description-msg"
                aria-invalid=move || message().is_some().to_string()
                prop:value=move || form.with(|f| f.description.clone())
                on:input=move |ev| {
                    form.update(|f| f.description = event_target_value(&ev));
                    errors.update(|e| e.description = None);
                }
            ></textarea>
            <p id="sc-create-description-msg" class="sc-field-error">{message}</p>
        </div>
    }
}
