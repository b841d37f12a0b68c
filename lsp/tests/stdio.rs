//! Drives the real `plimsoll-lsp` binary over stdio with JSON-RPC, as an editor does:
//! initialize, open and change documents, receive diagnostics with exact ranges, code
//! actions, hover, completion, config files, bad input, shutdown and exit.

mod support;

use serde_json::{json, Value};
use support::Session;

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

fn range(d: &Value) -> [u64; 4] {
    let r = &d["range"];
    [
        r["start"]["line"].as_u64().unwrap(),
        r["start"]["character"].as_u64().unwrap(),
        r["end"]["line"].as_u64().unwrap(),
        r["end"]["character"].as_u64().unwrap(),
    ]
}

const SELECT_ONE: &str =
    "select = [\"base-image-latest\", \"privileged-container\", \"parse-error\"]\n";

#[test]
fn diagnostics_fixes_actions_hover_and_completion() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plimsoll.toml"), SELECT_ONE).unwrap();
    let (mut s, init) = Session::start(json!({}), Some(dir.path()));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "plimsoll-lsp");

    // A bad Dockerfile: the finding's exact range, its rule and page.
    let dockerfile = format!("file://{}/Dockerfile", dir.path().display());
    let found = s.open(
        &dockerfile,
        "dockerfile",
        "FROM python:latest\nRUN echo hi\n",
    );
    assert_eq!(codes(&found), ["base-image-latest"]);
    assert_eq!(range(&found[0]), [0, 5, 0, 18]);
    assert_eq!(found[0]["severity"], 2);
    assert!(found[0]["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .ends_with("/rules/dockerfile/base-image-latest.md"));

    // Hover on the finding shows the rule's page.
    let hover = s.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": dockerfile}, "position": {"line": 0, "character": 8}}),
    );
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .starts_with("# base-image-latest"));

    // Code actions: ignore here (a comment above the instruction) and in the whole file.
    let actions = s.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": dockerfile}, "range": found[0]["range"], "context": {"diagnostics": found}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Ignore `base-image-latest` here",
            "Ignore `base-image-latest` in this file"
        ]
    );
    let edit = &actions[0]["edit"]["changes"][&dockerfile][0];
    assert_eq!(edit["newText"], "# plimsoll: ignore[base-image-latest]\n");
    assert_eq!(edit["range"]["start"], json!({"line": 0, "character": 0}));

    // An incremental change that fixes it clears the diagnostics.
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": dockerfile, "version": 2},
               "contentChanges": [{"range": {"start": {"line": 0, "character": 12}, "end": {"line": 0, "character": 18}}, "text": "3.12"}]}),
    );
    assert!(s.diagnostics(&dockerfile).is_empty());

    // A bad Deployment: the rule's own fix comes first, then the ignore actions.
    let deployment = format!("file://{}/deploy.yaml", dir.path().display());
    let yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          securityContext:\n            privileged: true\n";
    let found = s.open(&deployment, "yaml", yaml);
    assert_eq!(codes(&found), ["privileged-container"]);
    assert_eq!(range(&found[0]), [11, 24, 11, 28]);
    let actions = s.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": deployment}, "range": found[0]["range"], "context": {"diagnostics": found}}),
    );
    let actions = actions.as_array().unwrap();
    assert_eq!(actions[0]["title"], "set `privileged: false`");
    assert_eq!(actions[0]["isPreferred"], true);
    assert_eq!(
        actions[0]["edit"]["changes"][&deployment][0]["newText"],
        "false"
    );
    assert!(actions
        .iter()
        .any(|a| a["title"] == "Ignore `privileged-container` for this object (annotation)"));

    // Completion of rule ids inside a suppression comment.
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": deployment, "version": 2},
               "contentChanges": [{"range": {"start": {"line": 11, "character": 0}, "end": {"line": 11, "character": 0}}, "text": "            # plimsoll: ignore[\n"}]}),
    );
    s.diagnostics(&deployment);
    let completion = s.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": deployment}, "position": {"line": 11, "character": 31}}),
    );
    let labels: Vec<&str> = completion
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"privileged-container") && labels.contains(&"host-namespaces"));
    assert!(
        !labels.contains(&"apt-get-unpinned"),
        "only rules for this kind of file"
    );

    // Closing a document clears its diagnostics.
    s.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": deployment}}),
    );
    assert!(s.diagnostics(&deployment).is_empty());
    s.finish();
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let (mut s, init) = Session::start(
        json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}),
        None,
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let uri = "untitled:Untitled-1";
    // `é` is two bytes and one UTF-16 unit: the image starts at byte column 20.
    let text = "# café\nLABEL x=\"é\"\nFROM python:latest\n";
    let found = s.open(uri, "dockerfile", text);
    let latest: Vec<_> = found
        .iter()
        .filter(|d| d["code"] == "base-image-latest")
        .collect();
    assert_eq!(range(latest[0]), [2, 5, 2, 18]);
    s.finish();
}

#[test]
fn config_files_are_checked_and_watched() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("plimsoll.toml");
    std::fs::write(&config, "selct = [\"all\"]\n").unwrap();
    let (mut s, _) = Session::start(json!({}), Some(dir.path()));
    let dockerfile = format!("file://{}/Dockerfile", dir.path().display());
    let found = s.open(&dockerfile, "dockerfile", "FROM python:latest\n");
    assert!(found.is_empty(), "a broken config lints nothing: {found:?}");
    let config_uri = format!("file://{}", config.display());
    let problems = s.diagnostics(&config_uri);
    assert_eq!(problems.len(), 1);
    assert!(problems[0]["message"]
        .as_str()
        .unwrap()
        .contains("unknown field `selct`"));
    assert_eq!(
        problems[0]["range"]["start"],
        json!({"line": 0, "character": 0})
    );
    // The config is fixed on disk and the editor says so: the problem goes, linting resumes.
    std::fs::write(&config, SELECT_ONE).unwrap();
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    assert_eq!(codes(&s.diagnostics(&dockerfile)), ["base-image-latest"]);
    assert!(s.diagnostics(&config_uri).is_empty());
    s.finish();
}

#[test]
fn other_yaml_gets_no_noise_and_bad_input_never_kills_the_server() {
    let (mut s, _) = Session::start(json!({}), None);
    assert!(s
        .open(
            "untitled:values",
            "yaml",
            "replicaCount: 1\nimage: {tag: x}\n"
        )
        .is_empty());
    // Broken YAML is one located parse error.
    let broken = s.open(
        "untitled:broken",
        "yaml",
        "apiVersion: v1\nkind: Pod\nspec: [\n",
    );
    assert_eq!(codes(&broken), ["parse-error"]);
    // Garbage and unknown methods: the server answers and lives on.
    s.send_raw(b"{this is not json");
    s.send(json!({"jsonrpc": "2.0", "id": 999, "method": "plimsoll/nope", "params": {}}));
    let unknown = s.wait(|m| m["id"] == 999);
    assert!(unknown.get("error").is_some());
    // A huge manifest (2,000 documents) is linted too.
    let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: \"x:1\", securityContext: {privileged: true}}]\n---\n";
    let huge = pod.repeat(2000);
    let found = s.open("untitled:huge", "yaml", &huge);
    assert_eq!(
        found
            .iter()
            .filter(|d| d["code"] == "privileged-container")
            .count(),
        2000
    );
    s.finish();
}

#[test]
fn helm_rendered_findings_name_their_template() {
    let (mut s, _) = Session::start(json!({}), None);
    let text = "---\n# Source: web/templates/pod.yaml\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: \"x:1\", securityContext: {privileged: true}}]\n";
    let found = s.open("untitled:rendered", "yaml", text);
    let privileged = found
        .iter()
        .find(|d| d["code"] == "privileged-container")
        .unwrap();
    assert_eq!(
        privileged["relatedInformation"][0]["message"],
        "rendered from web/templates/pod.yaml"
    );
    s.finish();
}

#[test]
fn a_panic_in_a_lint_is_logged_and_the_server_lives_on() {
    let (mut s, _) = Session::start_with_env(
        json!({}),
        None,
        &[
            ("PLIMSOLL_LSP_TEST_PANIC", "PANIC-HERE"),
            ("RUST_BACKTRACE", "0"),
        ],
    );
    let found = s.open(
        "untitled:boom",
        "dockerfile",
        "FROM python:latest\n# PANIC-HERE\n",
    );
    assert!(found.is_empty());
    let log = s.wait(|m| m["method"] == "window/logMessage");
    assert_eq!(log["params"]["type"], 1, "an error: {log}");
    assert!(log["params"]["message"]
        .as_str()
        .unwrap()
        .contains("internal error while linting untitled:boom"));
    // The next document is linted as usual.
    let found = s.open("untitled:fine", "dockerfile", "FROM python:latest\n");
    assert!(codes(&found).contains(&"base-image-latest"));
    s.finish();
}
