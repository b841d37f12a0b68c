//! `apk-unpinned`: `apk add` of a package without a version (stub: to be implemented).

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

fn check(_df: &Dockerfile, _cx: &mut Context) {}
