//! `cargo xtask fuzz`: every cargo-fuzz target of the core for a while each, on the committed
//! corpus (crates/snapshot-api/fuzz/corpus/), which the run grows. A crash fails the run and
//! leaves its input in fuzz/artifacts/.

use crate::cmd::{self, command, root, Result};

const TARGETS: [&str; 3] = ["decode_responses", "validators", "create_body"];

pub fn run(args: &[String]) -> Result {
    let seconds = match args {
        [flag, n] if flag == "--seconds" => n.clone(),
        [] => "60".to_owned(),
        _ => return Err("usage: cargo xtask fuzz [-- --seconds N]".to_owned()),
    };
    if crate::cmd::output_line("cargo", &["fuzz", "--version"]).is_none() {
        cmd::step("Installing cargo-fuzz (crates.io)");
        cmd::run(command("cargo", &["install", "cargo-fuzz"]))?;
    }
    let dir = root().join("crates").join("snapshot-api");
    for target in TARGETS {
        cmd::step(&format!("Fuzzing {target} for {seconds} s"));
        let max_time = format!("-max_total_time={seconds}");
        let mut fuzz = command("cargo", &["fuzz", "run", target, "--", &max_time]);
        // cargo-fuzz passes nightly-only flags; this lets the stable toolchain take them.
        fuzz.current_dir(&dir).env("RUSTC_BOOTSTRAP", "1");
        cmd::run(fuzz)?;
    }
    println!(
        "\nfuzz: {} targets, {seconds} s each, 0 crashes.",
        TARGETS.len()
    );
    Ok(())
}
