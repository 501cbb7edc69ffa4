//! `cargo xtask contract`: schemathesis, from PyPI, against the simulator with the
//! repository's OpenAPI document as the simulator serves it. Every check, every phase.

use std::process::{Command, ExitCode};

use clap::Parser;
use snapshot_stress::sim_process::{default_binary, SimProcess};

#[derive(Parser)]
struct Args {
    /// Seconds schemathesis may spend.
    #[arg(long, default_value_t = 60)]
    seconds: u64,
    /// The simulator binary [default: target/sim-release/snapshot-sim].
    #[arg(long)]
    sim: Option<std::path::PathBuf>,
    /// Ignored (the other harnesses write JSON; schemathesis prints its own report).
    #[arg(long)]
    json: Option<std::path::PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let token = "contract-token";
    let binary = args.sim.unwrap_or_else(|| default_binary("sim-release"));
    let sim = SimProcess::start(
        &binary,
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
    // schemathesis.toml (in the workspace root, the working folder) says which statuses a
    // valid request may get.
    let status = Command::new("st")
        .args(["run", &sim.url("/api/v1/openapi.yaml")])
        .args(["--header", &format!("Authorization: Bearer {token}")])
        .args(["--checks", "all", "--max-time", &args.seconds.to_string()])
        .status();
    drop(sim);
    match status {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("cannot run schemathesis (st): {e}");
            ExitCode::FAILURE
        }
    }
}
