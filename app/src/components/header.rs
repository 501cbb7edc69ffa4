use leptos::prelude::*;

use super::Clock;
use crate::config::Config;
use crate::session::Session;
use crate::store::Store;

/// Title, freshness, refresh and sign-out.
#[component]
pub fn Header() -> impl IntoView {
    let session = expect_context::<Session>();
    let store = expect_context::<Store>();
    let Clock(now) = expect_context::<Clock>();
    let pinned = expect_context::<Config>().pinned_server;
    // Pinned to one server by the host, the heading names it.
    let title = move || match pinned {
        Some(id) => format!("Snapshots of {}", store.model.with(|m| m.server_name(id))),
        None => "Snapshots".to_owned(),
    };
    let updated = move || {
        let at = store.model.with(|m| m.list.listed().map(|l| l.at));
        at.map(|at| {
            let seconds = ((now.get() - at) / 1000.0).max(0.0).floor() as u64;
            match seconds {
                0..=4 => "Updated just now".to_owned(),
                5..=59 => format!("Updated {seconds} s ago"),
                _ => format!("Updated {} min ago", seconds / 60),
            }
        })
    };
    let loading = move || store.model.with(|m| m.list.loading());
    let error = move || store.model.with(|m| m.list.error().map(str::to_owned));
    view! {
        <header class="sc-header">
            <h1 class="sc-title" tabindex="-1" data-focus-fallback>{title}</h1>
            <p class="sc-updated" aria-live="off">{updated}</p>
            <div class="sc-header-actions">
                <button
                    type="button"
                    class="sc-button"
                    aria-busy=move || loading().to_string()
                    disabled=loading
                    on:click=move |_| store.refresh()
                >
                    {move || if loading() { "Refreshing…" } else { "Refresh" }}
                </button>
                <button type="button" class="sc-button sc-quiet" on:click=move |_| session.sign_out()>
                    "Sign out"
                </button>
            </div>
        </header>
        {move || (!store.online.get()).then(|| view! {
            <p class="sc-banner" role="status">
                "You are offline. The list will update when the connection is back."
            </p>
        })}
        {move || error().map(|error| view! {
            <div class="sc-banner sc-banner-error" role="alert">
                <p>{error}</p>
                <button type="button" class="sc-button" on:click=move |_| store.refresh()>"Try again"</button>
            </div>
        })}
    }
}
