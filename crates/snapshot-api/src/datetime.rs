//! The two date formats the API sends, read by hand: RFC 3339 (`created_at`) and the HTTP
//! date of `Retry-After`. `time` keeps the type; its general-purpose parser stays out of the
//! console's wasm (its format-description machinery was about 20 KB there). The tests check
//! these against `time`'s own parsers natively.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// Reads an RFC 3339 date-time as `time`'s `Rfc3339` does: `T`, `t` or a space between date
/// and time, any number of fraction digits (nanoseconds kept), `Z`/`z` or `±hh:mm`, and a
/// leap second only where it falls at 23:59 UTC (read as 23:59:59.999999999).
pub fn parse_rfc3339(text: &str) -> Option<OffsetDateTime> {
    let b = text.as_bytes();
    let digits = |at: usize, n: usize| -> Option<u32> {
        let part = b.get(at..at + n)?;
        part.iter().try_fold(0u32, |acc, d| {
            d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
        })
    };
    let byte = |at: usize| b.get(at).copied();
    let year = digits(0, 4)?;
    let month = digits(5, 2)?;
    let day = digits(8, 2)?;
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    if byte(4)? != b'-' || byte(7)? != b'-' || !matches!(byte(10)?, b'T' | b't' | b' ') {
        return None;
    }
    if byte(13)? != b':' || byte(16)? != b':' {
        return None;
    }
    let mut at = 19;
    let mut nanos = 0u32;
    if byte(at) == Some(b'.') {
        at += 1;
        let start = at;
        while byte(at).is_some_and(|d| d.is_ascii_digit()) {
            if at - start < 9 {
                nanos = nanos * 10 + u32::from(b[at] - b'0');
            }
            at += 1;
        }
        if at == start {
            return None;
        }
        for _ in (at - start)..9 {
            nanos *= 10;
        }
    }
    let offset = match byte(at)? {
        b'Z' | b'z' if at + 1 == b.len() => UtcOffset::UTC,
        sign @ (b'+' | b'-') if at + 6 == b.len() && byte(at + 3)? == b':' => {
            let (h, m) = (digits(at + 1, 2)?, digits(at + 4, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let seconds = (h * 3600 + m * 60) as i32;
            UtcOffset::from_whole_seconds(if sign == b'-' { -seconds } else { seconds }).ok()?
        }
        _ => return None,
    };
    let date = Date::from_calendar_date(
        year as i32,
        Month::try_from(u8::try_from(month).ok()?).ok()?,
        u8::try_from(day).ok()?,
    )
    .ok()?;
    let leap = second == 60;
    let time = if leap {
        Time::from_hms_nano(hour as u8, minute as u8, 59, 999_999_999)
    } else {
        Time::from_hms_nano(hour as u8, minute as u8, second as u8, nanos)
    }
    .ok()?;
    let at = PrimitiveDateTime::new(date, time).assume_offset(offset);
    if leap {
        let utc = at.to_offset(UtcOffset::UTC);
        if (utc.hour(), utc.minute()) != (23, 59) {
            return None;
        }
    }
    Some(at)
}

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Reads an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`, RFC 9110's IMF-fixdate); the weekday
/// must be the date's.
pub fn parse_http_date(text: &str) -> Option<OffsetDateTime> {
    let mut parts = text.split(' ');
    let weekday = parts.next()?.strip_suffix(',')?;
    let day: u8 = parts.next().filter(|d| d.len() == 2)?.parse().ok()?;
    let month_name = parts.next()?;
    let month = MONTHS.iter().position(|m| *m == month_name)?;
    let year: i32 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let clock = parts.next()?.as_bytes();
    if parts.next()? != "GMT" || parts.next().is_some() || clock.len() != 8 {
        return None;
    }
    let two = |at: usize| -> Option<u8> {
        let (a, b) = (clock[at], clock[at + 1]);
        (a.is_ascii_digit() && b.is_ascii_digit()).then(|| (a - b'0') * 10 + (b - b'0'))
    };
    if clock[2] != b':' || clock[5] != b':' {
        return None;
    }
    let date = Date::from_calendar_date(year, Month::try_from(month as u8 + 1).ok()?, day).ok()?;
    let time = Time::from_hms(two(0)?, two(3)?, two(6)?).ok()?;
    let expected = WEEKDAYS[date.weekday().number_days_from_monday() as usize];
    (weekday == expected).then(|| PrimitiveDateTime::new(date, time).assume_utc())
}

/// Serde for RFC 3339 fields: read with [`parse_rfc3339`], written with `time`'s formatter
/// (only the simulator writes them).
pub mod rfc3339 {
    use std::fmt;

    use serde::{de, Deserializer, Serializer};
    use time::OffsetDateTime;

    struct Visitor;

    impl de::Visitor<'_> for Visitor {
        type Value = OffsetDateTime;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an RFC 3339 date-time")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<OffsetDateTime, E> {
            super::parse_rfc3339(text)
                .ok_or_else(|| E::invalid_value(de::Unexpected::Str(text), &self))
        }
    }

    /// Reads an RFC 3339 string.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
        d.deserialize_str(Visitor)
    }

    /// Writes an RFC 3339 string.
    pub fn serialize<S: Serializer>(at: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
        time::serde::rfc3339::serialize(at, s)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use time::format_description::well_known::Rfc3339;

    use super::*;

    fn by_time(text: &str) -> Option<OffsetDateTime> {
        OffsetDateTime::parse(text, &Rfc3339).ok()
    }

    #[test]
    fn reads_what_the_api_sends_and_the_edges_as_time_does() {
        for text in [
            "2025-01-15T18:30:00Z",
            "2025-01-15t18:30:00z",
            "2025-01-15 18:30:00Z",
            "2025-01-15T18:30:00.123456Z",
            "2025-01-15T18:30:00.1234567891Z",
            "2025-01-15T18:30:00-00:00",
            "2024-02-29T00:00:00+23:59",
            "2016-12-31T23:59:60Z",
            "2017-01-01T00:59:60.5+01:00",
            "0000-01-01T00:00:00Z",
        ] {
            assert_eq!(parse_rfc3339(text), by_time(text), "{text}");
            assert!(parse_rfc3339(text).is_some(), "{text}");
        }
        for text in [
            "",
            "2025-01-15",
            "2025-01-15T18:30:00",
            "2025-01-15T18:30:00.Z",
            "2025-02-29T00:00:00Z",
            "2025-06-30T23:59:60+01:00",
            "2025-01-15T18:30:00+24:00",
            "2025-01-15T24:00:00Z",
            "2025-13-01T00:00:00Z",
            "2025-01-15T18:30:00Z ",
            "+2025-01-15T18:30:00Z",
            "2025-01-15T18:30:00+0100",
        ] {
            assert_eq!(parse_rfc3339(text), None, "{text}");
            assert_eq!(by_time(text), None, "{text}");
        }
    }

    #[test]
    fn http_dates_need_their_own_weekday() {
        let at = parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
        assert_eq!(at.unix_timestamp(), 1_445_412_480);
        for bad in [
            "Thu, 21 Oct 2015 07:28:00 GMT",
            "Wed, 21 Oct 2015 07:28:00 UTC",
            "Wed, 21 Oct 2015 7:28:00 GMT",
            "Wed, 31 Feb 2015 07:28:00 GMT",
            "Wed 21 Oct 2015 07:28:00 GMT",
            "Wed, 21 Oct 2015 07:28:00 GMT extra",
        ] {
            assert_eq!(parse_http_date(bad), None, "{bad}");
        }
    }

    proptest! {
        /// Every date-time `time` writes reads back to itself.
        #[test]
        fn what_time_writes_reads_back(
            seconds in -62_167_219_200i64..253_402_300_799,
            nanos in 0u32..1_000_000_000,
            offset in -86_340i32..=86_340,
        ) {
            let offset = UtcOffset::from_whole_seconds(offset / 60 * 60).unwrap();
            let at = OffsetDateTime::from_unix_timestamp(seconds).unwrap()
                .replace_nanosecond(nanos).unwrap()
                .to_offset(offset);
            prop_assume!((0..=9999).contains(&at.year()));
            let text = at.format(&Rfc3339).unwrap();
            prop_assert_eq!(parse_rfc3339(&text), Some(at), "{}", text);
        }

        /// On text near the format, this reads exactly what `time` reads.
        #[test]
        fn near_misses_are_read_as_time_reads_them(
            text in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,12})?([Zz]|[+-][0-9]{2}:[0-9]{2})?",
        ) {
            prop_assert_eq!(parse_rfc3339(&text), by_time(&text), "{}", text);
        }

        /// Whatever the text, never a panic, and never a value `time` would not give.
        #[test]
        fn any_text_is_read_as_time_reads_it_or_refused(text in ".{0,40}") {
            if let Some(at) = parse_rfc3339(&text) {
                prop_assert_eq!(Some(at), by_time(&text));
            }
        }

        /// HTTP dates agree with `time`'s reading of the same format.
        #[test]
        fn http_dates_read_as_time_reads_them(seconds in 0i64..253_402_300_799) {
            let at = OffsetDateTime::from_unix_timestamp(seconds).unwrap();
            let format = time::macros::format_description!(
                "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
            );
            let text = at.format(format).unwrap();
            prop_assert_eq!(parse_http_date(&text), Some(at));
        }
    }
}
