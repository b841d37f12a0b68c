//! `sudo-in-run`: `sudo` in a `RUN` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "sudo-in-run",
    title: "`sudo` in a `RUN`",
    severity: Warning,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3004", "checkov:CKV2_DOCKER_1", "trivy:DS-0010"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
