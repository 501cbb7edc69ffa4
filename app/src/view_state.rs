//! What the user is looking at: server filter, search, sort and page. Kept in the URL's query
//! (`?server_id=…&q=…&sort=…&page=…`) and its history when the console owns the page, so
//! views can be linked to, survive a reload, and Back undoes a filter; never holds anything
//! secret. A new filter, search or sort starts at the first page.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use snapshot_api::{ServerId, Snapshot};

use crate::model::search::{select, Query, SearchKeys};
use crate::model::view::{Step, View};

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

/// How long typing must pause before the search goes into the URL.
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
    /// Starts from the URL (when the console owns it) or the pinned server. Owning the URL,
    /// it keeps the view in the page's history ([`View::step`]): Back and Forward bring back
    /// what was shown. Embedded, the host's history is never touched.
    pub fn new(owns_url: bool, pinned_server: Option<ServerId>) -> Self {
        let start = if owns_url {
            url_view()
        } else {
            View::default()
        };
        let state = Self {
            server: RwSignal::new(pinned_server.or(start.server)),
            search: RwSignal::new(start.search),
            sort: RwSignal::new(start.sort),
            page: RwSignal::new(start.page),
        };
        // The current history entry's view, as decided (a search's write waits for typing
        // to pause: a history write on every keystroke cost more than a millisecond).
        // (A plain shared cell: nothing renders it, so it needs no reactive store.)
        let entry = Rc::new(RefCell::new(untrack(|| state.view())));
        let pending = StoredValue::new(None::<TimeoutHandle>);
        let flush = move || {
            let timer = pending.get_value();
            pending.set_value(None);
            timer.inspect(|t| t.clear()).is_some()
        };
        let shown = Rc::clone(&entry);
        Effect::new(move |_| {
            let next = state.view();
            let current = shown.borrow().clone();
            match current.step(&next) {
                Step::Same => {}
                Step::FirstPage => state.page.set(0),
                Step::Push => {
                    *shown.borrow_mut() = next.clone();
                    if owns_url {
                        // A search still waiting is written into its own entry first.
                        if flush() {
                            write_url(&current, false);
                        }
                        write_url(&next, true);
                    }
                }
                Step::Replace => {
                    *shown.borrow_mut() = next;
                    if owns_url {
                        flush();
                        let entry = Rc::clone(&shown);
                        let write = move || {
                            pending.set_value(None);
                            write_url(&entry.borrow(), false);
                        };
                        pending.set_value(set_timeout_with_handle(write, URL_WRITE_DELAY).ok());
                    }
                }
            }
        });
        if owns_url {
            // Back or Forward: the entry's view is shown again, and not written again.
            let handle = window_event_listener_untyped("popstate", move |_| {
                flush();
                let view = url_view();
                *entry.borrow_mut() = view.clone();
                state.server.set(view.server);
                state.search.set(view.search);
                state.sort.set(view.sort);
                state.page.set(view.page);
            });
            on_cleanup(move || handle.remove());
        }
        state
    }

    /// The view as the signals hold it.
    fn view(&self) -> View {
        View {
            server: self.server.get(),
            search: self.search.get(),
            sort: self.sort.get(),
            page: self.page.get(),
        }
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

/// The view the page's address holds.
fn url_view() -> View {
    let params = window()
        .location()
        .search()
        .ok()
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok());
    View::from_query(|key| params.as_ref().and_then(|p| p.get(key)))
}

/// Puts `view` in the page's address, as a new history entry (`push`) or in place.
fn write_url(view: &View, push: bool) {
    edit_url(push, &|params| {
        for (key, value) in view.query() {
            match value {
                Some(v) => params.set(key, &v),
                None => params.delete(key),
            }
        }
    });
}

/// Takes `?lang=` out of the page's URL once the user chooses a language, so a reload keeps
/// their choice rather than the link's.
pub fn forget_url_language() {
    edit_url(false, &|params| params.delete("lang"));
}

/// Changes the page's query without a reload: in a new history entry (`push`) or in place.
fn edit_url(push: bool, edit: &dyn Fn(&web_sys::UrlSearchParams)) {
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
        let (state, href) = (&wasm_bindgen::JsValue::NULL, Some(url.href()));
        let _ = if push {
            history.push_state_with_url(state, "", href.as_deref())
        } else {
            history.replace_state_with_url(state, "", href.as_deref())
        };
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
