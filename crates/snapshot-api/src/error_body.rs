use std::collections::BTreeMap;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

/// A Django REST Framework error body, the shape this API's list format implies:
/// `{"detail": "..."}`, `{"field": ["message", ...]}` and `{"non_field_errors": [...]}`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorBody {
    /// The `detail` message, used for 401, 404 and most non-field 400s.
    pub detail: Option<String>,
    /// Messages per request field (`name`, `server_id`, ...).
    pub fields: BTreeMap<String, Vec<String>>,
    /// Messages that concern the request as a whole.
    pub non_field_errors: Vec<String>,
}

impl ErrorBody {
    /// A body with only `detail`.
    pub fn detail(message: impl Into<String>) -> Self {
        Self {
            detail: Some(message.into()),
            ..Self::default()
        }
    }

    /// Reads a DRF error body; `None` when `body` is not a JSON object. Values of unexpected
    /// shapes are kept as text rather than refused, so no message is lost.
    pub fn parse(body: &[u8]) -> Option<Self> {
        let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
            return None;
        };
        let mut out = Self::default();
        for (key, value) in map {
            let messages = messages(value);
            match key.as_str() {
                "detail" => out.detail = Some(messages.join(" ")),
                "non_field_errors" => out.non_field_errors = messages,
                _ => {
                    out.fields.insert(key, messages);
                }
            }
        }
        Some(out)
    }

    /// Whether nothing at all was said.
    pub fn is_empty(&self) -> bool {
        self.detail.is_none() && self.fields.is_empty() && self.non_field_errors.is_empty()
    }
}

fn messages(value: Value) -> Vec<String> {
    let mut out = Vec::new();
    collect(value, &mut out);
    out
}

/// Into one accumulator: iterator adapters over a recursive function made more wasm.
fn collect(value: Value, out: &mut Vec<String>) {
    match value {
        Value::String(text) => out.push(text),
        Value::Array(items) => {
            for item in items {
                collect(item, out);
            }
        }
        // A nested serializer's errors: the messages, whatever their keys. (Not the object's
        // JSON text: that would bring a JSON writer into the console for one odd case.)
        Value::Object(map) => {
            for (_, item) in map {
                collect(item, out);
            }
        }
        Value::Null => {}
        Value::Bool(b) => out.push(b.to_string()),
        Value::Number(n) => out.push(n.to_string()),
    }
}

impl Serialize for ErrorBody {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(detail) = &self.detail {
            map.serialize_entry("detail", detail)?;
        }
        for (field, messages) in &self.fields {
            map.serialize_entry(field, messages)?;
        }
        if !self.non_field_errors.is_empty() {
            map.serialize_entry("non_field_errors", &self.non_field_errors)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_drf_shape() {
        let body = br#"{"name": ["Bad name."], "server_id": "Required.", "non_field_errors": ["x"], "detail": "d"}"#;
        let parsed = ErrorBody::parse(body).unwrap();
        assert_eq!(parsed.detail.as_deref(), Some("d"));
        assert_eq!(parsed.fields["name"], ["Bad name."]);
        assert_eq!(parsed.fields["server_id"], ["Required."]);
        assert_eq!(parsed.non_field_errors, ["x"]);
        let round: ErrorBody = ErrorBody::parse(&serde_json::to_vec(&parsed).unwrap()).unwrap();
        assert_eq!(round, parsed);
    }

    #[test]
    fn nested_and_odd_messages_are_read_as_text() {
        let body = br#"{"server": {"id": ["Unknown."], "name": [null, 3, true]}}"#;
        let parsed = ErrorBody::parse(body).unwrap();
        assert_eq!(parsed.fields["server"], ["Unknown.", "3", "true"]);
    }

    #[test]
    fn non_objects_are_not_error_bodies() {
        for body in [&b"[]"[..], b"\"x\"", b"<html>", b""] {
            assert_eq!(ErrorBody::parse(body), None);
        }
    }
}
