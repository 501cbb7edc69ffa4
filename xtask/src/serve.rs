//! `cargo xtask serve`: the console and the API on one origin, with demo data.

use crate::cmd::{self, command, Result};
use crate::{dist, tools};

pub fn run(sim_args: &[String]) -> Result {
    tools::ensure_console_tools()?;
    let console_dir = if dist::console_exists() {
        Some(dist::run()?)
    } else {
        println!("\nThe console does not exist yet: serving the API alone.");
        None
    };
    cmd::step("Starting the simulator (Ctrl-C stops it)");
    let mut args = vec!["run", "--quiet", "--package", "snapshot-sim", "--"];
    let dir_arg;
    if let Some(dir) = &console_dir {
        dir_arg = dir.display().to_string();
        args.extend(["--console-dir", &dir_arg]);
    }
    args.extend(sim_args.iter().map(String::as_str));
    cmd::run(command("cargo", &args))
}
