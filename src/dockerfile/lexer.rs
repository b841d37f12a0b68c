//! Physical lines to logical instructions: BOM, parser directives, comments, line continuations
//! with either escape character, empty and comment lines inside continuations, and heredoc
//! bodies. Knows nothing about what an instruction means beyond whether it may carry heredocs.

use super::model::{Comment, Directive, Heredoc, LexNote, LexNoteKind};
use crate::source::TextRange;

/// An instruction's text with its continuations joined, and a map back to the source.
#[derive(Clone, Debug, Default)]
pub(crate) struct Logical {
    pub text: String,
    /// `(logical offset, source offset)` where each contiguous source run starts.
    segments: Vec<(u32, u32)>,
    /// Where the last source segment ends.
    source_limit: u32,
}

impl Logical {
    pub fn push(&mut self, source: &str, source_start: usize, source_end: usize) {
        self.segments
            .push((self.text.len() as u32, source_start as u32));
        self.text.push_str(&source[source_start..source_end]);
        self.source_limit = source_end as u32;
    }

    fn segment_for(&self, logical: usize, is_end: bool) -> (u32, u32) {
        let logical = logical as u32;
        let idx = match self.segments.binary_search_by(|s| s.0.cmp(&logical)) {
            // An end offset that falls on a segment start belongs to the previous segment, so a
            // range never stretches over the removed continuation text.
            Ok(i) if is_end && i > 0 => i - 1,
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        self.segments.get(idx).copied().unwrap_or((0, 0))
    }

    pub fn source_offset(&self, logical: usize) -> usize {
        let (l, s) = self.segment_for(logical, false);
        self.clamp(s + (logical as u32 - l))
    }

    pub fn source_end(&self, logical: usize) -> usize {
        let (l, s) = self.segment_for(logical, true);
        self.clamp(s + (logical as u32 - l))
    }

    /// Offsets in synthetic text past the last source segment map to that segment's end.
    fn clamp(&self, offset: u32) -> usize {
        offset.min(self.source_limit) as usize
    }

    pub fn source_range(&self, start: usize, end: usize) -> TextRange {
        if start == end {
            let at = self.source_offset(start);
            return TextRange::new(at, at);
        }
        let start = self.source_offset(start);
        TextRange::new(start, self.source_end(end).max(start))
    }

    /// A copy of this map for `text[from..]`, shifted so that offset 0 is `from`.
    pub fn suffix(&self, from: usize) -> Logical {
        let mut out = Logical {
            text: self.text[from..].to_string(),
            segments: Vec::new(),
            source_limit: self.source_limit,
        };
        let from32 = from as u32;
        let (l, s) = self.segment_for(from, false);
        out.segments.push((0, s + (from32 - l)));
        for &(lo, so) in &self.segments {
            if lo > from32 {
                out.segments.push((lo - from32, so));
            }
        }
        out
    }
}

#[derive(Clone, Debug)]
pub(crate) struct RawInstruction {
    pub logical: Logical,
    /// From the keyword to the end of the last line (or of the last heredoc terminator).
    pub range: TextRange,
    pub heredocs: Vec<Heredoc>,
}

pub(crate) struct Lexed {
    pub bom: bool,
    pub escape: char,
    pub directives: Vec<Directive>,
    pub comments: Vec<Comment>,
    pub instructions: Vec<RawInstruction>,
    pub notes: Vec<LexNote>,
}

struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

/// One physical line: `start..content_end` is the text without `\r\n`/`\n`; `next` the start of
/// the following line.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    content_end: usize,
    next: usize,
}

impl<'a> Lines<'a> {
    fn peek(&self) -> Option<Line> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text.as_bytes()[self.pos..];
        let (content_end, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (self.pos + i, self.pos + i + 1),
            None => (self.text.len(), self.text.len()),
        };
        let content_end =
            if content_end > self.pos && self.text.as_bytes()[content_end - 1] == b'\r' {
                content_end - 1
            } else {
                content_end
            };
        Some(Line {
            start: self.pos,
            content_end,
            next,
        })
    }

    fn next_line(&mut self) -> Option<Line> {
        let line = self.peek()?;
        self.pos = line.next;
        Some(line)
    }
}

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn skip_blanks(text: &str, mut i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    while i < end && is_blank(bytes[i]) {
        i += 1;
    }
    i
}

fn trim_end_blanks(text: &str, start: usize, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    while end > start && (is_blank(bytes[end - 1]) || bytes[end - 1] == b'\r') {
        end -= 1;
    }
    end
}

/// Parses `# name=value` at the top of the file.
fn parse_directive(text: &str, line: Line) -> Option<Directive> {
    let s = &text[line.start..line.content_end];
    let body = s.strip_prefix('#')?;
    let eq = body.find('=')?;
    let name = body[..eq].trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let value_raw = &body[eq + 1..];
    let value = value_raw.trim();
    let name_start = line.start + 1 + body.find(name)?;
    let value_start = line.start + 1 + eq + 1 + (value_raw.len() - value_raw.trim_start().len());
    Some(Directive {
        name: name.to_ascii_lowercase(),
        name_range: TextRange::new(name_start, name_start + name.len()),
        value: value.to_string(),
        value_range: TextRange::new(value_start, value_start + value.len()),
        range: TextRange::new(line.start, line.content_end),
    })
}

pub(crate) fn lex(text: &str) -> Lexed {
    let bom = text.starts_with('\u{feff}');
    let mut lines = Lines {
        text,
        pos: if bom { 3 } else { 0 },
    };
    let mut directives = Vec::new();
    let mut comments = Vec::new();
    let mut notes = Vec::new();
    let mut escape = '\\';

    // Parser directives: only at the very top, before any other line (even an empty one).
    while let Some(line) = lines.peek() {
        let Some(directive) = parse_directive(text, line) else {
            break;
        };
        if directive.name == "escape" {
            match directive.value.as_str() {
                "`" => escape = '`',
                "\\" => escape = '\\',
                _ => notes.push(LexNote {
                    kind: LexNoteKind::InvalidEscape,
                    range: directive.value_range,
                }),
            }
        }
        if directives
            .iter()
            .any(|d: &Directive| d.name == directive.name)
        {
            notes.push(LexNote {
                kind: LexNoteKind::DuplicateDirective,
                range: directive.range,
            });
        }
        directives.push(directive);
        lines.next_line();
    }

    let mut instructions = Vec::new();
    while let Some(line) = lines.next_line() {
        let first = skip_blanks(text, line.start, line.content_end);
        if first == line.content_end {
            continue;
        }
        if text.as_bytes()[first] == b'#' {
            comments.push(Comment {
                range: TextRange::new(first, line.content_end),
            });
            continue;
        }
        instructions.push(lex_instruction(
            text,
            &mut lines,
            line,
            first,
            escape,
            &mut comments,
            &mut notes,
        ));
    }

    Lexed {
        bom,
        escape,
        directives,
        comments,
        instructions,
        notes,
    }
}

fn lex_instruction(
    text: &str,
    lines: &mut Lines,
    first_line: Line,
    first: usize,
    escape: char,
    comments: &mut Vec<Comment>,
    notes: &mut Vec<LexNote>,
) -> RawInstruction {
    let mut logical = Logical::default();
    let mut seg_start = first;
    let mut line = first_line;
    let end;
    loop {
        let content_end = trim_end_blanks(text, seg_start, line.content_end);
        // BuildKit's continuation pattern is `([^\\])\\[ \t]*$|^\\[ \t]*$`: an escape that
        // follows another escape (`C:\\dir\\`) is a literal character, not a continuation.
        let continued = content_end > seg_start
            && text[seg_start..content_end].ends_with(escape)
            && !text[..content_end - escape.len_utf8()].ends_with(escape);
        if !continued {
            logical.push(text, seg_start, content_end);
            end = content_end;
            break;
        }
        let escape_at = content_end - escape.len_utf8();
        logical.push(text, seg_start, escape_at);
        // Find the next line that is neither empty nor a comment.
        let mut next = None;
        while let Some(candidate) = lines.next_line() {
            let c_first = skip_blanks(text, candidate.start, candidate.content_end);
            if c_first == candidate.content_end {
                notes.push(LexNote {
                    kind: LexNoteKind::EmptyContinuationLine,
                    range: TextRange::new(candidate.start, candidate.content_end),
                });
                continue;
            }
            if text.as_bytes()[c_first] == b'#' {
                comments.push(Comment {
                    range: TextRange::new(c_first, candidate.content_end),
                });
                continue;
            }
            next = Some(candidate);
            break;
        }
        match next {
            Some(n) => {
                line = n;
                seg_start = n.start;
            }
            None => {
                notes.push(LexNote {
                    kind: LexNoteKind::ContinuationAtEof,
                    range: TextRange::new(escape_at, content_end),
                });
                end = escape_at;
                break;
            }
        }
    }
    let end = trim_end_blanks(text, first, end);
    let mut raw = RawInstruction {
        logical,
        range: TextRange::new(first, end),
        heredocs: Vec::new(),
    };
    if may_have_heredocs(&raw.logical.text) {
        read_heredocs(text, lines, &mut raw, escape, notes);
    }
    raw
}

/// `RUN`, `COPY` and `ADD` (also behind `ONBUILD`) may carry heredocs.
fn may_have_heredocs(logical: &str) -> bool {
    let mut words = logical.split_ascii_whitespace();
    let mut keyword = words.next().unwrap_or("");
    if keyword.eq_ignore_ascii_case("onbuild") {
        keyword = words.next().unwrap_or("");
    }
    ["run", "copy", "add"]
        .iter()
        .any(|k| keyword.eq_ignore_ascii_case(k))
        && logical.contains("<<")
}

/// Heredoc markers in a logical line: `<<WORD`, `<<-WORD`, `<<"WORD"`, `<<'WORD'`, starting a word
/// outside quotes. Returns `(logical range of the marker, delimiter, strip_tabs, quoted)`.
pub(crate) fn heredoc_markers(
    logical: &str,
    escape: char,
) -> Vec<(usize, usize, String, bool, bool)> {
    let bytes = logical.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut quote: Option<u8> = None;
    let mut word_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(q) = quote {
            if b == q {
                quote = None;
            } else if q == b'"' && b as char == escape {
                i += 1;
            }
            i += 1;
            continue;
        }
        if b as char == escape {
            i += 2;
            word_start = false;
            continue;
        }
        match b {
            b'\'' | b'"' => {
                quote = Some(b);
                word_start = false;
                i += 1;
            }
            b' ' | b'\t' => {
                word_start = true;
                i += 1;
            }
            b'0'..=b'9' | b'<' if word_start && is_heredoc_start(&bytes[i..]) => {
                // BuildKit: a word `[fd]<<[-]DELIM`, the delimiter being the rest of the word.
                let start = i;
                let mut j = i;
                while bytes[j].is_ascii_digit() {
                    j += 1;
                }
                j += 2;
                let strip_tabs = bytes.get(j) == Some(&b'-');
                if strip_tabs {
                    j += 1;
                }
                let (delimiter, quoted, end) = match bytes.get(j) {
                    Some(&q @ (b'"' | b'\'')) => match logical[j + 1..].find(q as char) {
                        Some(close) => (
                            logical[j + 1..j + 1 + close].to_string(),
                            true,
                            j + 2 + close,
                        ),
                        None => (String::new(), true, bytes.len()),
                    },
                    _ => {
                        let len = logical[j..]
                            .find([' ', '\t', '<'])
                            .unwrap_or(logical.len() - j);
                        (logical[j..j + len].to_string(), false, j + len)
                    }
                };
                if !delimiter.is_empty() {
                    out.push((start, end, delimiter, strip_tabs, quoted));
                }
                i = end.max(i + 2);
                word_start = false;
            }
            _ => {
                word_start = false;
                i += 1;
            }
        }
    }
    out
}

/// `<<X`, or `5<<X`, but not the here-string `<<<`.
fn is_heredoc_start(bytes: &[u8]) -> bool {
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    bytes.get(digits) == Some(&b'<')
        && bytes.get(digits + 1) == Some(&b'<')
        && bytes.get(digits + 2) != Some(&b'<')
}

fn read_heredocs(
    text: &str,
    lines: &mut Lines,
    raw: &mut RawInstruction,
    escape: char,
    notes: &mut Vec<LexNote>,
) {
    for (start, end, delimiter, strip_tabs, quoted) in heredoc_markers(&raw.logical.text, escape) {
        let marker = raw.logical.source_range(start, end);
        let body_start = lines.pos;
        let mut body_end = body_start;
        let mut terminated = false;
        let mut range_end = body_start;
        while let Some(line) = lines.next_line() {
            let content = &text[line.start..line.content_end];
            let content = if strip_tabs {
                content.trim_start_matches('\t')
            } else {
                content
            };
            if content == delimiter {
                terminated = true;
                range_end = line.content_end;
                break;
            }
            body_end = line.next;
            range_end = line.content_end;
        }
        if !terminated {
            notes.push(LexNote {
                kind: LexNoteKind::UnterminatedHeredoc(delimiter.clone()),
                range: marker,
            });
        }
        raw.range = TextRange::new(
            raw.range.start as usize,
            range_end.max(raw.range.end as usize),
        );
        raw.heredocs.push(Heredoc {
            marker,
            delimiter,
            strip_tabs,
            quoted,
            body: TextRange::new(body_start, body_end.max(body_start)),
            terminated,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logical_map_round_trips_across_continuations() {
        let text = "RUN apt-get update \\\n  && apt-get install -y curl\n";
        let lexed = lex(text);
        let raw = &lexed.instructions[0];
        let l = &raw.logical;
        assert_eq!(l.text, "RUN apt-get update   && apt-get install -y curl");
        let curl = l.text.find("curl").unwrap();
        let r = l.source_range(curl, curl + 4);
        assert_eq!(&text[r.as_range()], "curl");
        let upd = l.text.find("update").unwrap();
        assert_eq!(&text[l.source_range(upd, upd + 7).as_range()], "update ");
    }

    #[test]
    fn heredoc_markers_skip_quotes_and_herestrings() {
        let m = heredoc_markers(
            r#"RUN cat <<EOF >a && echo "<<NO" <<<x <<-'Q' x<<Y 5<<robots.txt 1"#,
            '\\',
        );
        let names: Vec<_> = m.iter().map(|x| (x.2.as_str(), x.3, x.4)).collect();
        assert_eq!(
            names,
            vec![
                ("EOF", false, false),
                ("Q", true, true),
                ("robots.txt", false, false)
            ]
        );
    }
}
