//! reqwest as the transport for the core's requests: what a native client of the API does.

use snapshot_api::{Api, ApiError, Endpoint};

/// Sends `request` and collects the whole answer.
pub async fn send(
    client: &reqwest::Client,
    request: http::Request<Vec<u8>>,
) -> Result<http::Response<Vec<u8>>, ApiError> {
    let transport = |e: reqwest::Error| ApiError::Transport {
        message: e.to_string(),
    };
    let request = reqwest::Request::try_from(request).map_err(transport)?;
    let response = client.execute(request).await.map_err(transport)?;
    let mut out = http::Response::builder().status(response.status());
    for (name, value) in response.headers() {
        out = out.header(name, value);
    }
    let body = response.bytes().await.map_err(transport)?;
    out.body(body.to_vec()).map_err(|e| ApiError::Transport {
        message: e.to_string(),
    })
}

/// Builds, sends and decodes one call; also returns the HTTP status, if one came.
pub async fn call<E: Endpoint>(
    client: &reqwest::Client,
    api: &Api,
    endpoint: &E,
) -> (Option<u16>, Result<E::Output, ApiError>) {
    let request = match api.request(endpoint) {
        Ok(request) => request,
        Err(e) => return (None, Err(e)),
    };
    match send(client, request).await {
        Ok(response) => (
            Some(response.status().as_u16()),
            api.decode(endpoint, &response),
        ),
        Err(e) => (None, Err(e)),
    }
}
