//! The console's second wasm (`crates/snapshot-tools`): the code only "Copy as…" and "Export
//! as CSV" need, built into `dist/tools/`, where `app/src/tools.js` imports it on their first
//! click. Built as the console is: the same small std, the same wasm-bindgen and wasm-opt.

use std::path::{Path, PathBuf};

use crate::cmd::{self, command, root, Result};

/// The folder in `dist/` the second wasm goes to, as `app/src/tools.rs` names it.
pub const FOLDER: &str = "tools";

/// Builds the second wasm into `dist/tools/` and returns that folder.
pub fn build(dist: &Path) -> Result<PathBuf> {
    cmd::step("Building the on-demand wasm (Copy as…, Export as CSV) into dist/tools/");
    crate::dist::build_wasm(&["--package", "snapshot-tools", "--lib"])?;
    let built = root()
        .join("target")
        .join("wasm32-unknown-unknown")
        .join("release")
        .join("snapshot_tools.wasm");
    let out = dist.join(FOLDER);
    let out_dir = out.display().to_string();
    cmd::run(command(
        "wasm-bindgen",
        &[
            &built.display().to_string(),
            "--target",
            "web",
            "--no-typescript",
            "--out-dir",
            &out_dir,
        ],
    ))?;
    // trunk's `data-wasm-opt="z"` and its parameters, as index.html gives them for the console.
    let bg = out.join("snapshot_tools_bg.wasm").display().to_string();
    cmd::run(command(
        "wasm-opt",
        &["-Oz", "--low-memory-unused", &bg, "-o", &bg],
    ))?;
    Ok(out)
}
