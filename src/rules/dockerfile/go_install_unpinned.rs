//! `go-install-unpinned`: `go install` of a module without a version (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "go-install-unpinned",
    title: "`go install` of a module without a version",
    severity: Warning,
    category: Reproducibility,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3062"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
