//! Latency of the language server: time from a `didChange` to the `publishDiagnostics` of
//! that version, for a 2,000-line multi-document manifest, every rule on. Target: under 30 ms
//! in release mode (`cargo bench -p plimsoll-lsp --bench latency`). Not a timed test: it
//! prints the figures.

#[path = "../tests/support/mod.rs"]
mod support;

use serde_json::json;
use std::time::Instant;
use support::Session;

/// One Deployment of 50 lines with a few findings.
fn deployment(i: usize) -> String {
    let mut s = format!(
        "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-{i}\n  labels:\n    app: web-{i}\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web-{i}\n  template:\n    metadata:\n      labels:\n        app: web-{i}\n    spec:\n      containers:\n        - name: web\n          image: registry.example.com/web:1.{i}\n          ports:\n            - name: http\n              containerPort: 8080\n          env:\n"
    );
    for e in 0..10 {
        s.push_str(&format!(
            "            - name: VAR_{e}\n              value: \"{e}\"\n"
        ));
    }
    s.push_str("          securityContext:\n            privileged: false\n            runAsNonRoot: true\n          resources:\n            requests: {cpu: 100m, memory: 128Mi}\n            limits: {memory: 256Mi}\n");
    s
}

fn main() {
    let text: String = (0..40).map(deployment).collect();
    let lines = text.lines().count();
    let dir = std::env::temp_dir().join("plimsoll-lsp-latency");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("plimsoll.toml"), "select = [\"all\"]\n").unwrap();
    let uri = format!("file://{}/manifest.yaml", dir.display());
    let (mut session, _) = Session::start(json!({}), Some(&dir));
    let first = session.open(&uri, "yaml", &text);
    // Each change flips `privileged` of the first Deployment and so changes the findings.
    let line = text
        .lines()
        .position(|l| l.contains("privileged: false"))
        .unwrap() as u64;
    let mut samples = Vec::new();
    for version in 2..=41 {
        let value = if version % 2 == 0 { "true " } else { "false" };
        let start = Instant::now();
        session.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"range": {"start": {"line": line, "character": 24}, "end": {"line": line, "character": 29}}, "text": value}]}),
        );
        session.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri.as_str()
                && m["params"]["version"] == version
        });
        samples.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    samples.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    println!(
        "didChange -> publishDiagnostics, {lines}-line manifest of 40 documents, {} findings, {} changes:",
        first.len(),
        samples.len()
    );
    println!(
        "  median {:.1} ms, p90 {:.1} ms, min {:.1} ms, max {:.1} ms (target: under 30 ms)",
        at(0.5),
        at(0.9),
        samples[0],
        samples[samples.len() - 1]
    );
    session.finish();
}
