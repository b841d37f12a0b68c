//! End to end in a real editor: headless Neovim runs the real `plimsoll-lsp` through its own
//! LSP client (`tests/neovim/lint.lua`), and the diagnostics are checked as Neovim reports
//! them (0-based lines, byte columns), before and after the buffer is edited.
//! Needs `nvim` on PATH (`.ci/install-neovim.sh`).

use serde_json::Value;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one Neovim run may take before it is killed.
const NVIM_TIMEOUT: Duration = Duration::from_secs(30);

/// The rules these tests enable, so that new rules elsewhere do not change what they see.
const CONFIG: &str = "select = [\"base-image-latest\", \"apt-get-missing-yes\", \"apt-get-unpinned\", \"container-image-latest\", \"privileged-container\"]\n";

/// `nvim` from PATH. `None` means the test cannot run: it says so loudly, and under CI (`CI`
/// set) it fails instead.
fn nvim() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path)
        .map(|dir| dir.join("nvim"))
        .find(|candidate| candidate.is_file());
    if found.is_none() {
        let message = "nvim not found (run .ci/install-neovim.sh): this Neovim test did NOT run";
        assert!(std::env::var_os("CI").is_none(), "{message}");
        // Straight to stderr: the test harness would capture `eprintln!` of a passing test.
        let _ = writeln!(
            std::io::stderr(),
            "\n!!!!!!!! SKIPPED: {message} !!!!!!!!\n"
        );
    }
    found
}

/// A diagnostic as compared: rule id, `[lnum, col, end_lnum, end_col]`, severity (1 error,
/// 2 warning, 3 info) and the first line of the message.
type Seen = (String, [u64; 4], u64, String);

/// What Neovim saw: the buffer's filetype and the diagnostics of each stage (the file as
/// written, then after each edit).
struct Session {
    filetype: String,
    stages: Vec<Vec<Seen>>,
}

/// Writes `text` to `name` in a fresh directory with [`CONFIG`], opens it in headless Neovim
/// and replaces the buffer with each of `edits` in turn.
fn lint_in_neovim(nvim: &Path, name: &str, text: &str, edits: &[&str]) -> Session {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("plimsoll.toml"), CONFIG).unwrap();
    std::fs::write(root.join(name), text).unwrap();
    let edit_files: Vec<String> = edits
        .iter()
        .enumerate()
        .map(|(i, edit)| {
            let path = root.join(format!("edit-{i}"));
            std::fs::write(&path, edit).unwrap();
            path.display().to_string()
        })
        .collect();
    let home = root.join("home");
    let output = root.join("diagnostics.json");
    let stderr_path = root.join("nvim.stderr");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/neovim/lint.lua");

    let mut child = Command::new(nvim)
        .args(["--headless", "--clean", "-n", "-i", "NONE", "-u"])
        .arg(&script)
        .arg(name)
        .current_dir(root)
        // Keep Neovim's logs and state (lsp.log among them) inside the test's directory.
        .env("XDG_CONFIG_HOME", &home)
        .env("XDG_CACHE_HOME", &home)
        .env("XDG_STATE_HOME", &home)
        .env("XDG_DATA_HOME", &home)
        .env("PLIMSOLL_LSP", env!("CARGO_BIN_EXE_plimsoll-lsp"))
        .env("PLIMSOLL_NVIM_OUTPUT", &output)
        .env("PLIMSOLL_NVIM_EDITS", edit_files.join(":"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(File::create(&stderr_path).unwrap())
        .spawn()
        .expect("nvim starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > NVIM_TIMEOUT {
            child.kill().unwrap();
            child.wait().unwrap();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let logs = || {
        let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
        let lsp_log = std::fs::read_to_string(home.join("nvim/lsp.log")).unwrap_or_default();
        format!("nvim stderr:\n{stderr}\nlsp.log:\n{lsp_log}")
    };
    match status {
        None => panic!("nvim did not finish in {NVIM_TIMEOUT:?}\n{}", logs()),
        Some(status) => assert!(status.success(), "nvim exited with {status}\n{}", logs()),
    }

    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(&output).unwrap_or_else(|e| panic!("{e}\n{}", logs())),
    )
    .unwrap();
    assert_eq!(
        report["timed_out"],
        Value::Array(vec![]),
        "stages without the diagnostics they waited for: {report}\n{}",
        logs()
    );
    assert_eq!(
        report["server_running"],
        true,
        "plimsoll-lsp stopped\n{}",
        logs()
    );
    let stages = report["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|stage| stage.as_array().unwrap().iter().map(seen).collect())
        .collect();
    Session {
        filetype: report["filetype"].as_str().unwrap().to_string(),
        stages,
    }
}

fn seen(d: &Value) -> Seen {
    assert_eq!(d["source"], "plimsoll", "{d}");
    let number = |key: &str| d[key].as_u64().unwrap_or_else(|| panic!("{key} in {d}"));
    (
        d["code"].as_str().unwrap().to_string(),
        [
            number("lnum"),
            number("col"),
            number("end_lnum"),
            number("end_col"),
        ],
        number("severity"),
        d["message"]
            .as_str()
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string(),
    )
}

fn expect(rule: &str, range: [u64; 4], severity: u64, message: &str) -> Seen {
    (rule.to_string(), range, severity, message.to_string())
}

#[test]
fn dockerfile_diagnostics_in_neovim() {
    let Some(nvim) = nvim() else { return };
    // The ship before `apt-get` is 4 bytes and 2 UTF-16 units: Neovim's columns are bytes, so
    // they are right only if the server's UTF-16 positions are.
    let session = lint_in_neovim(
        &nvim,
        "Dockerfile",
        "FROM ubuntu:latest\nRUN echo \"\u{1f6a2}\" && apt-get install curl\n",
        &[
            "FROM ubuntu:24.04\nRUN apt-get install -y curl\n",
            "FROM ubuntu:24.04\nRUN apt-get install -y curl=8.5.0-2ubuntu10\n",
        ],
    );
    assert_eq!(session.filetype, "dockerfile");
    assert_eq!(
        session.stages,
        [
            vec![
                expect(
                    "base-image-latest",
                    [0, 5, 0, 18],
                    2,
                    "base image `ubuntu:latest` uses the `latest` tag"
                ),
                expect(
                    "apt-get-missing-yes",
                    [1, 19, 1, 34],
                    2,
                    "`apt-get install` without `-y` may stop at its confirmation prompt"
                ),
                expect(
                    "apt-get-unpinned",
                    [1, 35, 1, 39],
                    2,
                    "package `curl` has no version"
                ),
            ],
            vec![expect(
                "apt-get-unpinned",
                [1, 23, 1, 27],
                2,
                "package `curl` has no version"
            )],
            vec![],
        ]
    );
}

#[test]
fn deployment_diagnostics_in_neovim() {
    let Some(nvim) = nvim() else { return };
    let deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n          securityContext:\n            privileged: true\n";
    let fixed = deployment
        .replace("nginx:latest", "nginx:1.27")
        .replace("privileged: true", "privileged: false");
    let session = lint_in_neovim(&nvim, "deploy.yaml", deployment, &[&fixed]);
    assert_eq!(session.filetype, "yaml");
    assert_eq!(
        session.stages,
        [
            vec![
                expect(
                    "container-image-latest",
                    [9, 23, 9, 29],
                    2,
                    "container `web` runs image `nginx:latest`, whose `latest` tag moves with every push"
                ),
                expect(
                    "privileged-container",
                    [11, 24, 11, 28],
                    1,
                    "container `web` runs privileged"
                ),
            ],
            vec![],
        ]
    );
}
