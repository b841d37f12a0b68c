//! `package-cache-not-cleaned`: `yum`, `dnf`, `microdnf`, `tdnf` or `zypper` installs packages
//! in a `RUN` of the final image and leaves its cache in the layer.

use super::packages::{
    final_image_runs, has_cache_mount, package_commands, removes_dir, runs, Manager, PackageCommand,
};
use crate::rules::prelude::*;

declare_rule! {
    id: "package-cache-not-cleaned",
    title: "`yum`, `dnf` or `zypper` install without cleaning the cache",
    severity: Warning,
    category: Efficiency,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3032", "hadolint:DL3036", "hadolint:DL3040", "trivy:DS-0015", "trivy:DS-0019", "trivy:DS-0020", "trivy:DS-0027"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    for (inst, script) in final_image_runs(df) {
        for manager in [Manager::Yum, Manager::Tdnf, Manager::Zypper] {
            let dirs = manager.cache_dirs();
            // A clean-up after the last install cleans up after every install before it.
            let Some(install) = package_commands(script)
                .filter(|pc| pc.manager == manager && pc.fetches_packages())
                .last()
            else {
                continue;
            };
            if has_cache_mount(inst, dirs) {
                continue;
            }
            let cleaned = script.commands_after(install.cmd).any(|c| {
                runs(c, |c| {
                    removes_dir(c, dirs)
                        || PackageCommand::of(c)
                            .is_some_and(|pc| pc.manager == manager && pc.cleans_cache())
                })
            });
            if cleaned {
                continue;
            }
            let clean = match manager {
                Manager::Zypper => "zypper clean --all".to_string(),
                _ => format!("{} clean all", install.program()),
            };
            cx.report(
                install.range(),
                format!(
                    "`{}` without `{clean}` later in the same `RUN`",
                    install.display()
                ),
            )
            .help(format!("end the `RUN` with `{clean}`"));
        }
    }
}
