//! The client loop against a scripted fake `HttpClient`: paging, the read retry rule, writes
//! sent once, and the token kept on the API's origin. No network and no real time: the fake
//! answers from a script and records each request and each wait.

mod common;

use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use common::{api, TOKEN};
use http::{Request, Response};
use snapshot_api::client::{self, HttpClient};
use snapshot_api::endpoints::{SnapshotCreate, SnapshotDelete, SnapshotList};
use snapshot_api::{ApiError, ServerId, SnapshotId, SnapshotName};
use time::OffsetDateTime;

const BASE: &str = "https://admin.vps.org/api/v1/snapshots/";
const ORIGIN: &str = "https://admin.vps.org/";
const NOW: OffsetDateTime = time::macros::datetime!(2026-01-01 00:00 UTC);

/// Answers from a script, in order, and records what it was asked.
#[derive(Default)]
struct Fake {
    script: RefCell<VecDeque<Result<Response<Vec<u8>>, ApiError>>>,
    sent: RefCell<Vec<String>>,
    slept: RefCell<Vec<Duration>>,
}

impl Fake {
    fn new(script: impl IntoIterator<Item = Result<Response<Vec<u8>>, ApiError>>) -> Self {
        Self {
            script: RefCell::new(script.into_iter().collect()),
            ..Self::default()
        }
    }

    /// The URLs sent to, after checking that each was on the API's origin.
    fn sent(&self) -> Vec<String> {
        let sent = self.sent.borrow().clone();
        for url in &sent {
            assert!(url.starts_with(ORIGIN), "sent off the API's origin: {url}");
        }
        sent
    }

    fn slept(&self) -> Vec<Duration> {
        self.slept.borrow().clone()
    }
}

impl HttpClient for Fake {
    async fn send(&self, request: Request<Vec<u8>>) -> Result<Response<Vec<u8>>, ApiError> {
        assert_eq!(
            request.headers()["authorization"],
            format!("Bearer {TOKEN}")
        );
        self.sent.borrow_mut().push(request.uri().to_string());
        self.script
            .borrow_mut()
            .pop_front()
            .unwrap_or_else(|| panic!("unscripted request to {}", request.uri()))
    }

    async fn sleep(&self, wait: Duration) {
        self.slept.borrow_mut().push(wait);
    }

    fn now(&self) -> OffsetDateTime {
        NOW
    }
}

/// Runs a future whose every await is ready at once, as the fake's are.
fn run<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("the fake never waits"),
    }
}

fn page(ids: &[u64], next: Option<&str>) -> Result<Response<Vec<u8>>, ApiError> {
    let results: Vec<_> = ids
        .iter()
        .map(|id| {
            serde_json::json!({"id": id, "server": {"id": 1, "name": "s"}, "name": format!("n{id}"),
                "status": "completed", "size_mb": 1, "created_at": "2025-01-15T18:30:00Z"})
        })
        .collect();
    let body = serde_json::json!({"count": 9, "next": next, "results": results});
    Ok(Response::new(serde_json::to_vec(&body).unwrap()))
}

fn status(code: u16, headers: &[(&str, &str)]) -> Result<Response<Vec<u8>>, ApiError> {
    let mut response = Response::builder().status(code);
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    Ok(response.body(Vec::new()).unwrap())
}

fn list(fake: &Fake) -> Result<Vec<u64>, ApiError> {
    run(client::snapshot_list(&api(), fake, SnapshotList::all()))
        .map(|all| all.iter().map(|s| s.id.get()).collect())
}

#[test]
fn a_list_follows_every_page() {
    let p2 = format!("{BASE}?page=2");
    let fake = Fake::new([
        page(&[5, 4], Some(&p2)),
        // A relative link, resolved against the page that named it.
        page(&[3, 2], Some("?page=3")),
        page(&[1], None),
    ]);
    assert_eq!(list(&fake).unwrap(), [5, 4, 3, 2, 1]);
    assert_eq!(fake.sent(), [BASE, &p2, &format!("{BASE}?page=3")]);
    assert!(fake.slept().is_empty());
}

#[test]
fn a_failed_page_is_sent_again_after_the_rules_wait_and_the_list_goes_on() {
    let p2 = format!("{BASE}?page=2");
    let fake = Fake::new([page(&[2], Some(&p2)), status(503, &[]), page(&[1], None)]);
    assert_eq!(list(&fake).unwrap(), [2, 1]);
    // The first page is not asked for again.
    assert_eq!(fake.sent(), [BASE, &p2, &p2]);
    assert_eq!(fake.slept(), [Duration::from_millis(500)]);
}

#[test]
fn a_list_gives_up_after_the_rules_attempts() {
    let fake = Fake::new([status(503, &[]), status(503, &[]), status(502, &[])]);
    assert!(matches!(
        list(&fake),
        Err(ApiError::Server { status: 502, .. })
    ));
    assert_eq!(
        fake.sent().len(),
        1 + snapshot_api::retry::MAX_RETRIES as usize
    );
    assert_eq!(
        fake.slept(),
        [Duration::from_millis(500), Duration::from_millis(1000)]
    );
}

#[test]
fn the_retry_count_starts_again_on_each_page() {
    let p2 = format!("{BASE}?page=2");
    let fake = Fake::new([
        status(503, &[]),
        status(503, &[]),
        page(&[2], Some(&p2)),
        status(503, &[]),
        status(503, &[]),
        page(&[1], None),
    ]);
    assert_eq!(list(&fake).unwrap(), [2, 1]);
    assert_eq!(fake.slept().len(), 4);
}

#[test]
fn retry_after_is_honoured_in_seconds_and_as_a_date() {
    let fake = Fake::new([
        status(429, &[("retry-after", "3")]),
        // Four seconds after the fake's clock.
        status(429, &[("retry-after", "Thu, 01 Jan 2026 00:00:04 GMT")]),
        page(&[1], None),
    ]);
    assert_eq!(list(&fake).unwrap(), [1]);
    assert_eq!(
        fake.slept(),
        [Duration::from_secs(3), Duration::from_secs(4)]
    );
}

#[test]
fn a_retry_after_beyond_the_cap_is_reported_not_waited_out() {
    let fake = Fake::new([status(429, &[("retry-after", "60")])]);
    assert!(matches!(list(&fake), Err(ApiError::RateLimited { .. })));
    assert!(fake.slept().is_empty());
}

#[test]
fn permanent_errors_are_not_retried() {
    let fake = Fake::new([status(404, &[])]);
    assert!(matches!(list(&fake), Err(ApiError::NotFound { .. })));
    assert_eq!(fake.sent().len(), 1);
}

#[test]
fn a_call_is_sent_once_whatever_the_error() {
    let create = SnapshotCreate::new(
        ServerId::new(1).unwrap(),
        SnapshotName::parse("n").unwrap(),
        None,
    );
    let lost = ApiError::Transport {
        message: "connection reset".to_owned(),
    };
    for failure in [status(503, &[]), status(429, &[]), Err(lost)] {
        let fake = Fake::new([failure]);
        let result = run(client::call(&api(), &fake, &create));
        assert!(result.unwrap_err().is_retryable());
        assert_eq!(fake.sent(), [BASE]);
        assert!(fake.slept().is_empty());
    }
    // An idempotent call is not retried either: only lists are.
    let delete = SnapshotDelete {
        snapshot_id: SnapshotId::new(7).unwrap(),
    };
    let fake = Fake::new([status(503, &[])]);
    assert!(run(client::call(&api(), &fake, &delete)).is_err());
    assert_eq!(fake.sent().len(), 1);
}

#[test]
fn a_call_decodes_its_answer() {
    let fake = Fake::new([status(204, &[])]);
    let delete = SnapshotDelete {
        snapshot_id: SnapshotId::new(7).unwrap(),
    };
    assert_eq!(run(client::call(&api(), &fake, &delete)), Ok(()));
    assert_eq!(fake.sent(), [format!("{BASE}7/")]);
}

#[test]
fn a_next_link_to_another_origin_is_never_followed() {
    for next in [
        "https://evil.example/api/v1/snapshots/?page=2",
        "//evil.example/api/v1/snapshots/?page=2",
        "http://admin.vps.org/api/v1/snapshots/?page=2",
    ] {
        let fake = Fake::new([page(&[2], Some(next))]);
        assert!(list(&fake).is_err(), "{next} followed");
        // Only the first page went out, and to the API.
        assert_eq!(fake.sent(), [BASE]);
    }
}

#[test]
fn a_transport_error_never_carries_the_token() {
    let echoed = ApiError::Transport {
        message: format!("refused Bearer {TOKEN}"),
    };
    let fake = Fake::new([Err(echoed)]);
    let error = run(client::call(&api(), &fake, &SnapshotList::all())).unwrap_err();
    assert!(!format!("{error:?}").contains(TOKEN), "{error:?}");
}
