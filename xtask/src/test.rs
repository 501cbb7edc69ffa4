//! `cargo xtask test`: every test the project has, after installing what they need.

use crate::cmd::{self, command, Result};
use crate::tools;

pub fn run() -> Result {
    cmd::step("Checking tools");
    tools::ensure_wasm_target()?;
    tools::ensure_wasm_bindgen()?;
    tools::ensure_python_requests()?;
    tools::ensure_apt("curl", &["curl"])?;

    cmd::step("Formatting");
    cmd::run(command("cargo", &["fmt", "--all", "--", "--check"]))?;

    cmd::step("Lints");
    cmd::run(command(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    ))?;

    cmd::step("The core builds for wasm32 (it must stay platform-neutral)");
    cmd::run(command(
        "cargo",
        &[
            "build",
            "--package",
            "snapshot-api",
            "--target",
            "wasm32-unknown-unknown",
        ],
    ))?;

    cmd::step("Core and simulator tests");
    cmd::run(command("cargo", &["test", "--workspace"]))?;

    println!("\nxtask test: every suite passed.");
    Ok(())
}
