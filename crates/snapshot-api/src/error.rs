use http::{HeaderMap, StatusCode};
use time::OffsetDateTime;

use crate::endpoints::Field;
use crate::ErrorBody;

/// Everything that can go wrong with a call, sorted by what the caller should do about it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// `401`: the token is missing, wrong, expired or revoked. Sign in again.
    #[error("unauthorized{}", suffix(detail))]
    Unauthorized {
        /// The service's `detail`, if any.
        detail: Option<String>,
    },
    /// `404`: the server or snapshot does not exist (or no longer does).
    #[error("not found{}", suffix(detail))]
    NotFound {
        /// The service's `detail`, if any.
        detail: Option<String>,
    },
    /// `400` with messages per field: fix the input.
    #[error("invalid request: {}", describe_fields(fields, non_field))]
    Validation {
        /// Messages per request field, in the order the API gave them.
        fields: Vec<(String, Vec<String>)>,
        /// Messages about the request as a whole.
        non_field: Vec<String>,
    },
    /// `400`: the server already has the maximum number of snapshots.
    #[error("snapshot limit reached: {detail}")]
    LimitReached {
        /// The service's explanation.
        detail: String,
    },
    /// `400` about state rather than input: e.g. a restore while the server is restoring, or
    /// of a snapshot that is not completed.
    #[error("not possible now: {detail}")]
    InvalidState {
        /// The service's explanation.
        detail: String,
    },
    /// `429`: too many requests; wait before trying again.
    #[error("rate limited")]
    RateLimited {
        /// When the service says to try again, if it said.
        retry_after: Option<RetryAfter>,
    },
    /// `5xx`: the service failed.
    #[error("server error {status}{}", suffix(detail))]
    Server {
        /// The HTTP status.
        status: u16,
        /// The service's `detail`, if any.
        detail: Option<String>,
    },
    /// Any other status the API does not document (403, 405, 409, ...).
    #[error("unexpected status {status}{}", suffix(detail))]
    UnexpectedStatus {
        /// The HTTP status.
        status: u16,
        /// The service's `detail`, if any.
        detail: Option<String>,
    },
    /// The body could not be read as what the status promised: HTML, empty, truncated, wrong
    /// types, too large or too deeply nested.
    #[error("unreadable response (status {status}): {reason}")]
    Undecodable {
        /// The HTTP status.
        status: u16,
        /// What was wrong with it.
        reason: String,
        /// The body's first characters, with the token removed, to help whoever debugs it.
        excerpt: String,
    },
    /// The request was not sent: its URL could not be built, or would have taken the token off
    /// the API's origin. Never retried: the same URL fails the same way.
    #[error("request not sent: {reason}")]
    InvalidUrl {
        /// What was wrong with the URL.
        reason: String,
    },
    /// No answer within the caller's deadline. Made by the transport, never by this crate's
    /// decoders. For a write, whether it happened is unknown.
    #[error("no answer within {seconds} s")]
    Timeout {
        /// The deadline.
        seconds: u32,
    },
    /// The request did not complete: network down, connection closed, CORS refusal. Made by
    /// the transport, never by this crate's decoders. For a write, whether it happened is
    /// unknown.
    #[error("network error: {message}")]
    Transport {
        /// What the transport reported.
        message: String,
    },
    /// The API's address answered with a redirect (a proxy or a moved API, say). It is never
    /// followed, so the token goes nowhere but the configured API; the caller's transport
    /// reports it. Fix the configured address.
    #[error("the API answered with a redirect, which is never followed")]
    Redirected,
    /// The caller stopped the request before an answer came (the console does so when its
    /// user signs out). Made by the caller's transport, never by this crate's decoders. There
    /// is nothing to tell and nothing to read again: whoever stopped it has moved on.
    #[error("cancelled")]
    Cancelled,
    /// The caller's own policy refused the request before it was sent (the console's host
    /// page vetoes a write this way), with the reason it gave, if any. Nothing was sent.
    #[error("not sent: refused before sending")]
    Vetoed {
        /// The refusal in the caller's words.
        reason: Option<String>,
    },
}

/// When to try again, from a `Retry-After` header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryAfter {
    /// After this many seconds.
    Seconds(u64),
    /// At this time.
    At(OffsetDateTime),
}

impl RetryAfter {
    /// Reads `Retry-After: 120` or `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT`.
    pub fn parse(value: &str) -> Option<Self> {
        let value = value.trim();
        if let Ok(seconds) = value.parse() {
            return Some(Self::Seconds(seconds));
        }
        crate::datetime::parse_http_date(value).map(Self::At)
    }
}

impl ApiError {
    /// The HTTP status this error came with, if one came.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Unauthorized { .. } => Some(401),
            Self::NotFound { .. } => Some(404),
            Self::Validation { .. } | Self::LimitReached { .. } | Self::InvalidState { .. } => {
                Some(400)
            }
            Self::RateLimited { .. } => Some(429),
            Self::Server { status, .. }
            | Self::UnexpectedStatus { status, .. }
            | Self::Undecodable { status, .. } => Some(*status),
            Self::Transport { .. }
            | Self::Timeout { .. }
            | Self::InvalidUrl { .. }
            | Self::Redirected
            | Self::Cancelled
            | Self::Vetoed { .. } => None,
        }
    }

    /// Whether sending the same request again may succeed. This says nothing about whether it
    /// is *safe* to: only idempotent requests ([`crate::Endpoint::IDEMPOTENT`]) may be sent
    /// again automatically, as a create whose answer was lost may already have happened.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::RateLimited { .. } | Self::Transport { .. } | Self::Timeout { .. } => true,
            Self::Server { status, .. } => matches!(status, 502..=504),
            _ => false,
        }
    }

    /// Whether a write that failed this way may still have happened: no answer, a lost
    /// connection, a body that could not be read, or a server failure after acceptance.
    /// The caller should read the list again rather than send the write again.
    pub fn outcome_unknown(&self) -> bool {
        matches!(
            self,
            Self::Transport { .. }
                | Self::Timeout { .. }
                | Self::Undecodable { .. }
                | Self::Server { .. }
        )
    }

    /// The messages about one field of a create's body.
    pub fn field_messages(&self, field: Field) -> &[String] {
        match self {
            Self::Validation { fields, .. } => fields
                .iter()
                .find(|(name, _)| name == field.as_str())
                .map_or(&[], |(_, messages)| messages.as_slice()),
            _ => &[],
        }
    }

    /// Sorts a non-2xx response.
    pub(crate) fn from_status(
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
        secret: &str,
    ) -> Self {
        let parsed = ErrorBody::parse(body);
        let detail = parsed.as_ref().and_then(|b| b.detail.clone());
        let code = status.as_u16();
        match code {
            401 => Self::Unauthorized { detail },
            404 => Self::NotFound { detail },
            429 => Self::RateLimited {
                retry_after: headers
                    .get(http::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(RetryAfter::parse),
            },
            400 => match parsed {
                Some(body) if !body.fields.is_empty() => Self::Validation {
                    fields: body.fields,
                    non_field: body.non_field_errors,
                },
                Some(body) if !body.is_empty() => {
                    let detail = body
                        .detail
                        .into_iter()
                        .chain(body.non_field_errors)
                        .collect::<Vec<_>>()
                        .join(" ");
                    // The page says a 400 on create means "invalid parameters or snapshot
                    // limit reached"; only the message tells them apart.
                    if detail.to_ascii_lowercase().contains("limit") {
                        Self::LimitReached { detail }
                    } else {
                        Self::InvalidState { detail }
                    }
                }
                _ => Self::undecodable(code, "a 400 without a readable error body", body, secret),
            },
            500..=599 => Self::Server {
                status: code,
                detail,
            },
            _ => Self::UnexpectedStatus {
                status: code,
                detail,
            },
        }
    }

    /// An [`ApiError::Undecodable`] with an excerpt of `body`. The secret is taken out before
    /// the excerpt is cut, so no part of it survives at the cut.
    pub(crate) fn undecodable(
        status: u16,
        reason: impl Into<String>,
        body: &[u8],
        secret: &str,
    ) -> Self {
        const EXCERPT_CHARS: usize = 200;
        // Enough bytes for the excerpt even if every character takes four, plus a whole
        // secret straddling its end.
        let window = &body[..body.len().min(EXCERPT_CHARS * 4 + secret.len())];
        let text = String::from_utf8_lossy(window);
        let text: String = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .filter(|c| !c.is_control())
            .collect();
        Self::Undecodable {
            status,
            reason: reason.into(),
            excerpt: redact(&text, secret).chars().take(EXCERPT_CHARS).collect(),
        }
        .redact(secret)
    }

    /// Removes `secret` from every text this error carries, whatever the variant: a server
    /// may echo the token in `detail`, a field message, a field name or a body.
    pub(crate) fn redact(self, secret: &str) -> Self {
        let r = |text: String| redact(&text, secret);
        let r_opt = |text: Option<String>| text.map(r);
        match self {
            Self::Unauthorized { detail } => Self::Unauthorized {
                detail: r_opt(detail),
            },
            Self::NotFound { detail } => Self::NotFound {
                detail: r_opt(detail),
            },
            Self::Validation { fields, non_field } => Self::Validation {
                fields: fields
                    .into_iter()
                    .map(|(field, messages)| (r(field), messages.into_iter().map(r).collect()))
                    .collect(),
                non_field: non_field.into_iter().map(r).collect(),
            },
            Self::LimitReached { detail } => Self::LimitReached { detail: r(detail) },
            Self::InvalidState { detail } => Self::InvalidState { detail: r(detail) },
            Self::Server { status, detail } => Self::Server {
                status,
                detail: r_opt(detail),
            },
            Self::UnexpectedStatus { status, detail } => Self::UnexpectedStatus {
                status,
                detail: r_opt(detail),
            },
            Self::Undecodable {
                status,
                reason,
                excerpt,
            } => Self::Undecodable {
                status,
                reason: r(reason),
                excerpt: r(excerpt),
            },
            Self::InvalidUrl { reason } => Self::InvalidUrl { reason: r(reason) },
            Self::Transport { message } => Self::Transport {
                message: r(message),
            },
            Self::Vetoed { reason } => Self::Vetoed {
                reason: reason.map(r),
            },
            Self::RateLimited { .. }
            | Self::Timeout { .. }
            | Self::Redirected
            | Self::Cancelled => self,
        }
    }
}

/// `text` with every occurrence of `secret` replaced.
fn redact(text: &str, secret: &str) -> String {
    if secret.is_empty() {
        return text.to_owned();
    }
    text.replace(secret, "<redacted>")
}

fn suffix(detail: &Option<String>) -> String {
    detail
        .as_ref()
        .map(|d| format!(": {d}"))
        .unwrap_or_default()
}

fn describe_fields(fields: &[(String, Vec<String>)], non_field: &[String]) -> String {
    fields
        .iter()
        .map(|(field, messages)| format!("{field}: {}", messages.join(" ")))
        .chain(non_field.iter().cloned())
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(RetryAfter::parse("120"), Some(RetryAfter::Seconds(120)));
        let Some(RetryAfter::At(at)) = RetryAfter::parse("Wed, 21 Oct 2015 07:28:00 GMT") else {
            panic!("date not read");
        };
        assert_eq!(at.unix_timestamp(), 1_445_412_480);
        assert_eq!(RetryAfter::parse("soon"), None);
    }

    #[test]
    fn only_transient_failures_are_retryable() {
        let server = |status| ApiError::Server {
            status,
            detail: None,
        };
        assert!(server(503).is_retryable());
        assert!(!server(500).is_retryable());
        assert!(ApiError::RateLimited { retry_after: None }.is_retryable());
        assert!(!ApiError::Unauthorized { detail: None }.is_retryable());
        assert!(!ApiError::undecodable(200, "x", b"<html>", "t").is_retryable());
    }
}
