//! Helpers shared by the simulator's tests: an in-process app driven through the core, and
//! the real binary started on a free port.
#![allow(dead_code)]

use std::cell::RefCell;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use snapshot_api::endpoints::SnapshotList;
use snapshot_api::{client, Api, ApiError, BaseUrl, BearerToken, Endpoint, HttpClient, Snapshot};
use tower::ServiceExt;

pub use snapshot_stress::sim_process::SimProcess;

pub const TOKEN: &str = "test-token-1";

/// The address an in-process app takes itself to be listening on: requests to `/_sim/`
/// name it in `Host`.
pub const HOST: &str = "127.0.0.1:18080";

/// A simulator in process, in memory, with `TOKEN` and no delays unless `extra` says.
pub fn app(extra: &[&str]) -> axum::Router {
    build(args(&["--ephemeral"], extra)).unwrap().router
}

/// A simulator in process with `TOKEN`, whose time is `clock`'s: a test moves it forward
/// instead of sleeping. In memory unless `extra` gives `--db`.
pub fn app_with_clock(extra: &[&str], clock: Arc<snapshot_sim::ManualClock>) -> axum::Router {
    let base: &[&str] = if extra.contains(&"--db") {
        &[]
    } else {
        &["--ephemeral"]
    };
    snapshot_sim::build_with_clock(
        &snapshot_sim::Config::parse_from(args(base, extra)),
        HOST.parse().unwrap(),
        clock,
    )
    .unwrap()
    .router
}

/// The command line: `TOKEN`, `base`, `extra`, and no delays unless `extra` sets one.
fn args<'a>(base: &[&'a str], extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["snapshot-sim", "--token", TOKEN];
    args.extend_from_slice(base);
    args.extend_from_slice(extra);
    if !extra.iter().any(|a| a.starts_with("--create-delay")) {
        args.extend(["--create-delay-ms", "0", "--restore-delay-ms", "0"]);
    }
    args
}

/// `build` with these arguments, as if listening on `HOST`.
pub fn build(args: Vec<&str>) -> Result<snapshot_sim::Simulator, snapshot_sim::StartError> {
    snapshot_sim::build(
        &snapshot_sim::Config::parse_from(args),
        HOST.parse().unwrap(),
    )
}

/// The core's view of the in-process app.
pub fn api(token: &str) -> Api {
    Api::new(
        BaseUrl::parse("http://sim.test/api/v1").unwrap(),
        BearerToken::parse(token).unwrap(),
    )
}

/// Sends any request to the app and collects the whole answer.
pub async fn send(app: &axum::Router, request: http::Request<Vec<u8>>) -> http::Response<Vec<u8>> {
    let response = app
        .clone()
        .oneshot(request.map(axum::body::Body::from))
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
    http::Response::from_parts(parts, bytes.to_vec())
}

/// The in-process app as the core's [`HttpClient`]. Retry waits are recorded, not slept:
/// a test checks them without spending real time.
pub struct InProcess<'a> {
    app: &'a axum::Router,
    pub waits: RefCell<Vec<Duration>>,
}

impl<'a> InProcess<'a> {
    pub fn new(app: &'a axum::Router) -> Self {
        Self {
            app,
            waits: RefCell::default(),
        }
    }
}

impl HttpClient for InProcess<'_> {
    async fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, ApiError> {
        Ok(send(self.app, request).await)
    }

    async fn sleep(&self, wait: Duration) {
        self.waits.borrow_mut().push(wait);
    }

    fn now(&self) -> time::OffsetDateTime {
        time::OffsetDateTime::now_utc()
    }
}

/// One call through the core's client loop: the core builds the request, the app answers,
/// the core decodes.
pub async fn call<E: Endpoint>(
    app: &axum::Router,
    token: &str,
    endpoint: &E,
) -> Result<E::Output, ApiError> {
    client::call(&api(token), &InProcess::new(app), endpoint).await
}

/// Every snapshot `list` selects, through the core's paging and read retries; also the
/// waits the retries asked for.
pub async fn snapshot_list(
    app: &axum::Router,
    token: &str,
    list: SnapshotList,
) -> (Result<Vec<Snapshot>, ApiError>, Vec<Duration>) {
    let http = InProcess::new(app);
    let result = client::snapshot_list(&api(token), &http, list).await;
    (result, http.waits.take())
}

/// The real binary, listening on a free loopback port.
pub fn start(args: &[&str]) -> SimProcess {
    SimProcess::start(Path::new(env!("CARGO_BIN_EXE_snapshot-sim")), args)
}

/// The list page `query` selects (`?server_id=12345`, or ""), from the real binary, as JSON.
pub async fn list(sim: &SimProcess, token: &str, query: &str) -> serde_json::Value {
    reqwest::Client::new()
        .get(sim.url(&format!("/api/v1/snapshots/{query}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

pub fn db_arg(dir: &Path) -> String {
    dir.join("sim.sqlite3").display().to_string()
}

/// Runs `script` with `python3` or `bash`, with `env` set, and returns what it printed; fails
/// the test, with the script's errors, if it fails.
pub fn run_script(python: bool, script: &str, env: &[(&str, &str)]) -> String {
    let program = if python { "python3" } else { "bash" };
    let out = std::process::Command::new(program)
        .args(["-c", script])
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{script}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
