//! `cargo xtask test`: every test the project has, after installing what they need.

use crate::cmd::{self, command, root, Result};
use crate::{dist, portal, size, tools};

pub fn run() -> Result {
    cmd::step("Checking tools");
    tools::ensure_wasm_target()?;
    tools::ensure_wasm_bindgen()?;
    tools::ensure_python_requests()?;
    tools::ensure_apt("curl", &["curl"])?;

    cmd::step("Formatting");
    cmd::run(command("cargo", &["fmt", "--all", "--", "--check"]))?;

    cmd::step("Lints (native, and the console for wasm32)");
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
    cmd::run(command(
        "cargo",
        &[
            "clippy",
            "--package",
            "snapshot-console",
            "--target",
            "wasm32-unknown-unknown",
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

    cmd::step("Core, simulator and console unit tests");
    cmd::run(command("cargo", &["test", "--workspace"]))?;

    cmd::step("Console component tests in Chromium (wasm-bindgen-test)");
    tools::ensure_apt("chromium", &["chromium"])?;
    tools::ensure_apt("chromedriver", &["chromium-driver"])?;
    let mut wasm_tests = command(
        "cargo",
        &[
            "test",
            "--package",
            "snapshot-console",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "web",
        ],
    );
    // app/webdriver.json gives Chromium its flags; chromedriver comes from Debian.
    wasm_tests.env("CHROMEDRIVER", "/usr/bin/chromedriver").env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
        "wasm-bindgen-test-runner",
    );
    cmd::run(wasm_tests)?;

    browser_suite(&["--project=e2e"])?;

    cmd::step("Contract: schemathesis against the simulator with docs/openapi.yaml (15 s)");
    tools::ensure_schemathesis()?;
    crate::stress::run("contract", &["--seconds".to_owned(), "15".to_owned()])?;

    cmd::step("Benchmark harness, smoke run (figures are not judged)");
    crate::bench::run(true)?;

    println!("\nxtask test: every suite passed.");
    Ok(())
}

/// `cargo xtask e2e`: the browser suite alone, with Playwright's own arguments.
pub fn e2e(args: &[String]) -> Result {
    let mut all = vec!["--project=e2e"];
    all.extend(args.iter().map(String::as_str));
    browser_suite(&all)
}

/// `cargo xtask screenshots`: the README's screenshots, taken by the same harness.
pub fn screenshots() -> Result {
    browser_suite(&["--project=screenshots"])?;
    println!("\nScreenshots written to docs/screenshots/. Look at them before committing.");
    Ok(())
}

/// Builds the release console, the portal site and the simulator, then runs Playwright in
/// Debian's Chromium.
fn browser_suite(playwright_args: &[&str]) -> Result {
    let dist = dist::run()?;
    size::report(&dist)?;
    portal::assemble(&dist)?;
    cmd::step("Building the simulator for the browser tests");
    cmd::run(command("cargo", &["build", "--package", "snapshot-sim"]))?;
    tools::ensure_apt("chromium", &["chromium"])?;
    tools::ensure_script_fonts()?;
    tools::ensure_npm_packages(&root().join("tests"), "playwright")?;
    cmd::step("Browser tests (Playwright, Debian's Chromium)");
    let mut args = vec!["playwright", "test"];
    args.extend_from_slice(playwright_args);
    let mut playwright = command("npx", &args);
    playwright.current_dir(root().join("tests"));
    cmd::run(playwright)
}
