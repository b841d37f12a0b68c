//! `pip-missing-no-cache-dir`: `pip install` without `--no-cache-dir`, so pip's download and
//! wheel cache stays in the image layer.

use super::install_args::{operands, parse, pip, removed_after, Arg, PIP_OPTIONS};
use super::packages::{covers, has_cache_mount};
use crate::rules::prelude::*;

declare_rule! {
    id: "pip-missing-no-cache-dir",
    title: "`pip install` without `--no-cache-dir`",
    severity: Info,
    category: Efficiency,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL3042"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    for (inst, cmd) in df.commands() {
        let Some(install) = pip(cmd, &["install"]) else {
            continue;
        };
        if parse(install.all, &PIP_OPTIONS).any(|arg| is_no_cache_dir(&arg))
            || set_in_run(cx.text(), inst, cmd)
            || df
                .env_at(inst, "PIP_NO_CACHE_DIR")
                .is_some_and(|v| v.as_deref() != Some(""))
            || cache_is_mounted(df, inst)
            || cache_cleaned_after(inst, cmd)
        {
            continue;
        }
        let report = cx
            .report(
                cmd.name().range.cover(install.subcommand.range),
                "`pip install` without `--no-cache-dir`",
            )
            .help("add `--no-cache-dir`, so pip's download cache is not kept in the layer");
        // A later `--cache-dir` would win over the inserted option: leave that to the user.
        if parse(install.all, &PIP_OPTIONS).any(|arg| arg.is_option(&["--cache-dir"], &[])) {
            continue;
        }
        report.fix(
            "add `--no-cache-dir`",
            vec![Edit::insert(
                install.subcommand.range.end as usize,
                " --no-cache-dir",
            )],
        );
    }
}

/// `--no-cache-dir`, or an abbreviation pip accepts for it (`--no-cache`; `--no-ca` is the
/// shortest that no other pip option starts with).
fn is_no_cache_dir(arg: &Arg) -> bool {
    let Arg::Option { names, .. } = arg else {
        return false;
    };
    names.len() >= "--no-ca".len() && "--no-cache-dir".starts_with(names)
}

/// `PIP_NO_CACHE_DIR=...` is assigned earlier in the same `RUN`: `export` before the command,
/// `PIP_NO_CACHE_DIR=1 pip ...` or `env PIP_NO_CACHE_DIR=1 pip ...`. The shell model keeps
/// no assignments, so the source text up to the program is searched.
fn set_in_run(text: &str, inst: &Instruction, cmd: &ShellCommand) -> bool {
    text.get(inst.range.start as usize..cmd.name().range.start as usize)
        .is_some_and(|before| before.contains("PIP_NO_CACHE_DIR="))
}

/// A cache or tmpfs mount on pip's cache: `/root/.cache/pip`, another home's `.cache/pip`,
/// a `.cache` holding it, or the `PIP_CACHE_DIR` in effect.
fn cache_is_mounted(df: &Dockerfile, inst: &Instruction) -> bool {
    let pip_cache_dir = df.env_at(inst, "PIP_CACHE_DIR").flatten();
    let mount_paths = inst
        .flags
        .iter()
        .filter(|f| f.name == "mount")
        .filter_map(|f| f.value.as_ref())
        .flat_map(|v| v.text.split([',', '=']))
        .map(|p| p.trim_end_matches('/'))
        .filter(|p| p.ends_with("/.cache/pip") || p.ends_with("/.cache"));
    let dirs: Vec<&str> = ["/root/.cache/pip"]
        .into_iter()
        .chain(pip_cache_dir.as_deref())
        .chain(mount_paths)
        .collect();
    has_cache_mount(inst, &dirs)
}

/// Later in the same `RUN`, `pip cache purge` runs or `rm` deletes pip's cache (`~/.cache/pip`,
/// `$HOME/.cache`, `/root/.cache/pip/*`, another home's `.cache/pip`), so the layer keeps
/// none of it.
fn cache_cleaned_after(inst: &Instruction, cmd: &ShellCommand) -> bool {
    let purged = inst.script.as_ref().is_some_and(|script| {
        script
            .commands_after(cmd)
            .filter_map(|c| pip(c, &["cache"]))
            .any(|cache| {
                operands(cache.rest, &PIP_OPTIONS)
                    .next()
                    .is_some_and(|w| w.text == "purge")
            })
    });
    purged
        || removed_after(inst, cmd, |word| {
            let path = word.text.as_str();
            let in_home = ["~", "$HOME", "${HOME}"]
                .iter()
                .find_map(|home| path.strip_prefix(home))
                .filter(|rest| rest.starts_with('/'));
            match in_home {
                Some(rest) => covers(rest, "/.cache/pip"),
                None if word.has_variable => false,
                None => {
                    let path = path.strip_suffix('*').unwrap_or(path).trim_end_matches('/');
                    covers(path, "/root/.cache/pip")
                        || path.ends_with("/.cache/pip")
                        || path.ends_with("/.cache")
                }
            }
        })
}
