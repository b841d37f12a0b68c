//! CLI tests: run the real `plimsoll` binary on fixtures and temporary trees and check exit
//! codes, formats, stdin, config handling, suppressions, the walker and bad input.

mod common;

use common::{plimsoll, run, write};
use tempfile::TempDir;

fn project() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/cli/project")
}

/// A Dockerfile whose only finding is `base-image-latest` on 1:6.
const LATEST: &str = "FROM python:latest\nUSER app\n";

#[test]
fn walks_a_project_honouring_ignores_and_per_path_config() {
    let out = run(plimsoll()
        .current_dir(project())
        .args(["check", "--format", "concise"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    insta::assert_snapshot!(out.stdout, @r"
    .devcontainer/Dockerfile:1:6: warning [base-image-latest] base image `debian:latest` uses the `latest` tag
    app/Dockerfile:1:6: warning [base-image-latest] base image `python:latest` uses the `latest` tag
    Found 2 problems (2 warnings) in 2 of 4 files.
    ");
}

#[test]
fn human_output_shows_the_snippet_and_summary() {
    let out = run(plimsoll().current_dir(project()).args([
        "check",
        "app/Dockerfile",
        "--color",
        "never",
    ]));
    assert_eq!(out.code, 1);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn json_output_has_the_documented_shape() {
    let out = run(plimsoll()
        .current_dir(project())
        .args(["check", "app", "--format", "json"]));
    assert_eq!(out.code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("one JSON document");
    assert_eq!(doc["version"], 1);
    let d = &doc["diagnostics"][0];
    assert_eq!(d["rule"], "base-image-latest");
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["path"], "app/Dockerfile");
    assert_eq!(d["range"]["start"]["line"], 1);
    assert_eq!(d["range"]["start"]["column"], 6);
    assert_eq!(d["range"]["end"]["column"], 19);
    assert!(d["help"].as_str().unwrap().starts_with("pin a version"));
    assert_eq!(doc["summary"]["files"], 2);
    assert_eq!(doc["summary"]["warnings"], 1);
}

#[test]
fn exit_codes_follow_fail_on() {
    let clean = run(plimsoll()
        .current_dir(project())
        .args(["check", "app/clean.Dockerfile"]));
    assert_eq!(clean.code, 0);
    assert!(clean.stdout.contains("No problems found in 1 file."));
    let warn_only = run(plimsoll().current_dir(project()).args([
        "check",
        "app/Dockerfile",
        "--fail-on",
        "error",
        "-q",
    ]));
    assert_eq!(warn_only.code, 0);
    assert!(
        !warn_only.stdout.contains("Found"),
        "--quiet prints no summary"
    );
}

#[test]
fn missing_files_exit_2_after_linting_the_rest() {
    let out = run(plimsoll().current_dir(project()).args([
        "check",
        "nope/Dockerfile",
        "app/Dockerfile",
        "--format",
        "concise",
    ]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("error: nope/Dockerfile: no such file or directory"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("app/Dockerfile:1:6"));
}

#[test]
fn stdin_uses_the_given_file_name() {
    let out = run(plimsoll()
        .current_dir(project())
        .args([
            "check",
            "-",
            "--stdin-filename",
            "legacy/Dockerfile",
            "--format",
            "concise",
        ])
        .write_stdin(LATEST));
    // `legacy/**` ignores the rule through the project config found from the stdin name.
    assert_eq!(out.code, 0, "{}", out.stdout);
    let out = run(plimsoll()
        .args(["check", "-", "--no-config", "--format", "concise"])
        .write_stdin(LATEST));
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.starts_with("-:1:6: warning [base-image-latest]"),
        "{}",
        out.stdout
    );
}

#[test]
fn select_and_ignore_accept_ids_categories_and_peer_aliases() {
    let args = ["check", "app/Dockerfile", "--format", "concise", "-q"];
    let by_alias = run(plimsoll()
        .current_dir(project())
        .args(args)
        .args(["--ignore", "DL3007"]));
    assert_eq!((by_alias.code, by_alias.stdout.as_str()), (0, ""));
    let by_category = run(plimsoll()
        .current_dir(project())
        .args(args)
        .args(["--select", "style"]));
    assert_eq!(by_category.code, 0, "{}", by_category.stdout);
    let by_full_alias = run(plimsoll()
        .current_dir(project())
        .args(args)
        .args(["--select", "hadolint:DL3007"]));
    assert_eq!(by_full_alias.code, 1);
    let unknown = run(plimsoll()
        .current_dir(project())
        .args(args)
        .args(["--select", "base-image-latst"]));
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean `base-image-latest`?"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn config_errors_point_at_the_bad_key_and_other_files_still_run() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "good/Dockerfile", LATEST);
    write(dir.path(), "bad/Dockerfile", LATEST);
    write(
        dir.path(),
        "bad/plimsoll.toml",
        "select = [\"all\"]\nselct = [\"x\"]\n",
    );
    let out = run(plimsoll()
        .current_dir(dir.path())
        .args(["check", "--format", "concise"]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("plimsoll.toml:2:1: unknown field `selct`"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("good/Dockerfile:1:6"), "{}", out.stdout);
    assert!(!out.stdout.contains("bad/Dockerfile"));
}

#[test]
fn unknown_rule_ids_in_config_are_warnings_with_a_suggestion() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "Dockerfile", LATEST);
    write(
        dir.path(),
        ".plimsoll.toml",
        "ignore = [\"base-image-lates\"]\n\n[severity]\nbase-image-latest = \"error\"\n",
    );
    let out = run(plimsoll()
        .current_dir(dir.path())
        .args(["check", "--format", "concise"]));
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(".plimsoll.toml:1:11: unknown rule or group `base-image-lates`; did you mean `base-image-latest`?"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout.contains("error [base-image-latest]"),
        "severity override: {}",
        out.stdout
    );
    let bad_severity = TempDir::new().unwrap();
    write(bad_severity.path(), "Dockerfile", LATEST);
    write(
        bad_severity.path(),
        "plimsoll.toml",
        "[severity]\nbase-image-latest = \"fatal\"\n",
    );
    let out = run(plimsoll().current_dir(bad_severity.path()).arg("check"));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("plimsoll.toml:2:21: unknown severity `fatal`"),
        "{}",
        out.stderr
    );
}

#[test]
fn explicit_config_and_no_config() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "Dockerfile", LATEST);
    write(
        dir.path(),
        "plimsoll.toml",
        "ignore = [\"base-image-latest\"]\n",
    );
    write(
        dir.path(),
        "other.toml",
        "[severity]\nbase-image-latest = \"info\"\n",
    );
    let found = run(plimsoll()
        .current_dir(dir.path())
        .args(["check", "--format", "concise"]));
    assert_eq!(found.code, 0, "{}", found.stdout);
    let none = run(plimsoll().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "--format",
        "concise",
    ]));
    assert_eq!(none.code, 1);
    let other = run(plimsoll().current_dir(dir.path()).args([
        "check",
        "--config",
        "other.toml",
        "--format",
        "concise",
    ]));
    assert!(
        other.stdout.contains("info [base-image-latest]"),
        "{}",
        other.stdout
    );
    assert_eq!(other.code, 0, "info is below the default --fail-on warning");
    let missing = run(plimsoll()
        .current_dir(dir.path())
        .args(["check", "--config", "nope.toml"]));
    assert_eq!(missing.code, 2);
}

#[test]
fn suppressions_and_hadolint_pragmas() {
    let dir = TempDir::new().unwrap();
    let text = "# plimsoll: ignore[base-image-latest] -- pinned by renovate\nFROM python:latest\n# hadolint ignore=DL3007\nFROM node:latest\nFROM ruby:latest\nUSER app\n";
    write(dir.path(), "Dockerfile", text);
    let out = run(plimsoll()
        .current_dir(dir.path())
        .args(["check", "--format", "concise"]));
    assert_eq!(
        out.stdout
            .lines()
            .filter(|l| l.contains("[base-image-latest]"))
            .count(),
        1,
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Dockerfile:5:6"));
    write(dir.path(), "plimsoll.toml", "hadolint-pragmas = false\n");
    let out = run(plimsoll()
        .current_dir(dir.path())
        .args(["check", "--format", "concise"]));
    assert_eq!(
        out.stdout
            .lines()
            .filter(|l| l.contains("[base-image-latest]"))
            .count(),
        2,
        "{}",
        out.stdout
    );
    write(
        dir.path(),
        "Dockerfile",
        format!("# plimsoll: file-ignore[base-image-latest]\n{text}"),
    );
    let out = run(plimsoll()
        .current_dir(dir.path())
        .args(["check", "--format", "concise"]));
    assert_eq!(out.code, 0, "{}", out.stdout);
}

#[test]
fn gitignore_and_exclude_are_honoured() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "Dockerfile", "FROM alpine:3.20\nUSER app\n");
    write(dir.path(), "build/Dockerfile", LATEST);
    write(dir.path(), "vendor/Dockerfile", LATEST);
    write(dir.path(), "node_modules/x/Dockerfile", LATEST);
    write(dir.path(), ".gitignore", "build/\n");
    write(
        dir.path(),
        "plimsoll.toml",
        "extend-exclude = [\"vendor\"]\n",
    );
    let out = run(plimsoll()
        .current_dir(dir.path())
        .args(["check", "--format", "concise"]));
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("in 1 file"), "{}", out.stdout);
    // A file named on the command line is always linted.
    let out = run(plimsoll().current_dir(dir.path()).args([
        "check",
        "build/Dockerfile",
        "--format",
        "concise",
    ]));
    assert_eq!(out.code, 1);
}

#[test]
fn output_order_is_deterministic_across_thread_counts() {
    let dir = TempDir::new().unwrap();
    for i in 0..40 {
        write(
            dir.path(),
            &format!("d{}/s{i}/Dockerfile", i % 7),
            format!("FROM python:latest\nFROM node:latest AS n{i}\n"),
        );
    }
    let one = run(plimsoll().current_dir(dir.path()).args([
        "check",
        "--threads",
        "1",
        "--format",
        "concise",
    ]));
    for threads in ["2", "8"] {
        let many = run(plimsoll().current_dir(dir.path()).args([
            "check",
            "--threads",
            threads,
            "--format",
            "concise",
        ]));
        assert_eq!(one.stdout, many.stdout);
    }
    let paths: Vec<&str> = one
        .stdout
        .lines()
        .filter_map(|l| l.split(':').next())
        .filter(|p| p.ends_with("Dockerfile"))
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
}

#[test]
fn bad_input_is_reported_and_never_stops_the_run() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "empty/Dockerfile", "");
    write(
        dir.path(),
        "binary/Dockerfile",
        b"\x7fELF\x02\x01\x01\x00\x00\x00binary",
    );
    write(
        dir.path(),
        "latin1/Dockerfile",
        b"FROM alpine:3.20\nLABEL author=\"Fran\xe7ois\"\nFROM python:latest\n",
    );
    write(
        dir.path(),
        "heredoc/Dockerfile",
        "FROM alpine:3.20\nRUN <<EOF\necho unterminated\n",
    );
    write(
        dir.path(),
        "json/Dockerfile",
        "FROM alpine:3.20\nCMD [\"sh\", \"-c\"\nFROM python:latest\n",
    );
    write(
        dir.path(),
        "continuation/Dockerfile",
        "FROM python:latest\nRUN echo \\",
    );
    write(
        dir.path(),
        "crlf-bom/Dockerfile",
        "\u{feff}FROM python:latest\r\nRUN echo hi\r\n",
    );
    let big = "FROM alpine:3.20\n".to_string()
        + &"RUN apk add --no-cache curl=8.5.0-r0 && echo done \\\n    && true\n".repeat(400_000);
    assert!(big.len() > 20_000_000);
    write(dir.path(), "huge/Dockerfile", &big);
    // Over the default `max-file-size`: linted here to show a huge file is no problem.
    write(dir.path(), "plimsoll.toml", "max-file-size = \"64MiB\"\n");
    let out = run(plimsoll()
        .current_dir(dir.path())
        .args(["check", "--format", "concise"]));
    assert_eq!(out.code, 2, "the binary file is an error");
    assert_eq!(
        out.stderr.trim(),
        "error: binary/Dockerfile: binary file (NUL byte at offset 7), not linted"
    );
    insta::assert_snapshot!(out.stdout, @r"
    continuation/Dockerfile:1:1: warning [image-runs-as-root] the final stage sets no `USER`, so the container runs as the default user of `python:latest`, root unless that image sets another
    continuation/Dockerfile:1:6: warning [base-image-latest] base image `python:latest` uses the `latest` tag
    continuation/Dockerfile:2:10: warning [dangling-line-continuation] line continuation `\` at the end of the file continues nothing
    crlf-bom/Dockerfile:1:1: warning [image-runs-as-root] the final stage sets no `USER`, so the container runs as the default user of `python:latest`, root unless that image sets another
    crlf-bom/Dockerfile:1:6: warning [base-image-latest] base image `python:latest` uses the `latest` tag
    heredoc/Dockerfile:1:1: warning [image-runs-as-root] the final stage sets no `USER`, so the container runs as the default user of `alpine:3.20`, root unless that image sets another
    heredoc/Dockerfile:2:5: error [parse-error] heredoc `EOF` is never terminated: no line `EOF` follows
    huge/Dockerfile:1:1: warning [image-runs-as-root] the final stage sets no `USER`, so the container runs as the default user of `alpine:3.20`, root unless that image sets another
    json/Dockerfile:2:5: error [exec-form-invalid-json] `CMD` arguments are not a valid JSON array (the `[` is never closed), so Docker runs them as a shell command
    json/Dockerfile:3:1: warning [image-runs-as-root] the final stage sets no `USER`, so the container runs as the default user of `python:latest`, root unless that image sets another
    json/Dockerfile:3:6: warning [base-image-latest] base image `python:latest` uses the `latest` tag
    latin1/Dockerfile:2:19: warning [parse-error] the file is not valid UTF-8 here; invalid bytes were read as U+FFFD
    latin1/Dockerfile:3:1: warning [image-runs-as-root] the final stage sets no `USER`, so the container runs as the default user of `python:latest`, root unless that image sets another
    latin1/Dockerfile:3:6: warning [base-image-latest] base image `python:latest` uses the `latest` tag
    Found 14 problems (2 errors, 12 warnings) in 6 of 7 files; 1 file could not be linted.
    ");
}

#[test]
fn rules_lists_every_rule_as_a_table_or_json() {
    let out = run(plimsoll().args(["rules", "--format", "json"]));
    assert_eq!(out.code, 0);
    let rules: Vec<serde_json::Value> = serde_json::from_str(&out.stdout).unwrap();
    assert!(rules.len() >= 3);
    let latest = rules
        .iter()
        .find(|r| r["id"] == "base-image-latest")
        .unwrap();
    for key in [
        "id", "title", "severity", "category", "kind", "fixable", "aliases",
    ] {
        assert!(latest.get(key).is_some(), "missing `{key}`");
    }
    assert_eq!(latest["kind"], "dockerfile");
    assert!(latest["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "hadolint:DL3007"));
    let table = run(plimsoll().arg("rules"));
    assert!(table.stdout.lines().next().unwrap().starts_with("ID "));
    assert!(table.stdout.contains("base-image-latest"));
}

#[test]
fn rule_prints_a_page_by_id_or_alias() {
    let out = run(plimsoll().args(["rule", "DL3007"]));
    assert_eq!(out.code, 0);
    assert!(out.stdout.starts_with("# base-image-latest\n"));
    assert!(out.stdout.contains("severity: **warning**"));
    assert!(out.stdout.contains("## Why is this bad?"));
    let unknown = run(plimsoll().args(["rule", "base-image-lates"]));
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("did you mean `base-image-latest`?"));
}

#[test]
fn statistics_count_findings_per_rule() {
    let out = run(plimsoll()
        .current_dir(project())
        .args(["check", "--statistics"]));
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.starts_with("     2  base-image-latest"),
        "{}",
        out.stdout
    );
}

#[test]
fn config_adds_dockerfile_names_and_dot_ignore_files_are_honoured() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "images/api.dockerfile.in", LATEST);
    write(dir.path(), "skipped/Dockerfile", LATEST);
    write(dir.path(), ".ignore", "skipped/\n");
    let before = run(plimsoll()
        .current_dir(dir.path())
        .args(["check", "--format", "concise"]));
    assert_eq!(before.code, 0, "{}", before.stdout);
    write(
        dir.path(),
        "plimsoll.toml",
        "[dockerfile]\npatterns = [\"*.dockerfile.in\"]\n",
    );
    let after = run(plimsoll()
        .current_dir(dir.path())
        .args(["check", "--format", "concise"]));
    assert!(
        after.stdout.starts_with("images/api.dockerfile.in:1:6:"),
        "{}",
        after.stdout
    );
}

#[test]
fn rule_option_errors_point_at_the_option() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "Dockerfile", "FROM python:3.12\n");
    write(dir.path(), "plimsoll.toml", "[rules.base-image-latest]\nx = 1\n\n[rules.base-image-untrusted]\ntrusted-registrys = [\"a.io\"]\n");
    let out = run(plimsoll().current_dir(dir.path()).arg("check"));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("plimsoll.toml:1:8: rule `base-image-latest` has no options"),
        "{}",
        out.stderr
    );
}

/// The paths of concise output, one per finding.
fn finding_paths(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .filter_map(|line| line.split_once(":1:6: ").map(|(path, _)| path))
        .collect()
}

#[test]
fn output_follows_the_documented_order() {
    let dir = TempDir::new().unwrap();
    for name in [
        "walk/z.Dockerfile",
        "walk/b.Dockerfile",
        "walk/a/Dockerfile",
        "walk/a/c.Dockerfile",
        "walk/a/b/Dockerfile",
        "walk/c/Dockerfile",
        "extra/Dockerfile",
        "extra/Aa.Dockerfile",
    ] {
        write(dir.path(), name, LATEST);
    }
    let out = run(plimsoll()
        .current_dir(dir.path())
        .args([
            "check",
            "walk",
            "walk/a",
            "walk/a/Dockerfile",
            "extra/Dockerfile",
            "extra/Aa.Dockerfile",
            "./extra/Dockerfile",
            "-",
            "--no-config",
            "--format",
            "concise",
        ])
        .write_stdin(LATEST));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        finding_paths(&out.stdout),
        [
            // Standard input, then the named files by folder and name (each once)...
            "-",
            "extra/Aa.Dockerfile",
            "extra/Dockerfile",
            "walk/a/Dockerfile",
            // ...then the walk: a folder's files by name before its subfolders by name;
            // `walk/a` is inside `walk`, and `walk/a/Dockerfile` was named.
            "walk/b.Dockerfile",
            "walk/z.Dockerfile",
            "walk/a/c.Dockerfile",
            "walk/a/b/Dockerfile",
            "walk/c/Dockerfile",
        ],
        "{}",
        out.stdout
    );
}

#[test]
fn cross_object_rules_relate_the_objects_of_one_folder() {
    let dir = TempDir::new().unwrap();
    let deployment = |app: &str| {
        format!("apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {app}}}\nspec:\n  selector: {{matchLabels: {{app: {app}}}}}\n  template:\n    metadata: {{labels: {{app: {app}}}}}\n    spec:\n      containers: [{{name: {app}, image: 'nginx:1.27'}}]\n")
    };
    let service = |app: &str| {
        format!("apiVersion: v1\nkind: Service\nmetadata: {{name: {app}}}\nspec:\n  selector: {{app: {app}}}\n  ports: [{{port: 80}}]\n")
    };
    // `a/`'s Service selects pods that only `b/` has; `c/` has both.
    write(dir.path(), "a/web.yaml", deployment("web"));
    write(dir.path(), "a/svc.yaml", service("api"));
    write(dir.path(), "b/api.yaml", deployment("api"));
    write(dir.path(), "c/api.yaml", deployment("api"));
    write(dir.path(), "c/svc.yaml", service("api"));
    let check = |paths: &[&str]| {
        run(plimsoll()
            .current_dir(dir.path())
            .arg("check")
            .args(paths)
            .args(["--no-config", "--select", "service-selects-no-pods"])
            .args(["--format", "concise", "-q"]))
    };
    let walked = check(&["."]);
    assert_eq!(
        walked.stdout,
        "a/svc.yaml:5:13: warning [service-selects-no-pods] no pod template in the input matches the selector `app=api`\n",
    );
    // Named files relate by folder too.
    assert_eq!(
        check(&["a/svc.yaml", "b/api.yaml", "a/web.yaml"]).stdout,
        walked.stdout
    );
    let together = check(&["c/svc.yaml", "c/api.yaml"]);
    assert_eq!((together.code, together.stdout.as_str()), (0, ""));
}

#[test]
fn output_is_the_same_for_any_number_of_threads() {
    let fixtures = ["dockerfile", "kubernetes", "helm"].map(common::testdata);
    let output = |threads: &str, format: &str| {
        let out = run(plimsoll()
            .args([
                "check",
                "--no-config",
                "--select",
                "all",
                "--color",
                "never",
            ])
            .args(&fixtures)
            .args(["--threads", threads, "--format", format]));
        assert_eq!(out.code, 1, "{}", out.stderr);
        (out.stdout, out.stderr)
    };
    for format in ["json", "human"] {
        let one = output("1", format);
        assert!(one.0.len() > 10_000, "{format}: {}", one.0);
        for _ in 0..3 {
            assert!(
                output("8", format) == one,
                "{format}: output differs with 8 threads"
            );
        }
    }
}
