//! `cargo xtask serve | test | dist`: every set-up step the project needs, so that a fresh
//! machine with only Rust, Node/npm, Python and apt can run the console and every test.

mod cmd;
mod dist;
mod serve;
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
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Serve { sim_args } => serve::run(&sim_args),
        Command::Test => test::run(),
        Command::Dist => dist::run().map(|_| ()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}
