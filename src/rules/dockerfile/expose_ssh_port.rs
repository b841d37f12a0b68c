//! `expose-ssh-port`: `EXPOSE` of the SSH port 22 (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "expose-ssh-port",
    title: "`EXPOSE` of the SSH port 22",
    severity: Warning,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: ["checkov:CKV_DOCKER_1", "trivy:DS-0004"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
