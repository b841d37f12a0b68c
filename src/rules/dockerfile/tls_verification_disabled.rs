//! `tls-verification-disabled`: TLS certificate verification disabled (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "tls-verification-disabled",
    title: "TLS certificate verification disabled",
    severity: Error,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: ["checkov:CKV2_DOCKER_2", "checkov:CKV2_DOCKER_3", "checkov:CKV2_DOCKER_4", "checkov:CKV2_DOCKER_5", "checkov:CKV2_DOCKER_6", "checkov:CKV2_DOCKER_12", "checkov:CKV2_DOCKER_13", "checkov:CKV2_DOCKER_14", "checkov:CKV2_DOCKER_15", "checkov:CKV2_DOCKER_16"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
