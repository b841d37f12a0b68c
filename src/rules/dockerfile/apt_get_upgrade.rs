//! `apt-get-upgrade`: `apt-get upgrade` or `dist-upgrade` during the build (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "apt-get-upgrade",
    title: "`apt-get upgrade` or `dist-upgrade` during the build",
    severity: Warning,
    category: Reproducibility,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3005", "trivy:DS-0024"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
