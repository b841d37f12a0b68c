//! Turns a config file plus command-line overrides into engine [`Settings`], collecting
//! located errors and warnings.

use super::options::Options;
use super::selector::{resolve as resolve_selector, Selection};
use crate::diagnostic::Severity;
use crate::engine::{EnabledRule, Settings};
use crate::kubernetes::KubeVersion;
use crate::rules::REGISTRY;
use crate::source::LineIndex;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Flags that override every config file.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    /// `--kubernetes-version`, over the config's `kubernetes-version`.
    pub kubernetes_version: Option<String>,
    /// `--no-rules` (hidden): every file is still read and parsed, but no rule runs; the
    /// benchmarks use it to measure what the rules cost.
    pub no_rules: bool,
}

/// A config problem that stops the config from being used.
#[derive(Debug, thiserror::Error)]
#[error("{location}: {message}")]
pub struct ConfigError {
    pub location: String,
    pub message: String,
}

/// A config problem that is reported but does not stop linting.
#[derive(Clone, Debug)]
pub struct ConfigWarning {
    pub location: String,
    pub message: String,
}

impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// A loaded configuration.
pub struct Resolved {
    /// The config file, if any.
    pub path: Option<PathBuf>,
    pub settings: Settings,
    /// Globs (relative to the config directory) of paths not to walk.
    pub exclude: GlobSet,
    /// Extra file-name globs for Dockerfiles.
    pub dockerfile_patterns: GlobSet,
    /// Files larger than this many bytes are skipped unread (`max-file-size`).
    pub max_file_size: u64,
    pub warnings: Vec<ConfigWarning>,
}

impl Resolved {
    /// The directory that relative globs start from.
    pub fn root(&self) -> Option<&Path> {
        self.settings.root.as_deref()
    }

    /// True when `path` (absolute) matches `exclude`.
    pub fn is_excluded(&self, path: &Path) -> bool {
        if self.exclude.is_empty() {
            return false;
        }
        let cwd_root;
        let root = match self.root() {
            Some(r) => r,
            None => {
                cwd_root = std::env::current_dir().unwrap_or_default();
                &cwd_root
            }
        };
        let relative = path.strip_prefix(root).unwrap_or(path);
        self.exclude.is_match(relative)
            || path
                .file_name()
                .is_some_and(|n| self.exclude.is_match(Path::new(n)))
    }
}

/// Paths never walked unless `exclude` replaces the list.
pub const DEFAULT_EXCLUDE: &[&str] = &[".git", ".hg", ".svn", "node_modules", ".venv", "venv"];

struct Locator<'a> {
    path: &'a str,
    text: &'a str,
    index: LineIndex,
}

impl Locator<'_> {
    fn at(&self, span: std::ops::Range<usize>) -> String {
        let lc = self.index.line_column(self.text, span.start);
        format!("{}:{}:{}", self.path, lc.line, lc.column)
    }
}

/// Loads `file` (or built-in defaults for `None` or an empty path) and applies `overrides`.
pub(super) fn load(file: Option<&Path>, overrides: &Overrides) -> Result<Resolved, ConfigError> {
    let file = file.filter(|f| !f.as_os_str().is_empty());
    let (text, display) = match file {
        Some(f) => {
            let text = std::fs::read_to_string(f).map_err(|e| ConfigError {
                location: f.display().to_string(),
                message: format!("cannot read config file: {e}"),
            })?;
            (text, f.display().to_string())
        }
        None => (String::new(), "<defaults>".to_string()),
    };
    let locator = Locator {
        path: &display,
        index: LineIndex::new(&text),
        text: &text,
    };
    let options: Options = toml::from_str(&text).map_err(|e| ConfigError {
        location: match e.span() {
            Some(span) => locator.at(span),
            None => display.clone(),
        },
        message: e.message().trim().to_string(),
    })?;
    let root = file
        .and_then(|f| std::path::absolute(f).ok())
        .and_then(|f| f.parent().map(Path::to_path_buf));
    let mut warnings = Vec::new();
    let mut errors = Vec::new();

    let select_rules = |items: &[Spanned<String>], warnings: &mut Vec<ConfigWarning>| {
        let mut out = Vec::new();
        for item in items {
            match resolve_selector(item.get_ref()) {
                Selection::Rules(rules) => out.extend(rules),
                Selection::Unknown(message) => warnings.push(ConfigWarning {
                    location: locator.at(item.span()),
                    message,
                }),
            }
        }
        out
    };
    let cli = |items: &[String]| -> Vec<Spanned<String>> {
        items
            .iter()
            .map(|s| Spanned::new(0..0, s.clone()))
            .collect()
    };
    let mut cli_warnings = Vec::new();
    let mut selected = match (&overrides.select, &options.select) {
        (Some(cli_select), _) => select_rules(&cli(cli_select), &mut cli_warnings),
        (None, Some(select)) => select_rules(select, &mut warnings),
        (None, None) => REGISTRY
            .iter()
            .copied()
            .filter(|r| r.enabled_by_default)
            .collect(),
    };
    selected.extend(select_rules(
        options.extend_select.as_deref().unwrap_or_default(),
        &mut warnings,
    ));
    selected.extend(select_rules(
        &cli(&overrides.extend_select),
        &mut cli_warnings,
    ));
    let mut ignored = select_rules(options.ignore.as_deref().unwrap_or_default(), &mut warnings);
    ignored.extend(select_rules(&cli(&overrides.ignore), &mut cli_warnings));
    selected.retain(|r| !ignored.iter().any(|i| i.id == r.id));
    selected.sort_by_key(|r| r.id);
    selected.dedup_by_key(|r| r.id);
    if overrides.no_rules {
        selected.clear();
    }
    // Command-line problems are usage errors, reported once by the CLI, not per config file.
    if let Some(first) = cli_warnings.into_iter().next() {
        return Err(ConfigError {
            location: "command line".into(),
            message: first.message,
        });
    }

    let mut severities = BTreeMap::new();
    for (id, level) in options.severity.iter().flatten() {
        let severity = match level.get_ref().as_str() {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "info" => Severity::Info,
            other => {
                errors.push(ConfigError {
                    location: locator.at(level.span()),
                    message: format!(
                        "unknown severity `{other}`: use \"error\", \"warning\" or \"info\""
                    ),
                });
                continue;
            }
        };
        match resolve_selector(id.get_ref()) {
            Selection::Rules(rules) => {
                for r in rules {
                    severities.insert(r.id, severity);
                }
            }
            Selection::Unknown(message) => warnings.push(ConfigWarning {
                location: locator.at(id.span()),
                message,
            }),
        }
    }

    let mut rule_options = BTreeMap::new();
    for (id, value) in options.rules.iter().flatten() {
        let Some(rule) = REGISTRY.iter().find(|r| r.id == id.get_ref()) else {
            warnings.push(ConfigWarning {
                location: locator.at(id.span()),
                message: crate::engine::suppress::unknown_rule_message(REGISTRY, id.get_ref()),
            });
            continue;
        };
        let Some(spec) = rule.options else {
            errors.push(ConfigError {
                location: locator.at(id.span()),
                message: format!("rule `{}` has no options", rule.id),
            });
            continue;
        };
        match (spec.parse)(value.get_ref().clone()) {
            Ok(parsed) => {
                rule_options.insert(rule.id, parsed);
            }
            Err(message) => errors.push(ConfigError {
                location: locator.at(option_key_span(&text, value.span(), &message)),
                message: format!("[rules.{}]: {}", rule.id, message.trim()),
            }),
        }
    }

    let mut per_path_ignores = Vec::new();
    for (glob, ids) in options.per_path_ignores.iter().flatten() {
        let globs = match build_globs(std::slice::from_ref(glob), &locator) {
            Ok(g) => g,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let rules: Vec<&'static str> = select_rules(ids, &mut warnings)
            .iter()
            .map(|r| r.id)
            .collect();
        per_path_ignores.push((globs, rules));
    }

    let exclude_items: Vec<Spanned<String>> = match &options.exclude {
        Some(e) => e.clone(),
        None => DEFAULT_EXCLUDE
            .iter()
            .map(|s| Spanned::new(0..0, s.to_string()))
            .collect(),
    };
    let mut all_excludes = exclude_items;
    all_excludes.extend(options.extend_exclude.iter().flatten().cloned());
    let exclude = build_globs(&all_excludes, &locator);
    let dockerfile_patterns = build_globs(
        options
            .dockerfile
            .as_ref()
            .and_then(|d| d.patterns.as_deref())
            .unwrap_or_default(),
        &locator,
    );
    let (exclude, dockerfile_patterns) = match (exclude, dockerfile_patterns) {
        (Ok(e), Ok(d)) => (e, d),
        (Err(e), _) | (_, Err(e)) => return Err(e),
    };
    if let Some(error) = errors.into_iter().next() {
        return Err(error);
    }

    let max_file_size = match &options.max_file_size {
        None => DEFAULT_MAX_FILE_SIZE,
        Some(value) => parse_size(value.get_ref()).map_err(|message| ConfigError {
            location: locator.at(value.span()),
            message: format!("max-file-size: {message}"),
        })?,
    };
    let kubernetes_version = match (&overrides.kubernetes_version, &options.kubernetes_version) {
        (Some(cli), _) => KubeVersion::parse(cli).map_err(|message| ConfigError {
            location: "command line".into(),
            message: format!("--kubernetes-version: {message}"),
        })?,
        (None, Some(version)) => match KubeVersion::parse(version.get_ref()) {
            Ok(v) => v,
            Err(message) => {
                return Err(ConfigError {
                    location: locator.at(version.span()),
                    message,
                })
            }
        },
        (None, None) => KubeVersion::LATEST,
    };
    // A rule runs only from its first Kubernetes version on.
    selected.retain(|r| r.applies_at(kubernetes_version));

    let rules = selected
        .into_iter()
        .map(|rule| EnabledRule {
            rule,
            severity: severities.get(rule.id).copied().unwrap_or(rule.severity),
            options: rule_options.get(rule.id).cloned().unwrap_or_else(|| {
                rule.options
                    .map_or_else(|| std::sync::Arc::new(()) as _, |s| (s.default)())
            }),
        })
        .collect();
    Ok(Resolved {
        path: file.map(Path::to_path_buf),
        settings: Settings {
            rules,
            hadolint_pragmas: options.hadolint_pragmas.unwrap_or(true),
            registry: REGISTRY,
            root,
            per_path_ignores,
            kubernetes_version,
        },
        exclude,
        dockerfile_patterns,
        max_file_size,
        warnings,
    })
}

/// `max-file-size` when the config does not set it: 10 MiB, far above hand-written manifests
/// and Dockerfiles, below the generated bundles whose parse would take hundreds of MB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// A size in bytes from a TOML integer or a string with an optional unit (`B`, `KB`, `MB`,
/// `GB` in powers of 1000, `KiB`, `MiB`, `GiB` in powers of 1024; case-insensitive).
fn parse_size(value: &toml::Value) -> Result<u64, String> {
    let text = match value {
        toml::Value::Integer(n) => {
            return u64::try_from(*n).map_err(|_| "must not be negative".to_string())
        }
        toml::Value::String(s) => s.trim(),
        _ => return Err("expected a number of bytes or a string such as \"20MB\"".into()),
    };
    let split = text
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(text.len());
    let (number, unit) = (text[..split].trim(), text[split..].trim());
    let number: f64 = number
        .parse()
        .map_err(|_| format!("`{text}` does not start with a number"))?;
    let scale: u64 = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" => 1000,
        "mb" => 1000 * 1000,
        "gb" => 1000 * 1000 * 1000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "unknown unit `{unit}` (use B, KB, MB, GB, KiB, MiB or GiB)"
            ))
        }
    };
    Ok((number * scale as f64) as u64)
}

/// serde reports an unknown option key only by name; find it inside the table's span so the
/// error points at the key.
fn option_key_span(
    text: &str,
    table: std::ops::Range<usize>,
    message: &str,
) -> std::ops::Range<usize> {
    let key = message
        .split_once("unknown field `")
        .and_then(|(_, rest)| rest.split_once('`'))
        .map(|(key, _)| key);
    key.and_then(|key| text.get(table.clone())?.find(key))
        .map(|at| table.start + at..table.start + at + 1)
        .unwrap_or(table)
}

fn build_globs(items: &[Spanned<String>], locator: &Locator) -> Result<GlobSet, ConfigError> {
    let mut builder = GlobSetBuilder::new();
    for item in items {
        let pattern = item.get_ref();
        let glob = Glob::new(pattern).map_err(|e| ConfigError {
            location: locator.at(item.span()),
            message: format!("invalid glob `{pattern}`: {}", e.kind()),
        })?;
        builder.add(glob);
        // `dir` also matches everything below it.
        if !pattern.ends_with("/**") {
            if let Ok(below) = Glob::new(&format!("{}/**", pattern.trim_end_matches('/'))) {
                builder.add(below);
            }
        }
    }
    builder.build().map_err(|e| ConfigError {
        location: locator.path.to_string(),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_take_bytes_or_a_unit() {
        let size = |v: toml::Value| parse_size(&v);
        assert_eq!(size(toml::Value::Integer(512)), Ok(512));
        assert_eq!(size("20MB".into()), Ok(20_000_000));
        assert_eq!(size(" 1.5 KiB ".into()), Ok(1536));
        assert_eq!(size("10mib".into()), Ok(10 << 20));
        assert_eq!(size("7".into()), Ok(7));
        assert!(size(toml::Value::Integer(-1)).is_err());
        assert!(size("ten MB".into()).unwrap_err().contains("number"));
        assert!(size("3 parsecs".into()).unwrap_err().contains("unit"));
        assert!(size(toml::Value::Boolean(true)).is_err());
    }
}
