use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde::Deserialize;

/// A Django REST Framework error body, the shape this API's list format implies:
/// `{"detail": "..."}`, `{"field": ["message", ...]}` and `{"non_field_errors": [...]}`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorBody {
    /// The `detail` message, used for 401, 404 and most non-field 400s.
    pub detail: Option<String>,
    /// Messages per request field (`name`, `server_id`, ...), in the body's order. A list,
    /// not a map: it is only walked, and a map's code would be its own in the wasm.
    pub fields: Vec<(String, Vec<String>)>,
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
        let fields = serde_json::from_slice::<Fields>(body).ok()?.0;
        let mut out = Self::default();
        for (key, messages) in fields {
            match key.as_str() {
                "detail" => out.detail = Some(messages.join(" ")),
                "non_field_errors" => out.non_field_errors = messages,
                _ => out.fields.push((key, messages)),
            }
        }
        Some(out)
    }

    /// Whether nothing at all was said.
    pub fn is_empty(&self) -> bool {
        self.detail.is_none() && self.fields.is_empty() && self.non_field_errors.is_empty()
    }
}

/// A JSON object's keys, each with the messages of its value, in the body's order. Read as
/// it streams in rather than through `serde_json::Value`, whose tree and maps would be read
/// only to be flattened (and would cost the wasm about 1 KB gzip more).
struct Fields(Vec<(String, Vec<String>)>);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(FieldsVisitor)
    }
}

struct FieldsVisitor;

impl<'de> Visitor<'de> for FieldsVisitor {
    type Value = Fields;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
        let mut fields = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let mut messages = Vec::new();
            map.next_value_seed(Messages(&mut messages))?;
            fields.push((key, messages));
        }
        Ok(Fields(fields))
    }
}

/// Adds every message in a JSON value to one list: strings as they are, numbers and booleans
/// written out, lists and a nested serializer's objects flattened (their keys dropped); null
/// says nothing. Into one accumulator: collecting per level made more wasm.
struct Messages<'a>(&'a mut Vec<String>);

impl<'de> DeserializeSeed<'de> for Messages<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Messages<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("messages")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<(), E> {
        self.0.push(text.to_owned());
        Ok(())
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<(), E> {
        self.0.push(b.to_string());
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<(), E> {
        self.0.push(n.to_string());
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<(), E> {
        self.0.push(n.to_string());
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<(), E> {
        // serde_json's own writer for floats: `core`'s would bring its float formatting.
        self.0
            .extend(serde_json::Number::from_f64(n).map(|n| n.to_string()));
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<(), A::Error> {
        while items.next_element_seed(Messages(&mut *self.0))?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key::<IgnoredAny>()?.is_some() {
            map.next_value_seed(Messages(&mut *self.0))?;
        }
        Ok(())
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
        assert_eq!(parsed.fields[0], ("name".into(), vec!["Bad name.".into()]));
        assert_eq!(
            parsed.fields[1],
            ("server_id".into(), vec!["Required.".into()])
        );
        assert_eq!(parsed.non_field_errors, ["x"]);
        let round: ErrorBody = ErrorBody::parse(&serde_json::to_vec(&parsed).unwrap()).unwrap();
        assert_eq!(round, parsed);
    }

    #[test]
    fn nested_and_odd_messages_are_read_as_text() {
        let body =
            br#"{"server": {"id": ["Unknown."], "name": [null, 3, true, -2, 0.5, [["deep"]]]}}"#;
        let parsed = ErrorBody::parse(body).unwrap();
        assert_eq!(parsed.fields[0].0, "server");
        assert_eq!(
            parsed.fields[0].1,
            ["Unknown.", "3", "true", "-2", "0.5", "deep"]
        );
        // A broken body is not an error body, whatever it began with.
        assert_eq!(ErrorBody::parse(br#"{"detail": "x", "name": ["#), None);
    }

    #[test]
    fn non_objects_are_not_error_bodies() {
        for body in [&b"[]"[..], b"\"x\"", b"<html>", b""] {
            assert_eq!(ErrorBody::parse(body), None);
        }
    }
}
