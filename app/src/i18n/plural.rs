//! CLDR's cardinal plural rules for whole numbers, for the six locales. Carried here rather
//! than asked of `Intl.PluralRules`: the model's texts are made in plain Rust that tests run
//! natively, and the six rules are a few lines. A browser test checks them against Chromium's
//! `Intl.PluralRules` for 0 to 1,000.

use super::Locale;

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    One,
    Few,
    Other,
}

impl Category {
    /// CLDR's name for it, as locale files write it.
    pub fn name(self) -> &'static str {
        match self {
            Category::One => "one",
            Category::Few => "few",
            Category::Other => "other",
        }
    }
}

impl Locale {
    /// The categories this locale's whole numbers fall into, each needed in a plural text.
    pub fn plural_categories(self) -> &'static [Category] {
        match self {
            Locale::En | Locale::St | Locale::Bn => &[Category::One, Category::Other],
            Locale::Bs => &[Category::One, Category::Few, Category::Other],
            Locale::Id | Locale::ZhHans => &[Category::Other],
        }
    }

    /// The category of `n` (CLDR 46, integers: `i` = `n`, `v` = 0).
    pub fn plural(self, n: u64) -> Category {
        match self {
            Locale::En | Locale::St if n == 1 => Category::One,
            // Bengali: i = 0 or n = 1.
            Locale::Bn if n <= 1 => Category::One,
            Locale::Bs => {
                let (units, tens) = (n % 10, n % 100);
                if units == 1 && tens != 11 {
                    Category::One
                } else if (2..=4).contains(&units) && !(12..=14).contains(&tens) {
                    Category::Few
                } else {
                    Category::Other
                }
            }
            _ => Category::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bosnian_has_one_few_and_other() {
        let of = |n| Locale::Bs.plural(n);
        assert_eq!([of(1), of(21), of(101)], [Category::One; 3]);
        assert_eq!([of(2), of(4), of(22), of(104)], [Category::Few; 4]);
        assert_eq!(
            [of(0), of(5), of(11), of(12), of(14), of(111)],
            [Category::Other; 6]
        );
    }

    #[test]
    fn bengali_counts_zero_as_one() {
        assert_eq!(Locale::Bn.plural(0), Category::One);
        assert_eq!(Locale::Bn.plural(1), Category::One);
        assert_eq!(Locale::Bn.plural(2), Category::Other);
    }

    #[test]
    fn every_category_a_rule_gives_is_one_the_locale_lists() {
        for locale in Locale::ALL {
            for n in 0..1000 {
                assert!(
                    locale.plural_categories().contains(&locale.plural(n)),
                    "{locale:?} {n}"
                );
            }
        }
    }
}
