//! `apt-lists-not-cleaned`: `apt-get update` in a `RUN` of the final image that does not remove
//! `/var/lib/apt/lists` afterwards (`rm -rf /var/lib/apt/lists/*` or `apt-get distclean`).

use super::packages::{
    final_image_runs, has_cache_mount, package_commands, removes_dir, runs, Manager, PackageCommand,
};
use crate::rules::prelude::*;

declare_rule! {
    id: "apt-lists-not-cleaned",
    title: "`apt-get update` without removing `/var/lib/apt/lists`",
    severity: Info,
    category: Efficiency,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3009"],
    enabled_by_default: true,
    check: check,
}

const LISTS: &[&str] = &["/var/lib/apt/lists"];

fn check(df: &Dockerfile, cx: &mut Context) {
    for (inst, script) in final_image_runs(df) {
        if has_cache_mount(inst, LISTS) {
            continue;
        }
        // Only the last update matters: a removal after it removes what every update wrote.
        let Some(update) = package_commands(script)
            .filter(|pc| pc.manager == Manager::Apt && pc.refreshes_index())
            .last()
        else {
            continue;
        };
        let cleaned = script.commands_after(update.cmd).any(|c| {
            runs(c, |c| {
                removes_dir(c, LISTS)
                    || PackageCommand::of(c)
                        .is_some_and(|pc| pc.manager == Manager::Apt && pc.removes_index())
            })
        });
        if !cleaned {
            cx.report(
                update.range(),
                format!(
                    "`{}` without `rm -rf /var/lib/apt/lists/*` later in the same `RUN`",
                    update.display()
                ),
            )
            .help("end the `RUN` with `rm -rf /var/lib/apt/lists/*`, or mount a cache on `/var/lib/apt/lists`");
        }
    }
}
