//! `apt-get-upgrade`: `apt-get upgrade`, `dist-upgrade` or `full-upgrade` (also through `apt`
//! or `aptitude`) upgrades every package of the base image during the build.

use super::packages::{Manager, PackageCommand};
use crate::rules::prelude::*;

declare_rule! {
    id: "apt-get-upgrade",
    title: "`apt-get upgrade` or `dist-upgrade` during the build",
    severity: Warning,
    category: Reproducibility,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3005", "trivy:DS-0024"],
    // Both peers retired their check: upgrading during the build is also how images pick up
    // security fixes their base image lacks. Teams that rebuild on fresh bases opt in.
    enabled_by_default: false,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    for (_, cmd) in df.commands() {
        let Some(pc) = PackageCommand::of(cmd) else {
            continue;
        };
        if pc.manager != Manager::Apt
            || !matches!(
                pc.action.text.as_str(),
                "upgrade" | "dist-upgrade" | "full-upgrade" | "safe-upgrade"
            )
        {
            continue;
        }
        cx.report(
            pc.range(),
            format!(
                "`{}` upgrades the base image's packages to whatever the mirror serves at build time",
                pc.display()
            ),
        )
        .help("move to a newer base image (or pin its digest and bump it) instead of upgrading in the build");
    }
}
