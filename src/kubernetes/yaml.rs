//! The YAML loader: a stream split on document markers, each document parsed with
//! `saphyr-parser` events into our own spanned tree ([`Node`]), with scalars read the way
//! Kubernetes reads them (YAML 1.1 through go-yaml: `yes`/`on` booleans, `0644` octal, `<<`
//! merge keys). Anchors and aliases are expanded under a budget, nesting is capped, and
//! duplicate keys are recorded at both places. One broken document never hides the others.
//! No Kubernetes knowledge here.

use crate::source::TextRange;
use saphyr_parser::{Event, Parser, ScalarStyle};
use std::collections::HashMap;

/// Deepest nesting a document may have. Kubernetes objects stay far below it; the cap keeps a
/// hostile `[[[[...]]]]` from exhausting the stack in any recursive walk.
pub const MAX_DEPTH: usize = 256;

/// Most nodes that alias expansion may add to one document: enough for any real use of
/// anchors, far too few for a "billion laughs" bomb.
pub const ALIAS_BUDGET: usize = 100_000;

/// How a scalar was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

impl Style {
    pub fn is_quoted(self) -> bool {
        !matches!(self, Style::Plain)
    }
}

/// A scalar's value as Kubernetes reads it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Resolved<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(&'a str),
}

/// A scalar: its text after unquoting and folding, and how it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Scalar {
    pub text: String,
    pub style: Style,
    /// A `!!str`-style core tag, without the `!!` (`str`, `int`, `bool`, ...), or a local tag.
    pub tag: Option<Box<str>>,
}

impl Scalar {
    /// The value under YAML 1.1 rules as go-yaml v2 (and so `kubectl`) applies them: quoted
    /// and block scalars are strings; a plain scalar may be null, a boolean (`yes`, `on`,
    /// `y`, ...), an integer (`0644` is octal, `0x1F` hex, `1_000` with separators) or a float.
    pub fn resolve(&self) -> Resolved<'_> {
        match self.tag.as_deref() {
            Some("str") => return Resolved::Str(&self.text),
            Some("null") => return Resolved::Null,
            Some("bool") | Some("int") | Some("float") | None => {}
            Some(_) => return Resolved::Str(&self.text),
        }
        if self.style != Style::Plain {
            return Resolved::Str(&self.text);
        }
        resolve_plain(&self.text)
    }
}

fn resolve_plain(text: &str) -> Resolved<'_> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Resolved::Null,
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            return Resolved::Bool(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            return Resolved::Bool(false)
        }
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Resolved::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return Resolved::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Resolved::Float(f64::NAN),
        _ => {}
    }
    if let Some(n) = parse_int(text) {
        return Resolved::Int(n);
    }
    let is_float = {
        let body = text.strip_prefix(['-', '+']).unwrap_or(text);
        body.bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit() || b == b'.')
            && body
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+' | b'_'))
            && body.bytes().any(|b| b.is_ascii_digit())
    };
    if is_float {
        if let Ok(f) = text.replace('_', "").parse::<f64>() {
            return Resolved::Float(f);
        }
    }
    Resolved::Str(text)
}

/// An integer as go-yaml v2 reads a plain scalar: optional sign, `_` separators, `0x`, `0o`,
/// `0b` prefixes and a leading `0` for octal.
fn parse_int(text: &str) -> Option<i64> {
    let (negative, body) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    if body.is_empty() || body.starts_with('_') {
        return None;
    }
    let clean = body.replace('_', "");
    let (digits, radix) = if let Some(hex) = clean.strip_prefix("0x") {
        (hex, 16)
    } else if let Some(oct) = clean.strip_prefix("0o") {
        (oct, 8)
    } else if let Some(bin) = clean.strip_prefix("0b") {
        (bin, 2)
    } else if clean.len() > 1 && clean.starts_with('0') {
        (&clean[1..], 8)
    } else {
        (clean.as_str(), 10)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = i64::from_str_radix(digits, radix).ok()?;
    Some(if negative { -magnitude } else { magnitude })
}

/// A node's content.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Scalar(Scalar),
    Seq(Vec<Node>),
    /// Key/value pairs in source order, merge keys applied, duplicates removed (the last wins).
    Map(Vec<(Node, Node)>),
}

/// A YAML node with the byte range it came from (for aliases: the range of the anchored
/// original, where the content is written).
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub range: TextRange,
}

impl Node {
    /// The value of `key` in a mapping (`None` for other nodes or a missing key).
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, v)| v)
    }

    /// The key node and value of `key` in a mapping.
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.scalar().is_some_and(|s| s.text == key))
                .map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    /// Follows a path of keys: `node.path(&["spec", "template", "spec"])`.
    pub fn path(&self, keys: &[&str]) -> Option<&Node> {
        keys.iter().try_fold(self, |node, key| node.get(key))
    }

    pub fn scalar(&self) -> Option<&Scalar> {
        match &self.value {
            Value::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// The entries of a mapping; empty for anything else.
    pub fn entries(&self) -> &[(Node, Node)] {
        match &self.value {
            Value::Map(entries) => entries,
            _ => &[],
        }
    }

    /// The items of a sequence; empty for anything else.
    pub fn items(&self) -> &[Node] {
        match &self.value {
            Value::Seq(items) => items,
            _ => &[],
        }
    }

    pub fn is_map(&self) -> bool {
        matches!(self.value, Value::Map(_))
    }

    pub fn is_seq(&self) -> bool {
        matches!(self.value, Value::Seq(_))
    }

    /// A scalar that resolves to null (`~`, `null`, an empty value).
    pub fn is_null(&self) -> bool {
        self.scalar()
            .is_some_and(|s| matches!(s.resolve(), Resolved::Null))
    }

    /// The text of a non-null scalar, whatever its type: lenient views read `name: 123` as
    /// the name `123` rather than losing it.
    pub fn as_str(&self) -> Option<&str> {
        let scalar = self.scalar()?;
        (!matches!(scalar.resolve(), Resolved::Null)).then_some(scalar.text.as_str())
    }

    /// A boolean; also the strings `"true"` and `"false"`, which the API server rejects but
    /// which say what the author meant.
    pub fn as_bool(&self) -> Option<bool> {
        match self.scalar()?.resolve() {
            Resolved::Bool(b) => Some(b),
            Resolved::Str(s) if s.eq_ignore_ascii_case("true") => Some(true),
            Resolved::Str(s) if s.eq_ignore_ascii_case("false") => Some(false),
            _ => None,
        }
    }

    /// An integer; also a quoted number (`"8080"`), read leniently.
    pub fn as_i64(&self) -> Option<i64> {
        match self.scalar()?.resolve() {
            Resolved::Int(n) => Some(n),
            Resolved::Str(s) => s.trim().parse().ok(),
            Resolved::Float(f) if f.fract() == 0.0 && f.abs() < 9e15 => Some(f as i64),
            _ => None,
        }
    }

    /// The range of the value of `key`, or else of the mapping: where to point when the key is
    /// missing or wrong.
    pub fn range_of(&self, key: &str) -> TextRange {
        self.get(key).map_or(self.range, |n| n.range)
    }
}

/// A problem found while loading a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    pub range: TextRange,
    pub message: String,
}

/// A key given twice in one mapping: kubectl rejects the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateKey {
    pub key: String,
    pub first: TextRange,
    pub second: TextRange,
}

/// One document of a stream.
#[derive(Clone, Debug)]
pub struct Document {
    /// From the start of the document's first line (its `---` marker, if any) to the start of
    /// the next document.
    pub range: TextRange,
    /// The root node; `None` for an empty document or one that failed to parse.
    pub root: Option<Node>,
    /// Why the document could not be loaded; its root is then `None`.
    pub error: Option<YamlError>,
    pub duplicate_keys: Vec<DuplicateKey>,
}

/// Splits `text` into documents and loads each one.
pub fn load_stream(text: &str) -> Vec<Document> {
    let mut documents = Vec::new();
    for (start, end) in split_documents(text) {
        load_chunk(text, start, end, &mut documents);
    }
    documents
}

/// Byte ranges of the stream's chunks: each starts at a `---` line (or the top of the file)
/// and ends where the next `---` line starts; a `...` line ends its chunk. Document markers
/// are only markers at the start of a line, followed by a blank or the end of the line.
fn split_documents(text: &str) -> Vec<(usize, usize)> {
    let mut chunks = Vec::new();
    let mut chunk_start = 0;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    while line_start < text.len() {
        let line_end = memchr_newline(bytes, line_start).map_or(text.len(), |i| i + 1);
        let line = &bytes[line_start..line_end];
        let marker = |m: &[u8]| {
            line.starts_with(m)
                && line
                    .get(3)
                    .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        };
        if marker(b"---") && line_start > chunk_start {
            chunks.push((chunk_start, line_start));
            chunk_start = line_start;
        } else if marker(b"...") {
            chunks.push((chunk_start, line_end));
            chunk_start = line_end;
        }
        line_start = line_end;
    }
    if chunk_start < text.len() || chunks.is_empty() {
        chunks.push((chunk_start, text.len()));
    }
    chunks
}

fn memchr_newline(bytes: &[u8], from: usize) -> Option<usize> {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map(|i| from + i)
}

/// Maps saphyr's character indices inside a (possibly re-indented) chunk to byte offsets in
/// the file.
struct Offsets {
    base: usize,
    /// Byte offset of each character, when the chunk is not ASCII.
    chars: Option<Vec<u32>>,
    len: usize,
    /// `(offset in the parsed text, blanks inserted there)`, sorted by offset; every offset is
    /// in the text as parsed, after all insertions (see [`load_chunk`]).
    inserted: Vec<(usize, usize)>,
}

impl Offsets {
    fn new(chunk: &str, base: usize, inserted: Vec<(usize, usize)>) -> Self {
        let chars = (!chunk.is_ascii()).then(|| {
            chunk
                .char_indices()
                .map(|(i, _)| i as u32)
                .chain(std::iter::once(chunk.len() as u32))
                .collect()
        });
        Self {
            base,
            chars,
            len: chunk.len(),
            inserted,
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        let local = match &self.chars {
            None => char_index.min(self.len),
            Some(table) => table.get(char_index).map_or(self.len, |&b| b as usize),
        };
        // Blanks we inserted map back to the start of their line.
        let mut shift = 0;
        for &(at, count) in &self.inserted {
            if local >= at + count {
                shift += count;
            } else if local >= at {
                return self.base + at - shift;
            }
        }
        self.base + local - shift
    }

    fn range(&self, span: saphyr_parser::Span) -> TextRange {
        let start = self.byte(span.start.index());
        TextRange::new(start, self.byte(span.end.index()).max(start))
    }
}

/// A collection being built.
enum Frame {
    Seq {
        start: usize,
        flow_end: Option<usize>,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        start: usize,
        anchor: usize,
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
    },
}

/// Builds documents from the events of one chunk.
struct Builder<'t> {
    text: &'t str,
    offsets: Offsets,
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Node, usize)>,
    expanded: usize,
    duplicate_keys: Vec<DuplicateKey>,
}

/// How many lines of one chunk may be re-indented to accept what go-yaml accepts.
const MAX_REINDENTS: usize = 64;

/// Loads the documents of one chunk into `out`.
///
/// go-yaml (and so kubectl) accepts continuation lines of a flow collection or of a quoted
/// scalar that are indented no deeper than their parent block (a `]` under its key,
/// `--override` lines of a long quoted command); the YAML spec and saphyr do not. Blanks at
/// the start of such a line change nothing in flow or quoted content, so the line is
/// indented further and the chunk parsed again; ranges map back to the original text.
fn load_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Document>) {
    let mut chunk = std::borrow::Cow::Borrowed(&text[start..end]);
    let mut inserted: Vec<(usize, usize)> = Vec::new();
    for _ in 0..MAX_REINDENTS {
        let (error, lenient) = match parse_chunk(text, &chunk, start, end, inserted.clone()) {
            Ok(documents) => {
                out.extend(documents);
                return;
            }
            Err(failure) => failure,
        };
        let lines = match lenient {
            Some(Lenient::Flow(at)) => vec![chunk[..at].rfind('\n').map_or(0, |i| i + 1)],
            Some(Lenient::Quoted(at)) => continuation_lines(&chunk, at),
            None => Vec::new(),
        };
        let lines: Vec<usize> = lines
            .into_iter()
            .filter(|l| !inserted.iter().any(|&(i, _)| i == *l))
            .collect();
        if lines.is_empty() {
            out.push(failed_document(start, end, error));
            return;
        }
        let mut owned = chunk.into_owned();
        for &line in lines.iter().rev() {
            owned.insert_str(line, REINDENT);
            for entry in &mut inserted {
                if entry.0 >= line {
                    entry.0 += REINDENT.len();
                }
            }
            inserted.push((line, REINDENT.len()));
        }
        inserted.sort_unstable();
        chunk = std::borrow::Cow::Owned(owned);
    }
    out.extend(
        parse_chunk(text, &chunk, start, end, inserted)
            .unwrap_or_else(|(error, _)| vec![failed_document(start, end, error)]),
    );
}

fn failed_document(start: usize, end: usize, error: YamlError) -> Document {
    Document {
        range: TextRange::new(start, end),
        root: None,
        error: Some(error),
        duplicate_keys: Vec::new(),
    }
}

/// Blanks put in front of a continuation line go-yaml would accept as it is.
const REINDENT: &str = "                                                                ";

/// Where a lenient re-parse may help: an under-indented line of a flow collection (the
/// offset of the error), or the lines of a quoted scalar (the offset of its opening quote).
enum Lenient {
    Flow(usize),
    Quoted(usize),
}

/// The starts of the lines after the first of the quoted scalar opening at `at`.
fn continuation_lines(chunk: &str, at: usize) -> Vec<usize> {
    let bytes = chunk.as_bytes();
    let Some(&quote) = bytes.get(at).filter(|b| matches!(b, b'"' | b'\'')) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => {
                // An escaped line break still starts a continuation line.
                if bytes.get(i + 1) == Some(&b'\n') {
                    lines.push(i + 2);
                }
                i += 1;
            }
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 1,
            b if b == quote => break,
            b'\n' => lines.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    lines
}

/// Parses one chunk. On an error, returns the failed document and, when the error is one of
/// the indentation cases go-yaml accepts, where to re-indent.
fn parse_chunk(
    text: &str,
    chunk: &str,
    start: usize,
    end: usize,
    inserted: Vec<(usize, usize)>,
) -> Result<Vec<Document>, (YamlError, Option<Lenient>)> {
    let mut out = Vec::new();
    let mut builder = Builder {
        text,
        offsets: Offsets::new(chunk, start, inserted),
        stack: Vec::new(),
        anchors: HashMap::new(),
        expanded: 0,
        duplicate_keys: Vec::new(),
    };
    let range = TextRange::new(start, end);
    let mut root: Option<Node> = None;
    let mut in_document = false;
    for event in Parser::new_from_str(chunk) {
        let (event, span) = match event {
            Ok(e) => e,
            Err(e) => {
                let at = builder.offsets.byte(e.marker().index());
                let info = e.info();
                let local = builder
                    .offsets
                    .chars
                    .as_ref()
                    .map_or(e.marker().index(), |t| {
                        t.get(e.marker().index())
                            .map_or(chunk.len(), |&b| b as usize)
                    })
                    .min(chunk.len());
                let lenient = if info == "invalid indentation in quoted scalar" {
                    Some(Lenient::Quoted(local))
                } else if info == "invalid indentation" && builder.in_flow() {
                    Some(Lenient::Flow(local))
                } else {
                    None
                };
                return Err((
                    YamlError {
                        range: TextRange::new(at, at),
                        message: format!("invalid YAML: {info}"),
                    },
                    lenient,
                ));
            }
        };
        let result = match event {
            Event::DocumentStart(_) => {
                in_document = true;
                Ok(None)
            }
            Event::DocumentEnd => {
                in_document = false;
                out.push(Document {
                    range,
                    root: root.take(),
                    error: None,
                    duplicate_keys: std::mem::take(&mut builder.duplicate_keys),
                });
                builder.anchors.clear();
                builder.expanded = 0;
                Ok(None)
            }
            Event::StreamEnd => break,
            Event::StreamStart | Event::Nothing => Ok(None),
            other => builder.event(other, span),
        };
        match result {
            Ok(Some(node)) => root = Some(node),
            Ok(None) => {}
            Err(error) => return Err((error, None)),
        }
    }
    if in_document {
        out.push(Document {
            range,
            root,
            error: None,
            duplicate_keys: builder.duplicate_keys,
        });
    }
    Ok(out)
}

/// Whether the collection whose start event is at `text` is written in flow style: after its
/// anchor (`&name`) and tag (`!!map`), if any, it opens with `bracket`.
fn opens_flow(text: &str, bracket: char) -> bool {
    let mut rest = text;
    while let Some(property) = rest.strip_prefix(['&', '!']) {
        let end = property
            .find(|c: char| c.is_whitespace() || c == '{' || c == '[')
            .unwrap_or(property.len());
        rest = property[end..].trim_start();
    }
    rest.starts_with(bracket)
}

impl Builder<'_> {
    /// True inside a flow collection (`[...]`, `{...}`).
    fn in_flow(&self) -> bool {
        self.stack.iter().any(|frame| match frame {
            Frame::Seq { flow_end, .. } => flow_end.is_some(),
            Frame::Map { start, .. } => opens_flow(&self.text[*start..], '{'),
        })
    }

    /// Handles a node event; returns the root node when the document's top node completes.
    fn event(
        &mut self,
        event: Event<'_>,
        span: saphyr_parser::Span,
    ) -> Result<Option<Node>, YamlError> {
        let range = self.offsets.range(span);
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                let style = match style {
                    ScalarStyle::Plain => Style::Plain,
                    ScalarStyle::SingleQuoted => Style::SingleQuoted,
                    ScalarStyle::DoubleQuoted => Style::DoubleQuoted,
                    ScalarStyle::Literal => Style::Literal,
                    ScalarStyle::Folded => Style::Folded,
                };
                let tag = tag.map(|t| {
                    if t.handle == "!!" || t.handle == "tag:yaml.org,2002:" {
                        t.suffix.clone().into_boxed_str()
                    } else {
                        format!("{}{}", t.handle, t.suffix).into_boxed_str()
                    }
                });
                let node = Node {
                    value: Value::Scalar(Scalar {
                        text: text.into_owned(),
                        style,
                        tag,
                    }),
                    range: self.scalar_range(range, style),
                };
                self.register(anchor, &node);
                self.push(node)
            }
            Event::SequenceStart(anchor, _) => {
                self.open()?;
                let flow = opens_flow(&self.text[range.start as usize..], '[');
                self.stack.push(Frame::Seq {
                    start: range.start as usize,
                    flow_end: flow.then_some(0),
                    anchor,
                    items: Vec::new(),
                });
                Ok(None)
            }
            Event::MappingStart(anchor, _) => {
                self.open()?;
                self.stack.push(Frame::Map {
                    start: range.start as usize,
                    anchor,
                    entries: Vec::new(),
                    key: None,
                });
                Ok(None)
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let frame = self
                    .stack
                    .pop()
                    .expect("an end event closes an open collection");
                let node = self.close(frame, range);
                self.push(node)
            }
            Event::Alias(id) => {
                let Some((node, size)) = self.anchors.get(&id) else {
                    return Err(YamlError {
                        range,
                        message: "alias to an unknown anchor".into(),
                    });
                };
                self.expanded += size;
                if self.expanded > ALIAS_BUDGET {
                    return Err(YamlError {
                        range,
                        message: format!(
                            "aliases expand to more than {ALIAS_BUDGET} nodes (a YAML alias bomb?); the document is not linted"
                        ),
                    });
                }
                let node = node.clone();
                self.push(node)
            }
            _ => Ok(None),
        }
    }

    /// The range of a scalar: saphyr's span, which for a block scalar (`|`, `>`) starts at
    /// its content; widened back to the indicator on the line before, so a finding points at
    /// the value as written.
    fn scalar_range(&self, range: TextRange, style: Style) -> TextRange {
        if !matches!(style, Style::Literal | Style::Folded) {
            return range;
        }
        let before = &self.text[self.offsets.base..range.start as usize];
        let header_end = before.trim_end().len();
        let header_start = before[..header_end].rfind('\n').map_or(0, |i| i + 1);
        let header = &before[header_start..header_end];
        // The indicator: `|` or `>`, then only modifiers (`-`, `+`, a digit) and a comment.
        // `c` is tested first: only after an ASCII indicator is `i + 1` a char boundary.
        let indicator = header.char_indices().rev().find(|&(i, c)| {
            matches!(c, '|' | '>') && {
                let rest = header[i + 1..]
                    .trim_start_matches([
                        '-', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
                    ])
                    .trim_start();
                rest.is_empty() || rest.starts_with('#')
            }
        });
        match indicator {
            Some((i, _)) => {
                TextRange::new(self.offsets.base + header_start + i, range.end as usize)
            }
            None => range,
        }
    }

    fn open(&self) -> Result<(), YamlError> {
        if self.stack.len() >= MAX_DEPTH {
            let at = self.offsets.base;
            return Err(YamlError {
                range: TextRange::new(at, at),
                message: format!(
                    "the document nests deeper than {MAX_DEPTH} levels; it is not linted"
                ),
            });
        }
        Ok(())
    }

    fn register(&mut self, anchor: usize, node: &Node) {
        if anchor != 0 {
            self.anchors
                .insert(anchor, (node.clone(), size_of_tree(node)));
        }
    }

    /// Adds a finished node to the collection being built, or returns it as the root.
    fn push(&mut self, node: Node) -> Result<Option<Node>, YamlError> {
        match self.stack.last_mut() {
            None => Ok(Some(node)),
            Some(Frame::Seq { items, .. }) => {
                items.push(node);
                Ok(None)
            }
            Some(Frame::Map { entries, key, .. }) => {
                match key.take() {
                    None => *key = Some(node),
                    Some(k) => entries.push((k, node)),
                }
                Ok(None)
            }
        }
    }

    fn close(&mut self, frame: Frame, end_range: TextRange) -> Node {
        let (node, anchor) = match frame {
            Frame::Seq {
                start,
                flow_end,
                anchor,
                items,
            } => {
                let end = match flow_end {
                    Some(_) => end_range.end as usize,
                    None => items.last().map_or(start, |n| n.range.end as usize),
                };
                (
                    Node {
                        value: Value::Seq(items),
                        range: TextRange::new(start, end.max(start)),
                    },
                    anchor,
                )
            }
            Frame::Map {
                start,
                anchor,
                entries,
                key,
            } => {
                let flow = opens_flow(&self.text[start..], '{');
                let mut entries = entries;
                // A key without a value (`{a}` or a trailing `? key`) maps to null.
                if let Some(k) = key {
                    let at = k.range.end as usize;
                    entries.push((
                        k,
                        Node {
                            value: Value::Scalar(Scalar {
                                text: String::new(),
                                style: Style::Plain,
                                tag: None,
                            }),
                            range: TextRange::new(at, at),
                        },
                    ));
                }
                let end = if flow {
                    end_range.end as usize
                } else {
                    entries.last().map_or(start, |(_, v)| v.range.end as usize)
                };
                let entries = self.finish_map(entries);
                (
                    Node {
                        value: Value::Map(entries),
                        range: TextRange::new(start, end.max(start)),
                    },
                    anchor,
                )
            }
        };
        self.register(anchor, &node);
        node
    }

    /// Records duplicate keys (keeping the last) and applies `<<` merge keys: the merged
    /// mappings add the keys the mapping does not set itself, earlier sources first.
    fn finish_map(&mut self, entries: Vec<(Node, Node)>) -> Vec<(Node, Node)> {
        let mut own: Vec<(Node, Node)> = Vec::with_capacity(entries.len());
        let mut merges: Vec<Node> = Vec::new();
        for (key, value) in entries {
            let merge = key
                .scalar()
                .is_some_and(|s| s.style == Style::Plain && s.text == "<<");
            if merge {
                merges.push(value);
                continue;
            }
            let text = key.scalar().map(|s| s.text.as_str());
            if let Some(text) = text {
                if let Some(i) = own
                    .iter()
                    .position(|(k, _)| k.scalar().is_some_and(|s| s.text == text))
                {
                    let (first, _) = own.remove(i);
                    self.duplicate_keys.push(DuplicateKey {
                        key: text.to_string(),
                        first: first.range,
                        second: key.range,
                    });
                }
            }
            own.push((key, value));
        }
        for source in merges {
            let maps: Vec<Node> = match source.value {
                Value::Map(_) => vec![source],
                Value::Seq(items) => items,
                Value::Scalar(_) => Vec::new(),
            };
            for map in maps {
                let Value::Map(merged) = map.value else {
                    continue;
                };
                for (key, value) in merged {
                    let present = key.scalar().is_some_and(|s| {
                        own.iter()
                            .any(|(k, _)| k.scalar().is_some_and(|o| o.text == s.text))
                    });
                    if !present {
                        own.push((key, value));
                    }
                }
            }
        }
        own
    }
}

/// Number of nodes in a tree, without recursion (trees are at most [`MAX_DEPTH`] deep, but
/// wide ones are common).
fn size_of_tree(node: &Node) -> usize {
    let mut count = 0;
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        count += 1;
        match &n.value {
            Value::Scalar(_) => {}
            Value::Seq(items) => stack.extend(items),
            Value::Map(entries) => {
                for (k, v) in entries {
                    stack.push(k);
                    stack.push(v);
                }
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(text: &str) -> Node {
        let docs = load_stream(text);
        assert_eq!(docs.len(), 1, "{docs:?}");
        assert!(docs[0].error.is_none(), "{:?}", docs[0].error);
        docs[0].root.clone().expect("a root")
    }

    fn slice(text: &str, range: TextRange) -> &str {
        &text[range.as_range()]
    }

    #[test]
    fn scalars_resolve_as_kubernetes_reads_them() {
        let text = "a: yes\nb: 'yes'\nc: 0644\nd: 0x1F\ne: 1_000\nf: ~\ng:\nh: 1.5\ni: on\nj: !!str 12\nk: 08\nl: -3\n";
        let r = root(text);
        let v = |k: &str| r.get(k).unwrap().scalar().unwrap().resolve();
        assert_eq!(v("a"), Resolved::Bool(true));
        assert_eq!(v("b"), Resolved::Str("yes"));
        assert_eq!(v("c"), Resolved::Int(0o644));
        assert_eq!(v("d"), Resolved::Int(31));
        assert_eq!(v("e"), Resolved::Int(1000));
        assert_eq!(v("f"), Resolved::Null);
        assert_eq!(v("g"), Resolved::Null);
        assert_eq!(v("h"), Resolved::Float(1.5));
        assert_eq!(v("i"), Resolved::Bool(true));
        assert_eq!(v("j"), Resolved::Str("12"));
        // Not octal; go-yaml v2 then reads it as a float.
        assert_eq!(v("k"), Resolved::Float(8.0));
        assert_eq!(v("l"), Resolved::Int(-3));
        assert_eq!(r.get("c").unwrap().as_i64(), Some(420));
    }

    #[test]
    fn ranges_point_at_keys_values_and_collections() {
        let text = "kind: Pod\nspec:\n  containers:\n    - name: \"app\"\n      args: [a, b]\n      x: |\n        hi\n";
        let r = root(text);
        let (key, value) = r.entry("kind").unwrap();
        assert_eq!(slice(text, key.range), "kind");
        assert_eq!(slice(text, value.range), "Pod");
        let c = r.path(&["spec", "containers"]).unwrap();
        let first = &c.items()[0];
        assert_eq!(slice(text, first.get("name").unwrap().range), "\"app\"");
        assert_eq!(slice(text, first.get("args").unwrap().range), "[a, b]");
        assert!(slice(text, first.range).starts_with("name: \"app\""));
        assert!(slice(text, first.get("x").unwrap().range).starts_with('|'));
    }

    #[test]
    fn one_broken_document_does_not_hide_the_others() {
        let text = "a: 1\n---\nb: [1, 2\n---\nc: 3\n...\n---\n";
        let docs = load_stream(text);
        // The `---` at the end starts a fourth, empty document.
        assert_eq!(docs.len(), 4, "{docs:?}");
        assert!(docs[3].root.as_ref().unwrap().is_null());
        assert!(docs[0].root.is_some());
        assert!(docs[1].error.is_some());
        assert_eq!(
            docs[2].root.as_ref().unwrap().get("c").unwrap().as_i64(),
            Some(3)
        );
        let error = docs[1].error.as_ref().unwrap();
        assert!(error.range.start as usize >= 9, "{error:?}");
    }

    #[test]
    fn duplicate_keys_are_recorded_and_the_last_wins() {
        let text = "a: 1\nb: 2\na: 3\n";
        let docs = load_stream(text);
        let dup = &docs[0].duplicate_keys[0];
        assert_eq!(dup.key, "a");
        assert_eq!((dup.first.start, dup.second.start), (0, 10));
        assert_eq!(
            docs[0].root.as_ref().unwrap().get("a").unwrap().as_i64(),
            Some(3)
        );
    }

    #[test]
    fn anchors_aliases_and_merge_keys() {
        let text = "base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\nlist: [*b, *b]\n";
        let r = root(text);
        let u = r.get("use").unwrap();
        assert_eq!(u.get("x").unwrap().as_i64(), Some(1));
        assert_eq!(u.get("y").unwrap().as_i64(), Some(3));
        assert_eq!(r.get("list").unwrap().items().len(), 2);
        // An aliased node keeps the range of the anchored original.
        assert_eq!(slice(text, u.get("x").unwrap().range), "1");
    }

    #[test]
    fn an_alias_bomb_is_a_located_error() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().enumerate() {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                ["b", "c", "d", "e", "f", "g", "h"][i - 1].to_string()
            };
            text.push_str(&format!(
                "{name}: &{name} [{}]\n",
                vec![format!("*{prev}"); 10].join(", ")
            ));
        }
        let docs = load_stream(&text);
        let error = docs[0].error.as_ref().expect("the bomb is refused");
        assert!(error.message.contains("alias bomb"), "{error:?}");
        assert!(error.range.start > 0);
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        let text = "[".repeat(10_000) + &"]".repeat(10_000);
        let docs = load_stream(&text);
        let error = docs[0].error.as_ref().unwrap();
        assert!(
            error.message.contains("nest") || error.message.contains("recursion limit"),
            "{error:?}"
        );
    }

    #[test]
    fn bom_crlf_tabs_and_non_ascii() {
        let text = "\u{feff}name: café\r\nvalue:\t\"ü\"\r\n";
        let r = root(text);
        assert_eq!(r.get("name").unwrap().as_str(), Some("café"));
        assert_eq!(slice(text, r.get("value").unwrap().range), "\"ü\"");
    }

    #[test]
    fn continuation_lines_go_yaml_accepts_are_accepted() {
        let text =
            "spec:\n  args: [\n    \"-a\", \"b\",\n  ]\n  cmd: \"run --x \\\n  --y\"\n  next: 1\n";
        let r = root(text);
        let args = r.path(&["spec", "args"]).unwrap();
        assert_eq!(args.items().len(), 2);
        assert_eq!(slice(text, args.items()[1].range), "\"b\"");
        assert_eq!(
            r.path(&["spec", "cmd"]).unwrap().as_str(),
            Some("run --x --y")
        );
        let next = r.path(&["spec", "next"]).unwrap();
        assert_eq!(slice(text, next.range), "1");
        // A real indentation error in block context is still an error.
        let broken = load_stream("a:\n    b: 1\n  c: 2\n");
        assert!(broken[0].error.is_some());
    }

    #[test]
    fn json_is_yaml_too() {
        let text = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {\"a\": \"b\"}}";
        let r = root(text);
        assert_eq!(r.get("kind").unwrap().as_str(), Some("ConfigMap"));
        assert_eq!(slice(text, r.range), text);
    }

    #[test]
    fn anchored_and_tagged_flow_collections_end_at_their_bracket() {
        let text = "a: &m {b: 1}\nc: &s [1, 2]\nd: !!map {e: 2}\nf: &t !!seq [3]\n";
        let r = root(text);
        let at = |key: &str| slice(text, r.get(key).unwrap().range);
        assert_eq!(at("a"), "&m {b: 1}");
        assert_eq!(at("c"), "&s [1, 2]");
        assert_eq!(at("d"), "!!map {e: 2}");
        assert_eq!(at("f"), "&t !!seq [3]");
    }

    #[test]
    fn empty_and_comment_only_streams_have_no_documents_with_content() {
        for text in ["", "# just a comment\n", "---\n", "---\n---\n"] {
            assert!(
                load_stream(text)
                    .iter()
                    .all(|d| d.root.is_none() || d.root.as_ref().unwrap().is_null()),
                "{text:?}"
            );
        }
    }
}
