//! Sizes, counts and times as people read them in the active language, through the
//! browser's `Intl` (localized, and almost free in wasm size) rather than a Rust time-zone
//! database. The `Intl` formatters are made once per language: making one costs more than
//! formatting with it, and a page of rows formats hundreds of times.

use std::cell::RefCell;

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use time::OffsetDateTime;
use wasm_bindgen::JsValue;

use crate::i18n::Locale;

/// A size in binary units, as consoles show disks: `(whole MB, "MB")` under 1 GiB, else
/// tenths of the unit, rounded half up (integer arithmetic: Rust's float formatting would
/// add about 11 KB to the wasm).
fn scaled(mb: u64) -> (u64, &'static str) {
    let (divisor, unit) = match mb {
        0..1024 => return (mb, "MB"),
        1024..1_048_576 => (1024, "GB"),
        _ => (1024 * 1024, "TB"),
    };
    ((mb * 10 + divisor / 2) / divisor, unit)
}

/// `5120` MB as "5.0 GB" ("5,0 GB" in Bosnian, "৫.০ GB" in Bengali).
pub fn size(locale: Locale, mb: u64) -> String {
    let (value, unit) = scaled(mb);
    let number = if unit == "MB" {
        count(locale, value as f64)
    } else {
        with(locale, |f| {
            call(&f.tenths, &JsValue::from_f64(value as f64 / 10.0))
        })
    };
    format!("{number} {unit}")
}

/// `5120` as "5,120 MB" (grouped the locale's way).
pub fn exact_mb(locale: Locale, mb: u64) -> String {
    format!("{} MB", count(locale, mb as f64))
}

/// `5000` as "5,000" ("5.000" in Indonesian, "৫,০০০" in Bengali).
pub fn count(locale: Locale, n: f64) -> String {
    with(locale, |f| call(&f.number, &JsValue::from_f64(n)))
}

/// Milliseconds since the epoch, as JavaScript counts them.
pub fn millis(at: OffsetDateTime) -> f64 {
    // Seconds and milliseconds apart: the nanosecond count is an i128, and dividing one
    // brings a 128-bit division into the wasm.
    at.unix_timestamp() as f64 * 1000.0 + f64::from(at.millisecond())
}

/// Now, in milliseconds since the epoch.
pub fn now() -> f64 {
    Date::now()
}

/// The RFC 3339 form, for `<time datetime>`.
pub fn iso(at: OffsetDateTime) -> String {
    Date::new(&JsValue::from_f64(millis(at)))
        .to_iso_string()
        .into()
}

/// "15 Jan 2025, 18:30" in the active language and the browser's time zone.
pub fn absolute(locale: Locale, at: OffsetDateTime) -> String {
    let date = Date::new(&JsValue::from_f64(millis(at)));
    with(locale, |f| call(&f.absolute, &date))
}

/// "3 minutes ago", "in 2 hours", "yesterday", in the active language.
pub fn relative(locale: Locale, at_ms: f64, now_ms: f64) -> String {
    let seconds = (at_ms - now_ms) / 1000.0;
    let abs = seconds.abs();
    let (value, unit) = if abs < 45.0 {
        (seconds, "second")
    } else if abs < 45.0 * 60.0 {
        (seconds / 60.0, "minute")
    } else if abs < 22.0 * 3600.0 {
        (seconds / 3600.0, "hour")
    } else if abs < 26.0 * 86_400.0 {
        (seconds / 86_400.0, "day")
    } else if abs < 320.0 * 86_400.0 {
        (seconds / (30.44 * 86_400.0), "month")
    } else {
        (seconds / (365.25 * 86_400.0), "year")
    };
    with(locale, |f| f.relative.format(value.round(), unit).into())
}

/// A compact local time stamp for default names: "20260122-1530".
pub fn stamp() -> String {
    let d = Date::new_0();
    format!(
        "{:04}{:02}{:02}-{:02}{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// `text` as a CSS string, for `content:`: quoted, with quotes, backslashes and line ends
/// escaped, so no translation can end the string or the declaration.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push_str("\\A "),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Formatters {
    locale: Locale,
    absolute: Function,
    relative: Intl::RelativeTimeFormat,
    number: Function,
    /// One digit after the decimal sign, for sizes.
    tenths: Function,
}

impl Formatters {
    fn new(locale: Locale) -> Self {
        let browser = leptos::prelude::window()
            .navigator()
            .language()
            .unwrap_or_default();
        let locales = Array::of1(&JsValue::from_str(locale.intl_tag(&browser)));
        let options = |pairs: &[(&str, &str)]| {
            let options = Object::new();
            for (key, value) in pairs {
                let _ = Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
            }
            options
        };
        let dates = options(&[("dateStyle", "medium"), ("timeStyle", "short")]);
        let tenths = options(&[
            ("minimumFractionDigits", "1"),
            ("maximumFractionDigits", "1"),
        ]);
        Formatters {
            locale,
            absolute: Intl::DateTimeFormat::new(&locales, &dates).format(),
            relative: Intl::RelativeTimeFormat::new(&locales, &options(&[("numeric", "auto")])),
            number: Intl::NumberFormat::new(&locales, &Object::new()).format(),
            tenths: Intl::NumberFormat::new(&locales, &tenths).format(),
        }
    }
}

thread_local! {
    /// The active language's formatters; a switch makes new ones.
    static FORMATTERS: RefCell<Option<Formatters>> = const { RefCell::new(None) };
}

fn with<T>(locale: Locale, use_them: impl FnOnce(&Formatters) -> T) -> T {
    FORMATTERS.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.as_ref().is_some_and(|f| f.locale != locale) {
            *cell = None;
        }
        use_them(cell.get_or_insert_with(|| Formatters::new(locale)))
    })
}

/// Calls a bound `Intl` format function.
fn call(format: &Function, value: &JsValue) -> String {
    format
        .call1(&JsValue::UNDEFINED, value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_be_ended_by_their_text() {
        assert_eq!(css_string("Undo"), r#""Undo""#);
        assert_eq!(css_string("পূর্বাবস্থায় ফেরান"), "\"পূর্বাবস্থায় ফেরান\"");
        assert_eq!(css_string(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(css_string("a\nb; }"), r#""a\A b; }""#);
    }

    #[test]
    fn sizes_use_binary_units_in_tenths() {
        assert_eq!(scaled(0), (0, "MB"));
        assert_eq!(scaled(1023), (1023, "MB"));
        assert_eq!(scaled(5120), (50, "GB"));
        assert_eq!(scaled(4856), (47, "GB"));
        assert_eq!(scaled(3 * 1024 * 1024), (30, "TB"));
    }
}
