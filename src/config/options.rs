//! The user-facing configuration file format, as serde types. Every key is optional and
//! kebab-case; the README documents each one.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// The contents of a `plimsoll.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    /// Rules, categories, file kinds or peer aliases to enable; replaces the default set.
    pub select: Option<Vec<Spanned<String>>>,
    /// Added to the selection.
    pub extend_select: Option<Vec<Spanned<String>>>,
    /// Removed from the selection.
    pub ignore: Option<Vec<Spanned<String>>>,
    /// Per-rule severity: `"error"`, `"warning"` or `"info"`.
    pub severity: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    /// Glob (relative to the config file's directory) to rules ignored in matching files.
    pub per_path_ignores: Option<BTreeMap<Spanned<String>, Vec<Spanned<String>>>>,
    /// Globs of paths never walked; replaces the defaults.
    pub exclude: Option<Vec<Spanned<String>>>,
    /// Globs of paths never walked, added to `exclude`.
    pub extend_exclude: Option<Vec<Spanned<String>>>,
    /// Honour `# hadolint ignore=...` pragmas (default true).
    pub hadolint_pragmas: Option<bool>,
    pub dockerfile: Option<DockerfileOptions>,
    /// The Kubernetes version manifests are judged for: `"1.30"`, `"v1.30"` or `"latest"`.
    pub kubernetes_version: Option<Spanned<String>>,
    /// `[rules.<id>]` tables of rule options.
    pub rules: Option<BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
}

/// `[dockerfile]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DockerfileOptions {
    /// Extra file-name globs detected as Dockerfiles (`"*.dockerfile.j2"`, `"Dockerfile*"`).
    pub patterns: Option<Vec<Spanned<String>>>,
}
