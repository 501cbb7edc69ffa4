use leptos::prelude::*;
use snapshot_api::rules::MAX_SNAPSHOTS_PER_SERVER;
use snapshot_api::ServerId;

use super::Clock;
use crate::config::Config;
use crate::format;
use crate::store::Store;
use crate::view_state::ViewState;

const RESTORE_NOTE_MS: f64 = 15.0 * 60.0 * 1000.0;

/// Beyond this many servers the strip folds into a disclosure, drawn only once opened: a
/// thousand cards would bury the list (the server filter finds one server faster).
const STRIP_MAX: usize = 12;

/// The quota: one line when the host pins the console to a server, else each known server
/// as a card ("3 / 5") that filters the list when chosen.
#[component]
pub fn Quota() -> impl IntoView {
    match expect_context::<Config>().pinned_server {
        Some(id) => view! { <QuotaLine server=id/> }.into_any(),
        None => view! { <QuotaCards/> }.into_any(),
    }
}

/// When the console started a restore of `server`, while the note about it still holds: the
/// console only knows the restores it started, and the page says they take 5–15 minutes.
fn restore_started(store: Store, server: ServerId, now: f64) -> Option<f64> {
    store
        .restoring
        .with(|m| m.get(&server).copied())
        .filter(|at| now - at < RESTORE_NOTE_MS)
}

#[component]
fn QuotaLine(server: ServerId) -> impl IntoView {
    let store = expect_context::<Store>();
    let Clock(now) = expect_context::<Clock>();
    let line = move || {
        let count = store.count_for(server);
        let mut text = format!("{count} of {MAX_SNAPSHOTS_PER_SERVER} snapshots");
        if count >= MAX_SNAPSHOTS_PER_SERVER {
            text.push_str(" · limit reached");
        }
        if let Some(at) = restore_started(store, server, now.get()) {
            text.push_str(&format!(
                " · restore started {} (takes 5–15 min)",
                format::relative(at, now.get())
            ));
        }
        text
    };
    view! { <p class="sc-quota-line">{line}</p> }
}

#[component]
fn QuotaCards() -> impl IntoView {
    let store = expect_context::<Store>();
    let view_state = expect_context::<ViewState>();
    let Clock(now) = expect_context::<Clock>();
    let servers = move || {
        store
            .servers()
            .into_iter()
            .map(|server| {
                let count = store.count_for(server.id);
                let full = count >= MAX_SNAPSHOTS_PER_SERVER;
                let restoring = restore_started(store, server.id, now.get_untracked());
                let id = server.id;
                let selected = move || view_state.server.get() == Some(id);
                let toggle = move |_| {
                    view_state
                        .server
                        .set(if selected() { None } else { Some(id) })
                };
                view! {
                    <li class="sc-quota" class:sc-quota-full=full>
                        <button type="button" class="sc-quota-button" aria-pressed=move || selected().to_string() on:click=toggle>
                            <span class="sc-quota-name">{server.name.clone()}</span>
                            <span class="sc-quota-count">
                                {format!("{count} / {MAX_SNAPSHOTS_PER_SERVER}")}
                                <span class="sc-visually-hidden">" snapshots"</span>
                            </span>
                            <meter min="0" max=MAX_SNAPSHOTS_PER_SERVER.to_string() value=count.to_string() aria-hidden="true"></meter>
                            {full.then(|| view! { <span class="sc-quota-note">"Limit reached"</span> })}
                            {restoring.map(|at| view! {
                                <span class="sc-quota-note sc-restoring">
                                    {move || format!("Restore started {} (takes 5–15 min)", format::relative(at, now.get()))}
                                </span>
                            })}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let server_count = Memo::new(move |_| store.servers().len());
    let open = RwSignal::new(false);
    view! {
        <section class="sc-quotas" aria-label="Snapshots per server">
            <Show
                when=move || { server_count.get() > STRIP_MAX }
                fallback=move || view! { <ul class="sc-quota-list">{servers}</ul> }
            >
                <details
                    prop:open=open
                    on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
                >
                    <summary>
                        {move || format!("Snapshots per server ({} servers)", format::count(server_count.get() as f64))}
                    </summary>
                    <Show when=move || open.get()>
                        <ul class="sc-quota-list">{servers}</ul>
                    </Show>
                </details>
            </Show>
        </section>
    }
}
