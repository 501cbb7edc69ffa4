//! The console's hashed names. trunk names the wasm and its glue by their content's hash
//! (`filehash` in Trunk.toml), so hosts can cache them for good; `embed.js`, which host pages
//! load by its fixed name, is pointed at them here.

use std::path::Path;

use crate::cmd::Result;

/// The glue's file name in `dist` (`snapshot-console-<hash>.js`).
pub fn glue(dist: &Path) -> Result<String> {
    one(dist, ".js")
}

/// The wasm's file name in `dist` (`snapshot-console-<hash>_bg.wasm`).
pub fn wasm(dist: &Path) -> Result<String> {
    one(dist, "_bg.wasm")
}

/// Puts the hashed names in `dist/embed.js`, in place of the plain ones it is written with.
pub fn link_embed(dist: &Path) -> Result {
    let path = dist.join("embed.js");
    let mut embed = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    for (plain, hashed) in [
        ("snapshot-console.js", glue(dist)?),
        ("snapshot-console_bg.wasm", wasm(dist)?),
    ] {
        if !embed.contains(plain) {
            return Err(format!("dist/embed.js does not name {plain}"));
        }
        embed = embed.replace(plain, &hashed);
    }
    std::fs::write(&path, embed).map_err(|e| e.to_string())
}

/// The one file `snapshot-console-<hash><suffix>` in `dist`.
fn one(dist: &Path, suffix: &str) -> Result<String> {
    let names: Vec<String> = std::fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| {
            name.strip_prefix("snapshot-console-")
                .and_then(|rest| rest.strip_suffix(suffix))
                .is_some_and(|hash| !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        })
        .collect();
    match names.as_slice() {
        [name] => Ok(name.clone()),
        _ => Err(format!(
            "dist/ should hold one snapshot-console-<hash>{suffix}, and holds {names:?}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_js_is_pointed_at_the_hashed_glue_and_wasm() {
        let dist = std::env::temp_dir().join(format!("xtask-hashed-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::create_dir_all(&dist).unwrap();
        for name in [
            "snapshot-console-61e793df.js",
            "snapshot-console-61e793df.js.br",
            "snapshot-console-61e793df_bg.wasm",
            "snapshot-console-61e793df_bg.wasm.gz",
            "embed.js",
        ] {
            std::fs::write(dist.join(name), "").unwrap();
        }
        std::fs::write(
            dist.join("embed.js"),
            "import init from './snapshot-console.js'; init(base + 'snapshot-console_bg.wasm');",
        )
        .unwrap();
        link_embed(&dist).unwrap();
        assert_eq!(
            std::fs::read_to_string(dist.join("embed.js")).unwrap(),
            "import init from './snapshot-console-61e793df.js'; \
             init(base + 'snapshot-console-61e793df_bg.wasm');"
        );
        // A second build's glue beside the first is an error, not a guess.
        std::fs::write(dist.join("snapshot-console-0abc1234.js"), "").unwrap();
        assert!(glue(&dist).is_err());
        std::fs::remove_dir_all(&dist).unwrap();
    }
}
