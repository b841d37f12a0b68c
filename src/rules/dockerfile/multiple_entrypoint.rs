//! `multiple-entrypoint`: more than one `ENTRYPOINT` in a stage (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "multiple-entrypoint",
    title: "more than one `ENTRYPOINT` in a stage",
    severity: Error,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL4004", "trivy:DS-0007", "buildkit:MultipleInstructionsDisallowed"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
