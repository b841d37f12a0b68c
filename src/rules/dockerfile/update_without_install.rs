//! `update-without-install`: package index updated in a `RUN` that installs nothing (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "update-without-install",
    title: "package index updated in a `RUN` that installs nothing",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["checkov:CKV_DOCKER_5", "trivy:DS-0017"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
