//! Minifies the console's JS glue and CSS in `dist/` with esbuild (npm, pinned), then puts the
//! new glue's hashes in `index.html`'s `integrity` attributes. trunk's own minifier cannot read
//! wasm-bindgen's glue (`export default`), and minifying its HTML would reshape the tags the
//! CSP step reads, so only these files are minified, here. About 4 KB of gzip.

use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha384};

use crate::cmd::{self, command, Result};
use crate::tools;

/// Files copied as they are (no `integrity` to renew): trunk's copies and the on-demand
/// wasm's glue, which the console imports itself.
const COPIED: [&str; 5] = [
    "embed.js",
    "stopped.js",
    "console.css",
    "page.css",
    "tools/snapshot_tools.js",
];

pub fn apply(dist: &Path) -> Result {
    let esbuild = tools::esbuild();
    let index_path = dist.join("index.html");
    let mut index = std::fs::read_to_string(&index_path).map_err(|e| e.to_string())?;
    // The glue and wasm-bindgen's snippets (app/src/tools.js), which trunk preloads with an
    // `integrity`.
    let glue = crate::hashed::glue(dist)?;
    let snippets = crate::dist::snippets(dist);
    let with_hash: Vec<&str> = std::iter::once(glue.as_str())
        .chain(snippets.iter().map(String::as_str))
        .collect();
    for name in COPIED.into_iter().chain(with_hash.iter().copied()) {
        let file = dist.join(name).display().to_string();
        let out = format!("--outfile={file}");
        cmd::run(command(
            &esbuild,
            &[
                &file,
                "--minify",
                "--allow-overwrite",
                "--log-level=warning",
                &out,
            ],
        ))?;
        if with_hash.contains(&name) {
            let bytes = std::fs::read(&file).map_err(|e| e.to_string())?;
            index = with_integrity(&index, name, &bytes)?;
        }
    }
    std::fs::write(&index_path, index).map_err(|e| e.to_string())
}

/// `html` with the `integrity` of the tag that links `./name` set to the hash of `bytes`.
fn with_integrity(html: &str, name: &str, bytes: &[u8]) -> Result<String> {
    let missing = || format!("dist/index.html links ./{name} without an integrity attribute");
    let link = html
        .find(&format!("href=\"./{name}\""))
        .ok_or_else(missing)?;
    let tag_end = link + html[link..].find('>').ok_or_else(missing)?;
    let start = link
        + html[link..tag_end]
            .find("integrity=\"")
            .ok_or_else(missing)?
        + 11;
    let end = start + html[start..].find('"').ok_or_else(missing)?;
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes));
    Ok(format!("{}sha384-{hash}{}", &html[..start], &html[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_only_the_named_file_integrity() {
        let html = r#"<link href="./a.css" integrity="sha384-old"/><link href="./b.js" integrity="sha384-keep">"#;
        let out = with_integrity(html, "a.css", b"x").unwrap();
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha384::digest(b"x"));
        assert_eq!(
            out,
            format!(
                r#"<link href="./a.css" integrity="sha384-{hash}"/><link href="./b.js" integrity="sha384-keep">"#
            )
        );
        assert!(with_integrity(html, "c.css", b"x").is_err());
        assert!(with_integrity(r#"<link href="./a.css">"#, "a.css", b"x").is_err());
    }
}
