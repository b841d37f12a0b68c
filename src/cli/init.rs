//! `plimsoll init`: writes a commented starter config file. Every key is explained, with its
//! default commented out, so the file changes nothing until a line is uncommented; a
//! `--profile` turns on a rule selection instead. The template loads without errors or
//! warnings and conforms to `editors/plimsoll.schema.json` (both tested).

use super::args::{InitArgs, InitProfile};
use super::exit;
use super::schema::SCHEMA_URL;
use crate::config::CONFIG_FILE_NAMES;
use crate::engine::{Category, PssLevel};
use crate::rules::REGISTRY;
use anyhow::{bail, Context};
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn run(args: &InitArgs) -> anyhow::Result<u8> {
    let target = target_file(args.path.as_deref())?;
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // The other config file of the same directory: a `.plimsoll.toml` beside a new
    // `plimsoll.toml` would silently stop being read, and a new `.plimsoll.toml` beside a
    // `plimsoll.toml` would never be.
    let sibling = CONFIG_FILE_NAMES
        .iter()
        .filter(|name| is_config_name(&target) && **name != file_name(&target))
        .map(|name| target.with_file_name(name))
        .find(|other| other.is_file());
    if let Some(other) = &sibling {
        if !args.force {
            bail!(
                "{} already configures this directory (of the two, {} is read); use --force to write {} anyway",
                other.display(),
                CONFIG_FILE_NAMES[0],
                file_name(&target)
            );
        }
    }
    let text = template(args.profile);
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if args.force {
        options.create(true).truncate(true);
    } else {
        // Atomic: never overwrites a file that appeared since the check above.
        options.create_new(true);
    }
    let mut file = match options.open(&target) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!(
                "{} already exists; use --force to overwrite it",
                target.display()
            )
        }
        Err(e) => return Err(e).with_context(|| format!("cannot write {}", target.display())),
    };
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", target.display()))?;
    eprintln!(
        "Wrote {} (profile: {}); every key is explained in it.",
        target.display(),
        args.profile.name()
    );
    if let Some(other) = sibling {
        let (read, unread) = if file_name(&target) == CONFIG_FILE_NAMES[0] {
            (target.clone(), other)
        } else {
            (other, target.clone())
        };
        eprintln!(
            "note: {} is not read: {} wins in the same directory",
            unread.display(),
            read.display()
        );
    }
    if is_config_name(&target) {
        if let Some(parent) = enclosing_config(dir) {
            eprintln!(
                "note: for files under {}, it replaces {} (config files are not merged)",
                display_dir(dir),
                parent.display()
            );
        }
    } else {
        eprintln!(
            "note: plimsoll reads it only when asked: `plimsoll check --config {}`",
            target.display()
        );
    }
    Ok(exit::CLEAN)
}

/// The file to write: `PATH/plimsoll.toml` for a directory (the current one by default),
/// `PATH` itself for a name ending in `.toml`.
fn target_file(path: Option<&Path>) -> anyhow::Result<PathBuf> {
    let path = path.unwrap_or(Path::new("."));
    if path.is_dir() {
        return Ok(if path == Path::new(".") {
            PathBuf::from(CONFIG_FILE_NAMES[0])
        } else {
            path.join(CONFIG_FILE_NAMES[0])
        });
    }
    if path.extension().is_some_and(|e| e == "toml") {
        let parent = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if !parent.is_dir() {
            bail!("{}: no such directory", parent.display());
        }
        return Ok(path.to_path_buf());
    }
    bail!(
        "{}: no such directory (name a directory, or a file ending in .toml)",
        path.display()
    )
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn is_config_name(path: &Path) -> bool {
    CONFIG_FILE_NAMES.contains(&file_name(path).as_str())
}

/// The config file that governs `dir` from above, if any.
fn enclosing_config(dir: &Path) -> Option<PathBuf> {
    let dir = std::path::absolute(dir).ok()?;
    dir.ancestors().skip(1).find_map(|ancestor| {
        CONFIG_FILE_NAMES
            .iter()
            .map(|name| ancestor.join(name))
            .find(|p| p.is_file())
    })
}

fn display_dir(dir: &Path) -> String {
    if dir.as_os_str().is_empty() || dir == Path::new(".") {
        "this directory".to_string()
    } else {
        dir.display().to_string()
    }
}

/// The starter file for `profile`.
pub fn template(profile: InitProfile) -> String {
    let categories: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
    let off_by_default: Vec<&str> = REGISTRY
        .iter()
        .filter(|r| !r.enabled_by_default)
        .map(|r| r.id)
        .collect();
    let restricted_only: Vec<&str> = REGISTRY
        .iter()
        .filter(|r| r.pss == Some(PssLevel::Restricted))
        .map(|r| r.id)
        .collect();
    let with_options: Vec<&str> = REGISTRY
        .iter()
        .filter(|r| r.options.is_some())
        .map(|r| r.id)
        .collect();

    let mut t = String::new();
    t.push_str(&format!("#:schema {SCHEMA_URL}\n"));
    t.push_str(&format!(
        "# plimsoll configuration, written by `plimsoll init --profile {}`.\n",
        profile.name()
    ));
    t.push_str(HEADER);

    t.push_str(&comment(&format!(
        "Rules to run instead of the default set: rule ids, categories ({}), `dockerfile`, \
         `kubernetes`, `pss-baseline`, `pss-restricted`, `all`, or peer aliases such as \
         \"DL3008\" or \"CKV_K8S_16\". Default: every rule that is on by default. --select \
         replaces it.",
        categories.join(", ")
    )));
    match profile {
        InitProfile::Strict => t.push_str(
            "# Profile `strict`: every rule, including those that are off by default.\n\
             select = [\"all\"]\n",
        ),
        _ => t.push_str("# select = [\"all\"]\n"),
    }
    t.push('\n');
    t.push_str(&comment(&format!(
        "Added to the selection; --extend-select adds more. Rules that are off by default: {}.",
        off_by_default.join(", ")
    )));
    t.push_str("# extend-select = []\n\n");

    t.push_str(&comment(
        "Removed from the selection; --ignore removes more.",
    ));
    t.push_str("#\n");
    t.push_str(&comment(&format!(
        "Pod Security Standards: the default set runs every check of `restricted`, which \
         includes `baseline`. To judge manifests against `baseline` only, ignore the checks \
         that only `restricted` has ({}), as `plimsoll init --profile pss-baseline` does. \
         `select = [\"pss-baseline\"]` or `select = [\"pss-restricted\"]` runs only that \
         level's checks and no other rule.",
        restricted_only.join(", ")
    )));
    match profile {
        InitProfile::PssBaseline => {
            t.push_str("# Profile `pss-baseline`: the checks only `restricted` has are off.\n");
            t.push_str(&list("ignore", &restricted_only));
        }
        _ => t.push_str("# ignore = []\n"),
    }
    t.push('\n');

    t.push_str(&comment(
        "Honour `# hadolint ignore=...` and `# hadolint global ignore=...` pragmas in \
         Dockerfiles.",
    ));
    t.push_str("# hadolint-pragmas = true\n\n");

    t.push_str(&comment(&format!(
        "The Kubernetes version manifests are judged for: \"1.30\", \"v1.30\" or \"latest\" \
         ({}). Decides which Pod Security Standards checks and allowed values apply and \
         which API versions count as deprecated or removed. --kubernetes-version overrides it.",
        crate::kubernetes::KubeVersion::LATEST
    )));
    t.push_str("# kubernetes-version = \"latest\"\n\n");

    t.push_str(&comment(
        "Paths never walked: globs relative to this file's directory (a directory's name \
         also covers everything below it). Setting `exclude` replaces the default list; \
         `extend-exclude` adds to it, e.g. [\"vendor/**\", \"third_party\"].",
    ));
    t.push_str(&list("# exclude", &default_exclude()));
    t.push_str("# extend-exclude = []\n\n");

    t.push_str(&comment(
        "Files larger than this are skipped unread, with a message: bytes, or a string with \
         a unit (B, KB, MB, GB; KiB, MiB, GiB).",
    ));
    t.push_str("# max-file-size = \"10MiB\"\n\n");

    t.push_str(&comment(
        "Per-rule severity: \"error\", \"warning\" or \"info\". Keys are rule ids, categories \
         or peer aliases.",
    ));
    t.push_str("# [severity]\n# image-runs-as-root = \"error\"\n\n");

    t.push_str(&comment(
        "Rules (ids, categories or aliases) ignored in matching paths: globs relative to this \
         file's directory.",
    ));
    t.push_str("# [per-path-ignores]\n# \"examples/**\" = [\"image-runs-as-root\"]\n\n");

    t.push_str(&comment(
        "Extra file names (globs) that are Dockerfiles, besides Dockerfile, Dockerfile.*, \
         *.Dockerfile, Containerfile and their variants.",
    ));
    t.push_str("# [dockerfile]\n# patterns = [\"*.dockerfile.in\"]\n\n");

    t.push_str(&comment(&format!(
        "Rule options: one [rules.<id>] table per rule; the Options section of \
         `plimsoll rule ID` explains them. Rules with options: {}.",
        with_options.join(", ")
    )));
    t.push_str(
        "# [rules.base-image-untrusted]\n\
         # trusted-registries = [\"registry.example.com\", \"*.gcr.io\"]\n\
         # allowed-images = [\"docker.io/library/*\"]\n",
    );
    t
}

/// The default `exclude` list, as the schema states it (from the loader's own constant).
fn default_exclude() -> Vec<String> {
    let schema = super::schema::schema();
    schema["properties"]["exclude"]["default"]
        .as_array()
        .expect("the schema states the default exclude list")
        .iter()
        .map(|v| v.as_str().expect("globs are strings").to_string())
        .collect()
}

const HEADER: &str = "\
#
# plimsoll reads the nearest plimsoll.toml or .plimsoll.toml, searching from each linted
# file's directory upward; files are not merged. Every key is optional: a commented-out key
# shows its default (a commented-out table, an example); uncomment a line to change it.
# `plimsoll rules` lists every rule and `plimsoll rule ID` prints a rule's page. The
# #:schema line above gives editors (taplo, Even Better TOML) completion and checks.

";

/// Wraps `text` into `# ` comment lines of at most 92 columns.
fn comment(text: &str) -> String {
    let mut out = String::new();
    let mut line = String::from("#");
    for word in text.split_whitespace() {
        if line.len() + 1 + word.len() > 92 && line.len() > 1 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// `key = ["a", "b"]`, one item a line when it does not fit on one.
fn list(key: &str, items: &[impl AsRef<str>]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|i| format!("\"{}\"", i.as_ref()))
        .collect();
    let one_line = format!("{key} = [{}]\n", quoted.join(", "));
    if one_line.len() <= 93 {
        return one_line;
    }
    let prefix = if key.starts_with('#') { "# " } else { "" };
    let mut out = format!("{key} = [\n");
    for item in &quoted {
        out.push_str(&format!("{prefix}    {item},\n"));
    }
    out.push_str(&format!("{prefix}]\n"));
    out
}
