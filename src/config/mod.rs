//! Configuration: `plimsoll.toml` / `.plimsoll.toml` files found from each file's directory
//! upward, merged with command-line overrides and resolved into engine [`Settings`]. Errors
//! point at the bad key; unknown rule ids are warnings with a "did you mean".

mod options;
mod resolve;
pub mod selector;

pub use options::Options;
pub use resolve::{ConfigError, ConfigWarning, Overrides, Resolved, DEFAULT_MAX_FILE_SIZE};

use crate::engine::Settings;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The file names searched for, nearest first in each directory.
pub const CONFIG_FILE_NAMES: &[&str] = &["plimsoll.toml", ".plimsoll.toml"];

/// How the CLI chose configuration.
#[derive(Clone, Debug)]
pub enum ConfigSource {
    /// Find the nearest config file for each linted file.
    Discover,
    /// `--config FILE`: one file for everything.
    File(PathBuf),
    /// `--no-config`: built-in defaults only.
    Defaults,
}

/// How many directories' configurations are remembered at once.
const REMEMBERED_DIRECTORIES: usize = 4096;

/// The configuration that applies in one directory, or why there is none.
pub type DirectoryConfig = Result<Arc<Resolved>, Arc<ConfigError>>;

/// Resolves and caches configuration per directory; shared by the walker's threads.
pub struct ConfigCache {
    source: ConfigSource,
    overrides: Overrides,
    by_dir: Mutex<HashMap<PathBuf, DirectoryConfig>>,
    by_file: Mutex<HashMap<PathBuf, DirectoryConfig>>,
    /// Read once: `std::path::absolute` asks the OS for it on every call.
    cwd: PathBuf,
}

impl ConfigCache {
    pub fn new(source: ConfigSource, overrides: Overrides) -> Self {
        Self {
            source,
            overrides,
            by_dir: Mutex::new(HashMap::new()),
            by_file: Mutex::new(HashMap::new()),
            cwd: std::env::current_dir().unwrap_or_default(),
        }
    }

    /// `path` made absolute against the working directory at start-up.
    pub fn absolute(&self, path: &Path) -> PathBuf {
        if path.is_absolute() {
            path.to_path_buf()
        } else {
            // `./x` and `x` are the same directory: drop `.` components.
            self.cwd.join(
                path.components()
                    .filter(|c| *c != std::path::Component::CurDir)
                    .collect::<PathBuf>(),
            )
        }
    }

    /// The configuration for the file at `path` (found from its directory upward).
    pub fn for_file(&self, path: &Path) -> DirectoryConfig {
        self.for_directory(path.parent().unwrap_or(Path::new("")))
    }

    /// The configuration that governs directory `dir`.
    pub fn for_directory(&self, dir: &Path) -> DirectoryConfig {
        match &self.source {
            ConfigSource::File(file) => self.load_file(file),
            ConfigSource::Defaults => self.load_defaults(),
            ConfigSource::Discover => {
                // A bare file name has an empty parent: the current directory.
                let dir = if dir.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    dir
                };
                let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
                self.for_dir(&absolute)
            }
        }
    }

    fn for_dir(&self, dir: &Path) -> DirectoryConfig {
        if let Some(found) = self.by_dir.lock().expect("config cache").get(dir) {
            return found.clone();
        }
        let found = match CONFIG_FILE_NAMES
            .iter()
            .map(|n| dir.join(n))
            .find(|p| p.is_file())
        {
            Some(file) => self.load_file(&file),
            None => match dir.parent() {
                Some(parent) => self.for_dir(parent),
                None => self.load_defaults(),
            },
        };
        let mut by_dir = self.by_dir.lock().expect("config cache");
        // A cache, not a record (`by_file` is): bounded, since a walk visits its directories
        // in order and seldom comes back, while a monorepo may have a million of them.
        if by_dir.len() >= REMEMBERED_DIRECTORIES {
            by_dir.clear();
        }
        by_dir.insert(dir.to_path_buf(), found.clone());
        found
    }

    fn load_file(&self, file: &Path) -> DirectoryConfig {
        if let Some(found) = self.by_file.lock().expect("config cache").get(file) {
            return found.clone();
        }
        let loaded = resolve::load(Some(file), &self.overrides)
            .map(Arc::new)
            .map_err(Arc::new);
        self.by_file
            .lock()
            .expect("config cache")
            .insert(file.to_path_buf(), loaded.clone());
        loaded
    }

    fn load_defaults(&self) -> DirectoryConfig {
        self.load_file(Path::new(""))
    }

    /// Every configuration resolved so far, for reporting warnings and errors once each.
    pub fn loaded(&self) -> Vec<DirectoryConfig> {
        let mut all: Vec<(PathBuf, DirectoryConfig)> = self
            .by_file
            .lock()
            .expect("config cache")
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all.into_iter().map(|(_, v)| v).collect()
    }
}

/// Loads one config file with `overrides` (the LSP and tests use this directly).
pub fn load_file(file: &Path, overrides: &Overrides) -> Result<Resolved, ConfigError> {
    resolve::load(Some(file), overrides)
}

/// Settings from built-in defaults plus `overrides`, for tests and the library API.
pub fn default_settings(overrides: &Overrides) -> Result<Settings, ConfigError> {
    resolve::load(None, overrides).map(|r| r.settings)
}
