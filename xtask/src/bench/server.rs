//! The simulator against the Prism mock server (npm @stoplight/prism-cli, pinned in
//! bench/prism/) serving the same API from docs/openapi.yaml: list throughput and latency at
//! 50 connections, measured with wrk (Debian), alternating, on this machine in this run.
//! Both log only errors, so neither pays for a log line per request.

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::Value;

use super::report::{ms, Row};
use super::Scale;
use crate::cmd::{self, command, root, Result};
use crate::tools;

const TOKEN: &str = "bench-token";
const CONNECTIONS: &str = "50";

#[derive(Serialize, Clone, Copy, Default)]
struct Figures {
    requests_per_s: f64,
    p50_ms: f64,
    p99_ms: f64,
    non_2xx: f64,
    response_bytes: f64,
}

/// Kills the server when the measure ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn run(
    scale: &Scale,
    sim_bin: &Path,
    raw: &mut serde_json::Map<String, Value>,
) -> Result<Vec<Row>> {
    tools::ensure_apt("wrk", &["wrk"])?;
    let prism_dir = root().join("bench").join("prism");
    tools::ensure_npm_packages(&prism_dir, "prism")?;
    cmd::step("Simulator against Prism: GET the list at 50 connections (wrk)");

    let sim_port = free_port()?;
    let mut sim = command(
        &sim_bin.to_string_lossy(),
        &[
            "--addr",
            &format!("127.0.0.1:{sim_port}"),
            "--ephemeral",
            "--token",
            TOKEN,
            "--seed",
            "demo",
        ],
    );
    sim.env("RUST_LOG", "warn");
    let _sim = start(sim, sim_port)?;
    let prism_port = free_port()?;
    let prism_bin = prism_dir.join("node_modules").join(".bin").join("prism");
    let openapi = root().join("docs").join("openapi.yaml");
    let prism = command(
        &prism_bin.to_string_lossy(),
        &[
            "mock",
            &openapi.to_string_lossy(),
            "--host",
            "127.0.0.1",
            "--port",
            &prism_port.to_string(),
            "--verboseLevel",
            "error",
        ],
    );
    let _prism = start(prism, prism_port)?;

    // The page's example list for one server from the simulator; Prism mounts the paths
    // without the servers' /api/v1 prefix and answers its own example.
    let sim_url = format!("http://127.0.0.1:{sim_port}/api/v1/snapshots/?server_id=12345");
    let prism_url = format!("http://127.0.0.1:{prism_port}/snapshots/?server_id=12345");
    let (mut sims, mut prisms) = (Vec::new(), Vec::new());
    for _ in 0..scale.server_rounds {
        sims.push(wrk(&sim_url, scale.wrk_seconds)?);
        prisms.push(wrk(&prism_url, scale.wrk_seconds)?);
    }
    let (s, p) = (mean(&sims), mean(&prisms));
    raw.insert(
        "simulator".to_owned(),
        serde_json::json!({
            "connections": 50, "seconds": scale.wrk_seconds, "rounds": scale.server_rounds,
            "simulator": s, "prism": p, "simulator_rounds": sims, "prism_rounds": prisms,
            "simulator_url": sim_url, "prism_url": prism_url,
        }),
    );
    let command_text = "cargo xtask bench (wrk -t2 -c50 --latency)";
    let ratio = s.requests_per_s / p.requests_per_s;
    Ok(vec![
        Row::new(
            "simulator: list throughput, 50 connections",
            "≥ 3× Prism",
            command_text,
        )
        .figure(format!(
            "{:.0} req/s ({} B responses, {} non-2xx)",
            s.requests_per_s, s.response_bytes, s.non_2xx
        ))
        .against(format!(
            "Prism {:.0} req/s ({} B responses, {} non-2xx)",
            p.requests_per_s, p.response_bytes, p.non_2xx
        ))
        .ratio(ratio)
        .met(ratio >= 3.0),
        Row::new(
            "simulator: list latency p50 / p99, 50 connections",
            "(none)",
            command_text,
        )
        .figure(format!("{} / {}", ms(s.p50_ms), ms(s.p99_ms)))
        .against(format!("Prism {} / {}", ms(p.p50_ms), ms(p.p99_ms)))
        .ratio(s.p99_ms / p.p99_ms),
    ])
}

fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

/// Starts `server` and waits until it accepts connections on `port`.
fn start(mut server: std::process::Command, port: u16) -> Result<Server> {
    let child = server
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {:?}: {e}", server.get_program()))?;
    let server = Server(child);
    let deadline = Instant::now() + Duration::from_secs(60);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return Err(format!("nothing listened on port {port} within 60 s"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(server)
}

/// One wrk run after a one-second warm-up, with the size of one response.
fn wrk(url: &str, seconds: u32) -> Result<Figures> {
    let auth = format!("Authorization: Bearer {TOKEN}");
    let run = |seconds: u32| {
        let duration = format!("{seconds}s");
        let args = [
            "-t2",
            "-c",
            CONNECTIONS,
            "-d",
            &duration,
            "--latency",
            "-H",
            &auth,
            url,
        ];
        println!("$ wrk {}", args.join(" "));
        let out = command("wrk", &args)
            .output()
            .map_err(|e| format!("cannot run wrk: {e}"))?;
        String::from_utf8(out.stdout).map_err(|e| e.to_string())
    };
    run(1)?;
    let text = run(seconds)?;
    print!("{text}");
    let field = |label: &str| {
        text.lines()
            .find_map(|l| l.trim().strip_prefix(label).map(|v| v.trim().to_owned()))
    };
    let body = cmd::output_line(
        "curl",
        &[
            "-s",
            "-o",
            "/dev/null",
            "-w",
            "%{size_download}",
            "-H",
            &auth,
            url,
        ],
    );
    Ok(Figures {
        requests_per_s: field("Requests/sec:")
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN),
        p50_ms: field("50%").and_then(|v| millis(&v)).unwrap_or(f64::NAN),
        p99_ms: field("99%").and_then(|v| millis(&v)).unwrap_or(f64::NAN),
        non_2xx: field("Non-2xx or 3xx responses:")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0),
        response_bytes: body.and_then(|b| b.parse().ok()).unwrap_or(f64::NAN),
    })
}

/// wrk's "812.00us", "5.25ms" or "1.02s" in milliseconds.
fn millis(text: &str) -> Option<f64> {
    let (number, scale) = if let Some(n) = text.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = text.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = text.strip_suffix('s') {
        (n, 1000.0)
    } else {
        return None;
    };
    number.parse::<f64>().ok().map(|n| n * scale)
}

fn mean(runs: &[Figures]) -> Figures {
    let n = runs.len() as f64;
    let sum = |f: fn(&Figures) -> f64| runs.iter().map(f).sum::<f64>() / n;
    Figures {
        requests_per_s: sum(|f| f.requests_per_s),
        p50_ms: sum(|f| f.p50_ms),
        p99_ms: sum(|f| f.p99_ms),
        non_2xx: sum(|f| f.non_2xx),
        response_bytes: sum(|f| f.response_bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::millis;

    #[test]
    fn reads_wrk_durations() {
        assert_eq!(millis("812.00us"), Some(0.812));
        assert_eq!(millis("5.25ms"), Some(5.25));
        assert_eq!(millis("1.50s"), Some(1500.0));
        assert_eq!(millis("5.25"), None);
    }
}
