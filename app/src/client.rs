//! Calls: the core builds the request, [`crate::transport`] sends it, the core decodes it.
//! A 401 signs the session out here, once, whichever call got it.

use leptos::prelude::*;
use snapshot_api::endpoints::SnapshotList;
use std::time::Duration;

use snapshot_api::{retry, Api, ApiError, Endpoint, Snapshot, SnapshotListAll};

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

    /// Every snapshot `list` selects, following `next` pages. Each page is a read, so a
    /// transient failure is retried by the core's rule, with jitter added here.
    pub async fn snapshot_list(&self, list: SnapshotList) -> Result<Vec<Snapshot>, ApiError> {
        let (api, token) = self.api()?;
        let mut all = SnapshotListAll::new(list);
        let result = async {
            // A failed page leaves the paginator where it was: its next request is the retry.
            let mut attempt = 0;
            while let Some(request) = all.next_request(&api) {
                let outcome = match transport::send(request).await {
                    Ok(response) => all.receive(&api, &response),
                    Err(e) => Err(e),
                };
                let Err(error) = outcome else {
                    attempt = 0;
                    continue;
                };
                attempt += 1;
                let wait = retry::retry_delay(&error, attempt, SnapshotList::IDEMPOTENT, now())
                    .ok_or(error)?;
                let jitter = Duration::from_millis((js_sys::Math::random() * 250.0) as u64);
                gloo_timers::future::sleep(wait + jitter).await;
            }
            Ok(())
        }
        .await;
        self.after(&token, result.map(|()| all.into_snapshots()))
    }
}

fn now() -> time::OffsetDateTime {
    let nanos = (js_sys::Date::now() * 1e6) as i128;
    time::OffsetDateTime::from_unix_timestamp_nanos(nanos)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}
