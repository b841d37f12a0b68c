//! Robustness and benchmark-support tests of the real binary: hostile inputs (binary, NUL,
//! invalid UTF-8, huge files, FIFOs, symlink loops, unreadable folders, vanishing files),
//! deterministic output across thread counts, panic safety, and the hidden `--no-rules`.

mod common;

use common::{assert_contains, plimsoll, run, write};
use tempfile::TempDir;

/// `plimsoll check --no-config --format concise` in `dir`.
fn concise(dir: &TempDir) -> assert_cmd::Command {
    let mut cmd = plimsoll();
    cmd.current_dir(dir.path())
        .args(["check", "--no-config", "--format", "concise"]);
    cmd
}

/// `--no-rules` still reads and parses every file (a broken file is still counted) but
/// reports nothing: the benchmarks' "parse only" run.
#[test]
fn no_rules_parses_but_reports_nothing() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "Dockerfile", "FROM python:latest\n");
    write(
        dir.path(),
        "deploy.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n",
    );
    let args = ["check", "--no-config", "--format", "concise"];
    let with_rules = run(plimsoll().current_dir(dir.path()).args(args));
    assert_eq!(with_rules.code, 1, "{}", with_rules.stderr);
    let without = run(plimsoll()
        .current_dir(dir.path())
        .args(args)
        .arg("--no-rules"));
    assert_eq!(without.code, 0, "{}", without.stderr);
    assert_eq!(without.stdout, "No problems found in 2 files.\n");
}

/// A crash in one rule on one file is an `internal-error` finding naming the rule; the other
/// rules' findings and the other files are still reported, and the run exits 2.
#[test]
fn a_crashing_rule_is_reported_and_the_run_goes_on() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a/Dockerfile", "FROM python:latest\nUSER app\n");
    write(dir.path(), "b/Dockerfile", "FROM python:3.12\n");
    let out = run(concise(&dir).env("PLIMSOLL_TEST_PANIC", "base-image-latest"));
    assert_eq!(out.code, 2, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(lines.contains(&"a/Dockerfile:1:1: error [internal-error] rule `base-image-latest` crashed on this file (a panic requested by PLIMSOLL_TEST_PANIC=base-image-latest); the other rules ran, but `base-image-latest` findings here are missing"), "{}", out.stdout);
    // The other rules still ran on both files.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("b/Dockerfile:1:1: warning [image-runs-as-root]")),
        "{}",
        out.stdout
    );
    assert_contains(
        &out.stderr,
        "error: a/Dockerfile: internal error: rule `base-image-latest` crashed",
    );
}

/// A crash of the parser leaves the file unlinted, reported, and the other kind of file
/// still linted; also a crashing cross-object rule.
#[test]
fn a_crashing_parser_or_cross_object_rule_is_contained() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "Dockerfile", "FROM python:latest\n");
    let out = run(plimsoll()
        .current_dir(dir.path())
        .env("PLIMSOLL_TEST_PANIC", "parser")
        .args(["check", "--no-config", "--format", "json"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let rules: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["internal-error"]);

    write(
        dir.path(),
        "svc.yaml",
        "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n",
    );
    let out = run(concise(&dir)
        .env("PLIMSOLL_TEST_PANIC", "service-selects-no-pods")
        .args(["svc.yaml"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_contains(
        &out.stdout,
        "svc.yaml:1:1: error [internal-error] rule `service-selects-no-pods` crashed",
    );
}

/// "Billion laughs": aliases that would expand to gigabytes are a located error, fast.
#[test]
fn a_yaml_alias_bomb_is_a_located_error() {
    let dir = TempDir::new().unwrap();
    let mut bomb = String::from("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\n");
    bomb.push_str("x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        bomb.push_str(&format!("x{i}: &a{i} [{refs}]\n"));
    }
    write(dir.path(), "bomb.yaml", &bomb);
    let out = run(concise(&dir).args(["bomb.yaml"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_contains(&out.stdout, "[parse-error]");
}

/// 10,000 levels of nesting in YAML and in a Dockerfile's shell: no stack overflow.
#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let dir = TempDir::new().unwrap();
    let deep = 10_000;
    write(
        dir.path(),
        "deep.yaml",
        format!(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: x}}\ndata:\n  a: {}1{}\n",
            "{a: ".repeat(deep),
            "}".repeat(deep)
        ),
    );
    write(
        dir.path(),
        "flow.yaml",
        format!("a: {}{}\n", "[".repeat(deep), "]".repeat(deep)),
    );
    write(
        dir.path(),
        "Dockerfile",
        format!(
            "FROM alpine:3.20\nUSER app\nRUN {}true{}\nRUN echo {}x{}\n",
            "(".repeat(deep),
            ")".repeat(deep),
            "$(".repeat(deep / 4),
            ")".repeat(deep / 4)
        ),
    );
    let out = run(concise(&dir).args(["--show-skipped"]));
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    assert_contains(
        &out.stdout,
        "deep.yaml:1:1: error [parse-error] the document nests deeper than",
    );
    assert_contains(&out.stderr, "flow.yaml: not a Kubernetes manifest");
}

/// A file over `max-file-size` is not read (a sparse 100 MB file costs nothing), with a
/// clear message even among many files; the others are linted and the exit code is theirs.
#[test]
fn files_over_max_file_size_are_skipped_unread_with_a_message() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "Dockerfile", "FROM python:latest\nUSER app\n");
    write(
        dir.path(),
        "small.yaml",
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n",
    );
    let big = std::fs::File::create(dir.path().join("huge.yaml")).unwrap();
    big.set_len(100 * 1000 * 1000).unwrap();
    let out = run(&mut concise(&dir));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_contains(&out.stderr, "skipped: huge.yaml: 95.4 MiB, over `max-file-size` (10.0 MiB), so it was not read; raise `max-file-size` in plimsoll.toml to lint it");
    assert!(out
        .stdout
        .contains("Dockerfile:1:6: warning [base-image-latest]"));
    assert_contains(&out.stdout, "(1 skipped)");

    // The limit is configurable, with units; a bad value is a located config error.
    write(dir.path(), "plimsoll.toml", "max-file-size = \"20 B\"\n");
    let out = run(plimsoll().current_dir(dir.path()).args([
        "check",
        "--format",
        "concise",
        "Dockerfile",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_contains(
        &out.stderr,
        "skipped: Dockerfile: 28 B, over `max-file-size` (20 B)",
    );
    write(dir.path(), "plimsoll.toml", "max-file-size = \"big\"\n");
    let out = run(plimsoll().current_dir(dir.path()).args([
        "check",
        "--format",
        "concise",
        "Dockerfile",
    ]));
    assert_eq!(out.code, 2);
    assert_contains(
        &out.stderr,
        "plimsoll.toml:1:17: max-file-size: `big` does not start with a number",
    );
}

/// Binary files and NUL bytes are refused with the offset; invalid UTF-8 is read lossily
/// with a located warning at the first bad byte. Neither stops the other files.
#[test]
fn binary_and_invalid_utf8_files_are_reported_with_their_place() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "Dockerfile",
        b"FROM alpine:3.20\x00\x01\x02\n".as_slice(),
    );
    write(
        dir.path(),
        "app/Dockerfile",
        b"FROM alpine:3.20\nUSER app\nLABEL x=\"caf\xe9\"\n".as_slice(),
    );
    write(
        dir.path(),
        "ok/Dockerfile",
        "FROM python:latest\nUSER app\n",
    );
    let out = run(&mut concise(&dir));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_contains(
        &out.stderr,
        "error: Dockerfile: binary file (NUL byte at offset 16), not linted",
    );
    assert_contains(
        &out.stdout,
        "app/Dockerfile:3:13: warning [parse-error] the file is not valid UTF-8 here",
    );
    assert!(out
        .stdout
        .contains("ok/Dockerfile:1:6: warning [base-image-latest]"));
}

/// Symlinks are not followed while walking, so a symlink loop in the tree cannot trap the
/// walk; a loop named on the command line is an error with the system's reason.
#[test]
fn symlink_loops_neither_hang_nor_stop_the_run() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "app/Dockerfile",
        "FROM python:latest\nUSER app\n",
    );
    std::os::unix::fs::symlink("..", dir.path().join("app/up")).unwrap();
    std::os::unix::fs::symlink("loop-b.yaml", dir.path().join("loop-a.yaml")).unwrap();
    std::os::unix::fs::symlink("loop-a.yaml", dir.path().join("loop-b.yaml")).unwrap();
    let out = run(concise(&dir).arg("--show-skipped"));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_contains(&out.stdout, "app/Dockerfile:1:6");
    assert_contains(&out.stderr, "skipped: loop-a.yaml: a symbolic link: walks do not follow links; name it on the command line to lint it");
    let out = run(concise(&dir).args(["loop-a.yaml", "app/Dockerfile"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_contains(
        &out.stderr,
        "error: loop-a.yaml: Too many levels of symbolic links",
    );
    assert_contains(&out.stdout, "app/Dockerfile:1:6");
}

/// A FIFO in the tree is never opened (opening one blocks until a writer comes): it is
/// counted as skipped, and the run finishes.
#[test]
fn a_fifo_in_the_tree_never_blocks() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "Dockerfile", "FROM python:latest\nUSER app\n");
    let fifo = dir.path().join("deploy.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let out = run(concise(&dir)
        .timeout(std::time::Duration::from_secs(30))
        .args(["--show-skipped"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_contains(&out.stdout, "Dockerfile:1:6");
    assert_contains(
        &out.stderr,
        "skipped: deploy.yaml: a FIFO: never opened while walking, since reading it could block",
    );
}

/// A file that disappears between the walk and the read is an error naming it (exit 2),
/// after the other files were linted.
#[test]
fn a_file_that_vanishes_before_it_is_read_is_an_error() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a/Dockerfile", "FROM python:latest\nUSER app\n");
    write(
        dir.path(),
        "b/gone.yaml",
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n",
    );
    let out = run(concise(&dir).env("PLIMSOLL_TEST_VANISH", "gone.yaml"));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_contains(&out.stderr, "error: b/gone.yaml: No such file or directory");
    assert!(!dir.path().join("b/gone.yaml").exists());
    assert_contains(&out.stdout, "a/Dockerfile:1:6");
}

/// A folder that cannot be read is an error naming it (exit 2); everything else is linted.
/// Permissions do not bind root, so as root the binary runs as `nobody` through `setpriv`.
#[test]
fn an_unreadable_folder_is_an_error_and_the_rest_is_linted() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    write(
        dir.path(),
        "ok/Dockerfile",
        "FROM python:latest\nUSER app\n",
    );
    write(dir.path(), "secret/Dockerfile", "FROM python:latest\n");
    for sub in ["", "ok", "ok/Dockerfile"] {
        let mode = if sub.ends_with("Dockerfile") {
            0o644
        } else {
            0o755
        };
        std::fs::set_permissions(dir.path().join(sub), std::fs::Permissions::from_mode(mode))
            .unwrap();
    }
    std::fs::set_permissions(
        dir.path().join("secret"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let binary = assert_cmd::cargo::cargo_bin("plimsoll");
    let as_root = std::fs::metadata("/proc/self").map(|m| {
        use std::os::unix::fs::MetadataExt;
        m.uid() == 0
    });
    // A copy beside the tree, which `nobody` can reach wherever the checkout lives.
    let bin_dir = TempDir::new().unwrap();
    std::fs::set_permissions(bin_dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut cmd = if as_root.unwrap_or(false) {
        let copy = bin_dir.path().join("plimsoll");
        std::fs::copy(&binary, &copy).unwrap();
        let mut c = assert_cmd::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&copy);
        c
    } else {
        assert_cmd::Command::new(&binary)
    };
    let out = run(cmd
        .current_dir(dir.path())
        .env_remove("GITHUB_ACTIONS")
        .args(["check", "--no-config", "--format", "concise"]));
    std::fs::set_permissions(
        dir.path().join("secret"),
        std::fs::Permissions::from_mode(0o755),
    )
    .unwrap();
    assert_eq!(out.code, 2, "{}\n{}", out.stdout, out.stderr);
    assert_contains(&out.stderr, "secret");
    assert_contains(&out.stderr, "Permission denied");
    assert_contains(&out.stdout, "ok/Dockerfile:1:6");
}

/// The same input gives byte-identical output with one thread and with eight, run after
/// run: the Kubernetes fixtures (hundreds of files), with every rule on, cross-object included.
#[test]
fn output_is_identical_across_thread_counts_and_runs() {
    let root = common::testdata("");
    let outputs: Vec<String> = (0..20)
        .map(|i| {
            let threads = if i % 2 == 0 { "1" } else { "8" };
            let out = run(plimsoll().current_dir(&root).args([
                "check",
                "kubernetes",
                "general",
                "--no-config",
                "--select",
                "all",
                "--format",
                "json",
                "--threads",
                threads,
            ]));
            assert_eq!(out.code, 1, "{}", out.stderr);
            out.stdout
        })
        .collect();
    assert!(
        outputs[0].len() > 100_000,
        "the fixtures give many findings"
    );
    for (i, output) in outputs.iter().enumerate() {
        assert!(output == &outputs[0], "run {i} differs from run 0");
    }
}
