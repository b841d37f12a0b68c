//! `cd-instead-of-workdir`: a `RUN` starts by changing into a fixed directory, the job of
//! `WORKDIR`, or ends with a `cd` that has no effect.

use crate::dockerfile::ShellScript;
use crate::rules::prelude::*;

declare_rule! {
    id: "cd-instead-of-workdir",
    title: "`cd` in a `RUN` instead of `WORKDIR`",
    severity: Warning,
    category: Style,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3003", "trivy:DS-0013"],
    enabled_by_default: true,
    check: check,
}

/// Scratch directories a `RUN` visits without meaning to work there afterwards.
const TEMPORARY: &[&str] = &["/tmp", "/var/tmp", "/dev/shm"];

fn check(df: &Dockerfile, cx: &mut Context) {
    for (inst, script) in df.run_scripts() {
        check_script(inst, script, cx);
    }
}

fn check_script(inst: &Instruction, script: &ShellScript, cx: &mut Context) {
    // `cd` in a subshell, a pipeline or `$( ... )` only affects that child shell.
    let mut top = script.commands.iter().filter(|c| !c.in_subshell());
    let Some(first) = top.find(|c| !c.is("set")) else {
        return;
    };
    for cd in script
        .commands
        .iter()
        .filter(|c| c.is("cd") && !c.in_subshell())
    {
        let runs_after = script.commands_after(cd).next().is_some();
        // In a loop (`for d in *; do cd "$d"; make; cd ..; done`) the next round runs after it.
        let rest = &cx.text()[cd.range.end as usize..inst.range.end as usize];
        let in_loop = rest
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == "done");
        if !runs_after && !in_loop {
            cx.report(
                cd.range,
                "`cd` at the end of a `RUN` has no effect: the next instruction starts in the `WORKDIR` again",
            )
            .help("remove the `cd`; to change the directory of later instructions, use `WORKDIR`");
            return;
        }
    }
    if !first.is("cd") {
        return;
    }
    let Some(dir) = first.positional_args(&[]).next() else {
        return;
    };
    let path = dir.text.as_str();
    if dir.has_variable || returns(path) || temporary(path) {
        return;
    }
    // A later `cd /`, `cd -` or bare `cd` goes back: the `RUN` only visits the directory.
    let goes_back = script
        .commands
        .iter()
        .filter(|c| c.is("cd") && !c.in_subshell() && c.range.start >= first.range.end)
        .any(|c| {
            c.positional_args(&[])
                .next()
                .is_none_or(|d| returns(&d.text))
        });
    if goes_back {
        return;
    }
    let help = if path.starts_with('/') {
        format!("put `WORKDIR {path}` before the `RUN` and drop the `cd`")
    } else {
        "put a `WORKDIR` with the directory's absolute path before the `RUN` and drop the `cd`"
            .to_string()
    };
    cx.report(
        first.range,
        format!("`RUN` starts with `cd {path}` instead of using `WORKDIR`"),
    )
    .help(help);
}

/// `/`, `-`, `~`, `..`, `.`: a way back, not a directory to work in.
fn returns(path: &str) -> bool {
    matches!(path, "/" | "-" | "~" | ".." | "." | "~/")
}

fn temporary(path: &str) -> bool {
    TEMPORARY.iter().any(|t| {
        path.strip_prefix(t)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}
