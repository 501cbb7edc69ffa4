//! The example host page (examples/portal) with the release console copied into `console/`:
//! what the embedding browser test runs against, and `cargo xtask portal` serves.

use std::path::{Path, PathBuf};

use crate::cmd::{self, command, copy_dir, root, Result};
use crate::csp::CSP_FILE;

/// Builds `target/portal-site/` from `examples/portal/` and `dist/`, with the Bootstrap page's
/// framework from npm (pinned by `examples/portal/vendor/package-lock.json`); returns its path.
pub fn assemble(dist: &Path) -> Result<PathBuf> {
    let portal = root().join("examples").join("portal");
    let site = root().join("target").join("portal-site");
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&portal, &site)?;
    copy_dir(dist, &site.join("console"))?;
    vendor(&portal.join("vendor"), &site.join("vendor"))?;
    write_policy(&portal, dist, &site)?;
    Ok(site)
}

/// Installs the host page's CSS framework (`npm ci`, once) and puts only its stylesheet in
/// the site's `vendor/`, in place of the npm manifest copied there.
fn vendor(manifest: &Path, into: &Path) -> Result {
    let css = [
        "node_modules",
        "bootstrap",
        "dist",
        "css",
        "bootstrap.min.css",
    ]
    .iter()
    .fold(manifest.to_path_buf(), |path, part| path.join(part));
    if !css.exists() {
        cmd::step("Installing the example portal's CSS framework (npm, pinned by its lock file)");
        let mut install = command("npm", &["ci", "--no-audit", "--no-fund"]);
        install.current_dir(manifest);
        cmd::run(install)?;
    }
    let _ = std::fs::remove_dir_all(into);
    std::fs::create_dir_all(into).map_err(|e| format!("cannot create {}: {e}", into.display()))?;
    std::fs::copy(&css, into.join("bootstrap.min.css"))
        .map_err(|e| format!("cannot copy {}: {e}", css.display()))?;
    Ok(())
}

/// The site's Content-Security-Policy (the simulator will not serve a folder without one).
/// The portal's pages load only same-origin scripts and styles, so the console's own policy
/// fits them as it is (`default-src 'none'`, scripts and styles from `'self'`, the wasm
/// compiled under `'wasm-unsafe-eval'`); its hash of the console's inline bootstrap keeps
/// `console/index.html` working too. An inline script or style in a portal page would be
/// blocked, so one stops the build here instead.
fn write_policy(portal: &Path, dist: &Path, site: &Path) -> Result {
    let pages =
        std::fs::read_dir(portal).map_err(|e| format!("cannot read {}: {e}", portal.display()))?;
    for page in pages {
        let path = page.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
            if let Some(found) = inline_code(&html) {
                return Err(format!(
                    "{} has an inline {found}, which the portal's policy blocks: move it to a file",
                    path.display()
                ));
            }
        }
    }
    let from = dist.join(CSP_FILE);
    std::fs::copy(&from, site.join(CSP_FILE))
        .map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    Ok(())
}

/// What in `html` a policy without `'unsafe-inline'` would block, if anything.
fn inline_code(html: &str) -> Option<&'static str> {
    let inline_script = html.split("<script").skip(1).any(|rest| {
        rest.split_once('>')
            .is_some_and(|(tag, _)| !tag.contains("src="))
    });
    if inline_script {
        Some("<script>")
    } else if html.contains("<style") {
        Some("<style>")
    } else if html.contains(" style=") {
        Some("style attribute")
    } else if html.split(" on").skip(1).any(is_handler) {
        Some("event handler attribute")
    } else {
        None
    }
}

/// Whether text after " on" starts an attribute like `onclick=`.
fn is_handler(rest: &str) -> bool {
    let name: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
    !name.is_empty() && rest[name.len()..].starts_with('=')
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

#[cfg(test)]
mod tests {
    use super::inline_code;

    #[test]
    fn finds_inline_code() {
        assert_eq!(inline_code("<script>a()</script>"), Some("<script>"));
        assert_eq!(inline_code("<style>p{}</style>"), Some("<style>"));
        assert_eq!(inline_code("<p style=\"x\">"), Some("style attribute"));
        assert_eq!(
            inline_code("<a onclick=\"x()\">"),
            Some("event handler attribute")
        );
        let clean = "<script type=\"module\" src=\"console/embed.js\"></script>\
                     <link rel=\"stylesheet\" href=\"portal.css\"><p>Support online</p>";
        assert_eq!(inline_code(clean), None);
    }

    #[test]
    fn the_example_portal_has_no_inline_code() {
        let portal = crate::cmd::root().join("examples").join("portal");
        for page in [
            "index.html",
            "billing.html",
            "bootstrap.html",
            "bosanski.html",
        ] {
            let html = std::fs::read_to_string(portal.join(page)).unwrap();
            assert_eq!(inline_code(&html), None, "{page}");
        }
    }
}
