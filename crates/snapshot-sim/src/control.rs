//! Test control, only with `--test-control`: faults per operation, seeded chaos, token
//! revocation and advancing transitions, under `/_sim/`. Without the flag every `/_sim/`
//! path is a 404, and no fault can happen.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use futures_util::StreamExt;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::Deserialize;

use crate::operations::Operation;
use crate::{control_guard, db, AppState, SimError};

/// What goes wrong with one answer.
#[derive(Clone, Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fault {
    /// The request is handled, and its answer held back this long.
    Latency { ms: u64 },
    /// No answer at all (until the client gives up).
    Hang,
    /// This status instead of handling the request (nothing changes), with `Retry-After`
    /// seconds when given.
    Status {
        status: u16,
        #[serde(default)]
        retry_after: Option<u64>,
    },
    /// The request is handled, and its answer's body replaced.
    Body { body: BadBody },
    /// The request is handled, then the connection drops halfway through the body: the
    /// client cannot know whether its write happened.
    Close,
    /// The request is handled, then the connection closes before any byte of the answer.
    /// Browsers resend a request, even a POST, whose reused keep-alive connection closed so:
    /// what an `Idempotency-Key` is for.
    Drop,
}

/// A broken body.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BadBody {
    /// Not JSON.
    Malformed,
    /// The real body, cut in half.
    Truncated,
    /// An HTML error page, as a misconfigured proxy sends.
    Html,
    /// Nothing.
    Empty,
    /// Larger than any client should read (just over the core's 32 MiB cap).
    Huge,
}

#[derive(Deserialize)]
struct FaultRequest {
    operation: Operation,
    fault: Fault,
    #[serde(default = "one")]
    times: u32,
}

fn one() -> u32 {
    1
}

/// The most answers one `/_sim/faults` call may spoil: enough for any test, and a typo
/// cannot queue billions of faults.
pub const MAX_FAULT_TIMES: u32 = 1000;

#[derive(Deserialize)]
struct ChaosRequest {
    seed: u64,
    /// The share of API requests that get a fault, 0 to 1.
    rate: f64,
}

#[derive(Deserialize)]
struct RevokeRequest {
    token: String,
}

/// The control state shared by the API and the control routes.
#[derive(Default)]
pub struct Control {
    enabled: bool,
    /// The port the simulator listens on, which `/_sim/` requests must name in `Host`.
    port: u16,
    queued: Mutex<HashMap<Operation, VecDeque<Fault>>>,
    chaos: Mutex<Option<(StdRng, f64)>>,
    revoked: Mutex<HashSet<String>>,
}

impl Control {
    pub fn new(enabled: bool, port: u16) -> Arc<Self> {
        Arc::new(Self {
            enabled,
            port,
            ..Self::default()
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Whether `token` was revoked through `/_sim/revoke`.
    pub fn is_revoked(&self, token: &str) -> bool {
        lock(&self.revoked).contains(token)
    }

    /// The fault for the next request to `operation`: a queued one first, else chaos.
    fn next_fault(&self, operation: Operation) -> Option<Fault> {
        if !self.enabled {
            return None;
        }
        if let Some(fault) = lock(&self.queued)
            .get_mut(&operation)
            .and_then(VecDeque::pop_front)
        {
            return Some(fault);
        }
        let mut chaos = lock(&self.chaos);
        let (rng, rate) = chaos.as_mut()?;
        if rng.random::<f64>() >= *rate {
            return None;
        }
        // The same seed gives the same sequence of faults.
        Some(match rng.random_range(0..6) {
            0 => Fault::Status {
                status: 429,
                retry_after: Some(1),
            },
            1 => Fault::Status {
                status: 500,
                retry_after: None,
            },
            2 => Fault::Status {
                status: 503,
                retry_after: None,
            },
            3 => Fault::Body {
                body: BadBody::Malformed,
            },
            4 => Fault::Close,
            _ => Fault::Latency { ms: 300 },
        })
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The `/_sim/` routes: real ones with `--test-control`, else a 404 for every path.
pub fn routes(state: AppState) -> Router {
    if !state.control.enabled {
        return Router::new().fallback(|| async { SimError::NotFound("Not found.".into()) });
    }
    Router::new()
        .route("/faults", post(add_fault).delete(clear_faults))
        .route("/chaos", post(start_chaos).delete(stop_chaos))
        .route("/revoke", post(revoke))
        .route("/advance", post(advance))
        .route("/fail", post(fail))
        .fallback(|| async { SimError::NotFound("Not found.".into()) })
        .layer(from_fn_with_state(state.clone(), control_guard::guard))
        .with_state(state)
}

async fn add_fault(
    State(state): State<AppState>,
    Json(request): Json<FaultRequest>,
) -> Result<StatusCode, SimError> {
    if request.times > MAX_FAULT_TIMES {
        return Err(SimError::bad_request(format!(
            "times must be at most {MAX_FAULT_TIMES}."
        )));
    }
    let mut queued = lock(&state.control.queued);
    let queue = queued.entry(request.operation).or_default();
    for _ in 0..request.times {
        queue.push_back(request.fault.clone());
    }
    Ok(StatusCode::NO_CONTENT)
}

async fn clear_faults(State(state): State<AppState>) -> StatusCode {
    lock(&state.control.queued).clear();
    StatusCode::NO_CONTENT
}

async fn start_chaos(
    State(state): State<AppState>,
    Json(request): Json<ChaosRequest>,
) -> StatusCode {
    *lock(&state.control.chaos) = Some((StdRng::seed_from_u64(request.seed), request.rate));
    StatusCode::NO_CONTENT
}

async fn stop_chaos(State(state): State<AppState>) -> StatusCode {
    *lock(&state.control.chaos) = None;
    StatusCode::NO_CONTENT
}

async fn revoke(State(state): State<AppState>, Json(request): Json<RevokeRequest>) -> StatusCode {
    lock(&state.control.revoked).insert(request.token);
    StatusCode::NO_CONTENT
}

/// Finishes every creation and restore now: their due times move to now.
async fn advance(State(state): State<AppState>) -> Result<StatusCode, SimError> {
    at_now(&state, db::advance).await
}

/// Ends every creation still under way as `failed`, now.
async fn fail(State(state): State<AppState>) -> Result<StatusCode, SimError> {
    at_now(&state, db::fail_creations).await
}

/// Runs a control's change to the data at the simulator's "now".
async fn at_now(
    state: &AppState,
    change: fn(&mut rusqlite::Connection, i64) -> rusqlite::Result<()>,
) -> Result<StatusCode, SimError> {
    let clock = state.clock.clone();
    state
        .db
        .call(move |conn| change(conn, clock.now_ms()))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Applies the next fault, if any, to an API request. Which operation it is comes from the
/// route the router matched (see `operations::ROUTES`): an unknown path takes no fault.
pub async fn inject(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(fault) = request
        .extensions()
        .get::<MatchedPath>()
        .and_then(|matched| Operation::routed(request.method(), matched.as_str()))
        .and_then(|op| state.control.next_fault(op))
    else {
        return next.run(request).await;
    };
    let kind = fault_name(&fault);
    let mut response = match fault {
        Fault::Status {
            status,
            retry_after,
        } => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let detail = status.canonical_reason().unwrap_or("Error").to_owned();
            let mut response =
                (status, Json(snapshot_api::ErrorBody::detail(detail))).into_response();
            if let Some(seconds) = retry_after {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
            }
            response
        }
        Fault::Hang => {
            tokio::time::sleep(Duration::from_secs(24 * 3600)).await;
            StatusCode::GATEWAY_TIMEOUT.into_response()
        }
        Fault::Latency { ms } => {
            let response = next.run(request).await;
            tokio::time::sleep(Duration::from_millis(ms)).await;
            response
        }
        Fault::Close => {
            // Headers and half the body go out first: a connection closed before any byte
            // would make browsers resend the request by themselves, even a POST.
            let (parts, real) = next.run(request).await.into_parts();
            let real = axum::body::to_bytes(real, usize::MAX)
                .await
                .unwrap_or_default();
            let half = real.slice(..real.len() / 2);
            // The pause lets the first half leave before the connection breaks.
            let broken = futures_util::stream::once(async { Ok(half) }).chain(
                futures_util::stream::once(async {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    Err(std::io::Error::other("connection closed by --test-control"))
                }),
            );
            Response::from_parts(parts, Body::from_stream(broken))
        }
        Fault::Drop => {
            // The write happens; then a body that fails at once, before hyper has flushed
            // the head it buffered, makes it close the connection with nothing sent.
            let (mut parts, _real) = next.run(request).await.into_parts();
            parts.headers.remove(header::CONTENT_LENGTH);
            let failing = futures_util::stream::once(async {
                Err::<Bytes, _>(std::io::Error::other(
                    "connection dropped by --test-control",
                ))
            });
            Response::from_parts(parts, Body::from_stream(failing))
        }
        Fault::Body { body } => {
            let (mut parts, real) = next.run(request).await.into_parts();
            let real = axum::body::to_bytes(real, usize::MAX)
                .await
                .unwrap_or_default();
            let replaced: Bytes = match body {
                BadBody::Malformed => Bytes::from_static(b"{\"count\": 2, \"results\": [{\"id\": 801,,}"),
                BadBody::Truncated => real.slice(..real.len() / 2),
                BadBody::Html => Bytes::from_static(
                    b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>",
                ),
                BadBody::Empty => Bytes::new(),
                BadBody::Huge => {
                    let mut huge = b"{\"count\": 0, \"results\": [] ".to_vec();
                    huge.resize(snapshot_api::Api::MAX_RESPONSE_BYTES + 1024, b' ');
                    huge.push(b'}');
                    Bytes::from(huge)
                }
            };
            parts.headers.remove(header::CONTENT_LENGTH);
            if matches!(body, BadBody::Html) {
                parts
                    .headers
                    .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
            }
            Response::from_parts(parts, Body::from(replaced))
        }
    };
    response
        .headers_mut()
        .insert("x-sim-fault", HeaderValue::from_static(kind));
    response
}

fn fault_name(fault: &Fault) -> &'static str {
    match fault {
        Fault::Latency { .. } => "latency",
        Fault::Hang => "hang",
        Fault::Status { .. } => "status",
        Fault::Body { .. } => "body",
        Fault::Close => "close",
        Fault::Drop => "drop",
    }
}
