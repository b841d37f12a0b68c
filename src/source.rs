//! Source text and positions: byte ranges for the models, line/column only at the edges.
//!
//! Everything inside plimsoll works on byte offsets ([`TextRange`]). [`LineIndex`] converts them
//! to 1-based lines and columns counted in Unicode scalar values (what the JSON output and the
//! terminal show) and is the only place that knows where lines begin.

use std::ops::Range;

/// A half-open byte range `[start, end)` into a file's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "range {start}..{end} is reversed");
        Self {
            start: start as u32,
            end: end as u32,
        }
    }

    /// An empty range at `offset`, for findings about something missing.
    pub fn empty(offset: usize) -> Self {
        Self::new(offset, offset)
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, offset: usize) -> bool {
        (self.start as usize) <= offset && offset < self.end as usize
    }

    /// The smallest range covering both.
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn as_range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl From<Range<usize>> for TextRange {
    fn from(r: Range<usize>) -> Self {
        TextRange::new(r.start, r.end)
    }
}

/// A 1-based line and column; the column counts Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct LineColumn {
    pub line: usize,
    pub column: usize,
}

/// Where each line starts, for turning byte offsets into lines and columns.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
        line_starts.push(0);
        line_starts.extend(memchr_newlines(text.as_bytes()).map(|newline| (newline + 1) as u32));
        Self { line_starts }
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&(offset as u32)) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte offset where the 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts[line] as usize
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 1-based line and column of `offset`. Offsets inside a multi-byte character are
    /// rounded down to that character; offsets past the end clamp to the end.
    pub fn line_column(&self, text: &str, offset: usize) -> LineColumn {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let mut start = self.line_start(line);
        // A byte-order mark is invisible: editors count columns after it.
        if start == 0 && text.starts_with('\u{feff}') && offset >= 3 {
            start = 3;
        }
        LineColumn {
            line: line + 1,
            column: text[start..offset].chars().count() + 1,
        }
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter_map(|(i, &b)| (b == b'\n').then_some(i))
}

/// The largest char boundary at or below `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A file's text as plimsoll sees it: a leading BOM is kept in the text (so offsets match the
/// file on disk) and skipped by the parsers.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    pub index: LineIndex,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let index = LineIndex::new(&text);
        Self {
            path: path.into(),
            text,
            index,
        }
    }

    pub fn line_column(&self, offset: usize) -> LineColumn {
        self.index.line_column(&self.text, offset)
    }

    pub fn slice(&self, range: TextRange) -> &str {
        &self.text[range.as_range()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_columns_count_scalar_values() {
        let text = "ab\ncdé f\n\nlast";
        let index = LineIndex::new(text);
        assert_eq!(
            index.line_column(text, 0),
            LineColumn { line: 1, column: 1 }
        );
        assert_eq!(
            index.line_column(text, 3),
            LineColumn { line: 2, column: 1 }
        );
        // `é` is two bytes; the space after it is the 4th character of line 2.
        let space = text.find(' ').unwrap();
        assert_eq!(
            index.line_column(text, space),
            LineColumn { line: 2, column: 4 }
        );
        assert_eq!(
            index.line_column(text, text.len()),
            LineColumn { line: 4, column: 5 }
        );
        // inside `é`: rounded down to its start
        let e = text.find('é').unwrap();
        assert_eq!(
            index.line_column(text, e + 1),
            LineColumn { line: 2, column: 3 }
        );
    }
}
