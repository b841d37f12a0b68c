//! Inputs of the criterion micro-benchmarks: the example files in `testdata/examples`, a
//! generated multi-document manifest, and a few files of `../shared/corpus` when it is there
//! (the benchmarks are not tests: without the corpus they say so and run on the rest).
// Each benchmark uses a part of these inputs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// One input: a name for the benchmark id and its text.
pub struct Input {
    pub name: String,
    pub text: String,
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn corpus() -> PathBuf {
    repo().join("../shared/corpus")
}

fn example(file: &str) -> Input {
    let path = repo().join("testdata/examples").join(file);
    Input {
        name: format!("example-{file}"),
        text: std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    }
}

/// The corpus files under `dir` of `../shared/corpus`, named by their last path parts; none,
/// with a note on stderr, when the corpus is not there.
fn corpus_files(dir: &str, files: &[(&str, &str)]) -> Vec<Input> {
    let root = corpus().join(dir);
    if !root.is_dir() {
        eprintln!(
            "note: {} not found; benchmarking without corpus files",
            root.display()
        );
        return Vec::new();
    }
    files
        .iter()
        .filter_map(|(name, file)| {
            let text = std::fs::read_to_string(root.join(file)).ok()?;
            Some(Input {
                name: (*name).to_string(),
                text,
            })
        })
        .collect()
}

/// Dockerfiles from small to large: the example, a typical image (2 KB), BuildKit's features
/// (docker compose, 8 KB), a big multi-stage build (moby, 25 KB).
pub fn dockerfiles() -> Vec<Input> {
    let mut inputs = vec![example("Dockerfile")];
    inputs.extend(corpus_files(
        "dockerfiles",
        &[
            (
                "dotnet-sdk-alpine",
                "dotnet__dotnet-docker/src/sdk/11.0/alpine3.24/arm64v8/Dockerfile",
            ),
            ("docker-compose", "docker__compose/Dockerfile"),
            ("moby", "moby__moby/Dockerfile"),
        ],
    ));
    inputs
}

/// Every Dockerfile of the corpus, for a throughput figure; empty without the corpus.
pub fn dockerfile_corpus() -> Vec<String> {
    let root = corpus().join("dockerfiles");
    let mut texts = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_uppercase();
            if path.is_dir() {
                dirs.push(path);
            } else if !name.starts_with("LICENSE") && !name.starts_with("COPYING") {
                texts.extend(std::fs::read_to_string(&path).ok());
            }
        }
    }
    texts
}

/// One Deployment with a Service: a probe, resources, env and a security context.
fn deployment(i: usize) -> String {
    let env: String = (0..8)
        .map(|e| format!("            - name: VAR_{e}\n              value: \"{e}\"\n"))
        .collect();
    format!(
        "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-{i}\n  labels:\n    app: web-{i}\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web-{i}\n  template:\n    metadata:\n      labels:\n        app: web-{i}\n    spec:\n      containers:\n        - name: web\n          image: registry.example.com/web:1.{i}\n          ports:\n            - name: http\n              containerPort: 8080\n          env:\n{env}          readinessProbe:\n            httpGet: {{path: /healthz, port: http}}\n          securityContext:\n            privileged: false\n            runAsNonRoot: true\n          resources:\n            requests: {{cpu: 100m, memory: 128Mi}}\n            limits: {{memory: 256Mi}}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web-{i}\nspec:\n  selector:\n    app: web-{i}\n  ports:\n    - port: 80\n      targetPort: http\n"
    )
}

/// Manifests: the example, 40 generated Deployments and Services (2,600 lines), and rendered
/// Helm output from the corpus (istio's Prometheus addon, the AWS VPC CNI).
pub fn manifests() -> Vec<Input> {
    let mut inputs = vec![
        example("deployment.yaml"),
        Input {
            name: "generated-40-deployments".into(),
            text: (0..40).map(deployment).collect(),
        },
    ];
    inputs.extend(corpus_files(
        "helm-rendered",
        &[
            (
                "istio-prometheus",
                "istio__istio__samples__addons__prometheus.yaml",
            ),
            (
                "aws-vpc-cni",
                "aws__amazon-vpc-cni-k8s__config__master__aws-k8s-cni.yaml",
            ),
        ],
    ));
    inputs
}
