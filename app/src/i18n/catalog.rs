//! One locale's texts: English from [`Key::en`], any other language read from its JSON file,
//! each text checked against the English one (same shape, no unknown placeholders).

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::keys::{English, Key};
use super::plural::Category;
use super::Locale;

/// A translation of one key.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Translation {
    Text(String),
    /// Each form the locale's numbers need, "other" among them (a list: a map of three
    /// entries would bring its own copy of the map's code into the wasm).
    Plural(Vec<(Category, String)>),
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
    /// A `{placeholder}` of the English text left out: its value would never be shown (a
    /// plural's "one" or "few" form may leave out `{count}`, saying it in words).
    Dropped(&'static str, &'static str),
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
        let Ok(Entry::Object(map)) = serde_json::from_slice::<Entry>(json) else {
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
            (Some(Translation::Plural(forms)), _) => form(forms, Category::Other),
            (None, English::Text(text)) => text,
            (None, English::Plural { other, .. }) => other,
        }
    }

    /// The form of plural `key` for `n`, with its `{count}` still to fill.
    pub fn count(&self, key: Key, n: u64) -> &str {
        match (&self.texts[key as usize], key.en()) {
            (Some(Translation::Plural(forms)), _) => {
                let category = self.locale.plural(n);
                form(forms, category)
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

/// Plural `forms`' text for `category`, else its "other" (always there: every locale needs it).
fn form(forms: &[(Category, String)], category: Category) -> &str {
    let find = |wanted| {
        forms
            .iter()
            .find(|(c, _)| *c == wanted)
            .map(|(_, text)| text)
    };
    find(category)
        .or_else(|| find(Category::Other))
        .map_or("", String::as_str)
}

/// A piece of a pattern: literal text, or the name of a `{placeholder}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Slot(&'a str),
}

/// `pattern` cut at its placeholders, so values are put in once and never read again as
/// pattern (a server named "{snapshot}" stays that name).
pub fn segments(pattern: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        if open > 0 {
            out.push(Segment::Text(&rest[..open]));
        }
        out.push(Segment::Slot(&rest[open + 1..open + close]));
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest));
    }
    out
}

/// `pattern` with each `{name}` replaced by its value in `args`.
pub fn fill(pattern: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for segment in segments(pattern) {
        match segment {
            Segment::Text(text) => out.push_str(text),
            Segment::Slot(name) => match args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(value),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

/// The `{name}` placeholders of `text` (a list, not a set: a set's `collect` sorts, and
/// each sort is a copy of its own in the wasm).
fn placeholders(text: &str) -> Vec<&str> {
    segments(text)
        .into_iter()
        .filter_map(|segment| match segment {
            Segment::Slot(name) => Some(name),
            Segment::Text(_) => None,
        })
        .collect()
}

fn check(locale: Locale, key: Key, value: Entry) -> Result<Translation, Problem> {
    let allowed = match key.en() {
        English::Text(text) => placeholders(text),
        English::Plural { one, other } => [placeholders(one), placeholders(other)].concat(),
    };
    // A plural's "one" or "few" form may say its number in words; every other text keeps
    // every placeholder.
    let known = |text: &str, words_may_count: bool| {
        let used = placeholders(text);
        if let Some(extra) = used.iter().find(|p| !allowed.contains(p)) {
            return Err(Problem::Placeholder(key.id(), (*extra).to_owned()));
        }
        let needed = |p: &&&str| !(words_may_count && **p == "count");
        match allowed.iter().filter(needed).find(|p| !used.contains(p)) {
            Some(dropped) => Err(Problem::Dropped(key.id(), dropped)),
            None => Ok(()),
        }
    };
    match (key.en(), value) {
        (English::Text(_), Entry::Text(text)) => {
            known(&text, false)?;
            Ok(Translation::Text(text))
        }
        (English::Plural { .. }, Entry::Object(forms)) => {
            let mut out = Vec::new();
            for &category in locale.plural_categories() {
                let form = forms.iter().find(|(name, _)| name == category.name());
                let Some((_, Entry::Text(text))) = form else {
                    return Err(Problem::Category(key.id(), category));
                };
                known(text, category != Category::Other)?;
                out.push((category, text.clone()));
            }
            Ok(Translation::Plural(out))
        }
        _ => Err(Problem::Shape(key.id())),
    }
}

/// A locale file's JSON, read only as far as the check needs: texts, objects (the file, and a
/// plural's forms) in the file's order, and anything else as a wrong shape. Not
/// `serde_json::Value`: its maps and numbers cost the wasm about 1 KB gzip more.
enum Entry {
    Text(String),
    Object(Vec<(String, Entry)>),
    Other,
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EntryVisitor)
    }
}

struct EntryVisitor;

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = Entry;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text or an object")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Entry, E> {
        Ok(Entry::Text(text.to_owned()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entry, A::Error> {
        let mut entries = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            entries.push((name, map.next_value()?));
        }
        Ok(Entry::Object(entries))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Entry, A::Error> {
        while items.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Entry::Other)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Entry, E> {
        Ok(Entry::Other)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Entry, E> {
        Ok(Entry::Other)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Entry, E> {
        Ok(Entry::Other)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Entry, E> {
        Ok(Entry::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Entry, E> {
        Ok(Entry::Other)
    }
}
