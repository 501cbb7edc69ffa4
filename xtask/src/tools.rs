//! Installing what the build and the tests need, only when it is missing. Versions are pinned
//! here, except wasm-bindgen's, which must equal the one in `Cargo.lock` and is read from it.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::cmd::{self, command, output_line, root, Result};

/// trunk 0.22 needs a newer rustc than this machine kind has.
const TRUNK_VERSION: &str = "0.21.14";
/// Debian's binaryen (108) silently breaks Leptos 0.8 output; npm's binaryen 132 works.
const BINARYEN_VERSION: &str = "132";
/// esbuild minifies the JS glue and CSS (see `minify.rs`); its binary comes from npm.
const ESBUILD_VERSION: &str = "0.28.2";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Where project-local tools go (`.tools/`, ignored by git).
pub fn tools_dir() -> PathBuf {
    root().join(".tools")
}

/// `PATH` with the project's npm tools first (so trunk finds our wasm-opt, never Debian's)
/// and cargo's bin folder present (where `cargo install` puts trunk and wasm-bindgen).
pub fn path_with_tools() -> OsString {
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin"));
    let mut dirs = vec![tools_dir().join("node_modules").join(".bin")];
    dirs.extend(cargo_bin);
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs).unwrap_or_default()
}

/// Everything trunk needs to build the console offline.
pub fn ensure_console_tools() -> Result {
    ensure_wasm_target()?;
    ensure_rust_src()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_wasm_opt()?;
    ensure_esbuild()
}

/// Our esbuild, in `.tools/`.
pub fn esbuild() -> String {
    tool_bin("esbuild")
}

pub fn ensure_esbuild() -> Result {
    if output_line(&esbuild(), &["--version"]).as_deref() == Some(ESBUILD_VERSION) {
        return Ok(());
    }
    install_npm_tool(&format!("esbuild@{ESBUILD_VERSION}"))
}

/// A program an npm package installed into `.tools/`.
fn tool_bin(name: &str) -> String {
    let bin = tools_dir().join("node_modules").join(".bin").join(name);
    bin.display().to_string()
}

/// Installs `package` (`name@version`) from npm into `.tools/`.
fn install_npm_tool(package: &str) -> Result {
    cmd::step(&format!("Installing {package} (npm) into .tools/"));
    std::fs::create_dir_all(tools_dir()).map_err(|e| e.to_string())?;
    let prefix = tools_dir().display().to_string();
    cmd::run(command(
        "npm",
        &[
            "install",
            "--prefix",
            &prefix,
            "--no-audit",
            "--no-fund",
            package,
        ],
    ))
}

pub fn ensure_wasm_target() -> Result {
    let installed = cmd::command("rustup", &["target", "list", "--installed"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains(WASM_TARGET))
        .unwrap_or(false);
    if !installed {
        cmd::step(&format!("Installing the {WASM_TARGET} target"));
        cmd::run(command("rustup", &["target", "add", WASM_TARGET]))?;
    }
    Ok(())
}

/// The std sources, which the release wasm build compiles with its own flags
/// (`-Zbuild-std`, see `dist.rs`).
pub fn ensure_rust_src() -> Result {
    let installed = cmd::command("rustup", &["component", "list", "--installed"])
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l.trim() == "rust-src")
        })
        .unwrap_or(false);
    if !installed {
        cmd::step("Installing rust-src (std's sources, for the release wasm build)");
        cmd::run(command("rustup", &["component", "add", "rust-src"]))?;
    }
    Ok(())
}

pub fn ensure_trunk() -> Result {
    if output_line("trunk", &["--version"]).as_deref() == Some(&format!("trunk {TRUNK_VERSION}")) {
        return Ok(());
    }
    cmd::step(&format!(
        "Installing trunk {TRUNK_VERSION} (about 9 minutes on 2 cores)"
    ));
    cmd::run(command(
        "cargo",
        &[
            "install",
            "--locked",
            "--force",
            "trunk",
            "--version",
            TRUNK_VERSION,
        ],
    ))
}

/// The `wasm-bindgen` version in `Cargo.lock`, if the workspace uses it.
pub fn wasm_bindgen_lock_version() -> Result<Option<String>> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            let version = lines
                .next()
                .and_then(|l| l.strip_prefix("version = \""))
                .and_then(|l| l.strip_suffix('"'));
            return Ok(version.map(str::to_owned));
        }
    }
    Ok(None)
}

fn installed_wasm_bindgen() -> Option<String> {
    output_line("wasm-bindgen", &["--version"])
        .and_then(|l| l.strip_prefix("wasm-bindgen ").map(str::to_owned))
}

/// Installs the wasm-bindgen CLI of the lock file's version, then checks they agree: trunk
/// would otherwise try to download one, which fails offline.
pub fn ensure_wasm_bindgen() -> Result {
    let Some(wanted) = wasm_bindgen_lock_version()? else {
        println!("Cargo.lock has no wasm-bindgen yet (no console crate): no CLI needed.");
        return Ok(());
    };
    if installed_wasm_bindgen().as_deref() != Some(wanted.as_str()) {
        cmd::step(&format!(
            "Installing wasm-bindgen-cli {wanted} (about 3 minutes)"
        ));
        // Not --locked: its lock file wants a crate version the registry does not serve.
        cmd::run(command(
            "cargo",
            &[
                "install",
                "--force",
                "wasm-bindgen-cli",
                "--version",
                &wanted,
            ],
        ))?;
    }
    match installed_wasm_bindgen() {
        Some(v) if v == wanted => Ok(()),
        other => Err(format!(
            "the wasm-bindgen CLI ({}) does not match Cargo.lock ({wanted})",
            other.unwrap_or_else(|| "missing".into())
        )),
    }
}

pub fn ensure_wasm_opt() -> Result {
    let wanted = format!("wasm-opt version {BINARYEN_VERSION}");
    let version = output_line(&tool_bin("wasm-opt"), &["--version"]);
    if version.is_some_and(|v| v.starts_with(&wanted)) {
        return Ok(());
    }
    install_npm_tool(&format!("binaryen@{BINARYEN_VERSION}"))
}

/// Python's `requests`, which the API page's own Python samples use.
pub fn ensure_python_requests() -> Result {
    if output_line("python3", &["-c", "import requests; print(1)"]).is_some() {
        return Ok(());
    }
    cmd::step("Installing Python requests (the API page's samples use it)");
    cmd::run(command(
        "python3",
        &["-m", "pip", "install", "--quiet", "requests"],
    ))
}

/// The packages of `dir/package-lock.json`, installed exactly (`npm ci`) when its program
/// `bin` is missing. Playwright's browser download is never run: the tests use Debian's
/// Chromium.
pub fn ensure_npm_packages(dir: &std::path::Path, bin: &str) -> Result {
    if dir.join("node_modules").join(".bin").join(bin).exists() {
        return Ok(());
    }
    cmd::step(&format!("Installing npm packages in {}", dir.display()));
    let mut install = command("npm", &["ci", "--no-audit", "--no-fund"]);
    install.current_dir(dir);
    cmd::run(install)
}

/// schemathesis, from PyPI, for the contract run.
pub fn ensure_schemathesis() -> Result {
    if output_line("st", &["--version"]).is_some() {
        return Ok(());
    }
    cmd::step("Installing schemathesis (PyPI)");
    cmd::run(command(
        "python3",
        &["-m", "pip", "install", "--quiet", "schemathesis"],
    ))
}

/// Fonts for the scripts the console is translated into: Debian's base image has Latin only,
/// so Bengali and Chinese would render as empty boxes in the browser tests' screenshots and
/// widths. Small packages (Lohit Bengali, 160 KB; WenQuanYi Micro Hei, 5 MB) rather than
/// Noto's 43 + 91 MB; Latin text keeps DejaVu Sans (fontconfig's default for it).
pub fn ensure_script_fonts() -> Result {
    let has = |lang: &str| output_line("fc-list", &[&format!(":lang={lang}"), "family"]).is_some();
    if has("bn") && has("zh-cn") {
        return Ok(());
    }
    ensure_apt_packages(&[
        "fontconfig",
        "fonts-lohit-beng-bengali",
        "fonts-wqy-microhei",
    ])
}

/// Debian packages that provide `program`.
pub fn ensure_apt(program: &str, packages: &[&str]) -> Result {
    if output_line(program, &["--version"]).is_some() {
        return Ok(());
    }
    ensure_apt_packages(packages)
}

fn ensure_apt_packages(packages: &[&str]) -> Result {
    cmd::step(&format!("Installing {} with apt-get", packages.join(" ")));
    cmd::run(command("apt-get", &["update", "-qq"]))?;
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend_from_slice(packages);
    let mut install = command("apt-get", &args);
    install.env("DEBIAN_FRONTEND", "noninteractive");
    cmd::run(install)
}
