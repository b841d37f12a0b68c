//! CLI tests for Kubernetes manifests and Helm: the real `plimsoll` binary on temporary trees
//! and on the chart in `testdata/helm/web`, rendered by a real helm 3 and helm 4 (installed
//! by `.ci/install-helm.sh`; a test without its helm says so loudly, and fails under CI).

mod common;

use common::{helm, plimsoll, run, testdata, write};
use tempfile::TempDir;

/// A Deployment whose only finding (with `--select privileged-container`) is on line 11.
const PRIVILEGED: &str = "apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext: {privileged: true}
";

#[test]
fn helm_charts_render_with_helm_3_and_helm_4_and_findings_name_their_template() {
    for major in [3, 4] {
        let Some(helm) = helm(major) else { continue };
        let out = run(plimsoll()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("PLIMSOLL_HELM", &helm)
            .args([
                "check",
                "--helm",
                "testdata/helm/web",
                "--select",
                "privileged-container",
                "--format",
                "json",
            ]));
        assert_eq!(out.code, 1, "helm {major}: {}", out.stderr);
        let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let findings = doc["diagnostics"].as_array().unwrap();
        assert_eq!(findings.len(), 1, "helm {major}: {findings:?}");
        let d = &findings[0];
        assert_eq!(d["path"], "testdata/helm/web");
        assert_eq!(d["source"], "testdata/helm/web/templates/deployment.yaml");
        assert_eq!(d["message"], "container `web` runs privileged");

        // Values and --set reach helm: both turn the finding off.
        let dir = TempDir::new().unwrap();
        write(dir.path(), "safe.yaml", "privileged: false\n");
        let values = dir.path().join("safe.yaml");
        for extra in [
            vec!["--values".to_string(), values.display().to_string()],
            vec!["--set".to_string(), "privileged=false".to_string()],
        ] {
            let out = run(plimsoll()
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .env("PLIMSOLL_HELM", &helm)
                .args([
                    "check",
                    "--helm",
                    "testdata/helm/web",
                    "--select",
                    "privileged-container",
                ])
                .args(["--release-name", "shop", "--namespace", "prod"])
                .args(&extra));
            assert_eq!(
                out.code, 0,
                "helm {major} {extra:?}: {}{}",
                out.stdout, out.stderr
            );
        }

        // Human output says where the object came from.
        let human = run(plimsoll()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("PLIMSOLL_HELM", &helm)
            .args([
                "check",
                "--helm",
                "testdata/helm/web",
                "--select",
                "privileged-container",
            ])
            .args(["--color", "never"]));
        assert!(
            human
                .stdout
                .contains("rendered from testdata/helm/web/templates/deployment.yaml"),
            "{}",
            human.stdout
        );
    }
}

#[test]
fn helm_template_output_piped_to_stdin_keeps_its_sources() {
    for major in [3, 4] {
        let Some(helm) = helm(major) else { continue };
        let rendered = std::process::Command::new(&helm)
            .args(["template", "rel"])
            .arg(testdata("helm/web"))
            .output()
            .expect("helm runs");
        assert!(rendered.status.success());
        let out = run(plimsoll()
            .args([
                "check",
                "-",
                "--no-config",
                "--select",
                "privileged-container",
            ])
            .args(["--format", "concise"])
            .write_stdin(rendered.stdout));
        assert_eq!(out.code, 1, "helm {major}: {}", out.stderr);
        assert!(
            out.stdout.contains(
                "error [privileged-container] container `web` runs privileged (rendered from web/templates/deployment.yaml)"
            ),
            "helm {major}: {}",
            out.stdout
        );
    }
}

#[test]
fn without_helm_the_helm_flag_fails_with_a_clear_message() {
    let out = run(plimsoll()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PLIMSOLL_HELM", "/nonexistent/helm")
        .args(["check", "--helm", "testdata/helm/web"]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("--helm needs `helm` on PATH"),
        "{}",
        out.stderr
    );
}

#[test]
fn chart_sources_and_other_yaml_are_skipped_with_reasons() {
    let out = run(plimsoll()
        .current_dir(testdata("helm"))
        .args(["check", "web", "--no-config"]));
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr.contains("note: 2 unrendered Helm templates were skipped; lint a chart with `plimsoll check --helm CHART_DIR`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout
            .contains("No problems found in 0 files (4 skipped)."),
        "{}",
        out.stdout
    );
    let listed = run(plimsoll().current_dir(testdata("helm")).args([
        "check",
        "web",
        "--no-config",
        "--show-skipped",
    ]));
    let mut lines: Vec<&str> = listed.stderr.lines().collect();
    lines.sort();
    assert_eq!(
        lines,
        [
            "skipped: web/Chart.yaml: not a Kubernetes manifest: no document has `apiVersion` and `kind`",
            "skipped: web/templates/deployment.yaml: an unrendered Helm template: lint the chart with `plimsoll check --helm CHART_DIR`, or `helm template CHART_DIR | plimsoll check -`",
            "skipped: web/templates/service.yaml: an unrendered Helm template: lint the chart with `plimsoll check --helm CHART_DIR`, or `helm template CHART_DIR | plimsoll check -`",
            "skipped: web/values.yaml: not a Kubernetes manifest: no document has `apiVersion` and `kind`",
        ]
    );
}

#[test]
fn manifests_are_found_by_content_on_stdin_and_in_json_files() {
    let out = run(plimsoll()
        .args([
            "check",
            "-",
            "--no-config",
            "--select",
            "privileged-container",
        ])
        .args(["--format", "concise"])
        .write_stdin(PRIVILEGED));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.stdout.lines().next(),
        Some("-:11:41: error [privileged-container] container `web` runs privileged")
    );
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "pod.json",
        r#"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
 "spec": {"containers": [{"name": "c", "image": "x:1", "securityContext": {"privileged": true}}]}}"#,
    );
    write(
        dir.path(),
        "package.json",
        r#"{"name": "app", "version": "1.0.0"}"#,
    );
    let out = run(plimsoll()
        .current_dir(dir.path())
        .args(["check", "--no-config", "--select", "privileged-container"])
        .args(["--format", "concise"]));
    assert_eq!(out.code, 1);
    assert!(
        out.stdout
            .starts_with("pod.json:2:90: error [privileged-container]"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("in 1 of 1 file (1 skipped)"),
        "{}",
        out.stdout
    );
}

#[test]
fn annotations_and_comments_suppress_findings() {
    let dir = TempDir::new().unwrap();
    let cases = [
        (
            "annotation.yaml",
            PRIVILEGED.replace(
                "  name: web\n",
                "  name: web\n  annotations:\n    ignore.plimsoll.dev/privileged-container: \"the node agent needs it\"\n",
            ),
        ),
        (
            "kube-linter.yaml",
            PRIVILEGED.replace(
                "  name: web\n",
                "  name: web\n  annotations:\n    ignore-check.kube-linter.io/privileged-container: legacy\n",
            ),
        ),
        (
            "comment-above-key.yaml",
            PRIVILEGED.replace(
                "          securityContext:",
                "          # plimsoll: ignore[privileged-container] -- the node agent needs it\n          securityContext:",
            ),
        ),
        (
            "comment-above-item.yaml",
            PRIVILEGED.replace(
                "        - name: web",
                "        # plimsoll: ignore[privileged-container]\n        - name: web",
            ),
        ),
        (
            "trailing-comment.yaml",
            PRIVILEGED.replace(
                "{privileged: true}",
                "{privileged: true} # plimsoll: ignore[privileged-container]",
            ),
        ),
        (
            "above-document.yaml",
            format!("# plimsoll: ignore[privileged-container]\n{PRIVILEGED}"),
        ),
        (
            "file-ignore.yaml",
            format!("{PRIVILEGED}# plimsoll: file-ignore[privileged-container]\n"),
        ),
    ];
    for (name, text) in &cases {
        write(dir.path(), name, text);
        let out = run(plimsoll()
            .current_dir(dir.path())
            .args(["check", name, "--no-config", "--format", "concise"])
            .args(["--select", "privileged-container,invalid-suppression"]));
        assert_eq!(out.code, 0, "{name} is not suppressed:\n{}", out.stdout);
    }
    // A comment above another key covers only that key.
    write(
        dir.path(),
        "elsewhere.yaml",
        PRIVILEGED.replace(
            "          image: nginx:1.27",
            "          # plimsoll: ignore[privileged-container]\n          image: nginx:1.27",
        ),
    );
    let out = run(plimsoll()
        .current_dir(dir.path())
        .args([
            "check",
            "elsewhere.yaml",
            "--no-config",
            "--format",
            "concise",
        ])
        .args(["--select", "privileged-container"]));
    assert_eq!(out.code, 1, "{}", out.stdout);
    // An unknown id in an annotation is itself a finding, with a suggestion.
    write(
        dir.path(),
        "typo.yaml",
        PRIVILEGED.replace(
            "  name: web\n",
            "  name: web\n  annotations:\n    ignore.plimsoll.dev/privileged-containr: \"x\"\n",
        ),
    );
    let out = run(plimsoll()
        .current_dir(dir.path())
        .args(["check", "typo.yaml", "--no-config", "--format", "concise"])
        .args(["--select", "privileged-container,invalid-suppression"]));
    assert!(
        out.stdout.contains(
            "typo.yaml:6:5: warning [invalid-suppression] unknown rule `privileged-containr`; did you mean `privileged-container`?"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("[privileged-container]"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_broken_document_is_located_and_the_others_are_still_linted() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "stream.yaml",
        format!("apiVersion: v1\nkind: ConfigMap\ndata: {{a: [1, 2}}\n---\n{PRIVILEGED}"),
    );
    let out = run(plimsoll()
        .current_dir(dir.path())
        .args(["check", "--no-config", "--format", "concise"])
        .args(["--select", "privileged-container,parse-error"]));
    assert_eq!(out.code, 1);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(
        lines[0].starts_with("stream.yaml:3:16: error [parse-error] invalid YAML"),
        "{}",
        out.stdout
    );
    assert!(
        lines[1].starts_with("stream.yaml:15:41: error [privileged-container]"),
        "{}",
        out.stdout
    );
}

#[test]
fn kubernetes_version_comes_from_the_flag_or_the_config() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "pod.yaml", PRIVILEGED);
    let bad_flag =
        run(plimsoll()
            .current_dir(dir.path())
            .args(["check", "--kubernetes-version", "1.x"]));
    assert_eq!(bad_flag.code, 2);
    assert!(
        bad_flag
            .stderr
            .contains("--kubernetes-version: `1.x` is not a Kubernetes version"),
        "{}",
        bad_flag.stderr
    );
    write(
        dir.path(),
        "plimsoll.toml",
        "kubernetes-version = \"two\"\n",
    );
    let bad_config = run(plimsoll().current_dir(dir.path()).arg("check"));
    assert_eq!(bad_config.code, 2);
    assert!(
        bad_config
            .stderr
            .contains("plimsoll.toml:1:22: `two` is not a Kubernetes version"),
        "{}",
        bad_config.stderr
    );
    write(
        dir.path(),
        "plimsoll.toml",
        "kubernetes-version = \"v1.30\"\n",
    );
    let good = run(plimsoll().current_dir(dir.path()).args([
        "check",
        "--select",
        "privileged-container",
        "--format",
        "concise",
    ]));
    assert_eq!(good.code, 1, "{}", good.stderr);
}

#[test]
fn pss_levels_select_their_checks_and_report_a_problem_once() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "pod.yaml",
        "apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
        capabilities: {drop: [ALL], add: [SYS_TIME]}
        seccompProfile: {type: Unconfined}
",
    );
    let rules = |level: &str| -> Vec<String> {
        let out = run(plimsoll()
            .current_dir(dir.path())
            .args([
                "check",
                "pod.yaml",
                "--no-config",
                "--format",
                "concise",
                "-q",
            ])
            .args(["--select", level]));
        out.stdout
            .lines()
            .map(|l| {
                let (at, rest) = l.split_once(": ").unwrap();
                let rule = rest.split(['[', ']']).nth(1).unwrap();
                let severity = rest.split(' ').next().unwrap();
                format!("{} {severity} {rule}", at.trim_start_matches("pod.yaml:"))
            })
            .collect()
    };
    // Baseline: the added capability and the unconfined profile, as errors.
    assert_eq!(
        rules("pss-baseline"),
        [
            "13:43 error capabilities-added",
            "14:32 error seccomp-unconfined",
        ]
    );
    // Restricted: the same two problems once each (the baseline twin's error wins where both
    // point at the same value), plus what only restricted forbids (a writable root
    // filesystem is not part of the standard and stays silent).
    assert_eq!(
        rules("pss-restricted"),
        [
            "13:43 error capabilities-added",
            "14:32 error seccomp-unconfined",
        ]
    );
    // Below 1.19 seccomp is judged by annotation only, so the field is not a finding.
    let old = run(plimsoll()
        .current_dir(dir.path())
        .args([
            "check",
            "pod.yaml",
            "--no-config",
            "--format",
            "concise",
            "-q",
        ])
        .args(["--select", "pss-restricted", "--kubernetes-version", "1.18"]));
    assert!(!old.stdout.contains("seccomp"), "{}", old.stdout);
}

#[test]
fn kustomize_patches_are_skipped_and_their_bases_linted() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "base/deployment.yaml", PRIVILEGED);
    write(
        dir.path(),
        "base/kustomization.yaml",
        "resources: [deployment.yaml]\n",
    );
    // A patch is a fragment: on its own it would look like a Deployment without containers.
    write(
        dir.path(),
        "overlays/prod/replicas.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3}\n",
    );
    write(
        dir.path(),
        "overlays/prod/kustomization.yaml",
        "resources: [../../base]\npatches:\n  - path: replicas.yaml\n",
    );
    let out = run(plimsoll().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "--format",
        "concise",
        "--show-skipped",
    ]));
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr.contains("skipped: overlays/prod/replicas.yaml: a kustomize patch (applied by kustomization.yaml)"),
        "{}",
        out.stderr
    );
    assert!(!out.stdout.contains("replicas.yaml"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("base/deployment.yaml:11:41: error [privileged-container]"),
        "{}",
        out.stdout
    );
}

#[test]
fn cross_object_rules_see_every_file_of_a_folder() {
    let dir = TempDir::new().unwrap();
    let deployment = "apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{name: http, containerPort: 8080}]
";
    let service = |app: &str| {
        format!("apiVersion: v1\nkind: Service\nmetadata: {{name: web}}\nspec:\n  selector: {{app: {app}}}\n  ports: [{{port: 80, targetPort: http}}]\n")
    };
    write(dir.path(), "k8s/deploy.yaml", deployment);
    write(dir.path(), "k8s/svc.yaml", service("web"));
    let select = "service-selects-no-pods,service-target-port-not-found";
    let out = run(plimsoll().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "--format",
        "concise",
        "--select",
        select,
    ]));
    assert_eq!(
        out.code, 0,
        "the Service's pods are in another file: {}",
        out.stdout
    );
    // A selector that matches nothing, in a file of its own, is found against the other file.
    write(dir.path(), "k8s/svc.yaml", service("api"));
    let out = run(plimsoll().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "--format",
        "concise",
        "--select",
        select,
    ]));
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout
            .starts_with("k8s/svc.yaml:5:13: warning [service-selects-no-pods]"),
        "{}",
        out.stdout
    );
    // The same file alone has no pods to judge against: silent.
    let alone = run(plimsoll().current_dir(dir.path()).args([
        "check",
        "k8s/svc.yaml",
        "--no-config",
        "--format",
        "concise",
        "--select",
        select,
    ]));
    assert_eq!(alone.code, 0, "{}", alone.stdout);
    // Human output of a cross-object finding still shows its snippet.
    let human = run(plimsoll().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "--color",
        "never",
        "--select",
        select,
    ]));
    assert!(
        human.stdout.contains("selector: {app: api}"),
        "{}",
        human.stdout
    );
}
