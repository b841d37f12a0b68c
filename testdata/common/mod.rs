//! What the CLI test files share: running the real `plimsoll` binary, writing temporary
//! trees, and finding the tools some tests need (helm), loudly when they are missing.

#![allow(dead_code)] // Each test file uses its own subset.

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};

/// The `plimsoll` binary with an environment that does not depend on the caller's.
pub fn plimsoll() -> Command {
    let mut cmd = Command::cargo_bin("plimsoll").expect("binary built");
    cmd.env_remove("NO_COLOR")
        .env_remove("GITHUB_ACTIONS")
        .env_remove("PLIMSOLL_HELM");
    cmd
}

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("runs");
    Output {
        code: out.status.code().expect("exited"),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    }
}

pub fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

pub fn testdata(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(path)
}

/// The helm binary of major version `major` (3 or 4): `$PLIMSOLL_TEST_HELM<major>`, else
/// `target/tools/helm<major>/helm` as `.ci/install-helm.sh` installs it. `None` means the test
/// cannot run: it says so loudly, and under CI (`CI` set) it fails instead.
pub fn helm(major: u32) -> Option<PathBuf> {
    let from_env = std::env::var_os(format!("PLIMSOLL_TEST_HELM{major}")).map(PathBuf::from);
    let installed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/tools/helm{major}/helm"));
    let found = from_env.or(Some(installed)).filter(|p| p.is_file());
    if found.is_none() {
        let message = format!(
            "helm {major} not found (run .ci/install-helm.sh or set PLIMSOLL_TEST_HELM{major}): this Helm test did NOT run"
        );
        assert!(std::env::var_os("CI").is_none(), "{message}");
        eprintln!("\n!!!!!!!! SKIPPED: {message} !!!!!!!!\n");
    }
    found
}

/// pre-commit: `$PLIMSOLL_TEST_PRE_COMMIT`, else `target/tools/pre-commit/bin/pre-commit` as
/// `.ci/install-pre-commit.sh` installs it. `None` means the test cannot run: it says so
/// loudly, and under CI (`CI` set) it fails instead.
pub fn pre_commit() -> Option<PathBuf> {
    let from_env = std::env::var_os("PLIMSOLL_TEST_PRE_COMMIT").map(PathBuf::from);
    let installed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tools/pre-commit/bin/pre-commit");
    let found = from_env.or(Some(installed)).filter(|p| p.is_file());
    if found.is_none() {
        let message = "pre-commit not found (run .ci/install-pre-commit.sh or set PLIMSOLL_TEST_PRE_COMMIT): this pre-commit test did NOT run";
        assert!(std::env::var_os("CI").is_none(), "{message}");
        eprintln!("\n!!!!!!!! SKIPPED: {message} !!!!!!!!\n");
    }
    found
}

/// Fails with the whole `text` when it lacks `needle`.
pub fn assert_contains(text: &str, needle: &str) {
    assert!(text.contains(needle), "expected {needle:?} in:\n{text}");
}
