//! What the user is looking at: server filter, search and sort. Kept in the URL's query
//! (`?server_id=…&q=…&sort=…`) when the console owns the page, so views can be linked to and
//! survive a reload; never holds anything secret. The page of a long list is not: it starts
//! at the first page whenever the filter, search or sort changes.

use leptos::prelude::*;
use snapshot_api::{ServerId, Snapshot};

use crate::model::search::{select, Query, SearchKeys};

/// Rows per page: enough to scan at once, few enough that a large account renders and
/// filters within a frame (see docs/BENCHMARKS.md).
pub const PAGE_SIZE: usize = 25;

/// The rows of `total` that page `page` (from 0) shows, clamped to the last page.
pub fn page_range(total: usize, page: usize) -> std::ops::Range<usize> {
    let last = total.div_ceil(PAGE_SIZE).max(1) - 1;
    let start = page.min(last) * PAGE_SIZE;
    start..(start + PAGE_SIZE).min(total)
}

pub use crate::model::search::Sort;

/// How long typing must pause before the view goes into the URL.
const URL_WRITE_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

/// The view, shared through context. It outlives sign-in, so a user whose token expired keeps
/// their place.
#[derive(Clone, Copy)]
pub struct ViewState {
    pub server: RwSignal<Option<ServerId>>,
    pub search: RwSignal<String>,
    pub sort: RwSignal<Sort>,
    /// The page of the table shown, from 0.
    pub page: RwSignal<usize>,
}

impl ViewState {
    /// Starts from the URL (when the console owns it) or the pinned server.
    pub fn new(owns_url: bool, pinned_server: Option<ServerId>) -> Self {
        let params = owns_url.then(url_params).flatten();
        let get = |key: &str| params.as_ref().and_then(|p| p.get(key));
        let state = Self {
            server: RwSignal::new(
                pinned_server.or_else(|| get("server_id").and_then(|v| v.parse().ok())),
            ),
            search: RwSignal::new(get("q").unwrap_or_default()),
            sort: RwSignal::new(Sort::from_key(&get("sort").unwrap_or_default())),
            page: RwSignal::new(0),
        };
        Effect::watch(
            move || (state.server.get(), state.search.get(), state.sort.get()),
            move |_, _, _| state.page.set(0),
            false,
        );
        if owns_url {
            // Written once typing pauses: a history write on every keystroke cost more than
            // a millisecond of each one.
            let pending = StoredValue::new(None::<TimeoutHandle>);
            Effect::new(move |_| {
                let (server, search, sort) =
                    (state.server.get(), state.search.get(), state.sort.get());
                if let Some(timer) = pending.get_value() {
                    timer.clear();
                }
                let write = move || write_url(server, &search, sort);
                pending.set_value(set_timeout_with_handle(write, URL_WRITE_DELAY).ok());
            });
        }
        state
    }

    /// The positions of `list` to show, filtered and sorted; `keys` are `list`'s.
    pub fn select(&self, list: &[Snapshot], keys: &SearchKeys) -> Vec<usize> {
        self.search.with(|search| {
            select(
                list,
                keys,
                &Query {
                    server: self.server.get(),
                    search,
                    sort: self.sort.get(),
                },
            )
        })
    }
}

fn url_params() -> Option<web_sys::UrlSearchParams> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()
}

fn write_url(server: Option<ServerId>, search: &str, sort: Sort) {
    edit_url(|params| {
        let set = |key: &str, value: Option<String>| match value {
            Some(v) if !v.is_empty() => params.set(key, &v),
            _ => params.delete(key),
        };
        set("server_id", server.map(|s| s.to_string()));
        set("q", Some(search.trim().to_owned()));
        set(
            "sort",
            (sort != Sort::Newest).then(|| sort.key().to_owned()),
        );
    });
}

/// Takes `?lang=` out of the page's URL once the user chooses a language, so a reload keeps
/// their choice rather than the link's.
pub fn forget_url_language() {
    edit_url(|params| params.delete("lang"));
}

/// Changes the page's query in place: no reload, no history entry.
fn edit_url(edit: impl FnOnce(&web_sys::UrlSearchParams)) {
    let Ok(href) = window().location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    let params = url.search_params();
    edit(&params);
    url.set_search(&params.to_string().as_string().unwrap_or_default());
    if let Ok(history) = window().history() {
        // No state object: nothing but the view goes into history.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_split_the_list_and_clamp_to_the_last() {
        assert_eq!(page_range(0, 0), 0..0);
        assert_eq!(page_range(7, 0), 0..7);
        assert_eq!(page_range(60, 0), 0..25);
        assert_eq!(page_range(60, 2), 50..60);
        // A page past the end (the list shrank under the user) shows the last one.
        assert_eq!(page_range(60, 9), 50..60);
        assert_eq!(page_range(50, 2), 25..50);
    }
}
