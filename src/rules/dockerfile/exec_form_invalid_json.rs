//! `exec-form-invalid-json`: arguments that start like an exec-form JSON array but are not one,
//! so Docker silently runs them as a shell command.

use crate::rules::prelude::*;

declare_rule! {
    id: "exec-form-invalid-json",
    title: "exec-form arguments that are not valid JSON",
    severity: Error,
    category: Correctness,
    target: Dockerfile,
    fix: Unsafe,
    aliases: [],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    let text = cx.text();
    for inst in df.all_instructions() {
        // A `SHELL` that is not a JSON array is a parse error.
        if !inst.invalid_exec_form || inst.keyword == Keyword::Shell {
            continue;
        }
        let Some(open) = text[inst.args_range.as_range()].find('[') else {
            continue;
        };
        let chars = logical_chars(
            text,
            inst.args_range.start as usize + open,
            inst.args_range.end as usize,
            df.escape,
        );
        let shell = matches!(
            inst.keyword,
            Keyword::Run | Keyword::Cmd | Keyword::Entrypoint | Keyword::Healthcheck
        );
        if !looks_like_json(&chars, shell) {
            continue;
        }
        let scan = scan(&chars);
        let Some(problem) = scan.problem else {
            continue;
        };
        let name = if inst.keyword == Keyword::Healthcheck {
            "HEALTHCHECK CMD"
        } else {
            inst.keyword.as_str()
        };
        let consequence = match inst.keyword {
            Keyword::Copy | Keyword::Add => "Docker reads them as plain file names",
            Keyword::Volume => "Docker reads them as plain volume paths",
            _ => "Docker runs them as a shell command",
        };
        // `["C:\\app.exe --flag"]` was meant as two elements: no guess at where to split.
        let program_with_space = shell
            && scan
                .elements
                .as_ref()
                .and_then(|e| e.first())
                .is_some_and(|p| p.contains([' ', '\t']));
        let repaired = scan.elements.filter(|_| !program_with_space).map(|e| {
            let items: Vec<String> = e.iter().map(|s| json_string(s)).collect();
            format!("[{}]", items.join(", "))
        });
        let help = match &repaired {
            _ if problem.comment => {
                "move the comment to a line of its own above the instruction".to_string()
            }
            Some(r) => format!("write a JSON array of double-quoted strings: `{r}`"),
            None => "write a JSON array of double-quoted strings, such as `[\"program\", \"arg\"]`"
                .to_string(),
        };
        let report = cx
            .report(
                problem.range,
                format!(
                    "`{name}` arguments are not a valid JSON array ({}), so {consequence}",
                    problem.message
                ),
            )
            .help(help);
        let has_comment = df
            .comments
            .iter()
            .any(|c| inst.args_range.contains(c.range.start as usize));
        if let (Some(repaired), false) = (repaired, has_comment) {
            let range = TextRange::new(chars[0].0, inst.args_range.end as usize);
            report.fix(
                "rewrite as a JSON array",
                vec![Edit::replace(range, repaired)],
            );
        }
    }
}

/// The characters of `text[start..end]` with line continuations (and the empty and comment
/// lines inside them) left out, each with its offset.
fn logical_chars(text: &str, start: usize, end: usize, escape: char) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        // As in the lexer, an escape right after another one is a literal character.
        if c == escape && !text[..i].ends_with(escape) {
            let rest = &text[i + c.len_utf8()..];
            let blanks = rest.len() - rest.trim_start_matches([' ', '\t', '\r']).len();
            if rest[blanks..].starts_with('\n') {
                i += c.len_utf8() + blanks + 1;
                // Empty and comment lines inside a continuation are skipped by the lexer too.
                while i < end {
                    let line_end = text[i..].find('\n').map_or(text.len(), |n| i + n);
                    let line = text[i..line_end].trim_start_matches([' ', '\t']);
                    if !(line.trim_end_matches('\r').is_empty() || line.starts_with('#')) {
                        break;
                    }
                    i = line_end + 1;
                }
                continue;
            }
        }
        out.push((i, c));
        i += c.len_utf8();
    }
    out
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}'
    )
}

/// Whether the `[` opens what was meant as a JSON array rather than a shell test
/// (`RUN [ -f /etc/x ] && ...`, `RUN [[ ... ]]`) or a glob (`COPY [Dd]ockerfile /src/`): a quote
/// right after the `[`, or a comma before the first `]`. Behind `[ ` with a space, where the
/// shell's `[` command is possible, only the comma counts.
fn looks_like_json(chars: &[(usize, char)], shell: bool) -> bool {
    let after = chars.get(1).map(|c| c.1);
    if shell && after == Some('[') {
        return false;
    }
    let spaced = after.is_some_and(|c| c == ' ' || c == '\t');
    let first = chars[1..]
        .iter()
        .map(|c| c.1)
        .find(|c| *c != ' ' && *c != '\t');
    if !(shell && spaced) && first.is_some_and(is_quote) {
        return true;
    }
    let mut quote = None;
    for &(_, c) in &chars[1..] {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == ',' => return true,
            None if c == ']' => return false,
            None => {}
        }
    }
    false
}

struct Problem {
    range: TextRange,
    message: String,
    /// A `#` comment after the array: the repair is to move it, not to rewrite the array.
    comment: bool,
}

struct Scan {
    /// The first thing that makes the array invalid.
    problem: Option<Problem>,
    /// The strings the author evidently meant, when every problem has an obvious repair.
    elements: Option<Vec<String>>,
}

/// Reads `chars` (starting at `[`) as a JSON array of strings, tolerating the usual mistakes
/// (single or typographic quotes, unquoted words, missing or trailing commas, unknown escapes)
/// so it can say what is wrong and what was meant.
fn scan(chars: &[(usize, char)]) -> Scan {
    let end_offset = chars.last().map_or(0, |&(o, c)| o + c.len_utf8());
    let at = |i: usize| chars.get(i).map_or(end_offset, |c| c.0);
    let span = |from: usize, to: usize| TextRange::new(at(from), at(to).max(at(from)));
    let mut problem: Option<Problem> = None;
    let mut repairable = true;
    let note = |p: &mut Option<Problem>, range: TextRange, message: String| {
        if p.is_none() {
            *p = Some(Problem {
                range,
                message,
                comment: false,
            });
        }
    };
    let mut elements = Vec::new();
    let skip_ws = |i: &mut usize| {
        while chars
            .get(*i)
            .is_some_and(|c| matches!(c.1, ' ' | '\t' | '\r' | '\n'))
        {
            *i += 1;
        }
    };
    let mut i = 1;
    let mut expect_element = true;
    let mut after_comma: Option<usize> = None;
    loop {
        skip_ws(&mut i);
        let Some(&(_, c)) = chars.get(i) else {
            note(&mut problem, span(0, 1), "the `[` is never closed".into());
            repairable = false;
            break;
        };
        match c {
            ']' => {
                if let Some(comma) = after_comma {
                    note(
                        &mut problem,
                        span(comma, comma + 1),
                        "a trailing comma before `]`".into(),
                    );
                }
                i += 1;
                skip_ws(&mut i);
                if i < chars.len() {
                    let comment = chars[i].1 == '#';
                    let message = if comment {
                        "a `#` comment after `]`: Dockerfile comments must start the line"
                    } else {
                        "text follows the closing `]`"
                    };
                    note(&mut problem, span(i, chars.len()), message.into());
                    if let Some(p) = problem.as_mut() {
                        p.comment = comment && p.range.start as usize == chars[i].0;
                    }
                    repairable = false;
                }
                break;
            }
            ',' => {
                if expect_element {
                    note(
                        &mut problem,
                        span(i, i + 1),
                        "a comma without an element before it".into(),
                    );
                    repairable = false;
                }
                after_comma = Some(i);
                expect_element = true;
                i += 1;
                continue;
            }
            _ => {}
        }
        if !expect_element {
            note(
                &mut problem,
                span(i, i + 1),
                "a comma is missing between two elements".into(),
            );
        }
        let start = i;
        let (value, ok) = match c {
            '"' => read_json_string(chars, &mut i, &mut |range, message| {
                note(&mut problem, range, message)
            }),
            '\'' | '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' => {
                let close: &[char] = match c {
                    '\'' => &['\''],
                    '\u{2018}' | '\u{2019}' => &['\u{2018}', '\u{2019}'],
                    _ => &['\u{201c}', '\u{201d}'],
                };
                let message = if c == '\'' {
                    "strings are in single quotes; JSON needs double quotes".to_string()
                } else {
                    format!("`{c}` is a typographic quote; JSON needs `\"`")
                };
                note(&mut problem, span(i, i + 1), message);
                i += 1;
                let mut value = String::new();
                let mut closed = false;
                while let Some(&(_, q)) = chars.get(i) {
                    i += 1;
                    if close.contains(&q) {
                        closed = true;
                        break;
                    }
                    value.push(q);
                }
                (value.clone(), closed && !value.contains(['\\', '"']))
            }
            '[' => {
                note(
                    &mut problem,
                    span(i, i + 1),
                    "arrays cannot be nested".into(),
                );
                repairable = false;
                break;
            }
            _ => {
                while chars
                    .get(i)
                    .is_some_and(|c| !matches!(c.1, ',' | ']' | ' ' | '\t'))
                {
                    i += 1;
                }
                let word: String = chars[start..i].iter().map(|c| c.1).collect();
                note(
                    &mut problem,
                    span(start, i),
                    format!("`{word}` is not in double quotes"),
                );
                let plain = !word.contains(['"', '\'', '\\', '$', '[']);
                (word, plain)
            }
        };
        repairable &= ok;
        elements.push(value);
        expect_element = false;
        after_comma = None;
    }
    Scan {
        problem,
        elements: repairable.then_some(elements),
    }
}

/// Reads a double-quoted JSON string at `chars[*i]`. A string with an unknown escape such as
/// `\R` (a Windows path, `"C:\Ruby\bin"`) was written with literal backslashes, so its value
/// keeps every backslash that does not escape `"` or `\`. Returns the value and whether the
/// string was closed.
fn read_json_string(
    chars: &[(usize, char)],
    i: &mut usize,
    note: &mut dyn FnMut(TextRange, String),
) -> (String, bool) {
    let open = *i;
    *i += 1;
    let mut value = String::new();
    let mut literal = String::new();
    let mut unknown_escape = false;
    while let Some(&(o, c)) = chars.get(*i) {
        *i += 1;
        match c {
            '"' => return (if unknown_escape { literal } else { value }, true),
            '\\' => {
                let Some(&(_, e)) = chars.get(*i) else { break };
                *i += 1;
                literal.push(if e == '"' || e == '\\' { e } else { '\\' });
                if e != '"' && e != '\\' {
                    literal.push(e);
                }
                if let Some(k) = simple_escape(e) {
                    value.push(k);
                    continue;
                }
                let hex: String = chars.iter().skip(*i).take(4).map(|c| c.1).collect();
                let unicode = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                if let (true, 4, Some(ch)) = (e == 'u', hex.len(), unicode) {
                    value.push(ch);
                    literal.push_str(&hex);
                    *i += 4;
                    continue;
                }
                if !unknown_escape {
                    unknown_escape = true;
                    let end = chars.get(*i).map_or(o + 1 + e.len_utf8(), |c| c.0);
                    note(
                        TextRange::new(o, end),
                        format!("`\\{e}` is not a JSON escape; a backslash is written `\\\\`"),
                    );
                }
            }
            c => {
                if (c as u32) < 0x20 {
                    note(
                        TextRange::new(o, o + c.len_utf8()),
                        "a control character (such as a tab) inside a string".into(),
                    );
                }
                value.push(c);
                literal.push(c);
            }
        }
    }
    let start = chars[open].0;
    note(
        TextRange::new(start, start + 1),
        "a string is never closed".into(),
    );
    (value, false)
}

fn simple_escape(e: char) -> Option<char> {
    Some(match e {
        '"' | '\\' | '/' => e,
        'b' => '\u{8}',
        'f' => '\u{c}',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        _ => return None,
    })
}

/// `s` as a JSON string literal.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
