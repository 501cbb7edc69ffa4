use http::Method;
use serde::de::DeserializeOwned;

/// One API operation as a value: what to send, and how to read a successful answer.
///
/// [`crate::Api::request`] adds the base URL and headers; [`crate::Api::decode`] handles sizes,
/// error statuses and redaction, then calls [`Endpoint::decode_success`] for a 2xx.
pub trait Endpoint {
    /// What a successful call gives.
    type Output;

    /// Whether sending the request twice is harmless. Only such requests may be retried
    /// automatically; a create or restore whose answer was lost must be checked, not resent.
    const IDEMPOTENT: bool;

    /// The HTTP method.
    fn method(&self) -> Method;

    /// The path and query below the base URL, starting with `/` and ending the path with `/`
    /// as the service's URLs do.
    fn path(&self) -> String;

    /// The JSON body, if the operation has one.
    fn body(&self) -> Option<Vec<u8>> {
        None
    }

    /// Reads a 2xx body.
    fn decode_success(&self, body: &[u8]) -> Result<Self::Output, DecodeError>;
}

pub use crate::json_path::DecodeError;

/// Reads a JSON body as `T`; an error names the path of the field it is about.
pub(crate) fn from_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, DecodeError> {
    serde_json::from_slice(body).map_err(|e| DecodeError::new(body, e))
}
