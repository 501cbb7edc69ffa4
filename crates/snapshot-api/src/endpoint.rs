use http::Method;

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
    fn decode_success(&self, body: &[u8]) -> Result<Self::Output, serde_json::Error>;
}
