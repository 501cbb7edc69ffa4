//! When an idempotent request may be sent again: the one retry rule, for the console and any
//! native client. No randomness here (the core has none): callers add their own jitter.

use std::time::Duration;

use time::OffsetDateTime;

use crate::{ApiError, RetryAfter};

/// How many times a request is sent again at most.
pub const MAX_RETRIES: u32 = 2;

/// The first wait; it doubles with each retry.
pub const BASE_DELAY: Duration = Duration::from_millis(500);

/// The longest `Retry-After` honoured; a longer one is reported instead of waited out.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(10);

/// How long to wait before sending a request again after its `attempt`-th failure (counting
/// from 1) with `error`, or `None` if it must not be sent again: it is not idempotent, the
/// error is not transient, the retries are spent, or the service asks for too long a wait.
pub fn retry_delay(
    error: &ApiError,
    attempt: u32,
    idempotent: bool,
    now: OffsetDateTime,
) -> Option<Duration> {
    if !idempotent || !error.is_retryable() || attempt > MAX_RETRIES {
        return None;
    }
    let backoff = BASE_DELAY * 2u32.pow(attempt.saturating_sub(1));
    let asked = match error {
        ApiError::RateLimited {
            retry_after: Some(RetryAfter::Seconds(s)),
        } => Some(Duration::from_secs(*s)),
        ApiError::RateLimited {
            retry_after: Some(RetryAfter::At(at)),
        } => Some(Duration::try_from(*at - now).unwrap_or(Duration::ZERO)),
        _ => None,
    };
    match asked {
        Some(wait) if wait > MAX_RETRY_AFTER => None,
        Some(wait) => Some(wait.max(backoff)),
        None => Some(backoff),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: OffsetDateTime = time::macros::datetime!(2026-01-01 00:00 UTC);

    fn transport() -> ApiError {
        ApiError::Transport {
            message: "down".into(),
        }
    }

    #[test]
    fn reads_retry_twice_with_doubling_waits() {
        let e = transport();
        assert_eq!(
            retry_delay(&e, 1, true, NOW),
            Some(Duration::from_millis(500))
        );
        assert_eq!(
            retry_delay(&e, 2, true, NOW),
            Some(Duration::from_millis(1000))
        );
        assert_eq!(retry_delay(&e, 3, true, NOW), None);
    }

    #[test]
    fn writes_and_permanent_errors_never_retry() {
        assert_eq!(retry_delay(&transport(), 1, false, NOW), None);
        let not_found = ApiError::NotFound { detail: None };
        assert_eq!(retry_delay(&not_found, 1, true, NOW), None);
        let timeout = ApiError::Timeout { seconds: 15 };
        assert_eq!(retry_delay(&timeout, 1, false, NOW), None);
        assert!(retry_delay(&timeout, 1, true, NOW).is_some());
    }

    #[test]
    fn retry_after_is_honoured_up_to_a_cap() {
        let limited = |r| ApiError::RateLimited {
            retry_after: Some(r),
        };
        assert_eq!(
            retry_delay(&limited(RetryAfter::Seconds(3)), 1, true, NOW),
            Some(Duration::from_secs(3))
        );
        assert_eq!(
            retry_delay(&limited(RetryAfter::Seconds(60)), 1, true, NOW),
            None
        );
        let at = RetryAfter::At(NOW + time::Duration::seconds(4));
        assert_eq!(
            retry_delay(&limited(at), 1, true, NOW),
            Some(Duration::from_secs(4))
        );
        let past = RetryAfter::At(NOW - time::Duration::seconds(4));
        assert_eq!(
            retry_delay(&limited(past), 2, true, NOW),
            Some(Duration::from_secs(1))
        );
    }
}
