//! The path of the field a JSON decode error is about (`results[3].created_at`), found from
//! where serde_json stopped in the text.
//!
//! `serde_path_to_error` gives the same by wrapping the deserializer, but that doubles the
//! decoding code of every type it reads: 4.4 KB of gzip in the console's wasm, measured. This
//! scans the text up to the error instead, and runs only when decoding has already failed.

use std::fmt;

/// Why a 2xx body could not be read: serde_json's error, and the path of the field it was
/// at, shown first (`results[3].created_at: invalid type ...`) unless it is the body as a
/// whole.
#[derive(Debug)]
pub struct DecodeError {
    path: String,
    error: serde_json::Error,
}

impl DecodeError {
    /// `error`, met while reading `json`.
    pub fn new(json: &[u8], error: serde_json::Error) -> Self {
        // serde_json stops just after what it could not take: a value of the wrong type, or
        // the `}` of an object missing a field, so the scan names the field or the object.
        let path = path_at(json, offset(json, error.line(), error.column()));
        Self { path, error }
    }

    /// Where in the body the error is (`results[3].created_at`); empty for the whole body.
    pub fn path(&self) -> &str {
        &self.path
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.error)
        } else {
            write!(f, "{}: {}", self.path, self.error)
        }
    }
}

impl std::error::Error for DecodeError {}

/// The byte offset of serde_json's one-based `line` and `column` in `json` (0 when it gives
/// no position).
fn offset(json: &[u8], line: usize, column: usize) -> usize {
    if line == 0 {
        return 0;
    }
    // The lines before `line`, each with its newline.
    let start: usize = json
        .split(|b| *b == b'\n')
        .take(line - 1)
        .map(|l| l.len() + 1)
        .sum();
    (start + column).min(json.len())
}

enum Frame {
    /// An object, with where the key of the value being read is in the text, once read.
    Object(Option<(usize, usize)>),
    /// An array, with the index of the element being read.
    Array(usize),
}

/// The path of the value being read when the scan of `json` reaches byte `end`.
fn path_at(json: &[u8], end: usize) -> String {
    let mut stack: Vec<Frame> = Vec::new();
    let mut at = 0;
    while at < end {
        match json[at] {
            b'"' => {
                let start = at + 1;
                at = start;
                while at < end && json[at] != b'"' {
                    at += if json[at] == b'\\' { 2 } else { 1 };
                }
                // A string where a key is due is the key of the value that follows.
                if let Some(Frame::Object(key @ None)) = stack.last_mut() {
                    *key = Some((start, at.min(end)));
                }
            }
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
                // The body is whole: what follows is trailing text, not a field.
                if stack.is_empty() {
                    break;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key)) => *key = None,
                Some(Frame::Array(index)) => *index += 1,
                None => {}
            },
            _ => {}
        }
        at += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some((start, end))) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(std::str::from_utf8(&json[*start..*end]).unwrap_or("?"));
            }
            Frame::Array(index) => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            Frame::Object(None) => break,
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Item {
        id: u64,
        tags: Vec<u8>,
        at: String,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Page {
        count: u64,
        results: Vec<Item>,
    }

    fn path_of(json: &str) -> String {
        let error = serde_json::from_str::<Page>(json).unwrap_err();
        DecodeError::new(json.as_bytes(), error).path().to_owned()
    }

    #[test]
    fn paths_name_the_field_and_the_element() {
        let ok = r#"{"id": 1, "tags": [1], "at": "x"}"#;
        let json = format!(
            r#"{{"count": 3, "results": [{ok}, {ok}, {{"id": 3, "tags": [1, 2, "no"], "at": "x"}}]}}"#
        );
        assert_eq!(path_of(&json), "results[2].tags[2]");
        let json =
            format!(r#"{{"count": 2, "results": [{ok}, {{"id": "7", "tags": [], "at": "x"}}]}}"#);
        assert_eq!(path_of(&json), "results[1].id");
        assert_eq!(path_of(r#"{"count": "many", "results": []}"#), "count");
        // Over several lines, and with escapes in strings before the error.
        let json = "{\n\"results\": [\n{\"id\": 1, \"tags\": [], \"at\": \"a\\\"b,{[\"},\n{\"id\": 2, \"tags\": [], \"at\": 5}]}";
        assert_eq!(path_of(json), "results[1].at");
    }

    #[test]
    fn a_missing_field_names_its_object() {
        let json = r#"{"count": 1, "results": [{"id": 1, "tags": []}]}"#;
        assert_eq!(path_of(json), "results[0]");
        assert_eq!(path_of(r#"{"results": []}"#), "");
    }

    #[test]
    fn whole_body_errors_have_no_path() {
        for json in [
            "",
            "<html>",
            "[]",
            r#"{"count": 1, "results": []} trailing"#,
        ] {
            let error = serde_json::from_str::<Page>(json).unwrap_err();
            let decoded = DecodeError::new(json.as_bytes(), error);
            assert_eq!(decoded.path(), "", "{json}");
            assert!(!decoded.to_string().starts_with(':'));
        }
    }

    #[test]
    fn the_message_puts_the_path_first() {
        let json = r#"{"count": true, "results": []}"#;
        let error = serde_json::from_str::<Page>(json).unwrap_err();
        let text = DecodeError::new(json.as_bytes(), error).to_string();
        assert!(
            text.starts_with("count: invalid type: boolean `true`"),
            "{text}"
        );
    }

    #[test]
    fn any_text_and_position_is_scanned_without_panicking() {
        let json = br#"{"a": [1, {"b": "\"}]"}, {"c": [}"#;
        for end in 0..=json.len() {
            let _ = path_at(json, end);
        }
        assert_eq!(offset(b"ab\ncd", 2, 1), 4);
        assert_eq!(offset(b"ab", 9, 9), 2);
    }
}
