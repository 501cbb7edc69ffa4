//! The exact request each endpoint builds: method, URL, headers and body.

mod common;

use common::{api, TOKEN};
use snapshot_api::endpoints::{SnapshotCreate, SnapshotDelete, SnapshotList, SnapshotRestore};
use snapshot_api::{Api, BaseUrl, BearerToken, Description, ServerId, SnapshotId, SnapshotName};

fn assert_headers(request: &http::Request<Vec<u8>>) {
    let h = request.headers();
    assert_eq!(h["authorization"], format!("Bearer {TOKEN}").as_str());
    assert_eq!(h["content-type"], "application/json");
    assert_eq!(h["accept"], "application/json");
    assert_eq!(h.len(), 3, "{h:?}");
}

#[test]
fn snapshot_list_all() {
    let request = api().request(&SnapshotList::all()).unwrap();
    assert_eq!(request.method(), "GET");
    assert_eq!(request.uri(), "https://admin.vps.org/api/v1/snapshots/");
    assert_headers(&request);
    assert!(request.body().is_empty());
}

#[test]
fn snapshot_list_for_one_server() {
    let request = api()
        .request(&SnapshotList::for_server(ServerId::new(12345).unwrap()))
        .unwrap();
    assert_eq!(
        request.uri(),
        "https://admin.vps.org/api/v1/snapshots/?server_id=12345"
    );
}

#[test]
fn snapshot_create() {
    let endpoint = SnapshotCreate::new(
        ServerId::new(12345).unwrap(),
        SnapshotName::parse("before-update-snapshot").unwrap(),
        Some(Description::parse("Snapshot before system update").unwrap()),
    );
    let request = api().request(&endpoint).unwrap();
    assert_eq!(request.method(), "POST");
    assert_eq!(request.uri(), "https://admin.vps.org/api/v1/snapshots/");
    assert_headers(&request);
    let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "server_id": 12345,
            "name": "before-update-snapshot",
            "description": "Snapshot before system update"
        })
    );
}

#[test]
fn snapshot_create_without_description_leaves_it_out() {
    let endpoint = SnapshotCreate::new(
        ServerId::new(7).unwrap(),
        SnapshotName::parse("n").unwrap(),
        None,
    );
    assert_eq!(
        api().request(&endpoint).unwrap().body().as_slice(),
        br#"{"server_id":7,"name":"n"}"#
    );
}

#[test]
fn snapshot_restore() {
    let request = api()
        .request(&SnapshotRestore {
            snapshot_id: SnapshotId::new(801).unwrap(),
        })
        .unwrap();
    assert_eq!(request.method(), "POST");
    assert_eq!(
        request.uri(),
        "https://admin.vps.org/api/v1/snapshots/801/restore/"
    );
    assert_headers(&request);
    assert!(request.body().is_empty());
}

#[test]
fn snapshot_delete() {
    let request = api()
        .request(&SnapshotDelete {
            snapshot_id: SnapshotId::new(801).unwrap(),
        })
        .unwrap();
    assert_eq!(request.method(), "DELETE");
    assert_eq!(request.uri(), "https://admin.vps.org/api/v1/snapshots/801/");
    assert_headers(&request);
}

#[test]
fn a_path_base_resolves_on_the_page_origin() {
    let api = Api::new(
        BaseUrl::parse_on_page("/api/v1", "http://127.0.0.1:8080/console/").unwrap(),
        BearerToken::parse("t").unwrap(),
    );
    assert_eq!(
        api.request(&SnapshotList::all()).unwrap().uri(),
        "http://127.0.0.1:8080/api/v1/snapshots/"
    );
}

#[test]
fn the_api_value_never_prints_the_token() {
    assert!(!format!("{:?}", api()).contains(TOKEN));
}

/// An `HttpClient` sees only the request, so it tells writes by the method (the console adds
/// an `Idempotency-Key` to those): each endpoint's `IDEMPOTENT` must agree with its method.
#[test]
fn each_endpoints_idempotence_agrees_with_its_method() {
    use snapshot_api::Endpoint;
    fn agrees<E: Endpoint>(endpoint: &E) {
        assert_eq!(
            E::IDEMPOTENT,
            endpoint.method().is_idempotent(),
            "{}",
            endpoint.method()
        );
    }
    let id = SnapshotId::new(1).unwrap();
    agrees(&SnapshotList::all());
    agrees(&SnapshotCreate::new(
        ServerId::new(1).unwrap(),
        SnapshotName::parse("n").unwrap(),
        None,
    ));
    agrees(&SnapshotRestore { snapshot_id: id });
    agrees(&SnapshotDelete { snapshot_id: id });
}
