use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::{AppState, SimError};

/// Lets a request through only with `Authorization: Bearer <a configured token>`. The token is
/// never logged: the trace layer records method and path only.
pub async fn require_token(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let presented = request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, token) = v.split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
        });
    match presented {
        None => {
            SimError::Unauthorized("Authentication credentials were not provided.").into_response()
        }
        Some(token) if state.tokens.contains(token) && !state.control.is_revoked(token) => {
            next.run(request).await
        }
        Some(_) => SimError::Unauthorized("Invalid token.").into_response(),
    }
}
