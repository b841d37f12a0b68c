//! `--format json`: one JSON document with every finding and a summary. Lines and columns are
//! 1-based; columns count Unicode scalar values. The shape is versioned (`"version": 1`).

use super::{FileResult, Summary};
use crate::source::LineColumn;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    path: &'a str,
    /// The Helm template a rendered object came from.
    source: Option<&'a str>,
    range: JsonRange,
    url: String,
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonRange {
    start: LineColumn,
    end: LineColumn,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    /// Byte offsets into the file.
    start_offset: u32,
    end_offset: u32,
    replacement: &'a str,
}

pub fn render(results: &[FileResult], summary: Summary, out: &mut dyn Write) -> io::Result<()> {
    let registry = crate::rules::REGISTRY;
    let diagnostics = results
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| (r, d)))
        .map(|(r, d)| JsonDiagnostic {
            rule: d.diagnostic.rule,
            severity: d.diagnostic.severity.as_str(),
            message: &d.diagnostic.message,
            help: d.diagnostic.help.as_deref(),
            path: &r.path,
            source: d.diagnostic.source.as_deref(),
            range: JsonRange {
                start: d.start,
                end: d.end,
            },
            url: registry
                .iter()
                .find(|rule| rule.id == d.diagnostic.rule)
                .map(|rule| rule.url())
                .unwrap_or_default(),
            fix: d.diagnostic.fix.as_ref().map(|f| JsonFix {
                title: &f.title,
                edits: f
                    .edits
                    .iter()
                    .map(|e| JsonEdit {
                        start_offset: e.range.start,
                        end_offset: e.range.end,
                        replacement: &e.replacement,
                    })
                    .collect(),
            }),
        })
        .collect();
    let document = Document {
        version: 1,
        diagnostics,
        summary,
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
