//! Finding files to lint: file-kind detection by name (Dockerfiles by their names, YAML and
//! JSON as possible Kubernetes manifests, decided by content later), and the directory walk
//! (the `ignore` crate: `.gitignore`, `.ignore`, `.plimsollignore`, config `exclude` globs)
//! in a fixed order that hands over one directory's files at a time.

use crate::config::ConfigCache;
use crate::engine::FileKind;
pub use globset::GlobSet;
use ignore::WalkBuilder;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::ffi::OsString;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// File names (case-insensitive) that are never Dockerfiles even when they start with
/// `Dockerfile.`: BuildKit's per-Dockerfile ignore files and common companions.
const NOT_DOCKERFILE_SUFFIXES: &[&str] = &[
    ".dockerignore",
    ".md",
    ".txt",
    ".sh",
    ".py",
    ".json",
    ".yml",
    ".yaml",
    ".swp",
    ".bak",
    ".orig",
    ".rej",
];

/// `Dockerfile`, `Dockerfile.*`, `Dockerfile-*`, `Dockerfile_*`, `*.Dockerfile`,
/// `Containerfile`, `Containerfile.*`, `Containerfile-*`, `Containerfile_*`, `*.Containerfile`;
/// case-insensitive.
pub fn is_dockerfile_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if NOT_DOCKERFILE_SUFFIXES.iter().any(|s| lower.ends_with(s)) {
        return false;
    }
    lower == "dockerfile"
        || lower == "containerfile"
        || [
            "dockerfile.",
            "dockerfile-",
            "dockerfile_",
            "containerfile.",
            "containerfile-",
            "containerfile_",
        ]
        .iter()
        .any(|p| lower.starts_with(p) && lower.len() > p.len())
        || [".dockerfile", ".containerfile"]
            .iter()
            .any(|s| lower.ends_with(s) && lower.len() > s.len())
}

/// `*.yaml`, `*.yml` and `*.json` (case-insensitive): files that may hold Kubernetes
/// manifests. Whether they do is decided by their content.
pub fn is_yaml_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".yaml", ".yml", ".json"]
        .iter()
        .any(|ext| lower.ends_with(ext) && lower.len() > ext.len())
}

/// The kind of file at `path` by its name, with config `[dockerfile] patterns` as extra globs.
pub fn detect_kind(path: &Path, dockerfile_patterns: &GlobSet) -> Option<FileKind> {
    let name = path.file_name()?.to_str()?;
    if is_dockerfile_name(name)
        || dockerfile_patterns.is_match(name)
        || dockerfile_patterns.is_match(path)
    {
        return Some(FileKind::Dockerfile);
    }
    is_yaml_name(name).then_some(FileKind::Kubernetes)
}

/// The kind to use for a file the user named explicitly (or for standard input, whose
/// `text` is at hand): by its name, else by its content (YAML with `apiVersion:` or `---`
/// is a manifest), else a Dockerfile.
pub fn explicit_kind(path: &Path, dockerfile_patterns: &GlobSet, text: Option<&[u8]>) -> FileKind {
    detect_kind(path, dockerfile_patterns).unwrap_or_else(|| {
        let sniffed = text.is_some_and(|t| {
            crate::kubernetes::stream::sniff_manifest(&String::from_utf8_lossy(
                &t[..t.len().min(65536)],
            ))
        });
        if sniffed {
            FileKind::Kubernetes
        } else {
            FileKind::Dockerfile
        }
    })
}

/// A walk problem (unreadable directory, symlink loop) to report without stopping.
#[derive(Debug)]
pub struct WalkError(pub String);

/// Walks `root` depth first, calling `files` with the files to lint of each directory, one
/// directory at a time: its files by name, before its subdirectories by name (names compare
/// as bytes), until `files` breaks. `error` gets every problem. Symbolic links are not
/// followed; like FIFOs and devices, they are handed over with the files, for the reader to
/// skip with its reason.
///
/// The walk is sequential: it is cheap next to linting, and its order is what lets a caller
/// stream results in a documented order.
pub fn walk_dir(
    root: &Path,
    config: Arc<ConfigCache>,
    files: &mut dyn FnMut(Vec<(PathBuf, FileKind)>) -> ControlFlow<()>,
    error: &mut dyn FnMut(WalkError),
) {
    let filter_config = config.clone();
    let file_kinds = FileKinds::default();
    let walker = WalkBuilder::new(root)
        .hidden(false)
        .parents(true)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(true)
        .require_git(false)
        .ignore(true)
        .add_custom_ignore_filename(".plimsollignore")
        .follow_links(false)
        .sort_by_file_path(move |a, b| file_kinds.files_first(a, b))
        .filter_entry(move |entry| {
            // Excludes come from the configuration that governs the entry's directory.
            let path = entry.path();
            let Ok(resolved) = filter_config.for_directory(path.parent().unwrap_or(path)) else {
                return true;
            };
            !resolved.is_excluded(&filter_config.absolute(path))
        })
        .build();
    // The files of the directory being walked: complete once any directory entry comes,
    // since a directory's files come before its subdirectories.
    let mut pending = Vec::new();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                error(WalkError(e.to_string()));
                continue;
            }
        };
        let Some(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            if !pending.is_empty() && files(std::mem::take(&mut pending)).is_break() {
                return;
            }
        } else {
            // Symbolic links, FIFOs and devices too: the reader skips them with their reason.
            let path = entry.path();
            let patterns = config.for_file(path).ok();
            let empty = GlobSet::empty();
            let patterns = patterns.as_ref().map_or(&empty, |r| &r.dockerfile_patterns);
            if let Some(kind) = detect_kind(path, patterns) {
                pending.push((entry.into_path(), kind));
            }
        }
    }
    if !pending.is_empty() {
        let _ = files(pending);
    }
}

/// Whether the entries of the directory being sorted are directories, each looked up once:
/// a sort compares every entry several times.
#[derive(Default)]
struct FileKinds(Mutex<(PathBuf, HashMap<OsString, bool>)>);

impl FileKinds {
    /// Orders the entries of one directory: non-directories before directories (symbolic
    /// links count as files: they are not followed), then by name.
    fn files_first(&self, a: &Path, b: &Path) -> Ordering {
        self.is_dir(a)
            .cmp(&self.is_dir(b))
            .then_with(|| a.file_name().cmp(&b.file_name()))
    }

    fn is_dir(&self, path: &Path) -> bool {
        let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
            return false;
        };
        let mut cache = self.0.lock().expect("file kinds");
        let (cached_dir, known) = &mut *cache;
        if cached_dir != dir {
            *cached_dir = dir.to_path_buf();
            known.clear();
        }
        *known
            .entry(name.to_os_string())
            .or_insert_with(|| std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()))
    }
}

#[cfg(test)]
mod tests {
    use super::{is_dockerfile_name, is_yaml_name};

    #[test]
    fn yaml_names() {
        for yes in ["deploy.yaml", "x.YML", "list.json"] {
            assert!(is_yaml_name(yes), "{yes}");
        }
        for no in [".yaml", "yaml", "Dockerfile", "x.yaml.bak"] {
            assert!(!is_yaml_name(no), "{no}");
        }
    }

    #[test]
    fn dockerfile_names() {
        for yes in [
            "Dockerfile",
            "dockerfile",
            "Dockerfile.alpine",
            "Dockerfile-windows",
            "Dockerfile_dev",
            "base.Dockerfile",
            "Containerfile",
            "containerfile.ubi",
            "Containerfile-dev",
            "CONTAINERFILE_arm64",
            "x.containerfile",
        ] {
            assert!(is_dockerfile_name(yes), "{yes}");
        }
        for no in [
            "Dockerfile.dockerignore",
            "Dockerfile.md",
            "README",
            "dockerfile.",
            ".dockerfile",
            "Dockerfiles",
            "docker-compose.yml",
        ] {
            assert!(!is_dockerfile_name(no), "{no}");
        }
    }
}
