//! The only code that touches the network: sends a request built by `snapshot-api` with
//! gloo-net, under a deadline, and hands back status, headers and body bytes for the core to
//! decode.

use std::time::Duration;

use gloo_net::http::{Request, Response};
use js_sys::Reflect;
use snapshot_api::ApiError;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Headers, RequestInit, RequestRedirect, ResponseType};

/// How long a read may take, body included.
pub const READ_DEADLINE: Duration = Duration::from_secs(15);
/// How long a write may take; longer, as the service does more work before answering.
pub const WRITE_DEADLINE: Duration = Duration::from_secs(30);

/// Sends `request`, aborting it at its deadline or when `cancel` fires (on sign-out). No
/// answer in time is an [`ApiError::Timeout`]; a cancel is [`ApiError::Cancelled`]; a
/// redirect is [`ApiError::Redirected`]; a failure to get any answer is an
/// [`ApiError::Transport`].
pub async fn send(
    request: http::Request<Vec<u8>>,
    cancel: &AbortSignal,
) -> Result<http::Response<Vec<u8>>, ApiError> {
    let deadline = if request.method() == http::Method::GET {
        READ_DEADLINE
    } else {
        WRITE_DEADLINE
    };
    let timer = AbortSignal::timeout_with_u32(deadline.as_millis() as u32);
    let signal = AbortSignal::any(&js_sys::Array::of2(&timer, cancel));
    let failed = |e: gloo_net::Error| {
        if timer.aborted() {
            ApiError::Timeout {
                seconds: deadline.as_secs() as u32,
            }
        } else if cancel.aborted() {
            ApiError::Cancelled
        } else {
            ApiError::Transport {
                message: e.to_string(),
            }
        }
    };

    let request = fetch_request(request, Some(&signal))
        .map(Request::from)
        // Only a URL the browser cannot parse fails here; the core has checked it.
        .map_err(|_| failed(gloo_net::Error::GlooError("invalid request".to_owned())))?;
    let response = request.send().await.map_err(failed)?;
    if response.type_() == ResponseType::Opaqueredirect {
        return Err(ApiError::Redirected);
    }
    read(response, failed).await
}

/// `request` as the browser's fetch request, aborted when `signal` fires: what [`send`]
/// sends, and what "Copy as…" writes out (`tools.rs`). Built with `RequestInit` rather than
/// gloo-net's builder, which re-joins a URL's query and leaves a stray `&` after it
/// (`?server_id=12345&`).
pub fn fetch_request(
    request: http::Request<Vec<u8>>,
    signal: Option<&AbortSignal>,
) -> Result<web_sys::Request, JsValue> {
    let (parts, body) = request.into_parts();
    let init = RequestInit::new();
    init.set_method(parts.method.as_str());
    // A redirect is never followed: the token goes to the configured API's origin and
    // nowhere else, whatever a response says. ("manual" rather than "error", so a redirect
    // is told from a network failure: it comes back as an opaque answer.)
    init.set_redirect(RequestRedirect::Manual);
    init.set_signal(signal);
    let headers = Headers::new()?;
    for (name, value) in &parts.headers {
        if let Ok(value) = value.to_str() {
            headers.append(name.as_str(), value)?;
        }
    }
    init.set_headers(&headers);
    if !body.is_empty() {
        init.set_body(&js_sys::Uint8Array::from(body.as_slice()));
    }
    web_sys::Request::new_with_str_and_init(&parts.uri.to_string(), &init)
}

/// Status, the header the core reads, and the body bytes of `response`.
async fn read(
    response: Response,
    failed: impl Fn(gloo_net::Error) -> ApiError,
) -> Result<http::Response<Vec<u8>>, ApiError> {
    // Parts set one by one: the response builder's generic `header` and `status` would be
    // code of their own in the wasm.
    let status =
        http::StatusCode::from_u16(response.status()).map_err(|_| ApiError::Transport {
            message: format!("status {} is not an HTTP status", response.status()),
        })?;
    // Only the header the core reads; a named constant keeps http's header-name parser
    // (17 KB of wasm) out of the bundle.
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| http::HeaderValue::from_str(&v).ok());
    let mut out = http::Response::new(response.binary().await.map_err(failed)?);
    *out.status_mut() = status;
    if let Some(retry_after) = retry_after {
        out.headers_mut()
            .insert(http::header::RETRY_AFTER, retry_after);
    }
    Ok(out)
}

/// Where `index.html` leaves the first list read it started while the wasm loaded.
const EARLY_LIST: &str = "__snapshotConsoleEarlyList";

/// The answer to `request` if the page already sent it (the first list read of a signed-in
/// tab, started by `index.html` before the wasm loaded). Looked at once, then forgotten:
/// `None` for any later request, another URL, or an early read that failed (the console
/// then sends its own).
pub async fn take_early(
    request: &http::Request<Vec<u8>>,
) -> Option<Result<http::Response<Vec<u8>>, ApiError>> {
    let window = web_sys::window()?;
    let key = JsValue::from_str(EARLY_LIST);
    let early = Reflect::get(&window, &key)
        .ok()
        .filter(JsValue::is_object)?;
    let _ = Reflect::delete_property(&window, &key);
    let url = Reflect::get(&early, &"url".into()).ok()?.as_string()?;
    if request.method() != http::Method::GET || url != request.uri().to_string() {
        return None;
    }
    let promise: js_sys::Promise = Reflect::get(&early, &"response".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let response: web_sys::Response = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    let failed = |e: gloo_net::Error| ApiError::Transport {
        message: e.to_string(),
    };
    Some(read(Response::from(response), failed).await)
}
