//! A text decided in plain Rust and worded only when shown: the model says which texts and
//! with what values, and a language switch rewords what is already on screen.

use super::catalog::{segments, Segment};
use super::{Catalog, Key};

/// What fills a `{placeholder}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is: a name, or the API's own words.
    Text(String),
    /// A number, written the locale's way (Bengali digits in Bengali).
    Number(u64),
    /// Another text, in the same language.
    Message(Message),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Number(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as u64)
    }
}

impl From<Key> for Arg {
    fn from(key: Key) -> Self {
        Arg::Message(key.into())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Text(Key, Vec<(&'static str, Arg)>),
    /// The API's own words, which are never translated.
    Verbatim(String),
}

/// One or more sentences to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Message(Vec<Part>);

impl From<Key> for Message {
    fn from(key: Key) -> Self {
        Message(vec![Part::Text(key, Vec::new())])
    }
}

impl Message {
    /// `key` with its placeholders filled; a plural key takes its form from `count`.
    pub fn with<const N: usize>(key: Key, args: [(&'static str, Arg); N]) -> Self {
        Message(vec![Part::Text(key, args.into())])
    }

    /// Words from the API, shown as sent.
    pub fn verbatim(text: impl Into<String>) -> Self {
        Message(vec![Part::Verbatim(text.into())])
    }

    /// This, then `next` as the following sentence.
    pub fn then(mut self, next: Message) -> Self {
        self.0.extend(next.0);
        self
    }

    /// The text in `catalog`'s language, numbers written by `number`.
    pub fn render(&self, catalog: &Catalog, number: &dyn Fn(u64) -> String) -> String {
        let pieces: Vec<String> = self
            .0
            .iter()
            .map(|part| match part {
                Part::Verbatim(text) => text.trim().to_owned(),
                Part::Text(key, args) => {
                    let count = args.iter().find_map(|(name, arg)| match arg {
                        Arg::Number(n) if *name == "count" => Some(*n),
                        _ => None,
                    });
                    let pattern = match count {
                        Some(n) => catalog.count(*key, n),
                        None => catalog.text(*key),
                    };
                    segments(pattern)
                        .into_iter()
                        .map(|segment| match segment {
                            Segment::Text(text) => text.to_owned(),
                            Segment::Slot(name) => match args.iter().find(|(n, _)| *n == name) {
                                Some((_, Arg::Text(text))) => text.clone(),
                                Some((_, Arg::Number(n))) => number(*n),
                                Some((_, Arg::Message(m))) => m.render(catalog, number),
                                None => format!("{{{name}}}"),
                            },
                        })
                        .collect()
                }
            })
            .filter(|piece| !piece.is_empty())
            .collect();
        pieces.join(catalog.locale().sentence_gap())
    }

    /// The English text, numbers in ASCII digits: what the native tests read.
    #[cfg(test)]
    pub fn en(&self) -> String {
        self.render(&Catalog::english(), &|n| n.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn bosnian() -> Catalog {
        let json = r#"{
            "restore.newer": {"one": "{count} noviji snimak", "few": "{count} novija snimka", "other": "{count} novijih snimaka"},
            "notice.deleted": "Snimak {snapshot} je izbrisan."
        }"#;
        Catalog::parse(Locale::Bs, json.as_bytes()).unwrap().0
    }

    #[test]
    fn a_plural_takes_its_form_from_count_and_numbers_are_written_by_the_locale() {
        let digits = |n: u64| format!("<{n}>");
        let newer = |n: u64| Message::with(Key::RestoreNewer, [("count", n.into())]);
        assert_eq!(newer(1).render(&bosnian(), &digits), "<1> noviji snimak");
        assert_eq!(newer(3).render(&bosnian(), &digits), "<3> novija snimka");
        assert_eq!(newer(5).render(&bosnian(), &digits), "<5> novijih snimaka");
        assert!(newer(1).en().starts_with("1 newer snapshot of"));
        assert!(newer(2).en().starts_with("2 newer snapshots of"));
    }

    #[test]
    fn values_are_put_in_once_and_the_apis_words_follow_untranslated() {
        // A name that looks like a placeholder stays the name.
        let deleted = Message::with(Key::NoticeDeleted, [("snapshot", "{snapshot}".into())])
            .then(Message::verbatim("  Done.  "))
            .then(Message::verbatim(""));
        assert_eq!(deleted.en(), "Deleted snapshot {snapshot}. Done.");
        assert_eq!(
            deleted.render(&bosnian(), &|n| n.to_string()),
            "Snimak {snapshot} je izbrisan. Done."
        );
    }

    #[test]
    fn a_text_inside_a_text_is_in_the_same_language_and_chinese_sets_no_space() {
        let chinese = r#"{"error.status": "无法{what}：状态 {status}。", "what.delete": "删除快照 {snapshot}"}"#;
        let catalog = Catalog::parse(Locale::ZhHans, chinese.as_bytes())
            .unwrap()
            .0;
        let failed = Message::with(
            Key::ErrorStatus,
            [
                (
                    "what",
                    Arg::Message(Message::with(Key::WhatDelete, [("snapshot", "db".into())])),
                ),
                ("status", 418u64.into()),
            ],
        )
        .then(Message::verbatim("teapot"));
        assert_eq!(
            failed.render(&catalog, &|n| n.to_string()),
            "无法删除快照 db：状态 418。teapot"
        );
        assert_eq!(
            failed.en(),
            "Could not delete snapshot db: the API answered with an unexpected status (418). teapot"
        );
    }
}
