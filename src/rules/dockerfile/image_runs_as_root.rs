//! `image-runs-as-root`: the final stage runs as root (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "image-runs-as-root",
    title: "the final stage runs as root",
    severity: Warning,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3002", "checkov:CKV_DOCKER_3", "checkov:CKV_DOCKER_8", "trivy:DS-0002", "cis-docker:4.1"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
