//! `apk-missing-no-cache`: `apk add` without `--no-cache` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "apk-missing-no-cache",
    title: "`apk add` without `--no-cache`",
    severity: Info,
    category: Efficiency,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL3019", "trivy:DS-0025"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
