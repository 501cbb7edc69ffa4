//! The console's Content-Security-Policy, made after each build: trunk writes an inline
//! bootstrap `<script type="module">`, so the policy allows exactly that script by its hash,
//! plus `'wasm-unsafe-eval'` to compile the wasm; no `'unsafe-inline'`, no `'unsafe-eval'`.

use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha384};

use crate::cmd::Result;

/// The file servers read the policy from (the simulator does; see the README for others).
pub const CSP_FILE: &str = "csp.txt";

/// Writes `dist/csp.txt` and puts the same policy in a `<meta>` tag at the top of
/// `dist/index.html`, for static hosts that cannot send headers. (`frame-ancestors` only
/// works as a header, so servers add it themselves.)
pub fn apply(dist: &Path) -> Result<String> {
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path).map_err(|e| e.to_string())?;
    let hashes = inline_scripts(&index)
        .map(|script| {
            let digest = Sha384::digest(script.as_bytes());
            format!(
                "'sha384-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect::<Vec<_>>();
    if hashes.is_empty() {
        return Err("no inline bootstrap script found in dist/index.html".to_owned());
    }
    let policy = format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'",
        hashes.join(" ")
    );
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">");
    let charset = "<meta charset=\"utf-8\">";
    if !index.contains("http-equiv=\"Content-Security-Policy\"") {
        let with_meta = index.replacen(charset, &format!("{charset}\n  {meta}"), 1);
        if with_meta == index {
            return Err(
                "dist/index.html has no <meta charset=\"utf-8\"> to put the policy after"
                    .to_owned(),
            );
        }
        std::fs::write(&index_path, with_meta).map_err(|e| e.to_string())?;
    }
    std::fs::write(dist.join(CSP_FILE), format!("{policy}\n")).map_err(|e| e.to_string())?;
    Ok(policy)
}

/// The text of each inline `<script>` (one without `src`).
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (tag, body) = rest.split_once('>')?;
        if tag.contains("src=") {
            return None;
        }
        body.split_once("</script>").map(|(script, _)| script)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_only_inline_scripts() {
        let html =
            "<script type=\"module\">a()</script><script src=\"x.js\"></script><script>b</script>";
        assert_eq!(inline_scripts(html).collect::<Vec<_>>(), ["a()", "b"]);
    }
}
