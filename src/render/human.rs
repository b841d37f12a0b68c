//! `--format human`: each finding rendered by miette with a source snippet, a label on the
//! exact span, the help line and the rule id linking to its page. Rendering happens per file
//! while its text is at hand ([`render_file`]); [`Human`] writes the rendered text.

use super::{FileResult, Render};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::REGISTRY;
use crate::source::SourceFile;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::io::{self, Write};

/// Writes each file's pre-rendered text ([`FileResult::human`]).
pub struct Human {
    /// Drop colour codes (the text was rendered in colour for the terminal).
    pub strip_colour: bool,
}

impl Render for Human {
    fn file(&mut self, result: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        let text = result.human.as_deref().unwrap_or("").as_bytes();
        if self.strip_colour {
            out.write_all(&strip_ansi(text))
        } else {
            out.write_all(text)
        }
    }
}

/// Text without its ANSI colour codes.
fn strip_ansi(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
            i += 2;
            while i < bytes.len() && !(0x40..=0x7e).contains(&bytes[i]) {
                i += 1;
            }
        } else {
            out.push(bytes[i]);
        }
        i += 1;
    }
    out
}

/// Renders every diagnostic of `file`.
pub fn render_file(file: &SourceFile, diagnostics: &[Diagnostic], color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(120)
        .with_links(false)
        .with_context_lines(1);
    let source = IndexedSource { file };
    let mut out = String::new();
    for d in diagnostics {
        let report = Report { d, source: &source };
        // Writing into a String cannot fail; a formatting error would only drop this snippet.
        let _ = handler.render_report(&mut out, &report);
        out.push('\n');
    }
    out
}

struct Report<'a> {
    d: &'a Diagnostic,
    source: &'a IndexedSource<'a>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.d.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let url = REGISTRY
            .iter()
            .find(|r| r.id == self.d.rule)
            .map(|r| r.url());
        let lines: Vec<String> = self
            .d
            .source
            .iter()
            .map(|source| format!("rendered from {source}"))
            .chain(self.d.help.clone())
            .chain(url.map(|url| format!("see {url}")))
            .collect();
        (!lines.is_empty()).then(|| Box::new(lines.join("\n")) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let range = self.d.range;
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(
                None,
                SourceSpan::new((range.start as usize).into(), range.len()),
            ),
        )))
    }
}

/// miette's default source scan walks the text from the start for every snippet, which is
/// quadratic on files with many findings; this one jumps through the line index.
struct IndexedSource<'a> {
    file: &'a SourceFile,
}

impl SourceCode for IndexedSource<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = &self.file.text;
        let index = &self.file.index;
        let start = span.offset().min(text.len());
        let end = (span.offset() + span.len()).min(text.len());
        if span.offset() > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let first_line = index.line_of(start).saturating_sub(context_lines_before);
        let last_span_line = index.line_of(if end > start { end - 1 } else { end });
        let last_line = (last_span_line + context_lines_after).min(index.line_count() - 1);
        let from = index.line_start(first_line);
        let to = if last_line + 1 < index.line_count() {
            index.line_start(last_line + 1)
        } else {
            text.len()
        };
        // miette reads the snippet header's `line:column` from a zero-context read, so the
        // column is the span's own column.
        let column = self.file.line_column(start).column - 1;
        Ok(Box::new(MietteSpanContents::new_named(
            self.file.path.clone(),
            &text.as_bytes()[from..to],
            SourceSpan::new(from.into(), to - from),
            first_line,
            column,
            last_line - first_line + 1,
        )))
    }
}
