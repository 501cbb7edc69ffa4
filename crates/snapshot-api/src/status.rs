use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Defines a status enum that keeps any value it does not know, verbatim, in `Unknown`, so a
/// new status from the service never makes a response undecodable.
macro_rules! open_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
            /// A value this version does not know, kept as sent.
            Unknown(String),
        }

        impl $name {
            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $text,)*
                    Self::Unknown(text) => text,
                }
            }

            /// Whether this is one of the documented values.
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                match text {
                    $($text => Self::$variant,)*
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                Ok(Self::from(String::deserialize(deserializer)?.as_str()))
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

open_enum!(
    /// Where a snapshot is in its life.
    SnapshotStatus {
        /// Being created; `size_mb` is still null.
        InProgress = "in_progress",
        /// Ready to restore from.
        Completed = "completed",
        /// Creation failed (not in the page's examples, but expected).
        Failed = "failed",
    }
);

open_enum!(
    /// A server's state, as the restore response reports it.
    ServerStatus {
        /// Running normally.
        Running = "running",
        /// Stopped.
        Stopped = "stopped",
        /// Being restored from a snapshot.
        Restoring = "restoring",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_values_are_kept_verbatim() {
        let status: SnapshotStatus = serde_json::from_str("\"queued\"").unwrap();
        assert_eq!(status, SnapshotStatus::Unknown("queued".into()));
        assert!(!status.is_known());
        assert_eq!(serde_json::to_string(&status).unwrap(), "\"queued\"");
        let done: SnapshotStatus = serde_json::from_str("\"completed\"").unwrap();
        assert_eq!(done, SnapshotStatus::Completed);
    }
}
