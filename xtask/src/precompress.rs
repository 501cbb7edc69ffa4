//! `.br` and `.gz` beside each of the console's files in `dist/`, compressed once at build
//! time at the highest levels, so a static host (nginx `brotli_static` / `gzip_static`, or the
//! simulator) sends them without compressing on every request.

use std::path::Path;
use std::process::Command;

use crate::cmd::Result;

/// The files worth compressing: the console's code, styles and page.
const EXTENSIONS: [&str; 4] = ["wasm", "js", "css", "html"];

/// Writes `<file>.br` (brotli quality 11) and `<file>.gz` (gzip -9) for each file of `dist`
/// and its folders with one of [`EXTENSIONS`].
pub fn apply(dist: &Path) -> Result {
    let entries = std::fs::read_dir(dist).map_err(|e| e.to_string())?;
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.is_dir() {
            apply(&path)?;
            continue;
        }
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e));
        if !wanted {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        std::fs::write(dist.join(format!("{name}.br")), brotli(&bytes)?)
            .map_err(|e| e.to_string())?;
        std::fs::write(dist.join(format!("{name}.gz")), gzip(&path)?).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// `bytes` compressed with brotli at quality 11.
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut compressed = Vec::new();
    let params = ::brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    ::brotli::BrotliCompress(&mut &bytes[..], &mut compressed, &params)
        .map_err(|e| format!("brotli: {e}"))?;
    Ok(compressed)
}

/// `file` compressed by `gzip -9`, without the name or time in its header, so a build gives
/// the same bytes each time.
pub fn gzip(file: &Path) -> Result<Vec<u8>> {
    let out = Command::new("gzip")
        .args(["-9", "-n", "-c"])
        .arg(file)
        .output()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    if !out.status.success() {
        return Err(format!("gzip failed on {}", file.display()));
    }
    Ok(out.stdout)
}
