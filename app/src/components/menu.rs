use leptos::prelude::*;

use crate::i18n::Key;
use crate::language::tr;

/// A button that opens a row of choices (a disclosure, `<details>`), and a status line for
/// what the last choice did (empty for nothing to say): "Copy as…" and "Export". Each item is
/// its label and what choosing it does. A choice clears the status first, so the same outcome
/// twice is announced twice.
#[component]
pub fn Menu(
    label: Key,
    items: Vec<(&'static str, Callback<()>)>,
    status: RwSignal<String>,
) -> impl IntoView {
    view! {
        <details class="sc-menu">
            <summary class="sc-button sc-quiet">{tr(label)}</summary>
            <div class="sc-menu-items">
                {items
                    .into_iter()
                    .map(|(item, choose)| view! {
                        <button type="button" class="sc-button sc-small" on:click=move |_| {
                            status.set(String::new());
                            choose.run(())
                        }>
                            {item}
                        </button>
                    })
                    .collect_view()}
            </div>
            <p class="sc-hint" role="status">{move || status.get()}</p>
        </details>
    }
}
