//! Every validated type's parser, and the name suggestion, on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use snapshot_api::{BaseUrl, BearerToken, Description, RetryAfter, ServerId, SnapshotId, SnapshotName};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(name) = SnapshotName::parse(&text) {
        assert_eq!(name.as_str(), text);
    }
    let _ = Description::parse(&text);
    let _ = text.parse::<ServerId>();
    let _ = text.parse::<SnapshotId>();
    if let Ok(token) = BearerToken::parse(&text) {
        assert_eq!(format!("{token:?}"), "BearerToken(<redacted>)");
        assert_eq!(format!("{token}"), "<redacted>");
    }
    // Whatever the text, a base is on the page's origin or an absolute http(s) URL.
    if let Ok(base) = BaseUrl::parse_on_page(&text, "http://127.0.0.1:8080/") {
        assert!(base.to_string().starts_with("http"));
    }
    let _ = BaseUrl::parse(&text);
    let _ = RetryAfter::parse(&text);
    let (a, b) = text.split_at(text.char_indices().nth(text.chars().count() / 2).map_or(0, |(i, _)| i));
    let suggested = SnapshotName::suggest(a, b);
    assert!(SnapshotName::parse(suggested.as_str()).is_ok());
});
