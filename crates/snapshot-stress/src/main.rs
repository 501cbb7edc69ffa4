//! `snapshot-stress load | crash | contract`: the long runs behind docs/RELIABILITY.md,
//! started by `cargo xtask load`, `crash` and `contract`. Each prints its figures and exits
//! non-zero when a promise broke.

use std::path::PathBuf;
use std::process::{Command, ExitCode};
use std::time::Duration;

use clap::{Parser, Subcommand};
use snapshot_stress::crash::{self, CrashConfig};
use snapshot_stress::load::{self, LoadConfig};
use snapshot_stress::sim_process::{default_binary, SimProcess};

#[derive(Parser)]
struct Cli {
    /// The simulator binary [default: target/sim-release/snapshot-sim].
    #[arg(long, global = true)]
    sim: Option<PathBuf>,
    /// Where to write the figures as JSON.
    #[arg(long, global = true)]
    json: Option<PathBuf>,
    #[command(subcommand)]
    run: Run,
}

#[derive(Subcommand)]
enum Run {
    /// Clients of mixed traffic for a while: latency, statuses, the limit of 5.
    Load {
        #[arg(long, default_value_t = 50)]
        clients: usize,
        #[arg(long, default_value_t = 60)]
        seconds: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Mixed writes under random SIGKILLs: no acknowledged write may be lost.
    Crash {
        #[arg(long, default_value_t = 400)]
        writes: usize,
        #[arg(long, default_value_t = 4)]
        workers: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// schemathesis (from PyPI) against the simulator with the OpenAPI document it serves.
    Contract {
        #[arg(long, default_value_t = 60)]
        seconds: u64,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let binary = cli.sim.unwrap_or_else(|| default_binary("sim-release"));
    let (figures, ok) = match cli.run {
        Run::Load {
            clients,
            seconds,
            seed,
        } => {
            let r = load::run(LoadConfig {
                binary,
                clients,
                duration: Duration::from_secs(seconds),
                seed,
            })
            .await;
            println!(
                "load: {} requests in {seconds} s from {clients} clients, {:.0}/s; p50 {:.2} ms, p99 {:.2} ms; {} 5xx; {} limit violations",
                r.requests, r.requests_per_second, r.p50_ms, r.p99_ms, r.server_errors, r.limit_violations
            );
            let ok = r.server_errors == 0 && r.transport_errors == 0 && r.limit_violations == 0;
            (r.to_json(), ok)
        }
        Run::Crash {
            writes,
            workers,
            seed,
        } => {
            let r = crash::run(CrashConfig {
                binary,
                writes,
                workers,
                seed,
            })
            .await;
            println!(
                "crash: {} writes, {} kills, {} acknowledged creates and {} deletes; {} lost, {} deletes undone, {} limit violations",
                r.writes_sent, r.kills, r.acknowledged_creates, r.acknowledged_deletes,
                r.lost_creates, r.deletes_undone, r.limit_violations
            );
            let ok = r.lost_creates + r.deletes_undone + r.limit_violations == 0;
            (r.to_json(), ok)
        }
        Run::Contract { seconds } => return contract(&binary, seconds),
    };
    let text = serde_json::to_string_pretty(&figures).unwrap_or_default();
    println!("{text}");
    if let Some(path) = cli.json {
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("cannot write {}: {e}", path.display());
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Every schemathesis check and phase; schemathesis.toml (in the working folder, the
/// workspace root) says which statuses a valid request may get.
fn contract(binary: &std::path::Path, seconds: u64) -> ExitCode {
    let token = "contract-token";
    let sim = SimProcess::start(
        binary,
        &[
            "--ephemeral",
            "--token",
            token,
            "--create-delay-ms",
            "0",
            "--restore-delay-ms",
            "0",
        ],
    );
    let status = Command::new("st")
        .args(["run", &sim.url("/api/v1/openapi.yaml")])
        .args(["--header", &format!("Authorization: Bearer {token}")])
        .args(["--checks", "all", "--max-time", &seconds.to_string()])
        .status();
    match status {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("cannot run schemathesis (st): {e}");
            ExitCode::FAILURE
        }
    }
}
