//! Helpers shared by the simulator's tests: an in-process app driven through the core, and
//! the real binary started on a free port.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

use clap::Parser;
use snapshot_api::{Api, BaseUrl, BearerToken, Endpoint};
use tower::ServiceExt;

pub const TOKEN: &str = "test-token-1";

/// A simulator in process, in memory, with `TOKEN` and no delays unless `extra` says.
pub fn app(extra: &[&str]) -> axum::Router {
    let mut args = vec!["snapshot-sim", "--ephemeral", "--token", TOKEN];
    args.extend_from_slice(extra);
    let args: Vec<&str> = if extra.iter().any(|a| a.starts_with("--create-delay")) {
        args
    } else {
        [
            args,
            vec!["--create-delay-ms", "0", "--restore-delay-ms", "0"],
        ]
        .concat()
    };
    snapshot_sim::build(&snapshot_sim::Config::parse_from(args))
        .unwrap()
        .router
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

/// The core builds the request, the app answers, the core decodes.
pub async fn call<E: Endpoint>(
    app: &axum::Router,
    token: &str,
    endpoint: &E,
) -> Result<E::Output, snapshot_api::ApiError> {
    let api = api(token);
    let response = send(app, api.request(endpoint)).await;
    api.decode(endpoint, &response)
}

/// The real binary, listening on a free loopback port.
pub struct SimProcess {
    child: Child,
    pub origin: String,
    pub banner: String,
    stderr: Arc<Mutex<String>>,
}

impl SimProcess {
    pub fn start(args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_snapshot-sim"))
            .args(["--addr", "127.0.0.1:0"])
            .args(args)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start snapshot-sim");
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut err_pipe = child.stderr.take().unwrap();
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err_pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut banner = String::new();
        let mut origin = None;
        for line in lines.by_ref() {
            let line = line.unwrap();
            banner.push_str(&line);
            banner.push('\n');
            if let Some(rest) = line.strip_prefix("snapshot-sim listening on ") {
                origin = Some(rest.to_owned());
            }
            if line.starts_with("Database:") {
                break;
            }
        }
        std::thread::spawn(move || for _ in lines {});
        let origin = origin.unwrap_or_else(|| panic!("no address in banner: {banner}"));
        Self {
            child,
            origin,
            banner,
            stderr,
        }
    }

    /// SIGKILL: no shutdown code runs.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    pub fn logs(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }
}

impl Drop for SimProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn db_arg(dir: &Path) -> String {
    dir.join("sim.sqlite3").display().to_string()
}
