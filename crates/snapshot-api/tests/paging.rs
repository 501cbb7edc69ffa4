//! Following `next` until a list is whole, and refusing links that would leak the token.

mod common;

use common::{api, response};
use snapshot_api::endpoints::SnapshotList;
use snapshot_api::{Api, ApiError, BaseUrl, BearerToken, SnapshotListAll};

fn page(ids: &[u64], next: Option<&str>) -> Vec<u8> {
    let results: Vec<_> = ids
        .iter()
        .map(|id| {
            serde_json::json!({"id": id, "server": {"id": 1, "name": "s"}, "name": format!("n{id}"),
                "status": "completed", "size_mb": 1, "created_at": "2025-01-15T18:30:00Z"})
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({"count": 5, "next": next, "results": results})).unwrap()
}

/// Runs the paginator against canned pages keyed by URL; returns the URLs requested.
fn run(api: &Api, pages: &[(&str, Vec<u8>)]) -> (Result<Vec<u64>, ApiError>, Vec<String>) {
    let mut all = SnapshotListAll::new(SnapshotList::all());
    let mut asked = Vec::new();
    while let Some(request) = all.next_request(api) {
        let url = request.uri().to_string();
        assert_eq!(request.method(), "GET");
        assert!(request.headers().contains_key("authorization"));
        asked.push(url.clone());
        let body = pages
            .iter()
            .find(|(u, _)| *u == url)
            .map(|(_, b)| b.clone())
            .unwrap_or_else(|| panic!("unexpected request to {url}"));
        if let Err(e) = all.receive(api, &response(200, &body)) {
            return (Err(e), asked);
        }
    }
    let ids = all.into_snapshots().iter().map(|s| s.id.get()).collect();
    (Ok(ids), asked)
}

const BASE: &str = "https://admin.vps.org/api/v1/snapshots/";

#[test]
fn follows_next_until_whole_and_drops_repeats() {
    let p2 = format!("{BASE}?page=2");
    let p3 = format!("{BASE}?page=3");
    let (ids, asked) = run(
        &api(),
        &[
            (BASE, page(&[5, 4], Some(&p2))),
            (&p2, page(&[4, 3], Some(&p3))),
            (&p3, page(&[2, 1], None)),
        ],
    );
    assert_eq!(ids.unwrap(), [5, 4, 3, 2, 1]);
    assert_eq!(asked, [BASE.to_owned(), p2, p3]);
}

#[test]
fn refuses_a_next_link_on_another_origin() {
    let (result, asked) = run(
        &api(),
        &[(BASE, page(&[1], Some("https://evil.example/steal?page=2")))],
    );
    assert!(matches!(result, Err(ApiError::Undecodable { .. })));
    assert_eq!(asked.len(), 1);
}

#[test]
fn refuses_a_loop() {
    let p2 = format!("{BASE}?page=2");
    let (result, asked) = run(
        &api(),
        &[(BASE, page(&[2], Some(&p2))), (&p2, page(&[1], Some(&p2)))],
    );
    assert!(
        matches!(&result, Err(ApiError::Undecodable { reason, .. }) if reason.contains("links back")),
        "{result:?}"
    );
    assert_eq!(asked.len(), 2);
}

#[test]
fn a_relative_base_keeps_requests_on_its_own_origin() {
    let api = Api::new(
        BaseUrl::parse("/api/v1").unwrap(),
        BearerToken::parse("t").unwrap(),
    );
    let (ids, asked) = run(
        &api,
        &[
            (
                "/api/v1/snapshots/",
                page(&[2], Some("http://127.0.0.1:8080/api/v1/snapshots/?page=2")),
            ),
            ("/api/v1/snapshots/?page=2", page(&[1], None)),
        ],
    );
    assert_eq!(ids.unwrap(), [2, 1]);
    assert_eq!(asked[1], "/api/v1/snapshots/?page=2");
}
