//! `command-pointless-in-build`: a `RUN` calls a program that has nothing to act on in an
//! image build (`shutdown`, `ps`, an interactive `vim`, a `service ... start` that nothing
//! uses, ...).

use crate::dockerfile::ShellScript;
use crate::rules::prelude::*;

declare_rule! {
    id: "command-pointless-in-build",
    title: "a command that makes no sense in an image build (`ssh`, `vim`, `shutdown`, ...)",
    severity: Info,
    category: Style,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3001"],
    enabled_by_default: true,
    check: check,
}

/// Commands that do nothing after a `service ... start` worth keeping it running for.
const NO_OPS: &[&str] = &["true", ":", "echo", "printf", "sleep", "exit", "service"];
/// `vim` arguments that run it as a script instead of an interactive editor.
const VIM_SCRIPTED: &[&str] = &[
    "-c",
    "--cmd",
    "-s",
    "-S",
    "-e",
    "-E",
    "-es",
    "-Es",
    "--version",
    "-h",
    "--help",
];

fn check(df: &Dockerfile, cx: &mut Context) {
    for (inst, script) in df.run_scripts() {
        for (at, cmd) in script.commands.iter().enumerate() {
            let Some((message, help)) = judge(inst, script, at, cmd) else {
                continue;
            };
            cx.report(cmd.range, message).help(help);
        }
    }
}

/// The message and help for `cmd`, the command at index `at` of the `RUN`'s script, when it
/// is pointless there.
fn judge(
    inst: &Instruction,
    script: &ShellScript,
    at: usize,
    cmd: &ShellCommand,
) -> Option<(String, &'static str)> {
    let program = cmd.program();
    let later = &script.commands[at + 1..];
    Some(match program {
        "shutdown" => (
            "`shutdown` in a build: there is no running system to shut down".to_string(),
            "remove it",
        ),
        // Their output is only worth something when a later command reads it; a bare `mount`
        // lists the mounts.
        "ps" | "free" | "top" | "mount"
            if !cmd.in_subshell() && (program != "mount" || cmd.args().is_empty()) =>
        {
            (
            format!("`{program}` only shows the build container, which is gone when the `RUN` ends"),
            "remove it; inspect a running container with `docker exec` instead",
            )
        }
        // Something this `RUN` started may be stopped; at the start there is nothing.
        "kill" if script.commands[..at].iter().all(|c| c.is("set")) => (
            "`kill` before anything else in the `RUN`: the build has no process to stop"
                .to_string(),
            "remove it",
        ),
        "service" => {
            let mut positional = cmd.positional_args(&[]);
            let name = positional.next()?;
            let action = positional.next()?;
            let starts = matches!(
                action.text.as_str(),
                "start" | "restart" | "reload" | "force-reload" | "try-restart"
            );
            let used_later = later.iter().any(|c| !NO_OPS.contains(&c.program()));
            if !starts || used_later {
                return None;
            }
            (
                format!(
                    "`service {} {}` has no lasting effect: the service stops when the `RUN` ends",
                    name.text, action.text
                ),
                "start the service from `CMD` or `ENTRYPOINT` when the container starts",
            )
        }
        "mount" if !insecure(inst) => (
            "`mount` in a `RUN`: the build cannot mount without extra privileges, and mounts end with the step".to_string(),
            "use `RUN --mount=type=bind`, `cache` or `tmpfs` for what the step needs",
        ),
        "ssh" if !has_mount_type(inst, "ssh") => (
            "`ssh` in a `RUN`: the build has no terminal or keys for a remote session".to_string(),
            "fetch what the step needs with `RUN --mount=type=ssh` and `git` or `scp`, or remove it",
        ),
        "vim" if !scripted_vim(cmd) => (
            "`vim` in a `RUN` waits for a terminal the build does not have".to_string(),
            "change files with `sed`, a heredoc or `COPY`; for scripted edits run `vim -es` or `vim +cmd`",
        ),
        _ => return None,
    })
}

fn scripted_vim(cmd: &ShellCommand) -> bool {
    cmd.args()
        .iter()
        .any(|w| w.text.starts_with('+') || VIM_SCRIPTED.contains(&w.text.as_str()))
}

/// `RUN --security=insecure`, which lets the step mount.
fn insecure(inst: &Instruction) -> bool {
    inst.flag_value("security")
        .is_some_and(|v| v.text == "insecure")
}

/// `RUN --mount=type=ssh`.
fn has_mount_type(inst: &Instruction, kind: &str) -> bool {
    inst.flags
        .iter()
        .filter(|f| f.name == "mount")
        .filter_map(|f| f.value.as_ref())
        .any(|v| {
            v.text
                .split(',')
                .any(|field| field.strip_prefix("type=") == Some(kind))
        })
}
