//! `multiple-cmd`: a `CMD` that a later `CMD` in the same stage overrides.

use super::repeated_instruction::check_repeated;
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

fn check(df: &Dockerfile, cx: &mut Context) {
    check_repeated(df, cx, Keyword::Cmd);
}
