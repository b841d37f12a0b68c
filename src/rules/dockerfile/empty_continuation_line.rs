//! `empty-continuation-line`: an empty line inside a line continuation.

use crate::dockerfile::{LexNote, LexNoteKind};
use crate::rules::prelude::*;

declare_rule! {
    id: "empty-continuation-line",
    title: "an empty line inside a line continuation",
    severity: Warning,
    category: Style,
    target: Dockerfile,
    fix: Safe,
    aliases: ["buildkit:NoEmptyContinuation"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    let text = cx.text();
    // Empty lines after a continuation that runs into the end of the file are
    // `dangling-line-continuation`'s: once that escape is gone they are plain empty lines.
    let eof = df
        .notes
        .iter()
        .find(|n| n.kind == LexNoteKind::ContinuationAtEof)
        .map_or(u32::MAX, |n| n.range.start);
    let mut empty = df
        .notes
        .iter()
        .filter(|n| n.kind == LexNoteKind::EmptyContinuationLine && n.range.start < eof)
        .peekable();
    while let Some(first) = empty.next() {
        // One finding for a run of consecutive empty lines.
        let mut last: &LexNote = first;
        while let Some(next) =
            empty.next_if(|n| n.range.start as usize == line_end(text, last.range.end as usize))
        {
            last = next;
        }
        let range = TextRange::new(
            first.range.start as usize,
            line_end(text, last.range.end as usize),
        );
        let Some(inst) = df
            .instructions
            .iter()
            .find(|i| i.range.contains(first.range.start as usize))
        else {
            continue;
        };
        let name = match &inst.onbuild {
            Some(inner) => format!("ONBUILD {}", inner.keyword.as_str()),
            None => inst.keyword.as_str().to_string(),
        };
        let span = first.range.cover(last.range);
        let several = first.range.start != last.range.start;
        let lines = if several {
            "empty lines"
        } else {
            "an empty line"
        };
        // An unindented instruction keyword right after the empty lines was probably meant to
        // start a new instruction: the escape before the gap joins it to this one.
        let (next_at, next_line) = continued_line(text, range.end as usize);
        let next_word = next_line
            .split([' ', '\t', '\r', '\n'])
            .next()
            .unwrap_or("");
        if let Some(joined) = Keyword::parse(next_word) {
            let line = cx.line_of(next_at);
            cx.report(
                span,
                format!(
                    "{lines} inside the line continuation of `{name}`: the `{}` on line {line} is joined to it",
                    joined.as_str()
                ),
            )
            .help(format!(
                "remove the escape character before the empty line if `{}` starts a new instruction",
                joined.as_str()
            ));
            continue;
        }
        cx.report(span, format!("{lines} inside the line continuation of `{name}`"))
            .help("delete the empty line, or end the instruction before it: BuildKit plans to reject empty continuation lines")
            .fix(
                if several { "delete the empty lines" } else { "delete the empty line" },
                vec![Edit::delete(range)],
            );
    }
}

/// The line the continuation goes on with: the first from `from` that is neither empty nor a
/// comment, with its offset.
fn continued_line(text: &str, mut from: usize) -> (usize, &str) {
    while from < text.len() {
        let end = text[from..].find('\n').map_or(text.len(), |n| from + n);
        let line = &text[from..end];
        let content = line.trim_start_matches([' ', '\t']).trim_end_matches('\r');
        if !content.is_empty() && !content.starts_with('#') {
            return (from, line);
        }
        from = end + 1;
    }
    (text.len(), "")
}

/// Where the line that ends (before its line break) at `content_end` ends, line break included.
fn line_end(text: &str, content_end: usize) -> usize {
    let rest = &text[content_end..];
    content_end
        + if rest.starts_with("\r\n") {
            2
        } else {
            usize::from(rest.starts_with('\n'))
        }
}
