//! Calls: the core builds the request, [`crate::transport`] sends it, the core decodes it.
//! A 401 signs the session out here, once, whichever call got it.

use leptos::prelude::*;
use snapshot_api::endpoints::SnapshotList;
use std::time::Duration;

use snapshot_api::{retry, Api, ApiError, BearerToken, Endpoint, Snapshot, SnapshotListAll};

use crate::config::Config;
use crate::session::Session;
use crate::transport;

/// Evaluated at compile time: a header name parsed at run time would bring http's header-name
/// parser (about 17 KB) into the bundle.
const IDEMPOTENCY_KEY: http::HeaderName = http::HeaderName::from_static("idempotency-key");

/// Everything needed to call the API; shared through context.
#[derive(Clone)]
pub struct Client {
    config: Config,
    session: Session,
}

/// What a call holds while it runs: the API with the token it started with, and the signal
/// that fires when that token is forgotten.
struct Call {
    api: Api,
    token: BearerToken,
    cancel: web_sys::AbortSignal,
}

impl Client {
    pub fn new(config: Config, session: Session) -> Self {
        Self { config, session }
    }

    fn start(&self) -> Result<Call, ApiError> {
        let token = self
            .session
            .token_untracked()
            .ok_or(ApiError::Unauthorized { detail: None })?;
        Ok(Call {
            api: Api::new(self.config.api_base.clone(), token.clone()),
            token,
            cancel: self.session.cancel_signal(),
        })
    }

    /// Sends `request` for `call`, unless its token was forgotten meanwhile.
    async fn send(
        &self,
        call: &Call,
        request: Result<http::Request<Vec<u8>>, ApiError>,
    ) -> Result<http::Response<Vec<u8>>, ApiError> {
        if call.cancel.aborted() || !self.session.is_current(&call.token) {
            // Signed out: the caller's result is dropped, and a 401 for an old token is
            // ignored by the session, so this error only ends the call.
            return Err(ApiError::Unauthorized { detail: None });
        }
        transport::send(request?, &call.cancel).await
    }

    fn after<T>(&self, call: &Call, result: Result<T, ApiError>) -> Result<T, ApiError> {
        match &result {
            Err(ApiError::Unauthorized { .. }) => self.session.refused(&call.token),
            Err(_) => {}
            Ok(_) => self.session.accepted(&call.token),
        }
        result
    }

    /// Sends one call. Never retried here: writes must not be resent automatically. A write
    /// carries a fresh `Idempotency-Key` where the configuration says the API takes one, so a
    /// POST the browser itself resends is done once.
    pub async fn call<E: Endpoint>(&self, endpoint: &E) -> Result<E::Output, ApiError> {
        let call = self.start()?;
        let mut request = call.api.request(endpoint);
        if !E::IDEMPOTENT && self.config.idempotency_keys {
            if let Ok(request) = &mut request {
                request.headers_mut().insert(IDEMPOTENCY_KEY, fresh_key()?);
            }
        }
        let result = match self.send(&call, request).await {
            Ok(response) => call.api.decode(endpoint, &response),
            Err(e) => Err(e),
        };
        self.after(&call, result)
    }

    /// Every snapshot `list` selects, following `next` pages. Each page is a read, so a
    /// transient failure is retried by the core's rule, with jitter added here. Signing out
    /// stops it: the request in flight is aborted, and no page or retry follows.
    pub async fn snapshot_list(&self, list: SnapshotList) -> Result<Vec<Snapshot>, ApiError> {
        let call = self.start()?;
        let mut all = SnapshotListAll::new(list);
        let result = async {
            // A failed page leaves the paginator where it was: its next request is the retry.
            let mut attempt = 0;
            while let Some(request) = all.next_request(&call.api) {
                let outcome = match self.send(&call, request).await {
                    Ok(response) => all.receive(&call.api, &response),
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
        self.after(&call, result.map(|()| all.into_snapshots()))
    }
}

/// A random UUID from the browser's CSPRNG, one per confirmed write.
fn fresh_key() -> Result<http::HeaderValue, ApiError> {
    window()
        .crypto()
        .ok()
        .and_then(|c| http::HeaderValue::try_from(c.random_uuid()).ok())
        .ok_or_else(|| ApiError::Transport {
            message: "no random source for an idempotency key".to_owned(),
        })
}

fn now() -> time::OffsetDateTime {
    let nanos = (js_sys::Date::now() * 1e6) as i128;
    time::OffsetDateTime::from_unix_timestamp_nanos(nanos)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}
