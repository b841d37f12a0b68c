//! The per-file, per-rule reporting context a rule writes its findings into.

use super::{Rule, RuleOptions};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::source::{SourceFile, TextRange};

/// What a rule sees besides the model: its options and a place to report.
pub struct Context<'a> {
    rule: &'static Rule,
    severity: Severity,
    options: &'a RuleOptions,
    file: &'a SourceFile,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl<'a> Context<'a> {
    pub(crate) fn new(
        rule: &'static Rule,
        severity: Severity,
        options: &'a RuleOptions,
        file: &'a SourceFile,
        diagnostics: &'a mut Vec<Diagnostic>,
    ) -> Self {
        Self {
            rule,
            severity,
            options,
            file,
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

    /// Reports a finding on `range`; chain `.help(...)` and `.fix(...)`.
    pub fn report(&mut self, range: TextRange, message: impl Into<String>) -> Report<'_> {
        self.diagnostics.push(Diagnostic {
            rule: self.rule.id,
            severity: self.severity,
            range,
            message: message.into(),
            help: None,
            fix: None,
        });
        Report(self.diagnostics.last_mut().expect("just pushed"))
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
