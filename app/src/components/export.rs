use leptos::prelude::*;

use super::menu::Menu;
use super::Shared;
use crate::i18n::Key;
use crate::language::Language;
use crate::tools;

/// "Export": the list as shown (its filter, search and sort, every page) as a CSV or JSON
/// file. The core writes the files, in the code loaded on first use; this hands it the list.
#[component]
pub fn Export() -> impl IntoView {
    let language = expect_context::<Language>();
    let Shared {
        store,
        view_state,
        pinned_server,
        ..
    } = expect_context::<Shared>();
    let status = RwSignal::new(String::new());
    let save = move |csv: bool| {
        let server = view_state.server.get_untracked().or(pinned_server);
        let saved = store.model.with_untracked(|m| {
            let rows = m.list().listed().map(|listed| {
                let list = listed.snapshots();
                let shown = view_state.select(list, listed.keys());
                tools::rows(shown.into_iter().filter_map(|i| list.get(i)))
            });
            tools::download(rows.unwrap_or_else(js_sys::Array::new), server, csv)
        });
        leptos::task::spawn_local(async move {
            let saved = saved.await;
            status.set(if saved {
                String::new()
            } else {
                language.t(Key::ExportFailed)
            });
        });
    };
    let items = vec![
        ("CSV", Callback::new(move |()| save(true))),
        ("JSON", Callback::new(move |()| save(false))),
    ];
    view! { <Menu label=Key::ActionExport items status/> }
}
