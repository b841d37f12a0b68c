//! `multiple-entrypoint`: a `ENTRYPOINT` that a later `ENTRYPOINT` in the same stage overrides.

use super::repeated_instruction::check_repeated;
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

fn check(df: &Dockerfile, cx: &mut Context) {
    check_repeated(df, cx, Keyword::Entrypoint);
}
