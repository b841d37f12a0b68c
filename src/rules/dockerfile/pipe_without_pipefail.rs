//! `pipe-without-pipefail`: a `RUN` pipes a command that can fail into another while
//! `pipefail` is off, so the failure is lost.

use crate::dockerfile::{Heredoc, ShellScript};
use crate::rules::prelude::*;

declare_rule! {
    id: "pipe-without-pipefail",
    title: "a pipe in `RUN` without `pipefail`",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL4006"],
    enabled_by_default: true,
    check: check,
}

const SHELL_HELP: &str =
    "put `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before this `RUN` \
     (`/bin/ash` on Alpine), or begin the script with `set -o pipefail &&` if its shell has it";
const SCRIPT_HELP: &str = "add `set -o pipefail` at the top of the script";

/// Programs whose failure a pipe cannot hide: they only print their arguments (or `yes`,
/// which `pipefail` would even turn into a spurious failure).
const HARMLESS_SOURCES: &[&str] = &["echo", "printf", "yes", "true"];

fn check(df: &Dockerfile, cx: &mut Context) {
    for (index, outer) in df.instructions.iter().enumerate() {
        for inst in outer.with_onbuild() {
            let Some(script) = inst.script.as_ref().filter(|s| !s.pipelines.is_empty()) else {
                continue;
            };
            // An `ONBUILD RUN` runs in a child build, with the shell the image ends with.
            let before = if std::ptr::eq(inst, outer) {
                index
            } else {
                usize::MAX
            };
            let Some(shell_pipefail) = shell_pipefail(df, outer.stage, before) else {
                continue;
            };
            check_run(inst, script, shell_pipefail, cx);
        }
    }
}

/// Reports the first pipeline of a `RUN` that runs without `pipefail`.
fn check_run(inst: &Instruction, script: &ShellScript, shell_pipefail: bool, cx: &mut Context) {
    for pipeline in &script.pipelines {
        let (Some(&first), Some(&last)) = (pipeline.first(), pipeline.last()) else {
            continue;
        };
        let head = &script.commands[first];
        // The first stage whose failure the pipe would hide.
        let Some(stage) = pipeline[..pipeline.len() - 1]
            .iter()
            .position(|&i| !harmless_source(&script.commands[i]))
        else {
            continue;
        };
        let heredoc = heredoc_of(inst, head);
        let (initial, help) = match heredoc {
            Some(heredoc) => heredoc_pipefail(inst, script, heredoc, shell_pipefail, cx.text()),
            None => (shell_pipefail, SHELL_HELP),
        };
        // `set -o pipefail` (or `set -euo pipefail`) earlier in the same script turns it on,
        // `set +o pipefail` off.
        let pipefail = script
            .commands
            .iter()
            .filter(|c| {
                c.range.end <= head.range.start
                    && c.is("set")
                    && heredoc_of(inst, c).map(|h| h.body) == heredoc.map(|h| h.body)
            })
            .fold(initial, |on, set| set_pipefail(set).unwrap_or(on));
        if pipefail {
            continue;
        }
        let failing = &script.commands[pipeline[stage]];
        let next = &script.commands[pipeline[stage + 1]];
        let between = &cx.text()[failing.range.start as usize..next.range.start as usize];
        let Some(bar) = between.rfind('|') else {
            continue;
        };
        let start = failing.range.start as usize + bar;
        let len = if between[bar + 1..].starts_with('&') {
            2
        } else {
            1
        };
        let source = failing.program();
        let sink = script.commands[last].program();
        cx.report(
            TextRange::new(start, start + len),
            format!(
                "`{source}` is piped to `{sink}` without `pipefail`, so the `RUN` succeeds \
                 even if `{source}` fails"
            ),
        )
        .help(help);
        return;
    }
}

/// The heredoc body of `inst` that `cmd` is part of, if any.
fn heredoc_of<'a>(inst: &'a Instruction, cmd: &ShellCommand) -> Option<&'a Heredoc> {
    inst.heredocs
        .iter()
        .find(|h| h.body.contains(cmd.range.start as usize))
}

/// `echo`, `printf`, `yes`, `true`, or `cat` reading a heredoc (no file operands).
fn harmless_source(cmd: &ShellCommand) -> bool {
    HARMLESS_SOURCES.contains(&cmd.program())
        || (cmd.is("cat") && cmd.positional_args(&[]).next().is_none())
}

/// Whether `pipefail` starts on in a heredoc script, and the help line for it. A plain
/// `RUN <<EOF` body runs in the `SHELL`; a body with a shebang, or fed to a command
/// (`RUN bash <<EOF`), runs in a new shell, where only its own options count.
fn heredoc_pipefail(
    inst: &Instruction,
    script: &ShellScript,
    heredoc: &Heredoc,
    shell_pipefail: bool,
    text: &str,
) -> (bool, &'static str) {
    let body = &text[heredoc.body.as_range()];
    if let Some(shebang) = body.strip_prefix("#!") {
        let line = shebang.lines().next().unwrap_or("");
        return (line.contains("pipefail"), SCRIPT_HELP);
    }
    match script
        .commands
        .iter()
        .find(|c| heredoc_of(inst, c).is_none())
    {
        // The command the body is fed to, e.g. `bash -o pipefail`.
        Some(feeder) => (has_pipefail_option(feeder.args()), SCRIPT_HELP),
        None => (shell_pipefail, SHELL_HELP),
    }
}

/// `set -o pipefail`, `set -euo pipefail`: `Some(true)`; `set +o pipefail`: `Some(false)`.
fn set_pipefail(set: &ShellCommand) -> Option<bool> {
    let args = set.args();
    args.windows(2).rev().find_map(|pair| {
        let (option, value) = (&pair[0].text, &pair[1].text);
        if value != "pipefail" {
            return None;
        }
        let on = option.strip_prefix('-').map(|o| (true, o));
        let off = option.strip_prefix('+').map(|o| (false, o));
        let (state, letters) = on.or(off)?;
        letters.ends_with('o').then_some(state)
    })
}

/// Shell arguments (`SHELL` or `bash -o pipefail`) that turn `pipefail` on.
fn has_pipefail_option(args: &[Word]) -> bool {
    args.windows(2).any(|pair| {
        pair[1].text == "pipefail"
            && pair[0]
                .text
                .strip_prefix('-')
                .is_some_and(|letters| letters.ends_with('o'))
    })
}

/// Whether the shell of a `RUN` at instruction `before` of `stage` has `pipefail`: the last
/// `SHELL` before it in the stage or, failing that, the last one of the stages it builds
/// on. `None` when the shell is not a POSIX shell (PowerShell, `cmd`, or the default `cmd`
/// of a Windows base image), where the rule does not apply.
fn shell_pipefail(df: &Dockerfile, stage: Option<usize>, before: usize) -> Option<bool> {
    let shell = stage.and_then(|s| {
        df.stage_chain(s).find_map(|stage| {
            let end = stage
                .instructions
                .end
                .min(before.max(stage.instructions.start));
            df.instructions[stage.instructions.start..end]
                .iter()
                .rev()
                .find(|i| i.keyword == Keyword::Shell && i.exec_form)
        })
    });
    let Some(shell) = shell else {
        return (!windows_base(df, stage)).then_some(false);
    };
    let program = shell.args.first()?.text.to_ascii_lowercase();
    let program = program.rsplit(['/', '\\']).next().unwrap_or(&program);
    let program = program.strip_suffix(".exe").unwrap_or(program);
    if matches!(program, "powershell" | "pwsh" | "cmd") {
        return None;
    }
    Some(has_pipefail_option(&shell.args[1..]))
}

/// The stage builds on a Windows image, whose default shell is `cmd`: the base image name
/// says so, or the file uses the backtick escape that Windows Dockerfiles use.
fn windows_base(df: &Dockerfile, stage: Option<usize>) -> bool {
    if df.escape == '`' {
        return true;
    }
    let Some(root) = stage.and_then(|s| df.stage_chain(s).last()) else {
        return false;
    };
    let image = root
        .resolved_image
        .as_deref()
        .or(root.image.as_ref().map(|w| w.text.as_str()))
        .unwrap_or("")
        .to_ascii_lowercase();
    ["windows", "nanoserver", "servercore"]
        .iter()
        .any(|marker| image.contains(marker))
}
