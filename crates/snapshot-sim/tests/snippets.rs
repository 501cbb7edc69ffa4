//! "Copy as…" for real: the curl and Python snippets the core builds, run with
//! `VPS_API_TOKEN` set against the simulator binary, do what the console's own requests do.

mod common;

use common::{list, run_script, start, SimProcess};
use serde_json::Value;
use snapshot_api::endpoints::{SnapshotCreate, SnapshotDelete, SnapshotList, SnapshotRestore};
use snapshot_api::{
    snippet, Api, BaseUrl, BearerToken, Description, Endpoint, ServerId, SnapshotId, SnapshotName,
    SnippetLanguage,
};

const TOKEN: &str = "snippet-test-token";

fn sim() -> SimProcess {
    start(&[
        "--ephemeral",
        "--token",
        TOKEN,
        "--create-delay-ms",
        "0",
        "--restore-delay-ms",
        "0",
    ])
}

/// Runs the snippet for `endpoint` in `language` with the token in the environment only.
fn run(sim: &SimProcess, endpoint: &impl Endpoint, language: SnippetLanguage) -> String {
    let api = Api::new(
        BaseUrl::parse(&sim.url("/api/v1")).unwrap(),
        BearerToken::parse(TOKEN).unwrap(),
    );
    let script = snippet(&api.request(endpoint).unwrap(), language);
    assert!(!script.contains(TOKEN), "{script}");
    let python = match language {
        SnippetLanguage::Curl => false,
        SnippetLanguage::Python => true,
        // The core's property test runs the JavaScript form in Node with a stand-in `fetch`.
        SnippetLanguage::JavaScript => unreachable!("not run against the simulator"),
    };
    run_script(python, &script, &[("VPS_API_TOKEN", TOKEN)])
}

fn create(name: &str, description: &str) -> SnapshotCreate {
    SnapshotCreate::new(
        ServerId::new(12345).unwrap(),
        SnapshotName::parse(name).unwrap(),
        Some(Description::parse(description).unwrap()),
    )
}

/// A description with everything each quoting must get right.
const AWKWARD: &str = "it's \"quoted\", $HOME `date` \\n {x}\nsecond line · সার্ভার · 快照";

#[test]
fn curl_and_python_snippets_do_what_the_console_does() {
    let sim = sim();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = ServerId::new(12345).unwrap();

    // The list, as curl prints it and as the API gives it.
    let listed: Value = serde_json::from_str(&run(
        &sim,
        &SnapshotList::for_server(server),
        SnippetLanguage::Curl,
    ))
    .unwrap();
    assert_eq!(listed, rt.block_on(list(&sim, TOKEN, "?server_id=12345")));

    // Creates through each form, with a description no quoting may change.
    let by_curl: Value = serde_json::from_str(&run(
        &sim,
        &create("by-curl", AWKWARD),
        SnippetLanguage::Curl,
    ))
    .unwrap();
    assert_eq!(by_curl["description"], AWKWARD);
    let by_python = run(&sim, &create("by-python", AWKWARD), SnippetLanguage::Python);
    assert!(by_python.contains("'name': 'by-python'"), "{by_python}");
    let now = rt.block_on(list(&sim, TOKEN, "?server_id=12345"));
    let made: Vec<(&str, &str)> = now["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["name"].as_str().unwrap().starts_with("by-"))
        .map(|s| {
            (
                s["name"].as_str().unwrap(),
                s["description"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(made.len(), 2);
    assert!(made.iter().all(|(_, d)| *d == AWKWARD), "{made:?}");

    // A restore through Python, a delete through curl.
    let id = SnapshotId::new(by_curl["id"].as_u64().unwrap()).unwrap();
    let restored = run(
        &sim,
        &SnapshotRestore { snapshot_id: id },
        SnippetLanguage::Python,
    );
    assert!(restored.starts_with("{'status': 'success'"), "{restored}");
    assert_eq!(
        run(
            &sim,
            &SnapshotDelete { snapshot_id: id },
            SnippetLanguage::Curl
        ),
        ""
    );
    let after = rt.block_on(list(&sim, TOKEN, "?server_id=12345"));
    assert!(
        after["results"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["id"] != id.get()),
        "{after}"
    );
    let deleted = run(
        &sim,
        &SnapshotDelete { snapshot_id: id },
        SnippetLanguage::Python,
    );
    assert_eq!(deleted, "404\n");
}
