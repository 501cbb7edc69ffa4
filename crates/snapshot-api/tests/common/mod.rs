//! Helpers shared by the core's integration tests.
#![allow(dead_code)]

use snapshot_api::{Api, BaseUrl, BearerToken};

pub const TOKEN: &str = "tok-3f9a-secret";

pub fn api() -> Api {
    Api::new(
        BaseUrl::parse("https://admin.vps.org/api/v1").unwrap(),
        BearerToken::parse(TOKEN).unwrap(),
    )
}

pub fn response(status: u16, body: &[u8]) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(status)
        .body(body.to_vec())
        .unwrap()
}
