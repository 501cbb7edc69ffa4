use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::{Choice, ConstantTimeEq};

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
        Some(token) if is_known(&state.tokens, token) && !state.control.is_revoked(token) => {
            next.run(request).await
        }
        Some(_) => SimError::Unauthorized("Invalid token.").into_response(),
    }
}

/// Whether `presented` is one of `tokens`. Every token is compared, each in constant time, so
/// the answer's timing does not tell how much of a guess was right (only, at most, its length).
fn is_known(tokens: &[String], presented: &str) -> bool {
    let mut found = Choice::from(0);
    for token in tokens {
        found |= token.as_bytes().ct_eq(presented.as_bytes());
    }
    found.into()
}

#[cfg(test)]
mod tests {
    use super::is_known;

    #[test]
    fn compares_whole_tokens() {
        let tokens = ["alpha-token".to_owned(), "beta-token".to_owned()];
        assert!(is_known(&tokens, "alpha-token"));
        assert!(is_known(&tokens, "beta-token"));
        assert!(!is_known(&tokens, "gamma-token"), "different");
        assert!(!is_known(&tokens, "alpha-tokeN"), "last byte differs");
        assert!(!is_known(&tokens, "alpha"), "prefix");
        assert!(!is_known(&tokens, "alpha-token-longer"), "longer");
        assert!(!is_known(&tokens, ""), "empty");
        assert!(!is_known(&[], "alpha-token"), "no tokens");
    }
}
