use leptos::prelude::*;
use snapshot_api::rules::MAX_SNAPSHOTS_PER_SERVER;

use super::Clock;
use crate::format;
use crate::store::Store;
use crate::view_state::ViewState;

const RESTORE_NOTE_MS: f64 = 15.0 * 60.0 * 1000.0;

/// Beyond this many servers the strip folds into a disclosure, drawn only once opened: a
/// thousand cards would bury the list (the server filter finds one server faster).
const STRIP_MAX: usize = 12;

/// Each known server with its snapshot quota ("3 / 5"); choosing one filters the list.
#[component]
pub fn Quota() -> impl IntoView {
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
                // The console only knows when it started a restore; the page says restores take
                // 5–15 minutes, so the note goes after that.
                let restoring = store
                    .restoring
                    .with(|m| m.get(&server.id).copied())
                    .filter(|at| now.get_untracked() - at < RESTORE_NOTE_MS);
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
