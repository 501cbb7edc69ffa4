//! `cargo xtask crash`: mixed writes under random SIGKILLs; prints figures, writes JSON.

use clap::Parser;
use snapshot_stress::crash::{run, CrashConfig};
use snapshot_stress::sim_process::default_binary;

#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 400)]
    writes: usize,
    #[arg(long, default_value_t = 4)]
    workers: usize,
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
    let report = run(CrashConfig {
        binary: args.sim.unwrap_or_else(|| default_binary("sim-release")),
        writes: args.writes,
        workers: args.workers,
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
    println!(
        "crash: {} writes, {} kills, {} acknowledged creates and {} deletes; {} lost, {} deletes undone, {} limit violations",
        report.writes_sent, report.kills, report.acknowledged_creates, report.acknowledged_deletes,
        report.lost_creates, report.deletes_undone, report.limit_violations
    );
    if report.lost_creates + report.deletes_undone + report.limit_violations == 0 {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
