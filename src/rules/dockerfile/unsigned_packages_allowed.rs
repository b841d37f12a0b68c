//! `unsigned-packages-allowed`: package signature checks disabled (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "unsigned-packages-allowed",
    title: "package signature checks disabled",
    severity: Error,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: ["checkov:CKV2_DOCKER_7", "checkov:CKV2_DOCKER_8", "checkov:CKV2_DOCKER_9", "checkov:CKV2_DOCKER_10", "checkov:CKV2_DOCKER_11"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
