//! CLI tests for CI use: baselines, GitHub annotations, reports beside them, quiet skipping
//! when a hook names many files, and the GitHub Action of `action.yml` (its shape, and its
//! check step's script run as the runner would).

mod common;

use common::{plimsoll, run, write};
use plimsoll::kubernetes::yaml::{load_stream, Node, Value};
use std::path::Path;
use tempfile::TempDir;

/// A Dockerfile whose only finding is `base-image-latest` on 1:6.
const LATEST: &str = "FROM python:latest\nUSER app\n";

#[test]
fn a_baseline_keeps_known_findings_quiet_when_lines_move_and_reports_new_ones() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "Dockerfile", LATEST);
    write(dir.path(), "k8s/web.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - {name: web, image: nginx:1.27, securityContext: {privileged: true}}\n");
    // The baseline sits beside them, out of the paths linted.
    let concise = ["Dockerfile", "k8s", "--format=concise", "--no-config"];
    let out = run(plimsoll()
        .current_dir(dir.path())
        .args(["check"])
        .args(concise)
        .args([
            "--select",
            "base-image-latest,workdir-relative,privileged-container",
            "--write-baseline",
            "baseline.json",
        ]));
    // Writing a baseline still reports (and fails on) the findings of the run.
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    let baseline: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("baseline.json")).unwrap())
            .unwrap();
    assert_eq!(baseline["version"], 1);
    let known: Vec<(&str, &str)> = baseline["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap(), f["rule"].as_str().unwrap()))
        .collect();
    assert_eq!(
        known,
        [
            ("Dockerfile", "base-image-latest"),
            ("k8s/web.yaml", "privileged-container")
        ]
    );

    // A line added above the known finding moves it; a new finding is added below.
    write(
        dir.path(),
        "Dockerfile",
        "# the web image\nFROM python:latest\nWORKDIR app\nUSER app\n",
    );
    let check = |extra: &[&str]| {
        run(plimsoll()
            .current_dir(dir.path())
            .args(["check"])
            .args(concise)
            .args([
                "--select",
                "base-image-latest,workdir-relative,privileged-container",
            ])
            .args(extra))
    };
    let out = check(&["--baseline", "baseline.json"]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    insta::assert_snapshot!(out.stdout, @r"
    Dockerfile:3:9: warning [workdir-relative] `WORKDIR app` is relative, so it depends on the base image's working directory
    Found 1 problem (1 warning) in 1 of 2 files.
    ");
    // Without the baseline both are there.
    let out = check(&[]);
    assert_eq!(out.stdout.lines().count(), 4, "{}", out.stdout);

    // Editing the known finding's own line makes it new; fixing the new one leaves it.
    write(
        dir.path(),
        "Dockerfile",
        "# the web image\nFROM python:latest AS web\nWORKDIR /app\nUSER app\n",
    );
    let out = check(&["--baseline", "baseline.json"]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout
            .starts_with("Dockerfile:2:6: warning [base-image-latest]"),
        "{}",
        out.stdout
    );
    assert_eq!(out.stdout.lines().count(), 2, "{}", out.stdout);

    // Only known findings: exit 0.
    write(dir.path(), "Dockerfile", LATEST);
    let out = check(&["--baseline", "baseline.json"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert_eq!(out.stdout, "No problems found in 2 files.\n");

    // A broken baseline is a usage error.
    write(
        dir.path(),
        "broken.json",
        "{\"version\": 7, \"findings\": []}",
    );
    let out = check(&["--baseline", "broken.json"]);
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr.contains("baseline version 7 is not supported"),
        "{}",
        out.stderr
    );
}

#[test]
fn github_actions_gets_annotations_and_the_summary_by_itself() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "Dockerfile", LATEST);
    let out = run(plimsoll()
        .current_dir(dir.path())
        .env("GITHUB_ACTIONS", "true")
        .args(["check", "--no-config"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    insta::assert_snapshot!(out.stdout, @r"
    ::warning file=Dockerfile,line=1,col=6,endLine=1,endColumn=19,title=plimsoll base-image-latest::base image `python:latest` uses the `latest` tag%0Ahelp: pin a version tag (`ubuntu:24.04`) or a digest, so rebuilds get the same base
    Found 1 problem (1 warning) in 1 of 1 file.
    ");

    // `--format` wins; another value of GITHUB_ACTIONS is not GitHub.
    for (value, format) in [("true", Some("concise")), ("false", None)] {
        let out = run(plimsoll()
            .current_dir(dir.path())
            .env("GITHUB_ACTIONS", value)
            .args(["check", "--no-config", "--color=never"])
            .args(format.map(|f| format!("--format={f}"))));
        assert_eq!(out.code, 1);
        assert!(!out.stdout.contains("::warning"), "{}", out.stdout);
        assert!(out.stdout.contains("base-image-latest"), "{}", out.stdout);
    }
}

#[test]
fn reports_are_written_while_annotations_print() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "Dockerfile", LATEST);
    let out = run(plimsoll()
        .current_dir(dir.path())
        .env("GITHUB_ACTIONS", "true")
        .args([
            "check",
            "Dockerfile",
            "--no-config",
            "--report",
            "sarif=out/plimsoll.sarif",
            "--report",
            "json=plimsoll.json",
        ]));
    // `out/` does not exist: that report fails (exit 2), the others are still written.
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("out/plimsoll.sarif: cannot write the report"),
        "{}",
        out.stderr
    );
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = run(plimsoll()
        .current_dir(dir.path())
        .env("GITHUB_ACTIONS", "true")
        .args([
            "check",
            "Dockerfile",
            "--no-config",
            "--report",
            "sarif=out/plimsoll.sarif",
            "--report",
            "json=plimsoll.json",
        ]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with("::warning file=Dockerfile,line=1,col=6,"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .ends_with("Found 1 problem (1 warning) in 1 of 1 file.\n"),
        "{}",
        out.stdout
    );
    assert!(dir.path().join("out/plimsoll.sarif").is_file());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("plimsoll.json")).unwrap())
            .unwrap();
    assert_eq!(json["diagnostics"][0]["rule"], "base-image-latest");
}

/// A file named alone says why it was skipped; many named at once (a pre-commit hook passing
/// every staged YAML file, a shell glob) are only counted, as walked files are.
#[test]
fn skip_reasons_for_a_file_named_alone_but_not_for_a_batch() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "values.yaml", "replicas: 2\n");
    write(
        dir.path(),
        ".github/workflows/ci.yml",
        "on: push\njobs: {}\n",
    );
    write(
        dir.path(),
        "chart/templates/deployment.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n{{- if .Values.x }}\nspec: {}\n{{- end }}\n",
    );
    write(
        dir.path(),
        "Dockerfile",
        "FROM python:3.12-slim\nUSER app\n",
    );
    let check = |args: &[&str]| {
        run(plimsoll()
            .current_dir(dir.path())
            .args(["check", "--no-config"])
            .args(args))
    };

    let out = check(&["values.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "skipped: values.yaml: not a Kubernetes manifest: no document has `apiVersion` and `kind`\n"
    );
    // One file beside a directory is still named alone.
    let out = check(&["values.yaml", ".github"]);
    assert!(
        out.stderr.contains("skipped: values.yaml:"),
        "{}",
        out.stderr
    );

    let out = check(&["values.yaml", ".github/workflows/ci.yml", "Dockerfile"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    assert_eq!(out.stdout, "No problems found in 1 file (2 skipped).\n");

    // Unrendered Helm templates in a batch get the one note a walk gives them.
    let out = check(&["values.yaml", "chart/templates/deployment.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stderr.contains("skipped:"), "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("note: 1 unrendered Helm template was skipped;"),
        "{}",
        out.stderr
    );

    // `--show-skipped` lists them all.
    let out = check(&["--show-skipped", "values.yaml", ".github/workflows/ci.yml"]);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", out.stderr);
    assert!(
        lines.iter().all(|l| l.starts_with("skipped: ")),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------------------------------
// action.yml

fn action() -> Node {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("action.yml"))
        .expect("action.yml at the repository root");
    let mut docs = load_stream(&text);
    assert_eq!(docs.len(), 1);
    let doc = docs.remove(0);
    assert!(doc.error.is_none(), "{:?}", doc.error);
    assert!(doc.duplicate_keys.is_empty(), "{:?}", doc.duplicate_keys);
    doc.root.expect("a document")
}

fn str_of<'a>(node: &'a Node, key: &str) -> Option<&'a str> {
    node.get(key).and_then(Node::as_str)
}

/// Every scalar of `node`, keys included.
fn scalars<'a>(node: &'a Node, out: &mut Vec<&'a str>) {
    match &node.value {
        Value::Scalar(s) => out.push(&s.text),
        Value::Seq(items) => items.iter().for_each(|n| scalars(n, out)),
        Value::Map(entries) => entries.iter().for_each(|(k, v)| {
            scalars(k, out);
            scalars(v, out);
        }),
    }
}

/// `inputs.NAME` and `steps.ID` as written in `${{ }}` expressions and `if:` conditions.
fn references<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    text.match_indices(prefix)
        .filter(|(at, _)| {
            *at == 0
                || !text.as_bytes()[at - 1].is_ascii_alphanumeric()
                    && text.as_bytes()[at - 1] != b'.'
        })
        .map(|(at, _)| {
            let rest = &text[at + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

#[test]
fn action_yml_is_a_composite_action_whose_references_resolve() {
    let action = action();
    for key in ["name", "description", "author"] {
        assert!(
            str_of(&action, key).is_some_and(|s| !s.is_empty()),
            "action.yml needs `{key}`"
        );
    }
    let runs = action.get("runs").expect("runs");
    assert_eq!(str_of(runs, "using"), Some("composite"));
    let inputs = action.get("inputs").expect("inputs");
    let input_names: Vec<&str> = inputs
        .entries()
        .iter()
        .map(|(k, _)| k.as_str().unwrap())
        .collect();
    for (name, input) in inputs.entries() {
        let name = name.as_str().unwrap();
        assert!(
            str_of(input, "description").is_some(),
            "input `{name}` has no description"
        );
        // Values of `with:` and `env:` are strings: defaults too.
        if let Some(default) = input.get("default") {
            assert!(
                default.scalar().is_some(),
                "input `{name}`: default {default:?}"
            );
        }
    }
    for expected in ["paths", "args", "fail-on", "sarif-file", "upload-sarif"] {
        assert!(input_names.contains(&expected), "no input `{expected}`");
    }

    let steps = runs.get("steps").expect("steps").items();
    assert!(!steps.is_empty());
    let mut ids: Vec<&str> = Vec::new();
    for step in steps {
        let name = str_of(step, "name").expect("every step has a name");
        let run = str_of(step, "run");
        let uses = str_of(step, "uses");
        assert!(
            run.is_some() != uses.is_some(),
            "step `{name}`: `run` or `uses`"
        );
        if let Some(run) = run {
            // A composite step that runs a script must name its shell.
            assert_eq!(str_of(step, "shell"), Some("bash"), "step `{name}`");
            // Inputs reach scripts through `env:`, so no input can inject shell code.
            assert!(
                !run.contains("${{"),
                "step `{name}` expands an expression in its script"
            );
        }
        if let Some(uses) = uses {
            assert!(
                uses.contains('@'),
                "step `{name}`: pin `{uses}` to a version"
            );
            assert!(step.get("shell").is_none(), "step `{name}`");
        }
        // Steps referred to exist before the reference.
        let mut texts = Vec::new();
        scalars(step, &mut texts);
        for text in &texts {
            for id in references(text, "steps.") {
                assert!(
                    ids.contains(&id),
                    "step `{name}` refers to steps.{id}, not before it"
                );
            }
        }
        if let Some(id) = str_of(step, "id") {
            ids.push(id);
        }
    }
    // Every input referred to anywhere exists.
    let mut texts = Vec::new();
    scalars(&action, &mut texts);
    for text in &texts {
        for input in references(text, "inputs.") {
            assert!(
                input_names.contains(&input),
                "`inputs.{input}` is not an input"
            );
        }
        for id in references(text, "steps.") {
            assert!(ids.contains(&id), "`steps.{id}` is not a step");
        }
    }
    // The install step builds this repository, as the README says.
    let scripts: Vec<&str> = steps.iter().filter_map(|s| str_of(s, "run")).collect();
    assert!(
        scripts
            .iter()
            .any(|s| s.contains("cargo install --locked --path \"$GITHUB_ACTION_PATH\"")),
        "{scripts:?}"
    );
    let upload = steps
        .iter()
        .find(|s| {
            str_of(s, "uses").is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
        })
        .expect("an upload-sarif step");
    assert!(str_of(upload, "if")
        .unwrap()
        .contains("inputs.upload-sarif == 'true'"));
    for (name, output) in action.get("outputs").expect("outputs").entries() {
        let value = str_of(output, "value").unwrap();
        assert!(
            value.contains("steps.check.outputs."),
            "output {name:?}: {value}"
        );
    }
}

/// The script of the step with `id`.
fn step_script(id: &str) -> String {
    let action = action();
    let steps = action.path(&["runs", "steps"]).unwrap().items();
    let step = steps
        .iter()
        .find(|s| str_of(s, "id") == Some(id))
        .unwrap_or_else(|| panic!("no step `{id}`"));
    str_of(step, "run").unwrap().to_string()
}

/// The action's check step, run with bash as the runner runs it: inputs in `env:`,
/// `GITHUB_ACTIONS`, `GITHUB_OUTPUT` and `RUNNER_TEMP` set, the plimsoll under test on `PATH`.
fn run_check_step(dir: &Path, inputs: &[(&str, &str)]) -> (common::Output, String) {
    let script = dir.join("check-step.sh");
    std::fs::write(&script, step_script("check")).unwrap();
    let outputs = dir.join("github-output");
    std::fs::write(&outputs, "").unwrap();
    let runner_temp = dir.join("runner-temp");
    std::fs::create_dir_all(&runner_temp).unwrap();
    let work = dir.join("repo");
    let bin = Path::new(plimsoll().get_program())
        .parent()
        .unwrap()
        .to_path_buf();
    let path = std::env::join_paths(
        std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let mut cmd = std::process::Command::new("bash");
    // As the runner runs a `shell: bash` step.
    cmd.args(["--noprofile", "--norc", "-eo", "pipefail"])
        .arg(&script)
        .current_dir(&work)
        .env("PATH", path)
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_OUTPUT", &outputs)
        .env("RUNNER_TEMP", &runner_temp)
        .env_remove("NO_COLOR");
    for (name, default) in [
        ("PLIMSOLL_PATHS", ""),
        ("PLIMSOLL_ARGS", ""),
        ("PLIMSOLL_FAIL_ON", "warning"),
        ("PLIMSOLL_SARIF_FILE", ""),
        ("PLIMSOLL_UPLOAD_SARIF", "false"),
    ] {
        let value = inputs
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(default, |(_, v)| v);
        cmd.env(name, value);
    }
    let out = cmd.output().unwrap();
    let out = common::Output {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    };
    (out, std::fs::read_to_string(outputs).unwrap())
}

#[test]
fn action_check_step_prints_annotations_writes_sarif_and_records_the_exit_code() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "repo/docker/Dockerfile", LATEST);
    write(
        dir.path(),
        "repo/docker/Dockerfile.dev",
        "FROM python:3.12\nWORKDIR app\nUSER app\n",
    );
    write(dir.path(), "repo/other/Dockerfile", LATEST);

    // Defaults: the working directory, annotations, no SARIF; the step itself succeeds so
    // that the upload can run, and a later step fails the job with the recorded code.
    let (out, outputs) = run_check_step(dir.path(), &[]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout
            .contains("::warning file=docker/Dockerfile,line=1,col=6,"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("::warning file=other/Dockerfile,"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("Found 3 problems (3 warnings) in 3 of 3 files."),
        "{}",
        out.stdout
    );
    assert_eq!(outputs, "exit-code=1\nsarif-file=\n");

    // Paths on several lines, args split on blanks, fail-on, upload-sarif without a file.
    let (out, outputs) = run_check_step(
        dir.path(),
        &[
            (
                "PLIMSOLL_PATHS",
                "docker/Dockerfile\n  docker/Dockerfile.dev\n",
            ),
            ("PLIMSOLL_ARGS", "--select workdir-relative  --no-config"),
            ("PLIMSOLL_FAIL_ON", "error"),
            ("PLIMSOLL_UPLOAD_SARIF", "true"),
        ],
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout
            .contains("::warning file=docker/Dockerfile.dev,line=2,col=9,"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("base-image-latest"), "{}", out.stdout);
    let sarif = dir.path().join("runner-temp/plimsoll.sarif");
    assert!(sarif.is_file(), "{}", out.stdout);
    assert_eq!(
        outputs,
        format!("exit-code=0\nsarif-file={}\n", sarif.display())
    );

    // A relative sarif-file is relative to the working directory, and comes out absolute.
    let (out, outputs) = run_check_step(
        dir.path(),
        &[
            ("PLIMSOLL_SARIF_FILE", "plimsoll.sarif"),
            ("PLIMSOLL_PATHS", "other"),
        ],
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let sarif = dir.path().join("repo/plimsoll.sarif");
    assert!(sarif.is_file());
    let absolute = sarif.canonicalize().unwrap();
    assert_eq!(
        outputs,
        format!("exit-code=1\nsarif-file={}\n", absolute.display())
    );

    // No globbing: a `*` reaches plimsoll as it was written (and is a missing path).
    let (out, outputs) = run_check_step(dir.path(), &[("PLIMSOLL_PATHS", "*/Dockerfile")]);
    assert_eq!(out.code, 0);
    assert!(
        out.stderr
            .contains("*/Dockerfile: no such file or directory"),
        "{}",
        out.stderr
    );
    assert!(outputs.starts_with("exit-code=2\n"), "{outputs}");
}

#[test]
fn action_fail_step_exits_with_the_recorded_code() {
    let script = step_script_named("Fail on findings");
    for code in ["1", "2"] {
        let out = std::process::Command::new("bash")
            .args(["--noprofile", "--norc", "-eo", "pipefail", "-c"])
            .arg(&script)
            .env("CODE", code)
            .output()
            .unwrap();
        assert_eq!(out.status.code().unwrap().to_string(), code);
    }
}

fn step_script_named(name: &str) -> String {
    let action = action();
    let steps = action.path(&["runs", "steps"]).unwrap().items();
    let step = steps
        .iter()
        .find(|s| str_of(s, "name") == Some(name))
        .unwrap_or_else(|| panic!("no step `{name}`"));
    str_of(step, "run").unwrap().to_string()
}
