//! What a rule reports: a [`Diagnostic`] with its severity, byte range, message, help and fix.
//!
//! Renderers read diagnostics and nothing else; they never see models or rules.

use crate::source::TextRange;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A text replacement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub range: TextRange,
    pub replacement: String,
}

impl Edit {
    pub fn replace(range: TextRange, replacement: impl Into<String>) -> Self {
        Self {
            range,
            replacement: replacement.into(),
        }
    }

    pub fn insert(offset: usize, text: impl Into<String>) -> Self {
        Self::replace(TextRange::empty(offset), text)
    }

    pub fn delete(range: TextRange) -> Self {
        Self::replace(range, "")
    }
}

/// A fix a rule offers: a title for editors and the edits that make it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    /// `text` with the edits applied. Edits must not overlap; they may come in any order.
    pub fn apply(&self, text: &str) -> String {
        let mut edits: Vec<&Edit> = self.edits.iter().collect();
        edits.sort_by_key(|e| e.range);
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for edit in edits {
            let range = edit.range.as_range();
            out.push_str(&text[at..range.start.max(at)]);
            out.push_str(&edit.replacement);
            at = at.max(range.end);
        }
        out.push_str(&text[at..]);
        out
    }
}

/// One finding in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The canonical rule id (`apt-get-unpinned`).
    pub rule: &'static str,
    pub severity: Severity,
    pub range: TextRange,
    pub message: String,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    /// The Helm template the finding's object was rendered from (`templates/web.yaml`).
    pub source: Option<String>,
}

impl Diagnostic {
    /// Sort key inside one file: position, then rule id, then message.
    pub fn sort_key(&self) -> (u32, u32, &'static str, &str) {
        (self.range.start, self.range.end, self.rule, &self.message)
    }
}
