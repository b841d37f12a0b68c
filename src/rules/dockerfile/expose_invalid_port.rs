//! `expose-invalid-port`: `EXPOSE` of a port outside 0-65535 or with an unknown protocol (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "expose-invalid-port",
    title: "`EXPOSE` of a port outside 0-65535 or with an unknown protocol",
    severity: Error,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3011", "trivy:DS-0008"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
