//! The console's languages: the six locales, their plural rules, the typed key set with its
//! English text, and the catalogs read from `app/locales/<tag>.json`.

mod catalog;
mod keys;
mod locale;
mod message;
mod plural;

pub use catalog::{fill, segments, Catalog, Problem, Segment};
pub use keys::{English, Key};
pub use locale::{Locale, Preferences};
pub use message::{Arg, Message};
pub use plural::Category;

#[cfg(test)]
mod tests;
