//! The request body limit. A body over `MAX_BODY_BYTES` is still read, up to
//! `DRAIN_BODY_BYTES`, and thrown away before the 413 goes out (as nginx's lingering close
//! does): a client that sends its whole body before it reads, like Python's `urllib`, would
//! otherwise meet a closed connection instead of the answer.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;

use crate::{SimError, DRAIN_BODY_BYTES, MAX_BODY_BYTES};

/// Collects the body (at most `MAX_BODY_BYTES`) and hands it on, or answers 413.
pub async fn limit_body(request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    // Too large to be worth reading: answer at once (the client may see a broken pipe).
    if declared.is_some_and(|n| n > DRAIN_BODY_BYTES as u64) {
        return too_large();
    }
    let mut frames = body.into_data_stream();
    let mut kept = Vec::new();
    let mut seen = 0usize;
    while let Some(frame) = frames.next().await {
        let Ok(chunk) = frame else {
            // The client went away mid-body: nobody is left to read an answer.
            return too_large();
        };
        seen = seen.saturating_add(chunk.len());
        if seen <= MAX_BODY_BYTES {
            kept.extend_from_slice(&chunk);
        } else if seen > DRAIN_BODY_BYTES {
            break;
        }
    }
    if seen > MAX_BODY_BYTES {
        return too_large();
    }
    next.run(Request::from_parts(parts, Body::from(Bytes::from(kept))))
        .await
}

/// The 413, on a connection closed after it: what is left of the body is not read.
fn too_large() -> Response {
    let mut response = SimError::TooLarge.into_response();
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}
