//! `pipe-without-pipefail`: a pipe in `RUN` without `pipefail` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "pipe-without-pipefail",
    title: "a pipe in `RUN` without `pipefail`",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL4006"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
