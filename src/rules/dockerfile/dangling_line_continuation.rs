//! `dangling-line-continuation`: the last instruction ends in a line continuation with nothing
//! after it.

use crate::dockerfile::LexNoteKind;
use crate::rules::prelude::*;

declare_rule! {
    id: "dangling-line-continuation",
    title: "the file ends in a line continuation",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: Safe,
    aliases: [],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    let text = cx.text();
    for note in df
        .notes
        .iter()
        .filter(|n| n.kind == LexNoteKind::ContinuationAtEof)
    {
        // A backtick in backticks is written `` ` ``.
        let escape = match &text[note.range.as_range()] {
            "`" => "`` ` ``".to_string(),
            other => format!("`{other}`"),
        };
        // Take the blanks around the escape character along, so no trailing space is left.
        let start = text[..note.range.start as usize]
            .trim_end_matches([' ', '\t'])
            .len();
        let rest = &text[note.range.end as usize..];
        let end =
            note.range.end as usize + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
        cx.report(
            note.range,
            format!("line continuation {escape} at the end of the file continues nothing"),
        )
        .help("remove the trailing escape character, or add the line that is missing")
        .fix(
            format!("remove the trailing {escape}"),
            vec![Edit::delete(TextRange::new(start, end))],
        );
    }
}
