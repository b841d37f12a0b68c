//! `multiple-healthcheck`: more than one `HEALTHCHECK` in a stage (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "multiple-healthcheck",
    title: "more than one `HEALTHCHECK` in a stage",
    severity: Error,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3012", "trivy:DS-0023", "buildkit:MultipleInstructionsDisallowed"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
