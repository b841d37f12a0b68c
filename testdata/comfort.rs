//! The comfort features around `plimsoll check`: `plimsoll init`, shell completions, the man
//! page, the JSON schema of plimsoll.toml (`editors/plimsoll.schema.json`) and the progress
//! spinner, which must never reach a pipe.

mod common;

use common::{plimsoll, run, write};
use std::path::Path;
use std::process::Command as Process;
use tempfile::TempDir;

const PROFILES: &[&str] = &["default", "strict", "pss-baseline"];

/// A Dockerfile whose only default finding is `base-image-latest`.
const LATEST: &str = "FROM python:latest\nUSER app\n";

/// A pod that passes every `baseline` check and fails `restricted`'s
/// `run-as-non-root-missing` (among others).
const POD: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: example/web:1.2.3
";

/// `plimsoll init` in `dir` with `args`; returns the file it wrote.
fn init(dir: &Path, args: &[&str]) -> String {
    let out = run(plimsoll().current_dir(dir).arg("init").args(args));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    std::fs::read_to_string(dir.join("plimsoll.toml")).expect("plimsoll.toml written")
}

/// The template of `profile`, as `plimsoll init` writes it.
fn template(profile: &str) -> String {
    let dir = TempDir::new().unwrap();
    init(dir.path(), &["--profile", profile])
}

fn schema() -> serde_json::Value {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/plimsoll.schema.json"),
    )
    .expect("editors/plimsoll.schema.json");
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// The problems the schema finds in `toml_text`, as `path: message` lines.
fn schema_errors(toml_text: &str) -> Vec<String> {
    let value: toml::Value = toml::from_str(toml_text).expect("valid TOML");
    let instance = serde_json::to_value(value).expect("TOML is JSON");
    let validator = jsonschema::draft7::new(&schema()).expect("a valid draft 7 schema");
    validator
        .iter_errors(&instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// `toml_text` loaded by the real config loader: its warnings, or its error.
fn load(toml_text: &str) -> Result<Vec<String>, String> {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plimsoll.toml");
    std::fs::write(&path, toml_text).unwrap();
    plimsoll::config::load_file(&path, &plimsoll::config::Overrides::default())
        .map(|r| r.warnings.iter().map(|w| w.to_string()).collect())
        .map_err(|e| e.to_string())
}

// ---- plimsoll init ----------------------------------------------------------------------

#[test]
fn init_writes_a_commented_template_that_loads_cleanly() {
    for profile in PROFILES {
        let text = template(profile);
        assert!(
            text.starts_with("#:schema https://"),
            "editors find the schema: {text}"
        );
        for key in [
            "select",
            "extend-select",
            "ignore",
            "hadolint-pragmas",
            "kubernetes-version",
            "exclude",
            "extend-exclude",
            "max-file-size",
            "[severity]",
            "[per-path-ignores]",
            "[dockerfile]",
            "patterns",
            "[rules.",
            "pss-baseline",
            "pss-restricted",
        ] {
            assert!(text.contains(key), "{profile}: `{key}` is explained");
        }
        assert_eq!(load(&text), Ok(vec![]), "{profile}: no error, no warning");
        assert!(
            text.lines().all(|l| l.len() <= 100),
            "{profile}: lines fit a terminal"
        );
    }
    // The default profile changes nothing: every line is a comment or blank.
    assert!(template("default")
        .lines()
        .all(|l| l.is_empty() || l.starts_with('#')));
}

#[test]
fn init_template_runs_check_without_warnings() {
    for profile in PROFILES {
        let dir = TempDir::new().unwrap();
        init(dir.path(), &["--profile", profile]);
        write(dir.path(), "app/Dockerfile", LATEST);
        let out = run(plimsoll()
            .current_dir(dir.path())
            .args(["check", "--format", "concise"]));
        assert_eq!(out.code, 1, "{profile}: {}", out.stderr);
        assert_eq!(out.stderr, "", "{profile}: the config loads silently");
        assert!(
            out.stdout
                .contains("app/Dockerfile:1:6: warning [base-image-latest]"),
            "{profile}: {}",
            out.stdout
        );
    }
}

#[test]
fn init_profiles_select_rules() {
    let findings = |profile: &str| {
        let dir = TempDir::new().unwrap();
        init(dir.path(), &["--profile", profile]);
        write(dir.path(), "pod.yaml", POD);
        write(dir.path(), "Dockerfile", "FROM python:3.12\nUSER app\n");
        let out = run(plimsoll()
            .current_dir(dir.path())
            .args(["check", "--format", "json"]));
        assert_eq!(out.stderr, "", "{profile}");
        let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let mut rules: Vec<String> = doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_string())
            .collect();
        rules.dedup();
        rules
    };
    let default = findings("default");
    assert!(default.contains(&"run-as-non-root-missing".to_string()));
    assert!(!default.contains(&"missing-healthcheck".to_string()));
    // `strict` adds the rules that are off by default.
    let strict = findings("strict");
    assert!(
        strict.contains(&"missing-healthcheck".to_string()),
        "{strict:?}"
    );
    // `pss-baseline` drops the checks only `restricted` has, and keeps the other rules.
    let baseline = findings("pss-baseline");
    assert!(!baseline.contains(&"run-as-non-root-missing".to_string()));
    assert!(!baseline.contains(&"seccomp-profile-missing".to_string()));
    assert!(
        baseline.contains(&"readiness-probe-missing".to_string()),
        "{baseline:?}"
    );
}

#[test]
fn init_refuses_to_overwrite_without_force() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "plimsoll.toml", "select = [\"all\"]\n");
    let out = run(plimsoll().current_dir(dir.path()).arg("init"));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("plimsoll.toml already exists; use --force"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plimsoll.toml")).unwrap(),
        "select = [\"all\"]\n"
    );
    let text = init(dir.path(), &["--force"]);
    assert!(text.starts_with("#:schema"));

    // A `.plimsoll.toml` would silently stop being read: refused too.
    let dot = TempDir::new().unwrap();
    write(dot.path(), ".plimsoll.toml", "");
    let out = run(plimsoll().current_dir(dot.path()).arg("init"));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains(".plimsoll.toml already configures"));
    assert!(!dot.path().join("plimsoll.toml").exists());
    let out = run(plimsoll().current_dir(dot.path()).args(["init", "--force"]));
    assert_eq!(out.code, 0);
    assert!(
        out.stderr
            .contains(".plimsoll.toml is not read: plimsoll.toml wins"),
        "{}",
        out.stderr
    );
    // And the other way round: a new `.plimsoll.toml` beside a `plimsoll.toml`.
    let out = run(plimsoll()
        .current_dir(dot.path())
        .args(["init", ".plimsoll.toml", "--force"]));
    assert_eq!(out.code, 0);
    assert!(
        out.stderr
            .contains(".plimsoll.toml is not read: plimsoll.toml wins"),
        "{}",
        out.stderr
    );
}

#[test]
fn init_takes_a_directory_or_a_toml_file() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "plimsoll.toml", "");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let out = run(plimsoll().current_dir(dir.path()).args(["init", "sub"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(dir.path().join("sub/plimsoll.toml").is_file());
    assert!(
        out.stderr.contains("replaces") && out.stderr.contains("not merged"),
        "a nearer config replaces the enclosing one: {}",
        out.stderr
    );

    let out = run(plimsoll().current_dir(dir.path()).args([
        "init",
        "ci/strict.toml",
        "--profile",
        "strict",
    ]));
    assert_eq!(out.code, 2, "the directory must exist");
    assert!(out.stderr.contains("no such directory"), "{}", out.stderr);
    std::fs::create_dir(dir.path().join("ci")).unwrap();
    let out = run(plimsoll().current_dir(dir.path()).args([
        "init",
        "ci/strict.toml",
        "--profile",
        "strict",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("--config ci/strict.toml"),
        "{}",
        out.stderr
    );
    let text = std::fs::read_to_string(dir.path().join("ci/strict.toml")).unwrap();
    assert!(text.contains("\nselect = [\"all\"]\n"));

    let out = run(plimsoll().current_dir(dir.path()).args(["init", "missing"]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("missing: no such directory"),
        "{}",
        out.stderr
    );
}

// ---- completions and the man page -------------------------------------------------------

#[test]
fn completions_cover_subcommands_and_flags() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(plimsoll().args(["completions", shell]));
        assert_eq!(out.code, 0, "{shell}: {}", out.stderr);
        for word in [
            "check",
            "rules",
            "init",
            "completions",
            "kubernetes-version",
            "fail-on",
            "stdin-filename",
            "pss-baseline",
        ] {
            assert!(out.stdout.contains(word), "{shell} completes `{word}`");
        }
        // fish spells long flags `-l NAME`; the others write them out.
        if shell != "fish" {
            assert!(out.stdout.contains("--kubernetes-version"), "{shell}");
        }
        assert!(
            !out.stdout.contains("config-schema"),
            "{shell}: hidden commands are not offered"
        );
    }
    let bash = run(plimsoll().args(["completions", "bash"]));
    let checked = Process::new("bash")
        .args(["-n", "-c", &bash.stdout])
        .status()
        .expect("bash runs");
    assert!(checked.success(), "the bash script parses");

    let bad = run(plimsoll().args(["completions", "tcsh"]));
    assert_eq!(bad.code, 2);
}

#[test]
fn man_page_is_roff_and_documents_check() {
    let out = run(plimsoll().arg("man"));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let page = out.stdout;
    assert!(
        page.lines().any(|l| l.starts_with(".TH plimsoll 1")),
        "a .TH title: {}",
        &page[..200]
    );
    for needle in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH COMMANDS",
        ".SS \"plimsoll check\"",
        ".SS \"plimsoll init\"",
        ".SS \"plimsoll completions\"",
        "\\fB\\-\\-kubernetes\\-version\\fR",
        "\\fB\\-\\-fail\\-on\\fR",
        "\\fB\\-\\-select\\fR",
        "\\fB\\-\\-helm\\fR",
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
    ] {
        assert!(page.contains(needle), "the page has `{needle}`");
    }
    assert!(
        !page.contains("config\\-schema"),
        "hidden commands are not documented"
    );
    assert_eq!(
        page.matches(".ds Aq").count(),
        2,
        "the preamble appears once"
    );
    // Rendered, when man is installed: no warnings from the formatter.
    if let Ok(rendered) = Process::new("man")
        .args(["-l", "-"])
        .env("MANWIDTH", "100")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(page.as_bytes())?;
            child.wait_with_output()
        })
    {
        if rendered.status.success() {
            let text = String::from_utf8_lossy(&rendered.stdout);
            assert!(text.contains("--kubernetes-version <VERSION>"), "{text}");
            assert_eq!(String::from_utf8_lossy(&rendered.stderr), "");
        }
    }
}

// ---- the JSON schema --------------------------------------------------------------------

#[test]
fn committed_schema_is_up_to_date() {
    let out = run(plimsoll().arg("config-schema"));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/plimsoll.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &out.stdout).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == out.stdout,
        "editors/plimsoll.schema.json is stale: run `cargo run -- config-schema > editors/plimsoll.schema.json` (or UPDATE_SCHEMA=1 cargo test --test comfort)"
    );
    let schema = schema();
    assert!(
        schema["$comment"]
            .as_str()
            .unwrap()
            .contains("cargo run -- config-schema > editors/plimsoll.schema.json"),
        "the header names the regenerate command"
    );
    assert!(jsonschema::meta::is_valid(&schema), "a valid JSON schema");
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
}

#[test]
fn schema_describes_every_key_with_plain_types() {
    let schema = schema();
    let properties = schema["properties"].as_object().unwrap();
    let keys: Vec<&str> = properties.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "dockerfile",
            "exclude",
            "extend-exclude",
            "extend-select",
            "hadolint-pragmas",
            "ignore",
            "kubernetes-version",
            "max-file-size",
            "per-path-ignores",
            "rules",
            "select",
            "severity",
        ]
    );
    for (key, property) in properties {
        assert!(
            property["description"]
                .as_str()
                .is_some_and(|d| !d.is_empty()),
            "`{key}` has a description"
        );
    }
    // `Spanned<T>` reads as `T`: no span objects, no `null` (TOML has none), no `$ref`.
    let text = schema.to_string();
    for absent in ["span", "null", "$ref", "Spanned"] {
        assert!(!text.contains(absent), "no `{absent}` in the schema");
    }
    assert_eq!(properties["select"]["items"]["type"], "string");
    assert_eq!(
        properties["severity"]["additionalProperties"]["enum"],
        serde_json::json!(["error", "warning", "info"])
    );
    assert_eq!(schema["additionalProperties"], false);
}

#[test]
fn readme_example_and_init_templates_conform_to_the_schema() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = &readme[readme
        .find("## Configuration")
        .expect("a Configuration section")..];
    let start = section.find("```toml\n").expect("an example config") + "```toml\n".len();
    let example = &section[start..start + section[start..].find("```").unwrap()];
    assert!(
        example.contains("[severity]"),
        "the whole example: {example}"
    );
    assert_eq!(
        schema_errors(example),
        Vec::<String>::new(),
        "README example"
    );
    for profile in PROFILES {
        let text = template(profile);
        assert_eq!(schema_errors(&text), Vec::<String>::new(), "{profile}");
        // Uncommenting every commented-out key and table still conforms (and loads).
        let uncommented: String = text
            .lines()
            .filter_map(|l| l.strip_prefix("# "))
            .filter(|l| {
                let table = l.starts_with('[') && l.ends_with(']') && !l.contains(' ');
                let key = l
                    .split_once(" = ")
                    .is_some_and(|(k, _)| !k.is_empty() && !k.contains([' ', '`']));
                table || key
            })
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(
            uncommented.contains("[rules.base-image-untrusted]\n"),
            "{uncommented}"
        );
        assert_eq!(
            schema_errors(&uncommented),
            Vec::<String>::new(),
            "{uncommented}"
        );
        assert_eq!(load(&uncommented), Ok(vec![]), "{uncommented}");
    }
}

#[test]
fn schema_rejects_what_the_loader_rejects() {
    for bad in [
        "unknown-key = 1\n",
        "select = \"all\"\n",
        "hadolint-pragmas = \"yes\"\n",
        "kubernetes-version = \"2.0\"\n",
        "kubernetes-version = \"one point thirty\"\n",
        "[severity]\nbase-image-latest = \"fatal\"\n",
        "[dockerfile]\nnames = [\"x\"]\n",
        "[per-path-ignores]\n\"a/**\" = \"base-image-latest\"\n",
    ] {
        assert!(load(bad).is_err(), "the loader rejects {bad:?}");
        assert!(!schema_errors(bad).is_empty(), "the schema rejects {bad:?}");
    }
    for good in [
        "kubernetes-version = \"v1.30\"\n",
        "kubernetes-version = \"1.29.3\"\n",
        "kubernetes-version = \"latest\"\n",
        "[rules.base-image-untrusted]\ntrusted-registries = [\"r.example.com\"]\n",
    ] {
        assert_eq!(load(good), Ok(vec![]), "the loader accepts {good:?}");
        assert_eq!(schema_errors(good), Vec::<String>::new(), "{good:?}");
    }
}

// ---- the progress spinner ---------------------------------------------------------------

/// A tree of `n` Dockerfiles, each with one finding.
fn many_files(n: usize) -> TempDir {
    let dir = TempDir::new().unwrap();
    for i in 0..n {
        write(dir.path(), &format!("d{}/s{i}/Dockerfile", i % 10), LATEST);
    }
    dir
}

#[test]
fn progress_never_reaches_a_captured_stderr() {
    let dir = many_files(400);
    for format in ["human", "concise", "json"] {
        // Delay 0 and no CI: only the missing terminal keeps the spinner away.
        let out = run(plimsoll()
            .current_dir(dir.path())
            .env_remove("CI")
            .env("PLIMSOLL_PROGRESS_DELAY_MS", "0")
            .args(["check", "--color", "never", "--format", format]));
        assert_eq!(out.code, 1, "{}", out.stderr);
        assert_eq!(out.stderr, "", "{format}: nothing but findings, on stdout");
        assert!(!out.stdout.contains('\r') && !out.stdout.contains('\u{1b}'));
        assert!(!out.stdout.contains("linting:"));
    }
    // Warnings on stderr stay exactly as they are.
    write(dir.path(), "plimsoll.toml", "ignore = [\"no-such-rule\"]\n");
    let out = run(plimsoll()
        .current_dir(dir.path())
        .env_remove("CI")
        .env("PLIMSOLL_PROGRESS_DELAY_MS", "0")
        .args(["check", "--format", "concise", "-q"]));
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", out.stderr);
    assert!(
        lines[0].starts_with("warning: ")
            && lines[0].ends_with("plimsoll.toml:1:11: unknown rule or group `no-such-rule`"),
        "{}",
        out.stderr
    );
}

/// Runs plimsoll in `dir` on a pseudo-terminal (util-linux `script`) with `env`, returning
/// everything the terminal showed. `None` when `script` is missing (a loud skip; under CI,
/// a failure).
fn on_terminal(dir: &Path, env: &[(&str, &str)], args: &str) -> Option<String> {
    let binary = env!("CARGO_BIN_EXE_plimsoll");
    let mut cmd = Process::new("script");
    cmd.current_dir(dir)
        .args(["-qec", &format!("{binary} {args}"), "/dev/null"])
        .env_remove("CI")
        .env_remove("GITHUB_ACTIONS")
        .env("TERM", "xterm");
    for (k, v) in env {
        cmd.env(k, v);
    }
    match cmd.output() {
        Ok(out) => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        Err(e) => {
            let message = format!("`script` (util-linux) cannot run ({e}): the terminal test of the progress spinner did NOT run");
            assert!(std::env::var_os("CI").is_none(), "{message}");
            eprintln!("\n!!!!!!!! SKIPPED: {message} !!!!!!!!\n");
            None
        }
    }
}

#[test]
fn progress_shows_on_a_terminal_and_is_cleared_before_output() {
    let dir = many_files(300);
    let args = "check --format concise --color never";
    let Some(shown) = on_terminal(dir.path(), &[("PLIMSOLL_PROGRESS_DELAY_MS", "0")], args) else {
        return;
    };
    let spinner = shown.rfind("linting:").expect("the spinner was drawn");
    assert!(shown[spinner..].starts_with("linting: "), "{shown}");
    assert!(shown[spinner..]
        .split('\r')
        .next()
        .unwrap()
        .contains(" files ("));
    // The last frame is erased (`\r` + erase line) before the first finding is printed.
    let clear = shown[spinner..].find("\r\u{1b}[2K").expect("cleared") + spinner;
    let first_finding = shown.find("warning [base-image-latest]").expect("findings");
    assert!(clear < first_finding, "{shown:?}");
    assert!(!shown[first_finding..].contains("linting:"));

    // In CI, with --quiet, or on a short run: never.
    for (env, args) in [
        (
            vec![("PLIMSOLL_PROGRESS_DELAY_MS", "0"), ("CI", "true")],
            args,
        ),
        (
            vec![("PLIMSOLL_PROGRESS_DELAY_MS", "0")],
            "check --format concise --color never -q",
        ),
        (vec![], "check d0/s0/Dockerfile --format concise"),
    ] {
        let shown = on_terminal(dir.path(), &env, args).unwrap();
        assert!(!shown.contains("linting:"), "{env:?} {args}: {shown}");
        assert!(shown.contains("warning [base-image-latest]"), "{shown}");
    }
}
