use std::collections::HashSet;

use http::{Method, Request, Response, Uri};

use crate::endpoints::SnapshotList;
use crate::{Api, ApiError, Snapshot, SnapshotId};

/// Follows `next` links until a snapshot list is whole, without doing any IO itself:
///
/// ```
/// # use snapshot_api::{Api, ApiError, BaseUrl, BearerToken, SnapshotListAll};
/// # use snapshot_api::endpoints::SnapshotList;
/// # fn send(_: http::Request<Vec<u8>>) -> http::Response<Vec<u8>> {
/// #     http::Response::new(br#"{"count": 0, "results": []}"#.to_vec())
/// # }
/// # let api = Api::new(BaseUrl::parse("/api/v1").unwrap(), BearerToken::parse("t").unwrap());
/// let mut all = SnapshotListAll::new(SnapshotList::all());
/// while let Some(request) = all.next_request(&api) {
///     all.receive(&api, &send(request))?;
/// }
/// let snapshots = all.into_snapshots();
/// # Ok::<(), ApiError>(())
/// ```
///
/// A `next` URL is followed only on the base URL's own origin, so the token is never sent
/// elsewhere; a loop or more than [`SnapshotListAll::MAX_PAGES`] pages is an error.
#[derive(Debug)]
pub struct SnapshotListAll {
    endpoint: SnapshotList,
    next: Next,
    visited: HashSet<String>,
    seen_ids: HashSet<SnapshotId>,
    snapshots: Vec<Snapshot>,
}

#[derive(Debug)]
enum Next {
    First,
    Url(String),
    Done,
}

impl SnapshotListAll {
    /// The most pages followed before giving up.
    pub const MAX_PAGES: usize = 1000;

    /// Starts listing what `endpoint` selects.
    pub fn new(endpoint: SnapshotList) -> Self {
        Self {
            endpoint,
            next: Next::First,
            visited: HashSet::new(),
            seen_ids: HashSet::new(),
            snapshots: Vec::new(),
        }
    }

    /// The request to send next, or `None` once the list is whole.
    pub fn next_request(&self, api: &Api) -> Option<Request<Vec<u8>>> {
        match &self.next {
            Next::First => Some(api.request(&self.endpoint)),
            Next::Url(url) => Some(api.request_to(Method::GET, url, None)),
            Next::Done => None,
        }
    }

    /// Reads the answer to the request [`SnapshotListAll::next_request`] gave.
    pub fn receive<B: AsRef<[u8]>>(
        &mut self,
        api: &Api,
        response: &Response<B>,
    ) -> Result<(), ApiError> {
        let page = api.decode(&self.endpoint, response)?;
        for snapshot in page.results {
            // Items can shift between pages while paging; keep each snapshot once.
            if self.seen_ids.insert(snapshot.id) {
                self.snapshots.push(snapshot);
            }
        }
        self.next = match page.next {
            None => Next::Done,
            Some(url) => {
                let bad = |reason: String| ApiError::undecodable(200, reason, url.as_bytes());
                let url = resolve(api, &url)
                    .ok_or_else(|| bad("the next page is not on the API's origin".to_owned()))?;
                if self.visited.len() + 1 >= Self::MAX_PAGES {
                    return Err(bad(format!("more than {} pages", Self::MAX_PAGES)));
                }
                if !self.visited.insert(url.clone()) {
                    return Err(bad("the next page links back to an earlier one".to_owned()));
                }
                Next::Url(url)
            }
        };
        Ok(())
    }

    /// Every snapshot received, in the order the service gave them.
    pub fn into_snapshots(self) -> Vec<Snapshot> {
        self.snapshots
    }
}

/// The URL to request for a `next` link, or `None` if following it could leak the token.
fn resolve(api: &Api, next: &str) -> Option<String> {
    let uri: Uri = next.parse().ok()?;
    let path = uri.path_and_query()?.as_str();
    if !path.starts_with('/') {
        return None;
    }
    let next_origin = match (uri.scheme_str(), uri.authority()) {
        (Some(scheme @ ("http" | "https")), Some(authority)) => {
            Some(format!("{scheme}://{authority}"))
        }
        (None, None) => None,
        _ => return None,
    };
    match (api.base_url().origin(), next_origin) {
        // Absolute base: an absolute next must be on the same origin.
        (Some(base), Some(next)) if base == next => Some(format!("{base}{path}")),
        (Some(_), Some(_)) => None,
        (Some(base), None) => Some(format!("{base}{path}")),
        // Relative base (same-origin console): keep only the path, so the request stays on
        // the console's own origin whatever host the link names.
        (None, _) => Some(path.to_owned()),
    }
}
