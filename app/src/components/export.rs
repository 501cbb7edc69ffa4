use leptos::prelude::*;
use snapshot_api::export::{export_file_name, snapshots_csv, snapshots_json};
use snapshot_api::Snapshot;
use wasm_bindgen::{JsCast, JsValue};

use super::Shared;
use crate::i18n::Key;
use crate::language::tr;

/// "Export": the list as shown (its filter, search and sort, every page) as a CSV or JSON
/// file. The core writes the text; this hands it to a download.
#[component]
pub fn Export() -> impl IntoView {
    let Shared {
        store,
        view_state,
        pinned_server,
        ..
    } = expect_context::<Shared>();
    let save = move |json: bool| {
        let server = view_state.server.get_untracked().or(pinned_server);
        let (shown, server_name) = store.model.with_untracked(|m| {
            let shown: Vec<Snapshot> = m.list().listed().map_or_else(Vec::new, |listed| {
                let list = listed.snapshots();
                view_state
                    .select(list, listed.keys())
                    .into_iter()
                    .filter_map(|i| list.get(i).cloned())
                    .collect()
            });
            let name = server.and_then(|id| m.servers().into_iter().find(|s| s.id == id));
            (shown, name.map(|s| s.name))
        });
        let (text, extension, kind) = match json {
            true => (snapshots_json(&shown), "json", "application/json"),
            false => (snapshots_csv(&shown), "csv", "text/csv;charset=utf-8"),
        };
        let now = js_sys::Date::new_0();
        let day = time::Date::from_calendar_date(
            now.get_utc_full_year() as i32,
            time::Month::try_from(now.get_utc_month() as u8 + 1).unwrap_or(time::Month::January),
            now.get_utc_date() as u8,
        )
        .unwrap_or(time::Date::MIN);
        download(
            &export_file_name(server_name.as_deref(), day, extension),
            &text,
            kind,
        );
    };
    view! {
        <details class="sc-menu">
            <summary class="sc-button sc-quiet">{tr(Key::ActionExport)}</summary>
            <div class="sc-menu-items">
                <button type="button" class="sc-button sc-small" on:click=move |_| save(false)>"CSV"</button>
                <button type="button" class="sc-button sc-small" on:click=move |_| save(true)>"JSON"</button>
            </div>
        </details>
    }
}

/// Saves `text` as a file named `name`, through a link to a `Blob` that is clicked once.
fn download(name: &str, text: &str, kind: &str) {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(link) = document().create_element("a") {
        let link: web_sys::HtmlAnchorElement = link.unchecked_into();
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    // Revoked once the download has read it.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}
