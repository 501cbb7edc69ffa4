//! `cargo xtask load` and `cargo xtask crash`: the long runs behind docs/RELIABILITY.md.
//! Figures are printed and written as JSON to target/reliability/.

use crate::cmd::{self, command, root, Result};

/// Builds the fast simulator and runs `snapshot-stress <run>` with `args`.
pub fn run(bin: &str, args: &[String]) -> Result {
    cmd::step("Building the simulator for load (profile sim-release)");
    cmd::run(command(
        "cargo",
        &[
            "build",
            "--profile",
            "sim-release",
            "--package",
            "snapshot-sim",
        ],
    ))?;
    let out = root().join("target").join("reliability");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let json = out.join(format!("{bin}.json")).display().to_string();
    cmd::step(&format!("Running {bin} (figures also in {json})"));
    let mut all = vec![
        "run",
        "--quiet",
        "--profile",
        "sim-release",
        "--package",
        "snapshot-stress",
        "--",
        bin,
        "--json",
        &json,
    ];
    all.extend(args.iter().map(String::as_str));
    cmd::run(command("cargo", &all))
}
