//! The measures taken in Debian's Chromium by Playwright (tests/bench/): cold load (on
//! loopback and on Lighthouse's mobile profile), wasm compile and instantiate, Lighthouse, the
//! 5,000-snapshot list and network requests, each against the vanilla floor where it has one.

use std::path::Path;

use serde_json::Value;

use super::report::{count, kb, mb, ms, read_json, Row};
use super::Scale;
use crate::cmd::{self, command, root, Result};
use crate::tools;

/// Runs the Playwright bench project and turns its JSON into rows, and the cold load's
/// phases into a table of their own.
pub fn run(
    scale: &Scale,
    sim_bin: &Path,
    out: &Path,
    raw: &mut serde_json::Map<String, Value>,
) -> Result<(Vec<Row>, String)> {
    tools::ensure_apt("chromium", &["chromium"])?;
    tools::ensure_npm_packages(&root().join("tests"), "playwright")?;
    // An older checkout's node_modules may predate Lighthouse in the lock file.
    tools::ensure_npm_packages(&root().join("tests"), "lighthouse")?;
    cmd::step("Console against the vanilla floor (Playwright, Debian's Chromium)");
    let mut playwright = command("npx", &["playwright", "test", "--project=bench"]);
    playwright
        .current_dir(root().join("tests"))
        .env("SIM_BIN", sim_bin)
        .env("BENCH_OUT", out)
        .env("BENCH_RUNS", scale.runs.to_string())
        .env("BENCH_LARGE_SERVERS", scale.large_servers.to_string())
        .env("BENCH_NETWORK_SECONDS", scale.network_seconds.to_string())
        .env("BENCH_SOAK_KEYSTROKES", scale.soak_keystrokes.to_string());
    cmd::run(playwright)?;

    let cold = read(out, "cold_load", raw)?;
    let mobile = read(out, "cold_load_mobile", raw)?;
    let wasm = read(out, "wasm_start", raw)?;
    let lighthouse = read(out, "lighthouse", raw)?;
    let large = read(out, "large_list", raw)?;
    let network = read(out, "network", raw)?;
    let spec = |name: &str| format!("cargo xtask bench (tests/bench/{name}.spec.ts)");
    let mut rows = Vec::new();

    rows.push(cold_row(
        &cold,
        &format!(
            "cold load of a 100-snapshot list, first page painted (median (IQR) of {} alternating traced runs)",
            num(&cold, "/runs")
        ),
        1.3,
    ));
    rows.push(cold_row(
        &mobile,
        &format!(
            "the same cold load on Lighthouse's mobile profile (1.6 Mbps, 150 ms RTT, CPU 4×; median of {})",
            num(&mobile, "/runs")
        ),
        1.5,
    ));
    rows.push(repeat_row(&cold, "loopback"));
    rows.push(repeat_row(&mobile, "mobile profile"));

    // Both of wasm_start.spec's measures, reported with their number of runs.
    let wasm_row = |measure: &str, figure: String| {
        Row::new(
            &format!("{measure} (median of {})", num(&wasm, "/runs")),
            "(reported)",
            &spec("wasm_start"),
        )
        .figure(figure)
    };
    rows.push(wasm_row(
        "wasm compile + instantiate, bytes in memory",
        format!(
            "{} + {}; CPU 4×: {} + {}",
            ms(num(&wasm, "/cpu_1x/compile_median_ms")),
            ms(num(&wasm, "/cpu_1x/instantiate_median_ms")),
            ms(num(&wasm, "/cpu_4x/compile_median_ms")),
            ms(num(&wasm, "/cpu_4x/instantiate_median_ms"))
        ),
    ));
    rows.push(wasm_row(
        "wasm functions compiled on their first call, cold load to the first rows (V8 compiles lazily, on the main thread)",
        format!(
            "{} functions, {}; CPU 4×: {}",
            count(num(&wasm, "/cpu_1x/first_call_functions_median")),
            ms(num(&wasm, "/cpu_1x/first_call_median_ms")),
            ms(num(&wasm, "/cpu_4x/first_call_median_ms"))
        ),
    ));

    let score = num(&lighthouse, "/score_median");
    rows.push(
        Row::new(
            &format!(
                "Lighthouse performance, sign-in screen, mobile (median of {})",
                num(&lighthouse, "/runs")
            ),
            "≥ 95",
            &spec("lighthouse"),
        )
        .figure(format!("{score:.0}"))
        .met(score >= 95.0),
    );

    let snapshots = count(num(&large, "/snapshots"));
    let shown = format!(
        "{} of {snapshots} rows shown",
        count(num(&large, "/console/rows_shown"))
    );
    let ratio = num(&large, "/render_ratio");
    rows.push(
        Row::new(
            &format!("{snapshots}-snapshot list: render"),
            "ratio ≤ 2",
            &spec("large_list"),
        )
        .figure(format!(
            "{} ({shown})",
            ms(num(&large, "/console/render_median_ms"))
        ))
        .against(format!(
            "vanilla floor {} (all rows)",
            ms(num(&large, "/vanilla/render_median_ms"))
        ))
        .ratio(ratio)
        .met(ratio <= 2.0),
    );

    let keystroke = num(&large, "/console/keystroke_median_ms");
    let keystroke_max = num(&large, "/console/keystroke_max_ms");
    rows.push(
        Row::new(
            &format!(
                "{snapshots}-snapshot list: search keystroke to painted table (median (IQR); max)"
            ),
            "≤ 16 ms; ≤ 33 ms",
            &spec("large_list"),
        )
        .figure(format!(
            "{} ({}–{}); {}",
            ms(keystroke),
            ms(num(&large, "/console/keystroke_iqr_ms/0")),
            ms(num(&large, "/console/keystroke_iqr_ms/1")),
            ms(keystroke_max)
        ))
        .against(format!(
            "vanilla floor {}; {}",
            ms(num(&large, "/vanilla/keystroke_median_ms")),
            ms(num(&large, "/vanilla/keystroke_max_ms"))
        ))
        .ratio(num(&large, "/keystroke_ratio"))
        .met(keystroke <= 16.0 && keystroke_max <= 33.0),
    );

    let growth = num(&large, "/console/wasm_growth_per_100_median_bytes");
    rows.push(
        Row::new(
            &format!("{snapshots}-snapshot list: JS heap + wasm memory"),
            "wasm: flat after the first 12 keystrokes",
            &spec("large_list"),
        )
        .figure(format!(
            "{} (JS {} + wasm {}; wasm {} after the load; +{} per 100 keystrokes, over {} more)",
            mb(num(&large, "/console/memory_median_bytes")),
            mb(num(&large, "/console/js_heap_median_bytes")),
            mb(num(&large, "/console/wasm_median_bytes")),
            mb(num(&large, "/console/wasm_after_load_median_bytes")),
            kb(growth),
            num(&large, "/soak_keystrokes")
        ))
        .against(format!(
            "vanilla floor {} (JS)",
            mb(num(&large, "/vanilla/memory_median_bytes"))
        ))
        .ratio(num(&large, "/memory_ratio"))
        .met(growth == 0.0),
    );

    let window = num(&network, "/window_seconds");
    let idle = num(&network, "/idle_per_minute");
    rows.push(
        Row::new(
            &format!("API requests while idle ({window} s window)"),
            "0 per minute",
            &spec("network"),
        )
        .figure(format!("{idle} per minute"))
        .met(idle == 0.0),
    );
    rows.push(
        Row::new(
            &format!("API requests with one snapshot in progress ({window} s window)"),
            "(none)",
            &spec("network"),
        )
        .figure(format!(
            "{} per minute",
            num(&network, "/in_progress_per_minute")
        )),
    );
    let phases = [
        ("loopback", &cold),
        ("Lighthouse's mobile profile", &mobile),
    ]
    .map(|(name, figures)| phase_table(name, figures))
    .concat();
    Ok((rows, phases))
}

/// The cold load's phases, the console beside the floor: medians with their interquartile
/// range, and the gap.
fn phase_table(profile: &str, figures: &Value) -> String {
    const PHASES: [(&str, &str); 9] = [
        ("html", "HTML"),
        (
            "js_glue",
            "JS fetched and run (the wasm-bindgen glue; the floor's script)",
        ),
        ("wasm", "wasm fetched, compiled and instantiated"),
        ("rust_start", "Rust start-up to the first mount"),
        ("waiting_on_list", "waiting on the list"),
        (
            "decoding",
            "decoding (the console: to its first row in the DOM)",
        ),
        ("rendering", "rendering (the task that puts the rows in)"),
        ("style_layout", "style and layout"),
        ("paint", "paint (to the painted frame)"),
    ];
    let cell = |which: &str, key: &str| {
        let at = |p: &str| num(figures, &format!("/phases/{which}/{key}/{p}"));
        format!("{} ({}–{})", ms(at("median")), ms(at("q1")), ms(at("q3")))
    };
    let gap = |key: &str| {
        let at = |which: &str| num(figures, &format!("/phases/{which}/{key}/median"));
        format!("{:+.1} ms", at("console") - at("vanilla"))
    };
    let mut md = format!(
        "\nCold load, {profile}, phase by phase (median (IQR) of {} traced runs each; \
         `tests/bench/phases.ts` says where each phase starts and ends):\n\n\
         | phase | console | vanilla floor | gap |\n|---|---|---|---|\n",
        num(figures, "/runs")
    );
    for (key, name) in PHASES.into_iter().chain([("total", "**total**")]) {
        md.push_str(&format!(
            "| {name} | {} | {} | {} |\n",
            cell("console", key),
            cell("vanilla", key),
            gap(key)
        ));
    }
    md.push_str(&format!(
        "| layout forced inside the rendering task | {} | {} | |\n",
        cell("console", "forced_layout"),
        cell("vanilla", "forced_layout")
    ));
    md
}

/// A median with its interquartile range, from `<which>_median_ms` and `<which>_iqr_ms`.
fn with_iqr(figures: &Value, which: &str) -> String {
    format!(
        "{} (IQR {}–{})",
        ms(num(figures, &format!("/{which}_median_ms"))),
        ms(num(figures, &format!("/{which}_iqr_ms/0"))),
        ms(num(figures, &format!("/{which}_iqr_ms/1")))
    )
}

/// A cold-load row: the console against the floor, met at `max_ratio` or below.
fn cold_row(figures: &Value, measure: &str, max_ratio: f64) -> Row {
    let ratio = num(figures, "/ratio");
    Row::new(
        measure,
        &format!("ratio ≤ {max_ratio}"),
        "cargo xtask bench (tests/bench/cold_load.spec.ts)",
    )
    .figure(with_iqr(figures, "console"))
    .against(format!("vanilla floor {}", with_iqr(figures, "vanilla")))
    .ratio(ratio)
    .met(ratio <= max_ratio)
}

/// A repeat-visit row: the same load again with a warm HTTP cache, met at 1.1 or below.
fn repeat_row(cold: &Value, network: &str) -> Row {
    cold_row(
        cold.get("repeat").unwrap_or(&Value::Null),
        &format!(
            "repeat visit: the same load with a warm HTTP cache, {network} (median of {})",
            num(cold, "/runs")
        ),
        1.1,
    )
}

fn read(out: &Path, name: &str, raw: &mut serde_json::Map<String, Value>) -> Result<Value> {
    let value = read_json(&out.join(format!("{name}.json")))?;
    raw.insert(name.to_owned(), value.clone());
    Ok(value)
}

/// The number at `pointer`, or NaN (which the report refuses) when the harness left it out.
pub fn num(value: &Value, pointer: &str) -> f64 {
    value
        .pointer(pointer)
        .and_then(Value::as_f64)
        .unwrap_or(f64::NAN)
}
