//! One locale's texts: English from [`Key::en`], any other language read from its JSON file,
//! each text checked against the English one (same shape, no unknown placeholders).

use std::collections::BTreeMap;

use serde_json::Value;

use super::keys::{English, Key};
use super::plural::Category;
use super::Locale;

/// A translation of one key.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Translation {
    Text(String),
    Plural(BTreeMap<Category, String>),
}

/// What is wrong in a locale file. The key falls back to English; the test over the shipped
/// files allows none of these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Missing(&'static str),
    Unknown(String),
    /// A text where English has plural forms, or the other way round.
    Shape(&'static str),
    /// A plural without a form this locale's numbers need.
    Category(&'static str, Category),
    /// A `{placeholder}` the English text does not have.
    Placeholder(&'static str, String),
}

/// The texts of one locale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalog {
    locale: Locale,
    /// By key, in [`Key::ALL`]'s order; `None` where English is used.
    texts: Vec<Option<Translation>>,
}

impl Default for Catalog {
    fn default() -> Self {
        Self::english()
    }
}

impl Catalog {
    /// English: every text from the key table itself.
    pub fn english() -> Self {
        Self {
            locale: Locale::En,
            texts: vec![None; Key::ALL.len()],
        }
    }

    /// Reads `locale`'s JSON file: an object of texts, and of objects of plural forms.
    /// A body that is not such an object is refused; a key with a problem keeps its English
    /// text, and the problems are returned beside the catalog.
    pub fn parse(locale: Locale, json: &[u8]) -> Result<(Self, Vec<Problem>), String> {
        let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(json) else {
            return Err(format!("{}.json is not a JSON object", locale.tag()));
        };
        let mut problems = Vec::new();
        let mut texts = vec![None; Key::ALL.len()];
        let mut given = vec![false; Key::ALL.len()];
        // Read in the file's order, each name looked up in the key table: taking entries
        // out of the map by key would bring the map's removal code into the wasm.
        for (id, value) in map {
            let Some(at) = Key::ALL.iter().position(|key| key.id() == id) else {
                problems.push(Problem::Unknown(id));
                continue;
            };
            given[at] = true;
            match check(locale, Key::ALL[at], value) {
                Ok(translation) => texts[at] = Some(translation),
                Err(problem) => problems.push(problem),
            }
        }
        let missing = Key::ALL.iter().zip(&given).filter(|(_, given)| !**given);
        problems.extend(missing.map(|(key, _)| Problem::Missing(key.id())));
        Ok((Self { locale, texts }, problems))
    }

    /// The locale these texts are in.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The text of `key` (a plural key gives its "other" form).
    pub fn text(&self, key: Key) -> &str {
        match (&self.texts[key as usize], key.en()) {
            (Some(Translation::Text(text)), _) => text,
            (Some(Translation::Plural(forms)), _) => &forms[&Category::Other],
            (None, English::Text(text)) => text,
            (None, English::Plural { other, .. }) => other,
        }
    }

    /// The form of plural `key` for `n`, with its `{count}` still to fill.
    pub fn count(&self, key: Key, n: u64) -> &str {
        match (&self.texts[key as usize], key.en()) {
            (Some(Translation::Plural(forms)), _) => {
                let category = self.locale.plural(n);
                forms.get(&category).unwrap_or(&forms[&Category::Other])
            }
            (Some(Translation::Text(text)), _) => text,
            (None, English::Plural { one, other }) => {
                if Locale::En.plural(n) == Category::One {
                    one
                } else {
                    other
                }
            }
            (None, English::Text(text)) => text,
        }
    }
}

/// `pattern` with each `{name}` replaced by its value in `args`.
pub fn fill(pattern: &str, args: &[(&str, &str)]) -> String {
    let mut out = pattern.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The `{name}` placeholders of `text` (a list, not a set: a set's `collect` sorts, and
/// each sort is a copy of its own in the wasm).
fn placeholders(text: &str) -> Vec<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

fn check(locale: Locale, key: Key, value: Value) -> Result<Translation, Problem> {
    let allowed = match key.en() {
        English::Text(text) => placeholders(text),
        English::Plural { one, other } => [placeholders(one), placeholders(other)].concat(),
    };
    let known = |text: &str| match placeholders(text)
        .into_iter()
        .find(|p| !allowed.contains(p))
    {
        Some(extra) => Err(Problem::Placeholder(key.id(), extra.to_owned())),
        None => Ok(()),
    };
    match (key.en(), value) {
        (English::Text(_), Value::String(text)) => {
            known(&text)?;
            Ok(Translation::Text(text))
        }
        (English::Plural { .. }, Value::Object(forms)) => {
            let mut out = BTreeMap::new();
            for &category in locale.plural_categories() {
                let Some(Value::String(text)) = forms.get(category.name()) else {
                    return Err(Problem::Category(key.id(), category));
                };
                known(text)?;
                out.insert(category, text.clone());
            }
            Ok(Translation::Plural(out))
        }
        _ => Err(Problem::Shape(key.id())),
    }
}
