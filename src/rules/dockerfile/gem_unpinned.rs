//! `gem-unpinned`: `gem install` of a gem without a version (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "gem-unpinned",
    title: "`gem install` of a gem without a version",
    severity: Warning,
    category: Reproducibility,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3028"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
