//! `apt-get-unpinned`: `apt-get install` of a package without a version (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "apt-get-unpinned",
    title: "`apt-get install` of a package without a version",
    severity: Warning,
    category: Reproducibility,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3008"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
