use std::fmt;

/// Why the simulator refuses to start. Each one is a setting that would otherwise leave it
/// running less safely than asked (no policy, a broken CORS list, no token), so it stops.
#[derive(Debug)]
pub enum StartError {
    /// The SQLite file cannot be opened, read or seeded.
    Database(rusqlite::Error),
    /// A flag, file or variable that cannot be used as given; the text says which and why.
    Config(String),
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Database(e) => write!(f, "cannot open the database: {e}"),
            Self::Config(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for StartError {}

impl From<rusqlite::Error> for StartError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Database(e)
    }
}
