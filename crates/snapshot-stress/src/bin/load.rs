//! `cargo xtask load`: N clients of mixed traffic for a while; prints figures, writes JSON.

use std::time::Duration;

use clap::Parser;
use snapshot_stress::load::{run, LoadConfig};
use snapshot_stress::sim_process::default_binary;

#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 50)]
    clients: usize,
    #[arg(long, default_value_t = 60)]
    seconds: u64,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The simulator binary [default: target/sim-release/snapshot-sim].
    #[arg(long)]
    sim: Option<std::path::PathBuf>,
    /// Where to write the figures as JSON.
    #[arg(long)]
    json: Option<std::path::PathBuf>,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let report = run(LoadConfig {
        binary: args.sim.unwrap_or_else(|| default_binary("sim-release")),
        clients: args.clients,
        duration: Duration::from_secs(args.seconds),
        seed: args.seed,
    })
    .await;
    let json = report.to_json();
    println!(
        "{}",
        serde_json::to_string_pretty(&json).unwrap_or_default()
    );
    if let Some(path) = args.json {
        let _ = std::fs::write(
            path,
            serde_json::to_string_pretty(&json).unwrap_or_default(),
        );
    }
    let ok =
        report.server_errors == 0 && report.limit_violations == 0 && report.transport_errors == 0;
    println!(
        "load: {} requests in {} s from {} clients, {:.0}/s; p50 {:.2} ms, p99 {:.2} ms; {} 5xx; {} limit violations",
        report.requests, args.seconds, args.clients, report.requests_per_second, report.p50_ms,
        report.p99_ms, report.server_errors, report.limit_violations
    );
    if ok {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
