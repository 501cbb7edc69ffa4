//! What only a click on "Copy as…" or "Export" needs, as a second wasm the console fetches on
//! that first click (`app/src/tools.js`), so its first load carries none of it: the core's
//! snippet writer and file writers behind two exports. The console passes plain values (a
//! fetch request's parts; the list's rows) and gets text back.

use snapshot_api::export::{export_file_name, snapshots_csv, snapshots_json, Row};
use snapshot_api::{snippet_from_parts, SnippetLanguage};
use time::OffsetDateTime;
use wasm_bindgen::prelude::wasm_bindgen;

/// The request `method url` with `headers` (name, value, name, value…) and `body`, in the
/// API page's `form` (a [`SnippetLanguage::key`]). Empty for an unknown form.
#[wasm_bindgen]
pub fn snippet(method: &str, url: &str, headers: Vec<String>, body: &[u8], form: &str) -> String {
    let Some(language) = SnippetLanguage::from_key(form) else {
        return String::new();
    };
    let headers: Vec<_> = headers
        .chunks_exact(2)
        .map(|pair| (pair[0].as_str(), pair[1].as_str()))
        .collect();
    snippet_from_parts(method, url, &headers, body, language)
}

/// The list `rows` (a JSON array of [`Row`]s: the list as the console shows it) as a file: its
/// name, for `server` (the filter's server name, if any) on the UTC day of `now` (milliseconds
/// since the epoch), and its text, CSV or JSON. Empty when `rows` is not such a list.
#[wasm_bindgen]
pub fn export(rows: &str, server: Option<String>, now: f64, csv: bool) -> Vec<String> {
    let snapshots: Option<Vec<_>> = serde_json::from_str::<Vec<Row>>(rows)
        .ok()
        .and_then(|rows| rows.into_iter().map(Row::snapshot).collect());
    let Some(snapshots) = snapshots else {
        return Vec::new();
    };
    let day = OffsetDateTime::from_unix_timestamp((now / 1000.0) as i64)
        .map_or(time::Date::MIN, OffsetDateTime::date);
    let (extension, text) = match csv {
        true => ("csv", snapshots_csv(&snapshots)),
        false => ("json", snapshots_json(&snapshots)),
    };
    vec![export_file_name(server.as_deref(), day, extension), text]
}
