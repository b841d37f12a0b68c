//! `apt-get-install-recommends`: `apt-get install` without `--no-install-recommends` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "apt-get-install-recommends",
    title: "`apt-get install` without `--no-install-recommends`",
    severity: Info,
    category: Efficiency,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL3015", "trivy:DS-0029"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
