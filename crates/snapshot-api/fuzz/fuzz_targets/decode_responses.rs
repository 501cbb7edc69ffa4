//! Every decoder of the core, on any body, at any status: an error is fine, a panic is not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use snapshot_api::endpoints::{SnapshotCreate, SnapshotDelete, SnapshotList, SnapshotRestore};
use snapshot_api::{Api, BaseUrl, BearerToken, ServerId, SnapshotId, SnapshotListAll, SnapshotName};

const STATUSES: [u16; 12] = [200, 201, 204, 400, 401, 403, 404, 405, 429, 500, 502, 503];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else { return };
    let status = STATUSES[selector as usize % STATUSES.len()];
    let mut builder = http::Response::builder().status(status);
    if selector & 0x80 != 0 {
        // Some inputs also carry a Retry-After made of their first bytes.
        let value: String = body.iter().take(32).map(|b| (b % 95 + 32) as char).collect();
        builder = builder.header("retry-after", value);
    }
    let Ok(response) = builder.body(body.to_vec()) else { return };
    let api = Api::new(
        BaseUrl::parse("https://admin.vps.org/api/v1").unwrap(),
        BearerToken::parse("fuzz-token").unwrap(),
    );
    let id = SnapshotId::new(801).unwrap();
    // No error of any variant, from any decoder, may show the token.
    let check = |error: snapshot_api::ApiError| {
        assert!(!format!("{error} {error:?}").contains("fuzz-token"), "{error:?}");
    };
    let create =
        SnapshotCreate::new(ServerId::new(1).unwrap(), SnapshotName::parse("n").unwrap(), None);
    api.decode(&SnapshotList::all(), &response).err().map(check);
    api.decode(&create, &response).err().map(check);
    api.decode(&SnapshotRestore { snapshot_id: id }, &response).err().map(check);
    api.decode(&SnapshotDelete { snapshot_id: id }, &response).err().map(check);
    // The paginator, including whatever `next` link the body names: it is followed only on
    // the API's origin.
    let mut all = SnapshotListAll::new(SnapshotList::all());
    match all.receive(&api, &response) {
        Ok(()) => match all.next_request(&api) {
            Some(Ok(request)) => {
                assert_eq!(request.uri().host(), Some("admin.vps.org"));
                assert_eq!(request.uri().scheme_str(), Some("https"));
            }
            Some(Err(error)) => check(error),
            None => {}
        },
        Err(error) => check(error),
    }
});
