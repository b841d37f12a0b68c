//! Code actions for a finding: the rule's own fix, "ignore <rule> here" (a comment above the
//! instruction or key, or an annotation on the Kubernetes object) and "ignore <rule> in this
//! file". Edits are byte ranges of the document; the server converts them to LSP ranges.

use plimsoll::engine::FileKind;
use plimsoll::kubernetes::Stream;
use plimsoll::Diagnostic;

/// One action: a title and its edits as `(start, end, replacement)` byte ranges.
pub struct Action {
    pub title: String,
    pub edits: Vec<(usize, usize, String)>,
    /// The rule's own fix, offered first.
    pub preferred: bool,
}

/// The actions for finding `d` in a document of `kind` with `text`.
pub fn actions(d: &Diagnostic, kind: FileKind, text: &str) -> Vec<Action> {
    let mut out = Vec::new();
    if let Some(fix) = &d.fix {
        out.push(Action {
            title: fix.title.clone(),
            edits: fix
                .edits
                .iter()
                .map(|e| {
                    (
                        e.range.start as usize,
                        e.range.end as usize,
                        e.replacement.clone(),
                    )
                })
                .collect(),
            preferred: true,
        });
    }
    let rule = d.rule;
    if rule == "parse-error" {
        return out;
    }
    let at = d.range.start as usize;
    let here = match kind {
        FileKind::Dockerfile => dockerfile_instruction_start(text, at),
        FileKind::Kubernetes => line_start(text, at),
    };
    out.push(Action {
        title: format!("Ignore `{rule}` here"),
        edits: vec![comment_above(text, here, "ignore", rule)],
        preferred: false,
    });
    if kind == FileKind::Kubernetes {
        if let Some(edit) = annotation(text, at, rule) {
            out.push(Action {
                title: format!("Ignore `{rule}` for this object (annotation)"),
                edits: vec![edit],
                preferred: false,
            });
        }
    }
    let top = match kind {
        FileKind::Dockerfile => after_parser_directives(text),
        FileKind::Kubernetes => 0,
    };
    out.push(Action {
        title: format!("Ignore `{rule}` in this file"),
        edits: vec![comment_above(text, top, "file-ignore", rule)],
        preferred: false,
    });
    out
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1)
}

/// The start of the line where the instruction holding `at` begins (a finding deep in a
/// continued `RUN` is suppressed above the `RUN`).
fn dockerfile_instruction_start(text: &str, at: usize) -> usize {
    let df = plimsoll::dockerfile::parse(text);
    let start = df
        .instructions
        .iter()
        .find(|i| i.range.contains(at) || i.range.start as usize == at)
        .map_or(at, |i| i.range.start as usize);
    line_start(text, start)
}

/// Where a `# plimsoll: file-ignore[...]` may go in a Dockerfile: after the parser
/// directives, which only count at the very top.
fn after_parser_directives(text: &str) -> usize {
    let df = plimsoll::dockerfile::parse(text);
    df.directives
        .iter()
        .map(|d| d.range.end as usize)
        .max()
        .map_or(0, |end| {
            text[end..].find('\n').map_or(text.len(), |i| end + i + 1)
        })
}

/// A `# plimsoll: <directive>[rule]` comment on its own line at `line`, indented like that
/// line; or, when the line above already is such a comment, the rule added to its list.
fn comment_above(text: &str, line: usize, directive: &str, rule: &str) -> (usize, usize, String) {
    let previous_end = line.saturating_sub(1);
    let previous_start = line_start(text, previous_end);
    let previous = &text[previous_start..previous_end];
    let opener = format!("# plimsoll: {directive}[");
    if line > 0 {
        if let Some(open) = previous.find(&opener) {
            if let Some(close) = previous[open..].find(']') {
                let at = previous_start + open + close;
                return (at, at, format!(", {rule}"));
            }
        }
    }
    let indent: String = text[line..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    (line, line, format!("{indent}{opener}{rule}]{newline}"))
}

/// An `ignore.plimsoll.dev/<rule>` annotation on the Kubernetes object holding `at`, added
/// to its block-style `metadata.annotations` (created under `metadata` when missing).
/// `None` when the object's metadata is not a block mapping we can extend.
fn annotation(text: &str, at: usize, rule: &str) -> Option<(usize, usize, String)> {
    let stream = Stream::parse(text);
    let objects = stream.objects();
    let object = objects
        .iter()
        .filter(|o| o.node.range.contains(at))
        .min_by_key(|o| o.node.range.len())?;
    let (metadata_key, metadata) = object.node.entry("metadata")?;
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let line = format!("ignore.plimsoll.dev/{rule}: \"reason: why this is acceptable\"");
    let block_entries = |map: &plimsoll::kubernetes::Node| {
        let first = map.entries().first()?;
        // A block mapping's keys start their own lines.
        let start = first.0.range.start as usize;
        let indent = start - line_start(text, start);
        text[line_start(text, start)..start]
            .trim()
            .is_empty()
            .then_some((indent, map.entries().last()?.1.range.end as usize))
    };
    if let Some((_, annotations)) = metadata.entry("annotations") {
        let (indent, last_end) = block_entries(annotations)?;
        let end = line_end(text, last_end);
        return Some((end, end, format!("{newline}{}{line}", " ".repeat(indent))));
    }
    let (indent, last_end) = block_entries(metadata)?;
    // `metadata:` must be a block of its own below its key.
    if line_start(text, metadata.range.start as usize)
        == line_start(text, metadata_key.range.start as usize)
    {
        return None;
    }
    let end = line_end(text, last_end);
    let pad = " ".repeat(indent);
    Some((
        end,
        end,
        format!("{newline}{pad}annotations:{newline}{pad}  {line}"),
    ))
}

/// The end of the line holding `at`, before its line break.
fn line_end(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    if end > 0 && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str, edit: &(usize, usize, String)) -> String {
        format!("{}{}{}", &text[..edit.0], edit.2, &text[edit.1..])
    }

    #[test]
    fn comments_above_instructions_and_keys() {
        let df = "# syntax=docker/dockerfile:1\nFROM x:1\nRUN a \\\n  && b\n";
        let at = df.find("b\n").unwrap();
        let start = dockerfile_instruction_start(df, at);
        assert_eq!(
            apply(df, &comment_above(df, start, "ignore", "r")),
            "# syntax=docker/dockerfile:1\nFROM x:1\n# plimsoll: ignore[r]\nRUN a \\\n  && b\n"
        );
        let top = after_parser_directives(df);
        assert!(apply(df, &comment_above(df, top, "file-ignore", "r"))
            .starts_with("# syntax=docker/dockerfile:1\n# plimsoll: file-ignore[r]\nFROM"));
        let yaml = "spec:\n  # plimsoll: ignore[a]\n  hostNetwork: true\n";
        let key = yaml.find("hostNetwork").unwrap();
        assert_eq!(
            apply(
                yaml,
                &comment_above(yaml, line_start(yaml, key), "ignore", "b")
            ),
            "spec:\n  # plimsoll: ignore[a, b]\n  hostNetwork: true\n"
        );
    }

    #[test]
    fn annotations_on_the_object() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n";
        let at = yaml.find("true").unwrap();
        let edit = annotation(yaml, at, "host-namespaces").unwrap();
        let fixed = apply(yaml, &edit);
        assert!(fixed.contains("metadata:\n  name: p\n  annotations:\n    ignore.plimsoll.dev/host-namespaces: \"reason: why this is acceptable\"\nspec:"), "{fixed}");
        let with = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    a: b\nspec:\n  hostNetwork: true\n";
        let fixed = apply(
            with,
            &annotation(with, with.find("true").unwrap(), "x").unwrap(),
        );
        assert!(
            fixed.contains("    a: b\n    ignore.plimsoll.dev/x: "),
            "{fixed}"
        );
        let flow = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {hostNetwork: true}\n";
        assert!(annotation(flow, flow.find("true").unwrap(), "x").is_none());
    }
}
