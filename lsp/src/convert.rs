//! Positions between plimsoll's byte offsets and LSP positions in the negotiated encoding
//! (UTF-8 when the client offers it, else UTF-16), and plimsoll diagnostics as LSP ones.

use plimsoll::source::{LineIndex, TextRange};
use plimsoll::{Diagnostic, Severity};
use tower_lsp_server::ls_types::{
    self as lsp, CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Range, Uri,
};

/// How LSP positions count characters within a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// A document's text with its line index.
pub struct Text<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub encoding: Encoding,
}

impl Text<'_> {
    /// The LSP position of byte `offset`.
    pub fn position(&self, offset: usize) -> Position {
        let offset = plimsoll::source::floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.index.line_of(offset);
        let start = self.index.line_start(line);
        let prefix = &self.text[start..offset];
        let character = match self.encoding {
            Encoding::Utf8 => prefix.len(),
            Encoding::Utf16 => prefix.chars().map(char::len_utf16).sum(),
        };
        Position::new(line as u32, character as u32)
    }

    pub fn range(&self, range: TextRange) -> Range {
        Range::new(
            self.position(range.start as usize),
            self.position(range.end as usize),
        )
    }

    /// The byte offset of an LSP position; positions past a line's end clamp to it, lines
    /// past the end to the end of the text.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.index.line_count() {
            return self.text.len();
        }
        let start = self.index.line_start(line);
        let end = if line + 1 < self.index.line_count() {
            self.index.line_start(line + 1)
        } else {
            self.text.len()
        };
        let content = self.text[start..end].trim_end_matches(['\n', '\r']);
        let mut units = 0usize;
        for (i, c) in content.char_indices() {
            if units >= position.character as usize {
                return start + i;
            }
            units += match self.encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
        }
        start + content.len()
    }
}

/// A plimsoll finding as an LSP diagnostic: the rule id as `code`, its page as
/// `codeDescription`, and for a Helm-rendered object the template as related information.
pub fn diagnostic(d: &Diagnostic, text: &Text, uri: &Uri) -> lsp::Diagnostic {
    let range = text.range(d.range);
    let severity = match d.severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    };
    let href = plimsoll::rules::REGISTRY
        .iter()
        .find(|r| r.id == d.rule)
        .and_then(|r| r.url().parse::<Uri>().ok());
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let related_information = d.source.as_ref().map(|source| {
        vec![DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range),
            message: format!("rendered from {source}"),
        }]
    });
    lsp::Diagnostic {
        range,
        severity: Some(severity),
        code: Some(NumberOrString::String(d.rule.to_string())),
        code_description: href.map(|href| CodeDescription { href }),
        source: Some("plimsoll".into()),
        message,
        related_information,
        tags: None,
        data: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_utf16_columns() {
        let src = "a😀b\nxyz\r\nlast";
        let index = LineIndex::new(src);
        let at = |encoding| Text {
            text: src,
            index: &index,
            encoding,
        };
        let b = src.find('b').unwrap();
        assert_eq!(at(Encoding::Utf8).position(b), Position::new(0, 5));
        assert_eq!(at(Encoding::Utf16).position(b), Position::new(0, 3));
        assert_eq!(at(Encoding::Utf16).offset(Position::new(0, 3)), b);
        assert_eq!(at(Encoding::Utf8).offset(Position::new(0, 5)), b);
        // Past the end of a line: its end, before `\r\n`.
        assert_eq!(
            at(Encoding::Utf16).offset(Position::new(1, 99)),
            src.find("\r\n").unwrap()
        );
        assert_eq!(at(Encoding::Utf16).offset(Position::new(9, 0)), src.len());
        let z = src.find('z').unwrap();
        assert_eq!(at(Encoding::Utf16).position(z), Position::new(1, 2));
    }
}
