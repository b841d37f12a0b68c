//! The rule engine: rule metadata ([`Rule`]), the per-file [`Context`] rules report into,
//! suppressions, resolved [`Settings`], and [`run::lint`] that ties them together. The engine
//! never imports the rule list (`crate::rules`), configuration files or renderers.

mod context;
pub mod guard;
pub mod run;
mod settings;
pub mod suppress;

pub use context::{Context, Report, SetContext};
pub use settings::{EnabledRule, RuleOptions, Settings};

use crate::diagnostic::Severity;
use crate::dockerfile::Dockerfile;
use crate::kubernetes::{KubeVersion, Object, ObjectFacts};
use serde::Serialize;
use std::fmt;

/// The kinds of file plimsoll lints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    Dockerfile,
    /// A YAML or JSON file that may hold Kubernetes manifests (also Helm output).
    Kubernetes,
}

/// What a rule applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    Dockerfile,
    Kubernetes,
    /// Every kind of file (parse errors, suppression problems).
    Any,
}

impl Target {
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Dockerfile => "dockerfile",
            Target::Kubernetes => "kubernetes",
            Target::Any => "any",
        }
    }

    /// The folder of the rule's page under `rules/` and of its fixtures under `testdata/`.
    pub fn dir(self) -> &'static str {
        match self {
            Target::Dockerfile => "dockerfile",
            Target::Kubernetes => "kubernetes",
            Target::Any => "general",
        }
    }

    pub fn applies_to(self, kind: FileKind) -> bool {
        match self {
            Target::Any => true,
            Target::Dockerfile => kind == FileKind::Dockerfile,
            Target::Kubernetes => kind == FileKind::Kubernetes,
        }
    }
}

/// A Pod Security Standards level. Levels are cumulative: `restricted` includes `baseline`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PssLevel {
    Baseline,
    Restricted,
}

macro_rules! categories {
    ($($variant:ident => $name:literal: $description:literal),* $(,)?) => {
        /// What kind of problem a rule finds. Category names are selectors (`--select security`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "lowercase")]
        pub enum Category { $($variant),* }

        impl Category {
            pub const ALL: &'static [Category] = &[$(Category::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $(Category::$variant => $name),* }
            }

            pub fn description(self) -> &'static str {
                match self { $(Category::$variant => $description),* }
            }
        }
    };
}

categories! {
    Security => "security": "weakens the isolation or secrecy of what runs in the container",
    Correctness => "correctness": "is wrong or broken: the build or the runtime will not do what it says",
    Reproducibility => "reproducibility": "makes the result depend on when or where it is built",
    Efficiency => "efficiency": "makes images larger or builds slower than they need to be",
    Reliability => "reliability": "lets a workload fail, starve or be evicted under load or during upgrades",
    Style => "style": "is legal but unclear, deprecated or unidiomatic",
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a rule can offer an automatic fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixKind {
    None,
    /// The fix keeps the meaning of the file.
    Safe,
    /// The fix may change behaviour; editors offer it, nothing applies it unasked.
    Unsafe,
}

/// One object of an input set (a folder, a chart, standard input), for cross-object rules: the index of its file among
/// the inputs, and what is known about it.
#[derive(Clone, Copy, Debug)]
pub struct SetObject<'a> {
    pub file: usize,
    pub facts: &'a ObjectFacts,
}

/// How a rule inspects a file.
#[derive(Clone, Copy)]
pub enum Check {
    Dockerfile(fn(&Dockerfile, &mut Context)),
    /// Runs on each Kubernetes object (a `kind: List` item counts as an object).
    Object(fn(&Object, &mut Context)),
    /// Runs once on every object of an input set (a folder, a chart, standard input): Services that select
    /// no pods, references to objects that are not there.
    Set(fn(&[SetObject], &mut SetContext)),
    /// Reported by the engine itself (parse errors, suppression problems).
    Engine,
}

/// Typed options a rule reads from `[rules.<id>]`.
pub struct OptionsSpec {
    pub parse: fn(toml::Value) -> Result<RuleOptions, String>,
    pub default: fn() -> RuleOptions,
}

/// A rule's metadata and check, declared once in the rule's own file.
pub struct Rule {
    /// Unique kebab-case id; also the page name and the fixture folder.
    pub id: &'static str,
    /// One line for tables and SARIF.
    pub title: &'static str,
    pub severity: Severity,
    pub category: Category,
    pub target: Target,
    pub fix: FixKind,
    /// Peer ids that mean the same (`hadolint:DL3008`, `checkov:CKV_DOCKER_2`).
    pub aliases: &'static [&'static str],
    pub enabled_by_default: bool,
    /// The rule's Markdown page from `rules/<target>/<id>.md`.
    pub page: &'static str,
    pub check: Check,
    pub options: Option<&'static OptionsSpec>,
    /// The Pod Security Standards level whose check this rule implements (its upstream id is
    /// a `pss:` alias); `--select pss-baseline` / `pss-restricted` pick rules by it.
    pub pss: Option<PssLevel>,
    /// Rules this one supersedes when both are enabled (a restricted PSS check and its
    /// baseline twin): where both report the same range, only one finding is kept, the more
    /// severe (this rule's on a tie). Each rule still reports what only it finds.
    pub replaces: &'static [&'static str],
    /// The first Kubernetes version the rule applies to; below it the rule does not run.
    pub min_kubernetes: Option<KubeVersion>,
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule").field("id", &self.id).finish()
    }
}

impl Rule {
    /// The part of an alias after `tool:` (`DL3008` for `hadolint:DL3008`).
    pub fn alias_codes(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.aliases.iter().filter_map(|a| a.split_once(':'))
    }

    /// Where the rule's page is published.
    pub fn url(&self) -> String {
        format!("{}{}/{}.md", crate::DOCS_BASE, self.target.dir(), self.id)
    }

    /// True when the rule runs for manifests of Kubernetes `version`.
    pub fn applies_at(&self, version: KubeVersion) -> bool {
        self.min_kubernetes.is_none_or(|min| version >= min)
    }
}

/// Declares a rule: `pub static RULE: Rule` with its page embedded from
/// `rules/<target>/<id>.md`, so a missing page is a compile error. A Dockerfile rule's
/// `check` is its function; a Kubernetes rule's is a [`Check`] (`Check::Object(check)`,
/// `Check::Set(check)`). Optional trailing fields, in this order: `options: Type`,
/// `pss: Baseline|Restricted`, `replaces: ["id"]`, `min_kubernetes: (1, 25)`.
#[macro_export]
macro_rules! declare_rule {
    (
        id: $id:literal,
        title: $title:literal,
        severity: $severity:ident,
        category: $category:ident,
        target: $target:ident,
        fix: $fix:ident,
        aliases: [$($alias:literal),* $(,)?],
        enabled_by_default: $enabled:literal,
        check: $check:expr,
        $(options: $options:ty,)?
        $(pss: $pss:ident,)?
        $(replaces: [$($replaced:literal),* $(,)?],)?
        $(min_kubernetes: ($major:literal, $minor:literal),)?
    ) => {
        pub static RULE: $crate::engine::Rule = $crate::engine::Rule {
            id: $id,
            title: $title,
            severity: $crate::diagnostic::Severity::$severity,
            category: $crate::engine::Category::$category,
            target: $crate::engine::Target::$target,
            fix: $crate::engine::FixKind::$fix,
            aliases: &[$($alias),*],
            enabled_by_default: $enabled,
            page: include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"), "/rules/", $crate::declare_rule!(@dir $target), "/", $id, ".md"
            )),
            check: $crate::declare_rule!(@check $target, $check),
            options: $crate::declare_rule!(@options $($options)?),
            pss: $crate::declare_rule!(@pss $($pss)?),
            replaces: &[$($($replaced),*)?],
            min_kubernetes: $crate::declare_rule!(@version $($major, $minor)?),
        };

        /// The rule's `pass*` fixtures stay silent and its `fail*` fixtures match their snapshots.
        #[cfg(test)]
        #[test]
        fn fixtures() {
            $crate::testing::assert_fixtures(&RULE);
        }
    };
    (@dir Dockerfile) => { "dockerfile" };
    (@dir Kubernetes) => { "kubernetes" };
    (@dir Any) => { "general" };
    (@check Dockerfile, $check:expr) => { $crate::engine::Check::Dockerfile($check) };
    (@check Kubernetes, $check:expr) => { $check };
    (@check Any, $check:expr) => { $check };
    (@options) => { None };
    (@options $options:ty) => {
        Some(&$crate::engine::OptionsSpec {
            parse: |value| {
                <$options as serde::Deserialize>::deserialize(value)
                    .map(|o| std::sync::Arc::new(o) as $crate::engine::RuleOptions)
                    .map_err(|e| e.to_string())
            },
            default: || std::sync::Arc::new(<$options as Default>::default()),
        })
    };
    (@pss) => { None };
    (@pss $level:ident) => { Some($crate::engine::PssLevel::$level) };
    (@version) => { None };
    (@version $major:literal, $minor:literal) => {
        Some($crate::kubernetes::KubeVersion::new($major, $minor))
    };
}
