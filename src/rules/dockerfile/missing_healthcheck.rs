//! `missing-healthcheck`: the final stage has no `HEALTHCHECK` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "missing-healthcheck",
    title: "the final stage has no `HEALTHCHECK`",
    severity: Info,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3057", "checkov:CKV_DOCKER_2", "trivy:DS-0026"],
    enabled_by_default: false,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
