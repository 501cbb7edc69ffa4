use leptos::prelude::*;

use super::{Clock, Shared};
use crate::i18n::Key;
use crate::language::{tr, Language};

/// Title, freshness, refresh and sign-out.
#[component]
pub fn Header() -> impl IntoView {
    let language = expect_context::<Language>();
    let Shared {
        session,
        store,
        clock: Clock(now),
        pinned_server,
        ..
    } = expect_context::<Shared>();
    // Pinned to one server by the host, the heading names it.
    let title = move || match pinned_server {
        Some(id) => {
            let server = store.model.with(|m| m.server_name(id));
            language.fill(Key::ListTitlePinned, &[("server", &server)])
        }
        None => language.t(Key::ListTitle),
    };
    let updated = move || {
        let at = store.model.with(|m| m.list().listed().map(|l| l.at));
        at.map(|at| {
            let seconds = ((now.get() - at) / 1000.0).max(0.0).floor() as u64;
            match seconds {
                0..=4 => language.t(Key::ListUpdatedNow),
                5..=59 => language.fill(
                    Key::ListUpdatedSeconds,
                    &[("seconds", &language.number(seconds as usize))],
                ),
                _ => language.fill(
                    Key::ListUpdatedMinutes,
                    &[("minutes", &language.number(seconds as usize / 60))],
                ),
            }
        })
    };
    let loading = move || store.model.with(|m| m.list().loading());
    let error = move || {
        store
            .model
            .with(|m| m.list().error().map(|e| language.render(e)))
    };
    view! {
        <div class="sc-header">
            <h1 id="sc-heading" class="sc-title" tabindex="-1" data-focus-fallback>{title}</h1>
            <p class="sc-updated" aria-live="off">{updated}</p>
            <div class="sc-header-actions">
                <button
                    type="button"
                    class="sc-button"
                    aria-busy=move || loading().to_string()
                    disabled=loading
                    on:click=move |_| store.refresh()
                >
                    {move || language.t(if loading() { Key::ActionRefreshing } else { Key::ActionRefresh })}
                </button>
                <button type="button" class="sc-button sc-quiet" on:click=move |_| session.sign_out()>
                    {tr(Key::ActionSignOut)}
                </button>
            </div>
        </div>
        {move || (!store.online.get()).then(|| view! {
            <p class="sc-banner" role="status">
                {tr(Key::ListOffline)}
            </p>
        })}
        {move || error().map(|error| view! {
            <div class="sc-banner sc-banner-error" role="alert">
                <p>{error}</p>
                <button type="button" class="sc-button" on:click=move |_| store.refresh()>{tr(Key::ActionTryAgain)}</button>
            </div>
        })}
    }
}
