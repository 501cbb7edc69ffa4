use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// The simulator's command line. Scripts and tests rely on these flags; keep them stable.
#[derive(Parser, Debug, Clone)]
#[command(
    name = "snapshot-sim",
    about = "A local simulator of the VPS.org Snapshot API"
)]
pub struct Config {
    /// Address to listen on. Loopback by default: this is a development tool.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// An accepted API token (repeatable). Arguments show in `ps`: outside tests, prefer
    /// `--token-file` or the SNAPSHOT_SIM_TOKENS variable (comma- or space-separated). With no
    /// token from any of them, a demo token is generated and printed.
    #[arg(long = "token", value_name = "TOKEN")]
    pub tokens: Vec<String>,

    /// A file of accepted API tokens: one a line, blank lines and `#` comments skipped.
    #[arg(long, value_name = "PATH")]
    pub token_file: Option<PathBuf>,

    /// SQLite file to keep data in [default: the user's data folder, snapshot-sim/sim.sqlite3].
    #[arg(long, value_name = "PATH", conflicts_with = "ephemeral")]
    pub db: Option<PathBuf>,

    /// Keep data in memory only, for tests.
    #[arg(long)]
    pub ephemeral: bool,

    /// How long a new snapshot stays `in_progress`.
    #[arg(long, value_name = "N", default_value_t = 5000)]
    pub create_delay_ms: u64,

    /// How long a server stays `restoring`.
    #[arg(long, value_name = "N", default_value_t = 15000)]
    pub restore_delay_ms: u64,

    /// Serve the built console from this folder at `/` (index.html for unknown non-API paths).
    #[arg(long, value_name = "DIR")]
    pub console_dir: Option<PathBuf>,

    /// An origin allowed to frame the console (repeatable); without one, none may. Sent as
    /// the `frame-ancestors` part of the console's Content-Security-Policy.
    #[arg(long = "frame-ancestor", value_name = "ORIGIN")]
    pub frame_ancestors: Vec<String>,

    /// A browser origin allowed to call the API cross-origin (repeatable): scheme://host[:port].
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    pub cors_origins: Vec<String>,

    /// How many servers `--seed large` makes (each with 5 snapshots).
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub seed_servers: u32,

    /// Enable the `/_sim/` test-control routes (faults, chaos, token revocation, advancing
    /// transitions). Never on by default: without it those paths are 404.
    #[arg(long)]
    pub test_control: bool,

    /// Data to start a new database with; an existing database is kept as it is.
    #[arg(long, value_enum, default_value = "demo")]
    pub seed: Seed,
}

/// What a new database starts with.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Seed {
    /// The API page's examples plus servers worth looking at.
    Demo,
    /// The same servers, no snapshots.
    Empty,
    /// `--seed-servers` servers (1,000 by default) with 5 snapshots each and nothing else,
    /// for measuring lists: 5,000 snapshots by default, 100 with `--seed-servers 20`.
    Large,
}

impl Config {
    /// The SQLite file to use, or `None` in memory.
    pub fn db_path(&self) -> Option<PathBuf> {
        if self.ephemeral {
            return None;
        }
        Some(self.db.clone().unwrap_or_else(|| {
            dirs::data_local_dir()
                .unwrap_or_else(std::env::temp_dir)
                .join("snapshot-sim")
                .join("sim.sqlite3")
        }))
    }
}
