//! `cargo xtask bench`: every measure of issue 5 in one run on this machine, each against
//! its floor or peer, written to docs/BENCHMARKS.md (between its markers) and
//! docs/benchmarks.json. `--smoke` runs the same harness at a tiny scale into
//! target/bench-smoke/, for `cargo xtask test`: it checks that every figure comes out, never
//! what it is (the machines are shared and noisy).

mod browser;
mod core;
mod report;
mod server;

use std::path::{Path, PathBuf};

use crate::cmd::{self, command, copy_dir, root, Result};
use crate::{dist, size};
use report::{kb, Report, Row};

/// How much of each measure to take.
pub struct Scale {
    runs: u32,
    large_servers: u32,
    network_seconds: u32,
    /// Search keystrokes after the first round, over which wasm memory must stay flat.
    soak_keystrokes: u32,
    wrk_seconds: u32,
    server_rounds: u32,
    criterion: &'static [&'static str],
    criterion_rounds: u32,
    /// The simulator's cargo profile: the fast `sim-release` build for figures, the debug
    /// build the tests already made for the smoke run.
    sim_profile: &'static str,
}

const FULL: Scale = Scale {
    runs: 10,
    large_servers: 1000,
    network_seconds: 60,
    soak_keystrokes: 100,
    wrk_seconds: 10,
    server_rounds: 2,
    criterion: &[],
    criterion_rounds: 3,
    sim_profile: "sim-release",
};

const SMOKE: Scale = Scale {
    runs: 1,
    large_servers: 1000,
    network_seconds: 3,
    soak_keystrokes: 12,
    wrk_seconds: 1,
    server_rounds: 1,
    criterion: &[
        "--warm-up-time",
        "0.1",
        "--measurement-time",
        "0.3",
        "--sample-size",
        "10",
    ],
    criterion_rounds: 1,
    sim_profile: "dev",
};

const BEGIN: &str = "<!-- cargo xtask bench: begin -->";
const END: &str = "<!-- cargo xtask bench: end -->";

pub fn run(smoke: bool) -> Result {
    let scale = if smoke { &SMOKE } else { &FULL };
    let out = root()
        .join("target")
        .join(if smoke { "bench-smoke" } else { "bench" });
    let _ = std::fs::remove_dir_all(&out);

    let dist = dist::run()?;
    let sizes = size::report(&dist)?;
    let site = root().join("target").join("bench-site");
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&dist, &site)?;
    copy_dir(&root().join("bench").join("vanilla"), &site.join("vanilla"))?;
    let sim_bin = build_simulator(scale.sim_profile)?;

    let mut raw = serde_json::Map::new();
    let mut rows = bundle_rows(&sizes);
    raw.insert(
        "bundle".to_owned(),
        serde_json::to_value(&sizes).map_err(|e| e.to_string())?,
    );
    let (browser_rows, phases) = browser::run(scale, &sim_bin, &out, &mut raw)?;
    rows.extend(browser_rows);
    rows.extend(server::run(scale, &sim_bin, &mut raw)?);
    rows.extend(core::run(scale, &mut raw)?);

    let report = Report {
        machine: machine(),
        rows,
        raw,
    };
    report.check_complete()?;
    let (markdown, json) = if smoke {
        (out.join("BENCHMARKS.md"), out.join("benchmarks.json"))
    } else {
        let docs = root().join("docs");
        (docs.join("BENCHMARKS.md"), docs.join("benchmarks.json"))
    };
    let table = out.join("table.md");
    report.write(&table, &json, "", &phases)?;
    splice(
        &markdown,
        &std::fs::read_to_string(&table).map_err(|e| e.to_string())?,
    )?;
    cmd::step("Benchmarks");
    println!("{}", std::fs::read_to_string(&table).unwrap_or_default());
    println!("Written: {} and {}", markdown.display(), json.display());
    Ok(())
}

fn build_simulator(profile: &str) -> Result<PathBuf> {
    cmd::step(&format!("Building the simulator ({profile} profile)"));
    cmd::run(command(
        "cargo",
        &["build", "--package", "snapshot-sim", "--profile", profile],
    ))?;
    let folder = if profile == "dev" { "debug" } else { profile };
    Ok(root().join("target").join(folder).join("snapshot-sim"))
}

fn bundle_rows(sizes: &[size::Sizes]) -> Vec<Row> {
    let total = sizes.last().expect("size::report ends with the total");
    vec![
        Row::new(
            "bundle: wasm + JS + CSS, gzip -9",
            "≤ 150 KB",
            "cargo xtask size",
        )
        .figure(format!(
            "{} (raw {})",
            kb(total.gzip as f64),
            kb(total.raw as f64)
        ))
        .against(format!("CI budget {}", kb(size::BUDGET_GZIP_BYTES as f64)))
        .met(total.gzip <= 150 * 1024),
        Row::new(
            "bundle: wasm + JS + CSS, brotli q11 (what `cargo xtask dist` precompresses)",
            "≤ 120 KB",
            "cargo xtask size",
        )
        .figure(kb(total.brotli as f64))
        .met(total.brotli <= 120 * 1024),
    ]
}

/// This machine, as the report names it.
fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let chromium = cmd::output_line("chromium", &["--version"]).unwrap_or_default();
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines().find_map(|l| {
                l.strip_prefix("model name")
                    .map(|m| m.trim_start_matches([' ', '\t', ':']).to_owned())
            })
        })
        .unwrap_or_default();
    format!("{cores} cores ({cpu}); {chromium}")
}

/// Puts `table` between the markers of `markdown`, keeping the prose around them (a new
/// file gets just the table).
fn splice(markdown: &Path, table: &str) -> Result {
    let old = std::fs::read_to_string(markdown).unwrap_or_default();
    let block = format!("{BEGIN}\n{table}{END}");
    let new = match (old.find(BEGIN), old.find(END)) {
        (Some(b), Some(e)) if b < e => format!("{}{block}{}", &old[..b], &old[e + END.len()..]),
        _ => format!("{old}{block}\n"),
    };
    std::fs::write(markdown, new).map_err(|e| format!("cannot write {}: {e}", markdown.display()))
}
