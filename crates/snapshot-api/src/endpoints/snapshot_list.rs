use http::Method;

use crate::endpoint::{from_json, DecodeError};
use crate::{Endpoint, ServerId, SnapshotPage};

/// `GET /snapshots/[?server_id=N]`: one page of snapshots, optionally of one server. Use
/// [`crate::SnapshotListAll`] to get every page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SnapshotList {
    /// Only this server's snapshots.
    pub server_id: Option<ServerId>,
}

impl SnapshotList {
    /// Every snapshot on the account.
    pub fn all() -> Self {
        Self { server_id: None }
    }

    /// One server's snapshots.
    pub fn for_server(server_id: ServerId) -> Self {
        Self {
            server_id: Some(server_id),
        }
    }
}

impl Endpoint for SnapshotList {
    type Output = SnapshotPage;
    const IDEMPOTENT: bool = true;

    fn method(&self) -> Method {
        Method::GET
    }

    fn path(&self) -> String {
        match self.server_id {
            Some(id) => format!("/snapshots/?server_id={id}"),
            None => "/snapshots/".to_owned(),
        }
    }

    fn decode_success(&self, body: &[u8]) -> Result<SnapshotPage, DecodeError> {
        from_json(body)
    }
}
