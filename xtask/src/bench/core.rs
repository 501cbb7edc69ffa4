//! The core: decoding a 10,000-snapshot list with snapshot-api against a bare serde_json
//! derive of the same shape (criterion, crates/snapshot-api/benches/decode.rs).

use serde_json::Value;

use super::browser::num;
use super::report::{ms, read_json, Row};
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
    // Criterion measures one function, then the other, so a neighbour's burst during one of
    // them skews the ratio. Several rounds, keeping each function's best median, damp that.
    let (mut core_ms, mut bare_ms) = (f64::INFINITY, f64::INFINITY);
    let mut rounds = Vec::new();
    for _ in 0..scale.criterion_rounds {
        cmd::run(command("cargo", &args))?;
        let core = estimate("snapshot_api")?;
        let bare = estimate("bare_serde_json")?;
        // Criterion's estimates are in nanoseconds per iteration.
        core_ms = core_ms.min(num(&core, "/median/point_estimate") / 1e6);
        bare_ms = bare_ms.min(num(&bare, "/median/point_estimate") / 1e6);
        rounds.push(serde_json::json!({ "snapshot_api": core, "bare_serde_json": bare }));
    }
    raw.insert(
        "core".to_owned(),
        serde_json::json!({
            "snapshot_api_ms": core_ms, "bare_serde_json_ms": bare_ms, "rounds": rounds,
        }),
    );
    let ratio = core_ms / bare_ms;
    Ok(vec![Row::new(
        &format!(
            "core: decode a 10,000-snapshot list (criterion; best median of {} rounds)",
            scale.criterion_rounds
        ),
        "ratio ≤ 1.2",
        "cargo bench -p snapshot-api --bench decode",
    )
    .figure(ms(core_ms))
    .against(format!("bare serde_json derive {}", ms(bare_ms)))
    .ratio(ratio)
    .met(ratio <= 1.2)])
}

/// Criterion's estimates for one function of the group, from its last run.
fn estimate(name: &str) -> Result<Value> {
    read_json(
        &root()
            .join("target")
            .join("criterion")
            .join(GROUP)
            .join(name)
            .join("new")
            .join("estimates.json"),
    )
}
