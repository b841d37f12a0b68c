//! Logical instructions to the typed model: keywords, flags, words or exec-form JSON, heredocs,
//! the `RUN` shell script, stages and `FROM` resolution. Every problem BuildKit would reject is
//! a located [`SyntaxError`]; the rest of the file is still parsed.

use super::image::{expand, ImageRef};
use super::lexer::{heredoc_markers, lex, Logical, RawInstruction};
use super::model::*;
use super::shell::{parse_script, ShellScript};
use super::words::{parse_json_array, split_words, word_end, Split};
use crate::source::TextRange;

/// Parses a Dockerfile (or a fragment of one). Never fails: problems are in `errors`.
pub fn parse(text: &str) -> Dockerfile {
    let lexed = lex(text);
    let escape = lexed.escape;
    let mut errors = Vec::new();
    for note in &lexed.notes {
        match &note.kind {
            LexNoteKind::UnterminatedHeredoc(delimiter) => errors.push(SyntaxError {
                range: note.range,
                message: format!(
                    "heredoc `{delimiter}` is never terminated: no line `{delimiter}` follows"
                ),
            }),
            LexNoteKind::InvalidEscape => errors.push(SyntaxError {
                range: note.range,
                message: "invalid escape directive: the escape character must be `\\` or `` ` ``"
                    .into(),
            }),
            LexNoteKind::DuplicateDirective => errors.push(SyntaxError {
                range: note.range,
                message: "a parser directive may only be given once".into(),
            }),
            LexNoteKind::EmptyContinuationLine | LexNoteKind::ContinuationAtEof => {}
        }
    }
    // A Go or Jinja template is not a Dockerfile: one finding instead of one per line.
    if let Some(template) = lexed.instructions.iter().find(|raw| {
        let t = raw.logical.text.as_str();
        t.starts_with("{{") || t.starts_with("{%") || t.starts_with("}}")
    }) {
        let at = template.range.start as usize;
        errors.push(SyntaxError {
            range: TextRange::new(at, at + 2),
            message: "this looks like a template (`{{ ... }}`), not a Dockerfile: lint its rendered output, or exclude it".into(),
        });
        return Dockerfile {
            bom: lexed.bom,
            escape,
            directives: lexed.directives,
            comments: lexed.comments,
            instructions: Vec::new(),
            stages: Vec::new(),
            global_args: Vec::new(),
            notes: lexed.notes,
            errors,
        };
    }
    let mut instructions = Vec::with_capacity(lexed.instructions.len());
    for raw in &lexed.instructions {
        if let Some(inst) =
            parse_instruction(text, raw, &raw.logical, 0, escape, &mut errors, false)
        {
            instructions.push(inst);
        }
    }
    let (stages, global_args) = build_stages(&mut instructions, &mut errors);
    errors.sort_by_key(|e| e.range);
    Dockerfile {
        bom: lexed.bom,
        escape,
        directives: lexed.directives,
        comments: lexed.comments,
        instructions,
        stages,
        global_args,
        notes: lexed.notes,
        errors,
    }
}

fn skip_blanks(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    i
}

/// Parses the instruction that starts at `start` in `logical`; `nested` is true behind `ONBUILD`.
fn parse_instruction(
    source: &str,
    raw: &RawInstruction,
    logical: &Logical,
    start: usize,
    escape: char,
    errors: &mut Vec<SyntaxError>,
    nested: bool,
) -> Option<Instruction> {
    let text = &logical.text;
    let keyword_end = text[start..]
        .find([' ', '\t'])
        .map_or(text.len(), |i| start + i);
    let keyword_text = &text[start..keyword_end];
    let keyword_range = logical.source_range(start, keyword_end);
    let Some(keyword) = Keyword::parse(keyword_text) else {
        let upper = keyword_text.to_ascii_uppercase();
        let suggestion =
            crate::suggest::did_you_mean(&upper, Keyword::ALL.iter().map(|k| k.as_str()))
                .map(|k| format!("; did you mean `{k}`?"))
                .unwrap_or_default();
        errors.push(SyntaxError {
            range: keyword_range,
            message: format!("unknown instruction `{keyword_text}`{suggestion}"),
        });
        return None;
    };

    // Flags: `--name[=value]` words before the arguments.
    let mut pos = skip_blanks(text, keyword_end);
    let mut flags = Vec::new();
    while text[pos..].starts_with("--") && keyword != Keyword::Onbuild {
        let end = word_end(text, pos, escape);
        let word = split_words(logical, pos, end, escape, Split::Shell).pop();
        let Some(word) = word else { break };
        let body = word.text.trim_start_matches("--");
        let (name, value) = match body.split_once('=') {
            Some((n, v)) => (n.to_ascii_lowercase(), Some(v.to_string())),
            None => (body.to_ascii_lowercase(), None),
        };
        // Positions come from the written word, which quotes can make longer than `body`.
        let name_end = text[pos..end].find('=').map_or(end, |i| pos + i);
        let name_range = logical.source_range(pos, name_end);
        if !keyword.known_flags().contains(&name.as_str()) {
            let suggestion =
                crate::suggest::did_you_mean(&name, keyword.known_flags().iter().copied())
                    .map(|f| format!("; did you mean `--{f}`?"))
                    .unwrap_or_default();
            errors.push(SyntaxError {
                range: name_range,
                message: format!(
                    "unknown flag `--{name}` for {}{suggestion}",
                    keyword.as_str()
                ),
            });
        }
        let value = value.map(|v| {
            let value_start = name_end + 1;
            Word {
                has_variable: v.contains('$'),
                text: v,
                range: logical.source_range(value_start.min(end), end),
                quoted: word.quoted,
            }
        });
        flags.push(Flag {
            name,
            name_range,
            value,
            range: word.range,
        });
        pos = skip_blanks(text, end);
    }

    let args_start = pos;
    let args_range = logical.source_range(args_start, text.len());
    let mut exec_start = None;
    if keyword.allows_exec_form() {
        if keyword == Keyword::Healthcheck {
            let first_end = word_end(text, args_start, escape);
            if text[args_start..first_end].eq_ignore_ascii_case("cmd") {
                exec_start = Some(skip_blanks(text, first_end));
            }
        } else {
            exec_start = Some(args_start);
        }
    }
    let split = match keyword {
        Keyword::Env | Keyword::Label | Keyword::Arg => Split::Shell,
        _ => Split::Fields,
    };
    let mut exec_form = false;
    let mut invalid_exec_form = false;
    let mut args = Vec::new();
    if let Some(exec_start) = exec_start.filter(|&s| text[s..].starts_with('[')) {
        match parse_json_array(logical, exec_start) {
            Some(words) => {
                exec_form = true;
                args = split_words(logical, args_start, exec_start, escape, split);
                args.extend(words);
            }
            None => invalid_exec_form = true,
        }
    }
    if !exec_form {
        args = split_words(logical, args_start, text.len(), escape, split);
        if matches!(
            keyword,
            Keyword::Workdir | Keyword::User | Keyword::Stopsignal | Keyword::Maintainer
        ) && args.len() > 1
        {
            // BuildKit reads these as one string: `WORKDIR /path with spaces`.
            let text = args
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let range = args[0].range.cover(args[args.len() - 1].range);
            let quoted = args.iter().any(|w| w.quoted);
            let has_variable = args.iter().any(|w| w.has_variable);
            args = vec![Word {
                text,
                range,
                quoted,
                has_variable,
            }];
        }
    }

    // The heredocs belong to the innermost instruction (`ONBUILD RUN <<EOF`).
    let heredocs = if nested == (start > 0) {
        raw.heredocs.clone()
    } else {
        Vec::new()
    };

    let mut onbuild = None;
    if keyword == Keyword::Onbuild && args_start < text.len() {
        let inner = parse_instruction(source, raw, logical, args_start, escape, errors, true);
        if let Some(inner) = &inner {
            if matches!(
                inner.keyword,
                Keyword::Onbuild | Keyword::From | Keyword::Maintainer
            ) {
                errors.push(SyntaxError {
                    range: inner.keyword_range,
                    message: format!("{} is not allowed behind ONBUILD", inner.keyword.as_str()),
                });
            }
        }
        onbuild = inner.map(Box::new);
    }

    let script = (keyword == Keyword::Run && !exec_form)
        .then(|| run_script(source, logical, escape, args_start, &args, &heredocs))
        .flatten();

    let range = if nested {
        TextRange::new(keyword_range.start as usize, raw.range.end as usize)
    } else {
        raw.range
    };
    let instruction = Instruction {
        keyword,
        keyword_range,
        range,
        flags,
        args_range,
        args,
        exec_form,
        invalid_exec_form,
        heredocs,
        script,
        onbuild,
        stage: None,
    };
    check_arguments(&instruction, errors);
    Some(instruction)
}

/// The shell script of a `RUN`: its shell-form text, or a heredoc that is the whole command.
fn run_script(
    source: &str,
    logical: &Logical,
    escape: char,
    args_start: usize,
    args: &[Word],
    heredocs: &[Heredoc],
) -> Option<ShellScript> {
    if heredocs.is_empty() {
        let args_logical = logical.suffix(args_start);
        return Some(parse_script(&args_logical.text, &|s, e| {
            args_logical.source_range(s, e)
        }));
    }
    let is_heredoc = |w: &Word| heredocs.iter().any(|h| h.marker == w.range);
    let mut command_words = args.iter().filter(|w| !is_heredoc(w));
    let Some(first_word) = command_words.next() else {
        // `RUN <<EOF`: the body is the script.
        let mut script = ShellScript::default();
        for heredoc in heredocs {
            script.append(heredoc_script(source, heredoc)?);
        }
        return Some(script);
    };
    // `RUN cat <<EOF > file`: the bodies are data for the commands, so the shell parser gets
    // the command line with the heredoc markers blanked out (same length, so spans hold).
    let mut combined = logical.suffix(args_start);
    for (start, end, ..) in heredoc_markers(&combined.text, escape) {
        combined
            .text
            .replace_range(start..end, &" ".repeat(end - start));
    }
    let mut script = parse_script(&combined.text, &|s, e| combined.source_range(s, e));
    // `RUN bash <<EOF` (or `RUN <<EOF sh -e`): the shell reads its script from the heredoc.
    let feeds_shell = is_shell(&first_word.text) && !command_words.any(|w| w.text == "-c");
    if feeds_shell {
        for heredoc in heredocs {
            if let Some(body) = heredoc_script(source, heredoc) {
                script.append(body);
            }
        }
    }
    Some(script)
}

fn is_shell(program: &str) -> bool {
    let base = program.rsplit('/').next().unwrap_or(program);
    matches!(
        base,
        "sh" | "bash" | "ash" | "dash" | "zsh" | "ksh" | "mksh"
    )
}

/// A heredoc body as a shell script; `None` when a shebang names another interpreter.
fn heredoc_script(source: &str, heredoc: &Heredoc) -> Option<ShellScript> {
    let body = heredoc.body;
    let body_text = &source[body.as_range()];
    if let Some(shebang) = body_text.strip_prefix("#!") {
        let interpreter = shebang.lines().next().unwrap_or("");
        let mut words = interpreter.split_whitespace();
        let program = words.next().unwrap_or("");
        // `#!/usr/bin/env bash`
        let program = if program.ends_with("/env") {
            words.next().unwrap_or("")
        } else {
            program
        };
        if !is_shell(program) {
            return None;
        }
    }
    let offset = body.start as usize;
    Some(parse_script(body_text, &|s, e| {
        TextRange::new(offset + s, offset + e)
    }))
}

/// Argument counts and shapes that BuildKit rejects.
fn check_arguments(inst: &Instruction, errors: &mut Vec<SyntaxError>) {
    // Heredoc markers are words of the arguments, so `COPY <<EOF /dest` has two.
    let n = inst.args.len();
    let name = inst.keyword.as_str();
    let error = |message: String| SyntaxError {
        range: inst.keyword_range,
        message,
    };
    match inst.keyword {
        Keyword::From => {
            let ok = n == 1 || (n == 3 && inst.args[1].text.eq_ignore_ascii_case("as"));
            if !ok {
                errors.push(error(
                    "FROM takes an image and an optional `AS name`".into(),
                ));
            }
        }
        Keyword::Copy | Keyword::Add => {
            if n < 2 {
                errors.push(error(format!(
                    "{name} needs at least a source and a destination"
                )));
            }
        }
        Keyword::Workdir | Keyword::User | Keyword::Stopsignal | Keyword::Maintainer => {
            if n == 0 {
                errors.push(error(format!("{name} needs an argument")));
            }
        }
        Keyword::Env => {
            if n == 0 {
                errors.push(error("ENV needs at least one `KEY=value`".into()));
            } else if inst.args.len() == 1 && !inst.args[0].text.contains('=') {
                errors.push(SyntaxError {
                    range: inst.args[0].range,
                    message: format!(
                        "ENV `{}` has no value: write `{}=value`",
                        inst.args[0].text, inst.args[0].text
                    ),
                });
            } else if inst.args[0].text.contains('=') {
                for w in &inst.args {
                    if !w.text.contains('=') || w.text.starts_with('=') {
                        errors.push(SyntaxError {
                            range: w.range,
                            message: format!("`{}` is not a `KEY=value` pair", w.text),
                        });
                    }
                }
            }
        }
        Keyword::Label if inst.args.len() >= 2 && !inst.args[0].text.contains('=') => {
            // The legacy form `LABEL key value...`, like `ENV key value`.
        }
        Keyword::Label => {
            for w in &inst.args {
                if !w.text.contains('=') || w.text.starts_with('=') {
                    errors.push(SyntaxError {
                        range: w.range,
                        message: format!("LABEL `{}` is not a `key=value` pair", w.text),
                    });
                }
            }
            if n == 0 {
                errors.push(error("LABEL needs at least one `key=value`".into()));
            }
        }
        Keyword::Arg | Keyword::Expose | Keyword::Volume | Keyword::Onbuild => {
            if n == 0 && !inst.exec_form {
                errors.push(error(format!("{name} needs at least one argument")));
            }
        }
        Keyword::Healthcheck => match inst.args.first() {
            Some(w)
                if w.text.eq_ignore_ascii_case("none") || w.text.eq_ignore_ascii_case("cmd") => {}
            Some(w) => errors.push(SyntaxError {
                range: w.range,
                message: format!("HEALTHCHECK takes `CMD ...` or `NONE`, not `{}`", w.text),
            }),
            None => errors.push(error("HEALTHCHECK takes `CMD ...` or `NONE`".into())),
        },
        Keyword::Shell => {
            if !inst.exec_form {
                errors.push(error(
                    "SHELL must be a JSON array, e.g. `SHELL [\"/bin/bash\", \"-c\"]`".into(),
                ));
            }
        }
        // An empty `RUN` or `CMD` is accepted by BuildKit.
        Keyword::Cmd | Keyword::Entrypoint | Keyword::Run => {}
    }
}

/// Splits instructions into stages, resolves `FROM` images against global `ARG` defaults, and
/// returns the stages and the indices of the global `ARG`s.
fn build_stages(
    instructions: &mut [Instruction],
    errors: &mut Vec<SyntaxError>,
) -> (Vec<Stage>, Vec<usize>) {
    let mut stages: Vec<Stage> = Vec::new();
    let mut global_args = Vec::new();
    let first_from = instructions.iter().position(|i| i.keyword == Keyword::From);
    let Some(first_from) = first_from else {
        // A fragment: one implicit stage so rules that can judge it still run.
        if !instructions.is_empty() {
            for inst in instructions.iter_mut() {
                inst.stage = Some(0);
            }
            stages.push(Stage {
                index: 0,
                from: None,
                image: None,
                resolved_image: None,
                image_ref: None,
                parent_stage: None,
                alias: None,
                instructions: 0..instructions.len(),
            });
        }
        return (stages, global_args);
    };
    for (i, inst) in instructions[..first_from].iter().enumerate() {
        if inst.keyword == Keyword::Arg {
            global_args.push(i);
        }
    }
    // Each global ARG default may use the ones declared before it.
    let mut global_defaults: Vec<(String, Option<String>)> = Vec::new();
    for &i in &global_args {
        for kv in instructions[i].key_values() {
            let value = kv.value.and_then(|v| {
                expand(&v, &|name| {
                    global_defaults
                        .iter()
                        .rev()
                        .find(|(k, _)| k == name)
                        .map(|(_, v)| v.clone())
                })
            });
            global_defaults.push((kv.key.to_string(), value));
        }
    }
    let lookup = |name: &str| {
        global_defaults
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    for (i, inst) in instructions.iter_mut().enumerate().skip(first_from) {
        if inst.keyword == Keyword::From {
            if let Some(last) = stages.last_mut() {
                last.instructions.end = i;
            }
            let index = stages.len();
            let image = inst.args.first().cloned();
            let alias = (inst.args.len() == 3 && inst.args[1].text.eq_ignore_ascii_case("as"))
                .then(|| inst.args[2].clone());
            let resolved_image = image.as_ref().and_then(|w| expand(&w.text, &lookup));
            let parent_stage = resolved_image
                .as_ref()
                .and_then(|name| stage_by_alias(&stages, name));
            let image_ref = match (&resolved_image, parent_stage) {
                (Some(r), None) if !r.eq_ignore_ascii_case("scratch") => ImageRef::parse(r),
                _ => None,
            };
            if let (Some(w), Some(r)) = (&image, &resolved_image) {
                if parent_stage.is_none()
                    && !r.eq_ignore_ascii_case("scratch")
                    && image_ref.is_none()
                {
                    errors.push(SyntaxError {
                        range: w.range,
                        message: format!("`{r}` is not a valid image reference"),
                    });
                }
            }
            stages.push(Stage {
                index,
                from: Some(i),
                image,
                resolved_image,
                image_ref,
                parent_stage,
                alias,
                instructions: i..i + 1,
            });
        }
        inst.stage = Some(stages.len() - 1);
    }
    if let Some(last) = stages.last_mut() {
        last.instructions.end = instructions.len();
    }
    (stages, global_args)
}
