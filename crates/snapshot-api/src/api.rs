use http::{header, HeaderMap, HeaderValue, Method, Request, Response, StatusCode, Uri};

use crate::{ApiError, BaseUrl, BearerToken, Endpoint, ParsedUrl};

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
    /// `Accept: application/json`. An error, never a request elsewhere, if its URL cannot be
    /// built on the base URL's origin.
    pub fn request<E: Endpoint>(&self, endpoint: &E) -> Result<Request<Vec<u8>>, ApiError> {
        let url = self.endpoint_url(endpoint)?;
        self.request_to(endpoint.method(), &url, endpoint.body())
    }

    /// The absolute URL of `endpoint`.
    pub(crate) fn endpoint_url<E: Endpoint>(&self, endpoint: &E) -> Result<ParsedUrl, ApiError> {
        self.base_url
            .join(&endpoint.path())
            .ok_or_else(|| ApiError::InvalidUrl {
                reason: "the endpoint's URL cannot be read".to_owned(),
            })
    }

    /// A request to `url`, which must be on the base URL's origin: the one check every URL
    /// the token is sent to goes through.
    pub(crate) fn request_to(
        &self,
        method: Method,
        url: &ParsedUrl,
        body: Option<Vec<u8>>,
    ) -> Result<Request<Vec<u8>>, ApiError> {
        let invalid = |reason: &str| ApiError::InvalidUrl {
            reason: reason.to_owned(),
        };
        if let Some(reason) = self.base_url.refuse_token_for(url) {
            return Err(invalid(reason));
        }
        let uri = Uri::try_from(url.without_hash()).map_err(|e| invalid(&e.to_string()))?;
        let auth = HeaderValue::try_from(format!("Bearer {}", self.token.secret()))
            .map_err(|_| invalid("the token cannot go in a header"))?;
        let json = HeaderValue::from_static("application/json");
        let mut request = Request::new(body.unwrap_or_default());
        *request.method_mut() = method;
        *request.uri_mut() = uri;
        let headers = request.headers_mut();
        headers.insert(header::AUTHORIZATION, auth);
        headers.insert(header::CONTENT_TYPE, json.clone());
        headers.insert(header::ACCEPT, json);
        Ok(request)
    }

    /// Reads the answer to `endpoint`: its output for a 2xx, otherwise the [`ApiError`] that
    /// says what went wrong. Never panics, whatever the body; never puts the token in an error.
    pub fn decode<E: Endpoint, B: AsRef<[u8]>>(
        &self,
        endpoint: &E,
        response: &Response<B>,
    ) -> Result<E::Output, ApiError> {
        let body = response.body().as_ref();
        let status = self.check(response.status(), response.headers(), body)?;
        endpoint
            .decode_success(body)
            .map_err(|e| self.undecodable(status, e.to_string(), body))
    }

    /// What every answer goes through before its endpoint reads it: an oversized body or an
    /// error status is the [`ApiError`] it means; a success gives its status. Not generic, so
    /// it is compiled once, however many endpoints there are.
    fn check(&self, status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<u16, ApiError> {
        if body.len() > Self::MAX_RESPONSE_BYTES {
            let reason = format!("response of {} bytes is too large", body.len());
            Err(self.undecodable(status.as_u16(), reason, body))
        } else if status.is_success() {
            Ok(status.as_u16())
        } else {
            let error = ApiError::from_status(status, headers, body, self.token.secret());
            Err(self.redact(error))
        }
    }

    /// `error` with the token taken out: for errors made by a transport, which the core has
    /// not seen before.
    pub(crate) fn redact(&self, error: ApiError) -> ApiError {
        error.redact(self.token.secret())
    }

    /// An [`ApiError::Undecodable`] about `body`, with the token taken out.
    pub(crate) fn undecodable(&self, status: u16, reason: String, body: &[u8]) -> ApiError {
        ApiError::undecodable(status, reason, body, self.token.secret())
    }
}
