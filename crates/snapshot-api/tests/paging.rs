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
        let request = match request {
            Ok(request) => request,
            Err(e) => return (Err(e), asked),
        };
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
            // Repeats on the same page, the next page and two pages on: each kept first.
            (BASE, page(&[5, 4, 5], Some(&p2))),
            (&p2, page(&[4, 3], Some(&p3))),
            (&p3, page(&[2, 5, 1], None)),
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

/// Runs the paginator on a first page whose `next` is `link`; returns the URLs it asked for
/// (the first page's, then the next one's if it followed the link) and the outcome.
fn follow(api: &Api, first: &str, link: &str) -> (Result<Vec<u64>, ApiError>, Vec<String>) {
    let mut all = SnapshotListAll::new(SnapshotList::all());
    let mut asked = Vec::new();
    let mut bodies = vec![page(&[2], Some(link)), page(&[1], None)].into_iter();
    while let Some(request) = all.next_request(api) {
        let request = match request {
            Ok(request) => request,
            Err(e) => return (Err(e), asked),
        };
        asked.push(request.uri().to_string());
        assert_eq!(asked[0], first);
        let body = bodies.next().expect("at most two pages");
        if let Err(e) = all.receive(api, &response(200, &body)) {
            return (Err(e), asked);
        }
    }
    let ids = all.into_snapshots().iter().map(|s| s.id.get()).collect();
    (Ok(ids), asked)
}

/// Links that name another host, however they are written: none is followed.
const FOREIGN: [&str; 12] = [
    "//evil.example/x",
    "/\\evil.example/x",
    "\\\\evil.example/x",
    "https://x//evil.example/x",
    "https://admin.vps.org@evil.example/api/v1/snapshots/?page=2",
    "https://evil.example/api/v1/snapshots/?page=2",
    "http://admin.vps.org/api/v1/snapshots/?page=2",
    "https://admin.vps.org:8443/api/v1/snapshots/?page=2",
    "/\t/evil.example/x",
    "/\n/evil.example/x",
    "\t//evil.example/x",
    "javascript:alert(1)",
];

#[test]
fn a_link_to_another_host_is_never_followed_whatever_its_spelling() {
    for link in FOREIGN {
        let (result, asked) = follow(&api(), BASE, link);
        assert!(
            matches!(&result, Err(ApiError::Undecodable { .. })),
            "{link:?}: {result:?}"
        );
        assert_eq!(asked, [BASE], "{link:?}");
    }
}

#[test]
fn the_same_origin_however_written_is_followed_there() {
    let api = api();
    for (link, expected) in [
        (
            "https://admin.vps.org:443/api/v1/snapshots/?page=2",
            "https://admin.vps.org/api/v1/snapshots/?page=2",
        ),
        (
            "HTTPS://ADMIN.VPS.ORG/api/v1/snapshots/?page=2",
            "https://admin.vps.org/api/v1/snapshots/?page=2",
        ),
        // Percent-encoded slashes stay a path on the API's host.
        (
            "/%2F%2Fevil.example/x",
            "https://admin.vps.org/%2F%2Fevil.example/x",
        ),
        // A path that starts with two slashes after the host is still on the host.
        (
            "https://admin.vps.org//evil.example/x",
            "https://admin.vps.org//evil.example/x",
        ),
        // Relative links resolve against the page that named them, as a browser would.
        ("?page=2", "https://admin.vps.org/api/v1/snapshots/?page=2"),
        (
            "/api/v1/snapshots/?page=2#top",
            "https://admin.vps.org/api/v1/snapshots/?page=2",
        ),
    ] {
        let (result, asked) = follow(&api, BASE, link);
        assert_eq!(result.unwrap(), [2, 1], "{link:?}");
        assert_eq!(asked, [BASE, expected], "{link:?}");
    }
}

#[test]
fn an_ipv6_host_and_a_written_out_default_port_are_the_same_origin() {
    let api = Api::new(
        BaseUrl::parse("http://[::1]/api/v1").unwrap(),
        BearerToken::parse("t").unwrap(),
    );
    let first = "http://[::1]/api/v1/snapshots/";
    let (result, asked) = follow(
        &api,
        first,
        "http://[0:0:0:0:0:0:0:1]:80/api/v1/snapshots/?page=2",
    );
    assert_eq!(result.unwrap(), [2, 1]);
    assert_eq!(asked[1], "http://[::1]/api/v1/snapshots/?page=2");
    let (result, asked) = follow(&api, first, "http://[::2]/api/v1/snapshots/?page=2");
    assert!(result.is_err());
    assert_eq!(asked, [first]);
}

#[test]
fn a_huge_link_is_an_error_never_a_request_elsewhere() {
    // About 65 KB of path: once, joined to the base, it made a URL the request builder could
    // not parse, and the token went to "/".
    let link = format!("/api/v1/snapshots/?page={}", "9".repeat(65_000));
    let (result, asked) = follow(&api(), BASE, &link);
    assert!(
        matches!(&result, Err(ApiError::Undecodable { reason, .. }) if reason.contains("longer than")),
        "{result:?}"
    );
    assert_eq!(asked, [BASE]);
    let longest = format!(
        "/api/v1/snapshots/?p={}",
        "9".repeat(SnapshotListAll::MAX_NEXT_BYTES - 21)
    );
    assert_eq!(longest.len(), SnapshotListAll::MAX_NEXT_BYTES);
    assert_eq!(follow(&api(), BASE, &longest).0.unwrap(), [2, 1]);
}

#[test]
fn a_page_base_keeps_requests_on_the_page_origin() {
    let api = Api::new(
        BaseUrl::parse_on_page("/api/v1", "http://127.0.0.1:8080/").unwrap(),
        BearerToken::parse("t").unwrap(),
    );
    let first = "http://127.0.0.1:8080/api/v1/snapshots/";
    let (ids, asked) = follow(
        &api,
        first,
        "http://127.0.0.1:8080/api/v1/snapshots/?page=2",
    );
    assert_eq!(ids.unwrap(), [2, 1]);
    assert_eq!(asked[1], "http://127.0.0.1:8080/api/v1/snapshots/?page=2");
    for link in [
        "//evil.example/x",
        "/\\evil.example/x",
        "http://localhost:8080/api/v1/snapshots/",
    ] {
        let (result, asked) = follow(&api, first, link);
        assert!(result.is_err(), "{link:?}");
        assert_eq!(asked, [first], "{link:?}");
    }
}
