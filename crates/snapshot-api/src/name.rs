use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize};

use crate::InvalidInput;

/// A snapshot name: 1 to [`SnapshotName::MAX_CHARS`] characters from `A-Z a-z 0-9 - _`.
///
/// The character set is the API's ("alphanumeric, hyphens, underscores"); the length cap is
/// ours, as the API gives none. This is the one implementation of the rule: the console checks
/// names as they are typed with it, and the simulator refuses bad names with it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct SnapshotName(String);

impl SnapshotName {
    /// The longest name accepted, in characters.
    pub const MAX_CHARS: usize = 64;

    /// Checks `text` against the rule; the error says what to change.
    pub fn parse(text: &str) -> Result<Self, InvalidInput> {
        if text.is_empty() {
            return Err(InvalidInput::NameEmpty);
        }
        if let Some(bad) = text.chars().find(|c| !Self::allowed(*c)) {
            return Err(InvalidInput::NameCharacter { character: bad });
        }
        let len = text.chars().count();
        if len > Self::MAX_CHARS {
            return Err(InvalidInput::NameTooLong {
                len,
                max: Self::MAX_CHARS,
            });
        }
        Ok(Self(text.to_owned()))
    }

    /// A valid name made from a server name and a stamp such as `20260122-1530`: characters
    /// the rule refuses become `-`, and the server part is shortened to fit.
    pub fn suggest(server_name: &str, stamp: &str) -> Self {
        Self(Self::fit(server_name, stamp, Self::MAX_CHARS))
    }

    /// The name of the safety snapshot taken before restoring `snapshot`:
    /// `pre-restore-<snapshot>-<stamp>`, the snapshot's part shortened to fit the rule.
    pub fn before_restore(snapshot: &str, stamp: &str) -> Self {
        const PREFIX: &str = "pre-restore-";
        let rest = Self::fit(snapshot, stamp, Self::MAX_CHARS - PREFIX.len());
        Self(format!("{PREFIX}{rest}"))
    }

    /// `base-stamp` in at most `max` characters of the rule's set: refused characters become
    /// `-`, the stamp keeps up to half the room, and `base` is shortened to fit.
    fn fit(base: &str, stamp: &str, max: usize) -> String {
        let clean = |text: &str| -> String {
            text.chars()
                .map(|c| if Self::allowed(c) { c } else { '-' })
                .collect()
        };
        let stamp: String = clean(stamp).chars().take(max / 2).collect();
        let room = max - stamp.len() - 1;
        let base: String = clean(base).chars().take(room).collect();
        let base = base.trim_matches('-');
        let name = match (base.is_empty(), stamp.is_empty()) {
            (true, true) => "snapshot".to_owned(),
            (true, false) => format!("snapshot-{stamp}"),
            (false, true) => base.to_owned(),
            (false, false) => format!("{base}-{stamp}"),
        };
        name.chars().take(max).collect()
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn allowed(c: char) -> bool {
        c.is_ascii_alphanumeric() || c == '-' || c == '_'
    }
}

/// How a refused character is named to the person who typed it: by what it is when it
/// cannot be seen, else by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShownChar {
    /// A space.
    Space,
    /// Another whitespace character (a tab, a no-break space, …).
    Whitespace,
    /// A control character, by its code point.
    Control(u32),
    /// Any other character, shown quoted.
    Visible(char),
}

impl ShownChar {
    /// How `c` is named.
    pub fn of(c: char) -> Self {
        match c {
            ' ' => Self::Space,
            c if c.is_whitespace() => Self::Whitespace,
            c if c.is_control() => Self::Control(c as u32),
            c => Self::Visible(c),
        }
    }
}

impl std::fmt::Display for ShownChar {
    /// The English name the core's refusal uses.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Space => f.write_str("a space"),
            Self::Whitespace => f.write_str("a whitespace character"),
            Self::Control(code) => write!(f, "the control character U+{code:04X}"),
            Self::Visible(c) => write!(f, "\"{c}\""),
        }
    }
}

/// An optional note on a snapshot: at most [`Description::MAX_CHARS`] characters (our cap).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Description(String);

impl Description {
    /// The longest description accepted, in characters.
    pub const MAX_CHARS: usize = 500;

    /// Checks the length cap; any characters are allowed.
    pub fn parse(text: &str) -> Result<Self, InvalidInput> {
        let len = text.chars().count();
        if len > Self::MAX_CHARS {
            return Err(InvalidInput::DescriptionTooLong {
                len,
                max: Self::MAX_CHARS,
            });
        }
        Ok(Self(text.to_owned()))
    }

    /// The description as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Implements `FromStr`, `Deserialize` and `Display` through `parse`, so serde cannot bypass it.
macro_rules! parsed_text {
    ($name:ident) => {
        impl FromStr for $name {
            type Err = InvalidInput;
            fn from_str(text: &str) -> Result<Self, InvalidInput> {
                Self::parse(text)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                Self::parse(&text).map_err(serde::de::Error::custom)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

parsed_text!(SnapshotName);
parsed_text!(Description);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_rule_messages_are_specific() {
        assert_eq!(SnapshotName::parse(""), Err(InvalidInput::NameEmpty));
        assert_eq!(
            SnapshotName::parse("pre migration")
                .unwrap_err()
                .to_string(),
            "Use only letters, digits, hyphens (-) and underscores (_); a space is not allowed."
        );
        assert_eq!(
            SnapshotName::parse("backup.1").unwrap_err().to_string(),
            "Use only letters, digits, hyphens (-) and underscores (_); \".\" is not allowed."
        );
        assert_eq!(
            SnapshotName::parse(&"a".repeat(65))
                .unwrap_err()
                .to_string(),
            "Use at most 64 characters (this name has 65)."
        );
        assert!(SnapshotName::parse("pre-migration-snapshot").is_ok());
        assert!(SnapshotName::parse(&"a".repeat(64)).is_ok());
    }

    #[test]
    fn deserialize_refuses_what_parse_refuses() {
        let err = serde_json::from_str::<SnapshotName>("\"a b\"").unwrap_err();
        assert!(err.to_string().contains("a space is not allowed"), "{err}");
    }

    #[test]
    fn suggestions_are_valid_names() {
        assert_eq!(
            SnapshotName::suggest("web-server-01", "20260122-1530").as_str(),
            "web-server-01-20260122-1530"
        );
        assert_eq!(
            SnapshotName::suggest("db.primary eu", "x").as_str(),
            "db-primary-eu-x"
        );
        assert_eq!(SnapshotName::suggest("", "").as_str(), "snapshot");
        assert_eq!(SnapshotName::suggest("???", "1").as_str(), "snapshot-1");
        let long = SnapshotName::suggest(&"é".repeat(200), &"9".repeat(200));
        assert!(SnapshotName::parse(long.as_str()).is_ok(), "{long}");
    }

    #[test]
    fn a_safety_snapshot_says_which_restore_it_precedes_within_the_cap() {
        assert_eq!(
            SnapshotName::before_restore("pre-migration-snapshot", "20260122-1530").as_str(),
            "pre-restore-pre-migration-snapshot-20260122-1530"
        );
        let long = SnapshotName::before_restore(&"a".repeat(64), "20260122-1530");
        assert_eq!(long.as_str().len(), SnapshotName::MAX_CHARS);
        assert!(long.as_str().ends_with("-20260122-1530"), "{long}");
    }

    #[test]
    fn description_cap_counts_characters_not_bytes() {
        assert!(Description::parse(&"é".repeat(500)).is_ok());
        assert_eq!(
            Description::parse(&"é".repeat(501)),
            Err(InvalidInput::DescriptionTooLong { len: 501, max: 500 })
        );
    }
}
