//! "Copy as…": the snippets for the API page's own examples are the page's samples but for the
//! token, and any accepted name or description survives each form's quoting, read back by the
//! shell, Python and Node themselves.

use std::io::Write as _;
use std::process::{Command, Stdio};

use proptest::prelude::*;
use snapshot_api::endpoints::{SnapshotCreate, SnapshotDelete, SnapshotList, SnapshotRestore};
use snapshot_api::{
    snippet, Api, BaseUrl, BearerToken, Description, Endpoint, ServerId, SnapshotId, SnapshotName,
    SnippetLanguage,
};

const SECRET: &str = "secret-token-never-shown";

fn api() -> Api {
    Api::new(
        BaseUrl::parse("https://admin.vps.org/api/v1").unwrap(),
        BearerToken::parse(SECRET).unwrap(),
    )
}

fn request(endpoint: &impl Endpoint) -> http::Request<Vec<u8>> {
    api().request(endpoint).unwrap()
}

fn create(name: &str, description: Option<&str>) -> http::Request<Vec<u8>> {
    request(&SnapshotCreate::new(
        ServerId::new(12345).unwrap(),
        SnapshotName::parse(name).unwrap(),
        description.map(|d| Description::parse(d).unwrap()),
    ))
}

/// The page's sample `file` (`tests/fixtures/api_page/`, copied verbatim from the source page)
/// with its placeholder token read from the variable as each form reads it, and the
/// `Accept: application/json` header the console also sends and the page leaves out.
fn page_sample(file: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/api_page/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let sample = std::fs::read_to_string(path).unwrap();
    let sample = sample.trim_end();
    if file.ends_with(".sh") {
        sample
            .replace("Bearer YOUR_API_TOKEN", "Bearer $VPS_API_TOKEN")
            .replace(
                "-H \"Content-Type: application/json\"",
                "-H \"Content-Type: application/json\" \\\n  -H \"Accept: application/json\"",
            )
    } else if file.ends_with(".py") {
        sample
            .replace("import requests", "import os\nimport requests")
            .replace(
                "\"Bearer YOUR_API_TOKEN\"",
                "f\"Bearer {os.environ['VPS_API_TOKEN']}\"",
            )
            .replace(
                "\"Content-Type\": \"application/json\"",
                "\"Content-Type\": \"application/json\",\n    \"Accept\": \"application/json\"",
            )
    } else {
        sample
            .replace(
                "'Bearer YOUR_API_TOKEN'",
                "`Bearer ${process.env.VPS_API_TOKEN}`",
            )
            .replace(
                "'Content-Type': 'application/json'",
                "'Content-Type': 'application/json',\n    'Accept': 'application/json'",
            )
    }
}

#[test]
fn the_api_pages_examples_come_out_as_its_samples() {
    let id = SnapshotId::new(801).unwrap();
    let cases = [
        (
            "list",
            request(&SnapshotList::for_server(ServerId::new(12345).unwrap())),
        ),
        (
            "create",
            create(
                "before-update-snapshot",
                Some("Snapshot before system update"),
            ),
        ),
        ("restore", request(&SnapshotRestore { snapshot_id: id })),
        ("delete", request(&SnapshotDelete { snapshot_id: id })),
    ];
    for (operation, request) in &cases {
        for (language, extension) in [
            (SnippetLanguage::Curl, "sh"),
            (SnippetLanguage::Python, "py"),
            (SnippetLanguage::JavaScript, "js"),
        ] {
            let file = format!("{operation}.{extension}");
            // The page shows no JavaScript for a delete.
            if file == "delete.js" {
                continue;
            }
            assert_eq!(snippet(request, language), page_sample(&file), "{file}");
        }
    }
}

#[test]
fn no_snippet_holds_the_token() {
    let request = create("a", Some("b"));
    for language in SnippetLanguage::ALL {
        let text = snippet(&request, language);
        assert!(!text.contains(SECRET), "{text}");
        assert!(text.contains("VPS_API_TOKEN"), "{text}");
    }
}

/// Runs `program args`, feeding `input`, and returns its output.
fn run(program: &str, args: &[&str], input: &str, env: &[(&str, &str)]) -> String {
    let mut child = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .env("VPS_API_TOKEN", SECRET)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{program}: {}\n{input}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// What each form's snippet for a create would send, as the interpreter itself reads it: the
/// JSON body and the Authorization header. `curl`, `requests` and `fetch` are stand-ins that
/// print their arguments.
fn sent(language: SnippetLanguage, script: &str) -> serde_json::Value {
    let printed = match language {
        SnippetLanguage::Curl => {
            let stub = "curl() { while [ $# -gt 0 ]; do case \"$1\" in \
                -d) body=\"$2\"; shift;; -H) case \"$2\" in Authorization:*) auth=\"${2#Authorization: }\";; esac; shift;; esac; shift; done; \
                printf '{\"body\": %s, \"auth\": \"%s\"}' \"$body\" \"$auth\"; }\n";
            run("sh", &["-s"], &format!("{stub}{script}"), &[])
        }
        SnippetLanguage::Python => {
            let dir = std::env::temp_dir().join(format!("snippet-stub-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(
                dir.join("requests.py"),
                "import json as _json, sys\n\
                 class _R:\n    status_code = 0\n    def json(self): return None\n\
                 def post(url, headers=None, json=None, params=None):\n    \
                 sys.stdout.write(_json.dumps({'body': json, 'auth': headers['Authorization']}) + '\\n')\n    return _R()\n",
            )
            .unwrap();
            let out = run(
                "python3",
                &["-"],
                script,
                &[("PYTHONPATH", dir.to_str().unwrap())],
            );
            out.lines().next().unwrap().to_owned()
        }
        SnippetLanguage::JavaScript => {
            let stub = "globalThis.fetch = async (url, init) => { \
                process.stdout.write(JSON.stringify({ body: JSON.parse(init.body), auth: init.headers.Authorization }) + '\\n'); \
                return { json: async () => null, status: 0 }; };\n";
            let out = run(
                "node",
                &["--input-type=module", "-"],
                &format!("{stub}{script}"),
                &[],
            );
            out.lines().next().unwrap().to_owned()
        }
    };
    serde_json::from_str(&printed).unwrap_or_else(|e| panic!("{e}: {printed}\n{script}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any name and description the core accepts, quotes, newlines, `$`, backticks and all,
    /// reach the API unchanged through each form, with the token from the variable.
    #[test]
    fn any_accepted_name_and_description_survive_each_quoting(
        name in "[A-Za-z0-9_-]{1,64}",
        description in prop_oneof![
            any::<String>(),
            "[\"'`$\\\\{}\\n\\r\\t !#&|;<>()a-z]{0,40}",
        ].prop_filter("accepted", |d| Description::parse(d).is_ok()),
    ) {
        let request = create(&name, Some(&description));
        let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
        let bearer = format!("Bearer {SECRET}");
        for language in SnippetLanguage::ALL {
            let seen = sent(language, &snippet(&request, language));
            prop_assert_eq!(&seen["body"], &body, "{:?}", language);
            prop_assert_eq!(seen["auth"].as_str(), Some(bearer.as_str()));
        }
    }
}
