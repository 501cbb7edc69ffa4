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

/// Why a 2xx body could not be read: serde_json's error, and the path of the field it was
/// at, shown first (`results[3].created_at: invalid type ...`) unless it was the body as a
/// whole.
pub type DecodeError = serde_path_to_error::Error<serde_json::Error>;

/// Reads a JSON body as `T`, keeping the path to the failing field.
///
/// Success bodies are read through this only: a plain `serde_json::from_slice` of the same
/// types as well would put a second copy of their decoders in the console's wasm.
pub(crate) fn from_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, DecodeError> {
    let mut json = serde_json::Deserializer::from_slice(body);
    let mut track = serde_path_to_error::Track::new();
    let value = T::deserialize(serde_path_to_error::Deserializer::new(
        &mut json, &mut track,
    ))
    // Bytes after the value are an error, as `serde_json::from_slice` says too.
    .and_then(|value| json.end().map(|()| value));
    // After a trailing-bytes error the path is empty, so none is shown.
    value.map_err(|e| serde_path_to_error::Error::new(track.path(), e))
}
