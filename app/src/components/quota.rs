use leptos::prelude::*;
use snapshot_api::rules::MAX_SNAPSHOTS_PER_SERVER;
use snapshot_api::ServerId;

use super::{Clock, Shared};
use crate::format;
use crate::i18n::Key;
use crate::language::{tr, Language};

/// Beyond this many servers the strip folds into a disclosure, drawn only once opened: a
/// thousand cards would bury the list (the server filter finds one server faster).
const STRIP_MAX: usize = 12;

/// The quota: one line when the host pins the console to a server, else each known server
/// as a card ("3 / 5") that filters the list when chosen.
#[component]
pub fn Quota() -> impl IntoView {
    match expect_context::<Shared>().pinned_server {
        Some(id) => view! { <QuotaLine server=id/> }.into_any(),
        None => view! { <QuotaCards/> }.into_any(),
    }
}

#[component]
fn QuotaLine(server: ServerId) -> impl IntoView {
    let language = expect_context::<Language>();
    let Shared {
        store,
        clock: Clock(now),
        ..
    } = expect_context::<Shared>();
    let line = move || {
        let (count, restoring) = store
            .model
            .with(|m| (m.count_for(server), m.restoring_since(server, now.get())));
        let mut parts = vec![language.fill(
            Key::QuotaLine,
            &[
                ("count", &language.number(count)),
                ("max", &language.number(MAX_SNAPSHOTS_PER_SERVER)),
            ],
        )];
        if count >= MAX_SNAPSHOTS_PER_SERVER {
            parts.push(language.t(Key::QuotaLimitReached));
        }
        if let Some(at) = restoring {
            let age = format::relative(language.locale(), at, now.get());
            parts.push(language.fill(Key::QuotaRestoring, &[("age", &age)]));
        }
        parts.join(" · ")
    };
    view! { <p class="sc-quota-line">{line}</p> }
}

#[component]
fn QuotaCards() -> impl IntoView {
    let language = expect_context::<Language>();
    let Shared {
        store,
        view_state,
        clock: Clock(now),
        ..
    } = expect_context::<Shared>();
    let open = RwSignal::new(false);
    let servers = move || {
        let (servers, counts) = store.model.with(|m| {
            let servers = m.servers();
            let facts: Vec<_> = servers
                .iter()
                .map(|s| {
                    (
                        m.count_for(s.id),
                        m.restoring_since(s.id, now.get_untracked()),
                    )
                })
                .collect();
            (servers, facts)
        });
        // Drawn only while they fit, or once opened. The check is here, not only in the
        // `Show` below: when a large list arrives this runs before the `Show` switches, and
        // a thousand cards drawn only to be dropped took 2.4 MB of wasm memory for good.
        let drawn = servers.len() <= STRIP_MAX || open.get();
        servers
            .into_iter()
            .zip(counts)
            .filter(|_| drawn)
            .map(|(server, (count, restoring))| {
                let full = count >= MAX_SNAPSHOTS_PER_SERVER;
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
                                {move || format!("{} / {}", language.number(count), language.number(MAX_SNAPSHOTS_PER_SERVER))}
                                <span class="sc-visually-hidden">" "{tr(Key::QuotaUnit)}</span>
                            </span>
                            <meter min="0" max=MAX_SNAPSHOTS_PER_SERVER.to_string() value=count.to_string() aria-hidden="true"></meter>
                            {full.then(|| view! { <span class="sc-quota-note">{tr(Key::QuotaLimitReached)}</span> })}
                            {restoring.map(|at| view! {
                                <span class="sc-quota-note sc-restoring">
                                    {move || language.fill(Key::QuotaRestoring, &[("age", &format::relative(language.locale(), at, now.get()))])}
                                </span>
                            })}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let server_count = Memo::new(move |_| store.model.with(|m| m.servers().len()));
    view! {
        <section class="sc-quotas" aria-label=tr(Key::QuotaSection)>
            <Show
                when=move || { server_count.get() > STRIP_MAX }
                fallback=move || view! { <ul class="sc-quota-list">{servers}</ul> }
            >
                <details
                    prop:open=open
                    on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
                >
                    <summary>
                        {move || {
                            let n = server_count.get();
                            language.count(Key::QuotaSummary, n as u64, &language.number(n))
                        }}
                    </summary>
                    <Show when=move || open.get()>
                        <ul class="sc-quota-list">{servers}</ul>
                    </Show>
                </details>
            </Show>
        </section>
    }
}
