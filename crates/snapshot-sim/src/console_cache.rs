//! How long a browser may keep each of the console's files.

use std::path::{Component, Path, PathBuf};

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// For a year, without asking again: a file whose name carries its content's hash.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Asked again each time: `index.html`, and the files host pages name (`embed.js`,
/// `console.css`), so a new `index.html` never meets old assets.
const REVALIDATE: &str = "no-cache";

/// Sets `Cache-Control` on each answer from the console's folder `dir`.
pub async fn cache_control(State(dir): State<PathBuf>, request: Request, next: Next) -> Response {
    let immutable = hashed(request.uri().path()) && served(&dir, request.uri().path());
    let mut response = next.run(request).await;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if immutable { IMMUTABLE } else { REVALIDATE }),
    );
    response
}

/// Whether `path` names a file the way trunk names one by its content's hash:
/// `<stem>-<hex>.<ext>`, or for the wasm `<stem>-<hex>_bg.wasm`.
fn hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name
        .strip_suffix("_bg.wasm")
        .or_else(|| name.rsplit_once('.').map(|(stem, _)| stem));
    stem.and_then(|stem| stem.rsplit_once('-'))
        .is_some_and(|(_, hash)| {
            (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
        })
}

/// Whether `path` is a file in `dir` (not the `index.html` an unknown path falls back to).
fn served(dir: &Path, path: &str) -> bool {
    let relative = Path::new(path.trim_start_matches('/'));
    relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
        && dir.join(relative).is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_content_hashed_names_are_immutable() {
        assert!(hashed("/snapshot-console-61e793df624accb2.js"));
        assert!(hashed("/console/snapshot-console-61e793df624accb2_bg.wasm"));
        assert!(hashed("/page-0a1b2c3d.css"));
        for plain in [
            "/",
            "/index.html",
            "/embed.js",
            "/console.css",
            "/stopped.js",
            "/locales/bs.json",
            "/tools/snapshot_tools_bg.wasm",
            // The crate's hash in a folder name says nothing of the file's content.
            "/snippets/snapshot-console-df3d8cbd7f8a2247/src/tools.js",
            "/node-0001.js",
            "/snapshot-console-61e793df624accbz.js",
        ] {
            assert!(!hashed(plain), "{plain}");
        }
    }
}
