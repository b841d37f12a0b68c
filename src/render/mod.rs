//! Output formats, one file each. Renderers read [`FileResult`]s (diagnostics with their
//! lines and columns) and nothing else.

pub mod concise;
pub mod human;
pub mod json;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{LineColumn, SourceFile};

/// A diagnostic with its position resolved to lines and columns.
#[derive(Clone, Debug)]
pub struct Located {
    pub diagnostic: Diagnostic,
    pub start: LineColumn,
    pub end: LineColumn,
}

/// The findings of one file, ready to render without the file's text.
#[derive(Clone, Debug, Default)]
pub struct FileResult {
    pub path: String,
    pub diagnostics: Vec<Located>,
    /// Pre-rendered human output (rendered while the text was at hand).
    pub human: Option<String>,
}

impl FileResult {
    pub fn new(file: &SourceFile, diagnostics: Vec<Diagnostic>) -> Self {
        let diagnostics = diagnostics
            .into_iter()
            .map(|d| Located {
                start: file.line_column(d.range.start as usize),
                end: file.line_column(d.range.end as usize),
                diagnostic: d,
            })
            .collect();
        Self {
            path: file.path.clone(),
            diagnostics,
            human: None,
        }
    }
}

/// Totals over a run.
#[derive(Clone, Copy, Debug, Default, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    /// Files read but not linted (YAML without Kubernetes objects, Helm templates).
    pub skipped: usize,
    pub files_with_findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn add(&mut self, result: &FileResult) {
        self.files += 1;
        if !result.diagnostics.is_empty() {
            self.files_with_findings += 1;
        }
        for d in &result.diagnostics {
            match d.diagnostic.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}
