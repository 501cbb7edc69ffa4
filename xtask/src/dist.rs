//! `cargo xtask dist`: the release console as static files in `dist/`.

use std::path::{Path, PathBuf};

use crate::cmd::{self, command, root, Result};
use crate::tools;

/// The release wasm's std, built with the console (`-Zbuild-std`) so it carries no panic
/// messages, locations or `Debug` formatting: a panic aborts at once, as a wasm trap, and
/// `app/embed/stopped.js` tells the user. Only this build sees these variables: the native
/// crates, the tests and the wasm test build use the stable toolchain as it is.
///
/// - `RUSTC_BOOTSTRAP=1` lets this stable toolchain take the unstable flags below.
/// - Since Rust 1.92 the std feature `panic_immediate_abort` is refused; its successor is
///   `-Zunstable-options -Cpanic=immediate-abort` (rust-lang/rust#146317). 1.95 takes
///   this form.
/// - std's `optimize_for_size` feature picks its smaller code paths (sorts above all):
///   2.2 KB less gzip, measured at issue 14; the sorts stay O(n log n).
/// - The target's `rustflags` in `.cargo/config.toml` are replaced by this variable, so
///   `--cfg erase_components` is repeated here.
pub const SMALL_STD: [(&str, &str); 4] = [
    ("RUSTC_BOOTSTRAP", "1"),
    ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort"),
    ("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size"),
    (
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
        "--cfg erase_components -Zunstable-options -Cpanic=immediate-abort \
         -Zlocation-detail=none -Zfmt-debug=none",
    ),
];

/// `cargo build --release` for the browser of the package `args` name, with [`SMALL_STD`].
pub fn build_wasm(args: &[&str]) -> Result {
    let mut wasm = command(
        "cargo",
        &[
            &["build", "--release", "--target", "wasm32-unknown-unknown"],
            args,
        ]
        .concat(),
    );
    for (key, value) in SMALL_STD {
        wasm.env(key, value);
    }
    cmd::run(wasm)
}

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
    // The same build trunk runs next, done here first and online: trunk builds `--offline`,
    // and std's own dependencies (for `-Zbuild-std`) must be fetched once. Trunk's build then
    // finds everything built.
    build_wasm(&["--package", "snapshot-console", "--bin", "snapshot-console"])?;
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
    for (key, value) in SMALL_STD {
        trunk.env(key, value);
    }
    cmd::run(trunk)?;
    crate::on_demand::build(&dist)?;
    crate::hashed::link_embed(&dist)?;
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

/// The JS snippets wasm-bindgen wrote for the console (`snippets/<crate>-<hash>/…`), as paths
/// relative to `dist`: the glue imports them, so they load with it.
pub fn snippets(dist: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders = vec![dist.join("snippets")];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "js") {
                let Ok(relative) = path.strip_prefix(dist) else {
                    continue;
                };
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}
