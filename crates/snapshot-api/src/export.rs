//! "Export": a list of snapshots as a file to take away, CSV or JSON, built here so the
//! browser only hands the text to a download.
//!
//! The CSV is RFC 4180 (CRLF, quotes doubled) in UTF-8 with a byte-order mark, so spreadsheets
//! read Bengali and Chinese correctly. Names and descriptions come from users: a cell that a
//! spreadsheet would run as a formula is neutralised (OWASP's CSV injection guidance).

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime, UtcOffset};

use crate::{ServerId, ServerRef, Snapshot, SnapshotId, SnapshotStatus};

/// The CSV's columns, in order.
pub const CSV_COLUMNS: [&str; 8] = [
    "id",
    "name",
    "status",
    "server_id",
    "server_name",
    "size_mb",
    "created_at",
    "description",
];

/// `snapshots` as CSV: a byte-order mark, one header row ([`CSV_COLUMNS`]), one row each, times
/// in ISO 8601 UTC.
pub fn snapshots_csv(snapshots: &[Snapshot]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for s in snapshots {
        let row = [
            s.id.get().to_string(),
            csv_cell(&s.name),
            csv_cell(s.status.as_str()),
            s.server.id.get().to_string(),
            csv_cell(&s.server.name),
            s.size_mb.map(|mb| mb.to_string()).unwrap_or_default(),
            utc(s.created_at),
            csv_cell(s.description.as_deref().unwrap_or_default()),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// `snapshots` as the API lists them: `{"count", "results"}`, times in ISO 8601 UTC,
/// indented for reading.
pub fn snapshots_json(snapshots: &[Snapshot]) -> String {
    let results = snapshots
        .iter()
        .map(|s| Listed {
            id: s.id.get(),
            server: Server {
                id: s.server.id.get(),
                name: &s.server.name,
            },
            name: &s.name,
            status: s.status.as_str(),
            size_mb: s.size_mb,
            created_at: utc(s.created_at),
            description: s.description.as_deref(),
        })
        .collect();
    let page = Page {
        count: snapshots.len(),
        results,
    };
    serde_json::to_string_pretty(&page).unwrap_or_default()
}

/// A snapshot as the console hands the list it shows to the file writers it loads on first use
/// (`crates/snapshot-tools`): a JSON array of its fields, as the browser writes one. In order:
/// id, name, status, server id, server name, size in MB, taken at (milliseconds since the
/// epoch), description; the size and description may be `null`.
///
/// An array rather than the API's shape, so the console's first load carries no serializer
/// for it (that was 1,141 B gzip; the browser's `JSON.stringify` does it).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Row(
    pub u64,
    pub String,
    pub String,
    pub u64,
    pub String,
    pub Option<u64>,
    pub i64,
    pub Option<String>,
);

impl Row {
    /// The snapshot the row holds; `None` for an id, server id or time the model refuses.
    pub fn snapshot(self) -> Option<Snapshot> {
        let Row(id, name, status, server_id, server_name, size_mb, taken_ms, description) = self;
        Some(Snapshot {
            id: SnapshotId::new(id).ok()?,
            server: ServerRef {
                id: ServerId::new(server_id).ok()?,
                name: server_name,
            },
            name,
            status: SnapshotStatus::from(status.as_str()),
            size_mb,
            created_at: OffsetDateTime::from_unix_timestamp_nanos(i128::from(taken_ms) * 1_000_000)
                .ok()?,
            description,
        })
    }
}

/// The list's shape, borrowed (the model's own `Serialize` writes times with `time`'s
/// formatter, which the console's wasm does not otherwise need).
#[derive(Serialize)]
struct Page<'a> {
    count: usize,
    results: Vec<Listed<'a>>,
}

#[derive(Serialize)]
struct Listed<'a> {
    id: u64,
    server: Server<'a>,
    name: &'a str,
    status: &'a str,
    size_mb: Option<u64>,
    created_at: String,
    description: Option<&'a str>,
}

#[derive(Serialize)]
struct Server<'a> {
    id: u64,
    name: &'a str,
}

/// The file's name: what it holds, the server (or `all`), and the day, e.g.
/// `snapshots-web-server-01-2026-11-23.csv`. Characters a file system may refuse become `-`.
pub fn export_file_name(server: Option<&str>, day: Date, extension: &str) -> String {
    let mut slug = String::new();
    for c in server.unwrap_or("all").chars() {
        // Letters of any script stay; ASCII punctuation, spaces and controls do not.
        let c = if c.is_ascii_alphanumeric()
            || c == '_'
            || c == '.'
            || !(c.is_ascii() || c.is_whitespace() || c.is_control())
        {
            c
        } else {
            '-'
        };
        if !(c == '-' && (slug.is_empty() || slug.ends_with('-'))) {
            slug.push(c);
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "server" } else { slug };
    format!(
        "snapshots-{slug}-{:04}-{:02}-{:02}.{extension}",
        day.year(),
        u8::from(day.month()),
        day.day()
    )
}

/// One CSV field: neutralised when a spreadsheet would read it as a formula (a leading `'`),
/// quoted when it holds a comma, quote or line break.
fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// `at` in UTC as ISO 8601, to the second: `2026-11-23T10:00:00Z`.
fn utc(at: OffsetDateTime) -> String {
    let at = at.to_offset(UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}
