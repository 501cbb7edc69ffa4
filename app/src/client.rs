//! Calls: the core builds the request, [`crate::transport`] sends it, the core decodes it.
//! A 401 signs the session out here, once, whichever call got it.

use leptos::prelude::*;
use snapshot_api::endpoints::SnapshotList;
use snapshot_api::{Api, ApiError, Endpoint, Snapshot, SnapshotListAll};

use crate::config::Config;
use crate::session::Session;
use crate::transport;

/// Everything needed to call the API; shared through context.
#[derive(Clone)]
pub struct Client {
    config: Config,
    session: Session,
}

impl Client {
    pub fn new(config: Config, session: Session) -> Self {
        Self { config, session }
    }

    fn api(&self) -> Result<(Api, snapshot_api::BearerToken), ApiError> {
        let token = self
            .session
            .token_untracked()
            .ok_or(ApiError::Unauthorized { detail: None })?;
        Ok((Api::new(self.config.api_base.clone(), token.clone()), token))
    }

    fn after<T>(
        &self,
        token: &snapshot_api::BearerToken,
        result: Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        match &result {
            Err(ApiError::Unauthorized { .. }) => self.session.refused(token),
            Err(_) => {}
            Ok(_) => self.session.confirmed.set(true),
        }
        result
    }

    /// Sends one call. Never retried here: writes must not be resent automatically.
    pub async fn call<E: Endpoint>(&self, endpoint: &E) -> Result<E::Output, ApiError> {
        let (api, token) = self.api()?;
        let result = match transport::send(api.request(endpoint)).await {
            Ok(response) => api.decode(endpoint, &response),
            Err(e) => Err(e),
        };
        self.after(&token, result)
    }

    /// Every snapshot `list` selects, following `next` pages.
    pub async fn snapshot_list(&self, list: SnapshotList) -> Result<Vec<Snapshot>, ApiError> {
        let (api, token) = self.api()?;
        let mut all = SnapshotListAll::new(list);
        let result = async {
            while let Some(request) = all.next_request(&api) {
                let response = transport::send(request).await?;
                all.receive(&api, &response)?;
            }
            Ok(())
        }
        .await;
        self.after(&token, result.map(|()| all.into_snapshots()))
    }
}
