//! The only code that touches the network: sends a request built by `snapshot-api` with
//! gloo-net and hands back status, headers and body bytes for the core to decode.

use gloo_net::http::RequestBuilder;
use snapshot_api::ApiError;

/// Sends `request`; a failure to get any answer is an [`ApiError::Transport`].
pub async fn send(request: http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, ApiError> {
    let transport = |e: gloo_net::Error| ApiError::Transport {
        message: e.to_string(),
    };
    let (parts, body) = request.into_parts();
    let mut builder =
        RequestBuilder::new(&parts.uri.to_string()).method(parts.method.as_str().parse().map_err(
            |_| ApiError::Transport {
                message: format!("unsupported method {}", parts.method),
            },
        )?);
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
    .map_err(transport)?;
    let response = request.send().await.map_err(transport)?;
    let mut out = http::Response::builder().status(response.status());
    // Only the header the core reads; a named constant keeps http's header-name parser
    // (17 KB of wasm) out of the bundle.
    if let Some(retry_after) = response.headers().get("retry-after") {
        out = out.header(http::header::RETRY_AFTER, retry_after);
    }
    let bytes = response.binary().await.map_err(transport)?;
    out.body(bytes).map_err(|e| ApiError::Transport {
        message: e.to_string(),
    })
}
