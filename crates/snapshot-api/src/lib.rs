//! The platform-neutral core of the VPS.org Snapshot API.
//!
//! It is *sans-IO*: an endpoint is a value, [`Api::request`] turns it into a plain
//! [`http::Request`], and [`Api::decode`] turns the `(status, headers, body)` that came back
//! into the endpoint's typed output or an [`ApiError`]. Sending the bytes is the caller's job
//! (gloo-net in the browser console, hyper/reqwest natively, an in-process router in tests),
//! so the same code runs in `wasm32-unknown-unknown` and natively. [`client`] holds the loop
//! around them, written once: send, decode, follow pages, retry reads, given an
//! [`HttpClient`] that does the IO.
//!
//! ```
//! use snapshot_api::{Api, BaseUrl, BearerToken, ServerId};
//! use snapshot_api::endpoints::SnapshotList;
//!
//! let api = Api::new(BaseUrl::parse("https://admin.vps.org/api/v1")?, BearerToken::parse("secret")?);
//! let request = api.request(&SnapshotList::for_server(ServerId::new(12345)?))?;
//! assert_eq!(request.uri(), "https://admin.vps.org/api/v1/snapshots/?server_id=12345");
//! assert_eq!(request.headers()["authorization"], "Bearer secret");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod api;
mod base_url;
pub mod client;
mod datetime;
mod endpoint;
pub mod endpoints;
mod error;
mod error_body;
pub mod export;
mod ids;
mod invalid;
mod json_path;
mod model;
mod name;
mod order;
mod paging;
pub mod retry;
pub mod rules;
pub mod snippet;
mod status;
mod token;
mod url_parser;

pub use api::Api;
pub use base_url::BaseUrl;
pub use client::HttpClient;
pub use endpoint::{DecodeError, Endpoint};
pub use error::{ApiError, RetryAfter};
pub use error_body::ErrorBody;
pub use ids::{ServerId, SnapshotId};
pub use invalid::InvalidInput;
pub use model::{
    RestoreAccepted, RestoredServer, RestoredSnapshot, ServerRef, Snapshot, SnapshotCreated,
    SnapshotPage,
};
pub use name::{Description, ShownChar, SnapshotName};
pub use order::positions_by;
pub use paging::SnapshotListAll;
pub use snippet::{snippet, snippet_from_parts, SnippetLanguage};
pub use status::{ServerStatus, SnapshotStatus};
pub use token::BearerToken;
#[cfg(feature = "url")]
pub use url_parser::WhatwgUrl;
pub use url_parser::{ParsedUrl, UrlParser};
