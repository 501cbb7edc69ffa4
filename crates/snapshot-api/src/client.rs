//! The send-then-decode loop, written once for every client of the API: the browser console,
//! the native stress harness and the simulator's tests. The IO stays with the caller, behind
//! [`HttpClient`]; this module only decides what to send, when to wait, and when to stop.

use std::future::Future;
use std::time::Duration;

use http::{Request, Response};
use time::OffsetDateTime;

use crate::endpoints::SnapshotList;
use crate::{retry, Api, ApiError, Endpoint, Snapshot, SnapshotListAll};

/// What a caller supplies to send requests, as oauth2-rs's `AsyncHttpClient`: the network,
/// a timer and a clock, none of which the core has.
///
/// The futures need not be `Send` (the browser's are not); an implementation whose futures
/// are `Send` keeps them `Send` through [`call`] and [`snapshot_list`] when used by its
/// concrete type, so they can still be spawned on a multi-threaded runtime.
pub trait HttpClient {
    /// Sends `request` as it is and collects the whole answer, whatever its status. A failure
    /// to get any answer is an [`ApiError::Transport`] or [`ApiError::Timeout`]. A redirect
    /// must not be followed: the token goes to the API's origin only.
    fn send(
        &self,
        request: Request<Vec<u8>>,
    ) -> impl Future<Output = Result<Response<Vec<u8>>, ApiError>>;

    /// Waits `wait` before a retry. Jitter, if wanted, is added here: the core has no
    /// randomness.
    fn sleep(&self, wait: Duration) -> impl Future<Output = ()>;

    /// The time now, against which a `Retry-After` date is read.
    fn now(&self) -> OffsetDateTime;
}

/// Builds, sends and decodes one call of `endpoint`.
///
/// Never retried, whatever the error: a write whose answer was lost may have happened, so
/// the caller reads the list again rather than sending it twice.
pub async fn call<E: Endpoint, H: HttpClient>(
    api: &Api,
    http: &H,
    endpoint: &E,
) -> Result<E::Output, ApiError> {
    let response = http.send(api.request(endpoint)?).await;
    api.decode(endpoint, &response.map_err(|e| api.redact(e))?)
}

/// Every snapshot `list` selects, following `next` pages with [`SnapshotListAll`].
///
/// Each page is a read, so a page that fails transiently is sent again after
/// [`retry::retry_delay`]'s wait, up to its number of attempts; then the error is returned.
/// The pages already received are not asked for again.
pub async fn snapshot_list<H: HttpClient>(
    api: &Api,
    http: &H,
    list: SnapshotList,
) -> Result<Vec<Snapshot>, ApiError> {
    let mut all = SnapshotListAll::new(list);
    // Failures of the current page in a row; a page received starts the count again.
    let mut attempt = 0;
    // A failed page leaves the paginator where it was: its next request is the retry.
    while let Some(request) = all.next_request(api) {
        let outcome = match request {
            Ok(request) => match http.send(request).await {
                Ok(response) => all.receive(api, &response),
                Err(e) => Err(api.redact(e)),
            },
            Err(e) => Err(e),
        };
        let Err(error) = outcome else {
            attempt = 0;
            continue;
        };
        attempt += 1;
        let wait = retry::retry_delay(&error, attempt, SnapshotList::IDEMPOTENT, http.now())
            .ok_or(error)?;
        http.sleep(wait).await;
    }
    Ok(all.into_snapshots())
}
