//! The create form: what the user chose and typed, and what the core's rules say of it.

use snapshot_api::endpoints::SnapshotCreate;
use snapshot_api::{rules, Description, ServerId, SnapshotName};

use super::list::Model;
use super::outcome::FieldErrors;
use crate::i18n::Message;
use crate::messages;

/// The server a snapshot is for: one the console knows, or one whose ID the user types.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ServerChoice {
    Known(ServerId),
    #[default]
    Typed,
}

impl ServerChoice {
    /// The `<select>` option value that stands for typing an ID (never a valid server ID).
    pub const TYPED_VALUE: &'static str = "typed";

    /// The option value of this choice.
    pub fn value(self) -> String {
        match self {
            Self::Known(id) => id.to_string(),
            Self::Typed => Self::TYPED_VALUE.to_owned(),
        }
    }

    /// The choice an option value stands for.
    pub fn from_value(value: &str) -> Self {
        value.parse().map_or(Self::Typed, Self::Known)
    }
}

/// The form's fields as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateForm {
    pub choice: ServerChoice,
    pub typed_id: String,
    pub name: String,
    /// The name last suggested; a new suggestion replaces the name only while it is this one.
    suggested: String,
    pub description: String,
}

impl CreateForm {
    /// A fresh form for the server being looked at, else the first with room for another
    /// snapshot, else the first known, else a typed ID; its name is suggested from the server
    /// and `stamp`.
    pub fn open(model: &Model, looking_at: Option<ServerId>, stamp: &str) -> Self {
        let servers = model.servers();
        let start = looking_at.or_else(|| {
            servers
                .iter()
                .find(|s| model.count_for(s.id) < rules::MAX_SNAPSHOTS_PER_SERVER)
                .or(servers.first())
                .map(|s| s.id)
        });
        let mut form = Self {
            choice: start.map_or(ServerChoice::Typed, ServerChoice::Known),
            ..Self::default()
        };
        form.suggest(model, stamp);
        form
    }

    /// The chosen server, or why the typed ID is not one.
    pub fn server(&self) -> Result<ServerId, Message> {
        match self.choice {
            ServerChoice::Known(id) => Ok(id),
            ServerChoice::Typed => self.typed_id.parse().map_err(|e| messages::invalid(&e)),
        }
    }

    /// Suggests a name from the chosen server's name and `stamp`, unless the user wrote their
    /// own.
    pub fn suggest(&mut self, model: &Model, stamp: &str) {
        let base = self
            .server()
            .map(|id| model.server_name(id))
            .unwrap_or_default();
        let next = SnapshotName::suggest(&base, stamp).to_string();
        if self.name == self.suggested {
            self.name.clone_from(&next);
        }
        self.suggested = next;
    }

    /// Why the typed ID is not a server ID, once anything is typed.
    pub fn typed_id_error(&self) -> Option<Message> {
        let typing = self.choice == ServerChoice::Typed && !self.typed_id.is_empty();
        typing.then(|| self.server().err()).flatten()
    }

    pub fn name_error(&self) -> Option<Message> {
        SnapshotName::parse(&self.name)
            .err()
            .map(|e| messages::invalid(&e))
    }

    pub fn description_error(&self) -> Option<Message> {
        Description::parse(&self.description)
            .err()
            .map(|e| messages::invalid(&e))
    }

    /// Whether a field's own check stops the create (its message shows beside it): the same
    /// rule for a typed server ID, the name and the description.
    pub fn has_field_error(&self) -> bool {
        self.typed_id_error().is_some()
            || self.name_error().is_some()
            || self.description_error().is_some()
    }

    /// The request to send, or the messages for the fields that stop it.
    pub fn request(&self) -> Result<SnapshotCreate, FieldErrors> {
        let server = self.server();
        let name = SnapshotName::parse(&self.name);
        let description = Description::parse(&self.description);
        match (server, name, description) {
            (Ok(server), Ok(name), Ok(description)) => {
                let description = (!description.as_str().trim().is_empty()).then_some(description);
                Ok(SnapshotCreate::new(server, name, description))
            }
            (server, name, description) => Err(FieldErrors {
                server: server.err(),
                name: name.err().map(|e| messages::invalid(&e)),
                description: description.err().map(|e| messages::invalid(&e)),
                form: None,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::{server, snapshot};

    const STAMP: &str = "20250115-1830";

    fn model_with(list: Vec<snapshot_api::Snapshot>) -> Model {
        let mut model = Model::new(vec![server(99, "Server 99")]);
        let ticket = model.begin_read();
        model.finish_read(ticket, 0.0, Ok(list));
        model
    }

    fn id(n: u64) -> ServerId {
        ServerId::new(n).unwrap()
    }

    #[test]
    fn it_opens_on_the_server_looked_at_else_the_first_with_room() {
        let full: Vec<_> = (1..=5)
            .map(|i| snapshot(i, 10, &format!("n{i}"), "completed"))
            .chain([snapshot(6, 20, "x", "completed")])
            .collect();
        let model = model_with(full);
        assert_eq!(
            CreateForm::open(&model, None, STAMP).choice,
            ServerChoice::Known(id(20))
        );
        let form = CreateForm::open(&model, Some(id(10)), STAMP);
        assert_eq!(form.choice, ServerChoice::Known(id(10)));
        assert_eq!(form.name, "s10-20250115-1830");
        let empty = Model::default();
        assert_eq!(
            CreateForm::open(&empty, None, STAMP).choice,
            ServerChoice::Typed
        );
    }

    #[test]
    fn a_suggestion_never_overwrites_a_name_the_user_wrote() {
        let model = model_with(vec![snapshot(1, 10, "a", "completed")]);
        let mut form = CreateForm::open(&model, Some(id(10)), STAMP);
        form.choice = ServerChoice::Known(id(99));
        form.suggest(&model, STAMP);
        assert_eq!(form.name, "Server-99-20250115-1830");
        form.name = "mine".to_owned();
        form.choice = ServerChoice::Known(id(10));
        form.suggest(&model, STAMP);
        assert_eq!(form.name, "mine");
    }

    #[test]
    fn a_bad_typed_server_id_stops_the_create_as_a_bad_name_does() {
        let model = model_with(vec![snapshot(1, 10, "a", "completed")]);
        let mut form = CreateForm::open(&model, Some(id(10)), STAMP);
        assert!(!form.has_field_error());
        form.choice = ServerChoice::Typed;
        // Nothing typed yet: no message, and the request says the ID is missing.
        assert!(!form.has_field_error());
        form.typed_id = "web-01".to_owned();
        assert!(form.has_field_error());
        form.typed_id = "12345".to_owned();
        assert!(!form.has_field_error());
        form.name = "has space".to_owned();
        assert!(form.has_field_error());
    }

    #[test]
    fn option_values_round_trip_and_the_typed_one_is_no_server() {
        for choice in [ServerChoice::Known(id(12345)), ServerChoice::Typed] {
            assert_eq!(ServerChoice::from_value(&choice.value()), choice);
        }
        assert_eq!(ServerChoice::from_value("0"), ServerChoice::Typed);
    }

    #[test]
    fn a_typed_id_is_checked_once_typed() {
        let mut form = CreateForm::default();
        assert_eq!(form.typed_id_error(), None);
        assert!(form.request().unwrap_err().server.is_some());
        form.typed_id = "12a".to_owned();
        assert!(form.typed_id_error().is_some());
        form.typed_id = "12345".to_owned();
        assert_eq!(form.typed_id_error(), None);
        assert_eq!(form.server(), Ok(id(12345)));
    }

    #[test]
    fn the_request_carries_what_was_typed_and_stops_on_bad_fields() {
        let mut form = CreateForm {
            choice: ServerChoice::Known(id(10)),
            name: "before-upgrade".to_owned(),
            description: "  ".to_owned(),
            ..CreateForm::default()
        };
        let request = form.request().unwrap();
        assert_eq!(request.body.server_id, id(10));
        assert_eq!(request.body.name.as_str(), "before-upgrade");
        // Blank is no description at all.
        assert_eq!(request.body.description, None);

        form.name = "x".repeat(65);
        assert_eq!(
            form.name_error().map(|m| m.en()).as_deref(),
            Some("Use at most 64 characters (this name has 65).")
        );
        let errors = form.request().unwrap_err();
        assert_eq!(errors.name, form.name_error());
        assert_eq!(errors.server, None);
        form.name = "ok".to_owned();
        form.description = "d".repeat(10_000);
        assert!(form.request().unwrap_err().description.is_some());
    }
}
