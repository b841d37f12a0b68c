//! The contexts rules report into: [`Context`] for one file (a Dockerfile, or one Kubernetes
//! object at a time) and [`SetContext`] for cross-object rules over one input set.

use super::{EnabledRule, Rule, RuleOptions};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::kubernetes::KubeVersion;
use crate::source::{SourceFile, TextRange};

/// What a rule sees besides the model: its options and a place to report.
pub struct Context<'a> {
    rule: &'static Rule,
    severity: Severity,
    options: &'a RuleOptions,
    file: &'a SourceFile,
    kubernetes_version: KubeVersion,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl<'a> Context<'a> {
    /// The context of `enabled` (its rule, severity and options) for `file`.
    pub(crate) fn new(
        enabled: &'a EnabledRule,
        file: &'a SourceFile,
        kubernetes_version: KubeVersion,
        diagnostics: &'a mut Vec<Diagnostic>,
    ) -> Self {
        Self {
            rule: enabled.rule,
            severity: enabled.severity,
            options: &enabled.options,
            file,
            kubernetes_version,
            diagnostics,
        }
    }

    /// The rule's typed options (its defaults when `[rules.<id>]` is absent).
    pub fn options<T: 'static>(&self) -> &T {
        self.options
            .downcast_ref::<T>()
            .expect("a rule reads the options type it declared")
    }

    /// The file's text, for rules that need the exact source of a range.
    pub fn text(&self) -> &'a str {
        &self.file.text
    }

    /// The 1-based line of byte `offset`, for messages that point at another line
    /// ("overridden by the `CMD` on line 7"). Uses the file's line index: no scan.
    pub fn line_of(&self, offset: usize) -> usize {
        self.file.line_column(offset).line
    }

    /// The Kubernetes version manifests are judged for (`kubernetes-version`).
    pub fn kubernetes_version(&self) -> KubeVersion {
        self.kubernetes_version
    }

    /// Reports a finding on `range`; chain `.help(...)` and `.fix(...)`.
    pub fn report(&mut self, range: TextRange, message: impl Into<String>) -> Report<'_> {
        self.diagnostics.push(new_diagnostic(
            self.rule,
            self.severity,
            range,
            message.into(),
        ));
        Report(self.diagnostics.last_mut().expect("just pushed"))
    }
}

fn new_diagnostic(
    rule: &'static Rule,
    severity: Severity,
    range: TextRange,
    message: String,
) -> Diagnostic {
    Diagnostic {
        rule: rule.id,
        severity,
        range,
        message,
        help: None,
        fix: None,
        source: None,
    }
}

/// Where a cross-object rule reports: findings are tied to a file of the input set by its
/// index ([`super::SetObject::file`]); each file's own settings decide later whether the rule
/// is on there, at which severity, and whether a suppression covers the finding.
pub struct SetContext<'a> {
    rule: &'static Rule,
    kubernetes_version: KubeVersion,
    found: &'a mut Vec<(usize, Diagnostic)>,
}

impl<'a> SetContext<'a> {
    pub(crate) fn new(
        rule: &'static Rule,
        kubernetes_version: KubeVersion,
        found: &'a mut Vec<(usize, Diagnostic)>,
    ) -> Self {
        Self {
            rule,
            kubernetes_version,
            found,
        }
    }

    pub fn kubernetes_version(&self) -> KubeVersion {
        self.kubernetes_version
    }

    /// Reports a finding on `range` of input file `file`.
    pub fn report(
        &mut self,
        file: usize,
        range: TextRange,
        message: impl Into<String>,
    ) -> Report<'_> {
        let d = new_diagnostic(self.rule, self.rule.severity, range, message.into());
        self.found.push((file, d));
        Report(&mut self.found.last_mut().expect("just pushed").1)
    }
}

/// A finding being reported.
pub struct Report<'a>(&'a mut Diagnostic);

impl Report<'_> {
    /// An imperative line telling the user what to do.
    pub fn help(self, help: impl Into<String>) -> Self {
        self.0.help = Some(help.into());
        self
    }

    pub fn fix(self, title: impl Into<String>, edits: Vec<Edit>) -> Self {
        self.0.fix = Some(Fix {
            title: title.into(),
            edits,
        });
        self
    }
}
