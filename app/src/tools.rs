//! The two calls into `tools.js`, which loads the code only "Copy as…" and "Export" need on
//! their first click (`crates/snapshot-tools`: the core's snippet and file writers, and the
//! clipboard's and download's IO). Which request and which list are decided here.

use std::future::Future;

use http::Request;
use js_sys::{Array, Promise};
use snapshot_api::{ServerId, Snapshot, SnippetLanguage};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::format;
use crate::transport;

#[wasm_bindgen(module = "/src/tools.js")]
extern "C" {
    fn copy_snippet(request: &web_sys::Request, form: usize) -> Promise;
    fn save(rows: Array, server: Option<f64>, csv: bool) -> Promise;
}

/// Puts `request` on the clipboard as the API page's `form`, written by the core's snippet
/// writer from the very fetch request the console would send (`transport::fetch_request`).
/// The write starts now, within the click; the future says `false` when it could not be
/// loaded or copied.
pub fn copy(request: Request<Vec<u8>>, form: SnippetLanguage) -> impl Future<Output = bool> {
    let copied = transport::fetch_request(request, None).ok().map(|request| {
        JsFuture::from(
            // The form's discriminant is its position in `SnippetLanguage::ALL`.
            copy_snippet(&request, form as usize),
        )
    });
    async {
        match copied {
            Some(copied) => copied.await.is_ok(),
            None => false,
        }
    }
}

/// The list as shown, `shown`, as the rows [`download`] takes.
pub fn rows<'a>(shown: impl Iterator<Item = &'a Snapshot>) -> Array {
    shown.map(row).collect()
}

/// Downloads `rows` (the list as shown) as a CSV or JSON file, named for `server` (the
/// filter's server, if any) and today. The future says `false` when it could not be written.
pub fn download(rows: Array, server: Option<ServerId>, csv: bool) -> impl Future<Output = bool> {
    let saved = JsFuture::from(save(rows, server.map(|id| id.get() as f64), csv));
    async { saved.await.is_ok() }
}

/// `s` as the core's `export::Row` reads it: its fields in that order, as JavaScript values.
fn row(s: &Snapshot) -> Array {
    let number = |n: u64| JsValue::from(n as f64);
    let text = |t: &str| JsValue::from_str(t);
    [
        number(s.id.get()),
        text(&s.name),
        text(s.status.as_str()),
        number(s.server.id.get()),
        text(&s.server.name),
        s.size_mb.map_or(JsValue::NULL, number),
        JsValue::from(format::millis(s.created_at)),
        s.description.as_deref().map_or(JsValue::NULL, text),
    ]
    .iter()
    .collect()
}
