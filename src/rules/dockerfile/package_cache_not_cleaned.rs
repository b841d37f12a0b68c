//! `package-cache-not-cleaned`: `yum`, `dnf` or `zypper` install without cleaning the cache (stub: to be implemented).

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

fn check(_df: &Dockerfile, _cx: &mut Context) {}
