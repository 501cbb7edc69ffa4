use std::collections::BTreeMap;

use http::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::endpoint::{from_json, DecodeError};
use crate::{Description, Endpoint, ServerId, SnapshotCreated, SnapshotName};

/// A field of a create's body, as the API names it in the body and in its `400` errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// `server_id`
    ServerId,
    /// `name`
    Name,
    /// `description`
    Description,
}

impl Field {
    /// Every field, in the body's order.
    pub const ALL: [Field; 3] = [Field::ServerId, Field::Name, Field::Description];

    /// The field's name in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::ServerId => "server_id",
            Field::Name => "name",
            Field::Description => "description",
        }
    }

    /// The field a JSON name stands for, if it is one of a create's.
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

/// The body of a create: every field already valid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotCreateBody {
    /// The server to snapshot.
    pub server_id: ServerId,
    /// The new snapshot's name.
    pub name: SnapshotName,
    /// An optional note; left out of the JSON when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Description>,
}

impl SnapshotCreateBody {
    /// Checks a parsed JSON body field by field, as the service does, collecting a message per
    /// bad field in the DRF shape (`{"name": ["..."]}`). The simulator answers creates with it,
    /// so it and the console share one set of rules and messages.
    pub fn from_value(body: &Value) -> Result<Self, BTreeMap<String, Vec<String>>> {
        let mut errors = BTreeMap::new();
        let mut fail = |field: &str, message: String| {
            errors.insert(field.to_owned(), vec![message]);
        };
        let Value::Object(object) = body else {
            fail(
                "non_field_errors",
                "Invalid data. Expected a dictionary of fields.".to_owned(),
            );
            return Err(errors);
        };
        const REQUIRED: &str = "This field is required.";
        let server_id = match object.get(Field::ServerId.as_str()) {
            None | Some(Value::Null) => Err(REQUIRED.to_owned()),
            Some(Value::Number(n)) => n.as_u64().map(ServerId::new).map_or_else(
                || Err("Enter a server ID: a whole number from 1 up.".to_owned()),
                |id| id.map_err(|e| e.to_string()),
            ),
            Some(_) => Err("A valid integer is required.".to_owned()),
        }
        .map_err(|m| fail(Field::ServerId.as_str(), m));
        let name = match object.get(Field::Name.as_str()) {
            None | Some(Value::Null) => Err(REQUIRED.to_owned()),
            Some(Value::String(s)) => SnapshotName::parse(s).map_err(|e| e.to_string()),
            Some(_) => Err("Not a valid string.".to_owned()),
        }
        .map_err(|m| fail(Field::Name.as_str(), m));
        let description = match object.get(Field::Description.as_str()) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Description::parse(s).map(Some).map_err(|e| e.to_string()),
            Some(_) => Err("Not a valid string.".to_owned()),
        }
        .map_err(|m| fail(Field::Description.as_str(), m));
        match (server_id, name, description) {
            (Ok(server_id), Ok(name), Ok(description)) => Ok(Self {
                server_id,
                name,
                description,
            }),
            _ => Err(errors),
        }
    }
}

/// `POST /snapshots/`: starts creating a snapshot; it comes back `in_progress`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotCreate {
    /// What to create.
    pub body: SnapshotCreateBody,
}

impl SnapshotCreate {
    /// A create of `name` on `server_id`.
    pub fn new(server_id: ServerId, name: SnapshotName, description: Option<Description>) -> Self {
        Self {
            body: SnapshotCreateBody {
                server_id,
                name,
                description,
            },
        }
    }
}

impl Endpoint for SnapshotCreate {
    type Output = SnapshotCreated;
    const IDEMPOTENT: bool = false;

    fn method(&self) -> Method {
        Method::POST
    }

    fn path(&self) -> String {
        "/snapshots/".to_owned()
    }

    fn body(&self) -> Option<Vec<u8>> {
        serde_json::to_vec(&self.body).ok()
    }

    fn decode_success(&self, body: &[u8]) -> Result<SnapshotCreated, DecodeError> {
        /// The field the answer has beside the snapshot's own.
        #[derive(Deserialize)]
        struct Message {
            #[serde(default)]
            message: Option<String>,
        }
        // The same body read twice: as the snapshot (other fields ignored), then its message.
        let snapshot = from_json(body)?;
        let Message { message } = from_json(body)?;
        Ok(SnapshotCreated { snapshot, message })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(json: &str) -> Result<SnapshotCreateBody, BTreeMap<String, Vec<String>>> {
        SnapshotCreateBody::from_value(&serde_json::from_str(json).unwrap())
    }

    #[test]
    fn from_value_reports_every_bad_field() {
        let errors = from(r#"{"name": "a b", "description": 5}"#).unwrap_err();
        assert_eq!(errors["server_id"], ["This field is required."]);
        assert!(errors["name"][0].contains("a space is not allowed"));
        assert_eq!(errors["description"], ["Not a valid string."]);
        let errors = from("[1]").unwrap_err();
        assert_eq!(
            errors["non_field_errors"],
            ["Invalid data. Expected a dictionary of fields."]
        );
        let errors = from(r#"{"server_id": 0, "name": "x"}"#).unwrap_err();
        assert!(errors["server_id"][0].contains("whole number"));
    }

    #[test]
    fn from_value_accepts_the_pages_example() {
        let body = r#"{"server_id": 12345, "name": "before-update-snapshot", "description": "Snapshot before system update"}"#;
        let parsed = from(body).unwrap();
        assert_eq!(parsed.server_id.get(), 12345);
        assert_eq!(parsed.name.as_str(), "before-update-snapshot");
    }
}
