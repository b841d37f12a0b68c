//! `npm-unpinned`: `npm install` of a package without a version (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "npm-unpinned",
    title: "`npm install` of a package without a version",
    severity: Warning,
    category: Reproducibility,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3016"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
