//! Robustness and benchmark-support tests of the real binary: hostile inputs (binary, NUL,
//! invalid UTF-8, huge files, FIFOs, symlink loops, unreadable folders, vanishing files),
//! deterministic output across thread counts, panic safety, and the hidden `--no-rules`.

mod common;

use common::{plimsoll, run, write};
use tempfile::TempDir;

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
