//! Linting one open document with the core's `lint_source`: its kind (file name, language
//! id, or content), the nearest `plimsoll.toml` (cached until a config file changes), and a
//! caught panic instead of a dead server. Config problems are reported on the config file.

use plimsoll::config::{ConfigCache, ConfigSource, DirectoryConfig, Overrides};
use plimsoll::engine::FileKind;
use plimsoll::{Diagnostic, SourceFile};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

/// The result of linting a document.
pub enum Outcome {
    Linted(Vec<Diagnostic>),
    /// The document's config file is broken: nothing was linted; the problem is shown there.
    BrokenConfig,
    /// A rule panicked; the message is for the log.
    Panicked(String),
}

/// A config file's problems, for diagnostics on that file.
pub struct ConfigProblem {
    pub file: PathBuf,
    /// 1-based line and column, when the problem has a place.
    pub at: Option<(u32, u32)>,
    pub message: String,
    pub is_error: bool,
}

/// Configuration lookups, shared by every document.
pub struct Linter {
    cache: RwLock<Arc<ConfigCache>>,
}

impl Default for Linter {
    fn default() -> Self {
        Self {
            cache: RwLock::new(Arc::new(new_cache())),
        }
    }
}

fn new_cache() -> ConfigCache {
    ConfigCache::new(ConfigSource::Discover, Overrides::default())
}

impl Linter {
    /// Forgets every loaded config (a `plimsoll.toml` changed on disk).
    pub fn reload(&self) {
        *self.cache.write().expect("config cache") = Arc::new(new_cache());
    }

    fn config_for(&self, path: Option<&Path>, root: &Path) -> DirectoryConfig {
        let cache = self.cache.read().expect("config cache").clone();
        match path {
            Some(path) => cache.for_file(path),
            None => cache.for_directory(root),
        }
    }

    /// Lints `text` of the document at `path` (`None` for an untitled buffer, configured
    /// from `root`) whose editor language is `language_id`.
    pub fn lint(&self, path: Option<&Path>, root: &Path, language_id: &str, text: &str) -> Outcome {
        let config = match self.config_for(path, root) {
            Ok(config) => config,
            Err(_) => return Outcome::BrokenConfig,
        };
        let kind = kind_of(path, language_id, text, &config.dockerfile_patterns);
        let display = path.map_or_else(|| "untitled".to_string(), |p| p.display().to_string());
        let file = SourceFile::new(display, text);
        let settings = &config.settings;
        // A bug in one rule must not take the server down: report it, lint on.
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            // Lets the protocol tests check that a panicking rule leaves the server alive.
            if let Some(marker) = std::env::var_os("PLIMSOLL_LSP_TEST_PANIC") {
                if !marker.is_empty() && text.contains(&*marker.to_string_lossy()) {
                    panic!("a panic requested by PLIMSOLL_LSP_TEST_PANIC");
                }
            }
            plimsoll::lint_source(&file, kind, settings)
        })) {
            Ok(diagnostics) => Outcome::Linted(diagnostics),
            Err(panic) => {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".into());
                Outcome::Panicked(what)
            }
        }
    }

    /// Every problem of every config file loaded so far.
    pub fn config_problems(&self) -> Vec<ConfigProblem> {
        let cache = self.cache.read().expect("config cache").clone();
        let mut out = Vec::new();
        for loaded in cache.loaded() {
            match loaded {
                Ok(resolved) => {
                    for warning in &resolved.warnings {
                        out.extend(problem(&warning.location, &warning.message, false));
                    }
                }
                Err(error) => out.extend(problem(&error.location, &error.message, true)),
            }
        }
        out
    }
}

/// `path:line:col` (or a bare path) as the core writes config locations.
fn problem(location: &str, message: &str, is_error: bool) -> Option<ConfigProblem> {
    let mut parts = location.rsplitn(3, ':');
    let (col, line, file) = (parts.next(), parts.next(), parts.next());
    let (file, at) = match (
        file,
        line.and_then(|l| l.parse().ok()),
        col.and_then(|c| c.parse().ok()),
    ) {
        (Some(file), Some(line), Some(col)) => (file, Some((line, col))),
        _ => (location, None),
    };
    let file = PathBuf::from(file);
    file.is_absolute().then(|| ConfigProblem {
        file,
        at,
        message: message.to_string(),
        is_error,
    })
}

/// The kind of a document: by file name, then by the editor's language id, then by content.
fn kind_of(
    path: Option<&Path>,
    language_id: &str,
    text: &str,
    patterns: &plimsoll::walk::GlobSet,
) -> FileKind {
    if let Some(kind) = path.and_then(|p| plimsoll::walk::detect_kind(p, patterns)) {
        return kind;
    }
    match language_id {
        "dockerfile" | "containerfile" => FileKind::Dockerfile,
        "yaml" | "json" | "helm" => FileKind::Kubernetes,
        _ => plimsoll::walk::explicit_kind(
            path.unwrap_or(Path::new("untitled")),
            patterns,
            Some(text.as_bytes()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_locations() {
        let p = problem("/w/plimsoll.toml:3:7", "unknown field", true).unwrap();
        assert_eq!(
            (p.file, p.at),
            (PathBuf::from("/w/plimsoll.toml"), Some((3, 7)))
        );
        let p = problem("/w/plimsoll.toml", "cannot read", true).unwrap();
        assert_eq!(p.at, None);
        assert!(problem("command line", "bad", true).is_none());
    }

    #[test]
    fn kinds_by_name_language_and_content() {
        let none = plimsoll::walk::GlobSet::empty();
        assert_eq!(
            kind_of(Some(Path::new("/x/Dockerfile")), "plaintext", "", &none),
            FileKind::Dockerfile
        );
        assert_eq!(kind_of(None, "dockerfile", "", &none), FileKind::Dockerfile);
        assert_eq!(kind_of(None, "yaml", "", &none), FileKind::Kubernetes);
        assert_eq!(
            kind_of(None, "plaintext", "apiVersion: v1\nkind: Pod\n", &none),
            FileKind::Kubernetes
        );
        assert_eq!(
            kind_of(Some(Path::new("/x/a.yaml")), "yaml", "", &none),
            FileKind::Kubernetes
        );
    }
}
