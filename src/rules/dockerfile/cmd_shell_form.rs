//! `cmd-shell-form`: `CMD` or `ENTRYPOINT` in shell form while the stage uses the default shell.

use crate::rules::prelude::*;

declare_rule! {
    id: "cmd-shell-form",
    title: "`CMD` or `ENTRYPOINT` in shell form",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: Unsafe,
    aliases: ["hadolint:DL3025", "buildkit:JSONArgsRecommended"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    let text = cx.text();
    for stage in &df.stages {
        // As in BuildKit, a `SHELL` (here or in a stage this one builds on) is an explicit
        // choice to run through a shell.
        let mut shell_set = df
            .stage_chain(stage.index)
            .skip(1)
            .any(|s| df.stage_keyword(s, Keyword::Shell).next().is_some());
        let instructions = df.stage_instructions(stage);
        for inst in instructions {
            match inst.keyword {
                Keyword::Shell => shell_set = true,
                Keyword::Cmd | Keyword::Entrypoint => {}
                _ => continue,
            }
            // `invalid_exec_form` is `exec-form-invalid-json`'s finding; an empty `CMD` runs
            // nothing.
            if shell_set || inst.exec_form || inst.invalid_exec_form || inst.args.is_empty() {
                continue;
            }
            let name = inst.keyword.as_str();
            // A shell-form `ENTRYPOINT` ignores the stage's `CMD` (the `CMD` arguments go to
            // `sh -c` as `$0`, `$1`, ...), so an exec-form rewrite would change what runs.
            let ignored_cmd = (inst.keyword == Keyword::Entrypoint)
                .then(|| instructions.iter().rfind(|i| i.keyword == Keyword::Cmd))
                .flatten();
            let message = match ignored_cmd {
                Some(cmd) => format!(
                    "`ENTRYPOINT` in shell form ignores the `CMD` on line {}, and its shell can keep `SIGTERM` from the program",
                    cx.line_of(cmd.keyword_range.start as usize)
                ),
                None => format!(
                    "`{name}` in shell form runs under a shell (`/bin/sh -c`), which can keep `SIGTERM` from the program"
                ),
            };
            let report = cx.report(inst.keyword_range, message).help(format!(
                "use the exec form `{name} [\"program\", \"arg\"]`, so the program runs as PID 1 and receives signals"
            ));
            let entrypoint_with_cmd = ignored_cmd.is_some();
            if entrypoint_with_cmd || has_comment_inside(df, inst) {
                continue;
            }
            let Some(json) = exec_form(text, &inst.args) else {
                continue;
            };
            report.fix(
                "rewrite in exec form",
                vec![Edit::replace(inst.args_range, json)],
            );
        }
    }
}

fn has_comment_inside(df: &Dockerfile, inst: &Instruction) -> bool {
    df.comments
        .iter()
        .any(|c| inst.args_range.contains(c.range.start as usize))
}

/// The exec form of a shell-form command made only of plain words, which `/bin/sh -c` would
/// split exactly as the JSON array does; `None` when the shell would do more (variables,
/// quotes, escapes, globs, operators, redirections, assignments, builtins, and `%` that the
/// Windows shell expands).
fn exec_form(text: &str, args: &[Word]) -> Option<String> {
    let mut words = args;
    // `exec program ...` replaces the shell, which is what the exec form does anyway.
    if words.first().is_some_and(|w| w.text == "exec") {
        words = &words[1..];
    }
    let first = words.first()?;
    if first.text.contains('=') || first.text.starts_with('-') || is_builtin(&first.text) {
        return None;
    }
    let plain = words.iter().all(|w| {
        text[w.range.as_range()] == w.text
            && !w.text.starts_with('~')
            && w.text.bytes().all(|b| {
                b.is_ascii_alphanumeric()
                    || matches!(
                        b,
                        b'-' | b'_' | b'.' | b'/' | b':' | b',' | b'@' | b'+' | b'='
                    )
            })
    });
    if !plain {
        return None;
    }
    let items: Vec<String> = words.iter().map(|w| format!("\"{}\"", w.text)).collect();
    Some(format!("[{}]", items.join(", ")))
}

/// Shell builtins and keywords that are no program of their own, so they cannot run without
/// a shell.
fn is_builtin(program: &str) -> bool {
    matches!(
        program,
        "." | ":"
            | "cd"
            | "source"
            | "export"
            | "set"
            | "unset"
            | "eval"
            | "exit"
            | "return"
            | "ulimit"
            | "umask"
            | "trap"
            | "wait"
            | "alias"
            | "readonly"
            | "shift"
            | "if"
            | "for"
            | "while"
            | "until"
            | "case"
            | "exec"
            | "then"
            | "do"
            | "time"
    )
}
