//! `workdir-relative`: `WORKDIR` with a relative path (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "workdir-relative",
    title: "`WORKDIR` with a relative path",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3000", "checkov:CKV_DOCKER_10", "trivy:DS-0009", "buildkit:WorkdirRelativePath"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
