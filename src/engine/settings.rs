//! Resolved settings: which rules run, at which severity, with which options. Built by
//! `crate::config` from files and flags; the engine only reads them.

use super::{FileKind, Rule};
use crate::diagnostic::Severity;
use crate::kubernetes::KubeVersion;
use globset::GlobSet;
use std::any::Any;
use std::path::PathBuf;
use std::sync::Arc;

/// A rule's parsed options; the rule downcasts to its own type.
pub type RuleOptions = Arc<dyn Any + Send + Sync>;

/// A rule that will run, with its effective severity and options.
#[derive(Clone)]
pub struct EnabledRule {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub options: RuleOptions,
}

/// Everything the engine needs to lint a file.
#[derive(Clone)]
pub struct Settings {
    /// Sorted by rule id.
    pub rules: Vec<EnabledRule>,
    /// Honour `# hadolint ignore=...` pragmas through rule aliases.
    pub hadolint_pragmas: bool,
    /// Every known rule, for resolving ids in suppression comments.
    pub registry: &'static [&'static Rule],
    /// Directory that `per_path_ignores` globs are relative to.
    pub root: Option<PathBuf>,
    /// `(globs, rule ids)`: rules ignored for matching paths.
    pub per_path_ignores: Vec<(GlobSet, Vec<&'static str>)>,
    /// The Kubernetes version manifests are judged for.
    pub kubernetes_version: KubeVersion,
}

impl Settings {
    pub fn is_enabled(&self, id: &str) -> bool {
        self.rules.binary_search_by(|r| r.rule.id.cmp(id)).is_ok()
    }

    pub fn enabled(&self, id: &str) -> Option<&EnabledRule> {
        self.rules
            .binary_search_by(|r| r.rule.id.cmp(id))
            .ok()
            .map(|i| &self.rules[i])
    }

    pub fn rules_for(&self, kind: FileKind) -> impl Iterator<Item = &EnabledRule> {
        self.rules
            .iter()
            .filter(move |r| r.rule.target.applies_to(kind))
    }

    /// Rule ids ignored for `path` by `per-path-ignores`.
    pub fn ignored_for_path(&self, path: &str) -> Vec<&'static str> {
        if self.per_path_ignores.is_empty() {
            return Vec::new();
        }
        let absolute = std::path::absolute(path).unwrap_or_else(|_| PathBuf::from(path));
        let relative = match &self.root {
            Some(root) => absolute
                .strip_prefix(root)
                .map(PathBuf::from)
                .unwrap_or(absolute),
            None => PathBuf::from(path),
        };
        self.per_path_ignores
            .iter()
            .filter(|(globs, _)| globs.is_match(&relative))
            .flat_map(|(_, ids)| ids.iter().copied())
            .collect()
    }
}
