//! The shipped locale files against the key set, and the checker against broken files.

use super::*;

/// Each shipped file, read from the source tree as trunk copies it into `dist/locales/`.
fn shipped(locale: Locale) -> Vec<u8> {
    let path = format!(
        "{}/locales/{}.json",
        env!("CARGO_MANIFEST_DIR"),
        locale.tag()
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_shipped_locale_has_every_key_and_nothing_else() {
    for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        let (_, problems) = Catalog::parse(locale, &shipped(locale)).unwrap();
        assert_eq!(problems, [], "{}.json", locale.tag());
    }
}

#[test]
fn no_locale_file_is_shipped_for_a_locale_the_console_lacks() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Some(tag) = name.strip_suffix(".json") else {
            continue;
        };
        let locale = Locale::from_tag(tag).unwrap_or_else(|| panic!("{name}: no such locale"));
        assert_eq!(locale.tag(), tag, "{name}");
        assert_ne!(
            locale,
            Locale::En,
            "English ships in the wasm, not as a file"
        );
    }
}

#[test]
fn a_missing_an_unknown_and_a_misplaced_key_are_each_reported_and_fall_back() {
    let json = r#"{
        "app.name": "Konzola",
        "sign_in.button": "Prijava {user}",
        "language.label": {"one": "x", "few": "y", "other": "z"},
        "made.up": "?",
        "restore.confirm": "Upišite naziv servera za potvrdu",
        "quota.line": "od {max} snimaka"
    }"#;
    let (catalog, problems) = Catalog::parse(Locale::Bs, json.as_bytes()).unwrap();
    assert!(problems.contains(&Problem::Placeholder("sign_in.button", "user".into())));
    assert!(problems.contains(&Problem::Shape("language.label")));
    assert!(problems.contains(&Problem::Unknown("made.up".into())));
    assert!(problems.contains(&Problem::Missing("sign_in.token")));
    // The server's name is what the user must type: a text without it fails.
    assert!(problems.contains(&Problem::Dropped("restore.confirm", "server")));
    // Only a plural's "one" or "few" form may say its number in words.
    assert!(problems.contains(&Problem::Dropped("quota.line", "count")));
    assert_eq!(
        catalog.text(Key::RestoreConfirm),
        "Type the server's name, {server}, to confirm"
    );
    assert_eq!(catalog.text(Key::AppName), "Konzola");
    assert_eq!(catalog.text(Key::SignInButton), "Sign in");
    assert_eq!(catalog.text(Key::LanguageLabel), "Language");
}

#[test]
fn a_file_that_is_not_an_object_is_refused() {
    for body in [&b""[..], b"[]", b"\"x\"", b"{", b"<html>"] {
        assert!(Catalog::parse(Locale::St, body).is_err());
    }
}

#[test]
fn english_is_the_key_table_itself() {
    let english = Catalog::english();
    assert_eq!(english.locale(), Locale::En);
    assert_eq!(english.text(Key::SignInButton), "Sign in");
}

#[test]
fn placeholders_are_filled_by_name() {
    let text = Catalog::english().text(Key::LanguageNotLoaded).to_owned();
    assert_eq!(
        fill(&text, &[("language", "Bosanski")]),
        "The Bosanski texts could not be loaded, so the console is shown in English."
    );
}

#[test]
fn plural_texts_pick_the_locales_form() {
    let json = br#"{"quota.summary": {"one": "{count} server", "few": "{count} servera", "other": "{count} servera!"}}"#;
    let (bosnian, _) = Catalog::parse(Locale::Bs, json).unwrap();
    assert_eq!(bosnian.count(Key::QuotaSummary, 21), "{count} server");
    assert_eq!(bosnian.count(Key::QuotaSummary, 3), "{count} servera");
    assert_eq!(bosnian.count(Key::QuotaSummary, 12), "{count} servera!");
    let english = Catalog::english();
    assert_eq!(
        english.count(Key::QuotaSummary, 1),
        "Snapshots per server ({count} server)"
    );
    assert_eq!(
        english.count(Key::QuotaSummary, 0),
        "Snapshots per server ({count} servers)"
    );
    // Bosnian's few is required; without it the key keeps its English forms.
    let (partial, problems) = Catalog::parse(
        Locale::Bs,
        br#"{"quota.summary": {"one": "a", "other": "b"}}"#,
    )
    .unwrap();
    assert!(problems.contains(&Problem::Category("quota.summary", Category::Few)));
    assert_eq!(
        partial.count(Key::QuotaSummary, 3),
        "Snapshots per server ({count} servers)"
    );
}

/// Every way an API error reads, in every language: the `{what}` and number slots filled,
/// nothing left in braces, and the API's own words after the console's.
#[test]
fn every_error_reads_whole_in_every_language() {
    use snapshot_api::{ApiError, RetryAfter};

    let errors = [
        ApiError::Unauthorized { detail: None },
        ApiError::NotFound {
            detail: Some("Not found.".into()),
        },
        ApiError::RateLimited {
            retry_after: Some(RetryAfter::Seconds(1)),
        },
        ApiError::RateLimited {
            retry_after: Some(RetryAfter::Seconds(3)),
        },
        ApiError::RateLimited { retry_after: None },
        ApiError::Server {
            status: 503,
            detail: None,
        },
        ApiError::UnexpectedStatus {
            status: 418,
            detail: Some("teapot".into()),
        },
        ApiError::Timeout { seconds: 15 },
        ApiError::Redirected,
    ];
    let whats: [Message; 4] = [
        Key::WhatLoad.into(),
        Key::WhatCreate.into(),
        Key::WhatRestore.into(),
        Message::with(Key::WhatDelete, [("snapshot", "nightly-run-1".into())]),
    ];
    for locale in Locale::ALL {
        let catalog = match locale {
            Locale::En => Catalog::english(),
            other => Catalog::parse(other, &shipped(other)).unwrap().0,
        };
        for error in &errors {
            for what in &whats {
                let text = crate::messages::describe(error, what.clone())
                    .render(&catalog, &|n| format!("#{n}"));
                assert!(!text.contains('{'), "{}: {text}", locale.tag());
                if let ApiError::UnexpectedStatus { .. } = error {
                    assert!(
                        text.contains("#418") && text.ends_with("teapot"),
                        "{}: {text}",
                        locale.tag()
                    );
                    assert!(
                        text.contains(&what.render(&catalog, &|n| format!("#{n}"))),
                        "{}: {text}",
                        locale.tag()
                    );
                }
            }
        }
    }
}

#[test]
fn values_of_any_other_json_type_are_wrong_shapes_not_a_broken_file() {
    let json = br#"{
        "app.name": 3,
        "sign_in.button": ["Prijava"],
        "sign_in.token": null,
        "language.label": true,
        "quota.summary": {"one": "a", "few": 2, "other": "c"},
        "restore.title": "Vrati snimak",
        "sign_in.lede": 1.5
    }"#;
    let (catalog, problems) = Catalog::parse(Locale::Bs, json).unwrap();
    for key in [
        "app.name",
        "sign_in.button",
        "sign_in.token",
        "language.label",
        "sign_in.lede",
    ] {
        assert!(
            problems.contains(&Problem::Shape(key)),
            "{key}: {problems:?}"
        );
    }
    assert!(problems.contains(&Problem::Category("quota.summary", Category::Few)));
    assert_eq!(catalog.text(Key::RestoreTitle), "Vrati snimak");
    assert_eq!(catalog.text(Key::AppName), "Snapshot Console");
    assert!(Catalog::parse(Locale::Bs, b"[1, 2]").is_err());
    assert!(Catalog::parse(Locale::Bs, b"{\"app.name\": ").is_err());
}
