//! `--format json`: one JSON document with every finding and a summary. Lines and columns are
//! 1-based; columns count Unicode scalar values. The shape is versioned (`"version": 1`).

use super::pretty_json::{write_nested, ArrayWriter};
use super::{FileResult, Located, Render, Summary};
use crate::source::LineColumn;
use serde::Serialize;
use std::io::{self, Write};

/// Writes `{"version": 1, "diagnostics": [...], "summary": {...}}`, the diagnostics as they
/// come.
pub struct Json {
    diagnostics: ArrayWriter,
}

impl Default for Json {
    fn default() -> Self {
        Self {
            // Inside the document's object.
            diagnostics: ArrayWriter::new(1),
        }
    }
}

impl Render for Json {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"{\n  \"version\": 1,\n  \"diagnostics\": ")
    }

    fn file(&mut self, result: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        for d in &result.diagnostics {
            self.diagnostics.push(out, &diagnostic(&result.path, d))?;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        self.diagnostics.close(out)?;
        out.write_all(b",\n  \"summary\": ")?;
        write_nested(out, summary, 1)?;
        out.write_all(b"\n}\n")
    }
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

fn diagnostic<'a>(path: &'a str, d: &'a Located) -> JsonDiagnostic<'a> {
    JsonDiagnostic {
        rule: d.diagnostic.rule,
        severity: d.diagnostic.severity.as_str(),
        message: &d.diagnostic.message,
        help: d.diagnostic.help.as_deref(),
        path,
        source: d.diagnostic.source.as_deref(),
        range: JsonRange {
            start: d.start,
            end: d.end,
        },
        url: crate::rules::REGISTRY
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
    }
}
