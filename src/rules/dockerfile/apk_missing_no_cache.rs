//! `apk-missing-no-cache`: `apk add` without `--no-cache`, so the package index it downloads
//! stays in the image layer.

use super::install_args::{apk_add, has_option, removed_after, APK_OPTIONS};
use super::packages::{covers, has_cache_mount};
use crate::rules::prelude::*;

declare_rule! {
    id: "apk-missing-no-cache",
    title: "`apk add` without `--no-cache`",
    severity: Info,
    category: Efficiency,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL3019", "trivy:DS-0025"],
    enabled_by_default: true,
    check: check,
}

/// Where apk keeps its index and package cache.
const CACHE_DIRS: &[&str] = &["/var/cache/apk", "/etc/apk/cache"];

fn check(df: &Dockerfile, cx: &mut Context) {
    for (inst, cmd) in df.commands() {
        let Some(add) = apk_add(cmd) else { continue };
        // `--no-network` downloads nothing, so nothing is cached either.
        if has_option(add.all, &APK_OPTIONS, &["--no-cache", "--no-network"], &[])
            || has_cache_mount(inst, CACHE_DIRS)
            // A later `rm -rf /var/cache/apk/*` in the same layer leaves nothing behind.
            || removed_after(inst, cmd, |w| {
                !w.has_variable && covers(&w.text, "/var/cache/apk")
            })
            || cache_linked_to_mount(inst, cmd)
        {
            continue;
        }
        cx.report(
            cmd.name().range.cover(add.subcommand.range),
            "`apk add` without `--no-cache`",
        )
        .help("add `--no-cache`, so the package index apk downloads is not kept in the layer")
        .fix(
            "add `--no-cache`",
            vec![Edit::insert(
                add.subcommand.range.end as usize,
                " --no-cache",
            )],
        );
    }
}

/// An earlier `ln -s /mounted /etc/apk/cache` in the same `RUN` points apk's cache at a
/// cache or tmpfs mount.
fn cache_linked_to_mount(inst: &Instruction, cmd: &ShellCommand) -> bool {
    let Some(script) = &inst.script else {
        return false;
    };
    script
        .commands
        .iter()
        .filter(|c| c.range.end <= cmd.range.start && c.is("ln"))
        .any(|ln| {
            let args = ln.args();
            let names_cache = |w: &Word| CACHE_DIRS.contains(&w.text.trim_end_matches('/'));
            args.iter().any(names_cache)
                && args
                    .iter()
                    .any(|w| !w.text.starts_with('-') && has_cache_mount(inst, &[w.text.as_str()]))
        })
}
