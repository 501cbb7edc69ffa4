//! The core: decoding a 10,000-snapshot list with snapshot-api against a bare serde_json
//! derive of the same shape (criterion, crates/snapshot-api/benches/decode.rs).

use serde_json::Value;

use super::browser::num;
use super::report::{ms, Row};
use super::Scale;
use crate::cmd::{self, command, root, Result};

const GROUP: &str = "decode_10000_snapshots";

pub fn run(scale: &Scale, raw: &mut serde_json::Map<String, Value>) -> Result<Vec<Row>> {
    cmd::step("Core: decoding 10,000 snapshots against bare serde_json (criterion)");
    let mut args = vec![
        "bench",
        "--package",
        "snapshot-api",
        "--bench",
        "decode",
        "--",
    ];
    args.extend_from_slice(scale.criterion);
    cmd::run(command("cargo", &args))?;
    let estimate = |name: &str| -> Result<Value> {
        let path = root()
            .join("target")
            .join("criterion")
            .join(GROUP)
            .join(name)
            .join("new")
            .join("estimates.json");
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let core = estimate("snapshot_api")?;
    let bare = estimate("bare_serde_json")?;
    // Criterion's estimates are in nanoseconds per iteration.
    let core_ms = num(&core, "/median/point_estimate") / 1e6;
    let bare_ms = num(&bare, "/median/point_estimate") / 1e6;
    raw.insert(
        "core".to_owned(),
        serde_json::json!({ "snapshot_api": core, "bare_serde_json": bare }),
    );
    let ratio = core_ms / bare_ms;
    Ok(vec![Row::new(
        "core: decode a 10,000-snapshot list (criterion median)",
        "ratio ≤ 1.2",
        "cargo bench -p snapshot-api --bench decode",
    )
    .figure(ms(core_ms))
    .against(format!("bare serde_json derive {}", ms(bare_ms)))
    .ratio(ratio)
    .met(ratio <= 1.2)])
}
