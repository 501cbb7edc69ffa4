//! "Export": the CSV a spreadsheet opens (BOM, RFC 4180, no formula runs) and the JSON in the
//! API's shape, each read back by an independent reader.

use proptest::prelude::*;
use snapshot_api::export::{export_file_name, snapshots_csv, snapshots_json, CSV_COLUMNS};
use snapshot_api::{Snapshot, SnapshotPage};

fn snapshot(id: u64, name: &str, description: Option<&str>) -> Snapshot {
    serde_json::from_value(serde_json::json!({
        "id": id,
        "server": {"id": 12345, "name": "web-server-01"},
        "name": name,
        "status": "completed",
        "size_mb": 2048,
        "created_at": "2026-11-23T12:30:05+02:00",
        "description": description,
    }))
    .unwrap()
}

/// The CSV's rows as the `csv` crate reads them, BOM removed.
fn read(csv_text: &str) -> Vec<Vec<String>> {
    let text = csv_text.strip_prefix('\u{feff}').expect("a BOM first");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn a_bom_one_header_row_crlf_and_utc_times() {
    let text = snapshots_csv(&[snapshot(801, "pre-migration", Some("plain"))]);
    assert_eq!(
        text,
        "\u{feff}id,name,status,server_id,server_name,size_mb,created_at,description\r\n\
         801,pre-migration,completed,12345,web-server-01,2048,2026-11-23T10:30:05Z,plain\r\n"
    );
    assert_eq!(read(&text)[0], CSV_COLUMNS);
}

#[test]
fn commas_quotes_and_line_breaks_are_quoted_and_read_back_whole() {
    let description = "one, \"two\"\nthree\r\nfour";
    let text = snapshots_csv(&[snapshot(1, "a", Some(description))]);
    assert!(
        text.contains("\"one, \"\"two\"\"\nthree\r\nfour\""),
        "{text}"
    );
    assert_eq!(read(&text)[1][7], description);
}

#[test]
fn bengali_and_chinese_survive() {
    let description = "সার্ভার আপডেটের আগে · 系统更新前的快照";
    let rows = read(&snapshots_csv(&[snapshot(1, "a", Some(description))]));
    assert_eq!(rows[1][7], description);
}

#[test]
fn a_cell_a_spreadsheet_would_run_is_neutralised() {
    for bad in [
        "=HYPERLINK(\"http://x\")",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\tcmd",
        "\rcmd",
    ] {
        let rows = read(&snapshots_csv(&[snapshot(
            1,
            "-starts-with-dash",
            Some(bad),
        )]));
        assert_eq!(rows[1][7], format!("'{bad}"), "{bad:?}");
        assert_eq!(rows[1][1], "'-starts-with-dash");
    }
    // Only the first character counts.
    let rows = read(&snapshots_csv(&[snapshot(1, "a", Some("a=b"))]));
    assert_eq!(rows[1][7], "a=b");
}

#[test]
fn an_absent_size_and_description_are_empty_cells() {
    let mut s = snapshot(1, "a", None);
    s.size_mb = None;
    let rows = read(&snapshots_csv(&[s]));
    assert_eq!((rows[1][5].as_str(), rows[1][7].as_str()), ("", ""));
}

#[test]
fn the_json_is_the_apis_list_shape_and_reads_back_as_one() {
    let list = [
        snapshot(801, "a", Some("x \"y\"")),
        snapshot(802, "b", None),
    ];
    let text = snapshots_json(&list);
    let page: SnapshotPage = serde_json::from_str(&text).unwrap();
    assert_eq!(page.count, 2);
    assert_eq!(page.results, list);
    let raw: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(raw["results"][0]["created_at"], "2026-11-23T10:30:05Z");
}

#[test]
fn the_file_name_says_what_it_holds() {
    let day = time::macros::date!(2026 - 11 - 23);
    assert_eq!(
        export_file_name(Some("web-server-01"), day, "csv"),
        "snapshots-web-server-01-2026-11-23.csv"
    );
    assert_eq!(
        export_file_name(None, day, "json"),
        "snapshots-all-2026-11-23.json"
    );
    assert_eq!(
        export_file_name(Some("db / primary: \"eu\""), day, "csv"),
        "snapshots-db-primary-eu-2026-11-23.csv"
    );
    assert_eq!(
        export_file_name(Some("数据库"), day, "csv"),
        "snapshots-数据库-2026-11-23.csv"
    );
    assert_eq!(
        export_file_name(Some("../.."), day, "csv"),
        "snapshots-..-..-2026-11-23.csv"
    );
}

proptest! {
    /// Any description reads back as itself, or as itself behind the one neutralising `'`.
    #[test]
    fn any_description_reads_back(description in any::<String>()) {
        let rows = read(&snapshots_csv(&[snapshot(1, "a", Some(&description))]));
        let expected = if description.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{description}")
        } else {
            description.clone()
        };
        prop_assert_eq!(rows.len(), 2);
        prop_assert_eq!(&rows[1][7], &expected);
    }
}

/// The console hands the shown list over as rows the browser wrote (`JSON.stringify` of
/// arrays, numbers as JavaScript writes them); they read back as the snapshots they were.
#[test]
fn a_row_as_the_browser_writes_it_is_the_snapshot() {
    use snapshot_api::export::Row;
    let shown = snapshot(801, "before-upgrade", Some("line one\n\"two\""));
    let taken_ms = shown.created_at.unix_timestamp() * 1000;
    let rows = format!(
        r#"[[801,"before-upgrade","completed",12345,"web-server-01",2048,{taken_ms},"line one\n\"two\""],
            [802,"creating-now","creating",12345,"web-server-01",null,{taken_ms},null]]"#
    );
    let rows: Vec<Row> = serde_json::from_str(&rows).unwrap();
    let snapshots: Vec<Snapshot> = rows.into_iter().map(|r| r.snapshot().unwrap()).collect();
    assert_eq!(snapshots[0], shown);
    assert_eq!(snapshots[1].size_mb, None);
    assert_eq!(snapshots[1].description, None);
    assert_eq!(snapshots[1].status.as_str(), "creating");
    // Same instant: the offset the API gave is not kept, and the files write UTC anyway.
    assert_eq!(snapshots_csv(&snapshots[..1]), snapshots_csv(&[shown]));
    // An ID the model refuses makes no snapshot.
    let bad: Vec<Row> =
        serde_json::from_str(r#"[[0,"x","completed",12345,"s",null,0,null]]"#).unwrap();
    assert!(bad.into_iter().next().unwrap().snapshot().is_none());
}
