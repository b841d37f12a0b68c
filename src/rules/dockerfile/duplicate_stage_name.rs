//! `duplicate-stage-name`: two stages have the same name (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "duplicate-stage-name",
    title: "two stages have the same name",
    severity: Error,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3024", "checkov:CKV_DOCKER_11", "trivy:DS-0012"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
