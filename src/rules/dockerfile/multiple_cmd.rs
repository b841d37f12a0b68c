//! `multiple-cmd`: more than one `CMD` in a stage (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "multiple-cmd",
    title: "more than one `CMD` in a stage",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL4003", "trivy:DS-0016", "buildkit:MultipleInstructionsDisallowed"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
