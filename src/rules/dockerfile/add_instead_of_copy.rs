//! `add-instead-of-copy`: `ADD` of a local file where `COPY` does (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "add-instead-of-copy",
    title: "`ADD` of a local file where `COPY` does",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL3020", "checkov:CKV_DOCKER_4", "trivy:DS-0005"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
