//! The console's six languages, and how a browser's preferences pick one.

/// A language the console speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    #[default]
    En,
    St,
    Id,
    Bs,
    ZhHans,
    Bn,
}

impl Locale {
    /// Every locale, English first, in the language menu's order.
    pub const ALL: [Locale; 6] = [
        Locale::En,
        Locale::St,
        Locale::Id,
        Locale::Bs,
        Locale::ZhHans,
        Locale::Bn,
    ];

    /// The BCP 47 tag: the `lang` attribute, `?lang=`, `data-lang`, and the locale file's name.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::St => "st",
            Locale::Id => "id",
            Locale::Bs => "bs",
            Locale::ZhHans => "zh-Hans",
            Locale::Bn => "bn",
        }
    }

    /// The language's name in itself, as the language menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::St => "Sesotho",
            Locale::Id => "Bahasa Indonesia",
            Locale::Bs => "Bosanski",
            Locale::ZhHans => "简体中文",
            Locale::Bn => "বাংলা",
        }
    }

    /// The tag the browser's `Intl` formats dates, ages and numbers with. Chromium carries
    /// no Sesotho data at all (it would fall back to US English), so Sesotho takes South
    /// African English, the conventions of Lesotho's neighbour; its Bosnian is only CLDR's
    /// root ("2025 M01 15", "-3 h"), so Bosnian takes the Latin Serbian of Bosnia, whose
    /// formats are Bosnia's ("15. 1. 2025.", "prije 3 sata"). English keeps the browser's
    /// own English (en-GB dates for a British browser).
    pub fn intl_tag(self, browser: &str) -> &str {
        match self {
            Locale::En if browser.to_ascii_lowercase().starts_with("en") => browser,
            Locale::En => "en",
            Locale::St => "en-ZA",
            Locale::Bs => "sr-Latn-BA",
            other => other.tag(),
        }
    }

    /// What goes between two sentences: Chinese sets none.
    pub fn sentence_gap(self) -> &'static str {
        match self {
            Locale::ZhHans => "",
            _ => " ",
        }
    }

    /// The locale a tag asks for, by its language (any case, `-` or `_`): "bs-Latn-BA" is
    /// Bosnian, "zh-CN" and "zh-Hans-SG" are Simplified Chinese; Traditional Chinese ("zh-TW",
    /// "zh-Hant") is not, as the console has no Traditional text.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = tag.split('-');
        let language = parts.next()?;
        let found = match language {
            "en" => Locale::En,
            "st" => Locale::St,
            "id" | "in" => Locale::Id,
            "bs" => Locale::Bs,
            "bn" => Locale::Bn,
            "zh" => {
                let has = |subtags: &[&str]| parts.clone().any(|p| subtags.contains(&p));
                if has(&["hant", "tw", "hk", "mo"]) && !has(&["hans"]) {
                    return None;
                }
                Locale::ZhHans
            }
            _ => return None,
        };
        Some(found)
    }

    /// The first of `preferences` (as `navigator.languages` lists them) the console speaks;
    /// English when none is.
    pub fn negotiate<S: AsRef<str>>(preferences: &[S]) -> Locale {
        preferences
            .iter()
            .find_map(|tag| Locale::from_tag(tag.as_ref()))
            .unwrap_or_default()
    }
}

/// Where the first language comes from, strongest first.
#[derive(Clone, Debug, Default)]
pub struct Preferences<'a> {
    /// The host page's `data-lang`.
    pub host: Option<Locale>,
    /// `?lang=` in the address, read only when the console owns the page.
    pub link: Option<&'a str>,
    /// The user's earlier choice, kept in `localStorage`.
    pub stored: Option<&'a str>,
    /// `navigator.languages`.
    pub browser: &'a [String],
}

impl Preferences<'_> {
    /// The language to start in: the host's, else the link's, else the user's last choice,
    /// else the browser's first language the console speaks, else English.
    pub fn choose(&self) -> Locale {
        self.host
            .or_else(|| self.link.and_then(Locale::from_tag))
            .or_else(|| self.stored.and_then(Locale::from_tag))
            .unwrap_or_else(|| Locale::negotiate(self.browser))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
    }

    #[test]
    fn regional_and_script_tags_find_their_language() {
        assert_eq!(Locale::from_tag("bs-Latn-BA"), Some(Locale::Bs));
        assert_eq!(Locale::from_tag("BN_bd"), Some(Locale::Bn));
        assert_eq!(Locale::from_tag("zh-CN"), Some(Locale::ZhHans));
        assert_eq!(Locale::from_tag("zh-Hans-HK"), Some(Locale::ZhHans));
        assert_eq!(Locale::from_tag("zh-TW"), None);
        assert_eq!(Locale::from_tag("zh-Hant"), None);
        assert_eq!(Locale::from_tag("zh-Hans-TW"), Some(Locale::ZhHans));
        assert_eq!(Locale::from_tag("st-LS"), Some(Locale::St));
        assert_eq!(Locale::from_tag("fr"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn the_host_then_the_link_then_the_stored_choice_then_the_browser_decide() {
        let browser = ["fr".to_owned(), "bn-BD".to_owned()];
        let all = Preferences {
            host: Some(Locale::Bs),
            link: Some("zh-Hans"),
            stored: Some("id"),
            browser: &browser,
        };
        assert_eq!(all.choose(), Locale::Bs);
        let no_host = Preferences {
            host: None,
            ..all.clone()
        };
        assert_eq!(no_host.choose(), Locale::ZhHans);
        let bad_link = Preferences {
            link: Some("xx"),
            ..no_host.clone()
        };
        assert_eq!(bad_link.choose(), Locale::Id);
        let browser_only = Preferences {
            stored: None,
            ..bad_link
        };
        assert_eq!(browser_only.choose(), Locale::Bn);
        assert_eq!(Preferences::default().choose(), Locale::En);
    }

    #[test]
    fn negotiation_takes_the_first_spoken_preference_or_english() {
        assert_eq!(Locale::negotiate(&["fr-FR", "bs", "en"]), Locale::Bs);
        assert_eq!(Locale::negotiate(&["de", "fr"]), Locale::En);
        assert_eq!(Locale::negotiate::<&str>(&[]), Locale::En);
    }
}
