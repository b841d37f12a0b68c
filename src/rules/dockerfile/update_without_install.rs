//! `update-without-install`: a `RUN` refreshes a package index (`apt-get update`, `apk update`,
//! `yum makecache`, `zypper refresh`) but installs nothing from it afterwards, and leaves the
//! index in the layer.

use super::packages::{package_commands, removes_dir, PackageCommand};
use crate::rules::prelude::*;

declare_rule! {
    id: "update-without-install",
    title: "package index updated in a `RUN` that installs nothing",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["checkov:CKV_DOCKER_5", "trivy:DS-0017", "cis-docker:4.7"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    for (_, script) in df.run_scripts() {
        for refresh in package_commands(script).filter(|pc| pc.refreshes_index()) {
            // Judged by what runs after it: an install or upgrade of the same manager uses the
            // fresh index; a later refresh is judged in its own right; code this rule cannot
            // see (a script, `curl ... | sh`) may install; and an index removed again leaves
            // nothing stale behind.
            let manager = refresh.manager;
            let fine = script.commands_after(refresh.cmd).any(|c| {
                runs_unseen_code(c)
                    || removes_dir(c, manager.index_dirs())
                    || PackageCommand::of(c).is_some_and(|pc| {
                        pc.manager == manager
                            && (pc.fetches_packages() || pc.refreshes_index() || pc.removes_index())
                    })
            });
            if fine {
                continue;
            }
            cx.report(
                refresh.range(),
                format!(
                    "`{}` runs in a `RUN` that installs nothing after it",
                    refresh.display()
                ),
            )
            .help("install the packages in the same `RUN`, right after the update");
        }
    }
}

/// A command whose effect cannot be seen here: a shell running a script, a `-c` string or
/// piped input, `.`/`source`/`eval`, a program named `*.sh` or `./...`, or one whose name is
/// only known at build time.
fn runs_unseen_code(cmd: &ShellCommand) -> bool {
    let name = cmd.name();
    matches!(
        cmd.program(),
        "sh" | "bash" | "dash" | "ash" | "zsh" | "ksh" | "." | "source" | "eval"
    ) || name.text.ends_with(".sh")
        || name.text.starts_with("./")
        || name.has_variable
}
