//! The example host page (examples/portal) with the release console copied into `console/`:
//! what the embedding browser test runs against, and `cargo xtask portal` serves.

use std::path::{Path, PathBuf};

use crate::cmd::{self, command, copy_dir, root, Result};

/// Builds `target/portal-site/` from `examples/portal/` and `dist/`; returns its path.
pub fn assemble(dist: &Path) -> Result<PathBuf> {
    let site = root().join("target").join("portal-site");
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&root().join("examples").join("portal"), &site)?;
    copy_dir(dist, &site.join("console"))?;
    Ok(site)
}

/// `cargo xtask portal`: the mock admin portal with the console embedded, on the simulator.
pub fn run(sim_args: &[String]) -> Result {
    let dist = crate::dist::run()?;
    let site = assemble(&dist)?;
    cmd::step("Serving the example portal (Ctrl-C stops it)");
    let site = site.display().to_string();
    let mut args = vec![
        "run",
        "--quiet",
        "--package",
        "snapshot-sim",
        "--",
        "--console-dir",
        &site,
    ];
    args.extend(sim_args.iter().map(String::as_str));
    cmd::run(command("cargo", &args))
}
