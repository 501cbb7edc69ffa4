//! Tokens from a file and from `SNAPSHOT_SIM_TOKENS`, so they need not be in the arguments
//! that `ps` shows; a file or variable that gives no token stops the start.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use common::{SimProcess, TOKEN};

fn sim_bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_snapshot-sim"))
}

async fn status_with(sim: &SimProcess, token: &str) -> u16 {
    status_at(&sim.origin, token).await
}

async fn status_at(origin: &str, token: &str) -> u16 {
    reqwest::Client::new()
        .get(format!("{origin}/api/v1/snapshots/"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn a_token_from_a_file_works() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tokens");
    std::fs::write(&file, "# lab tokens\n\nfile-token-1\n  file-token-2  \n").unwrap();
    let file_arg = file.display().to_string();
    let sim = common::start(&["--ephemeral", "--token-file", &file_arg]);
    assert!(
        sim.banner.contains("Tokens:   2 configured"),
        "{}",
        sim.banner
    );
    assert!(!sim.banner.contains("file-token"), "{}", sim.banner);
    assert_eq!(status_with(&sim, "file-token-1").await, 200);
    assert_eq!(status_with(&sim, "file-token-2").await, 200);
    assert_eq!(status_with(&sim, "# lab tokens").await, 401);
}

/// The binary with an extra environment variable; gives the child (killed on drop), its
/// origin and its banner.
struct EnvSim(Child);

impl Drop for EnvSim {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_with_env(args: &[&str], var: (&str, &str)) -> (EnvSim, String, String) {
    let mut child = Command::new(sim_bin())
        .args(["--addr", "127.0.0.1:0"])
        .args(args)
        .env(var.0, var.1)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let mut banner = String::new();
    for line in stdout.lines() {
        let line = line.unwrap();
        banner.push_str(&line);
        banner.push('\n');
        if line.starts_with("Database:") {
            break;
        }
    }
    let origin = banner
        .lines()
        .find_map(|l| l.strip_prefix("snapshot-sim listening on "))
        .unwrap_or_else(|| panic!("{banner}"))
        .to_owned();
    (EnvSim(child), origin, banner)
}

#[tokio::test]
async fn tokens_from_the_environment_work() {
    let (_sim, origin, banner) = start_with_env(
        &["--ephemeral", "--token", TOKEN],
        (
            snapshot_sim::TOKENS_VAR,
            "env-token-1, env-token-2\nenv-token-3",
        ),
    );
    assert!(banner.contains("Tokens:   4 configured"), "{banner}");
    for token in ["env-token-1", "env-token-2", "env-token-3", TOKEN] {
        assert_eq!(status_at(&origin, token).await, 200, "{token}");
    }
    assert_eq!(status_at(&origin, "env-token-1,").await, 401);
    assert_eq!(status_at(&origin, "env-token").await, 401);
}

/// Runs the binary expecting it to refuse to start; gives its error output.
fn refused(args: &[&str], env: &[(&str, &str)]) -> String {
    let out = Command::new(sim_bin())
        .args(["--addr", "127.0.0.1:0", "--ephemeral"])
        .args(args)
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(!out.status.success(), "{args:?} started");
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn a_token_source_without_tokens_stops_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing").display().to_string();
    let error = refused(&["--token-file", &missing], &[]);
    assert!(error.contains("cannot read --token-file"), "{error}");

    let empty = dir.path().join("empty");
    std::fs::write(&empty, "# nothing yet\n\n").unwrap();
    let empty = empty.display().to_string();
    let error = refused(&["--token-file", &empty], &[]);
    assert!(error.contains("holds no token"), "{error}");

    let error = refused(&[], &[(snapshot_sim::TOKENS_VAR, " , ")]);
    assert!(
        error.contains("SNAPSHOT_SIM_TOKENS is set but holds no token"),
        "{error}"
    );
}
