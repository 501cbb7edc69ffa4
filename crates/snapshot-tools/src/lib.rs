//! What only a click on "Copy as…" or "Export" needs, as a second wasm the console fetches on
//! that first click (`app/src/tools.js`), so its first load carries none of it: the core's
//! snippet and file writers, and the browser IO around them (a clipboard's `Blob`, a
//! download). The console hands over the very fetch `Request` it would send, or the list it
//! shows as rows.

use js_sys::{Array, Uint8Array};
use snapshot_api::export::{export_file_name, snapshots_csv, snapshots_json, Row};
use snapshot_api::{snippet_from_parts, Snapshot, SnippetLanguage};
use time::OffsetDateTime;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Request, Url};

/// `request` in the API page's `form` (its position in [`SnippetLanguage::ALL`]), as a
/// plain-text `Blob` for the clipboard. Fails for an unknown form or a body that cannot be
/// read.
#[wasm_bindgen]
pub async fn snippet(request: Request, form: usize) -> Result<Blob, JsValue> {
    let language = *SnippetLanguage::ALL.get(form).ok_or("unknown form")?;
    let body = JsFuture::from(request.array_buffer()?).await?;
    let body = Uint8Array::new(&body).to_vec();
    // The `Headers` iterate as [name, value] pairs, names in lower case.
    let pairs: Vec<(String, String)> = js_sys::try_iter(&request.headers())?
        .into_iter()
        .flatten()
        .filter_map(|pair| {
            let pair: Array = pair.ok()?.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    let headers: Vec<_> = pairs
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    let text = snippet_from_parts(&request.method(), &request.url(), &headers, &body, language);
    blob(&text, "text/plain")
}

/// Downloads `rows` (the list as the console shows it, an array of [`Row`]s) as a CSV or
/// JSON file, named for `server` (the filter's server ID, if any: its name as the rows give
/// it, else the ID) and today's UTC day. Fails when `rows` is not such a list.
#[wasm_bindgen]
pub fn save(rows: JsValue, server: Option<f64>, csv: bool) -> Result<(), JsValue> {
    let rows = String::from(js_sys::JSON::stringify(&rows)?);
    let snapshots: Vec<Snapshot> = serde_json::from_str::<Vec<Row>>(&rows)
        .ok()
        .and_then(|rows| rows.into_iter().map(Row::snapshot).collect())
        .ok_or("not a list")?;
    let day = OffsetDateTime::from_unix_timestamp((js_sys::Date::now() / 1000.0) as i64)
        .map_or(time::Date::MIN, OffsetDateTime::date);
    let (extension, text, kind) = match csv {
        true => ("csv", snapshots_csv(&snapshots), "text/csv;charset=utf-8"),
        false => ("json", snapshots_json(&snapshots), "application/json"),
    };
    // A JavaScript number: a `u64` parameter would ask for a BigInt.
    let server = server.map(|id| {
        let id = id as u64;
        let named = snapshots.iter().find(|s| s.server.id.get() == id);
        named.map_or_else(|| id.to_string(), |s| s.server.name.clone())
    });
    let href = Url::create_object_url_with_blob(&blob(&text, kind)?)?;
    let link: HtmlAnchorElement = gloo_utils::document().create_element("a")?.unchecked_into();
    link.set_href(&href);
    link.set_download(&export_file_name(server.as_deref(), day, extension));
    link.click();
    // Revoked once the download has read it.
    let revoke = Closure::once_into_js(move || Url::revoke_object_url(&href));
    gloo_utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)?;
    Ok(())
}

/// `text` as a `Blob` of type `kind`.
fn blob(text: &str, kind: &str) -> Result<Blob, JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(kind);
    Blob::new_with_str_sequence_and_options(&Array::of1(&text.into()), &options)
}
