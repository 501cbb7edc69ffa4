//! The API's four operations and where each is routed: one table that the router registers
//! the handlers from and that fault injection reads to know which operation a request is for.

use axum::http::Method;
use serde::Deserialize;

/// The four operations, named as everywhere in the project (hence the shared prefix).
#[allow(clippy::enum_variant_names)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Operation {
    SnapshotList,
    SnapshotCreate,
    SnapshotRestore,
    SnapshotDelete,
}

/// Where the API router is nested in the app.
pub const API_PREFIX: &str = "/api";

/// One operation's method and path (inside the API router).
pub struct Route {
    pub operation: Operation,
    pub method: Method,
    pub path: &'static str,
}

pub static ROUTES: [Route; 4] = [
    Route {
        operation: Operation::SnapshotList,
        method: Method::GET,
        path: "/v1/snapshots/",
    },
    Route {
        operation: Operation::SnapshotCreate,
        method: Method::POST,
        path: "/v1/snapshots/",
    },
    Route {
        operation: Operation::SnapshotRestore,
        method: Method::POST,
        path: "/v1/snapshots/{snapshot_id}/restore/",
    },
    Route {
        operation: Operation::SnapshotDelete,
        method: Method::DELETE,
        path: "/v1/snapshots/{snapshot_id}/",
    },
];

impl Operation {
    /// The operation the router matched: `matched` is the route's own path template (axum's
    /// `MatchedPath`, with the `/api` prefix), so an unknown path or method is never one.
    pub fn routed(method: &Method, matched: &str) -> Option<Self> {
        let path = matched.strip_prefix(API_PREFIX)?;
        ROUTES
            .iter()
            .find(|route| route.method == method && route.path == path)
            .map(|route| route.operation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_routed_method_and_template_is_an_operation() {
        let delete = "/api/v1/snapshots/{snapshot_id}/";
        assert_eq!(
            Operation::routed(&Method::DELETE, delete),
            Some(Operation::SnapshotDelete)
        );
        assert_eq!(Operation::routed(&Method::GET, delete), None);
        assert_eq!(
            Operation::routed(&Method::DELETE, "/api/v1/snapshots/"),
            None
        );
        assert_eq!(
            Operation::routed(&Method::DELETE, "/api/v1/snapshots/801/"),
            None
        );
    }
}
