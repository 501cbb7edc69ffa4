//! `cargo xtask bench`: the measures of issue 5 that exist so far: the bundle (raw, gzip -9,
//! brotli), and cold load against the vanilla floor (bench/vanilla). Figures go to
//! target/bench/ as JSON. Timings are never asserted.

use crate::cmd::{self, command, copy_dir, root, Result};
use crate::{dist, size, tools};

pub fn run() -> Result {
    let dist = dist::run()?;
    size::report(&dist)?;
    let site = root().join("target").join("bench-site");
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&dist, &site)?;
    copy_dir(&root().join("bench").join("vanilla"), &site.join("vanilla"))?;
    cmd::step("Building the simulator");
    cmd::run(command("cargo", &["build", "--package", "snapshot-sim"]))?;
    tools::ensure_apt("chromium", &["chromium"])?;
    tools::ensure_npm_packages(&root().join("tests"))?;
    cmd::step("Cold load: console against the vanilla floor (Playwright, Debian's Chromium)");
    let mut playwright = command("npx", &["playwright", "test", "--project=bench"]);
    playwright.current_dir(root().join("tests"));
    cmd::run(playwright)
}
