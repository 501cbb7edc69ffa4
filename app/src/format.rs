//! Sizes and times as people read them. Times use the browser's `Intl` (localized, and
//! almost free in wasm size) rather than a Rust time-zone database. The `Intl` formatters
//! are made once: making one costs more than formatting with it, and a page of rows formats
//! hundreds of times.

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use time::OffsetDateTime;
use wasm_bindgen::JsValue;

/// `5120` MB as "5.0 GB"; binary units, as consoles show disks. Integer arithmetic: Rust's
/// float formatting would add about 11 KB to the wasm.
pub fn size(mb: u64) -> String {
    const UNITS: [&str; 2] = ["GB", "TB"];
    if mb < 1024 {
        return format!("{mb} MB");
    }
    let (divisor, unit) = if mb < 1024 * 1024 {
        (1024, UNITS[0])
    } else {
        (1024 * 1024, UNITS[1])
    };
    // Tenths, rounded half up.
    let tenths = (mb * 10 + divisor / 2) / divisor;
    format!("{}.{} {unit}", tenths / 10, tenths % 10)
}

/// `5120` as "5,120 MB" (grouping by the browser's locale).
pub fn exact_mb(mb: u64) -> String {
    format!("{} MB", count(mb as f64))
}

/// `5000` as "5,000" (grouping by the browser's locale).
pub fn count(n: f64) -> String {
    FORMATTERS.with(|f| call(&f.number, &JsValue::from_f64(n)))
}

/// Milliseconds since the epoch, as JavaScript counts them.
pub fn millis(at: OffsetDateTime) -> f64 {
    (at.unix_timestamp_nanos() / 1_000_000) as f64
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

/// "15 Jan 2025, 18:30" in the browser's locale and time zone.
pub fn absolute(at: OffsetDateTime) -> String {
    let date = Date::new(&JsValue::from_f64(millis(at)));
    FORMATTERS.with(|f| call(&f.absolute, &date))
}

/// "3 minutes ago", "in 2 hours", "yesterday", in the browser's locale.
pub fn relative(at_ms: f64, now_ms: f64) -> String {
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
    FORMATTERS.with(|f| f.relative.format(value.round(), unit).into())
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

struct Formatters {
    absolute: Function,
    relative: Intl::RelativeTimeFormat,
    number: Function,
}

thread_local! {
    static FORMATTERS: Formatters = {
        let locales = Array::of1(&JsValue::from_str(&locale()));
        let options = |pairs: &[(&str, &str)]| {
            let options = Object::new();
            for (key, value) in pairs {
                set(&options, key, value);
            }
            options
        };
        let dates = options(&[("dateStyle", "medium"), ("timeStyle", "short")]);
        Formatters {
            absolute: Intl::DateTimeFormat::new(&locales, &dates).format(),
            relative: Intl::RelativeTimeFormat::new(&locales, &options(&[("numeric", "auto")])),
            number: Intl::NumberFormat::new(&locales, &Object::new()).format(),
        }
    };
}

/// Calls a bound `Intl` format function.
fn call(format: &Function, value: &JsValue) -> String {
    format
        .call1(&JsValue::UNDEFINED, value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

fn locale() -> String {
    leptos::prelude::window()
        .navigator()
        .language()
        .unwrap_or_else(|| "en".to_owned())
}

fn set(object: &Object, key: &str, value: &str) {
    let _ = Reflect::set(object, &JsValue::from_str(key), &JsValue::from_str(value));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_use_binary_units() {
        assert_eq!(size(0), "0 MB");
        assert_eq!(size(1023), "1023 MB");
        assert_eq!(size(5120), "5.0 GB");
        assert_eq!(size(4856), "4.7 GB");
        assert_eq!(size(3 * 1024 * 1024), "3.0 TB");
    }
}
