//! reqwest as the core's [`HttpClient`]: what a native client of the API does.

use std::sync::Mutex;
use std::time::Duration;

use snapshot_api::{client, Api, ApiError, Endpoint, HttpClient};

/// reqwest sending for the core's client loop, keeping the status of the last answer: the
/// runs count answers by status, which the decoded result does not say (200 or 201?).
pub struct Reqwest<'a> {
    client: &'a reqwest::Client,
    last_status: Mutex<Option<u16>>,
}

impl<'a> Reqwest<'a> {
    /// Sends with `client`; no answer yet.
    pub fn new(client: &'a reqwest::Client) -> Self {
        Self {
            client,
            last_status: Mutex::new(None),
        }
    }

    /// The HTTP status of the last answer, if one came.
    pub fn last_status(&self) -> Option<u16> {
        *self.last_status.lock().expect("status lock")
    }
}

impl HttpClient for Reqwest<'_> {
    /// Sends `request` and collects the whole answer.
    async fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, ApiError> {
        let transport = |e: reqwest::Error| ApiError::Transport {
            message: e.to_string(),
        };
        *self.last_status.lock().expect("status lock") = None;
        let request = reqwest::Request::try_from(request).map_err(transport)?;
        let response = self.client.execute(request).await.map_err(transport)?;
        let mut out = http::Response::builder().status(response.status());
        for (name, value) in response.headers() {
            out = out.header(name, value);
        }
        let body = response.bytes().await.map_err(transport)?;
        let response = out.body(body.to_vec()).map_err(|e| ApiError::Transport {
            message: e.to_string(),
        })?;
        // Only a whole answer counts: a body cut off by a kill is no answer.
        *self.last_status.lock().expect("status lock") = Some(response.status().as_u16());
        Ok(response)
    }

    /// Waits without jitter: the runs are single processes, not a crowd of consoles.
    async fn sleep(&self, wait: Duration) {
        tokio::time::sleep(wait).await;
    }

    fn now(&self) -> time::OffsetDateTime {
        time::OffsetDateTime::now_utc()
    }
}

/// Builds, sends and decodes one call (never retried); also returns the HTTP status, if a
/// whole answer came.
pub async fn call<E: Endpoint>(
    client: &reqwest::Client,
    api: &Api,
    endpoint: &E,
) -> (Option<u16>, Result<E::Output, ApiError>) {
    let http = Reqwest::new(client);
    let result = client::call(api, &http, endpoint).await;
    (http.last_status(), result)
}
