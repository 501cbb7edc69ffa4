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
                let rest: Vec<&str> = parts.collect();
                let traditional = rest
                    .iter()
                    .any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"));
                if traditional && !rest.contains(&"hans") {
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
        assert_eq!(Locale::from_tag("st-LS"), Some(Locale::St));
        assert_eq!(Locale::from_tag("fr"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn negotiation_takes_the_first_spoken_preference_or_english() {
        assert_eq!(Locale::negotiate(&["fr-FR", "bs", "en"]), Locale::Bs);
        assert_eq!(Locale::negotiate(&["de", "fr"]), Locale::En);
        assert_eq!(Locale::negotiate::<&str>(&[]), Locale::En);
    }
}
