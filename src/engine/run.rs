//! Runs the enabled rules over one parsed file, turns parse errors into `parse-error`
//! findings, applies suppressions and per-path ignores, and sorts the result.

use super::suppress::{parse_comment, Scope, Suppressions};
use super::{Check, Context, FileKind, Settings};
use crate::diagnostic::{Diagnostic, Severity};
use crate::dockerfile::{self, Dockerfile};
use crate::source::{SourceFile, TextRange};

/// Id of the built-in rule that reports syntax errors.
pub const PARSE_ERROR: &str = "parse-error";
/// Id of the built-in rule that reports broken suppression comments.
pub const INVALID_SUPPRESSION: &str = "invalid-suppression";

/// Lints one file with `settings`. Pure: no IO.
pub fn lint(file: &SourceFile, kind: FileKind, settings: &Settings) -> Vec<Diagnostic> {
    let mut diagnostics = match kind {
        FileKind::Dockerfile => lint_dockerfile(file, settings),
    };
    let ignored = settings.ignored_for_path(&file.path);
    if !ignored.is_empty() {
        diagnostics.retain(|d| !ignored.contains(&d.rule));
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
    diagnostics
}

/// Reports a finding of an engine rule (`parse-error`, `invalid-suppression`) if enabled.
fn report_engine(
    settings: &Settings,
    id: &'static str,
    range: TextRange,
    message: String,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(enabled) = settings.enabled(id) {
        out.push(Diagnostic {
            rule: enabled.rule.id,
            severity: enabled.severity,
            range,
            message,
            help: None,
            fix: None,
        });
    }
}

/// An invalid-UTF-8 note: the CLI decodes lossily and tells the engine where the first bad
/// byte was.
pub fn encoding_error(settings: &Settings, offset: usize) -> Option<Diagnostic> {
    let mut out = Vec::new();
    report_engine(
        settings,
        PARSE_ERROR,
        TextRange::new(offset, offset),
        "the file is not valid UTF-8 here; invalid bytes were read as U+FFFD".into(),
        &mut out,
    );
    out.pop().map(|mut d| {
        // Lossy decoding lets linting go on, so this is at most a warning.
        d.severity = d.severity.min(Severity::Warning);
        d
    })
}

fn lint_dockerfile(file: &SourceFile, settings: &Settings) -> Vec<Diagnostic> {
    let df = dockerfile::parse(&file.text);
    let mut diagnostics = Vec::new();
    for error in &df.errors {
        report_engine(
            settings,
            PARSE_ERROR,
            error.range,
            error.message.clone(),
            &mut diagnostics,
        );
    }
    for enabled in settings.rules_for(FileKind::Dockerfile) {
        if let Check::Dockerfile(check) = enabled.rule.check {
            let mut cx = Context::new(
                enabled.rule,
                enabled.severity,
                &enabled.options,
                file,
                &mut diagnostics,
            );
            check(&df, &mut cx);
        }
    }
    let suppressions = dockerfile_suppressions(&df, &file.text, settings, &mut diagnostics);
    diagnostics.retain(|d| !suppressions.suppresses(d));
    diagnostics
}

/// A `# plimsoll: ignore[...]` comment covers the instruction it sits in (a comment inside a
/// continuation) or else the next instruction.
fn dockerfile_suppressions(
    df: &Dockerfile,
    text: &str,
    settings: &Settings,
    diagnostics: &mut Vec<Diagnostic>,
) -> Suppressions {
    let mut suppressions = Suppressions::default();
    let mut problems = Vec::new();
    for comment in &df.comments {
        let comment_text = &text[comment.range.as_range()];
        let Some(suppression) = parse_comment(comment_text, comment.range, settings, &mut problems)
        else {
            continue;
        };
        match suppression.scope {
            Scope::File => suppressions.add_file(&suppression.rules),
            Scope::Next => {
                let at = comment.range.start as usize;
                let target = df
                    .instructions
                    .iter()
                    .find(|i| i.range.contains(at) || i.range.start as usize > at);
                if let Some(target) = target {
                    suppressions.add_scoped(target.range, suppression.rules);
                }
            }
        }
    }
    for (range, message) in problems {
        report_engine(settings, INVALID_SUPPRESSION, range, message, diagnostics);
    }
    suppressions
}
