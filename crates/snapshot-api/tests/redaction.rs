//! A service, proxy or misconfiguration may echo the token anywhere in an answer. No error
//! the core makes may carry it, in any variant, in any field, whole or in part.

mod common;

use common::{api, response, TOKEN};
use proptest::prelude::*;
use snapshot_api::endpoints::{SnapshotCreate, SnapshotList};
use snapshot_api::{ApiError, ServerId, SnapshotListAll, SnapshotName};

/// Every error the core can make from `body` at `status`, through each decoder.
fn errors(status: u16, body: &[u8]) -> Vec<ApiError> {
    let api = api();
    let resp = response(status, body);
    let create = SnapshotCreate::new(
        ServerId::new(1).unwrap(),
        SnapshotName::parse("n").unwrap(),
        None,
    );
    let mut all = SnapshotListAll::new(SnapshotList::all());
    [
        api.decode(&SnapshotList::all(), &resp).err(),
        api.decode(&create, &resp).err(),
        all.receive(&api, &resp).err(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn assert_no_token(errors: &[ApiError], context: &str) {
    for error in errors {
        let shown = format!("{error} {error:?}");
        assert!(!shown.contains(TOKEN), "{context}: {shown}");
    }
}

#[test]
fn the_token_echoed_in_any_field_of_any_error_is_redacted() {
    let echoed = format!("Bearer {TOKEN} is not valid");
    let bodies = [
        (401, serde_json::json!({ "detail": echoed })),
        (404, serde_json::json!({ "detail": echoed })),
        (400, serde_json::json!({ "name": [echoed] })),
        (
            400,
            serde_json::json!({ TOKEN: ["a field named after the token"] }),
        ),
        (
            400,
            serde_json::json!({ "non_field_errors": [echoed], "name": ["x"] }),
        ),
        (
            400,
            serde_json::json!({ "detail": format!("limit of 5 for {TOKEN}") }),
        ),
        (400, serde_json::json!({ "detail": echoed })),
        (403, serde_json::json!({ "detail": echoed })),
        (500, serde_json::json!({ "detail": echoed })),
        (503, serde_json::json!({ "detail": echoed })),
        // A success whose content is wrong: serde's message quotes the value.
        (200, serde_json::json!({ "count": echoed, "results": [] })),
        (201, serde_json::json!({ "snapshot": echoed })),
    ];
    for (status, body) in bodies {
        let found = errors(status, &serde_json::to_vec(&body).unwrap());
        assert!(!found.is_empty(), "{status} {body}");
        assert_no_token(&found, &format!("{status} {body}"));
    }
}

#[test]
fn a_token_straddling_the_excerpt_cut_leaves_no_part_behind() {
    // The excerpt keeps 200 characters; put the token across that cut at every offset.
    for start in 150..=200 {
        let body = format!("{}{TOKEN}{}", "x".repeat(start), "y".repeat(300));
        let found = errors(200, body.as_bytes());
        for error in &found {
            let ApiError::Undecodable { excerpt, .. } = error else {
                panic!("{error:?}");
            };
            // No prefix of the token longer than 3 characters is left at the end.
            let tail: String = excerpt
                .chars()
                .rev()
                .take(TOKEN.len())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            for n in 4..=TOKEN.len() {
                assert!(!tail.ends_with(&TOKEN[..n]), "offset {start}: {excerpt}");
            }
        }
        assert_no_token(&found, &format!("offset {start}"));
    }
}

#[test]
fn a_next_link_carrying_the_token_is_refused_without_showing_it() {
    let body = serde_json::json!({
        "count": 2, "results": [],
        "next": format!("https://evil.example/collect?t={TOKEN}"),
    });
    let found = errors(200, &serde_json::to_vec(&body).unwrap());
    assert!(found
        .iter()
        .any(|e| matches!(e, ApiError::Undecodable { .. })));
    assert_no_token(&found, "next");
}

proptest! {
    #[test]
    fn any_body_with_the_token_anywhere_yields_no_error_that_shows_it(
        status in prop::sample::select(vec![200u16, 201, 400, 401, 403, 404, 429, 500, 502]),
        before in "[ -~]{0,300}",
        after in "[ -~\\n\\t]{0,300}",
        wrap in 0usize..4,
    ) {
        let text = match wrap {
            0 => format!("{before}{TOKEN}{after}"),
            1 => serde_json::json!({ "detail": format!("{before}{TOKEN}{after}") }).to_string(),
            2 => serde_json::json!({ before.clone(): [format!("{TOKEN}{after}")] }).to_string(),
            _ => serde_json::json!({ "count": 1, "results": [], "next": format!("{before}{TOKEN}") }).to_string(),
        };
        assert_no_token(&errors(status, text.as_bytes()), &text);
    }
}
