//! Property tests of the name rule: what it accepts and refuses, and that serde agrees.

use proptest::prelude::*;
use snapshot_api::{InvalidInput, SnapshotName};

proptest! {
    #[test]
    fn accepts_every_name_of_allowed_characters(name in "[A-Za-z0-9_-]{1,64}") {
        let parsed = SnapshotName::parse(&name).unwrap();
        prop_assert_eq!(parsed.as_str(), name.as_str());
        let json = serde_json::to_string(&name).unwrap();
        prop_assert_eq!(serde_json::from_str::<SnapshotName>(&json).unwrap(), parsed);
    }

    #[test]
    fn refuses_any_other_character(
        before in "[A-Za-z0-9_-]{0,20}",
        bad in any::<char>().prop_filter("not allowed", |c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_')),
        after in "[A-Za-z0-9_-]{0,20}",
    ) {
        let name = format!("{before}{bad}{after}");
        let is_char_error = matches!(SnapshotName::parse(&name), Err(InvalidInput::NameCharacter { .. }));
        prop_assert!(is_char_error);
        let json = serde_json::to_string(&name).unwrap();
        prop_assert!(serde_json::from_str::<SnapshotName>(&json).is_err());
    }

    #[test]
    fn refuses_names_over_the_cap(name in "[A-Za-z0-9_-]{65,200}") {
        prop_assert_eq!(
            SnapshotName::parse(&name),
            Err(InvalidInput::NameTooLong { len: name.len(), max: SnapshotName::MAX_CHARS })
        );
    }

    #[test]
    fn suggestions_always_pass_the_rule(server in any::<String>(), stamp in any::<String>()) {
        let suggested = SnapshotName::suggest(&server, &stamp);
        prop_assert!(SnapshotName::parse(suggested.as_str()).is_ok());
    }

    #[test]
    fn safety_snapshot_names_always_pass_the_rule(snapshot in any::<String>(), stamp in any::<String>()) {
        let name = SnapshotName::before_restore(&snapshot, &stamp);
        prop_assert!(SnapshotName::parse(name.as_str()).is_ok(), "{}", name.as_str());
        prop_assert!(name.as_str().starts_with("pre-restore-"));
    }

    /// Any text at all gets the answer the API's words give, and the error names the first
    /// thing to change: an empty name, then a refused character, then the length.
    #[test]
    fn any_input_gets_the_answer_the_rule_gives(text in any::<String>()) {
        let allowed = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        let len = text.chars().count();
        match SnapshotName::parse(&text) {
            Ok(name) => {
                prop_assert!((1..=SnapshotName::MAX_CHARS).contains(&len) && text.chars().all(allowed));
                prop_assert_eq!(name.as_str(), text.as_str());
            }
            Err(InvalidInput::NameEmpty) => prop_assert!(text.is_empty()),
            Err(InvalidInput::NameCharacter { .. }) => prop_assert!(!text.chars().all(allowed)),
            Err(InvalidInput::NameTooLong { len: said, max }) => {
                prop_assert!(text.chars().all(allowed));
                prop_assert_eq!((said, max), (len, SnapshotName::MAX_CHARS));
                prop_assert!(len > SnapshotName::MAX_CHARS);
            }
            Err(other) => prop_assert!(false, "unexpected refusal {other:?}"),
        }
    }
}
