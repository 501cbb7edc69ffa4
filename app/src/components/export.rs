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
    // The items' order: CSV, then JSON.
    let save = Callback::new(move |item: usize| {
        let server = view_state.server.get_untracked().or(pinned_server);
        let (rows, server_name) = store.model.with_untracked(|m| {
            let rows = m.list().listed().map(|listed| {
                let list = listed.snapshots();
                let shown = view_state.select(list, listed.keys());
                tools::rows(shown.into_iter().filter_map(|i| list.get(i)))
            });
            let name = server.and_then(|id| m.servers().into_iter().find(|s| s.id == id));
            (
                rows.unwrap_or_else(js_sys::Array::new),
                name.map(|s| s.name),
            )
        });
        leptos::task::spawn_local(async move {
            let saved = tools::download(rows, server_name, item == 0).await;
            status.set(if saved {
                String::new()
            } else {
                language.t(Key::ExportFailed)
            });
        });
    });
    view! { <Menu label=Key::ActionExport items=vec!["CSV", "JSON"] on_choose=save status/> }
}
