use leptos::prelude::*;

use super::Shared;
use crate::i18n::Key;
use crate::language::{tr, Language};
use crate::view_state::{page_range, PAGE_SIZE};

/// "101–200 of 5,000" with the previous and next page, shown once a list outgrows a page.
/// The buttons stay in place while the page changes, and at either end are `aria-disabled`
/// rather than `disabled`, so keyboard focus stays on them.
#[component]
pub fn Pager(total: Memo<usize>) -> impl IntoView {
    let language = expect_context::<Language>();
    let Shared { view_state, .. } = expect_context::<Shared>();
    let range = move || page_range(total.get(), view_state.page.get());
    let current = move || range().start / PAGE_SIZE;
    let last = move || total.get().div_ceil(PAGE_SIZE).saturating_sub(1);
    let status = move || {
        let r = range();
        language.fill(
            Key::PagerRange,
            &[
                ("start", &language.number(r.start + 1)),
                ("end", &language.number(r.end)),
                ("total", &language.number(total.get())),
            ],
        )
    };
    view! {
        <Show when=move || { total.get() > PAGE_SIZE }>
            <nav class="sc-pager" aria-label=tr(Key::PagerLabel)>
                <span role="status">{status}</span>
                <button
                    type="button"
                    class="sc-button sc-small"
                    aria-disabled=move || (current() == 0).to_string()
                    on:click=move |_| view_state.page.set(current().saturating_sub(1))
                >
                    {tr(Key::PagerPrevious)}
                </button>
                <button
                    type="button"
                    class="sc-button sc-small"
                    aria-disabled=move || { (current() >= last()).to_string() }
                    on:click=move |_| view_state.page.set((current() + 1).min(last()))
                >
                    {tr(Key::PagerNext)}
                </button>
            </nav>
        </Show>
    }
}
