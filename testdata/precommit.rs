//! The hooks of `.pre-commit-hooks.yaml`, run by a real pre-commit (installed by
//! `.ci/install-pre-commit.sh`; without it a test says so loudly, and fails under CI) on real
//! `git commit`s in temporary repositories, against this checkout.
//!
//! pre-commit installs hooks from a git repository at a revision. The tests copy the files
//! of this checkout (tracked and untracked, not ignored: the work in progress too) into
//! `target/precommit/hook-repo` and commit them with fixed dates, so the revision depends on
//! the content only; each temporary repository's `.pre-commit-config.yaml` points at that path
//! and revision, and `git commit` runs the hook that `pre-commit install` wrote. Nothing is
//! fetched: the hook repository is a local path, and the `plimsoll` hook's cargo build runs
//! offline from the crates the test build already downloaded.
//!
//! - `plimsoll-system` runs the freshly built binary, put first on `PATH`.
//! - `plimsoll` (`language: rust`) is built by pre-commit with `cargo install`, in release:
//!   about 75 s on two cores the first time, about 30 s after a source change (the build
//!   directory `target/precommit/cargo-target` keeps the dependencies), nothing while the
//!   source is unchanged (pre-commit's store, `target/precommit/home-<rev>`, keeps the
//!   installed hook; stores of older revisions are removed).

mod common;

use common::{plimsoll, run, write};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Instant;
use tempfile::TempDir;

/// A Dockerfile whose only finding is `base-image-latest` on 1:6.
const LATEST: &str = "FROM python:latest\nUSER app\n";
const CLEAN_DOCKERFILE: &str = "FROM python:3.12-slim\nUSER app\n";

/// A Deployment that is clean under the default rules.
const CLEAN_DEPLOYMENT: &str = "apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      securityContext:
        runAsNonRoot: true
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: web
          image: registry.example.com/shop/web:1.4.2
          ports:
            - {name: http, containerPort: 8000}
          readinessProbe:
            httpGet: {path: /healthz, port: http}
          livenessProbe:
            tcpSocket: {port: http}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 128Mi}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {drop: [ALL]}
";

/// [`CLEAN_DEPLOYMENT`] with one finding: `privileged-container`.
fn privileged_deployment() -> String {
    CLEAN_DEPLOYMENT.replace(
        "            allowPrivilegeEscalation: false\n",
        "            allowPrivilegeEscalation: false\n            privileged: true\n",
    )
}

/// No user or system git configuration (no global hooks path, signing or templates) and
/// none of the `GIT_*` variables of a caller that is itself inside a git hook.
fn isolate_from_git_config(cmd: &mut Command) {
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("GIT_") {
            cmd.env_remove(key);
        }
    }
    cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1");
}

fn git(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir);
    isolate_from_git_config(&mut cmd);
    cmd
}

fn git_ok(dir: &Path, args: &[&str]) -> String {
    let out = git(dir).args(args).output().expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} in {}: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .trim()
        .to_string()
}

fn init_repo(dir: &Path) {
    git_ok(dir, &["init", "--quiet", "--initial-branch=main"]);
    for (key, value) in [
        ("user.name", "plimsoll tests"),
        ("user.email", "tests@plimsoll.invalid"),
        ("commit.gpgsign", "false"),
        ("core.autocrlf", "false"),
    ] {
        git_ok(dir, &["config", key, value]);
    }
}

/// This checkout as a hook repository pre-commit can install from.
struct HookRepo {
    path: PathBuf,
    rev: String,
    /// `PRE_COMMIT_HOME`: pre-commit's store, one per revision.
    home: PathBuf,
}

fn hook_repo() -> &'static HookRepo {
    static REPO: OnceLock<HookRepo> = OnceLock::new();
    REPO.get_or_init(|| {
        let checkout = Path::new(env!("CARGO_MANIFEST_DIR"));
        let work = checkout.join("target/precommit");
        let path = work.join("hook-repo");
        if path.exists() {
            std::fs::remove_dir_all(&path).unwrap();
        }
        std::fs::create_dir_all(&path).unwrap();
        let listed = git(checkout)
            .args([
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
            ])
            .output()
            .expect("git runs");
        assert!(
            listed.status.success(),
            "the pre-commit tests copy this checkout's files with `git ls-files`: {}",
            String::from_utf8_lossy(&listed.stderr)
        );
        for name in String::from_utf8(listed.stdout).unwrap().split('\0') {
            let from = checkout.join(name);
            // Deleted but still tracked files, and submodules, are not copied.
            if name.is_empty() || !from.is_file() {
                continue;
            }
            let to = path.join(name);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(&from, &to).unwrap();
        }
        init_repo(&path);
        git_ok(&path, &["add", "--all"]);
        // Fixed names and dates: the same content gives the same revision, so pre-commit's
        // store (and its built `plimsoll` hook) is reused until the source changes.
        let out = git(&path)
            .args([
                "commit",
                "--quiet",
                "--no-verify",
                "-m",
                "plimsoll under test",
            ])
            .env("GIT_AUTHOR_DATE", "2000-01-01T00:00:00Z")
            .env("GIT_COMMITTER_DATE", "2000-01-01T00:00:00Z")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let rev = git_ok(&path, &["rev-parse", "HEAD"]);
        let home_name = format!("home-{}", &rev[..12]);
        for entry in std::fs::read_dir(&work).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with("home-") && name != home_name {
                std::fs::remove_dir_all(entry.path()).unwrap();
            }
        }
        HookRepo {
            path,
            rev,
            home: work.join(home_name),
        }
    })
}

/// A temporary git repository with pre-commit installed for one hook of this checkout.
struct Project {
    dir: TempDir,
    pre_commit: PathBuf,
    /// `PATH` for pre-commit and git.
    path: OsString,
}

/// `PATH` without the directories that hold a `plimsoll`, with `first` in front.
fn search_path(first: Option<&Path>) -> OsString {
    let current = std::env::var_os("PATH").unwrap_or_default();
    let kept = std::env::split_paths(&current).filter(|dir| !dir.join("plimsoll").exists());
    std::env::join_paths(first.map(Path::to_path_buf).into_iter().chain(kept)).unwrap()
}

impl Project {
    /// `hook` from this checkout with `args` (none: the hook's own), installed as the
    /// repository's pre-commit hook. `path` is the `PATH` the hooks run with.
    fn new(pre_commit: &Path, hook: &str, args: Option<&[&str]>, path: OsString) -> Project {
        let repo = hook_repo();
        let dir = TempDir::new().unwrap();
        init_repo(dir.path());
        let mut config = format!(
            "repos:\n  - repo: {}\n    rev: {}\n    hooks:\n      - id: {hook}\n",
            serde_json::to_string(&repo.path).unwrap(),
            repo.rev
        );
        if let Some(args) = args {
            config.push_str(&format!(
                "        args: {}\n",
                serde_json::to_string(args).unwrap()
            ));
        }
        write(dir.path(), ".pre-commit-config.yaml", config);
        git_ok(dir.path(), &["add", ".pre-commit-config.yaml"]);
        git_ok(
            dir.path(),
            &["commit", "--quiet", "-m", "pre-commit config"],
        );
        let project = Project {
            dir,
            pre_commit: pre_commit.to_path_buf(),
            path,
        };
        let out = project.pre_commit(&["install"]);
        assert_eq!(
            out.code, 0,
            "pre-commit install: {}{}",
            out.stdout, out.stderr
        );
        project
    }

    /// The environment of pre-commit and of the hooks it runs.
    fn env(&self, cmd: &mut Command) {
        let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/precommit");
        cmd.env("PATH", &self.path)
            .env("PRE_COMMIT_HOME", &hook_repo().home)
            .env("PRE_COMMIT_COLOR", "never")
            .env_remove("SKIP")
            .env_remove("PRE_COMMIT_ALLOW_NO_CONFIG")
            .env_remove("GITHUB_ACTIONS")
            .env_remove("NO_COLOR")
            // For the `plimsoll` hook's `cargo install`: dependencies built once, and no
            // network (the crates are in cargo's cache since the test build).
            .env("CARGO_TARGET_DIR", target.join("cargo-target"))
            .env("CARGO_NET_OFFLINE", "true")
            .env("CARGO_TERM_COLOR", "never");
    }

    fn pre_commit(&self, args: &[&str]) -> common::Output {
        let mut pc = Command::new(&self.pre_commit);
        pc.current_dir(self.dir.path());
        isolate_from_git_config(&mut pc);
        self.env(&mut pc);
        output(pc.args(args))
    }

    /// Writes `files`, stages them and runs `git commit` (and so the hook).
    fn commit(&self, files: &[(&str, &str)]) -> common::Output {
        for (name, text) in files {
            write(self.dir.path(), name, text);
            git_ok(self.dir.path(), &["add", "--", name]);
        }
        let mut cmd = git(self.dir.path());
        self.env(&mut cmd);
        output(cmd.args(["commit", "-m", "change"]))
    }

    fn commits(&self) -> usize {
        git_ok(self.dir.path(), &["rev-list", "--count", "HEAD"])
            .parse()
            .unwrap()
    }
}

fn output(cmd: &mut Command) -> common::Output {
    let out = cmd.output().expect("runs");
    common::Output {
        code: out.status.code().expect("exited"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The directory of the `plimsoll` binary under test.
fn plimsoll_dir() -> PathBuf {
    let exe = plimsoll().get_program().to_owned();
    Path::new(&exe).parent().unwrap().to_path_buf()
}

/// A commit with a bad Dockerfile is refused with plimsoll's message; the fixed Dockerfile
/// is committed. Shared by both hooks.
fn dockerfile_commits(project: &Project, hook_name: &str) {
    let out = project.commit(&[("Dockerfile", LATEST)]);
    let all = format!("{}{}", out.stdout, out.stderr);
    assert_ne!(out.code, 0, "the commit went through: {all}");
    assert_eq!(project.commits(), 1, "{all}");
    assert!(status_line(&all, hook_name, "Failed"), "{all}");
    assert!(all.contains("base-image-latest"), "{all}");
    assert!(
        all.contains("base image `python:latest` uses the `latest` tag"),
        "{all}"
    );

    let out = project.commit(&[("Dockerfile", CLEAN_DOCKERFILE)]);
    let all = format!("{}{}", out.stdout, out.stderr);
    assert_eq!(out.code, 0, "{all}");
    assert_eq!(project.commits(), 2, "{all}");
    assert!(status_line(&all, hook_name, "Passed"), "{all}");
}

/// Whether pre-commit printed `<hook name>.....<status>` for the hook.
fn status_line(output: &str, hook_name: &str, status: &str) -> bool {
    output
        .lines()
        .any(|l| l.starts_with(&format!("{hook_name}.")) && l.ends_with(status))
}

#[test]
fn system_hook_refuses_a_commit_with_a_bad_dockerfile_and_takes_the_fixed_one() {
    let Some(pre_commit) = common::pre_commit() else {
        return;
    };
    let project = Project::new(
        &pre_commit,
        "plimsoll-system",
        None,
        search_path(Some(&plimsoll_dir())),
    );
    dockerfile_commits(&project, "plimsoll (system)");
}

#[test]
fn system_hook_lints_manifests_and_is_quiet_about_other_yaml() {
    let Some(pre_commit) = common::pre_commit() else {
        return;
    };
    let project = Project::new(
        &pre_commit,
        "plimsoll-system",
        None,
        search_path(Some(&plimsoll_dir())),
    );
    // YAML that is not a manifest passes without a word.
    let workflow =
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n";
    let out = project.commit(&[
        ("charts/web/values.yaml", "replicas: 2\n"),
        (".github/workflows/ci.yml", workflow),
    ]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    // git shows a hook's output on its standard error.
    assert!(
        status_line(&out.stderr, "plimsoll (system)", "Passed"),
        "{}",
        out.stderr
    );

    // A privileged Deployment is refused; the YAML beside it is counted, not listed.
    let privileged = privileged_deployment();
    let out = project.commit(&[
        ("k8s/deployment.yaml", &privileged),
        ("charts/web/values.yaml", "replicas: 3\n"),
        ("package.json", "{\"name\": \"web\"}\n"),
    ]);
    let all = format!("{}{}", out.stdout, out.stderr);
    assert_ne!(out.code, 0, "the commit went through: {all}");
    assert!(all.contains("privileged-container"), "{all}");
    assert!(all.contains("container `web` runs privileged"), "{all}");
    assert!(all.contains("k8s/deployment.yaml:"), "{all}");
    assert!(all.contains("(2 skipped)"), "{all}");
    assert!(!all.contains("skipped:"), "{all}");

    let out = project.commit(&[("k8s/deployment.yaml", CLEAN_DEPLOYMENT)]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert_eq!(project.commits(), 3);
}

/// The hook's `files` pattern passes exactly the files that plimsoll's own walker lints: a
/// file it passed wrongly would be linted anyway (a named file is always read), one it missed
/// would go unchecked.
#[test]
fn hook_files_pattern_matches_the_names_plimsoll_lints() {
    let Some(pre_commit) = common::pre_commit() else {
        return;
    };
    let project = Project::new(
        &pre_commit,
        "plimsoll-system",
        Some(&["--format=concise", "--no-config"]),
        search_path(Some(&plimsoll_dir())),
    );
    let names = [
        "Dockerfile",
        "dockerfile",
        "DOCKERFILE.PROD",
        "Dockerfile.alpine",
        "Dockerfile-windows",
        "Dockerfile_dev",
        "base.Dockerfile",
        "sub/dir/app.dockerfile",
        "Containerfile",
        "containerfile.ubi",
        "Containerfile-dev",
        "CONTAINERFILE_arm64",
        "x.Containerfile",
        "deploy.yaml",
        "sub/Service.YML",
        "list.json",
        "Dockerfile.yaml",
        // Not linted:
        "Dockerfile.dockerignore",
        "Dockerfile.md",
        "Dockerfile.txt",
        "Dockerfile.sh",
        "Dockerfile.py",
        "Dockerfile.bak",
        "Dockerfile.orig",
        "Dockerfile.rej",
        "Dockerfile.",
        "Dockerfiles",
        "mydockerfile",
        ".dockerfile",
        ".yaml",
        "x.yaml.bak",
        "README",
        "notes.txt",
    ];
    for name in names {
        let lower = name.to_ascii_lowercase();
        let yaml = [".yaml", ".yml", ".json"]
            .iter()
            .any(|e| lower.ends_with(e) && lower.len() > e.len());
        let text = if yaml {
            privileged_deployment()
        } else {
            LATEST.to_string()
        };
        write(project.dir.path(), name, text);
    }
    git_ok(project.dir.path(), &["add", "--all"]);
    let hook = project.pre_commit(&["run", "--all-files"]);
    let walked = run(plimsoll().current_dir(project.dir.path()).args([
        "check",
        "--format=concise",
        "--no-config",
    ]));
    assert_eq!(walked.code, 1, "{}", walked.stderr);
    let findings = |text: &str| {
        let mut lines: Vec<String> = text
            .lines()
            .filter(|l| l.contains(": warning [") || l.contains(": error ["))
            .map(str::to_string)
            .collect();
        lines.sort();
        lines
    };
    let expected = findings(&walked.stdout);
    assert_eq!(expected.len(), 17, "{}", walked.stdout);
    assert_eq!(
        findings(&hook.stdout),
        expected,
        "{}{}",
        hook.stdout,
        hook.stderr
    );
}

/// `language: rust`: pre-commit builds plimsoll from the hook repository with cargo; no
/// other `plimsoll` is on `PATH`.
#[test]
fn rust_hook_is_built_from_this_checkout_and_refuses_a_bad_dockerfile() {
    let Some(pre_commit) = common::pre_commit() else {
        return;
    };
    let project = Project::new(&pre_commit, "plimsoll", None, search_path(None));
    let started = Instant::now();
    let out = project.pre_commit(&["install-hooks"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    eprintln!(
        "pre-commit install-hooks (cargo install of the `plimsoll` hook): {:.1?}",
        started.elapsed()
    );
    dockerfile_commits(&project, "plimsoll");
}

/// The manifest's shape, without pre-commit: both hooks, the same file selection.
#[test]
fn hooks_manifest_declares_both_hooks_alike() {
    use plimsoll::kubernetes::yaml::load_stream;
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    let docs = load_stream(&text);
    assert_eq!(docs.len(), 1);
    assert!(docs[0].error.is_none(), "{:?}", docs[0].error);
    let root = docs[0].root.as_ref().unwrap();
    let hooks = root.items();
    let field = |i: usize, key: &str| {
        hooks[i]
            .get(key)
            .and_then(|n| n.as_str())
            .map(str::to_string)
    };
    let ids: Vec<_> = (0..hooks.len()).map(|i| field(i, "id").unwrap()).collect();
    assert_eq!(ids, ["plimsoll", "plimsoll-system"]);
    assert_eq!(field(0, "language").as_deref(), Some("rust"));
    // `system`, not pre-commit 4's new name `unsupported`, which older versions reject.
    assert_eq!(field(1, "language").as_deref(), Some("system"));
    for i in 0..2 {
        assert_eq!(field(i, "entry").as_deref(), Some("plimsoll check"));
        assert!(field(i, "description").is_some_and(|d| !d.is_empty()));
        assert_eq!(field(i, "pass_filenames").as_deref(), Some("true"));
        assert_eq!(field(i, "require_serial").as_deref(), Some("false"));
        assert!(field(i, "minimum_pre_commit_version").is_some());
        assert!(field(i, "files").unwrap().starts_with("(?i)"));
    }
    assert_eq!(field(0, "files"), field(1, "files"));
}

/// The README's `--ignore` for hooks is the `cross-object` group, which names exactly the
/// rules that judge the whole input set.
#[test]
fn readme_hook_ignore_is_the_cross_object_group() {
    use plimsoll::config::selector::{resolve, Selection};
    use plimsoll::engine::Check;
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = &readme[readme.find("## Use with pre-commit").unwrap()..];
    assert!(section.contains("args: [--ignore=cross-object]"));
    let Selection::Rules(rules) = resolve("cross-object") else {
        panic!("`cross-object` is a group");
    };
    let mut selected: Vec<&str> = rules.iter().map(|r| r.id).collect();
    selected.sort();
    let mut expected: Vec<&str> = plimsoll::rules::REGISTRY
        .iter()
        .filter(|r| matches!(r.check, Check::Set(_)))
        .map(|r| r.id)
        .collect();
    expected.sort();
    assert_eq!(selected, expected);
    assert!(expected.contains(&"service-selects-no-pods"));
}
