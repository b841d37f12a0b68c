//! plimsoll: a fast static linter for Dockerfiles, Kubernetes manifests and Helm output.
//!
//! The library is the one seam the CLI and the language server share: [`lint_source`] takes a
//! file, its kind and resolved [`Settings`] and returns diagnostics, doing no IO. Dependencies
//! point one way: `cli → config → rules → engine → models (dockerfile) → source`; `render` only
//! reads diagnostics.

pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod dockerfile;
pub mod engine;
pub mod kubernetes;
pub mod render;
pub mod rules;
pub mod source;
pub mod suggest;
pub mod walk;

#[cfg(test)]
mod testing;

pub use diagnostic::{Diagnostic, Severity};
pub use engine::{FileKind, Settings};
pub use source::SourceFile;

/// Where rule pages are published; a rule's page is `<DOCS_BASE><target>/<id>.md`.
pub const DOCS_BASE: &str = "https://github.com/plimsoll-dev/plimsoll/blob/main/rules/";

/// Lints one file. Pure: the caller reads the file and resolves the settings.
pub fn lint_source(file: &SourceFile, kind: FileKind, settings: &Settings) -> Vec<Diagnostic> {
    engine::run::lint(file, kind, settings)
}
