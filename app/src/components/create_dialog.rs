use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use snapshot_api::endpoints::SnapshotCreate;
use snapshot_api::{rules, ApiError, Description, ServerId, ServerStatus, SnapshotName};

use super::modal::Modal;
use super::Dialogs;
use crate::client::Client;
use crate::store::Store;
use crate::submission::Submission;
use crate::toasts::{Toasts, Tone};
use crate::view_state::ViewState;
use crate::{format, messages};

const OTHER: &str = "other";

/// Messages shown on the form's fields.
#[derive(Clone, Default, PartialEq)]
struct FieldErrors {
    server: Option<String>,
    name: Option<String>,
    description: Option<String>,
    form: Option<String>,
}

/// The create form: server, name (checked as typed), description.
#[component]
pub fn CreateDialog() -> impl IntoView {
    let dialogs = expect_context::<Dialogs>();
    let store = expect_context::<Store>();
    let view_state = expect_context::<ViewState>();
    let client = expect_context::<Client>();
    let toasts = expect_context::<Toasts>();

    let choice = RwSignal::new(String::new());
    let other_id = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let suggested = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let server_errors = RwSignal::new(FieldErrors::default());
    let submission = Submission::new();
    let pending = submission.pending;

    let server_id = move || -> Result<ServerId, String> {
        let choice = choice.get();
        let text = if choice == OTHER {
            other_id.get()
        } else {
            choice
        };
        text.parse::<ServerId>().map_err(|e| e.to_string())
    };
    let server_name = move |id: ServerId| {
        store
            .servers()
            .into_iter()
            .find(|s| s.id == id)
            .map_or_else(|| format!("server {id}"), |s| s.name)
    };
    // A fresh suggestion for the chosen server, unless the user typed their own name.
    let suggest = move || {
        let base = server_id().map(server_name).unwrap_or_default();
        let next = SnapshotName::suggest(&base, &format::stamp()).to_string();
        if name.get_untracked() == suggested.get_untracked() {
            name.set(next.clone());
        }
        suggested.set(next);
    };
    // Resets the form each time the dialog opens. Only `dialogs.create` is tracked: the
    // rest must not re-run this (and undo the user's choices) when it changes.
    Effect::new(move |_| {
        if !dialogs.create.get() {
            return;
        }
        untrack(|| {
            // The server being looked at, else the first with room for another snapshot.
            let servers = store.servers();
            let start = view_state
                .server
                .get()
                .or_else(|| {
                    servers
                        .iter()
                        .find(|s| store.count_for(s.id) < rules::MAX_SNAPSHOTS_PER_SERVER)
                        .or(servers.first())
                        .map(|s| s.id)
                })
                .map_or_else(|| OTHER.to_owned(), |id| id.to_string());
            choice.set(start);
            other_id.set(String::new());
            description.set(String::new());
            server_errors.set(FieldErrors::default());
            name.set(String::new());
            suggested.set(String::new());
            suggest();
        });
    });

    let name_error = move || {
        SnapshotName::parse(&name.get())
            .err()
            .map(|e| e.to_string())
    };
    let description_error = move || {
        Description::parse(&description.get())
            .err()
            .map(|e| e.to_string())
    };
    let quota_refusal = move || {
        let id = server_id().ok()?;
        rules::check_create(
            &server_name(id),
            store.count_for(id),
            &ServerStatus::Running,
        )
        .err()
        .map(|r| r.to_string())
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let fields = (
            server_id(),
            SnapshotName::parse(&name.get_untracked()),
            Description::parse(&description.get_untracked()),
        );
        let (Ok(server), Ok(snapshot_name), Ok(note)) = fields else {
            server_errors.set(FieldErrors {
                server: fields.0.err(),
                ..FieldErrors::default()
            });
            return;
        };
        if quota_refusal().is_some() {
            return;
        }
        server_errors.set(FieldErrors::default());
        let note = (!note.as_str().trim().is_empty()).then_some(note);
        let client = client.clone();
        // Errors go on the fields they concern, so the submission itself reports none.
        submission.run(async move {
            let result = client
                .call(&SnapshotCreate::new(server, snapshot_name, note))
                .await;
            let outcome_unknown = result.as_ref().is_err_and(ApiError::outcome_unknown);
            match result {
                Ok(created) => {
                    let text = format!(
                        "Creating {} of {}. {}",
                        created.snapshot.name,
                        created.snapshot.server.name,
                        created.message.clone().unwrap_or_default()
                    );
                    store.insert(created.snapshot);
                    toasts.push(Tone::Success, text);
                    dialogs.create.set(false);
                }
                Err(error) => server_errors.set(place_error(&error, server)),
            }
            if outcome_unknown {
                // The create may have happened; the list will say.
                store.refresh();
            }
            None
        });
    };

    let server_options = move || {
        store
            .servers()
            .into_iter()
            .map(|s| {
                let count = store.count_for(s.id);
                let value = s.id.to_string();
                let label = format!("{} ({count} / {})", s.name, rules::MAX_SNAPSHOTS_PER_SERVER);
                view! { <option value=value>{label}</option> }
            })
            .collect_view()
    };
    // A typed server ID is checked as it is typed, once anything is typed.
    let typed_id_error = move || {
        let typing = choice.get() == OTHER && !other_id.get().is_empty();
        typing.then(|| server_id().err()).flatten()
    };
    let server_message = move || {
        server_errors
            .with(|e| e.server.clone())
            .or_else(quota_refusal)
            .or_else(typed_id_error)
    };
    let name_message = move || server_errors.with(|e| e.name.clone()).or_else(name_error);
    let description_message = move || {
        server_errors
            .with(|e| e.description.clone())
            .or_else(description_error)
    };
    let blocked = move || {
        pending.get()
            || quota_refusal().is_some()
            || name_error().is_some()
            || description_error().is_some()
    };

    view! {
        <Modal
            open=Signal::derive(move || dialogs.create.get())
            on_close=Callback::new(move |()| dialogs.create.set(false))
            title="Create snapshot"
            id="create"
        >
            <form class="sc-form" on:submit=submit novalidate>
                <p class="sc-advice">
                    "For a consistent snapshot, stop the server first: a snapshot of a running server may capture files mid-write."
                </p>
                <div class="sc-field">
                    <label for="sc-create-server">"Server"</label>
                    <select
                        id="sc-create-server"
                        aria-describedby="sc-create-server-msg"
                        aria-invalid=move || server_message().is_some().to_string()
                        prop:value=move || choice.get()
                        on:change=move |ev| {
                            choice.set(event_target_value(&ev));
                            server_errors.update(|e| e.server = None);
                            suggest();
                        }
                    >
                        {server_options}
                        <option value=OTHER>"Another server (enter its ID)…"</option>
                    </select>
                </div>
                <Show when=move || choice.get() == OTHER>
                    <div class="sc-field">
                        <label for="sc-create-server-id">"Server ID"</label>
                        <input
                            id="sc-create-server-id"
                            inputmode="numeric"
                            autocomplete="off"
                            aria-describedby="sc-create-server-msg"
                            aria-invalid=move || server_message().is_some().to_string()
                            prop:value=move || other_id.get()
                            on:input=move |ev| {
                                other_id.set(event_target_value(&ev));
                                server_errors.update(|e| e.server = None);
                                suggest();
                            }
                        />
                    </div>
                </Show>
                <p id="sc-create-server-msg" class="sc-field-error">{server_message}</p>
                <div class="sc-field">
                    <label for="sc-create-name">"Name"</label>
                    <input
                        id="sc-create-name"
                        autocomplete="off"
                        spellcheck="false"
                        maxlength="200"
                        aria-describedby="sc-create-name-msg sc-create-name-help"
                        aria-invalid=move || name_message().is_some().to_string()
                        prop:value=move || name.get()
                        on:input=move |ev| {
                            name.set(event_target_value(&ev));
                            server_errors.update(|e| e.name = None);
                        }
                    />
                    <p id="sc-create-name-help" class="sc-hint">
                        {format!("Letters, digits, hyphens and underscores; up to {} characters.", SnapshotName::MAX_CHARS)}
                    </p>
                    <p id="sc-create-name-msg" class="sc-field-error">{name_message}</p>
                </div>
                <div class="sc-field">
                    <label for="sc-create-description">"Description"</label>
                    <textarea
                        id="sc-create-description"
                        rows="2"
                        aria-describedby="sc-create-description-msg"
                        aria-invalid=move || description_message().is_some().to_string()
                        prop:value=move || description.get()
                        on:input=move |ev| description.set(event_target_value(&ev))
                    ></textarea>
                    <p id="sc-create-description-msg" class="sc-field-error">{description_message}</p>
                </div>
                {move || server_errors.with(|e| e.form.clone()).map(|m| view! { <p class="sc-banner sc-banner-error" role="alert">{m}</p> })}
                <div class="sc-dialog-actions">
                    <button type="button" class="sc-button sc-quiet" on:click=move |_| dialogs.create.set(false)>"Cancel"</button>
                    <button
                        type="submit"
                        class="sc-button sc-primary"
                        disabled=blocked
                        aria-describedby="sc-create-server-msg"
                    >
                        {move || if pending.get() { "Creating…" } else { "Create" }}
                    </button>
                </div>
            </form>
        </Modal>
    }
}

/// Puts an API refusal on the field it concerns.
fn place_error(error: &ApiError, server: ServerId) -> FieldErrors {
    let mut out = FieldErrors::default();
    match error {
        ApiError::Validation { fields, non_field } => {
            let join = |f: &str| fields.get(f).map(|m| m.join(" "));
            out.server = join("server_id");
            out.name = join("name");
            out.description = join("description");
            let other: Vec<String> = fields
                .iter()
                .filter(|(f, _)| !matches!(f.as_str(), "server_id" | "name" | "description"))
                .map(|(f, m)| format!("{}: {}", messages::field_label(f), m.join(" ")))
                .chain(non_field.iter().cloned())
                .collect();
            out.form = (!other.is_empty()).then(|| other.join(" "));
        }
        ApiError::NotFound { .. } => {
            out.server = Some(format!(
                "There is no server with ID {server} (the API answered 404)."
            ))
        }
        ApiError::LimitReached { detail } => out.server = Some(detail.clone()),
        ApiError::InvalidState { detail } => out.server = Some(detail.clone()),
        // The sign-in prompt replaces the console.
        ApiError::Unauthorized { .. } => {}
        other if other.outcome_unknown() => {
            out.form = Some(format!(
                "{} The snapshot may have been created all the same: the list is being refreshed, so check it before creating another.",
                messages::describe(other, "create the snapshot")
            ))
        }
        other => out.form = Some(messages::describe(other, "create the snapshot")),
    }
    out
}
