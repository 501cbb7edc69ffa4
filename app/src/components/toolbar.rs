use leptos::prelude::*;

use snapshot_api::endpoints::SnapshotList;

use super::copy_as::CopyAs;
use super::export::Export;
use super::Shared;
use crate::i18n::Key;
use crate::language::tr;
use crate::view_state::Sort;

/// Filter, search, sort, and the create button.
#[component]
pub fn Toolbar() -> impl IntoView {
    let Shared {
        store,
        view_state,
        pinned_server,
        ..
    } = expect_context::<Shared>();
    // The list's call as the filter now selects it.
    let list_request = Callback::new(move |()| {
        let server_id = view_state.server.get_untracked().or(pinned_server);
        store.request(&SnapshotList { server_id })
    });
    let server_options = move || {
        store
            .model
            .with(|m| m.servers())
            .into_iter()
            .map(|s| {
                let value = s.id.to_string();
                let selected = view_state.server.get() == Some(s.id);
                view! { <option value=value selected=selected>{s.name}</option> }
            })
            .collect_view()
    };
    // Pinned to one server by the host, there is nothing to filter by.
    let server_filter = pinned_server.is_none().then(|| {
        view! {
            <label class="sc-field">
                <span>{tr(Key::ToolbarFilter)}</span>
                <select
                    prop:value=move || view_state.server.get().map(|s| s.to_string()).unwrap_or_default()
                    on:change=move |ev| view_state.server.set(event_target_value(&ev).parse().ok())
                >
                    <option value="">{tr(Key::ToolbarAllServers)}</option>
                    {server_options}
                </select>
            </label>
        }
    });
    view! {
        <div class="sc-toolbar">
            {server_filter}
            <label class="sc-field sc-grow">
                <span>{tr(Key::ToolbarSearch)}</span>
                <input
                    type="search"
                    placeholder=tr(Key::ToolbarSearchHint)
                    prop:value=view_state.search
                    on:input=move |ev| view_state.search.set(event_target_value(&ev))
                />
            </label>
            <label class="sc-field">
                <span>{tr(Key::ToolbarSort)}</span>
                <select
                    prop:value=move || view_state.sort.get().key()
                    on:change=move |ev| view_state.sort.set(Sort::from_key(&event_target_value(&ev)))
                >
                    {Sort::ALL.into_iter().map(|s| view! { <option value=s.key()>{tr(s.label())}</option> }).collect_view()}
                </select>
            </label>
            <CopyAs request=list_request/>
            <Export/>
            <button type="button" class="sc-button sc-primary" on:click=move |_| store.open_create()>
                {tr(Key::ActionCreate)}
            </button>
        </div>
    }
}
