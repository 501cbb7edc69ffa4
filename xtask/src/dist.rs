//! `cargo xtask dist`: the release console as static files in `dist/`.

use std::path::PathBuf;

use crate::cmd::{self, command, root, Result};
use crate::tools;

/// Whether the console crate exists yet.
pub fn console_exists() -> bool {
    root().join("app").join("Cargo.toml").exists() && root().join("index.html").exists()
}

/// Builds the release console into `dist/` and returns that folder.
pub fn run() -> Result<PathBuf> {
    if !console_exists() {
        return Err("the console (app/ and index.html) does not exist yet".to_owned());
    }
    tools::ensure_console_tools()?;
    cmd::step("Building the release console into dist/");
    let dist = root().join("dist");
    let mut trunk = command(
        "trunk",
        &[
            "build",
            "--release",
            "--offline",
            "--dist",
            &dist.to_string_lossy(),
        ],
    );
    cmd::run(trunk)?;
    crate::minify::apply(&dist)?;
    let policy = crate::csp::apply(&dist)?;
    // Last: the compressed copies must be of the files as served.
    crate::precompress::apply(&dist)?;
    println!(
        "Content-Security-Policy (dist/{}): {policy}",
        crate::csp::CSP_FILE
    );
    Ok(dist)
}
