//! What must hold for any input, however broken: every range a parser or a rule reports lies
//! inside the text and on char boundaries, line and column numbers stay inside the file, and
//! fixes edit only the text they were made for. Shared by the property test
//! (`testdata/properties.rs`) and the fuzz targets (`benches/fuzz/fuzz_targets/`), which
//! include this file by path; each check panics with what went wrong.

#![allow(dead_code)] // Each includer uses its own subset.

use plimsoll::config::{default_settings, Overrides};
use plimsoll::diagnostic::Fix;
use plimsoll::dockerfile::{Dockerfile, Instruction, Word};
use plimsoll::kubernetes::yaml::Document;
use plimsoll::kubernetes::{Node, Stream, Value};
use plimsoll::source::TextRange;
use plimsoll::{Diagnostic, FileKind, Settings, SourceFile};

/// Default settings with every rule on (`--select all`).
pub fn all_rules() -> Settings {
    default_settings(&Overrides {
        select: Some(vec!["all".to_string()]),
        ..Overrides::default()
    })
    .expect("`all` selects every rule")
}

/// A fuzz input linted as `kind` with every rule on (decoded lossily, as the CLI reads
/// files), with the invariants checked; the settings are built once per process.
pub fn fuzz_lint(data: &[u8], kind: FileKind) {
    static SETTINGS: std::sync::OnceLock<Settings> = std::sync::OnceLock::new();
    let settings = SETTINGS.get_or_init(all_rules);
    lint_checked(&String::from_utf8_lossy(data), kind, settings);
}

/// Lints `text` as `kind` and checks every diagnostic; returns them.
pub fn lint_checked(text: &str, kind: FileKind, settings: &Settings) -> Vec<Diagnostic> {
    let file = SourceFile::new("input", text);
    let diagnostics = plimsoll::lint_source(&file, kind, settings);
    check_diagnostics(&file, &diagnostics);
    diagnostics
}

/// `range` is ordered, ends inside `text`, and both ends are char boundaries.
pub fn check_range(text: &str, range: TextRange, what: &str) {
    let (start, end) = (range.start as usize, range.end as usize);
    assert!(
        start <= end && end <= text.len(),
        "{what}: range {start}..{end} is reversed or past the end ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: range {start}..{end} splits a character"
    );
}

/// Every diagnostic's range, its line and column at both ends, and its fix.
pub fn check_diagnostics(file: &SourceFile, diagnostics: &[Diagnostic]) {
    let text = &file.text;
    for d in diagnostics {
        let what = format!("`{}` ({})", d.rule, d.message);
        check_range(text, d.range, &what);
        for offset in [d.range.start, d.range.end] {
            check_line_column(file, offset as usize, &what);
        }
        if let Some(fix) = &d.fix {
            check_fix(text, fix, &what);
        }
    }
}

/// The 1-based line and column of `offset` name a place that exists: a line of the file and
/// at most one column past that line's last character.
fn check_line_column(file: &SourceFile, offset: usize, what: &str) {
    let text = &file.text;
    let at = file.line_column(offset);
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(
        (1..=lines.len()).contains(&at.line),
        "{what}: offset {offset} is on line {} of a {}-line file",
        at.line,
        lines.len()
    );
    let line_chars = lines[at.line - 1].chars().count();
    assert!(
        at.column >= 1 && at.column <= line_chars + 1,
        "{what}: offset {offset} is at column {} of a {line_chars}-character line {}",
        at.column,
        at.line
    );
}

/// A fix's edits lie inside the text, on char boundaries, without overlapping, and applying
/// them gives the text with each range replaced.
fn check_fix(text: &str, fix: &Fix, what: &str) {
    let mut ranges: Vec<TextRange> = fix.edits.iter().map(|e| e.range).collect();
    for range in &ranges {
        check_range(text, *range, &format!("{what}, fix `{}`", fix.title));
    }
    ranges.sort();
    for pair in ranges.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "{what}, fix `{}`: edits {:?} and {:?} overlap",
            fix.title,
            pair[0],
            pair[1]
        );
    }
    let removed: usize = ranges.iter().map(|r| r.len()).sum();
    let added: usize = fix.edits.iter().map(|e| e.replacement.len()).sum();
    assert_eq!(
        fix.apply(text).len(),
        text.len() - removed + added,
        "{what}, fix `{}`: applying it does not replace exactly its ranges",
        fix.title
    );
}

/// Every range of a parsed Dockerfile.
pub fn check_dockerfile(text: &str, df: &Dockerfile) {
    for directive in &df.directives {
        for range in [directive.range, directive.name_range, directive.value_range] {
            check_range(text, range, "parser directive");
        }
    }
    for comment in &df.comments {
        check_range(text, comment.range, "comment");
    }
    for note in &df.notes {
        check_range(text, note.range, "lexer note");
    }
    for error in &df.errors {
        check_range(
            text,
            error.range,
            &format!("syntax error `{}`", error.message),
        );
    }
    for inst in df.all_instructions() {
        check_instruction(text, inst);
    }
    for stage in &df.stages {
        assert!(
            stage.instructions.end <= df.instructions.len(),
            "stage {} ends past the instructions",
            stage.index
        );
        for word in stage.image.iter().chain(&stage.alias) {
            check_word(text, word, "stage image or alias");
        }
    }
}

fn check_instruction(text: &str, inst: &Instruction) {
    let what = format!("`{}` instruction", inst.keyword.as_str());
    for range in [inst.range, inst.keyword_range, inst.args_range] {
        check_range(text, range, &what);
    }
    for flag in &inst.flags {
        check_range(text, flag.range, &what);
        check_range(text, flag.name_range, &what);
        if let Some(value) = &flag.value {
            check_word(text, value, &what);
        }
    }
    for word in &inst.args {
        check_word(text, word, &what);
    }
    for heredoc in &inst.heredocs {
        check_range(text, heredoc.marker, &what);
        check_range(text, heredoc.body, &what);
    }
    if let Some(script) = &inst.script {
        for command in script.commands.iter().chain(&script.declarations) {
            check_range(text, command.range, &what);
            for word in &command.words {
                check_word(text, word, &what);
            }
        }
        for pipeline in &script.pipelines {
            assert!(
                pipeline.iter().all(|&i| i < script.commands.len()),
                "{what}: a pipeline names a command that is not there"
            );
        }
    }
}

fn check_word(text: &str, word: &Word, what: &str) {
    check_range(text, word.range, &format!("{what}, word `{}`", word.text));
}

/// Every range of a loaded YAML stream: documents, nodes, errors, duplicate keys, comments.
pub fn check_stream(text: &str, stream: &Stream) {
    check_documents(text, &stream.documents);
    assert_eq!(stream.sources.len(), stream.documents.len());
    for comment in &stream.comments {
        check_range(text, comment.range, "comment");
        assert!(
            text[comment.range.as_range()].starts_with('#'),
            "comment at {:?} does not start with `#`",
            comment.range
        );
    }
    for object in stream.objects() {
        assert!(object.document < stream.documents.len());
    }
}

fn check_documents(text: &str, documents: &[Document]) {
    // Documents come in source order; the ones saphyr finds inside one `---` chunk (after a
    // BOM, say) share that chunk's range.
    let mut previous_start = 0;
    for doc in documents {
        check_range(text, doc.range, "document");
        assert!(
            doc.range.start >= previous_start,
            "document {:?} starts before the one before",
            doc.range
        );
        previous_start = doc.range.start;
        if let Some(error) = &doc.error {
            check_range(
                text,
                error.range,
                &format!("YAML error `{}`", error.message),
            );
        }
        for dup in &doc.duplicate_keys {
            check_range(text, dup.first, "duplicate key");
            check_range(text, dup.second, "duplicate key");
        }
        if let Some(root) = &doc.root {
            check_node(text, root);
        }
    }
}

/// A node tree, without recursion: aliases can make trees deep.
fn check_node(text: &str, root: &Node) {
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        check_range(text, node.range, "YAML node");
        match &node.value {
            Value::Scalar(_) => {}
            Value::Seq(items) => stack.extend(items),
            Value::Map(entries) => stack.extend(entries.iter().flat_map(|(k, v)| [k, v])),
        }
    }
}
