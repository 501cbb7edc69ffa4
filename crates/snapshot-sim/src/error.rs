use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use snapshot_api::ErrorBody;

/// Every failure the simulator answers with, always as a DRF-style JSON body.
#[derive(Debug)]
pub enum SimError {
    /// 401, with DRF's message for a missing or a wrong token.
    Unauthorized(&'static str),
    /// 404.
    NotFound(String),
    /// 400 with a body already in DRF shape.
    BadRequest(ErrorBody),
    /// 405.
    MethodNotAllowed(String),
    /// 413.
    TooLarge,
    /// 415.
    UnsupportedMediaType(String),
    /// 421: the request named a host this part of the simulator does not answer for.
    MisdirectedRequest(String),
    /// 422: understood, but cannot be done as asked (an idempotency key reused).
    Unprocessable(String),
    /// 500; the cause is logged, not sent.
    Internal(String),
}

impl SimError {
    /// A 400 with only `detail`.
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::BadRequest(ErrorBody::detail(detail))
    }
}

impl From<rusqlite::Error> for SimError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Internal(e.to_string())
    }
}

impl SimError {
    /// The status and body this error answers with.
    pub fn parts(self) -> (StatusCode, ErrorBody) {
        match self {
            Self::Unauthorized(message) => (StatusCode::UNAUTHORIZED, ErrorBody::detail(message)),
            Self::NotFound(message) => (StatusCode::NOT_FOUND, ErrorBody::detail(message)),
            Self::BadRequest(body) => (StatusCode::BAD_REQUEST, body),
            Self::MethodNotAllowed(method) => (
                StatusCode::METHOD_NOT_ALLOWED,
                ErrorBody::detail(format!("Method \"{method}\" not allowed.")),
            ),
            Self::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorBody::detail(format!(
                    "Request body is too large (the limit is {} bytes).",
                    crate::MAX_BODY_BYTES
                )),
            ),
            Self::UnsupportedMediaType(message) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorBody::detail(message),
            ),
            Self::MisdirectedRequest(message) => {
                (StatusCode::MISDIRECTED_REQUEST, ErrorBody::detail(message))
            }
            Self::Unprocessable(message) => {
                (StatusCode::UNPROCESSABLE_ENTITY, ErrorBody::detail(message))
            }
            Self::Internal(cause) => {
                tracing::error!(%cause, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ErrorBody::detail("A server error occurred."),
                )
            }
        }
    }
}

impl IntoResponse for SimError {
    fn into_response(self) -> Response {
        let (status, body) = self.parts();
        let mut response = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"api\""),
            );
        }
        response
    }
}
