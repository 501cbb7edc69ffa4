//! `cargo xtask serve | test | dist`: every set-up step the project needs, so that a fresh
//! machine with only Rust, Node/npm, Python and apt can run the console and every test.

mod bench;
mod cmd;
mod csp;
mod dist;
mod fuzz;
mod hashed;
mod minify;
mod on_demand;
mod portal;
mod precompress;
mod serve;
mod size;
mod stress;
mod test;
mod tools;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Snapshot Console's project commands")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Install what is missing, build the console in release, and run it on the simulator
    /// with demo data. Arguments after `--` go to the simulator (e.g. `-- --addr 127.0.0.1:9000`).
    Serve {
        #[arg(last = true)]
        sim_args: Vec<String>,
    },
    /// Install what is missing and run every test the project has.
    Test,
    /// Build the release console into `dist/`: static files ready to host.
    Dist,
    /// Build, then run only the browser suite; arguments after `--` go to Playwright (e.g.
    /// `-- e2e/reach.spec.ts -g Bengali`).
    E2e {
        #[arg(last = true)]
        args: Vec<String>,
    },
    /// Serve the example admin portal (examples/portal) with the console embedded.
    Portal {
        #[arg(last = true)]
        sim_args: Vec<String>,
    },
    /// 50 clients of mixed traffic against the simulator for 60 s (args go to the harness,
    /// e.g. `-- --clients 20 --seconds 10`).
    Load {
        #[arg(last = true)]
        args: Vec<String>,
    },
    /// Mixed writes under random hard kills of the simulator; checks no acknowledged write
    /// is lost (e.g. `-- --writes 1000`).
    Crash {
        #[arg(last = true)]
        args: Vec<String>,
    },
    /// schemathesis against the simulator with docs/openapi.yaml (e.g. `-- --seconds 300`).
    Contract {
        #[arg(last = true)]
        args: Vec<String>,
    },
    /// Fuzz every decoder and validator of the core (e.g. `-- --seconds 300` per target).
    Fuzz {
        #[arg(last = true)]
        args: Vec<String>,
    },
    /// Every benchmark (bundle, cold load, 5,000-snapshot list, network, simulator against
    /// Prism, core decode), each against its floor or peer; writes docs/BENCHMARKS.md and
    /// docs/benchmarks.json. `--smoke` runs the harness at a tiny scale into target/.
    Bench {
        #[arg(long)]
        smoke: bool,
    },
    /// Print the release bundle's size (wasm + JS + CSS, raw and gzip -9) against its budget.
    Size,
    /// Retake the README's screenshots into docs/screenshots/ (look at them before committing).
    Screenshots,
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Serve { sim_args } => serve::run(&sim_args),
        Command::Test => test::run(),
        Command::Dist => dist::run().map(|_| ()),
        Command::E2e { args } => test::e2e(&args),
        Command::Portal { sim_args } => portal::run(&sim_args),
        Command::Screenshots => test::screenshots(),
        Command::Size => size::run(),
        Command::Bench { smoke } => bench::run(smoke),
        Command::Load { args } => stress::run("load", &args),
        Command::Crash { args } => stress::run("crash", &args),
        Command::Fuzz { args } => fuzz::run(&args),
        Command::Contract { args } => {
            tools::ensure_schemathesis().and_then(|()| stress::run("contract", &args))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}
