//! `cmd-shell-form`: `CMD` or `ENTRYPOINT` in shell form (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "cmd-shell-form",
    title: "`CMD` or `ENTRYPOINT` in shell form",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: Unsafe,
    aliases: ["hadolint:DL3025", "buildkit:JSONArgsRecommended"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
