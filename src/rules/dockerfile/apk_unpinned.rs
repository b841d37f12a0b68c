//! `apk-unpinned`: `apk add` of a package without a version constraint.

use super::install_args::{apk_add, operands, APK_OPTIONS};
use crate::rules::prelude::*;

declare_rule! {
    id: "apk-unpinned",
    title: "`apk add` of a package without a version",
    severity: Warning,
    category: Reproducibility,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3018"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    for (_, cmd) in df.commands() {
        let Some(add) = apk_add(cmd) else { continue };
        for package in operands(add.rest, &APK_OPTIONS) {
            let spec = package.text.as_str();
            // `name=1.2-r0`, `name~1.2`, `name>=1.2`; a local `.apk` file; `!name` forbids a
            // package rather than installing it.
            if package.has_variable
                || spec.contains(['=', '~', '<', '>'])
                || spec.ends_with(".apk")
                || spec.starts_with('!')
            {
                continue;
            }
            // `name@edge` picks a repository, not a version.
            cx.report(package.range, format!("package `{spec}` has no version"))
                .help(format!(
                    "pin it as `{spec}=<version>`, or `{spec}~<major.minor>` to take only patch releases"
                ));
        }
    }
}
