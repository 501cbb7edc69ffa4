use http::{header, HeaderValue, Method, Request, Response};

use crate::{ApiError, BaseUrl, BearerToken, Endpoint};

/// Where to send requests and with which token: everything a call needs besides the
/// endpoint itself. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Api {
    base_url: BaseUrl,
    token: BearerToken,
}

impl Api {
    /// Responses larger than this are refused unread (a full list of 10,000 snapshots is
    /// about 3 MB).
    pub const MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;

    /// An API at `base_url`, called with `token`.
    pub fn new(base_url: BaseUrl, token: BearerToken) -> Self {
        Self { base_url, token }
    }

    /// The base URL.
    pub fn base_url(&self) -> &BaseUrl {
        &self.base_url
    }

    /// The request for `endpoint`, with `Authorization: Bearer …`, `Content-Type` and
    /// `Accept: application/json`.
    pub fn request<E: Endpoint>(&self, endpoint: &E) -> Request<Vec<u8>> {
        let url = self.base_url.join(&endpoint.path());
        self.request_to(endpoint.method(), &url, endpoint.body())
    }

    pub(crate) fn request_to(
        &self,
        method: Method,
        url: &str,
        body: Option<Vec<u8>>,
    ) -> Request<Vec<u8>> {
        let json = HeaderValue::from_static("application/json");
        let mut request = Request::new(body.unwrap_or_default());
        *request.method_mut() = method;
        // The base URL and token were validated on construction, and paths are built from
        // numbers, so these conversions cannot fail; a fallback keeps this free of panics.
        *request.uri_mut() = url.parse().unwrap_or_default();
        let headers = request.headers_mut();
        if let Ok(auth) = HeaderValue::from_str(&format!("Bearer {}", self.token.secret())) {
            headers.insert(header::AUTHORIZATION, auth);
        }
        headers.insert(header::CONTENT_TYPE, json.clone());
        headers.insert(header::ACCEPT, json);
        request
    }

    /// Reads the answer to `endpoint`: its output for a 2xx, otherwise the [`ApiError`] that
    /// says what went wrong. Never panics, whatever the body; never puts the token in an error.
    pub fn decode<E: Endpoint, B: AsRef<[u8]>>(
        &self,
        endpoint: &E,
        response: &Response<B>,
    ) -> Result<E::Output, ApiError> {
        let status = response.status();
        let body = response.body().as_ref();
        let result = if body.len() > Self::MAX_RESPONSE_BYTES {
            Err(ApiError::undecodable(
                status.as_u16(),
                format!("response of {} bytes is too large", body.len()),
                body,
            ))
        } else if status.is_success() {
            endpoint
                .decode_success(body)
                .map_err(|e| ApiError::undecodable(status.as_u16(), e.to_string(), body))
        } else {
            Err(ApiError::from_status(status, response.headers(), body))
        };
        result.map_err(|e| e.redact(self.token.secret()))
    }
}
