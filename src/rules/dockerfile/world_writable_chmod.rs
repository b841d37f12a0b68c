//! `world-writable-chmod`: `chmod`, `mkdir -m`, `install -m` or `COPY`/`ADD --chmod` gives
//! every user write access, without the sticky bit.

use crate::rules::prelude::*;

declare_rule! {
    id: "world-writable-chmod",
    title: "a file mode that lets every user write (`chmod 777`)",
    severity: Warning,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    for inst in &df.instructions {
        for inst in inst.with_onbuild() {
            if !matches!(inst.keyword, Keyword::Copy | Keyword::Add) {
                continue;
            }
            let Some(flag) = inst.flag("chmod") else {
                continue;
            };
            let Some(mode) = flag.value.as_ref().filter(|v| !v.has_variable) else {
                continue;
            };
            if grants_world_write(&mode.text, Tool::Chmod) {
                cx.report(
                    flag.range,
                    format!(
                        "`--chmod={}` makes the copied files writable by every user",
                        mode.text
                    ),
                )
                .help(HELP);
            }
        }
    }
    for (_, script) in df.run_scripts() {
        for (i, cmd) in script.commands.iter().enumerate() {
            check_command(cmd, &script.commands[i + 1..], cx);
        }
    }
}

/// Reports `cmd` if it sets a world-writable mode on something that `later` commands of the
/// same `RUN` do not delete again.
fn check_command(cmd: &ShellCommand, later: &[ShellCommand], cx: &mut Context) {
    let tool = match cmd.program() {
        "chmod" => Tool::Chmod,
        "mkdir" => Tool::Mkdir,
        "install" => Tool::Install,
        _ => return,
    };
    let (mode, word, shown) = if tool == Tool::Chmod {
        let Some(mode) = cmd.positional_args(&[]).next() else {
            return;
        };
        (mode.text.as_str(), mode, format!("chmod {}", mode.text))
    } else {
        let Some((mode, word)) = mode_option(cmd.args(), tool.short_with_value()) else {
            return;
        };
        (mode, word, format!("{} -m {mode}", cmd.program()))
    };
    if word.has_variable || !grants_world_write(mode, tool) {
        return;
    }
    let targets: Vec<&Word> = cmd
        .positional_args(tool.options_with_value())
        .filter(|w| w.range != word.range)
        .collect();
    // `install SOURCE... DEST` sets the mode of the destination only.
    let targets = match targets.split_last() {
        Some((dest, _)) if tool == Tool::Install && !cmd.has_option(&["--directory"], &['d']) => {
            std::slice::from_ref(dest)
        }
        _ => &targets[..],
    };
    // A temporary directory made world-writable and deleted in the same `RUN` never
    // reaches the image.
    if !targets.is_empty() && targets.iter().all(|t| removed(&t.text, later)) {
        return;
    }
    let message = match targets {
        [] => format!("`{shown}` makes files writable by every user"),
        [only] => format!("`{shown}` makes `{}` writable by every user", only.text),
        [first, rest @ ..] => format!(
            "`{shown}` makes `{}` and {} more writable by every user",
            first.text,
            rest.len()
        ),
    };
    cx.report(word.range, message).help(HELP);
}

/// True when one of `commands` is an `rm` of `path` or of a directory above it.
fn removed(path: &str, commands: &[ShellCommand]) -> bool {
    commands.iter().filter(|c| c.is("rm")).any(|rm| {
        rm.positional_args(&[]).any(|arg| {
            let dir = arg.text.trim_end_matches('/');
            path.strip_prefix(dir)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tool {
    Chmod,
    Mkdir,
    Install,
}

impl Tool {
    /// Short options that take a value (`m` among them for `mkdir` and `install`).
    fn short_with_value(self) -> &'static str {
        match self {
            Tool::Chmod => "",
            Tool::Mkdir => "mZ",
            Tool::Install => "gmoStZ",
        }
    }

    /// Options whose value is the next word, to find the files among the arguments.
    fn options_with_value(self) -> &'static [&'static str] {
        match self {
            Tool::Chmod => &[],
            Tool::Mkdir => &["-m", "--mode"],
            Tool::Install => &[
                "-m",
                "-o",
                "-g",
                "-t",
                "-S",
                "--mode",
                "--owner",
                "--group",
                "--target-directory",
                "--suffix",
            ],
        }
    }
}

const HELP: &str =
    "give write access to the owner or a group only (`755`, `chown app` with `775`); \
     a shared scratch directory needs the sticky bit (`1777`)";

/// The value of `-m MODE`, `-mMODE`, `-pm MODE`, `--mode MODE` or `--mode=MODE`, with the
/// word that holds it.
fn mode_option<'a>(args: &'a [Word], with_value: &str) -> Option<(&'a str, &'a Word)> {
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let text = word.text.as_str();
        if text == "--" {
            return None;
        }
        if let Some(long) = text.strip_prefix("--") {
            if long == "mode" {
                return words.next().map(|v| (v.text.as_str(), v));
            }
            if let Some(value) = long.strip_prefix("mode=") {
                return Some((value, word));
            }
        } else if let Some(cluster) = text.strip_prefix('-') {
            for (at, c) in cluster.char_indices() {
                if !with_value.contains(c) {
                    continue;
                }
                let rest = &cluster[at + 1..];
                if c != 'm' {
                    // Another option's value: the rest of the word, or the next one.
                    if rest.is_empty() {
                        words.next();
                    }
                    break;
                }
                return if rest.is_empty() {
                    words.next().map(|v| (v.text.as_str(), v))
                } else {
                    Some((rest, word))
                };
            }
        }
    }
    None
}

/// True when `mode` (octal like `0777`, or symbolic like `a+w` or `u+x,o+w`) leaves others
/// with write permission and no sticky bit. A symbolic mode starts from nothing for `chmod`
/// and `install` (only what it grants counts) and from `a=rwx` for `mkdir`. Clauses without
/// `u`/`g`/`o`/`a` follow the umask (`022` in a build, so others get no write bit), except for
/// `install`, which ignores the umask.
fn grants_world_write(mode: &str, tool: Tool) -> bool {
    if let Some(bits) = octal(mode) {
        return bits & 0o002 != 0 && bits & 0o1000 == 0;
    }
    let (mut write, mut sticky) = (tool == Tool::Mkdir, false);
    for clause in mode.split(',') {
        let who_end = clause
            .find(|c| !matches!(c, 'u' | 'g' | 'o' | 'a'))
            .unwrap_or(clause.len());
        let (who, mut rest) = clause.split_at(who_end);
        if rest.is_empty() {
            // Not a symbolic mode (a file name or a typo): nothing is granted.
            return false;
        }
        let others = who.contains(['o', 'a']) || (who.is_empty() && tool == Tool::Install);
        while let Some(op) = rest.chars().next().filter(|c| matches!(c, '+' | '-' | '=')) {
            let perms_end = rest[1..]
                .find(['+', '-', '='])
                .map_or(rest.len(), |i| i + 1);
            let perms = &rest[1..perms_end];
            rest = &rest[perms_end..];
            let (w, t) = match octal(perms) {
                Some(bits) => (bits & 0o002 != 0, bits & 0o1000 != 0),
                None => (perms.contains('w'), perms.contains('t')),
            };
            match op {
                '+' => {
                    write |= others && w;
                    sticky |= t;
                }
                '-' => {
                    write &= !(others && w);
                    sticky &= !t;
                }
                _ if others || who.is_empty() => {
                    write = others && w;
                    sticky = t;
                }
                _ => {}
            }
        }
        if !rest.is_empty() {
            return false;
        }
    }
    write && !sticky
}

/// An octal mode (`755`, `0777`, `1777`).
fn octal(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        return None;
    }
    u32::from_str_radix(text, 8)
        .ok()
        .filter(|&bits| bits <= 0o7777)
}
