//! `instruction-before-from`: an instruction other than `ARG` before the first `FROM` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "instruction-before-from",
    title: "an instruction other than `ARG` before the first `FROM`",
    severity: Error,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3061"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
