//! The user-facing configuration file format, as serde types. Every key is optional and
//! kebab-case; the README documents each one.
//!
//! The doc comments are also the descriptions of `editors/plimsoll.schema.json`, generated
//! from these types (`plimsoll config-schema`). `toml::Spanned<T>` has no schema of its own,
//! so each spanned field names the plain type it reads as with `#[schemars(with = ...)]`.

use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// plimsoll configuration (`plimsoll.toml` or `.plimsoll.toml`).
///
/// plimsoll uses the nearest config file found from each linted file's directory upward;
/// files are not merged. Every key is optional.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "plimsoll.toml")]
pub struct Options {
    /// Rules to run instead of the default set: rule ids, categories (`security`,
    /// `correctness`, `reproducibility`, `efficiency`, `reliability`, `style`), `dockerfile`,
    /// `kubernetes`, `pss-baseline`, `pss-restricted`, `all`, or peer aliases such as
    /// `DL3008` or `CKV_K8S_16`. Default: every rule that is on by default. `--select`
    /// replaces it.
    #[schemars(with = "Option<Vec<String>>")]
    pub select: Option<Vec<Spanned<String>>>,
    /// Rules, categories or aliases added to the selection (e.g. rules that are off by
    /// default, such as `missing-healthcheck`).
    #[schemars(with = "Option<Vec<String>>")]
    pub extend_select: Option<Vec<Spanned<String>>>,
    /// Rules, categories or aliases removed from the selection.
    #[schemars(with = "Option<Vec<String>>")]
    pub ignore: Option<Vec<Spanned<String>>>,
    /// Per-rule severity: a rule id, category or alias to `"error"`, `"warning"` or `"info"`.
    #[schemars(with = "Option<BTreeMap<String, SeverityName>>")]
    pub severity: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    /// Rules ignored in matching paths: a glob (relative to this file's directory) to a list
    /// of rule ids, categories or aliases.
    #[schemars(with = "Option<BTreeMap<String, Vec<String>>>")]
    pub per_path_ignores: Option<BTreeMap<Spanned<String>, Vec<Spanned<String>>>>,
    /// Paths never walked (globs relative to this file's directory); setting it replaces the
    /// default list.
    #[schemars(
        with = "Option<Vec<String>>",
        extend("default" = super::resolve::DEFAULT_EXCLUDE)
    )]
    pub exclude: Option<Vec<Spanned<String>>>,
    /// Paths never walked (globs relative to this file's directory), added to `exclude`.
    #[schemars(with = "Option<Vec<String>>")]
    pub extend_exclude: Option<Vec<Spanned<String>>>,
    /// Honour `# hadolint ignore=...` and `# hadolint global ignore=...` pragmas.
    #[schemars(extend("default" = true))]
    pub hadolint_pragmas: Option<bool>,
    /// Dockerfile detection.
    pub dockerfile: Option<DockerfileOptions>,
    /// The Kubernetes version manifests are judged for: `"1.30"`, `"v1.30"` or `"latest"`
    /// (1.37). Decides which Pod Security Standards checks and allowed values apply and
    /// which API versions count as deprecated or removed. `--kubernetes-version` overrides
    /// it.
    #[schemars(
        with = "Option<String>",
        regex(pattern = r"^\s*([lL][aA][tT][eE][sS][tT]|[vV]?1\.[0-9]+(\.[0-9]+)?)\s*$"),
        extend("default" = "latest")
    )]
    pub kubernetes_version: Option<Spanned<String>>,
    /// Files larger than this are not read: they are skipped with a warning. A number of
    /// bytes or a string with a unit: `"20MB"`, `"512 KiB"`, `"1GB"` (KB, MB, GB are powers
    /// of 1000; KiB, MiB, GiB of 1024). Default `"10MiB"`.
    #[schemars(with = "Option<SizeValue>", extend("default" = "10MiB"))]
    pub max_file_size: Option<Spanned<toml::Value>>,
    /// Rule options: one `[rules.<id>]` table per rule that has options (see the rule's
    /// page, `plimsoll rule ID`).
    #[schemars(with = "Option<BTreeMap<String, serde_json::Map<String, serde_json::Value>>>")]
    pub rules: Option<BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
}

/// A size: bytes, or a string such as `"20MB"` or `"512 KiB"`.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // Only its schema is used.
enum SizeValue {
    Bytes(u64),
    WithUnit(
        #[schemars(regex(pattern = r"^\s*[0-9]+(\.[0-9]+)?\s*([kKmMgG]i?[bB]|[bB])?\s*$"))] String,
    ),
}

/// `[dockerfile]`: Dockerfile detection.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DockerfileOptions {
    /// Extra file-name globs detected as Dockerfiles (`"*.dockerfile.j2"`, `"Dockerfile*"`),
    /// besides `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `Containerfile` and their
    /// variants.
    #[schemars(with = "Option<Vec<String>>")]
    pub patterns: Option<Vec<Spanned<String>>>,
}

// Only the schema uses this type: the loader reads the string and reports an unknown one at
// its span.
/// A severity: `"error"`, `"warning"` or `"info"`.
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
#[allow(dead_code)]
enum SeverityName {
    Error,
    Warning,
    Info,
}
