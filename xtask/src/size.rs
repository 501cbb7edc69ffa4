//! `cargo xtask size`: the release bundle's size, per file and in all: raw, gzip -9 and
//! brotli (quality 11, as static hosts precompress).

use std::path::Path;

use crate::cmd::{self, Result};

/// The console's budget for wasm + JS + CSS after gzip -9, so a regression fails CI. The
/// weight work reached 202.8 KB and set 223 KB (plus 10 %); the languages took 18 KB of that,
/// and issue 14's four safety features 17 KB more. Trims won that back (222.0 KB; figures in
/// docs/BENCHMARKS.md, "Issue 14"), so the budget was 223 KB again. Issue 23's four flow
/// machines measured 225.2 KB, trimmed to 224.3 KB; issue 24's reach work (slots, history,
/// focus, wording) took it to 226.4 KB, and dropping wasm-streams' unused exports
/// (vendor/wasm-streams/VENDORED.md) brought it to 221.6 KB (docs/BENCHMARKS.md, "Issue 24").
/// Issue 25 (the portal's element, its token, theme, events and vetoes) grants up to 4 KB;
/// it measured +4,048 B (230,925 B), so the budget is 226 KB (docs/BENCHMARKS.md, "Issue
/// 25"). Issue 26 (Copy as…, Export) grants up to 5 KB: its writers load on first click
/// (`dist/tools/`, listed apart), and the menus, the hand-over and the loader measured +4,491 B
/// net (235,462 B, with gloo-net's request builder dropped), so the budget rose by that
/// (docs/BENCHMARKS.md, "Issue 26"). Issue 27 (speed) grants nothing: its table of places
/// measured 235,310 B, 152 B under that, and the budget came down to it. Its hashed file
/// names put 20 B into embed.js; plainer CSS and DOM code took 25 B out (235,305 B), and
/// the budget came down again. The copy status naming its form added 31 B and the menus
/// clearing their status on each choice 26 B; the Chinese tag check without a `Vec` took
/// 151 B out (235,211 B), and the budget came down to that. The bench's bundle row shows it too.
pub const BUDGET_GZIP_BYTES: u64 = 226 * 1024 + 3_787;

/// One file's bytes: raw, gzip -9 and brotli.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Sizes {
    pub file: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

pub fn run() -> Result {
    let dist = crate::dist::run()?;
    report(&dist).map(|_| ())
}

/// Prints the table and fails if the gzip total is over budget. Returns each file's sizes,
/// then the total's (named "total"). The total is the first load: the files in `dist/` and the
/// snippets the glue imports. The on-demand wasm (`dist/tools/`) is listed after it, apart.
pub fn report(dist: &Path) -> Result<Vec<Sizes>> {
    cmd::step("Release bundle size (gzip -9 and brotli)");
    let mut files: Vec<_> = std::fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| code(p))
        .collect();
    files.extend(crate::dist::snippets(dist).iter().map(|s| dist.join(s)));
    files.sort();
    let (mut raw_total, mut gz_total, mut br_total) = (0, 0, 0);
    let mut sizes = Vec::new();
    println!(
        "{:<32} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip -9", "brotli"
    );
    for file in &files {
        let size = measure(dist, file)?;
        raw_total += size.raw;
        gz_total += size.gzip;
        br_total += size.brotli;
        sizes.push(size);
    }
    sizes.push(Sizes {
        file: "total".to_owned(),
        raw: raw_total,
        gzip: gz_total,
        brotli: br_total,
    });
    println!(
        "{:<32} {raw_total:>10} {gz_total:>10} {br_total:>10}",
        "total (wasm + JS + CSS)"
    );
    println!(
        "budget: {} KB gzip; used {:.1} KB ({:.0}%)",
        BUDGET_GZIP_BYTES / 1024,
        gz_total as f64 / 1024.0,
        100.0 * gz_total as f64 / BUDGET_GZIP_BYTES as f64
    );
    let on_demand = dist.join(crate::on_demand::FOLDER);
    if let Ok(entries) = std::fs::read_dir(&on_demand) {
        println!("fetched on first use, not in the total:");
        let mut files: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| code(p))
            .collect();
        files.sort();
        for file in &files {
            measure(dist, file)?;
        }
    }
    if gz_total > BUDGET_GZIP_BYTES {
        return Err(format!(
            "the bundle is {gz_total} bytes gzip, over the {BUDGET_GZIP_BYTES} byte budget"
        ));
    }
    Ok(sizes)
}

/// Whether `path` is the console's code or style.
fn code(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("wasm" | "js" | "css")
    )
}

/// Prints and returns one file's sizes, named by its path in `dist`.
fn measure(dist: &Path, file: &Path) -> Result<Sizes> {
    let raw = std::fs::metadata(file).map_err(|e| e.to_string())?.len();
    let gzip = crate::precompress::gzip(file)?.len() as u64;
    let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    let brotli = crate::precompress::brotli(&bytes)?.len() as u64;
    let name = file.strip_prefix(dist).unwrap_or(file).to_string_lossy();
    println!("{name:<32} {raw:>10} {gzip:>10} {brotli:>10}");
    Ok(Sizes {
        file: name.into_owned(),
        raw,
        gzip,
        brotli,
    })
}
