//! Calls: the core's client loop ([`snapshot_api::client`]) builds, decodes, follows pages
//! and retries reads; [`crate::transport`] sends. A 401 signs the session out here, once,
//! whichever call got it.

use leptos::prelude::*;
use snapshot_api::endpoints::SnapshotList;
use std::time::Duration;

use snapshot_api::{client, Api, ApiError, BearerToken, Endpoint, HttpClient, Snapshot};

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
/// that fires when that token is forgotten. It is the core's [`HttpClient`] for that call.
struct Call<'a> {
    client: &'a Client,
    api: Api,
    token: BearerToken,
    cancel: web_sys::AbortSignal,
}

impl Client {
    pub fn new(config: Config, session: Session) -> Self {
        Self { config, session }
    }

    /// The element the console is mounted on.
    pub fn host(&self) -> crate::host::Host {
        self.session.host
    }

    /// The request `endpoint` would be sent as now, for "Copy as…": built by the same
    /// [`Api::request`] a call uses. `None` when signed out or it cannot be built.
    pub fn request<E: Endpoint>(&self, endpoint: &E) -> Option<http::Request<Vec<u8>>> {
        let token = self.session.token_untracked()?;
        Api::new(self.config.api_base.clone(), token)
            .request(endpoint)
            .ok()
    }

    fn start(&self) -> Result<Call<'_>, ApiError> {
        // No token: the user signed out before this call began.
        let token = self.session.token_untracked().ok_or(ApiError::Cancelled)?;
        Ok(Call {
            client: self,
            api: Api::new(self.config.api_base.clone(), token.clone()),
            token,
            cancel: self.session.cancel_signal(),
        })
    }

    fn after<T>(&self, call: &Call, result: Result<T, ApiError>) -> Result<T, ApiError> {
        match &result {
            Err(ApiError::Unauthorized { .. }) => self.session.refused(&call.token),
            Err(_) => {}
            Ok(_) => self.session.accepted(&call.token),
        }
        result
    }

    /// Sends one call. Never retried (the core's `call` is not): writes must not be resent
    /// automatically. A write carries a fresh `Idempotency-Key` where the configuration says
    /// the API takes one, so a POST the browser itself resends is done once.
    ///
    /// A refused token is renewed from the host as a read's is, but the write is not resent:
    /// it fails, and the user, still signed in, tries again with the fresh token.
    pub async fn call<E: Endpoint>(&self, endpoint: &E) -> Result<E::Output, ApiError> {
        let call = self.start()?;
        let result = client::call(&call.api, &call, endpoint).await;
        if matches!(result, Err(ApiError::Unauthorized { .. }))
            && self.session.renew(&call.token).await.is_some()
        {
            return result;
        }
        self.after(&call, result)
    }

    /// Every snapshot `list` selects, following `next` pages. Each page is a read, so a
    /// transient failure is retried by the core's rule, with jitter added here. Signing out
    /// stops it: the request in flight is aborted, and no page or retry follows.
    ///
    /// A token the API refuses is renewed once from the host, where it hands tokens over
    /// (`getToken`), and the read tried again with the fresh one.
    pub async fn snapshot_list(&self, list: SnapshotList) -> Result<Vec<Snapshot>, ApiError> {
        // One call site in a loop, not two: each site would be a copy of the whole paging
        // loop in the wasm.
        let mut renewed = false;
        loop {
            let call = self.start()?;
            let result = client::snapshot_list(&call.api, &call, list.clone()).await;
            if !renewed
                && matches!(result, Err(ApiError::Unauthorized { .. }))
                && self.session.renew(&call.token).await.is_some()
            {
                renewed = true;
                continue;
            }
            return self.after(&call, result);
        }
    }
}

impl HttpClient for Call<'_> {
    /// Sends `request`, unless the call's token was forgotten meanwhile: checked before
    /// every send, so before every retry too.
    async fn send(
        &self,
        mut request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, ApiError> {
        if self.cancel.aborted() || !self.client.session.is_current(&self.token) {
            // Signed out: the call ends here, as it does when the transport is aborted.
            return Err(ApiError::Cancelled);
        }
        // The method says what the endpoint's IDEMPOTENT does (POST for create and restore);
        // the core checks the two agree.
        if !request.method().is_idempotent() && self.client.config.idempotency_keys {
            request.headers_mut().insert(IDEMPOTENCY_KEY, fresh_key()?);
        }
        // A signed-in tab's first list read may be under way already (index.html).
        if let Some(early) = transport::take_early(&request).await {
            return early;
        }
        transport::send(request, &self.cancel).await
    }

    /// Waits `wait` plus 0–250 ms, so consoles that failed together do not retry together.
    async fn sleep(&self, wait: Duration) {
        let jitter = Duration::from_millis((js_sys::Math::random() * 250.0) as u64);
        gloo_timers::future::sleep(wait + jitter).await;
    }

    /// To the second, as a `Retry-After` date is (nanoseconds would be an i128, whose
    /// division is code of its own in the wasm).
    fn now(&self) -> time::OffsetDateTime {
        let seconds = (js_sys::Date::now() / 1000.0) as i64;
        time::OffsetDateTime::from_unix_timestamp(seconds)
            .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
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
