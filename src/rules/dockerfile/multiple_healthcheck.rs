//! `multiple-healthcheck`: a `HEALTHCHECK` that a later `HEALTHCHECK` in the same stage overrides.

use super::repeated_instruction::check_repeated;
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

fn check(df: &Dockerfile, cx: &mut Context) {
    check_repeated(df, cx, Keyword::Healthcheck);
}
