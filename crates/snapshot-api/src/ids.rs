use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize};

use crate::InvalidInput;

/// Defines an id newtype whose constructor, `FromStr` and `Deserialize` all go through `new`.
macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(u64);

        impl $name {
            /// The largest id: ids are 64-bit signed integers in the service's database.
            pub const MAX: u64 = i64::MAX as u64;

            /// Accepts any whole number from 1 to [`Self::MAX`].
            pub fn new(value: u64) -> Result<Self, InvalidInput> {
                if value == 0 || value > Self::MAX {
                    Err(InvalidInput::Id { what: $what })
                } else {
                    Ok(Self(value))
                }
            }

            /// The number itself.
            pub fn get(self) -> u64 {
                self.0
            }
        }

        impl FromStr for $name {
            type Err = InvalidInput;

            /// Parses what a person typed; surrounding spaces are ignored.
            fn from_str(text: &str) -> Result<Self, InvalidInput> {
                let value = text.trim().parse().map_err(|_| InvalidInput::Id { what: $what })?;
                Self::new(value)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                Self::new(u64::deserialize(deserializer)?).map_err(serde::de::Error::custom)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// The id of a server (`server_id` in the API).
    ServerId,
    "server"
);
id_type!(
    /// The id of a snapshot (`snapshot_id` in the API's paths).
    SnapshotId,
    "snapshot"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_accept_positive_whole_numbers_only() {
        assert_eq!("12345".parse::<ServerId>().unwrap().get(), 12345);
        assert_eq!(" 801 ".parse::<SnapshotId>().unwrap().get(), 801);
        assert_eq!(
            ServerId::new(ServerId::MAX).unwrap().get(),
            9_223_372_036_854_775_807
        );
        for bad in [
            "",
            "0",
            "-1",
            "1.5",
            "abc",
            "9223372036854775808",
            "99999999999999999999999",
        ] {
            assert_eq!(
                bad.parse::<ServerId>(),
                Err(InvalidInput::Id { what: "server" }),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn deserialize_goes_through_the_same_check() {
        assert!(serde_json::from_str::<ServerId>("0").is_err());
        assert!(serde_json::from_str::<ServerId>("\"12\"").is_err());
        assert_eq!(serde_json::from_str::<ServerId>("12").unwrap().get(), 12);
    }
}
