//! Open documents: text, version and language, kept in sync with the editor's incremental
//! changes, and the findings of their latest lint (for code actions and hover).

use crate::convert::{Encoding, Text};
use plimsoll::source::LineIndex;
use plimsoll::Diagnostic;
use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;

/// One open document.
pub struct Document {
    pub text: String,
    pub index: LineIndex,
    pub version: i32,
    pub language_id: String,
    /// Findings of the latest lint of `linted_version`.
    pub findings: Vec<Diagnostic>,
    pub linted_version: Option<i32>,
}

impl Document {
    pub fn new(text: String, version: i32, language_id: String) -> Self {
        Self {
            index: LineIndex::new(&text),
            text,
            version,
            language_id,
            findings: Vec::new(),
            linted_version: None,
        }
    }

    pub fn view(&self, encoding: Encoding) -> Text<'_> {
        Text {
            text: &self.text,
            index: &self.index,
            encoding,
        }
    }

    /// Applies the editor's changes in order (a change without a range replaces the text).
    pub fn apply(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
        encoding: Encoding,
    ) {
        for change in changes {
            match change.range {
                None => self.text = change.text,
                Some(range) => {
                    let view = self.view(encoding);
                    let start = view.offset(range.start);
                    let end = view.offset(range.end).max(start);
                    self.text.replace_range(start..end, &change.text);
                }
            }
            self.index = LineIndex::new(&self.text);
        }
        self.version = version;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    #[test]
    fn incremental_changes_in_utf16() {
        let mut doc = Document::new("FROM a😀:1\nRUN x\n".into(), 1, "dockerfile".into());
        let change = |l1, c1, l2, c2, text: &str| TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.into(),
        };
        // `:1` after the emoji starts at UTF-16 column 8.
        doc.apply(
            vec![change(0, 8, 0, 10, ":2"), change(1, 4, 1, 5, "y")],
            2,
            Encoding::Utf16,
        );
        assert_eq!(doc.text, "FROM a😀:2\nRUN y\n");
        assert_eq!(doc.version, 2);
        doc.apply(
            vec![TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: "FROM b\n".into(),
            }],
            3,
            Encoding::Utf8,
        );
        assert_eq!(doc.text, "FROM b\n");
    }
}
