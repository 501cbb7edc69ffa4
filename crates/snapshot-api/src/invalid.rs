/// Why a value was refused by one of the validated types.
///
/// The `Display` text is a complete sentence meant for the person who typed the value: the
/// console shows it next to the field, and the simulator returns it as a field error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidInput {
    /// An empty snapshot name.
    #[error("Enter a name.")]
    NameEmpty,
    /// A snapshot name over [`crate::SnapshotName::MAX_CHARS`] characters.
    #[error("Use at most {max} characters (this name has {len}).")]
    NameTooLong {
        /// Characters in the refused name.
        len: usize,
        /// The cap.
        max: usize,
    },
    /// A snapshot name with a character outside `A-Z a-z 0-9 - _`.
    #[error("Use only letters, digits, hyphens (-) and underscores (_); {} is not allowed.", crate::name::ShownChar::of(*.character))]
    NameCharacter {
        /// The first refused character (the text describes it: a space is "a space").
        character: char,
    },
    /// A description over [`crate::Description::MAX_CHARS`] characters.
    #[error("Use at most {max} characters (this description has {len}).")]
    DescriptionTooLong {
        /// Characters in the refused description.
        len: usize,
        /// The cap.
        max: usize,
    },
    /// An id that is not a whole number from 1 to 2^63 - 1.
    #[error("Enter a {what} ID: a whole number from 1 up.")]
    Id {
        /// "server" or "snapshot".
        what: &'static str,
    },
    /// An empty token, or one with characters that cannot go in an HTTP header.
    #[error("The API token is empty or contains spaces or other characters a token cannot have.")]
    Token,
    /// A base URL that is neither an absolute http(s) URL nor, where a page's address is known,
    /// a path starting with a single `/`; or one with a user name, query, fragment, spaces,
    /// control characters or backslashes.
    #[error("The API base URL must be an http(s) URL (or a path starting with /) without user name, query, fragment, spaces or backslashes.")]
    BaseUrl,
}
