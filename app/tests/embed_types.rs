//! The element's TypeScript declarations and Custom Elements Manifest (shipped in `dist/`)
//! cannot drift from the code: every event the console fires, and every setting it reads,
//! is in both, and nothing else is.
#![cfg(not(target_arch = "wasm32"))]

use snapshot_console::model::host_event::HostEvent;

const TYPES: &str = include_str!("../embed/embed.d.ts");
const MANIFEST: &str = include_str!("../embed/custom-elements.json");
const CONFIG: &str = include_str!("../src/config.rs");

/// The quoted names in `text` that start with `prefix`, in order, without repeats.
fn quoted(text: &str, prefix: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for part in text.split(['\'', '"']).skip(1).step_by(2) {
        if part.starts_with(prefix) && !names.iter().any(|n| n == part) {
            names.push(part.to_owned());
        }
    }
    names
}

fn sorted(mut names: Vec<String>) -> Vec<String> {
    names.sort();
    names
}

/// The element's declaration in the manifest.
fn element() -> serde_json::Value {
    let manifest: serde_json::Value = serde_json::from_str(MANIFEST).unwrap();
    manifest["modules"][0]["declarations"][0].clone()
}

/// The names of the element's `list` (`events`, `attributes`) in the manifest.
fn manifest_names(list: &str) -> Vec<String> {
    let element = element();
    let items = element[list].as_array().unwrap();
    items
        .iter()
        .map(|i| i["name"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_declared_events_are_the_ones_the_console_fires() {
    let fired = sorted(HostEvent::NAMES.iter().map(|n| n.to_string()).collect());
    assert_eq!(sorted(quoted(TYPES, "sc-")), fired, "embed.d.ts");
    assert_eq!(
        sorted(manifest_names("events")),
        fired,
        "custom-elements.json"
    );
}

#[test]
fn the_declared_attributes_are_the_settings_the_console_reads() {
    // Every `given("…")` and `setting("…")` in the configuration is a setting a host may
    // give; asset-base is embed.js's own.
    let read: Vec<String> = ["given(\"", "setting(\""]
        .iter()
        .flat_map(|call| CONFIG.split(call).skip(1))
        .filter_map(|rest| rest.split('"').next())
        .filter(|name| *name != "asset-base")
        .map(str::to_owned)
        .collect();
    let mut read = sorted(read);
    read.dedup();
    assert_eq!(sorted(manifest_names("attributes")), read);
    for name in &read {
        assert!(TYPES.contains(&format!("`{name}`")), "{name} in embed.d.ts");
    }
    assert_eq!(element()["tagName"], "snapshot-console");
    assert!(TYPES.contains("'snapshot-console': SnapshotConsoleElement"));
}
