use http::{Method, Request, Response};

use crate::endpoints::SnapshotList;
use crate::{positions_by, Api, ApiError, ParsedUrl, Snapshot};

/// Follows `next` links until a snapshot list is whole, without doing any IO itself:
///
/// ```
/// # use snapshot_api::{Api, ApiError, BaseUrl, BearerToken, SnapshotListAll};
/// # use snapshot_api::endpoints::SnapshotList;
/// # fn send(_: http::Request<Vec<u8>>) -> http::Response<Vec<u8>> {
/// #     http::Response::new(br#"{"count": 0, "results": []}"#.to_vec())
/// # }
/// # let api = Api::new(BaseUrl::parse("https://admin.vps.org/api/v1").unwrap(), BearerToken::parse("t").unwrap());
/// let mut all = SnapshotListAll::new(SnapshotList::all());
/// while let Some(request) = all.next_request(&api) {
///     all.receive(&api, &send(request?))?;
/// }
/// let snapshots = all.into_snapshots();
/// # Ok::<(), ApiError>(())
/// ```
///
/// A `next` URL is resolved with the WHATWG URL parser against the page that named it, and
/// followed only on the base URL's own origin, so the token is never sent elsewhere; a link
/// longer than [`SnapshotListAll::MAX_NEXT_BYTES`], a loop or more than
/// [`SnapshotListAll::MAX_PAGES`] pages is an error.
#[derive(Debug)]
pub struct SnapshotListAll {
    endpoint: SnapshotList,
    next: Next,
    /// Pages followed, at most [`SnapshotListAll::MAX_PAGES`], kept sorted for a binary
    /// search: a hash set's code would cost the console's wasm more.
    visited: Vec<String>,
    snapshots: Vec<Snapshot>,
}

#[derive(Debug)]
enum Next {
    First,
    Url(ParsedUrl),
    Done,
}

impl SnapshotListAll {
    /// The most pages followed before giving up.
    pub const MAX_PAGES: usize = 1000;

    /// The longest `next` link followed. Real ones are a few hundred bytes; a huge one is a
    /// broken or hostile answer.
    pub const MAX_NEXT_BYTES: usize = 4096;

    /// Starts listing what `endpoint` selects.
    pub fn new(endpoint: SnapshotList) -> Self {
        Self {
            endpoint,
            next: Next::First,
            visited: Vec::new(),
            snapshots: Vec::new(),
        }
    }

    /// The request to send next, or `None` once the list is whole.
    pub fn next_request(&self, api: &Api) -> Option<Result<Request<Vec<u8>>, ApiError>> {
        match &self.next {
            Next::First => Some(api.request(&self.endpoint)),
            Next::Url(url) => Some(api.request_to(Method::GET, url, None)),
            Next::Done => None,
        }
    }

    /// The URL of the page last asked for, against which a relative `next` resolves.
    fn current_url(&self, api: &Api) -> Result<ParsedUrl, ApiError> {
        match &self.next {
            Next::Url(url) => Ok(url.clone()),
            _ => api.endpoint_url(&self.endpoint),
        }
    }

    /// Reads the answer to the request [`SnapshotListAll::next_request`] gave.
    pub fn receive<B: AsRef<[u8]>>(
        &mut self,
        api: &Api,
        response: &Response<B>,
    ) -> Result<(), ApiError> {
        let page = api.decode(&self.endpoint, response)?;
        let mut results = page.results;
        if self.snapshots.is_empty() {
            // The first page's vector is kept, not copied: a 5,000-snapshot list then never
            // needs two copies in memory (the console's wasm memory only grows).
            self.snapshots = results;
        } else {
            self.snapshots.append(&mut results);
        }
        let next = match page.next {
            None => Next::Done,
            Some(link) => {
                let bad = |reason: String| api.undecodable(200, reason, link.as_bytes());
                let url = resolve(api, &self.current_url(api)?, &link).map_err(bad)?;
                if self.visited.len() + 1 >= Self::MAX_PAGES {
                    return Err(bad(format!("more than {} pages", Self::MAX_PAGES)));
                }
                match self
                    .visited
                    .binary_search_by(|page| page.as_str().cmp(url.without_hash()))
                {
                    Ok(_) => {
                        return Err(bad("the next page links back to an earlier one".to_owned()))
                    }
                    Err(at) => self.visited.insert(at, url.without_hash().to_owned()),
                }
                Next::Url(url)
            }
        };
        self.next = next;
        Ok(())
    }

    /// Every snapshot received, in the order the service gave them. Items can shift between
    /// pages while paging, so a snapshot given twice is kept where it came first.
    pub fn into_snapshots(mut self) -> Vec<Snapshot> {
        let snapshots = &self.snapshots;
        // One stable sort by id, O(n log n) even for a hostile run of pages: of equal ids,
        // the first position comes first.
        let order = positions_by(snapshots.len(), &|a, b| {
            snapshots[a].id.cmp(&snapshots[b].id)
        });
        let mut keep = vec![true; snapshots.len()];
        for pair in order.windows(2) {
            if snapshots[pair[0]].id == snapshots[pair[1]].id {
                keep[pair[1]] = false;
            }
        }
        let mut keep = keep.into_iter();
        self.snapshots.retain(|_| keep.next().unwrap_or(true));
        self.snapshots
    }
}

/// The URL to request for a `next` link named by the page at `current`, or why following it
/// could leak the token.
fn resolve(api: &Api, current: &ParsedUrl, next: &str) -> Result<ParsedUrl, String> {
    if next.len() > SnapshotListAll::MAX_NEXT_BYTES {
        return Err(format!(
            "the next page link is longer than {} bytes",
            SnapshotListAll::MAX_NEXT_BYTES
        ));
    }
    let base = api.base_url();
    let url = base
        .resolve(next, &current.href)
        .ok_or_else(|| "the next page link is not a URL".to_owned())?;
    match base.refuse_token_for(&url) {
        Some(reason) => Err(format!("the next page link is refused: {reason}")),
        None => Ok(url),
    }
}
