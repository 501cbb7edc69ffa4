//! Settings that would leave the simulator less safe than asked stop it at start: a console
//! without its Content-Security-Policy, a `--frame-ancestor` that is not one CSP source, a
//! `--cors-origin` that is not an origin. Valid ones still work.

mod common;

use common::{build, send};
use http::Request;

fn console_dir(policy: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), "<title>console</title>").unwrap();
    if let Some(policy) = policy {
        std::fs::write(dir.path().join("csp.txt"), policy).unwrap();
    }
    dir
}

fn start_error(extra: &[&str]) -> String {
    let mut args = vec!["snapshot-sim", "--ephemeral", "--token", "t"];
    args.extend_from_slice(extra);
    match build(args) {
        Ok(_) => panic!("{extra:?} started"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_console_without_its_policy_does_not_start() {
    let dir = console_dir(None);
    let dir_arg = dir.path().display().to_string();
    let error = start_error(&["--console-dir", &dir_arg]);
    assert!(error.contains("csp.txt"), "{error}");
    assert!(error.contains("Content-Security-Policy"), "{error}");

    let empty = console_dir(Some("  \n"));
    let empty_arg = empty.path().display().to_string();
    let error = start_error(&["--console-dir", &empty_arg]);
    assert!(error.contains("empty"), "{error}");
}

#[test]
fn a_frame_ancestor_that_is_not_one_source_does_not_start() {
    let dir = console_dir(Some("default-src 'none'"));
    let dir_arg = dir.path().display().to_string();
    for bad in [
        "x; script-src *",
        "a, b",
        "https://a.example https://b.example",
        "a\u{7}",
    ] {
        let error = start_error(&["--console-dir", &dir_arg, "--frame-ancestor", bad]);
        assert!(error.contains("--frame-ancestor"), "{bad:?}: {error}");
    }
}

#[tokio::test]
async fn the_policy_goes_out_with_the_frame_ancestors() {
    let dir = console_dir(Some("default-src 'none'; script-src 'self'\n"));
    let dir_arg = dir.path().display().to_string();
    let app = build(vec![
        "snapshot-sim",
        "--ephemeral",
        "--console-dir",
        &dir_arg,
        "--frame-ancestor",
        "https://portal.example",
    ])
    .unwrap()
    .router;
    let index = send(&app, Request::get("/").body(Vec::new()).unwrap()).await;
    assert_eq!(index.status(), 200);
    assert_eq!(
        index.headers()["content-security-policy"],
        "default-src 'none'; script-src 'self'; frame-ancestors https://portal.example"
    );
}

#[test]
fn a_wildcard_or_a_non_origin_cors_origin_does_not_start() {
    for bad in [
        "*",
        "portal.example",
        "https://portal.example/app",
        "https://portal.example?x",
        "file:///tmp",
    ] {
        let error = start_error(&["--cors-origin", bad]);
        assert!(error.contains("--cors-origin"), "{bad}: {error}");
        assert!(error.contains("not an origin"), "{bad}: {error}");
    }
}

#[tokio::test]
async fn cors_preflights_allow_the_idempotency_key() {
    let app = build(vec![
        "snapshot-sim",
        "--ephemeral",
        "--cors-origin",
        "http://portal.test:3000/",
    ])
    .unwrap()
    .router;
    let preflight = Request::builder()
        .method("OPTIONS")
        .uri("/api/v1/snapshots/")
        .header("origin", "http://portal.test:3000")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization, content-type, idempotency-key",
        )
        .body(Vec::new())
        .unwrap();
    let answer = send(&app, preflight).await;
    assert!(answer.status().is_success());
    assert_eq!(
        answer.headers()["access-control-allow-origin"],
        "http://portal.test:3000"
    );
    let allowed = answer.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(allowed.contains("idempotency-key"), "{allowed}");
}

/// The binary says why and exits with failure, rather than starting without a policy.
#[test]
fn the_binary_reports_a_refused_start() {
    let dir = console_dir(None);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_snapshot-sim"))
        .args(["--addr", "127.0.0.1:0", "--ephemeral", "--token", "t"])
        .arg("--console-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("snapshot-sim: "), "{stderr}");
    assert!(stderr.contains("csp.txt"), "{stderr}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_snapshot-sim"))
        .args(["--addr", "127.0.0.1:0", "--ephemeral", "--cors-origin", "*"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--cors-origin \"*\""), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
