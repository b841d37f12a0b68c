//! `useradd-large-uid`: `useradd` with a large UID without `--no-log-init` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "useradd-large-uid",
    title: "`useradd` with a large UID without `--no-log-init`",
    severity: Warning,
    category: Efficiency,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL3046"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
