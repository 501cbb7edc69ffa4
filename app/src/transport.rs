//! The only code that touches the network: sends a request built by `snapshot-api` with
//! gloo-net, under a deadline, and hands back status, headers and body bytes for the core to
//! decode.

use std::time::Duration;

use gloo_net::http::RequestBuilder;
use gloo_timers::callback::Timeout;
use snapshot_api::ApiError;

/// How long a read may take, body included.
pub const READ_DEADLINE: Duration = Duration::from_secs(15);
/// How long a write may take; longer, as the service does more work before answering.
pub const WRITE_DEADLINE: Duration = Duration::from_secs(30);

/// Sends `request`, aborting it at its deadline. No answer in time is an
/// [`ApiError::Timeout`]; a failure to get any answer is an [`ApiError::Transport`].
pub async fn send(request: http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, ApiError> {
    let deadline = if request.method() == http::Method::GET {
        READ_DEADLINE
    } else {
        WRITE_DEADLINE
    };
    let controller = web_sys::AbortController::new().map_err(|_| ApiError::Transport {
        message: "AbortController is not available".to_owned(),
    })?;
    let signal = controller.signal();
    // Dropping the timer (when this function returns) cancels it.
    let _timer = Timeout::new(deadline.as_millis() as u32, move || controller.abort());
    let failed = |e: gloo_net::Error| {
        if signal.aborted() {
            ApiError::Timeout {
                seconds: deadline.as_secs() as u32,
            }
        } else {
            ApiError::Transport {
                message: e.to_string(),
            }
        }
    };

    let (parts, body) = request.into_parts();
    let method = parts
        .method
        .as_str()
        .parse()
        .map_err(|_| ApiError::Transport {
            message: format!("unsupported method {}", parts.method),
        })?;
    let mut builder = RequestBuilder::new(&parts.uri.to_string())
        .method(method)
        .abort_signal(Some(&signal));
    for (name, value) in &parts.headers {
        if let Ok(value) = value.to_str() {
            builder = builder.header(name.as_str(), value);
        }
    }
    let request = if body.is_empty() {
        builder.build()
    } else {
        builder.body(js_sys::Uint8Array::from(body.as_slice()))
    }
    .map_err(failed)?;
    let response = request.send().await.map_err(failed)?;
    let mut out = http::Response::builder().status(response.status());
    // Only the header the core reads; a named constant keeps http's header-name parser
    // (17 KB of wasm) out of the bundle.
    if let Some(retry_after) = response.headers().get("retry-after") {
        out = out.header(http::header::RETRY_AFTER, retry_after);
    }
    let bytes = response.binary().await.map_err(failed)?;
    out.body(bytes).map_err(|e| ApiError::Transport {
        message: e.to_string(),
    })
}
